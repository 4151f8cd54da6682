"""The gradient checker (snippets/gradcheck.py) itself: it passes correct gradients and has teeth.

The identities here are used nowhere else in the repository, so the checker is not only
known to work on the formulas it was written for:

    log det X (X SPD)   → X⁻¹              log |det X|   → X⁻ᵀ
    aᵀ X⁻¹ b            → −X⁻ᵀ a bᵀ X⁻ᵀ    tr(X³)        → 3 (X²)ᵀ
    Σ σ(x)              → σ(x)(1 − σ(x))   Σ softplus(x) → σ(x)
    ‖x‖² (vector)       → 2x               tr(X A Xᵀ)    → X (A + Aᵀ)   (X non-square)
    sin(x) eˣ (0-d x)   → (cos x + sin x) eˣ
    Σ x tanh(x) (3-d)   → tanh x + x (1 − tanh² x)

Every f is written with operations that also accept complex input, so that the
complex-step method applies to all of them (except log |det X|, which is not analytic).
"""

import ast
import re
import sys
from collections.abc import Callable
from dataclasses import FrozenInstanceError, dataclass
from pathlib import Path

import numpy as np
import pytest

import snippets.gradcheck as gradcheck_module
from snippets.gradcheck import (
    DEFAULT_DIRECTIONS,
    DEFAULT_TOLERANCE,
    FULL_CHECK_MAX_SIZE,
    CheckFailedError,
    CheckResult,
    GradientCheckError,
    check_gradient,
    check_jacobian,
    compare,
    expect_pass,
    expect_reject,
    numerical_gradient,
    numerical_jacobian,
    relative_error,
    vec,
)

ROOT = Path(__file__).resolve().parent.parent
MANY_SEEDS = range(200)
SOME_SEEDS = range(20)


# --- the identities -------------------------------------------------------------------------


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def spd(rng, n):
    """A symmetric positive definite n × n matrix with eigenvalues between about 1 and 5."""
    A = rng.standard_normal((n, n))
    return A @ A.T / n + np.eye(n)


def well_conditioned(rng, n):
    """A non-symmetric n × n matrix with singular values between about 1 and 3."""
    return 2.0 * np.eye(n) + 0.5 * rng.standard_normal((n, n)) / np.sqrt(n)


@dataclass(frozen=True)
class Case:
    """f, its gradient and a point, built from one seed."""

    f: Callable
    grad: Callable
    x: np.ndarray
    analytic: bool = True  # f accepts complex input and is analytic: complex step applies


def logdet_spd(rng):
    # log det X = log of the product of the eigenvalues; np.log(det) accepts complex X too.
    return Case(lambda X: np.log(np.linalg.det(X)), np.linalg.inv, spd(rng, 4))


def logabsdet(rng):
    return Case(
        lambda X: np.linalg.slogdet(X)[1],
        lambda X: np.linalg.inv(X).T,
        well_conditioned(rng, 4),
        analytic=False,
    )


def a_inv_b(rng):
    a, b = rng.standard_normal(4), rng.standard_normal(4)

    def grad(X):
        Xi = np.linalg.inv(X)
        return -Xi.T @ np.outer(a, b) @ Xi.T

    return Case(lambda X: a @ np.linalg.solve(X, b), grad, well_conditioned(rng, 4))


def sum_sigmoid(rng):
    return Case(
        lambda X: np.sum(sigmoid(X)),
        lambda X: sigmoid(X) * (1 - sigmoid(X)),
        rng.standard_normal((3, 5)),
    )


def softplus(rng):
    return Case(lambda x: np.sum(np.log1p(np.exp(x))), sigmoid, rng.standard_normal(7))


def squared_norm(rng):
    return Case(lambda x: x @ x, lambda x: 2 * x, rng.standard_normal(6))


def trace_cube(rng):
    return Case(lambda X: np.trace(X @ X @ X), lambda X: 3 * (X @ X).T, rng.standard_normal((4, 4)))


def quadratic_form(rng):
    A = rng.standard_normal((5, 5))
    return Case(
        lambda X: np.trace(X @ A @ X.T), lambda X: X @ (A + A.T), rng.standard_normal((3, 5))
    )


def scalar_x(rng):
    return Case(
        lambda x: np.sin(x) * np.exp(x),
        lambda x: (np.cos(x) + np.sin(x)) * np.exp(x),
        np.array(rng.standard_normal()),
    )


def three_d_x(rng):
    return Case(
        lambda x: np.sum(x * np.tanh(x)),
        lambda x: np.tanh(x) + x * (1 - np.tanh(x) ** 2),
        rng.standard_normal((2, 3, 4)),
    )


IDENTITIES = {
    "log det X (SPD) -> X^-1": logdet_spd,
    "log|det X| -> X^-T": logabsdet,
    "a'X^-1 b -> -X^-T a b' X^-T": a_inv_b,
    "sum sigmoid": sum_sigmoid,
    "softplus": softplus,
    "||x||^2 -> 2x": squared_norm,
    "tr(X^3) -> 3(X^2)'": trace_cube,
    "tr(X A X') -> X(A + A')": quadratic_form,
    "0-d x": scalar_x,
    "3-d x": three_d_x,
}
ANALYTIC = [name for name, make in IDENTITIES.items() if make(np.random.default_rng(0)).analytic]


def case(name, seed):
    return IDENTITIES[name](np.random.default_rng(seed))


def perturbed(g, seed, relative=1e-6):
    """g with every entry moved by ±relative · max|g|: relative_error(result, g) = relative."""
    signs = np.random.default_rng(10_000 + seed).choice([-1.0, 1.0], size=np.shape(g))
    return g + relative * np.max(np.abs(g)) * signs


class Counted:
    """Wraps f and counts its evaluations."""

    def __init__(self, f):
        self.f, self.calls = f, 0

    def __call__(self, x):
        self.calls += 1
        return self.f(x)


# --- the test cases are what they claim ----------------------------------------------------


def test_identity_inputs_are_well_scaled():
    for seed in SOME_SEEDS:
        rng = np.random.default_rng(seed)
        assert np.linalg.cond(well_conditioned(rng, 4)) < 10
        S = spd(rng, 4)
        assert np.allclose(S, S.T)
        assert np.linalg.eigvalsh(S).min() >= 1.0 - 1e-12


def test_square_gradients_used_for_transpose_tests_are_not_symmetric():
    for name in ["log|det X| -> X^-T", "a'X^-1 b -> -X^-T a b' X^-T", "tr(X^3) -> 3(X^2)'"]:
        c = case(name, 0)
        g = c.grad(c.x)
        assert relative_error(g.T, g) > 0.01, name


# --- no false rejections --------------------------------------------------------------------


@pytest.mark.parametrize("method", ["central", "directional"])
@pytest.mark.parametrize("name", IDENTITIES)
def test_correct_gradient_is_never_rejected(name, method):
    rejected = []
    for seed in MANY_SEEDS:
        c = case(name, seed)
        result = check_gradient(c.f, c.grad, c.x, method=method, seed=seed)
        if not result:
            rejected.append((seed, str(result)))
    assert rejected == [], f"{name}: correct gradient rejected at {len(rejected)} seeds"


@pytest.mark.parametrize("name", ANALYTIC)
def test_correct_gradient_is_never_rejected_by_complex_step(name):
    rejected = []
    for seed in MANY_SEEDS:
        c = case(name, seed)
        result = check_gradient(c.f, c.grad, c.x, method="complex")
        if not result:
            rejected.append((seed, str(result)))
    assert rejected == []


@pytest.mark.parametrize("name", IDENTITIES)
def test_correct_gradient_passes_with_a_wide_margin_in_default_mode(name):
    # Not just under the tolerance: far under it, so that it is not one seed away from failing.
    for seed in SOME_SEEDS:
        c = case(name, seed)
        result = check_gradient(c.f, c.grad, c.x)
        assert result.method == "central differences"
        assert result.max_rel_error < DEFAULT_TOLERANCE["central"] / 5


def test_the_gradient_can_be_an_array_or_a_callable():
    c = case("tr(X^3) -> 3(X^2)'", 0)
    assert check_gradient(c.f, c.grad, c.x)
    assert check_gradient(c.f, c.grad(c.x), c.x)


def test_x_can_be_a_python_float():
    assert check_gradient(np.sin, np.cos, 0.3)


def test_f_that_modifies_its_input_does_not_corrupt_the_check():
    def f(x):
        value = np.sum(x**3)
        x *= 0.0  # a careless f
        return value

    x = np.random.default_rng(0).standard_normal(5)
    before = x.copy()
    assert check_gradient(f, 3 * x**2, x)
    assert np.array_equal(x, before)


@pytest.mark.parametrize("method", ["central", "directional"])
def test_zero_gradient_at_a_minimum_is_accepted_and_a_wrong_one_rejected(method):
    c = np.random.default_rng(1).standard_normal(8)

    def f(x):
        return np.sum((x - c) ** 2) + 1.0

    assert check_gradient(f, np.zeros(8), c.copy(), method=method)
    assert not check_gradient(f, np.full(8, 0.1), c.copy(), method=method)


@pytest.mark.parametrize("method", ["central", "directional"])
def test_small_gradients_are_still_checked(method):
    # Only gradients at the rounding level of f are waved through, not merely small ones.
    x = np.random.default_rng(0).standard_normal(6)

    def f(x):
        return 1e-8 * (x @ x)

    assert check_gradient(f, 2e-8 * x, x, method=method)
    assert not check_gradient(f, 4e-8 * x, x, method=method)
    assert not check_gradient(f, np.zeros(6), x, method=method)


def test_directional_stays_accurate_when_all_entries_move_at_once():
    # The directional step moves every entry; aᵀX⁻¹b on matrices with condition numbers up to
    # about 40 (X = 4I + noise) is where a plain five-point difference along u loses accuracy.
    rejected = []
    for seed in MANY_SEEDS:
        rng = np.random.default_rng(seed)
        X = 4.0 * np.eye(4) + rng.standard_normal((4, 4))
        a, b = rng.standard_normal(4), rng.standard_normal(4)
        Xi = np.linalg.inv(X)

        def f(X, a=a, b=b):
            return a @ np.linalg.solve(X, b)

        result = check_gradient(f, -Xi.T @ np.outer(a, b) @ Xi.T, X, method="directional")
        if not result:
            rejected.append((seed, np.linalg.cond(X), result.max_rel_error))
    assert rejected == []


# --- teeth: wrong gradients are rejected ----------------------------------------------------


def wrong_variants(name):
    """Plausible mistakes: the common ones, and those specific to each identity."""
    common = {
        "times 2": lambda g, c: lambda x: 2 * g(x),
        "wrong sign": lambda g, c: lambda x: -g(x),
        "perturbed 1e-6 relative": lambda g, c: perturbed(g(c.x), 0),
    }
    specific = {
        "log|det X| -> X^-T": {"X^-1 instead of X^-T": lambda g, c: np.linalg.inv},
        "a'X^-1 b -> -X^-T a b' X^-T": {
            "transposed": lambda g, c: lambda X: g(X).T,
            "X^-1 instead of X^-T": lambda g, c: lambda X: g(X.T),
        },
        "tr(X^3) -> 3(X^2)'": {
            "transposed": lambda g, c: lambda X: g(X).T,
            "missing factor 3": lambda g, c: lambda X: g(X) / 3,
        },
        "sum sigmoid": {"sigma instead of sigma'": lambda g, c: sigmoid},
        "softplus": {"softplus instead of sigma": lambda g, c: lambda x: np.log1p(np.exp(x))},
        "tr(X A X') -> X(A + A')": {"X A only": lambda g, c: lambda X: g(X) / 2},
    }
    return {**common, **specific.get(name, {})}


WRONG = [(name, wrong) for name in IDENTITIES for wrong in wrong_variants(name)]


@pytest.mark.parametrize(("name", "wrong"), WRONG, ids=[f"{n}: {w}" for n, w in WRONG])
def test_wrong_gradient_is_rejected_in_default_mode(name, wrong):
    for seed in SOME_SEEDS:
        c = case(name, seed)
        bad = wrong_variants(name)[wrong](c.grad, c)
        result = check_gradient(c.f, bad, c.x)
        assert not result, f"seed {seed}: {result}"


@pytest.mark.parametrize(("name", "wrong"), WRONG, ids=[f"{n}: {w}" for n, w in WRONG])
def test_wrong_gradient_is_rejected_by_the_directional_method(name, wrong):
    for seed in SOME_SEEDS:
        c = case(name, seed)
        bad = wrong_variants(name)[wrong](c.grad, c)
        assert not check_gradient(c.f, bad, c.x, method="directional", seed=seed)


@pytest.mark.parametrize(
    ("name", "wrong"),
    [(n, w) for n, w in WRONG if n in ANALYTIC],
    ids=[f"{n}: {w}" for n, w in WRONG if n in ANALYTIC],
)
def test_wrong_gradient_is_rejected_by_the_complex_step(name, wrong):
    for seed in SOME_SEEDS:
        c = case(name, seed)
        bad = wrong_variants(name)[wrong](c.grad, c)
        assert not check_gradient(c.f, bad, c.x, method="complex")


def test_the_mistakes_really_are_different_from_the_gradient():
    # A "wrong" gradient that happened to equal the right one would make the tests above vacuous.
    for name, wrong in WRONG:
        c = case(name, 0)
        bad = wrong_variants(name)[wrong](c.grad, c)
        bad = bad(c.x) if callable(bad) else bad
        assert relative_error(bad, c.grad(c.x)) > 0.99e-6, (name, wrong)


@pytest.mark.parametrize("method", ["auto", "central", "complex", "directional"])
def test_x_inverse_rejected_where_x_inverse_transposed_is_right(method):
    # ∂ aᵀX⁻¹b/∂X = −X⁻ᵀ a bᵀ X⁻ᵀ; the same expression with X⁻¹ is the numerator-layout slip.
    for seed in SOME_SEEDS:
        rng = np.random.default_rng(seed)
        X = well_conditioned(rng, 4)
        a, b = rng.standard_normal(4), rng.standard_normal(4)
        Xi = np.linalg.inv(X)

        def f(X, a=a, b=b):
            return a @ np.linalg.solve(X, b)

        assert check_gradient(f, -Xi.T @ np.outer(a, b) @ Xi.T, X, method=method)
        assert not check_gradient(f, -Xi @ np.outer(a, b) @ Xi, X, method=method)


def test_transposed_gradient_on_square_x_is_rejected_for_every_square_identity():
    for name in IDENTITIES:
        for seed in SOME_SEEDS:
            c = case(name, seed)
            if c.x.ndim != 2 or c.x.shape[0] != c.x.shape[1]:
                continue
            g = c.grad(c.x)
            if relative_error(g.T, g) < 1e-6:  # symmetric gradient (log det of SPD X)
                continue
            assert not check_gradient(c.f, g.T, c.x), (name, seed)


def test_sum_sigmoid_transposed_on_square_x_is_rejected():
    for seed in SOME_SEEDS:
        X = np.random.default_rng(seed).standard_normal((4, 4))
        s = sigmoid(X)
        assert check_gradient(lambda X: np.sum(sigmoid(X)), s * (1 - s), X)
        assert not check_gradient(lambda X: np.sum(sigmoid(X)), (s * (1 - s)).T, X)


def test_complex_step_sees_finer_errors_than_central_differences():
    c = case("softplus", 0)
    g = c.grad(c.x)
    exact = check_gradient(c.f, g, c.x, method="complex")
    assert exact.max_rel_error < 1e-14
    # 1e-9 relative: inside central's tolerance, far outside the complex step's.
    slightly_off = perturbed(g, 0, relative=1e-9)
    assert check_gradient(c.f, slightly_off, c.x, method="central")
    assert not check_gradient(c.f, slightly_off, c.x, method="complex")


# --- large x: the directional method --------------------------------------------------------


def large_softplus(n, seed=0):
    x = np.random.default_rng(seed).standard_normal(n)
    return (lambda x: np.sum(np.log1p(np.exp(x)))), sigmoid(x), x


def test_auto_uses_central_differences_up_to_the_limit_then_directions():
    for n, expected in [(FULL_CHECK_MAX_SIZE, "central"), (FULL_CHECK_MAX_SIZE + 1, "directional")]:
        f, g, x = large_softplus(n)
        result = check_gradient(f, g, x)
        assert result
        assert result.method.startswith(expected)


@pytest.mark.parametrize("n", [10, 1_000, 100_000])
def test_directional_on_large_x_passes_correct_and_rejects_wrong(n):
    f, g, x = large_softplus(n)
    assert check_gradient(f, g, x, method="directional")
    assert not check_gradient(f, 2 * g, x, method="directional")
    assert not check_gradient(f, -g, x, method="directional")
    assert not check_gradient(f, perturbed(g, 0), x, method="directional")


def test_default_mode_on_1e5_entries_rejects_a_1e6_relative_error():
    # The measured error must not shrink with x.size: the default tolerance stays meaningful.
    f, g, x = large_softplus(100_000)
    correct = check_gradient(f, g, x)
    assert correct
    assert correct.method.startswith("directional")
    for seed in range(5):
        off = check_gradient(f, perturbed(g, seed), x, seed=seed)
        assert not off
        assert off.max_rel_error > 1e-7


def test_directional_transposed_on_large_square_x_is_rejected():
    X = np.random.default_rng(0).standard_normal((60, 60))
    s = sigmoid(X)

    def f(X):
        return np.sum(sigmoid(X) * np.arange(60.0))  # column weights: the gradient is not symmetric

    g = s * (1 - s) * np.arange(60.0)
    assert check_gradient(f, g, X)
    assert check_gradient(f, g, X, method="directional")
    assert not check_gradient(f, g.T, X, method="directional")


def test_directional_cost_does_not_depend_on_x_size():
    counts = {}
    for n in [10, 1_000, 100_000]:
        f, g, x = large_softplus(n)
        counted = Counted(f)
        assert check_gradient(counted, g, x, method="directional")
        counts[n] = counted.calls
    assert len(set(counts.values())) == 1, counts
    assert counts[10] == 4 * DEFAULT_DIRECTIONS  # four points per direction, no f(x)


def test_directional_cost_grows_with_the_number_of_directions_only():
    f, g, x = large_softplus(100_000)
    calls = []
    for directions in [2, 4, 8]:
        counted = Counted(f)
        check_gradient(counted, g, x, method="directional", directions=directions)
        calls.append(counted.calls)
    per_direction = (calls[2] - calls[1]) / 4
    assert per_direction == (calls[1] - calls[0]) / 2 > 0


def test_full_methods_cost_grows_with_x_size():
    for n in [3, 30]:
        f, g, x = large_softplus(n)
        central, complex_step = Counted(f), Counted(f)
        check_gradient(central, g, x, method="central")
        check_gradient(complex_step, g, x, method="complex")
        assert 4 * n <= central.calls <= 4 * n + 2  # four points per entry
        assert n <= complex_step.calls <= n + 2  # one complex point per entry


def test_directional_seed_chooses_the_directions():
    c = case("tr(X^3) -> 3(X^2)'", 0)
    bad = 2 * c.grad(c.x)
    errors = {
        check_gradient(c.f, bad, c.x, method="directional", seed=s).max_rel_error for s in (0, 1)
    }
    assert len(errors) == 2
    again = check_gradient(c.f, bad, c.x, method="directional", seed=0).max_rel_error
    assert again in errors


# --- numerical_gradient ---------------------------------------------------------------------


@pytest.mark.parametrize("name", IDENTITIES)
def test_numerical_gradient_has_the_shape_of_x_and_the_right_values(name):
    c = case(name, 3)
    numerical = numerical_gradient(c.f, c.x)
    assert numerical.shape == c.x.shape
    assert relative_error(numerical, c.grad(c.x)) < 1e-10


@pytest.mark.parametrize("name", ANALYTIC)
def test_numerical_gradient_by_complex_step_is_exact_to_rounding(name):
    c = case(name, 3)
    numerical = numerical_gradient(c.f, c.x, method="complex")
    assert numerical.shape == c.x.shape
    assert relative_error(numerical, c.grad(c.x)) < 1e-13


def test_numerical_gradient_step_scales_with_x():
    # log x at x up to 1e5: a fixed step of 7e-4 would be lost in the rounding of x + h.
    x = np.geomspace(1e3, 1e5, 9)
    assert relative_error(numerical_gradient(lambda x: np.sum(np.log(x)), x), 1 / x) < 1e-10


def test_numerical_gradient_rejects_an_unknown_method():
    with pytest.raises(GradientCheckError, match=r"method must be 'central' or 'complex'.*'fast'"):
        numerical_gradient(np.sum, np.ones(3), method="fast")


# --- numerical_jacobian ---------------------------------------------------------------------


def axb(seed, p, m, n, r):
    rng = np.random.default_rng(seed)
    return (
        rng.standard_normal((p, m)),
        rng.standard_normal((m, n)),
        rng.standard_normal((n, r)),
    )


@pytest.mark.parametrize("dims", [(2, 3, 4, 5), (4, 4, 4, 4), (1, 3, 2, 1)])
def test_numerical_jacobian_of_AXB_is_B_transposed_kron_A(dims, seed):
    A, X, B = axb(seed, *dims)
    J = numerical_jacobian(lambda X: A @ X @ B, X)
    p, m, n, r = dims
    assert J.shape == (p * r, m * n)
    assert relative_error(J, np.kron(B.T, A)) < 1e-10
    assert check_jacobian(lambda X: A @ X @ B, np.kron(B.T, A), X)


@pytest.mark.parametrize("dims", [(2, 3, 4, 5), (4, 4, 4, 4)])
def test_numerical_jacobian_is_not_the_row_major_variant(dims, seed):
    # With row-major vec (numpy's reshape(-1)), AXB would have the Jacobian A ⊗ Bᵀ instead.
    A, X, B = axb(seed, *dims)
    J = numerical_jacobian(lambda X: A @ X @ B, X)
    row_major = np.kron(A, B.T)
    assert row_major.shape == J.shape
    assert relative_error(J, row_major) > 0.1
    assert not check_jacobian(lambda X: A @ X @ B, row_major, X)
    # ... and A ⊗ Bᵀ is exactly what row-major vec on both sides would give.
    J_rows = np.array([(A @ E.reshape(X.shape) @ B).reshape(-1) for E in np.eye(X.size)]).T
    assert relative_error(J_rows, row_major) < 1e-13


def test_numerical_jacobian_maps_vec_of_a_change_to_vec_of_the_result():
    A, X, B = axb(0, 2, 3, 4, 5)
    V = np.random.default_rng(1).standard_normal(X.shape)
    J = numerical_jacobian(lambda X: A @ X @ B, X)
    assert relative_error(J @ vec(V), vec(A @ V @ B)) < 1e-10


def test_numerical_jacobian_of_the_inverse():
    # F(X) = X⁻¹ has dF = −X⁻¹ dX X⁻¹, so J = −(X⁻ᵀ ⊗ X⁻¹).
    X = well_conditioned(np.random.default_rng(0), 3)
    Xi = np.linalg.inv(X)
    assert check_jacobian(np.linalg.inv, -np.kron(Xi.T, Xi), X)
    assert not check_jacobian(np.linalg.inv, -np.kron(Xi, Xi.T), X)


def test_numerical_jacobian_of_a_scalar_function_is_a_row():
    c = case("tr(X^3) -> 3(X^2)'", 0)
    J = numerical_jacobian(c.f, c.x)
    assert J.shape == (1, c.x.size)
    assert relative_error(J[0], vec(c.grad(c.x))) < 1e-10


# --- bad input: clear errors that name the problem and the shapes --------------------------


def square(x):
    return np.sum(x**2)


@pytest.mark.parametrize(
    ("x", "message"),
    [
        (np.arange(6).reshape(2, 3), r"x must be a float64 array; got dtype int64, shape \(2, 3\)"),
        (np.array([1.0, 2.0], dtype=object), r"float64 array; got dtype object, shape \(2,\)"),
        (
            np.ones(3, dtype=np.float32),
            r"float64 array; got dtype float32, shape \(3,\) \(convert with \.astype\(float\)\)",
        ),
        (np.array([True, False]), r"got dtype bool, shape \(2,\)"),
        ([[1.0, 2.0], [3.0]], r"x is not an array of numbers"),
        (np.zeros((0, 3)), r"x has no entries \(shape \(0, 3\)\)"),
    ],
    ids=["int", "object", "float32", "bool", "ragged", "empty"],
)
def test_x_of_the_wrong_type_is_refused(x, message):
    with pytest.raises(GradientCheckError, match=message):
        check_gradient(square, np.zeros(2), x)


def test_integer_x_gets_a_hint_to_convert():
    with pytest.raises(GradientCheckError, match=r"convert with \.astype\(float\)"):
        check_gradient(square, np.zeros(3), np.arange(3))


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_x_is_refused_with_the_index_and_shape(bad):
    x = np.ones((2, 3))
    x[1, 2] = bad
    with pytest.raises(
        GradientCheckError,
        match=r"x has 1 non-finite entry \(NaN or inf\), the first at index \(1, 2\),"
        r" in an array of shape \(2, 3\)",
    ):
        check_gradient(square, np.zeros((2, 3)), x)


def test_transposed_gradient_on_non_square_x_is_a_shape_error_with_a_hint():
    X = np.ones((3, 5))
    with pytest.raises(
        GradientCheckError,
        match=r"the claimed gradient has shape \(5, 3\) but x has shape \(3, 5\)"
        r" \(the transposed shape: is the gradient transposed\?\)",
    ):
        check_gradient(square, 2 * X.T, X)


@pytest.mark.parametrize(
    ("shape", "hint"),
    [((15,), r"same number of entries: is it flattened or reshaped\?"), ((3,), r"shape \(3,\)")],
)
def test_gradient_of_the_wrong_shape_is_refused(shape, hint):
    X = np.ones((3, 5))
    with pytest.raises(GradientCheckError, match=r"gradient has shape .*x has shape \(3, 5\).*"):
        check_gradient(square, np.ones(shape), X)
    with pytest.raises(GradientCheckError, match=hint):
        check_gradient(square, lambda X: np.ones(shape), X)  # a callable too


def test_gradient_with_bad_entries_is_refused():
    x = np.ones(3)
    with pytest.raises(GradientCheckError, match=r"the claimed gradient must be a float64 array"):
        check_gradient(square, np.array([2, 2, 2]), x)
    with pytest.raises(GradientCheckError, match=r"the claimed gradient has 1 non-finite entry"):
        check_gradient(square, np.array([2.0, np.nan, 2.0]), x)


@pytest.mark.parametrize("out_shape", [(3,), (1,), (3, 3)])
def test_non_scalar_f_is_refused_with_both_shapes(out_shape):
    x = np.ones(3)
    with pytest.raises(
        GradientCheckError,
        match=rf"f must return a scalar; it returned an array of shape {re.escape(str(out_shape))}"
        r" for x of shape \(3,\)",
    ):
        check_gradient(lambda x: np.ones(out_shape), np.zeros(3), x)


def test_complex_valued_f_on_real_x_is_refused():
    with pytest.raises(GradientCheckError, match=r"f must return a real number.*complex128"):
        check_gradient(lambda x: np.sum(x) * 1j, np.zeros(3), np.ones(3))


def test_f_that_is_not_finite_at_x_is_refused():
    with pytest.raises(GradientCheckError, match=r"f returned inf at x, for x of shape \(2,\)"):
        check_gradient(lambda x: np.inf, np.zeros(2), np.ones(2))


def test_f_that_is_not_finite_near_x_says_so():
    # √x defined only for x ≥ 0, at an entry so much smaller than the other that its step
    # (a thousandth of the root mean square, times eps^(1/5)) crosses 0.
    def root(x):
        return np.sum(np.sqrt(np.where(x >= 0, x, np.nan)))

    x = np.array([1e-9, 1.0])
    with pytest.raises(GradientCheckError, match=r"f returned nan at a point near x \(the check"):
        check_gradient(root, 0.5 / np.sqrt(x), x)


def test_unknown_method_and_bad_directions_are_refused():
    with pytest.raises(GradientCheckError, match=r"method must be one of .*'forward'"):
        check_gradient(square, np.zeros(2), np.ones(2), method="forward")
    with pytest.raises(GradientCheckError, match=r"directions must be at least 1; got 0"):
        check_gradient(square, np.zeros(2), np.ones(2), method="directional", directions=0)


def test_complex_method_refuses_f_that_drops_the_imaginary_part():
    x = np.ones(3)
    for f in [lambda x: np.sum(np.abs(x) ** 2), lambda x: np.sum(x.real**2)]:
        with pytest.raises(
            GradientCheckError,
            match=r"method='complex' needs f to accept complex input.*x of shape \(3,\)"
            r".*returned float64.*Use method='central'",
        ):
            check_gradient(f, 2 * x, x, method="complex")
        assert check_gradient(f, 2 * x, x)  # the same f is fine for central differences


def test_complex_method_refuses_f_that_cannot_take_complex_input():
    x = np.ones(3)
    with pytest.raises(
        GradientCheckError,
        match=r"method='complex' calls f with complex x of shape \(3,\), and f raised TypeError:"
        r".*logaddexp",
    ):
        check_gradient(lambda x: np.sum(np.logaddexp(0, x)), sigmoid(x), x, method="complex")


def test_jacobian_of_the_wrong_shape_is_refused():
    A, X, B = axb(0, 2, 3, 4, 5)
    with pytest.raises(
        GradientCheckError,
        match=r"the Jacobian has shape \(12, 10\); F\(x\) has 10 entries and x has 12,"
        r" so it must have shape \(10, 12\)",
    ):
        check_jacobian(lambda X: A @ X @ B, np.kron(B.T, A).T, X)


def test_jacobian_of_an_f_with_bad_values_is_refused():
    x = np.ones(2)
    with pytest.raises(GradientCheckError, match=r"F must return a real array.*complex"):
        numerical_jacobian(lambda x: x * 1j, x)
    with pytest.raises(GradientCheckError, match=r"F returned non-finite values for x of shape"):
        numerical_jacobian(lambda x: np.where(x == 1.0, x, np.inf), x)
    with pytest.raises(GradientCheckError, match=r"x must be a float64 array"):
        numerical_jacobian(lambda x: x, np.arange(3))


def test_compare_refuses_arrays_of_different_shapes():
    with pytest.raises(GradientCheckError, match=r"dW: shapes differ, \(3, 4\) against \(4, 3\)"):
        compare(np.ones((3, 4)), np.ones((4, 3)), label="dW")


# --- results: truthiness, printing, expect_pass / expect_reject ---------------------------


def test_check_result_is_truthy_iff_passed():
    c = case("softplus", 0)
    good = check_gradient(c.f, c.grad, c.x, label="softplus'")
    bad = check_gradient(c.f, lambda x: 2 * c.grad(x), c.x, label="2 softplus'")
    assert isinstance(good, CheckResult)
    assert bool(good) is True
    assert good.passed is True
    assert bool(bad) is False
    assert bad.passed is False
    assert good.max_rel_error <= good.tolerance < bad.max_rel_error
    assert good.max_relative_error == good.max_rel_error
    assert good.tolerance == DEFAULT_TOLERANCE["central"]
    assert good.label == "softplus'"


def test_check_result_prints_as_one_readable_line():
    c = case("softplus", 0)
    good = check_gradient(c.f, c.grad, c.x, label="σ is softplus'")
    bad = check_gradient(c.f, lambda x: -c.grad(x), c.x, label="−σ")
    for result, verdict in [(good, "passed"), (bad, "REJECTED")]:
        text = str(result)
        assert "\n" not in text
        assert text.startswith(verdict)
        assert result.label in text
        assert f"max relative error {result.max_rel_error:.1e}" in text
        assert "central differences" in text
        assert ("≤ 1e-08" if result else "> 1e-08") in text
        assert len(text) - len(result.label) <= 70  # fits a phone's column, label apart


def test_result_names_the_method():
    c = case("softplus", 0)
    names = {m: check_gradient(c.f, c.grad, c.x, method=m).method for m in ["central", "complex"]}
    assert names == {"central": "central differences", "complex": "complex step"}
    directional = check_gradient(c.f, c.grad, c.x, method="directional", directions=4)
    assert directional.method == "directional, 4 random directions"
    assert (
        check_gradient(c.f, c.grad, c.x, method="complex").tolerance == DEFAULT_TOLERANCE["complex"]
    )


def test_result_is_immutable():
    result = check_gradient(np.sin, np.cos, 0.3)
    with pytest.raises(FrozenInstanceError):
        result.passed = False


def test_tolerance_option_is_used():
    c = case("softplus", 0)
    result = check_gradient(c.f, perturbed(c.grad(c.x), 0, 1e-6), c.x, tolerance=1e-5)
    assert result
    assert result.tolerance == 1e-5


def test_expect_pass_returns_the_lines_and_raises_on_a_rejection():
    c = case("softplus", 0)
    good = check_gradient(c.f, c.grad, c.x, label="good")
    bad = check_gradient(c.f, lambda x: 2 * c.grad(x), c.x, label="twice")
    assert expect_pass(good, good) == f"{good}\n{good}"
    with pytest.raises(CheckFailedError, match=r"twice was rejected but should pass"):
        expect_pass(good, bad)
    assert issubclass(CheckFailedError, AssertionError)


def test_expect_reject_returns_the_lines_and_raises_if_a_wrong_claim_passes():
    c = case("softplus", 0)
    good = check_gradient(c.f, c.grad, c.x, label="good")
    bad = check_gradient(c.f, lambda x: 2 * c.grad(x), c.x, label="twice")
    assert expect_reject(bad) == str(bad)
    with pytest.raises(CheckFailedError, match=r"good passed but should be rejected"):
        expect_reject(bad, good)


def test_expect_with_nothing_to_check_raises():
    for expect in (expect_pass, expect_reject):
        with pytest.raises(CheckFailedError, match="nothing was checked"):
            expect()


def test_gradient_check_error_is_a_value_error():
    assert issubclass(GradientCheckError, ValueError)


# --- helpers --------------------------------------------------------------------------------


def test_vec_stacks_columns():
    A = np.arange(6.0).reshape(2, 3)
    assert np.array_equal(vec(A), [0.0, 3.0, 1.0, 4.0, 2.0, 5.0])


def test_relative_error_is_relative_to_the_largest_entry():
    assert relative_error(np.array([1.0, 0.0]), np.array([1.0, 1e-3])) == pytest.approx(1e-3)
    assert relative_error(np.array([2.0, 4.0]), np.array([1.0, 2.0])) == pytest.approx(0.5)
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert relative_error(np.ones(2), np.zeros(2)) == 1.0


# --- the module stands alone ----------------------------------------------------------------


def test_gradcheck_imports_only_numpy_and_the_standard_library():
    path = Path(gradcheck_module.__file__)
    assert path == ROOT / "snippets" / "gradcheck.py"
    tree = ast.parse(path.read_text())
    imported = set()
    for node in ast.walk(tree):  # also imports inside functions
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "relative import: the module must stand alone"
            imported.add(node.module.split(".")[0])
    assert "numpy" in imported
    outside = {m for m in imported if m != "numpy" and m not in sys.stdlib_module_names}
    outside.discard("__future__")
    assert outside == set(), f"imports beyond numpy and the standard library: {outside}"


def test_gradcheck_public_api_is_documented():
    for name in [
        "check_gradient",
        "numerical_gradient",
        "numerical_jacobian",
        "check_jacobian",
        "compare",
        "expect_pass",
        "expect_reject",
        "vec",
        "relative_error",
        "CheckResult",
        "GradientCheckError",
        "CheckFailedError",
    ]:
        doc = getattr(gradcheck_module, name).__doc__
        assert doc, f"{name} has no docstring"
        assert doc.strip(), f"{name} has an empty docstring"


def test_module_docstring_example_runs():
    import doctest

    import snippets.gradcheck

    failures, attempted = doctest.testmod(snippets.gradcheck)
    assert attempted > 0
    assert failures == 0


def test_a_third_derivative_that_cancels_does_not_hide_the_step_error():
    """tr((XᵀCX)⁻¹A) at seed 505: at one entry of X the third derivative nearly cancels while
    the fifth does not, so the step-error estimate from the third derivative alone was 1000×
    too small, no shorter step was tried, and the right gradient was rejected (1.1e-8 > 1e-8).
    The estimate from the fourth difference sees it; a gradient 1e-7 off is still rejected."""
    from snippets.catalog.registry import IDENTITIES

    (entry,) = [e for e in IDENTITIES if e.id == "traces.XtCXinv_A"]
    inputs = entry.sample(np.random.default_rng(505))
    X = inputs.pop("X")
    G = entry.grad(X=X, **inputs)

    def f(X):
        return entry.f(X=X, **inputs)

    assert check_gradient(f, G, X)
    off = G.copy()
    off[4, 2] *= 1 + 1e-7 * np.max(np.abs(G)) / abs(G[4, 2])
    assert not check_gradient(f, off, X)
