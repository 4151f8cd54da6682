"""Check a claimed gradient or Jacobian against numerical differentiation.

A self-contained module (numpy only) that you can copy into your own project.

Notation (as on the site's conventions page): for a scalar function f of an
array x, the gradient ∂f/∂x has the shape of x, and its entries are
(∂f/∂x)_i = ∂f/∂x_i. For an array-valued F, the Jacobian is the matrix
J = ∂vec F(x)/∂vec(x) of shape (F(x).size, x.size), where vec stacks columns
(column-major, Fortran order). With that vec, F(X) = A X B has J = Bᵀ ⊗ A.

A claimed gradient g and a numerical one ĝ are compared by their max
relative error, max_i |g_i − ĝ_i| / max(max_i |g_i|, max_i |ĝ_i|): the
largest entry error relative to the largest entry. Relative to the largest
entry, not entry by entry, so that entries that are zero (or nearly) are not
judged by rounding noise.

Examples:
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> W, X = rng.standard_normal((3, 4)), rng.standard_normal((4, 5))
    >>> G = rng.standard_normal((3, 5))
    >>> bool(check_gradient(lambda W: np.sum(G * (W @ X)), G @ X.T, W))
    True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

EPS = float(np.finfo(np.float64).eps)

#: Default tolerance on the max relative error, by method. The five-point
#: central difference is accurate to about 1e-11 on well-scaled inputs and the
#: complex step to about 1e-15, so these leave a wide margin for correct
#: gradients while still rejecting a gradient that is off by 1e-6 relative.
DEFAULT_TOLERANCE = {"central": 1e-8, "complex": 1e-10, "directional": 1e-8}

#: Above this many entries, method="auto" uses random directions instead of
#: one finite difference per entry.
FULL_CHECK_MAX_SIZE = 2000

METHODS = ("auto", "central", "complex", "directional")


class GradientCheckError(ValueError):
    """Raised for input that cannot be checked: the message names the problem."""


class CheckFailedError(AssertionError):
    """Raised by `expect_pass` and `expect_reject` when a result is not as expected."""


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check: truthy if and only if it passed.

    Attributes:
        passed: whether max_rel_error <= tolerance.
        max_rel_error: the measured error (see the module docstring).
        tolerance: the bound it was held to.
        method: how the reference was computed, e.g. "central differences".
        label: what was checked, in words; printed first.
    """

    passed: bool
    max_rel_error: float
    tolerance: float
    method: str
    label: str = "gradient"

    def __bool__(self) -> bool:
        return self.passed

    @property
    def max_relative_error(self) -> float:
        """The same number as `max_rel_error`."""
        return self.max_rel_error

    def __str__(self) -> str:
        verdict = "passed  " if self.passed else "REJECTED"
        return (
            f"{verdict} {self.label}: max relative error {self.max_rel_error:.1e}"
            f" ({self.method}, tolerance {self.tolerance:.0e})"
        )


def vec(A: np.ndarray) -> np.ndarray:
    """Stack the columns of A into one vector (column-major): vec(A)[i + j·m] = A[i, j]."""
    return np.asarray(A).reshape(-1, order="F")


def relative_error(claimed: np.ndarray, reference: np.ndarray) -> float:
    """max|claimed − reference| / max(max|claimed|, max|reference|); 0 if both are zero."""
    claimed, reference = np.asarray(claimed), np.asarray(reference)
    scale = max(np.max(np.abs(claimed), initial=0.0), np.max(np.abs(reference), initial=0.0))
    if scale == 0.0:
        return 0.0
    return float(np.max(np.abs(claimed - reference), initial=0.0) / scale)


def check_gradient(
    f: Callable[[np.ndarray], float],
    grad: Callable[[np.ndarray], np.ndarray] | np.ndarray,
    x: np.ndarray,
    *,
    method: str = "auto",
    tolerance: float | None = None,
    directions: int = 6,
    seed: int = 0,
    label: str = "gradient",
) -> CheckResult:
    """Compare a claimed gradient of a scalar function with a numerical one.

    Args:
        f: maps an array of x's shape to a scalar.
        grad: the claimed ∂f/∂x, either an array of x's shape or a callable
            that returns one when given x.
        x: the point, a float64 array (any shape, at least one entry).
        method: "central" (five-point central differences, one per entry),
            "complex" (complex step, for f that accepts complex input and is
            analytic: no abs, conj or norm), "directional" (a few random
            directions u, comparing ⟨g, u⟩ with the derivative of f along u,
            relative to the typical size of ⟨g, u⟩; cost independent of
            x.size), or "auto" (central up to
            FULL_CHECK_MAX_SIZE entries, directional above).
        tolerance: bound on the max relative error; default by method
            (DEFAULT_TOLERANCE).
        directions: how many random directions the directional method uses.
        seed: seed of the random directions.
        label: what is checked, in words, for the printed result.

    Returns:
        A CheckResult, truthy if and only if the check passed.

    Raises:
        GradientCheckError: x is not a finite float64 array, f(x) is not a
            finite real scalar, or the claimed gradient has the wrong shape,
            dtype or non-finite entries.
    """
    if method not in METHODS:
        raise GradientCheckError(f"method must be one of {METHODS}; got {method!r}")
    if directions < 1:
        raise GradientCheckError(f"directions must be at least 1; got {directions}")
    x = _checked_point(x, "x")
    fx = _scalar_value(f, x)
    g = _claimed_gradient(grad, x)
    if method == "auto":
        method = "central" if x.size <= FULL_CHECK_MAX_SIZE else "directional"
    tol = DEFAULT_TOLERANCE[method] if tolerance is None else float(tolerance)

    if method == "directional":
        error = _directional_error(f, g, x, fx, directions, seed)
        name = f"directional, {directions} random directions"
    else:
        reference = _complex_step_gradient(f, x) if method == "complex" else _central_gradient(f, x)
        error = _gradient_error(g, reference, fx)
        name = "complex step" if method == "complex" else "central differences"
    return CheckResult(bool(error <= tol), error, tol, name, label)


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, *, method: str = "central"):
    """∂f/∂x by five-point central differences ("central") or complex step ("complex").

    Returns an array of x's shape. Costs 4·x.size evaluations of f (central)
    or x.size (complex).
    """
    if method not in ("central", "complex"):
        raise GradientCheckError(f"method must be 'central' or 'complex'; got {method!r}")
    x = _checked_point(x, "x")
    _scalar_value(f, x)
    return _complex_step_gradient(f, x) if method == "complex" else _central_gradient(f, x)


def numerical_jacobian(F: Callable[[np.ndarray], np.ndarray], x: np.ndarray) -> np.ndarray:
    """The Jacobian J = ∂vec F(x)/∂vec(x), with column-major vec on both sides.

    J has shape (F(x).size, x.size) and J[a, b] = ∂ vec(F)_a / ∂ vec(x)_b,
    computed by five-point central differences. With this vec,
    F(X) = A X B gives J = Bᵀ ⊗ A.
    """
    x = _checked_point(x, "x")
    y = _array_value(F, x)
    columns = np.empty((y.size, x.size))
    for b, (xp2, xp1, xm1, xm2, h) in enumerate(_stencil_points(x)):
        values = [vec(_array_value(F, p)) for p in (xp2, xp1, xm1, xm2)]
        columns[:, b] = _five_point(*values, h)
    return columns


def check_jacobian(
    F: Callable[[np.ndarray], np.ndarray],
    jacobian: np.ndarray,
    x: np.ndarray,
    *,
    tolerance: float | None = None,
    label: str = "Jacobian",
) -> CheckResult:
    """Compare a claimed Jacobian (column-major vec on both sides) with `numerical_jacobian`."""
    x = _checked_point(x, "x")
    y = _array_value(F, x)
    J = np.asarray(jacobian)
    expected = (y.size, x.size)
    if J.shape != expected:
        raise GradientCheckError(
            f"the Jacobian has shape {J.shape}; F(x) has {y.size} entries and x has {x.size},"
            f" so it must have shape {expected}"
        )
    _require_finite_float(J, "the claimed Jacobian")
    tol = DEFAULT_TOLERANCE["central"] if tolerance is None else float(tolerance)
    error = relative_error(J, numerical_jacobian(F, x))
    return CheckResult(bool(error <= tol), error, tol, "central differences", label)


def compare(
    claimed: np.ndarray,
    reference: np.ndarray,
    *,
    label: str,
    tolerance: float = 1e-12,
    method: str = "two formulas, same inputs",
) -> CheckResult:
    """Compare two arrays computed by different formulas from the same inputs.

    Both must have the same shape; the error is `relative_error`. The default
    tolerance allows float64 rounding only.
    """
    claimed, reference = np.asarray(claimed), np.asarray(reference)
    if claimed.shape != reference.shape:
        raise GradientCheckError(
            f"{label}: shapes differ, {claimed.shape} against {reference.shape}"
        )
    error = relative_error(claimed, reference)
    return CheckResult(bool(error <= tolerance), error, tolerance, method, label)


def expect_pass(*results: CheckResult) -> str:
    """Return the results as lines of text; raise CheckFailedError if any was rejected.

    On a page: `print(expect_pass(check_a(), check_b()))` shows the results
    and fails the build if one of them did not pass.
    """
    return _expect(results, wanted=True)


def expect_reject(*results: CheckResult) -> str:
    """Return the results as lines of text; raise CheckFailedError if any passed.

    For claims that are wrong: the page shows the rejection, and the build
    fails if a wrong claim ever starts to pass.
    """
    return _expect(results, wanted=False)


def _expect(results: tuple[CheckResult, ...], *, wanted: bool) -> str:
    if not results:
        raise CheckFailedError("nothing was checked: pass at least one CheckResult")
    unexpected = [r for r in results if bool(r) is not wanted]
    if unexpected:
        word = "was rejected but should pass" if wanted else "passed but should be rejected"
        raise CheckFailedError("\n".join(f"{r.label} {word}: {r}" for r in unexpected))
    return "\n".join(str(r) for r in results)


# --- numerical differentiation -------------------------------------------------------------


def _steps(x: np.ndarray) -> np.ndarray:
    """Step per entry for the five-point stencil: eps^(1/5) · max(1, |x_i|).

    Truncation error is O(h⁴) and rounding error O(eps/h); eps^(1/5) ≈ 7e-4
    balances them for float64.
    """
    return EPS**0.2 * np.maximum(1.0, np.abs(x))


def _stencil_points(x: np.ndarray):
    """Yield x + 2h·e, x + h·e, x − h·e, x − 2h·e and h, for each entry e in column-major order."""
    flat = vec(x)
    steps = _steps(flat)
    for b in range(flat.size):
        h = steps[b]
        points = []
        for k in (2, 1, -1, -2):
            p = flat.copy()
            p[b] += k * h
            points.append(p.reshape(x.shape, order="F"))
        yield (*points, h)


def _five_point(fp2, fp1, fm1, fm2, h):
    """(−f(x+2h) + 8 f(x+h) − 8 f(x−h) + f(x−2h)) / 12h, exact for polynomials of degree ≤ 4."""
    return (-fp2 + 8.0 * fp1 - 8.0 * fm1 + fm2) / (12.0 * h)


def _central_gradient(f, x: np.ndarray) -> np.ndarray:
    values = [
        _five_point(*(_scalar_value(f, p, _NEAR_X) for p in points), h)
        for *points, h in _stencil_points(x)
    ]
    return np.array(values).reshape(x.shape, order="F")


def _complex_step_gradient(f, x: np.ndarray) -> np.ndarray:
    """Im f(x + i·h·e_b) / h with h = 1e-30: no subtraction, so no cancellation."""
    h = 1e-30
    flat = vec(x).astype(complex)
    out = np.empty(flat.size)
    for b in range(flat.size):
        p = flat.copy()
        p[b] += 1j * h
        try:
            value = np.asarray(f(p.reshape(x.shape, order="F")))
        except TypeError as exc:  # e.g. a ufunc with no complex loop, such as np.logaddexp
            raise GradientCheckError(
                f"method='complex' calls f with complex x of shape {x.shape}, and f raised"
                f" TypeError: {exc}. Use method='central'."
            ) from exc
        if value.shape != () or not np.iscomplexobj(value):
            raise GradientCheckError(
                "method='complex' needs f to accept complex input and return a complex scalar;"
                f" for complex x of shape {x.shape}, f returned {value.dtype} of shape"
                f" {value.shape} (does it drop the imaginary part, with abs, .real or"
                " astype(float)?). Use method='central'."
            )
        out[b] = value.imag / h
    return out.reshape(x.shape, order="F")


def _directional_error(
    f, g: np.ndarray, x: np.ndarray, fx: float, directions: int, seed: int
) -> float:
    """Largest |⟨g, u⟩ − D_u f(x)| / max(‖s ⊙ g‖, |D_u f(x)|) over random directions u.

    u = s ⊙ z with z standard normal and s = max(1, |x|) entrywise, and the
    step along u is t = eps^(1/5): entry i moves by eps^(1/5)·max(1, |x_i|)·z_i,
    the central-difference step times a random factor of order one.

    ‖s ⊙ g‖ is the standard deviation of ⟨g, u⟩ over random z, the size the
    directional derivative typically has. Measured against it, a gradient off
    by 1e-6 relative gives an error of about 1e-6 whatever x.size; measured
    against ‖g‖ with unit-length directions it would shrink like 1/√x.size and
    pass unnoticed on large x. Directions along which both sides are at
    rounding level (see `_noise_floor`) are skipped.

    Moving all entries at once is a longer step than moving one, so the
    five-point differences with steps t and t/2 are combined as
    (16 D(t/2) − D(t)) / 15 (Richardson extrapolation), which cancels their
    t⁴ error term. Six evaluations of f per direction, whatever x.size.
    """
    rng = np.random.default_rng(seed)
    s = np.maximum(1.0, np.abs(x))
    t = EPS**0.2
    typical = float(np.linalg.norm(s * g))
    floor = _noise_floor(fx)
    worst = 0.0
    for _ in range(directions):
        u = s * rng.standard_normal(x.shape)
        fu = {k: _scalar_value(f, x + k * t * u, _NEAR_X) for k in (2, 1, 0.5, -0.5, -1, -2)}
        coarse = _five_point(fu[2], fu[1], fu[-1], fu[-2], t)
        fine = _five_point(fu[1], fu[0.5], fu[-0.5], fu[-1], t / 2)
        along = (16.0 * fine - coarse) / 15.0
        claimed = float(np.sum(g * u))
        scale = max(typical, abs(along))
        if scale > floor:
            worst = max(worst, abs(claimed - along) / scale)
    return worst


def _noise_floor(fx: float) -> float:
    """A gradient size below which finite differences of f measure only rounding.

    The five-point difference of values of size |f| carries a rounding error of
    about eps·|f|/h ≈ eps^(4/5)·|f|; the floor is a thousand times that.
    """
    return 1e3 * EPS**0.8 * max(1.0, abs(fx))


def _gradient_error(g: np.ndarray, reference: np.ndarray, fx: float) -> float:
    """`relative_error`, except that two gradients that are both at rounding level agree.

    At a stationary point the numerical gradient is rounding noise of size
    about eps^(4/5)·|f(x)|; comparing a claimed zero with it relatively would
    reject a correct answer.
    """
    floor = _noise_floor(fx)
    if max(np.max(np.abs(g)), np.max(np.abs(reference))) <= floor:
        return 0.0
    return relative_error(g, reference)


# --- input validation -----------------------------------------------------------------------


def _require_finite_float(a: np.ndarray, what: str) -> None:
    if a.dtype != np.float64:
        hint = " (convert with .astype(float))" if a.dtype.kind in "biuf" else ""
        raise GradientCheckError(
            f"{what} must be a float64 array; got dtype {a.dtype}, shape {a.shape}{hint}:"
            " finite differences in lower precision or in integers measure nothing"
        )
    bad = ~np.isfinite(a)
    if bad.any():
        first = tuple(int(i) for i in np.argwhere(bad)[0])
        count = int(bad.sum())
        entries = "entry" if count == 1 else "entries"
        raise GradientCheckError(
            f"{what} has {count} non-finite {entries} (NaN or inf), the first at index"
            f" {first}, in an array of shape {a.shape}"
        )


def _checked_point(x, what: str) -> np.ndarray:
    if isinstance(x, np.ndarray):
        a = x
    else:
        try:
            a = np.asarray(x)
        except (TypeError, ValueError) as exc:  # ragged nested lists
            raise GradientCheckError(f"{what} is not an array of numbers: {exc}") from exc
    _require_finite_float(a, what)
    if a.size == 0:
        raise GradientCheckError(f"{what} has no entries (shape {a.shape})")
    return a.copy()


_NEAR_X = "at a finite-difference point near x (x moved by a few times eps^(1/5)·max(1, |x_i|))"


def _scalar_value(f, x: np.ndarray, where: str = "at x") -> float:
    value = np.asarray(f(x.copy()))
    if value.shape != ():
        raise GradientCheckError(
            f"f must return a scalar; it returned an array of shape {value.shape}"
            f" for x of shape {x.shape}. A gradient exists only for a scalar function:"
            " reduce to a scalar first, e.g. with a weighted sum np.sum(G * F(x))"
        )
    if value.dtype.kind not in "fiu":
        raise GradientCheckError(
            f"f must return a real number for real x; it returned dtype {value.dtype}"
        )
    if not np.isfinite(value):
        raise GradientCheckError(
            f"f returned {value} {where}, for x of shape {x.shape}: f must be finite at x"
            " and near it"
        )
    return float(value)


def _array_value(F, x: np.ndarray) -> np.ndarray:
    value = np.asarray(F(x.copy()))
    if value.dtype.kind not in "fiu":
        raise GradientCheckError(f"F must return a real array; it returned dtype {value.dtype}")
    if not np.all(np.isfinite(value)):
        raise GradientCheckError(f"F returned non-finite values for x of shape {x.shape}")
    return value.astype(np.float64)


def _claimed_gradient(grad, x: np.ndarray) -> np.ndarray:
    g = np.asarray(grad(x.copy()) if callable(grad) else grad)
    if g.shape != x.shape:
        hint = ""
        if g.shape == x.shape[::-1] and x.ndim == 2:
            hint = " (the transposed shape: is the gradient transposed?)"
        elif g.size == x.size:
            hint = " (same number of entries: is it flattened or reshaped?)"
        raise GradientCheckError(
            f"the claimed gradient has shape {g.shape} but x has shape {x.shape}{hint};"
            " a gradient of a scalar has the shape of its variable"
        )
    _require_finite_float(g, "the claimed gradient")
    return g
