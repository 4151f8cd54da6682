"""Gradients read off differentials with the Frobenius product (numpy only).

A : B = tr(Aᵀ B) = Σᵢⱼ Aᵢⱼ Bᵢⱼ for A and B of the same shape. The two rules
that move a factor across the colon, for A (m, n), B (m, q), C (q, n):

    A : (B C) = (A Cᵀ) : B      the right factor C moves over as Cᵀ, on the right
    A : (B C) = (Bᵀ A) : C      the left factor B moves over as Bᵀ, on the left

Names: W (m, q), X (q, n), D = W X (m, n), G = ∂φ/∂D (m, n). In code a name
with a d in front is a gradient (dW = ∂φ/∂W), so the small changes of W and X
in a differential are called delta_W and delta_X.
"""

import numpy as np


def frobenius(A: np.ndarray, B: np.ndarray) -> float:
    """A : B = Σᵢⱼ Aᵢⱼ Bᵢⱼ, for A and B of the same shape (no broadcasting)."""
    if A.shape != B.shape:
        raise ValueError(f"A : B needs equal shapes; got {A.shape} and {B.shape}")
    return float(np.sum(A * B))


def frobenius_differential(A, B, delta_A, delta_B) -> float:
    """d(A : B) = dA : B + A : dB, the first-order change of A : B (the product rule).

    A, B, delta_A, delta_B: all of one shape (m, n).
    """
    return frobenius(delta_A, B) + frobenius(A, delta_B)


def move_right_factor(A: np.ndarray, C: np.ndarray) -> np.ndarray:
    """A : (B C) = (A Cᵀ) : B. A: (m, n), C: (q, n); returns A Cᵀ, shape (m, q)."""
    return A @ C.T


def move_left_factor(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """A : (B C) = (Bᵀ A) : C. A: (m, n), B: (m, q); returns Bᵀ A, shape (q, n)."""
    return B.T @ A


def product_differential(W, X, delta_W, delta_X):
    """dD = dW X + W dX for D = W X: the first-order change of D (m, n).

    W, delta_W: (m, q); X, delta_X: (q, n).
    """
    return delta_W @ X + W @ delta_X


def product_gradients(G, W, X):
    """dφ = G : dD = (G Xᵀ) : dW + (Wᵀ G) : dX, so ∂φ/∂W = G Xᵀ and ∂φ/∂X = Wᵀ G.

    G: (m, n), W: (m, q), X: (q, n); returns dW (m, q) and dX (q, n).
    """
    dW = move_right_factor(G, X)  # G : (dW X) = (G Xᵀ) : dW
    dX = move_left_factor(G, W)  # G : (W dX) = (Wᵀ G) : dX
    return dW, dX


def derivative_in_W(delta_W, X):
    """ℒ(dW) = dW X: the derivative of D = W X in W, a linear map from (m, q) to (m, n)."""
    return delta_W @ X


def adjoint_in_W(G, X):
    """ℒ*(G) = G Xᵀ: the adjoint of ℒ under the Frobenius product, from (m, n) to (m, q).

    G : ℒ(dW) = ℒ*(G) : dW for every G and dW; ℒ*(G) is ∂φ/∂W when G = ∂φ/∂D.
    """
    return G @ X.T


def least_squares_gradients(W, X, B):
    """φ = ‖W X − B‖²_F: ∂φ/∂W = 2 (W X − B) Xᵀ and ∂φ/∂X = 2 Wᵀ (W X − B).

    W: (m, q), X: (q, n), B: (m, n); returns dW (m, q) and dX (q, n).
    """
    residual = W @ X - B  # (m, n)
    return 2 * residual @ X.T, 2 * W.T @ residual


def quadratic_form_gradient(W, A):
    """φ = tr(Wᵀ A W): ∂φ/∂W = (A + Aᵀ) W, for any square A.

    W: (m, q), A: (m, m); returns dW (m, q).
    """
    return (A + A.T) @ W


def quadratic_form_gradient_symmetric(W, A):
    """φ = tr(Wᵀ A W) with A = Aᵀ only: ∂φ/∂W = 2 A W. Wrong for any other A.

    W: (m, q), A: (m, m) symmetric; returns dW (m, q).
    """
    return 2 * A @ W


def bilinear_gradient(a, b):
    """φ = aᵀ W b: ∂φ/∂W = a bᵀ, the outer product.

    a: (m,), b: (q,), W: (m, q); returns dW (m, q).
    """
    return np.outer(a, b)
