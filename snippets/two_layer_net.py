"""A two-layer network, its loss and its whole backward pass, by hand (numpy only).

Shapes: X (q, n) with the n samples as its columns, W1 (m1, q), b1 (m1,),
W2 (m, m1), b2 (m,), targets T (m, n). Forward:

    A = W1 X + b1 1ᵀ    (m1, n)
    H = tanh(A)          (m1, n)
    Y = W2 H + b2 1ᵀ    (m, n)
    φ = ½ ‖Y − T‖²_F / n

Backward, each d-name the gradient of φ with respect to that quantity:

    dY  = (Y − T) / n
    dW2 = dY Hᵀ,   db2 = dY 1,   dH = W2ᵀ dY
    dA  = dH ∘ (1 − H ∘ H)       (∘ is the entrywise product; tanh' = 1 − tanh²)
    dW1 = dA Xᵀ,   db1 = dA 1,   dX = W1ᵀ dA
"""

import numpy as np


def net_forward(params: dict, X: np.ndarray):
    """Y = W2 tanh(W1 X + b1 1ᵀ) + b2 1ᵀ, with X (q, n); returns (Y, cache), Y of shape (m, n)."""
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    for name, b, W in (("b1", b1, W1), ("b2", b2, W2)):
        if b.shape != (W.shape[0],):  # numpy would broadcast a wrong shape silently
            raise ValueError(f"{name} must have shape ({W.shape[0]},); got {b.shape}")
    H = np.tanh(W1 @ X + b1[:, None])
    Y = W2 @ H + b2[:, None]
    cache = (X, H, W1, W2)
    return Y, cache


def net_loss(Y: np.ndarray, T: np.ndarray):
    """φ = ½ ‖Y − T‖²_F / n and dY = (Y − T) / n, with Y and T of shape (m, n); returns (φ, dY)."""
    if T.shape != Y.shape:  # Y − T would broadcast, and the loss be silently wrong
        raise ValueError(f"targets T have shape {T.shape}, outputs Y have shape {Y.shape}")
    n = Y.shape[1]
    R = Y - T
    phi = 0.5 * np.sum(R * R) / n
    dY = R / n
    return phi, dY


def tanh_backward(dH: np.ndarray, H: np.ndarray) -> np.ndarray:
    """Given dH = ∂φ/∂H and H = tanh(A), both (m1, n), return dA = dH ∘ (1 − H ∘ H), (m1, n)."""
    return dH * (1.0 - H * H)


def net_backward(dY: np.ndarray, cache):
    """Given dY = ∂φ/∂Y (m, n), return the gradients dW1, db1, dW2, db2 and dX in a dict."""
    X, H, W1, W2 = cache
    dW2 = dY @ H.T  # (m, m1)
    db2 = dY.sum(axis=1)  # (m,)
    dH = W2.T @ dY  # (m1, n)
    dA = tanh_backward(dH, H)  # (m1, n), the tanh derivative, entry by entry
    dW1 = dA @ X.T  # (m1, q)
    db1 = dA.sum(axis=1)  # (m1,)
    dX = W1.T @ dA  # (q, n)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dX": dX}
