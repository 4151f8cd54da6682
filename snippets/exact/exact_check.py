"""Exact checks: a claimed derivative compared with dual-number derivatives, as fractions.

Site machinery: it builds on snippets/exact/dual.py and the checker's CheckResult, so it
does not run alone; a page's download carries it with both.

The inputs are random integers, drawn uniformly from S = {−BOUND, …, BOUND}; the claimed
gradient and the derivative computed with dual numbers (snippets/exact/dual.py) are both exact
fractions, and they must be EQUAL: the tolerance is zero. A wrong polynomial formula of degree
d agrees with the right one at such a point with probability at most d/|S| (Schwartz–Zippel);
see the proofs page.
"""

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from snippets.exact.dual import directional_derivative, dual_array, slope_of, value_of
from snippets.gradcheck import CheckResult

#: Entries are drawn uniformly from S = {−BOUND, …, BOUND}, |S| = 2·BOUND + 1.
BOUND = 10_000
SIZE_OF_S = 2 * BOUND + 1

#: A draw where a denominator of the formula vanishes (X singular, say) is replaced by a new
#: draw from the same generator, at most this many times.
REDRAWS = 5


@dataclass(frozen=True)
class ExactResult(CheckResult):
    """A CheckResult whose comparison was exact: max_rel_error is 0 exactly when it passed.

    entries: how many numbers were compared; equal: how many were equal as fractions;
    shown: one of the compared pairs, as text (the first unequal one if any). The relative
    error max|claimed − exact| / max(|claimed|, |exact|) is computed from the fractions and
    only then rounded to a float for max_rel_error.
    """

    entries: int = 0
    equal: int = 0
    shown: str = ""

    def __str__(self) -> str:
        verdict = "passed  " if self.passed else "REJECTED"
        body = self.shown
        if self.entries > 1:
            body = f"{self.equal} of {self.entries} entries equal, e.g. {self.shown}"
        return f"{verdict} {self.label}: {body} (exact: {self.method}, tolerance 0)"


def exact_inputs(template: dict, rng: np.random.Generator, bound: int = BOUND) -> dict:
    """Random integer inputs with the shapes and the structure of `template`.

    template: arrays by name (e.g. a float sample of the identity's inputs). Each float array
    is replaced by integers uniform in {−bound, …, bound}, as an object array of Fractions,
    keeping the structure the template shows: a symmetric square matrix stays symmetric, an
    entry that is exactly 0 stays 0 (diagonal or triangular inputs). Integer arrays (indices)
    are kept as they are.
    """
    out = {}
    for name, A in template.items():
        A = np.asarray(A)
        if A.dtype.kind in "iub":
            out[name] = A
            continue
        if A.dtype.kind != "f":
            raise TypeError(f"input {name!r}: expected a float or integer array, got {A.dtype}")
        Z = rng.integers(-bound, bound, size=A.shape, endpoint=True)
        if A.ndim == 2 and A.shape[0] == A.shape[1] and A.shape[0] > 1 and np.all(A == A.T):
            Z = np.triu(Z) + np.triu(Z, 1).T  # symmetric: the upper triangle, mirrored
        Z = np.where(A == 0, 0, Z)
        out[name] = np.vectorize(Fraction, otypes=[object])(Z) if Z.ndim else Fraction(int(Z))
    return out


def as_fractions(A) -> np.ndarray:
    """A (numbers, dual numbers with slope 0, or floats) as an object array of Fractions.

    Floats are converted exactly (a float is a fraction with a power of two below).
    """
    A = np.asarray(A, dtype=object)
    slopes = slope_of(A)
    if any(s != 0 for s in slopes.flat):
        raise ValueError("expected constants, got dual numbers with a nonzero slope")
    return value_of(A)


def constants(inputs: dict) -> dict:
    """The inputs as dual numbers with slope 0, so that every operation stays exact."""
    return {
        k: (v if np.asarray(v).dtype.kind in "iub" else dual_array(v)) for k, v in inputs.items()
    }


def compare_exactly(claimed, reference, *, label: str, names=("claimed", "exact")) -> ExactResult:
    """Compare two arrays of fractions entry by entry; passed iff every pair is equal.

    names: what the two sides are called in the printed result.
    """
    claimed, reference = as_fractions(claimed), as_fractions(reference)
    if claimed.shape != reference.shape:
        raise ValueError(f"{label}: shapes differ, {claimed.shape} against {reference.shape}")
    pairs = list(zip(claimed.flat, reference.flat, strict=True))
    diffs = [abs(c - r) for c, r in pairs]
    scale = max([abs(x) for pair in pairs for x in pair], default=Fraction(0))
    error = float(max(diffs, default=Fraction(0)) / scale) if scale else 0.0
    unequal = [k for k, d in enumerate(diffs) if d != 0]
    k = unequal[0] if unequal else max(range(len(pairs)), key=lambda i: abs(pairs[i][1]))
    index = np.unravel_index(k, reference.shape) if reference.shape else ()
    at = f"[{', '.join(map(str, index))}]" if index else ""
    c, r = pairs[k]
    shown = f"{names[0]}{at} = {c} {'=' if c == r else '≠'} {r} = {names[1]}{at}"
    return ExactResult(
        not unequal, error, 0.0, METHOD, label, len(pairs), len(pairs) - len(unequal), shown
    )


METHOD = "dual numbers over fractions"


def random_direction(inputs: dict, variable: str, rng: np.random.Generator) -> np.ndarray:
    """A direction U of the variable's shape, integers uniform in S, with no structure imposed."""
    shape = np.shape(inputs[variable])
    free = np.arange(1.0, np.prod(shape, dtype=int) + 1).reshape(shape)  # no zero, not symmetric
    return exact_inputs({"U": free}, rng)["U"]


def check_gradient_exactly(f, grad, inputs: dict, variable: str, U, *, label: str) -> ExactResult:
    """⟨grad, U⟩ against D_U f, the derivative of f along U computed with dual numbers.

    f(**inputs) -> scalar; grad(**inputs) -> array of the variable's shape; inputs and U:
    arrays of Fractions (see exact_inputs, random_direction). One evaluation of f on dual
    numbers. Raises ZeroDivisionError where a denominator vanishes.
    """
    _, along = directional_derivative(f, inputs, variable, U)
    claimed = as_fractions(grad(**constants(inputs)))
    if claimed.shape != np.shape(U):
        raise ValueError(
            f"{label}: the gradient has shape {claimed.shape}, {variable} has {np.shape(U)}"
        )
    return compare_exactly(np.sum(claimed * U), along, label=label, names=("⟨G, U⟩", "D_U f"))


def check_jacobian_exactly(F, jacobian, inputs: dict, variable: str, U, *, label: str):
    """J vec(U) against vec(D_U F), entry by entry, with J = jacobian(**inputs) claimed."""
    _, along = directional_derivative(F, inputs, variable, U)
    J = as_fractions(jacobian(**constants(inputs)))
    u = np.asarray(U, dtype=object).reshape(-1, order="F")
    if J.shape != (along.size, u.size):
        raise ValueError(f"{label}: J has shape {J.shape}, expected {(along.size, u.size)}")
    return compare_exactly(J @ u, along.reshape(-1, order="F"), label=label,
                           names=("J vec U", "vec D_U F"))  # fmt: skip


def at_random_point(check, template: dict, seed: int = 0):
    """check(inputs, rng) at a random integer point shaped like template (rng: for directions).

    A point where a denominator vanishes (ZeroDivisionError, or numpy's LinAlgError from an
    exact inverse of a singular matrix) lies outside the identity's domain: draw again from
    the same generator, at most REDRAWS times.
    """
    rng = np.random.default_rng(seed)
    for _ in range(REDRAWS + 1):
        try:
            return check(exact_inputs(template, rng), rng)
        except (ZeroDivisionError, np.linalg.LinAlgError):
            continue
    raise ZeroDivisionError(f"{REDRAWS + 1} random points in a row hit a zero denominator")
