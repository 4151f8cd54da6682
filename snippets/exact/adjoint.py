"""The adjoint (dot-product) test of a backward pass: ⟨v, J u⟩ = ⟨Jᵀ v, u⟩.

Site machinery: it builds on snippets/exact/ and the checker (snippets/gradcheck.py), so it
does not run alone; a page's download carries it with both.

A forward pass y = F(x1, x2, ...) has a Jacobian J; its backward pass maps an upstream
gradient v (y's shape) to Jᵀ v, one gradient per input. For random directions u = (u1, u2, ...)
and a random v, the number ⟨v, J u⟩ computed FORWARD (the derivative of F along u) must equal
⟨Jᵀ v, u⟩ = Σ_k ⟨backward(v)_k, u_k⟩ computed BACKWARD. One scalar equation per (u, v); a
wrong backward pass (a transpose, a missing sum) breaks it for almost every u and v.

The forward derivative J u comes from, in order of preference:
- dual numbers over fractions, when F and its backward pass are polynomial and accept
  object arrays: both sides are fractions and must be EQUAL;
- the complex step, Im F(x + i·h·u)/h with h = 1e-30 (no subtraction, so no cancellation),
  when F accepts complex input: agreement to rounding;
- otherwise five-point central differences along u, Richardson-extrapolated (F refuses complex
  input, e.g. a layer that checks for a float dtype): agreement to about 1e-10.
"""

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from snippets.exact.dual import dual_array, slope_of
from snippets.exact.exact_check import ExactResult, exact_inputs
from snippets.gradcheck import DEFAULT_TOLERANCE, EPS, CheckResult


@dataclass(frozen=True)
class BackwardPass:
    """A forward pass and its backward pass, seen as functions of named inputs.

    forward(**inputs) -> y (an array or a scalar);
    backward(v, **inputs) -> {name: gradient of ⟨v, y⟩ by that input}, for the inputs it
    differentiates (integer inputs such as token indices have none);
    sample(rng) -> inputs (float64 arrays; integer arrays for indices), away from kinks;
    exact: F and backward are polynomial and run on object arrays of fractions.
    """

    name: str
    forward: Callable[..., np.ndarray]
    backward: Callable[..., dict]
    sample: Callable[[np.random.Generator], dict]
    exact: bool = False
    source: str = ""


def directions(inputs: dict, names, rng: np.random.Generator) -> dict:
    """Standard-normal directions u_k, one per differentiated input, of its shape."""
    return {k: rng.standard_normal(np.shape(inputs[k])) for k in names}


def inner(a, b):
    """⟨a, b⟩ = Σ a_i b_i, for arrays of one shape (or two scalars)."""
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape:
        raise ValueError(f"⟨a, b⟩ needs equal shapes; got {a.shape} and {b.shape}")
    return np.sum(a * b)


def forward_derivative(bp: BackwardPass, inputs: dict, u: dict):
    """(J u, method): the derivative of bp.forward at inputs along u, complex step if possible."""
    h = 1e-30
    moved = {k: (x + 1j * h * u[k] if k in u else x) for k, x in inputs.items()}
    try:
        y = np.asarray(bp.forward(**moved))
        if np.iscomplexobj(y):
            return y.imag / h, "complex step"
    except (TypeError, ValueError):  # the forward pass refuses complex input
        pass
    t = EPS**0.2  # five-point central differences along u, steps t and t/2

    def F(s):
        return np.asarray(
            bp.forward(**{k: (x + s * u[k] if k in u else x) for k, x in inputs.items()})
        )

    def five(step):
        return (-F(2 * step) + 8 * F(step) - 8 * F(-step) + F(-2 * step)) / (12 * step)

    return (16 * five(t / 2) - five(t)) / 15, "central differences along u"


def adjoint_test(bp: BackwardPass, seed: int = 0, pairs: int = 3, backward=None) -> CheckResult:
    """⟨v, J u⟩ against ⟨Jᵀ v, u⟩ for `pairs` random (u, v); backward overrides bp.backward.

    Error: |⟨v, Ju⟩ − ⟨Jᵀv, u⟩| / Σ_k ‖(Jᵀv)_k‖ ‖u_k‖, the largest over the pairs; the
    denominator bounds |⟨Jᵀv, u⟩| (Cauchy–Schwarz), the size the two sides can have.
    """
    backward = bp.backward if backward is None else backward
    if bp.exact:
        return _exact_adjoint_test(bp, seed, backward)
    rng = np.random.default_rng(seed)
    inputs = bp.sample(rng)
    y = np.asarray(bp.forward(**inputs))
    worst, method = 0.0, ""
    for _ in range(pairs):
        v = rng.standard_normal(y.shape)
        grads = backward(v, **inputs)
        u = directions(inputs, grads, rng)
        Ju, method = forward_derivative(bp, inputs, u)
        forward_side = float(inner(v, Ju))
        backward_side = float(sum(inner(grads[k], u[k]) for k in grads))
        scale = sum(np.linalg.norm(grads[k]) * np.linalg.norm(u[k]) for k in grads)
        scale = max(scale, abs(forward_side))
        if scale > 0:
            worst = max(worst, abs(forward_side - backward_side) / scale)
    tol = DEFAULT_TOLERANCE["complex" if method == "complex step" else "directional"]
    label = f"⟨v, J u⟩ = ⟨Jᵀ v, u⟩: {bp.name}"
    return CheckResult(bool(worst <= tol), worst, tol, f"{method}, {pairs} random (u, v)", label)


def _exact_adjoint_test(bp: BackwardPass, seed: int, backward) -> ExactResult:
    """Both sides as fractions at a random integer point, integer u and v: they must be equal."""
    rng = np.random.default_rng(seed)
    inputs = exact_inputs(bp.sample(rng), rng)
    y = bp.forward(**inputs)
    v = exact_inputs({"v": np.ones(np.shape(y))}, rng)["v"]
    grads = backward(v, **inputs)
    u = {k: exact_inputs({k: np.ones(np.shape(inputs[k]))}, rng)[k] for k in grads}
    duals = {k: (dual_array(x, u[k]) if k in u else x) for k, x in inputs.items()}
    Ju = slope_of(bp.forward(**duals))
    forward_side = Fraction(inner(v, Ju))
    backward_side = Fraction(sum(inner(grads[k], u[k]) for k in grads))
    equal = forward_side == backward_side
    scale = max(abs(forward_side), abs(backward_side))
    error = float(abs(forward_side - backward_side) / scale) if scale else 0.0
    shown = f"{forward_side} {'=' if equal else '≠'} {backward_side}"
    label = f"⟨v, J u⟩ = ⟨Jᵀ v, u⟩: {bp.name}"
    return ExactResult(
        equal, error, 0.0, "dual numbers over fractions", label, 1, int(equal), shown
    )
