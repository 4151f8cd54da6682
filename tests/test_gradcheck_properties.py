"""Property tests of the gradient checker (Hypothesis): across shapes, scales of f and of x,
functions, methods and plausible mistakes, a mistake never passes and a correct gradient is
never rejected. A refusal (GradientCheckError) is allowed for either.

Deterministic in CI: the settings below are fixed (derandomize=True, a bounded number of
examples, no example database), so every run draws the same cases. Counterexamples found
while the checker was written are kept as explicit @example cases on the tests they broke.
"""

from dataclasses import dataclass

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from snippets.gradcheck import GradientCheckError, check_gradient, relative_error
from tests.gradcheck_sweep import MISTAKES, mistaken

#: Fixed settings: the same cases on every run and every machine.
FIXED = settings(
    derandomize=True,
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@dataclass(frozen=True)
class Function:
    """phi of Z = X / s, with its gradient in Z; f(X) = c · phi(X / s)."""

    phi: object
    grad: object
    analytic: bool  # complex step applies


def functions(m, n, rng):
    A, B = rng.standard_normal((m, m)), rng.standard_normal((n, n))
    w = rng.standard_normal(n)

    def lse(Z):
        # log Σ_j exp((Z w)_i), summed over rows i; written with exp and log only.
        return np.sum(np.log(np.sum(np.exp(Z * w), axis=1)))

    def lse_grad(Z):
        E = np.exp(Z * w)
        return E / np.sum(E, axis=1, keepdims=True) * w

    return {
        "polynomial Σ Z² + Σ Z³/3": Function(
            lambda Z: np.sum(Z**2) + np.sum(Z**3) / 3, lambda Z: 2 * Z + Z**2, True
        ),
        "trace form tr(Zᵀ A Z B)": Function(
            lambda Z: np.trace(Z.T @ A @ Z @ B), lambda Z: A @ Z @ B + A.T @ Z @ B.T, True
        ),
        "log-sum-exp of rows": Function(lse, lse_grad, True),
        "log det(I + Zᵀ Z)": Function(
            lambda Z: np.log(np.linalg.det(np.eye(n) + Z.T @ Z)),
            lambda Z: 2 * Z @ np.linalg.inv(np.eye(n) + Z.T @ Z),
            True,
        ),
        "entrywise Σ Z |Z| (not analytic)": Function(
            lambda Z: np.sum(Z * np.abs(Z)), lambda Z: 2 * np.abs(Z), False
        ),
    }


@st.composite
def cases(draw):
    m, n = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    seed = draw(st.integers(0, 2**16))
    name = draw(st.sampled_from(sorted(functions(1, 1, np.random.default_rng(0)))))
    log_c = draw(st.integers(-300, 290))
    log_s = draw(st.integers(-200, 200))
    method = draw(st.sampled_from(["auto", "central", "directional", "complex"]))
    return m, n, seed, name, log_c, log_s, method


def run(m, n, seed, name, log_c, log_s, method, mistake):
    """'passed', 'rejected', 'refused' or 'skipped' (out of float64's range, or no mistake)."""
    rng = np.random.default_rng(seed)
    fn = functions(m, n, rng)[name]
    if method == "complex" and not fn.analytic:
        return "skipped"
    c, s = 10.0**log_c, 10.0**log_s
    Z = rng.standard_normal((m, n))
    X = s * Z
    g = (c / s) * fn.grad(Z)
    size = np.max(np.abs(g))
    if not (1e-290 < size < 1e290) or not (1e-290 < abs(c * fn.phi(Z)) < 1e290):
        return "skipped"  # f or its gradient is not held by float64 with room to spare
    if mistake is not None:
        if mistake == "transposed" and (m != n or relative_error(g.T, g) < 1e-3):
            return "skipped"
        g = mistaken(g, mistake, rng)

    def f(X):
        return c * fn.phi(X / s)

    try:
        result = check_gradient(f, g, X, method=method)
    except GradientCheckError:
        return "refused"
    return "passed" if result else "rejected"


@FIXED
@given(cases())
@example((2, 2, 0, "polynomial Σ Z² + Σ Z³/3", -12, 0, "central"))  # the first case
@example((3, 3, 1, "trace form tr(Zᵀ A Z B)", 0, 12, "auto"))  # f ≈ 1e24 at x ≈ 1e12
@example((2, 3, 2, "log-sum-exp of rows", 290, -30, "complex"))
def test_a_correct_gradient_is_never_rejected(case):
    assert run(*case, mistake=None) in {"passed", "refused", "skipped"}


@FIXED
@given(cases(), st.sampled_from(MISTAKES))
@example((2, 2, 0, "polynomial Σ Z² + Σ Z³/3", -12, 0, "directional"), "wrong sign")
@example((3, 3, 1, "trace form tr(Zᵀ A Z B)", -300, 200, "complex"), "transposed")
@example((1, 4, 3, "entrywise Σ Z |Z| (not analytic)", 100, -100, "central"), "one entry off")
def test_a_mistake_never_passes(case, mistake):
    assert run(*case, mistake=mistake) in {"rejected", "refused", "skipped"}


def test_the_properties_decide_most_cases():
    # Not vacuous: over a fixed sample of the same space, most cases get a verdict
    # (passed or rejected), not a skip or a refusal.
    rng = np.random.default_rng(0)
    names = sorted(functions(1, 1, rng))
    outcomes = []
    for k in range(40):
        case = (
            1 + k % 4,
            1 + (k // 4) % 4,
            k,
            names[k % len(names)],
            int(rng.integers(-300, 290)),
            int(rng.integers(-200, 200)),
            ["auto", "central", "directional", "complex"][k % 4],
        )
        outcomes.append(run(*case, mistake=None))
        outcomes.append(run(*case, mistake=MISTAKES[k % len(MISTAKES)]))
    decided = sum(o in {"passed", "rejected"} for o in outcomes)
    assert decided >= 0.6 * len(outcomes), outcomes
