"""D = W X: the forward product and its backward pass (numpy only).

Shapes: W (m, q), X (q, n), D (m, n). G = ∂φ/∂D is the gradient of some
scalar loss φ with respect to D, shape (m, n). Then

    ∂φ/∂W = G Xᵀ   (m, q)
    ∂φ/∂X = Wᵀ G   (q, n)

In code the gradients are named after what they differentiate: dD = G,
dW = ∂φ/∂W, dX = ∂φ/∂X.
"""

import numpy as np


def matmul_forward(W: np.ndarray, X: np.ndarray) -> np.ndarray:
    """D = W X, with W of shape (m, q) and X of shape (q, n); D has shape (m, n)."""
    return W @ X


def matmul_backward(dD: np.ndarray, W: np.ndarray, X: np.ndarray):
    """Given dD = ∂φ/∂D (m, n), return dW = dD Xᵀ (m, q) and dX = Wᵀ dD (q, n)."""
    dW = dD @ X.T
    dX = W.T @ dD
    return dW, dX
