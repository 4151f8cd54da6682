"""D = W X + b 1ᵀ: a linear layer with bias, forward and backward (numpy only).

Shapes: W (m, q), X (q, n) with the n samples as its columns, b (m,), D (m, n).
b 1ᵀ is the (m, n) matrix whose every column is b: the same bias for each sample.
With dD = G = ∂φ/∂D of shape (m, n), the backward pass is

    dW = G Xᵀ   (m, q)
    dX = Wᵀ G   (q, n)
    db = G 1    (m,)    the rows of G summed: a sum over the batch
"""

import numpy as np


def linear_forward(W: np.ndarray, X: np.ndarray, b: np.ndarray):
    """D = W X + b 1ᵀ, with W (m, q), X (q, n), b (m,); returns (D, cache), D of shape (m, n)."""
    if b.shape != (W.shape[0],):
        # numpy would broadcast a (m, 1) or (1,) b into a result of another shape, silently
        raise ValueError(
            f"b must have shape ({W.shape[0]},), one entry per row of W; got {b.shape}"
        )
    D = W @ X + b[:, None]  # b[:, None] is b as an (m, 1) column, broadcast over the n columns
    cache = (W, X)
    return D, cache


def linear_backward(dD: np.ndarray, cache):
    """Given dD = ∂φ/∂D (m, n), return dW = dD Xᵀ (m, q), dX = Wᵀ dD (q, n), db = dD 1 (m,)."""
    W, X = cache
    dW = dD @ X.T
    dX = W.T @ dD
    db = dD.sum(axis=1)  # sum over the n samples (the columns)
    return dW, dX, db
