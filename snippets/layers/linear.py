"""A linear layer in the three ways code stores it: forward and backward passes (numpy only).

Weights stored (out, in), samples as rows, as in PyTorch and most frameworks:

    Y = X Wᵀ + 1 bᵀ        X: (N, q), W: (m, q), b: (m,), Y: (N, m)
    dX = dY W   (N, q)     dW = dYᵀ X   (m, q)     db = dYᵀ 1   (m,)

Weights stored (in, out), samples as rows:

    Y = X W + 1 bᵀ         X: (N, q), W: (q, m), b: (m,), Y: (N, m)
    dX = dY Wᵀ  (N, q)     dW = Xᵀ dY   (q, m)     db = dYᵀ 1   (m,)

Samples as columns (the layout of the site's D = W X):

    D = W X + b 1ᵀ         W: (m, q), X: (q, N), b: (m,), D: (m, N)
    dX = Wᵀ dD  (q, N)     dW = dD Xᵀ   (m, q)     db = dD 1    (m,)

1 is the vector of N ones; each bias gradient is a sum over the N samples.
dY = ∂φ/∂Y and dD = ∂φ/∂D are the gradients of a scalar loss φ arriving at the output.
For a mean loss such as φ = ‖Y − T‖²_F / (2N), dY = (Y − T) / N carries the 1/N, once.
"""

import numpy as np


def _require_float(name: str, A: np.ndarray, ndim: int | None = None) -> None:
    """Refuse what would compute silently wrong: non-arrays, integer dtypes, NaN, wrong ndim."""
    if not isinstance(A, np.ndarray) or A.dtype.kind != "f":
        kind = A.dtype if isinstance(A, np.ndarray) else type(A).__name__
        raise TypeError(f"{name} must be a floating-point numpy array; got {kind}")
    if ndim is not None and A.ndim != ndim:
        raise ValueError(f"{name} must have {ndim} axes; got shape {A.shape}")
    if np.isnan(A).any():
        raise ValueError(f"{name} contains NaN (shape {A.shape})")


def _require_shape(name: str, A: np.ndarray, shape: tuple, meaning: str) -> None:
    if A.shape != shape:
        raise ValueError(f"{name} must have shape {shape} ({meaning}); got {A.shape}")


def linear_forward(X: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Y = X Wᵀ + 1 bᵀ, weights stored (out, in): X (N, q), W (m, q), b (m,); Y is (N, m).

    X may also have more leading axes, (..., q), for example (batch, tokens, q):
    every row along the last axis is one sample.
    """
    _require_float("W", W, ndim=2)
    m, q = W.shape
    _require_float("X", X)
    _require_float("b", b)
    if X.ndim < 2 or X.shape[-1] != q:
        raise ValueError(
            f"X must have shape (N, {q}), one sample per row, W being {W.shape}; got {X.shape}"
        )
    _require_shape("b", b, (m,), "one entry per output, per row of W")
    return X @ W.T + b  # b broadcasts over the rows: the 1 bᵀ of the formula


def linear_backward(dY: np.ndarray, X: np.ndarray, W: np.ndarray):
    """Given dY = ∂φ/∂Y (N, m), for Y = X Wᵀ + 1 bᵀ: dX = dY W (N, q), dW = dYᵀ X (m, q),
    db = dYᵀ 1 (m,), returned as (dX, dW, db). Leading axes of X, (..., q), are summed over
    in dW and db like the N samples."""
    _require_float("W", W, ndim=2)
    _require_float("X", X)
    _require_float("dY", dY)
    m, q = W.shape
    _require_shape("dY", dY, (*X.shape[:-1], m), "X's samples by W's outputs")
    rows_dY, rows_X = dY.reshape(-1, m), X.reshape(-1, q)  # every sample one row
    dX = dY @ W
    dW = rows_dY.T @ rows_X
    db = rows_dY.sum(axis=0)  # sum over the samples (the rows)
    return dX, dW, db


def linear_rows_forward(X: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Y = X W + 1 bᵀ, weights stored (in, out): X (N, q), W (q, m), b (m,); Y is (N, m)."""
    _require_float("X", X, ndim=2)
    _require_float("W", W, ndim=2)
    _require_float("b", b)
    q, m = W.shape
    _require_shape("X", X, (X.shape[0], q), "one sample per row, as many columns as W has rows")
    _require_shape("b", b, (m,), "one entry per output, per column of W")
    return X @ W + b


def linear_rows_backward(dY: np.ndarray, X: np.ndarray, W: np.ndarray):
    """Given dY = ∂φ/∂Y (N, m), for Y = X W + 1 bᵀ: dX = dY Wᵀ (N, q), dW = Xᵀ dY (q, m),
    db = dYᵀ 1 (m,), returned as (dX, dW, db)."""
    _require_float("X", X, ndim=2)
    _require_float("W", W, ndim=2)
    _require_float("dY", dY, ndim=2)
    _require_shape("dY", dY, (X.shape[0], W.shape[1]), "X's samples by W's outputs")
    return dY @ W.T, X.T @ dY, dY.sum(axis=0)


def linear_columns_forward(W: np.ndarray, X: np.ndarray, b: np.ndarray) -> np.ndarray:
    """D = W X + b 1ᵀ, samples as columns: W (m, q), X (q, N), b (m,); D is (m, N).

    It is the transpose of the rows layout: D = (Xᵀ Wᵀ + 1 bᵀ)ᵀ = linear_forward(Xᵀ, W, b)ᵀ.
    """
    return linear_forward(X.T, W, b).T


def linear_columns_backward(dD: np.ndarray, W: np.ndarray, X: np.ndarray):
    """Given dD = ∂φ/∂D (m, N), for D = W X + b 1ᵀ: dX = Wᵀ dD (q, N), dW = dD Xᵀ (m, q),
    db = dD 1 (m,), returned as (dX, dW, db): the rows layout's backward pass, transposed."""
    dXt, dW, db = linear_backward(dD.T, X.T, W)
    return dXt.T, dW, db


def mean_squared_error(Y: np.ndarray, T: np.ndarray):
    """φ = ‖Y − T‖²_F / (2N), half the squared error averaged over the N samples (rows),
    and its gradient dY = (Y − T) / N; Y and T (N, m). Returns (φ, dY)."""
    _require_float("Y", Y, ndim=2)
    _require_float("T", T, ndim=2)
    _require_shape("T", T, Y.shape, "one target per output")
    N = Y.shape[0]
    R = Y - T
    return float(np.sum(R * R)) / (2 * N), R / N
