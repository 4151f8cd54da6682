"""The full derivative of D = W X as a 4-index array (numpy only).

Shapes: W (m, q), X (q, n), D (m, n). D's indices i, j come first, then those of
the entry that is varied, λ, θ (written l and t in code: einsum takes Latin letters):

    ∂D_ij/∂W_λθ = δ_iλ X_θj     shape (m, n, m, q)
    ∂D_ij/∂X_λθ = W_iλ δ_jθ     shape (m, n, q, n)

Contracting with G = ∂φ/∂D (m, n) over i, j gives the gradients of the scalar φ:

    Σ_ij G_ij ∂D_ij/∂W_λθ = (G Xᵀ)_λθ     Σ_ij G_ij ∂D_ij/∂X_λθ = (Wᵀ G)_λθ
"""

import numpy as np


def dD_dW(X: np.ndarray, m: int) -> np.ndarray:
    """T[i, j, l, t] = ∂D_ij/∂W_λθ = δ_iλ X_θj, for X: (q, n); T: (m, n, m, q)."""
    return np.einsum("il,tj->ijlt", np.eye(m), X)


def dD_dX(W: np.ndarray, n: int) -> np.ndarray:
    """T[i, j, l, t] = ∂D_ij/∂X_λθ = W_iλ δ_jθ, for W: (m, q); T: (m, n, q, n)."""
    return np.einsum("il,jt->ijlt", W, np.eye(n))


def by_finite_differences(F, A: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """T[..., l, t] = (F(A + h E) − F(A − h E)) / 2h, where E is 1 at (l, t), 0 elsewhere.

    One entry of A at a time. For F(A) of shape (a, b) and A of shape (c, d), T: (a, b, c, d).
    """
    T = np.empty(F(A).shape + A.shape)
    for lt in np.ndindex(A.shape):  # lt = (l, t), every entry of A in turn
        E = np.zeros_like(A)
        E[lt] = h
        T[(..., *lt)] = (F(A + E) - F(A - E)) / (2 * h)
    return T


def contract(T: np.ndarray, G: np.ndarray) -> np.ndarray:
    """Σ_ij G_ij T_ijλθ, for G: (a, b) and T: (a, b, c, d); the result is (c, d)."""
    return np.einsum("ij,ijlt->lt", G, T)


def apply(T: np.ndarray, delta_W: np.ndarray) -> np.ndarray:
    """Σ_λθ T_ijλθ dW_λθ: the change of D that the array T predicts for a change dW.

    T: (a, b, c, d), delta_W: (c, d); the result is (a, b). For T = ∂D/∂W it is dW X.
    """
    return np.einsum("ijlt,lt->ij", T, delta_W)


def as_jacobian(T: np.ndarray) -> np.ndarray:
    """The Jacobian ∂vec D/∂vec W: T (a, b, c, d) reshaped to (a·b, c·d), column-major.

    Column-major vec on both sides; counting from 0 as numpy does,
    J[i + j*a, l + t*c] = T[i, j, l, t].
    """
    a, b, c, d = T.shape
    return T.reshape(a * b, c * d, order="F")
