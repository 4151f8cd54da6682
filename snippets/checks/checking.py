"""Checks shown on the page "Checking your own gradients" (docs/checking.md).

The page teaches the checker (snippets/gradcheck.py) on examples of its own: log |det X|,
a softplus loss and the backward pass of X⁻¹. Each example states its gradient in a
docstring, and each check takes the gradient under test as an argument, so that tests (and
the page) can hand it a wrong one and see it rejected. The `check_refuses_*` functions
return the message of the error the checker raises for bad input, and fail if it raises none.
"""

# --8<-- [start:setup]
import math

import numpy as np

from snippets.figures.check_costs import counted_evaluations
from snippets.figures.check_sensitivity import CONFIDENCES, rejected_with
from snippets.gradcheck import (
    DEFAULT_DIRECTIONS,
    DEFAULT_TOLERANCE,
    FULL_CHECK_MAX_SIZE,
    METHODS,
    CheckFailedError,
    GradientCheckError,
    check_gradient,
    compare,
    expect_pass,
    expect_reject,
    numerical_gradient,
)


def sigmoid(x):
    """σ(x) = 1 / (1 + exp(−x)), the derivative of softplus(x) = log(1 + exp(x))."""
    return 1.0 / (1.0 + np.exp(-x))


def random_invertible(seed=0, n=4, symmetric=False):
    """An n × n matrix with singular values between about 1 and 3 (SPD if symmetric)."""
    A = np.random.default_rng(seed).standard_normal((n, n)) / np.sqrt(n)
    return A @ A.T + np.eye(n) if symmetric else 2.0 * np.eye(n) + A / 2


def loss_inputs(seed=0, shape=(3, 4, 5)):
    """W (m, q), X (q, n) scaled so that D = W X has entries of order 1, labels T (m, n) of ±1."""
    m, q, n = shape
    rng = np.random.default_rng(seed)
    W = rng.standard_normal((m, q))
    X = rng.standard_normal((q, n)) / np.sqrt(q)
    T = rng.choice([-1.0, 1.0], size=(m, n))
    return W, X, T


# --8<-- [end:setup]


# --8<-- [start:check_logdet]
def logdet_grad(X):
    """∂ log|det X| / ∂X = X⁻ᵀ, for an invertible X: (n, n)."""
    return np.linalg.inv(X).T


def check_logdet(seed=0, n=4, grad=logdet_grad, label="X⁻ᵀ", symmetric=False):
    """f(X) = log|det X| at a random invertible X (n, n): its gradient must equal grad(X)."""
    X = random_invertible(seed, n, symmetric)
    return check_gradient(
        lambda X: np.linalg.slogdet(X)[1], grad, X, label=f"∂ log|det X|/∂X = {label}"
    )


def det_grad(X):
    """∂ det X / ∂X = det(X) X⁻ᵀ, for an invertible X: (n, n)."""
    return np.linalg.det(X) * np.linalg.inv(X).T


def check_det(seed=0, n=4, grad=det_grad, label="det(X) X⁻ᵀ"):
    """f(X) = det X at a random invertible X (n, n): its gradient must equal grad(X)."""
    X = random_invertible(seed, n)
    return check_gradient(np.linalg.det, grad, X, label=f"∂ det X/∂X = {label}")


LOGDET_MISTAKES = {
    "X⁻¹": lambda X: np.linalg.inv(X),  # transposed: the numerator-layout answer
    "2 X⁻ᵀ": lambda X: 2 * np.linalg.inv(X).T,
    "−X⁻ᵀ": lambda X: -np.linalg.inv(X).T,
    "det(X) X⁻ᵀ": lambda X: np.linalg.det(X) * np.linalg.inv(X).T,  # ∂ det X/∂X
}


# --8<-- [end:check_logdet]


# --8<-- [start:check_softplus_loss]
def softplus_loss(W, X, T):
    """φ = Σ_ij softplus(−T_ij D_ij), D = W X; W: (m, q), X: (q, n), labels T: (m, n) of ±1."""
    return np.sum(np.log1p(np.exp(-T * (W @ X))))


def softplus_loss_G(D, T):
    """G = ∂φ/∂D = −T ⊙ σ(−T ⊙ D): (m, n), for φ = Σ_ij softplus(−T_ij D_ij), D and T (m, n)."""
    return -T * sigmoid(-T * D)


def softplus_loss_grad(W, X, T):
    """∂φ/∂W = G Xᵀ: (m, q), where G = ∂φ/∂D = −T ⊙ σ(−T ⊙ D): (m, n)."""
    return softplus_loss_G(W @ X, T) @ X.T


def check_softplus_G(seed=0, shape=(3, 4, 5), G=softplus_loss_G, label="−T ⊙ σ(−T ⊙ D)"):
    """φ(D) = Σ_ij softplus(−T_ij D_ij) at D = W X (m, n): its gradient must equal G(D, T)."""
    W, X, T = loss_inputs(seed, shape)
    D = W @ X
    return check_gradient(
        lambda D: np.sum(np.log1p(np.exp(-T * D))), G(D, T), D, label=f"G = ∂φ/∂D = {label}"
    )


def check_softplus_loss(
    seed=0, shape=(3, 4, 5), grad=softplus_loss_grad, label="G Xᵀ", method="auto"
):
    """φ(W) = softplus_loss(W, X, T): its gradient must equal grad(W, X, T)."""
    W, X, T = loss_inputs(seed, shape)
    return check_gradient(
        lambda W: softplus_loss(W, X, T),
        grad(W, X, T),
        W,
        method=method,
        label=f"softplus loss, ∂φ/∂W = {label}",
    )


SOFTPLUS_MISTAKES = {
    "σ(−T ⊙ D) Xᵀ": lambda W, X, T: sigmoid(-T * (W @ X)) @ X.T,  # the factor −T dropped
    "−T ⊙ σ(T ⊙ D) Xᵀ": lambda W, X, T: (-T * sigmoid(T * (W @ X))) @ X.T,
    "2 G Xᵀ": lambda W, X, T: 2 * softplus_loss_grad(W, X, T),
    "−G Xᵀ": lambda W, X, T: -softplus_loss_grad(W, X, T),
}


# --8<-- [end:check_softplus_loss]


# --8<-- [start:check_error_measure]
def error_measure(g, g_hat):
    """err = max_i |g_i − ĝ_i| / max(max_i |g_i|, max_i |ĝ_i|), the error the checker prints."""
    return np.max(np.abs(g - g_hat)) / max(np.max(np.abs(g)), np.max(np.abs(g_hat)))


EXACT = "against the exact value"


def check_error_measure(seed=0, n=4, error=error_measure):
    """At a random invertible X (n, n), for f(X) = log|det X|: the printed error of the claim
    2 X⁻ᵀ equals err computed from the numerical gradient; and err = 0.5 for a factor 2
    or ½, err = 2 for a wrong sign, up to the numerical gradient's own error."""
    X = random_invertible(seed, n)

    def f(X):
        return np.linalg.slogdet(X)[1]

    g_hat = numerical_gradient(f, X)
    twice, half, negated = 2 * logdet_grad(X), logdet_grad(X) / 2, -logdet_grad(X)
    printed = check_gradient(f, twice, X).max_rel_error
    return [
        compare(printed, error(twice, g_hat), label="printed error = err, for 2 X⁻ᵀ"),
        compare(
            error(twice, g_hat),
            0.5,
            tolerance=1e-10,
            method=EXACT,
            label="err = 0.5 for a factor 2",
        ),
        compare(
            error(half, g_hat), 0.5, tolerance=1e-10, method=EXACT, label="err = 0.5 for a factor ½"
        ),
        compare(
            error(negated, g_hat),
            2.0,
            tolerance=1e-10,
            method=EXACT,
            label="err = 2 for a wrong sign",
        ),
    ]


# --8<-- [end:check_error_measure]


# --8<-- [start:stencil_errors]
EPS = np.finfo(np.float64).eps
STEPS = (1e-1, 1e-2, 1e-3, EPS**0.2, 1e-4, 1e-5, EPS ** (1 / 3), 1e-6, 1e-7, 1e-8)


def stencil_errors(x=0.5, steps=STEPS):
    """Relative errors of the two-point and five-point central differences of
    softplus(x) = log(1 + eˣ) at x, whose derivative is σ(x): rows (h, two-point, five-point)."""

    def f(x):
        return np.log1p(np.exp(x))

    exact = sigmoid(x)
    rows = []
    for h in steps:
        two = (f(x + h) - f(x - h)) / (2 * h)
        five = (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h)
        rows.append((h, abs(two - exact) / exact, abs(five - exact) / exact))
    return rows


def check_stencil_orders(x=0.5, steps=(1e-1, 1e-2), two_point=2.0, five_point=4.0):
    """The slope of log(error) against log(h) between two steps where truncation dominates:
    the claimed order, 2 for the two-point difference and 4 for the five-point one.
    Estimates of an exponent, so held to 2 % (tolerance 0.02)."""
    (h1, two1, five1), (h2, two2, five2) = stencil_errors(x, steps)
    slope = np.log(h1 / h2)
    return [
        compare(
            np.log(two1 / two2) / slope,
            two_point,
            tolerance=0.02,
            method=f"slope between h = {h1:g} and {h2:g}",
            label="two-point error ∝ h²",
        ),
        compare(
            np.log(five1 / five2) / slope,
            five_point,
            tolerance=0.02,
            method=f"slope between h = {h1:g} and {h2:g}",
            label="five-point error ∝ h⁴",
        ),
    ]


# --8<-- [end:stencil_errors]


# --8<-- [start:check_inverse_backward]
def inverse_backward(dF, X):
    """F = X⁻¹ with X: (n, n). Given dF = ∂φ/∂F: (n, n), return dX = −X⁻ᵀ dF X⁻ᵀ: (n, n)."""
    Xi = np.linalg.inv(X)
    return -Xi.T @ dF @ Xi.T


def check_inverse_backward(
    seed=0, n=4, backward=inverse_backward, label="−X⁻ᵀ G X⁻ᵀ", upstream="random"
):
    """φ(X) = G : X⁻¹ has ∂φ/∂F = G; its gradient must equal backward(G, X).

    upstream="random" draws G at random; upstream="ones" uses G = 1 1ᵀ, which is what
    testing with φ = X⁻¹.sum() amounts to.
    """
    X = random_invertible(seed, n)
    rng = np.random.default_rng(seed + 1)
    G = rng.standard_normal((n, n)) if upstream == "random" else np.ones((n, n))
    return check_gradient(
        lambda X: np.sum(G * np.linalg.inv(X)),
        backward(G, X),
        X,
        label=f"F = X⁻¹, G {upstream}: dX = {label}",
    )


# --8<-- [end:check_inverse_backward]


# --8<-- [start:refusals]
def refusal(check, *args, **kwargs):
    """Run a check that must refuse its input, and return the message it refuses it with."""
    try:
        check(*args, **kwargs)
    except GradientCheckError as error:
        return f"GradientCheckError: {error}"
    raise CheckFailedError("the input was accepted, but it should have been refused")


def check_refuses_integer_x(seed=0, shape=(3, 4, 5)):
    """W of integers: finite differences of integers measure nothing."""
    W, X, T = loss_inputs(seed, shape)
    W_int = np.round(10 * W).astype(np.int64)
    return refusal(check_gradient, lambda W: softplus_loss(W, X, T), np.zeros(W.shape), W_int)


def check_refuses_float32_x(seed=0, shape=(3, 4, 5)):
    """W in single precision: rounding at 1e-7 swamps a finite difference."""
    W, X, T = loss_inputs(seed, shape)
    W32 = W.astype(np.float32)
    return refusal(check_gradient, lambda W: softplus_loss(W, X, T), np.zeros(W.shape), W32)


def check_refuses_nan_x(seed=0, shape=(3, 4, 5)):
    """W with a NaN entry (a missing value, or the output of a failed step)."""
    W, X, T = loss_inputs(seed, shape)
    W[0, 1] = np.nan
    return refusal(check_gradient, lambda W: softplus_loss(W, X, T), np.zeros(W.shape), W)


def check_refuses_transposed_gradient(seed=0, shape=(3, 4, 5), grad=softplus_loss_grad):
    """The gradient handed over transposed, (q, m) for W: (m, q)."""
    W, X, T = loss_inputs(seed, shape)
    return refusal(check_gradient, lambda W: softplus_loss(W, X, T), grad(W, X, T).T, W)


def check_refuses_non_scalar_f(seed=0, shape=(3, 4, 5)):
    """f returns the loss of every entry, (m, n), instead of their sum."""
    W, X, T = loss_inputs(seed, shape)

    def per_entry(W):
        return np.log1p(np.exp(-T * (W @ X)))

    return refusal(check_gradient, per_entry, softplus_loss_grad(W, X, T), W)


def check_refuses_complex_step_on_real_only_f(seed=0, shape=(3, 4, 5)):
    """method="complex" on an f written with np.logaddexp, which has no complex version."""
    W, X, T = loss_inputs(seed, shape)

    def loss(W):
        return np.sum(np.logaddexp(0.0, -T * (W @ X)))

    return refusal(check_gradient, loss, softplus_loss_grad(W, X, T), W, method="complex")


# --8<-- [end:refusals]


# --8<-- [start:check_scales]
def scaled_square(scale=1e-12, x_scale=1.0, seed=0, shape=(3, 4)):
    """f(X) = scale · Σ X², X (m, n) of size x_scale; its gradient is 2 · scale · X."""
    X = x_scale * np.random.default_rng(seed).standard_normal(shape)
    return (lambda X: scale * np.sum(X**2)), 2 * scale * X, X


def check_scaled_square(scale=1e-12, x_scale=1.0, sign=1.0, method="auto"):
    """check_gradient of f = scale · Σ X² against the claim sign · 2 · scale · X."""
    f, g, X = scaled_square(scale, x_scale)
    label = f"{'' if sign > 0 else '−'}2·{scale:.0e}·X, X ~ {x_scale:.0e}"
    return check_gradient(f, sign * g, X, method=method, label=label)


# --8<-- [end:check_scales]


# --8<-- [start:misuse]
def misuse(call, *args, **kwargs):
    """Run a call that misuses the checker, and return the message it is refused with."""
    try:
        call(*args, **kwargs)
    except (GradientCheckError, TypeError) as error:
        return f"{type(error).__name__}: {error}"
    raise CheckFailedError("the misuse was accepted, but it should have been refused")


def results_in_a_list():
    """expect_pass([a, b]): a list of results handed over with the star forgotten."""
    return misuse(expect_pass, [check_logdet(), check_det()])


def f_underflows():
    """f = 1e300 · Σ X² at X of size 1e-200: X² underflows to 0, so f is 0 near X."""
    X = np.full((2, 3), 1e-200)
    return misuse(check_gradient, lambda X: 1e300 * np.sum(X**2), 2e300 * X, X)


def gradient_of_three_arguments(seed=0, shape=(3, 4, 5)):
    """The gradient function handed over as it is written, grad(W, X, T), not as grad(W)."""
    W, X, T = loss_inputs(seed, shape)
    return misuse(check_gradient, lambda W: softplus_loss(W, X, T), softplus_loss_grad, W)


# --8<-- [end:misuse]


# --8<-- [start:miss_probability]
def miss_probability(rel, directions=2, tolerance=DEFAULT_TOLERANCE["directional"]):
    """The chance that a claimed g = ∇f + δ passes the directional check, where
    rel = ‖s ⊙ δ‖ / ‖s ⊙ g‖: each direction measures |N(0, 1)| · rel, and all must stay
    under the tolerance: erf(tolerance / (rel √2))^directions."""
    return math.erf(tolerance / (rel * math.sqrt(2.0))) ** directions


def check_miss_probability(rel=2e-8, directions=2, trials=400, size=50, formula=miss_probability):
    """Count how often a gradient off by rel (in the sense above) passes, over `trials`
    seeds of the directions, against trials · miss_probability(rel): within four standard
    deviations of the binomial count."""
    rng = np.random.default_rng(0)
    x = rng.choice([-1.0, 1.0], size) * rng.uniform(1.0, 2.0, size)  # |x_i| near 1: s = |x|

    def f(x):
        return np.sum(np.log1p(np.exp(x)))

    g = sigmoid(x)
    v = rng.standard_normal(size)
    delta = rel * np.linalg.norm(np.abs(x) * g) / np.linalg.norm(np.abs(x) * v) * v
    passes = sum(
        bool(check_gradient(f, g + delta, x, method="directional", directions=directions, seed=k))
        for k in range(trials)
    )
    expected = trials * formula(rel, directions)
    spread = 4.0 * math.sqrt(expected * (1.0 - expected / trials))
    return compare(
        float(passes),
        expected,
        tolerance=spread / expected,
        method=f"{trials} seeds, ± 4 standard deviations",
        label=f"passes of an error rel = {rel:.0e}, {directions} directions",
    )


# --8<-- [end:miss_probability]


# --8<-- [start:check_sensitivity]
def check_sensitivity(size=10**4, tolerance=DEFAULT_TOLERANCE["directional"]):
    """What the figure plots: d directions cost 4d counted evaluations of f (at any size of
    x; here 10⁴ entries), and each plotted error rel solves erf(tol / (rel √2))^d = 1 − confidence,
    with tol the tolerance."""
    results = []
    for d in (1, 2, 4):
        calls = counted_evaluations("directional", (100, size // 100, 2), directions=d)
        results.append(
            compare(
                float(4 * d),
                float(calls),
                tolerance=0.0,
                method="counted calls",
                label=f"{d} direction{'s' * (d > 1)}: plotted cost",
            )
        )
    for confidence in CONFIDENCES:
        for d in (1, 2, 8):
            rel = rejected_with(confidence, d, tolerance)
            results.append(
                compare(
                    miss_probability(rel, d, tolerance),
                    1.0 - confidence,
                    tolerance=1e-9,
                    method="the formula",
                    label=f"{d} direction{'s' * (d > 1)}: rel = {rel:.1e}"
                    f" passes {1 - confidence:.0%}",
                )
            )
    return results


# --8<-- [end:check_sensitivity]
