"""Elementwise activations and their backward passes (numpy only).

An activation y = f(x) acts entry by entry, so a change dx changes y by dy = f'(x) ∘ dx
(∘ the entrywise product), and the backward pass is

    dx = dy ∘ f'(x)        dy, x, dx: all of one shape, any shape

with dy = ∂φ/∂y the gradient arriving at the output. The Jacobian diag(f'(x)) is never built.

    tanh:     f(x) = tanh x                           f'(x) = 1 − tanh² x
    sigmoid:  σ(x) = 1 / (1 + e⁻ˣ)                     σ'(x) = σ(x) (1 − σ(x))
    ReLU:     f(x) = max(x, 0)                        f'(x) = 1 if x > 0, else 0 (also at 0)
    GELU, tanh approximation, with u = c (x + a x³), c = √(2/π), a = 0.044715:
              f(x) = ½ x (1 + tanh u) = x σ(2u)
              f'(x) = σ(2u) + 2 x σ'(2u) c (1 + 3 a x²)

Written for float64 at any finite input: σ and σ' are computed from e = e^(−|x|) ≤ 1,
which cannot overflow, and keep their relative accuracy where they are tiny
(σ(−40) ≈ 4.25e-18, not 0); GELU goes through σ(2u), so its tail is accurate too, and
|x| is capped at 1000 inside u, where σ(2u) is already exactly 0 or 1.
"""

import numpy as np

GELU_C = np.sqrt(2.0 / np.pi)
GELU_A = 0.044715
GELU_CAP = 1000.0  # beyond |x| = 1000, σ(2u) is exactly 0 or 1 and σ'(2u) exactly 0


def _require_float(name: str, x: np.ndarray) -> None:
    """Refuse what would compute silently wrong: non-arrays, integer dtypes, NaN."""
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        kind = x.dtype if isinstance(x, np.ndarray) else type(x).__name__
        raise TypeError(f"{name} must be a floating-point numpy array; got {kind}")
    if np.isnan(x).any():
        raise ValueError(f"{name} contains NaN (shape {x.shape})")


def _require_pair(dy: np.ndarray, x: np.ndarray) -> None:
    _require_float("x", x)
    _require_float("dy", dy)
    if dy.shape != x.shape:
        raise ValueError(f"dy must have the shape of x, {x.shape}; got {dy.shape}")


def tanh(x: np.ndarray) -> np.ndarray:
    """y = tanh(x), entry by entry; y has the shape of x."""
    _require_float("x", x)
    return np.tanh(x)


def tanh_backward(dy: np.ndarray, x: np.ndarray) -> np.ndarray:
    """dx = dy ∘ (1 − tanh² x), dy and x of one shape."""
    _require_pair(dy, x)
    y = np.tanh(x)
    return dy * (1.0 - y * y)


def _sigmoid_and_slope(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """σ(x) and σ'(x) = σ(x) σ(−x), from e = exp(−|x|): σ(x) = 1 / (1 + e) for x ≥ 0,
    e / (1 + e) for x < 0, and σ'(x) = e / (1 + e)² for both."""
    e = np.exp(-np.abs(x))
    s = np.where(x >= 0, 1.0, e) / (1.0 + e)
    return s, e / (1.0 + e) ** 2


def sigmoid(x: np.ndarray) -> np.ndarray:
    """σ(x) = 1 / (1 + e⁻ˣ), entry by entry; accurate to a few ulp at any finite x."""
    _require_float("x", x)
    return _sigmoid_and_slope(x)[0]


def sigmoid_backward(dy: np.ndarray, x: np.ndarray) -> np.ndarray:
    """dx = dy ∘ σ(x) ∘ (1 − σ(x)), dy and x of one shape."""
    _require_pair(dy, x)
    return dy * _sigmoid_and_slope(x)[1]


def relu(x: np.ndarray) -> np.ndarray:
    """y = max(x, 0), entry by entry."""
    _require_float("x", x)
    return np.maximum(x, 0.0)


def relu_backward(dy: np.ndarray, x: np.ndarray) -> np.ndarray:
    """dx = dy ∘ [x > 0]: slope 1 where x > 0, else 0, with relu'(0) = 0 by convention."""
    _require_pair(dy, x)
    return dy * (x > 0)


def _gelu_2u(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """2u = 2c (x + a x³) with x capped at ±GELU_CAP (no overflow), and du/dx = c (1 + 3a x²)."""
    xc = np.clip(x, -GELU_CAP, GELU_CAP)
    return 2.0 * GELU_C * xc * (1.0 + GELU_A * xc * xc), GELU_C * (1.0 + 3.0 * GELU_A * xc * xc)


def gelu(x: np.ndarray) -> np.ndarray:
    """GELU, tanh approximation: y = ½ x (1 + tanh u) = x σ(2u), u = c (x + a x³)."""
    _require_float("x", x)
    two_u, _ = _gelu_2u(x)
    return x * _sigmoid_and_slope(two_u)[0]


def gelu_backward(dy: np.ndarray, x: np.ndarray) -> np.ndarray:
    """dx = dy ∘ f'(x), f'(x) = σ(2u) + 2 x σ'(2u) c (1 + 3 a x²)
    (= ½ (1 + tanh u) + ½ x (1 − tanh² u) c (1 + 3 a x²))."""
    _require_pair(dy, x)
    two_u, du = _gelu_2u(x)
    s, ds = _sigmoid_and_slope(two_u)
    return dy * (s + (x * ds) * (2.0 * du))  # x ds first: 0 where ds is 0, even at x = 1e308
