"""Elementwise activations and their backward passes (numpy only).

An activation y = f(x) acts entry by entry, so a change dx changes y by dy = f'(x) ∘ dx
(∘ the entrywise product), and the backward pass is

    dx = dy ∘ f'(x)        dy, x, dx: all of one shape, any shape

with dy = ∂φ/∂y the gradient arriving at the output. The Jacobian diag(f'(x)) is never built.

    tanh:     f(x) = tanh x                           f'(x) = 1 − tanh² x
    sigmoid:  σ(x) = 1 / (1 + e⁻ˣ) = ½ (1 + tanh(x/2))  σ'(x) = σ(x) (1 − σ(x))
    ReLU:     f(x) = max(x, 0)                        f'(x) = 1 if x > 0, else 0 (also at 0)
    GELU, tanh approximation, with u = c (x + a x³), c = √(2/π), a = 0.044715:
              f(x) = ½ x (1 + tanh u)
              f'(x) = ½ (1 + tanh u) + ½ x (1 − tanh² u) c (1 + 3 a x²)
"""

import numpy as np

GELU_C = np.sqrt(2.0 / np.pi)
GELU_A = 0.044715


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


def sigmoid(x: np.ndarray) -> np.ndarray:
    """σ(x) = ½ (1 + tanh(x/2)) = 1 / (1 + e⁻ˣ), entry by entry; no overflow for large |x|."""
    _require_float("x", x)
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def sigmoid_backward(dy: np.ndarray, x: np.ndarray) -> np.ndarray:
    """dx = dy ∘ σ(x) ∘ (1 − σ(x)), dy and x of one shape."""
    _require_pair(dy, x)
    s = 0.5 * (1.0 + np.tanh(0.5 * x))
    return dy * s * (1.0 - s)


def relu(x: np.ndarray) -> np.ndarray:
    """y = max(x, 0), entry by entry."""
    _require_float("x", x)
    return np.maximum(x, 0.0)


def relu_backward(dy: np.ndarray, x: np.ndarray) -> np.ndarray:
    """dx = dy ∘ [x > 0]: slope 1 where x > 0, else 0, with relu'(0) = 0 by convention."""
    _require_pair(dy, x)
    return dy * (x > 0)


def gelu(x: np.ndarray) -> np.ndarray:
    """GELU, tanh approximation: y = ½ x (1 + tanh u), u = c (x + a x³), entry by entry."""
    _require_float("x", x)
    u = GELU_C * (x + GELU_A * x**3)
    return 0.5 * x * (1.0 + np.tanh(u))


def gelu_backward(dy: np.ndarray, x: np.ndarray) -> np.ndarray:
    """dx = dy ∘ f'(x), f'(x) = ½ (1 + tanh u) + ½ x (1 − tanh² u) c (1 + 3 a x²)."""
    _require_pair(dy, x)
    t = np.tanh(GELU_C * (x + GELU_A * x**3))
    slope = 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * GELU_C * (1.0 + 3.0 * GELU_A * x**2)
    return dy * slope
