"""The full derivative of D = W X as a 4-index array (numpy only).

Shapes: W (m, q), X (q, n), D (m, n). D's indices come first, then those of the
entry that is varied:

    ∂D_ij/∂W_kl = δ_ik X_lj     shape (m, n, m, q)
    ∂D_ij/∂X_kl = W_ik δ_lj     shape (m, n, q, n)

Contracting with G = ∂φ/∂D (m, n) over i, j gives the gradients of the scalar φ:

    Σ_ij G_ij ∂D_ij/∂W_kl = (G Xᵀ)_kl     Σ_ij G_ij ∂D_ij/∂X_kl = (Wᵀ G)_kl
"""

import numpy as np


def dD_dW(X: np.ndarray, m: int) -> np.ndarray:
    """T[i, j, k, l] = ∂D_ij/∂W_kl = δ_ik X_lj, for X: (q, n); T: (m, n, m, q)."""
    return np.einsum("ik,lj->ijkl", np.eye(m), X)


def dD_dX(W: np.ndarray, n: int) -> np.ndarray:
    """T[i, j, k, l] = ∂D_ij/∂X_kl = W_ik δ_lj, for W: (m, q); T: (m, n, q, n)."""
    return np.einsum("ik,lj->ijkl", W, np.eye(n))


def by_finite_differences(F, A: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """T[..., k, l] = (F(A + h E_kl) − F(A − h E_kl)) / 2h, one entry of A at a time.

    E_kl is 1 at (k, l) and 0 elsewhere. For F(A): (a, b) and A: (c, d), T: (a, b, c, d).
    """
    T = np.empty(F(A).shape + A.shape)
    for kl in np.ndindex(A.shape):  # kl = (k, l), every entry of A in turn
        E = np.zeros_like(A)
        E[kl] = h
        T[(..., *kl)] = (F(A + E) - F(A - E)) / (2 * h)
    return T


def contract(T: np.ndarray, G: np.ndarray) -> np.ndarray:
    """Σ_ij G_ij T_ijkl, for G: (a, b) and T: (a, b, c, d); the result is (c, d)."""
    return np.einsum("ij,ijkl->kl", G, T)


def as_jacobian(T: np.ndarray) -> np.ndarray:
    """The Jacobian ∂vec D/∂vec W: T (a, b, c, d) reshaped to (a·b, c·d), column-major.

    Entry [i + j·a, k + l·c] = T[i, j, k, l], the column-major vec on both sides.
    """
    a, b, c, d = T.shape
    return T.reshape(a * b, c * d, order="F")
