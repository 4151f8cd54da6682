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

What a pass means. The steps follow the scale of x (each entry moves by a
fixed fraction of its own size), so the check means the same at x of size
1e-200 as at 1e200, and for f of size 1e-300 as 1e300. From the values of f it
computes, the checker also estimates the rounding noise R of its numerical
gradient. Then:

- passed: max_i |g_i − ĝ_i| ≤ tolerance · max(max|g|, max|ĝ|), and R is below
  that bound, so the agreement is not an accident of noise. (Or: the claimed
  gradient is exactly zero and the numerical one is below R: a stationary
  point.)
- REJECTED: the error is above the tolerance and above what noise explains.
- GradientCheckError: the point cannot be checked to the tolerance asked for
  (f is at its own rounding level, a step underflows or overflows, f is not
  float64, ...); the message says what to change: rescale f or x, compute f
  in float64, use another method. Never a silent pass.

Examples:
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> W, X = rng.standard_normal((3, 4)), rng.standard_normal((4, 5))
    >>> G = rng.standard_normal((3, 5))
    >>> bool(check_gradient(lambda W: np.sum(G * (W @ X)), G @ X.T, W))
    True
"""

from __future__ import annotations

import inspect
import itertools
import math
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

EPS = float(np.finfo(np.float64).eps)
#: The smallest positive float64 (a subnormal): the absolute rounding of any value.
SMALLEST = float(np.finfo(np.float64).smallest_subnormal)

#: Default tolerance on the max relative error, by method. The five-point
#: central difference is accurate to about 1e-11 on well-scaled inputs and the
#: complex step to about 1e-15, so these leave a wide margin for correct
#: gradients while still rejecting a gradient that is off by 1e-6 relative.
DEFAULT_TOLERANCE = {"central": 1e-8, "complex": 1e-10, "directional": 1e-8}

#: Above this many entries, method="auto" uses random directions instead of
#: one finite difference per entry.
FULL_CHECK_MAX_SIZE = 2000

#: Random directions of the directional method by default: each costs four
#: evaluations of f, so a check of any size costs 8.
DEFAULT_DIRECTIONS = 2

METHODS = ("auto", "central", "complex", "directional")

#: Relative step of the five-point difference: eps^(1/5) balances its h⁴
#: truncation error against its eps/h rounding error.
FIVE_POINT_STEP = EPS**0.2
#: Relative step of the complex step: small enough that its h² error is below
#: eps, large enough that Im f stays far from underflow.
COMPLEX_STEP = 1e-8


class GradientCheckError(ValueError):
    """Raised for input that cannot be checked: the message names the problem and the fix."""


class CheckFailedError(AssertionError):
    """Raised by `expect_pass` and `expect_reject` when a result is not as expected."""


class BuildStoppedError(BaseException):
    """Raised instead of CheckFailedError inside a documentation build: it stops the build.

    markdown-exec, which runs the code blocks of a documentation page, catches every
    Exception, puts its traceback on the page and logs a warning; a build whose warnings
    are not fatal would publish that page. So when the caller is such a block (markdown-exec
    compiles it as "<code block: ...>"), `expect_pass` and `expect_reject` raise this
    instead, which no `except Exception` catches, and the build stops with the message.
    Set SHOW_FAILED_CHECKS=1 in the environment to get CheckFailedError there too (the
    site's MkDocs hooks do: they fail the build themselves, and `mkdocs serve` shows the
    writer the traceback). In scripts, notebooks and tests nothing changes.
    """


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check: truthy if and only if it passed.

    Attributes:
        passed: whether max_rel_error <= tolerance.
        max_rel_error: the measured error (see the module docstring).
        tolerance: the bound it was held to.
        method: how the reference was computed, e.g. "central differences".
        label: what was checked, in words; printed first.
        detail: optional words that replace the number when they say more,
            e.g. "all 12 entries are exactly zero on both sides" (keyword only).
    """

    passed: bool
    max_rel_error: float
    tolerance: float
    method: str
    label: str = "gradient"
    detail: str = field(default="", kw_only=True)

    def __bool__(self) -> bool:
        return self.passed

    @property
    def max_relative_error(self) -> float:
        """The same number as `max_rel_error`."""
        return self.max_rel_error

    def __str__(self) -> str:
        verdict = "passed  " if self.passed else "REJECTED"
        if self.detail:
            measured = self.detail
        else:
            bound = "≤" if self.passed else ">"
            measured = f"max relative error {self.max_rel_error:.1e} {bound} {self.tolerance:.0e}"
        return f"{verdict} {self.label}: {measured} ({self.method})"


def vec(A: np.ndarray) -> np.ndarray:
    """Stack the columns of A into one vector (column-major): vec(A)[i + j·m] = A[i, j]."""
    return np.asarray(A).reshape(-1, order="F")


def relative_error(claimed: np.ndarray, reference: np.ndarray) -> float:
    """max|claimed − reference| / max(max|claimed|, max|reference|); 0 if both are zero.

    inf if either side has a NaN or an infinite entry: such a comparison never passes.
    """
    claimed, reference = _as_numbers(claimed), _as_numbers(reference)
    if not (np.all(np.isfinite(claimed)) and np.all(np.isfinite(reference))):
        return math.inf
    big = max(np.max(np.abs(claimed), initial=0.0), np.max(np.abs(reference), initial=0.0))
    if big == 0.0:
        return 0.0
    # Divided by the largest entry first, so that values near 1e308 do not overflow.
    return float(np.max(np.abs(claimed / big - reference / big), initial=0.0))


def check_gradient(
    f: Callable[[np.ndarray], float],
    grad: Callable[[np.ndarray], np.ndarray] | np.ndarray,
    x: np.ndarray,
    *,
    method: str = "auto",
    tolerance: float | None = None,
    directions: int | None = None,
    seed: int = 0,
    label: str = "gradient",
) -> CheckResult:
    """Compare a claimed gradient of a scalar function with a numerical one.

    Args:
        f: maps an array of x's shape to a scalar (a float64 number).
        grad: the claimed ∂f/∂x, either an array of x's shape or a callable
            that returns one when given x alone.
        x: the point, a float64 array (any shape, at least one entry).
        method: "central" (five-point central differences, one per entry),
            "complex" (complex step, for f that accepts complex input and is
            analytic: no abs, conj or norm), "directional" (a few random
            directions u, comparing ⟨g, u⟩ with the derivative of f along u,
            relative to the typical size of ⟨g, u⟩; four evaluations of f
            per direction whatever x.size), or "auto" (central up to
            FULL_CHECK_MAX_SIZE entries, directional above).
        tolerance: bound on the max relative error, a number ≥ 0; default by
            method (DEFAULT_TOLERANCE).
        directions: how many random directions the directional method uses
            (default DEFAULT_DIRECTIONS).
        seed: seed of the random directions.
        label: what is checked, in words, for the printed result.

    Returns:
        A CheckResult, truthy if and only if the check passed. A pass means
        that the claimed and the numerical gradient agree to the tolerance and
        that the numerical gradient's estimated rounding noise is below it.

    Raises:
        GradientCheckError: bad input (x not a finite real float64 array, f(x)
            not a finite float64 scalar, a claimed gradient of the wrong shape
            or with non-finite entries, a gradient function that does not take
            x alone, a tolerance that is NaN or negative), f failing at a point
            near x, or a point where the method cannot resolve the gradient to
            the tolerance (the message says why, and what to change).
    """
    if method not in METHODS:
        raise GradientCheckError(f"method must be one of {METHODS}; got {method!r}")
    directions = DEFAULT_DIRECTIONS if directions is None else directions
    if isinstance(directions, bool) or not isinstance(directions, int | np.integer):
        raise GradientCheckError(f"directions must be a whole number; got {directions!r}")
    if directions < 1:
        raise GradientCheckError(f"directions must be at least 1; got {directions}")
    _require_callable(f, "f", "f(x), a scalar")
    x = _checked_point(x, "x")
    if method == "auto":
        method = "central" if x.size <= FULL_CHECK_MAX_SIZE else "directional"
    tol = _checked_tolerance(DEFAULT_TOLERANCE[method] if tolerance is None else tolerance)
    if method == "directional":  # needs no f(x): four points per direction, nothing more
        g = _claimed_gradient(grad, x)
        return _directional_check(f, g, x, tol, directions, seed, label)
    fx = _scalar_value(f, x)
    g = _claimed_gradient(grad, x)
    if method == "complex":
        reference, noise = _complex_step_gradient(f, x, fx)
        _refuse_if_f_vanishes(fx, reference, g, method)
        return _decide(g, reference, noise, tol, "complex step", label, method)
    reference, noise, spread = _central_gradient(f, x, fx, g, tol)
    _refuse_if_f_vanishes(fx, reference, g, method)
    result = _decide(g, reference, noise, tol, "central differences", label, method, spread)
    scale = max(float(np.max(np.abs(g))), float(np.max(np.abs(reference))))
    if not result and not result.detail and result.max_rel_error * scale <= 3.0 * spread:
        # Rejected, by an error within the spread of f's values around x: say so.
        words = (
            f"max relative error {result.max_rel_error:.1e} > {tol:.0e}; f is noisy or"
            " not smooth near x (float32 inside f? a kink?)"
        )
        return CheckResult(False, result.max_rel_error, tol, result.method, label, detail=words)
    return result


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, *, method: str = "central"):
    """∂f/∂x by five-point central differences ("central") or complex step ("complex").

    Returns an array of x's shape. Steps follow the scale of x. Costs 4·x.size
    evaluations of f (central) or x.size (complex), after one at x.
    """
    if method not in ("central", "complex"):
        raise GradientCheckError(f"method must be 'central' or 'complex'; got {method!r}")
    _require_callable(f, "f", "f(x), a scalar")
    x = _checked_point(x, "x")
    fx = _scalar_value(f, x)
    if method == "complex":
        return _complex_step_gradient(f, x)[0]
    return _central_gradient(f, x, fx)[0]


def step_sizes(x: np.ndarray) -> np.ndarray:
    """The five-point step of each entry, an array of x's shape: h_i = eps^(1/5) · max(|x_i|, ρ).

    ρ is the root mean square of x (1 if x is all zeros). Each step is a fixed fraction of
    the size of x, so a check means the same at any scale of x. These are the steps of
    `numerical_gradient`, `numerical_jacobian` and `check_gradient`, except that an entry
    (or a Jacobian's column) where f curves too fast for its step (log x at an entry far
    below the others; the inverse of a matrix of condition number 1000) is redone with
    steps 10, 100 and 1000 times shorter, and the best of them kept.
    """
    x = _checked_point(x, "x")
    return _steps(x).reshape(x.shape, order="F")


def numerical_jacobian(F: Callable[[np.ndarray], np.ndarray], x: np.ndarray) -> np.ndarray:
    """The Jacobian J = ∂vec F(x)/∂vec(x), with column-major vec on both sides.

    J has shape (F(x).size, x.size) and J[a, b] = ∂ vec(F)_a / ∂ vec(x)_b,
    computed by five-point central differences with steps that follow the
    scale of x. With this vec, F(X) = A X B gives J = Bᵀ ⊗ A.
    """
    _require_callable(F, "F", "F(x), an array")
    x = _checked_point(x, "x")
    y = _array_value(F, x)
    steps = _steps(x)
    columns = np.empty((y.size, x.size))
    truncation = np.zeros(x.size)
    for b, points in enumerate(_stencil_points(x, steps)):
        values = [vec(_array_value(F, p, _NEAR_X)) for p in points]
        columns[:, b] = _five_point(*values, steps[b])
        fp2, fp1, fm1, fm2 = values
        gap = np.max(np.abs((fp1 - fm1) / (2.0 * steps[b]) - (fp2 - fm2) / (4.0 * steps[b]))) / 3
        truncation[b] = 10.0 * gap * (gap / max(float(np.max(np.abs(columns[:, b]))), SMALLEST))
    # Columns whose truncation shows (F curving on a scale far below x's entries) are redone
    # at shorter steps, as for gradients (see _central_gradient and _shorter_steps).
    scale = float(np.max(np.abs(columns))) if columns.size else 0.0
    for b in np.flatnonzero(truncation > 0.01 * DEFAULT_TOLERANCE["central"] * scale):

        def at(h, b=b):
            (points,) = _stencil_points(x, np.full(x.size, h), only=[b])
            return _five_point(*(vec(_array_value(F, p, _NEAR_X)) for p in points), h), 0.0

        columns[:, b], _ = _shorter_steps(at, columns[:, b], steps[b])
    return columns


def check_jacobian(
    F: Callable[[np.ndarray], np.ndarray],
    jacobian: Callable[[np.ndarray], np.ndarray] | np.ndarray,
    x: np.ndarray,
    *,
    tolerance: float | None = None,
    label: str = "Jacobian",
) -> CheckResult:
    """Compare a claimed Jacobian (column-major vec on both sides) with `numerical_jacobian`.

    `jacobian` is an array of shape (F(x).size, x.size), or a callable that
    returns one when given x alone (as `grad` in `check_gradient`).
    """
    _require_callable(F, "F", "F(x), an array")
    x = _checked_point(x, "x")
    y = _array_value(F, x)
    if callable(jacobian):
        _require_one_argument(jacobian, "the Jacobian function")
        J = _as_numbers(jacobian(x.copy()), "the claimed Jacobian")
    else:
        J = _as_numbers(jacobian, "the claimed Jacobian")
    expected = (y.size, x.size)
    if J.shape != expected:
        raise GradientCheckError(
            f"the Jacobian has shape {J.shape}; F(x) has {y.size} entries and x has {x.size},"
            f" so it must have shape {expected}"
        )
    _require_finite_float(J, "the claimed Jacobian")
    tol = _checked_tolerance(DEFAULT_TOLERANCE["central"] if tolerance is None else tolerance)
    error = relative_error(J, numerical_jacobian(F, x))
    detail = _zero_words(J, None) if error == 0.0 else ""
    return CheckResult(bool(error <= tol), error, tol, "central differences", label, detail=detail)


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
    tolerance allows float64 rounding only. A NaN or an infinite entry on
    either side never passes.
    """
    tolerance = _checked_tolerance(tolerance)
    claimed, reference = _as_numbers(claimed, label), _as_numbers(reference, label)
    if claimed.shape != reference.shape:
        raise GradientCheckError(
            f"{label}: shapes differ, {claimed.shape} against {reference.shape}"
        )
    error = relative_error(claimed, reference)
    if math.isinf(error):
        bad = int(np.sum(~np.isfinite(claimed)) + np.sum(~np.isfinite(reference)))
        detail = f"{bad} NaN or infinite {'entry' if bad == 1 else 'entries'}, never a pass"
        return CheckResult(False, error, tolerance, method, label, detail=detail)
    detail = _zero_words(claimed, reference) if error == 0.0 else ""
    return CheckResult(bool(error <= tolerance), error, tolerance, method, label, detail=detail)


def expect_pass(*results: CheckResult) -> str:
    """Return the results as lines of text; raise CheckFailedError if any was rejected.

    On a page: `print(expect_pass(check_a(), check_b()))` shows the results
    and fails the build if one of them did not pass. Pass the results
    themselves, one per argument: expect_pass(*results) for a list.
    """
    return _expect(results, wanted=True, name="expect_pass")


def expect_reject(*results: CheckResult) -> str:
    """Return the results as lines of text; raise CheckFailedError if any passed.

    For claims that are wrong: the page shows the rejection, and the build
    fails if a wrong claim ever starts to pass.
    """
    return _expect(results, wanted=False, name="expect_reject")


def _expect(results: tuple, *, wanted: bool, name: str) -> str:
    if not results:
        raise CheckFailedError("nothing was checked: pass at least one CheckResult")
    for position, r in enumerate(results, start=1):
        _require_result(r, name, position)
    unexpected = [r for r in results if bool(r.passed) is not wanted]
    if unexpected:
        word = "was rejected but should pass" if wanted else "passed but should be rejected"
        message = "\n".join(f"{r.label} {word}: {r}" for r in unexpected)
        if _in_page_build():
            raise BuildStoppedError(f"{name}: {message}")
        raise CheckFailedError(message)
    return "\n".join(str(r) for r in results)


def _in_page_build() -> bool:
    """Whether a documentation page's executed code block called us (see BuildStoppedError)."""
    if os.environ.get("SHOW_FAILED_CHECKS") == "1":
        return False
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename.startswith("<code block"):
            return True
        frame = frame.f_back
    return False


def _require_result(r, name: str, position: int) -> None:
    if isinstance(r, CheckResult):
        return
    where = f"{name} got, as argument {position},"
    if isinstance(r, list | tuple) and any(isinstance(item, CheckResult) for item in r):
        raise TypeError(
            f"{where} a {type(r).__name__} of {len(r)} results: unpack it with a star,"
            f" {name}(*results); the star was forgotten"
        )
    if isinstance(r, bool | np.bool_):
        raise TypeError(
            f"{where} the bool {bool(r)}: pass the CheckResult itself (what check_gradient,"
            " check_jacobian or compare returned), not bool(result)"
        )
    if isinstance(r, str):
        raise TypeError(
            f"{where} the text {r[:40]!r}: pass the CheckResult itself, not str(result)"
        )
    raise TypeError(
        f"{where} {type(r).__name__} {r!r:.60}: it takes CheckResults, as returned by"
        " check_gradient, check_jacobian or compare"
    )


# --- deciding: agreement, measured against what the method can resolve ------------------------

#: An error within this many noise levels is explained by noise.
_AT_NOISE = 10.0
#: Gradients (claimed and numerical) within this many noise levels of zero agree as zero.
_AT_ZERO = 100.0


def _decide(g, reference, noise, tol, name, label, method, spread=0.0) -> CheckResult:
    """The verdict for a claimed g and a numerical reference whose entries carry noise ≤ noise.

    scale = max(max|g|, max|ĝ|). If scale is within _AT_NOISE·noise of zero, nothing
    can be told apart: a claimed gradient that is exactly zero passes (a stationary
    point), any other is refused. If the noise is above tol·scale, the tolerance cannot
    be resolved: a clearly larger error is still rejected, anything else is refused.
    Otherwise the relative error is held to tol.
    """
    scale = max(float(np.max(np.abs(g))), float(np.max(np.abs(reference))))
    error = relative_error(g, reference)
    resolution = _AT_NOISE * noise
    if not resolution > 0.0 or not math.isfinite(resolution):
        raise _unresolvable(method, "the numerical gradient's rounding level underflows")
    # Rounding level: noise estimates are typical sizes, the evaluation of f may round more
    # than its final value shows (terms larger than f that cancel), hence the factor 100.
    # A claimed gradient of exact zeros may also be matched by the spread of f's values.
    level = max(_AT_ZERO * noise, 0.0 if np.any(g) else 2.5 * spread)
    if scale <= level:
        # Both gradients are at the rounding level of f: they agree as zero, which is all
        # that finite differences can tell (at a minimum, or for a variable f ignores).
        return CheckResult(True, 0.0, tol, name, label, detail=_rounding_words(g, level))
    if noise > tol * scale:
        if error > 3.0 * resolution / scale:
            return CheckResult(False, error, tol, name, label)
        raise _unresolvable(
            method,
            f"the numerical gradient carries rounding noise of about {noise / scale:.0e}"
            f" relative, above the tolerance {tol:.0e}",
        )
    detail = "" if error > 0.0 else _zero_words(g, reference)
    return CheckResult(bool(error <= tol), error, tol, name, label, detail=detail)


def _refuse_if_f_vanishes(fx: float, reference: np.ndarray, g: np.ndarray, method: str):
    """f = 0 at x with a numerical gradient of exact zeros, but a claimed one that is not."""
    if fx == 0.0 and not np.any(reference) and np.any(g):
        raise _unresolvable(
            method,
            "f is exactly 0 at x and did not change at all near x, while the claimed gradient"
            " is not zero (did f underflow? values below 1e-308 become 0)",
        )


def _rounding_words(g: np.ndarray, level: float) -> str:
    if np.any(g):
        return f"both gradients are zero to f's rounding level {level:.0e}"
    return f"all {g.size} claimed entries are exactly zero; numerically ≤ {level:.0e}"


def _unresolvable(method: str, why: str) -> GradientCheckError:
    others = {
        "central": "method='complex' if f is analytic",
        "complex": "method='central'",
        "directional": "method='central' on a smaller instance, or method='complex'",
    }[method]
    return GradientCheckError(
        f"cannot check at this point: {why}. Rescale f or x (values of f far from its"
        f" rounding level, entries of x neither near 1e-308 nor near 1e308), compute f in"
        f" float64 throughout, or use {others}"
    )


def _zero_words(a: np.ndarray, b: np.ndarray | None) -> str:
    """Exact agreement in words: how many entries, and whether they are all exactly zero."""
    zeros = int(np.sum(a == 0)) if b is None else int(np.sum((a == 0) & (b == 0)))
    if zeros == a.size:
        return f"all {a.size} entries are exactly zero{'' if b is None else ' on both sides'}"
    if a.size == 1:
        return "equal exactly"
    if b is None or zeros == 0:
        return f"all {a.size} entries equal exactly"
    return f"all {a.size} entries equal exactly, {zeros} of them zero"


# --- numerical differentiation -----------------------------------------------------------------


def _norm(v: np.ndarray) -> float:
    """The 2-norm of v, computed without overflow or underflow."""
    big = float(np.max(np.abs(v)))
    if big == 0.0 or not math.isfinite(big):
        return big
    return big * float(np.linalg.norm(v / big))


def _reference_scale(x: np.ndarray) -> float:
    """The root mean square of x (1 if x is all zeros), computed without overflow."""
    big = float(np.max(np.abs(x)))
    if big == 0.0:
        return 1.0
    return big * float(np.sqrt(np.mean((x / big) ** 2)))


def _steps(x: np.ndarray) -> np.ndarray:
    """Step per entry (column-major) for the five-point stencil: eps^(1/5) · max(|x_i|, ρ).

    ρ is the root mean square of x. The step is a fixed fraction of the larger of the
    entry's own size and the typical size of the entries, so that it means the same at
    any scale of x, and an entry near zero is not moved by a step so short that f's
    rounding swamps it. (Entries where f curves faster are redone with a shorter step,
    see `_central_gradient`.)
    """
    return FIVE_POINT_STEP * np.maximum(np.abs(vec(x)), _reference_scale(x))


def _stencil_points(x: np.ndarray, steps: np.ndarray, only=None):
    """Yield x + 2h·e, x + h·e, x − h·e, x − 2h·e for each entry e in column-major order
    (or for the entries `only`)."""
    flat = vec(x)
    for b in range(flat.size) if only is None else only:
        points = []
        for k in (2, 1, -1, -2):
            p = flat.copy()
            p[b] += k * steps[b]
            points.append(p.reshape(x.shape, order="F"))
        yield points


def _five_point(fp2, fp1, fm1, fm2, h):
    """(−f(x+2h) + 8 f(x+h) − 8 f(x−h) + f(x−2h)) / 12h, exact for polynomials of degree ≤ 4.

    It is the Richardson extrapolation (4 D(h) − D(2h)) / 3 of two central
    differences D(h) = (f(x+h) − f(x−h)) / 2h.
    """
    return (-fp2 + 8.0 * fp1 - 8.0 * fm1 + fm2) / (12.0 * h)


def _central_gradient(f, x: np.ndarray, fx: float, g: np.ndarray | None = None, tol=None):
    """Five-point differences entry by entry: (gradient, noise, spread).

    noise bounds the rounding error of each entry: values of f of size M are
    rounded to about eps·M, and the stencil's weights turn that into
    1.5·eps·M/h. spread is the same bound computed from the fourth difference
    of the five values instead, which also sees noise of f beyond float64
    rounding (f computed in float32, sums that cancel) but includes f's smooth
    fourth derivative: used to explain a rejection, and to accept a claimed zero
    gradient whose numerical one is that noise.

    The two central differences inside the stencil, D(h) and D(2h), differ by
    about h²·f‴/2; for f whose derivatives grow geometrically the five-point
    error is then about 10·gap²/|D| with gap = |D(2h) − D(h)|/3, or, from the fourth
    difference δ⁴ of the five values, about (δ⁴)²/(144·gap·h²), which stays right where f‴
    nearly cancels and f⁽⁵⁾ does not; the larger of the two is taken. Where it exceeds a
    hundredth of the tolerance and the entry is smaller than the typical one (log x
    at an entry far below the others, say, or the inverse of a matrix of condition
    number 1000, whose derivatives grow like 1/σ_min), the entry is redone with steps
    10, 100 and 1000 times shorter and the best of them kept (_shorter_steps): twelve
    more evaluations for that entry only.
    """
    steps = _steps(x)
    tol = tol or DEFAULT_TOLERANCE["central"]
    size = 0.0 if g is None else float(np.max(np.abs(g)))
    out = np.empty(x.size)
    truncation = np.zeros(x.size)
    noise = spread = 0.0

    def entry(h, points):
        fp2, fp1, fm1, fm2 = (_scalar_value(f, p, _NEAR_X, at_x=x) for p in points)
        d1, d2 = (fp1 - fm1) / (2.0 * h), (fp2 - fm2) / (4.0 * h)
        value = _five_point(fp2, fp1, fm1, fm2, h)
        rounding = 1.5 * max(EPS * max(abs(fp2), abs(fp1), abs(fx), abs(fm1), abs(fm2)), SMALLEST)
        rounding /= h
        tau = abs(d2 - d1) / 3.0
        fourth = abs(fp2 - 4.0 * fp1 + 6.0 * fx - 4.0 * fm1 + fm2)
        est = 10.0 * tau * (tau / max(abs(value), rounding, SMALLEST))
        # The same error from the fourth difference, for an f whose third derivative nearly
        # cancels while its fifth does not (then tau, and est above, are far too small):
        # tau ≈ h²|f‴|/6 and fourth ≈ h⁴|f⁗|; derivatives that grow geometrically have
        # f⁽⁵⁾ ≈ (5/4) f⁗²/f‴, so the five-point error h⁴|f⁽⁵⁾|/30 ≈ fourth²/(144·tau·h²).
        # (Written as a ratio times fourth/h: no square of f's size, so no overflow.)
        ratio = fourth / (max(tau, rounding) * h)
        est = max(est, ratio * (fourth / h) / 144.0)
        return value, rounding, 1.5 * (fourth / 8.0) / h, est

    for b, points in enumerate(_stencil_points(x, steps)):
        out[b], rounding, fourth, truncation[b] = entry(steps[b], points)
        noise, spread = max(noise, rounding), max(spread, fourth)
    # Entries whose truncation shows (log x at an entry far below the others, or f curving on
    # a scale far below the entries' own, as the inverse of an ill-conditioned matrix does,
    # its derivatives growing like 1/σ_min) are redone at shorter steps: see _shorter_steps.
    scale = max(size, float(np.max(np.abs(out))))
    for b in np.flatnonzero(truncation > 0.01 * tol * scale):

        def at(h, b=b):
            (points,) = _stencil_points(x, np.full(x.size, h), only=[b])
            value, rounding, fourth, _ = entry(h, points)
            return value, (rounding, fourth)

        out[b], (rounding, fourth) = _shorter_steps(at, out[b], steps[b], (0.0, 0.0))
        noise, spread = max(noise, rounding), max(spread, fourth)
    return out.reshape(x.shape, order="F"), noise, spread


#: How many times a five-point difference whose truncation shows is redone with a step ten
#: times shorter (four evaluations of f each time, for that entry or column only).
_SHORTER_STEPS = 3


def _shorter_steps(at, value, h, extra=None):
    """The five-point value at the best of the steps h, h/10, h/100, h/1000: (value, extra).

    at(step) -> (value, extra) recomputes the difference (a number or an array) with a
    shorter step; `extra` (here the rounding bounds at that step) goes with the value
    chosen. Truncation falls by 10⁴ with each tenfold shorter step while rounding grows
    tenfold, so successive values first converge, then scatter: of the two successive
    values that differ least, the value taken is the earlier (less rounding) unless the
    values were still converging at the shortest step.
    """
    values, extras = [value], [extra]
    for _ in range(_SHORTER_STEPS):
        h /= 10.0
        v, e = at(h)
        values.append(v)
        extras.append(e)
    changes = [float(np.max(np.abs(b - a))) for a, b in itertools.pairwise(values)]
    least = int(np.argmin(changes))
    # Still converging at the shortest step: the last value. Otherwise the changes grew after
    # the least one (rounding): the earlier value of that pair, with the less rounding.
    best = least + 1 if least == len(changes) - 1 else least
    return values[best], extras[best]


def _complex_step_gradient(f, x: np.ndarray, fx: float = 0.0):
    """Im f(x + i·h_b·e_b) / h_b, h_b = 1e-8 · max(|x_b|, ρ): (gradient, noise).

    No subtraction, so no cancellation: the result is exact to rounding, and its
    h² error is below eps. noise is eps times the largest entry, or the spacing of
    the smallest float64 numbers over h where Im f is that small.
    """
    a = np.abs(vec(x))
    steps = COMPLEX_STEP * np.maximum(a, _reference_scale(x))
    flat = vec(x).astype(complex)
    out = np.empty(flat.size)
    for b in range(flat.size):
        p = flat.copy()
        p[b] += 1j * steps[b]
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
        if not np.isfinite(value):
            raise GradientCheckError(
                f"method='complex': f returned {value} at x + i·h·e (entry {b}, column-major),"
                " a point with a small imaginary part. Use method='central'."
            )
        out[b] = value.imag / steps[b]
    rho = _reference_scale(x)
    noise = max(
        4.0 * EPS * float(np.max(np.abs(out))),
        4.0 * EPS * (abs(fx) / rho),  # rounding of Im f relative to f's own size
        float(np.max(SMALLEST / steps)),
    )
    return out.reshape(x.shape, order="F"), noise


_DIRECTION_STREAM = 0x67726164  # "grad"


def _directional_check(f, g, x, tol, directions, seed, label) -> CheckResult:
    """Compare ⟨g, u⟩ with the derivative of f along random directions u.

    u = s ⊙ z with z standard normal and s_i = max(|x_i|, ρ/10) (ρ the root mean
    square of x): each entry moves in proportion to its own size, or to a tenth of
    the typical one. Along u, the
    five-point difference with t = eps^(1/5) costs four evaluations of f; it is
    the Richardson extrapolation of the central differences with steps t and 2t.

    The error of a direction is |⟨g, u⟩ − D_u f(x)| over ‖s ⊙ g‖, the standard
    deviation of ⟨g, u⟩ over random z: the size the directional derivative
    typically has. For a claimed g = ∇f + δ it is |N(0, 1)| · r with
    r = ‖s ⊙ δ‖ / ‖s ⊙ g‖, whatever x.size: so an error r passes all d directions
    with probability erf(tolerance / (r √2))^d, about (0.8 · tolerance / r)^d.

    Where the difference of the two central differences shows that the step is
    too long for f (its truncation error would exceed a hundredth of the
    tolerance), that direction is redone with a step four times shorter.
    """
    # The seed is mixed with a constant of the checker's own, so that the directions are not
    # the very numbers a caller drew x with from default_rng(seed).
    rng = np.random.default_rng([seed, _DIRECTION_STREAM])
    s = np.maximum(np.abs(x), 0.1 * _reference_scale(x))
    typical = _norm(s * g)
    worst = 0.0
    noise_worst = 0.0
    largest = 0.0  # the largest |D_u f(x)|
    biggest_value = 0.0  # the largest |f| met
    for _ in range(directions):
        u = s * rng.standard_normal(x.shape)
        claimed = float(np.sum(g * u))
        t = FIVE_POINT_STEP
        for _attempt in range(4):
            fp2, fp1, fm1, fm2 = (
                _scalar_value(f, x + k * t * u, _NEAR_X, at_x=x) for k in (2, 1, -1, -2)
            )
            along = _five_point(fp2, fp1, fm1, fm2, t)
            level = max(EPS * max(abs(fp2), abs(fp1), abs(fm1), abs(fm2)), SMALLEST)
            noise = 1.5 * level / t
            d1, d2 = (fp1 - fm1) / (2 * t), (fp2 - fm2) / (4 * t)
            # For f whose derivatives grow geometrically, the five-point error is about
            # 10·τ²/|D_u f| where τ = |D(2t) − D(t)|/3 is the error of D(t).
            tau = abs(d2 - d1) / 3.0
            truncation = 10.0 * tau * (tau / max(abs(along), noise, SMALLEST))
            if truncation <= 0.01 * tol * max(typical, abs(along)) or t < 1e-6:
                break
            t /= 4.0
        noise_worst = max(noise_worst, noise + truncation)
        largest = max(largest, abs(along))
        worst = max(worst, abs(claimed - along))
        biggest_value = max(biggest_value, abs(fp2), abs(fp1), abs(fm1), abs(fm2))
    _refuse_if_f_vanishes(biggest_value, np.array(largest), g, "directional")
    name = f"directional, {directions} random direction{'s' if directions > 1 else ''}"
    if max(typical, largest) <= _AT_ZERO * noise_worst:
        words = _rounding_words(g, _AT_ZERO * noise_worst)
        return CheckResult(True, 0.0, tol, name, label, detail=words)
    # Relative to ‖s ⊙ g‖ alone, so that the error of each direction is |N(0, 1)| times
    # ‖s ⊙ (g − ∇f)‖ / ‖s ⊙ g‖, and the chance of missing an error has a formula.
    scale = typical if typical > 0.0 else largest
    error = worst / scale
    noise_rel = noise_worst / scale
    if noise_rel > tol:
        if error > 3.0 * _AT_NOISE * noise_rel:
            return CheckResult(False, error, tol, name, label)
        raise _unresolvable(
            "directional",
            f"the derivative along the directions carries noise of about {noise_rel:.0e}"
            f" relative, above the tolerance {tol:.0e}",
        )
    return CheckResult(bool(error <= tol), error, tol, name, label)


# --- input validation -----------------------------------------------------------------------


def _checked_tolerance(tolerance) -> float:
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float | np.number):
        raise GradientCheckError(f"tolerance must be a number ≥ 0; got {tolerance!r}")
    value = float(tolerance)
    if not (math.isfinite(value) and value >= 0.0):
        raise GradientCheckError(
            f"tolerance must be a finite number ≥ 0 (such as 1e-8); got {tolerance!r}:"
            " with it, every comparison would pass or none would"
        )
    return value


def _require_callable(f, name: str, what: str) -> None:
    if not callable(f):
        raise GradientCheckError(
            f"{name} must be a function, {what} = {name}(x); got {type(f).__name__}"
            " (are the arguments in the order f, claimed, x?)"
        )
    _require_one_argument(f, name)


def _require_one_argument(func, name: str) -> None:
    """Refuse a function that cannot be called with x alone, naming its parameters."""
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):  # builtins and ufuncs without a signature: just call them
        return
    try:
        signature.bind(object())
    except TypeError as exc:
        raise GradientCheckError(
            f"{name} must take x alone; its signature is {signature} ({exc}). Bind the other"
            f" arguments first, e.g. lambda x: {getattr(func, '__name__', 'g')}(x, ...)"
        ) from exc


def _as_numbers(a, what: str = "the array") -> np.ndarray:
    try:
        return np.asarray(a)
    except (TypeError, ValueError) as exc:  # ragged nested lists
        raise GradientCheckError(f"{what} is not an array of numbers: {exc}") from exc


def _require_finite_float(a: np.ndarray, what: str) -> None:
    if a.dtype != np.float64:
        if a.dtype.kind == "c":
            hint = (
                ": the checker differentiates real functions of real arrays; for a complex"
                " variable, check its real and imaginary parts as two real arrays"
            )
        elif a.dtype.kind in "biuf":
            precision = "integers" if a.dtype.kind in "biu" else f"{a.dtype} (lower precision)"
            hint = (
                f" (convert with .astype(float)): finite differences in {precision} measure nothing"
            )
        else:
            hint = ": it must hold real numbers"
        raise GradientCheckError(
            f"{what} must be a float64 array; got dtype {a.dtype}, shape {a.shape}{hint}"
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
    a = x if isinstance(x, np.ndarray) else _as_numbers(x, what)
    _require_finite_float(a, what)
    if a.size == 0:
        raise GradientCheckError(f"{what} has no entries (shape {a.shape})")
    return a.copy()


_NEAR_X = "at a point near x (the check moved x by a small step, as finite differences do)"


def _call(f, x: np.ndarray, where: str, at_x: np.ndarray | None = None):
    """f(x), with a word that x was moved if f fails at a point other than x itself.

    at_x: the point x itself, to tell whether f fails there too (then its own error is
    raised, unchanged).
    """
    if where == "at x":
        return f(x.copy())
    try:
        return f(x.copy())
    except Exception as exc:
        if at_x is not None:
            f(at_x.copy())  # raises f's own error if f fails at x as well
        raise GradientCheckError(
            f"f raised {type(exc).__name__}: {exc} {where}. At x itself f runs; it must be"
            " defined near x too (x away from a boundary of f's domain, such as 0 for log"
            " or sqrt)"
        ) from exc


def _scalar_value(f, x: np.ndarray, where: str = "at x", at_x=None) -> float:
    value = _call(f, x, where, at_x)
    if isinstance(value, float) and math.isfinite(value):
        return float(value)  # a finite Python float or numpy float64: the usual case, at once
    value = np.asarray(value)
    if value.shape != ():
        raise GradientCheckError(
            f"f must return a scalar; it returned an array of shape {value.shape}"
            f" for x of shape {x.shape}. A gradient exists only for a scalar function:"
            " reduce to a scalar first, e.g. with a weighted sum np.sum(G * F(x))"
        )
    if value.dtype.kind == "c":
        raise GradientCheckError(
            f"f must return a real number for real x; it returned dtype {value.dtype}"
        )
    if value.dtype.kind == "f" and value.dtype != np.float64:
        raise GradientCheckError(
            f"f returned a {value.dtype} number: its rounding (about"
            f" {float(np.finfo(value.dtype).eps):.0e} relative) swamps finite differences."
            " Compute f in float64 (are some of its arrays float32?)"
        )
    if value.dtype.kind not in "fiu":
        raise GradientCheckError(f"f must return a real number; it returned dtype {value.dtype}")
    if not np.isfinite(value):
        overflow = " (an overflow? rescale f or x)" if np.isinf(value) else ""
        raise GradientCheckError(
            f"f returned {value} {where}, for x of shape {x.shape}: f must be finite at x"
            f" and near it{overflow}"
        )
    return float(value)


def _array_value(F, x: np.ndarray, where: str = "at x") -> np.ndarray:
    value = np.asarray(_call(F, x, where))
    if value.dtype.kind not in "fiu":
        raise GradientCheckError(f"F must return a real array; it returned dtype {value.dtype}")
    if not np.all(np.isfinite(value)):
        raise GradientCheckError(f"F returned non-finite values for x of shape {x.shape}")
    return value.astype(np.float64)


def _claimed_gradient(grad, x: np.ndarray) -> np.ndarray:
    if callable(grad):
        _require_one_argument(grad, "the gradient function")
        g = _as_numbers(grad(x.copy()), "the claimed gradient")
    else:
        g = _as_numbers(grad, "the claimed gradient")
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
