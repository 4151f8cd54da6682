"""D = W X in index notation, each index formula written as an np.einsum call (numpy only).

Shapes: W (m, q), X (q, n), D (m, n), G = dD = ∂φ/∂D (m, n). Indices: i, j run
over the rows and columns of D, k over q; λ, θ name the entry W_λθ or X_λθ that
we differentiate by (einsum takes Latin letters only: λ and θ are written l and t).
An einsum string is the index formula: each operand gets one letter per axis, the
letters after "->" are the free indices of the result in order, and every letter
missing there is summed over.

    D_ij       = Σ_k W_ik X_kj      "ik,kj->ij"    D  = W X
    ∂φ/∂W_λθ   = Σ_j G_λj X_θj      "lj,tj->lt"    dW = G Xᵀ
    ∂φ/∂X_λθ   = Σ_i W_iλ G_iθ      "il,it->lt"    dX = Wᵀ G

These are for reading and checking the matrix forms; for speed use the
matrix forms (dD @ X.T, W.T @ dD).
"""

import numpy as np


def D_einsum(W: np.ndarray, X: np.ndarray) -> np.ndarray:
    """D_ij = Σ_k W_ik X_kj. W: (m, q), X: (q, n); D: (m, n)."""
    return np.einsum("ik,kj->ij", W, X)


def self_derivative(m: int, q: int) -> np.ndarray:
    """∂W_ik/∂W_λθ = δ_iλ δ_kθ: each entry of W depends on itself only.

    Returned as an array T[i, k, l, t] of shape (m, q, m, q), for W: (m, q).
    """
    return np.einsum("il,kt->iklt", np.eye(m), np.eye(q))


def entry_derivatives(W: np.ndarray, X: np.ndarray):
    """The derivatives of every entry of D = W X by every entry of W and of X.

    ∂D_ij/∂W_λθ = δ_iλ X_θj, returned as an array T_W[i, j, l, t] of shape (m, n, m, q);
    ∂D_ij/∂X_λθ = W_iλ δ_jθ, returned as an array T_X[i, j, l, t] of shape (m, n, q, n).
    W: (m, q), X: (q, n). δ is the identity matrix (np.eye).
    """
    m, n = W.shape[0], X.shape[1]
    dD_dW = np.einsum("il,tj->ijlt", np.eye(m), X)
    dD_dX = np.einsum("il,jt->ijlt", W, np.eye(n))
    return dD_dW, dD_dX


def dW_einsum(dD: np.ndarray, X: np.ndarray) -> np.ndarray:
    """∂φ/∂W_λθ = Σ_j G_λj X_θj, i.e. dW = G Xᵀ. dD = G: (m, n), X: (q, n); dW: (m, q)."""
    return np.einsum("lj,tj->lt", dD, X)


def dX_einsum(dD: np.ndarray, W: np.ndarray) -> np.ndarray:
    """∂φ/∂X_λθ = Σ_i W_iλ G_iθ, i.e. dX = Wᵀ G. dD = G: (m, n), W: (m, q); dX: (q, n)."""
    return np.einsum("il,it->lt", W, dD)


def square_loss_grads(W: np.ndarray, X: np.ndarray):
    """For φ = Σ_ij D_ij² with D = W X: the gradients dW and dX.

    ∂φ/∂W_λθ = 2 Σ_j D_λj X_θj, i.e. dW = 2 D Xᵀ, shape (m, q);
    ∂φ/∂X_λθ = 2 Σ_i W_iλ D_iθ, i.e. dX = 2 Wᵀ D, shape (q, n).
    W: (m, q), X: (q, n).
    """
    D = np.einsum("ik,kj->ij", W, X)
    dW = 2 * np.einsum("lj,tj->lt", D, X)
    dX = 2 * np.einsum("il,it->lt", W, D)
    return dW, dX


def gram_entry_derivatives(W: np.ndarray) -> np.ndarray:
    """For D = W Wᵀ: ∂D_ij/∂W_λθ = δ_iλ W_jθ + W_iθ δ_jλ, one term per factor that holds W.

    Returned as an array T[i, j, l, t] of shape (m, m, m, q), for W: (m, q).
    """
    m = W.shape[0]
    return np.einsum("il,jt->ijlt", np.eye(m), W) + np.einsum("it,jl->ijlt", W, np.eye(m))


def gram_dW(dD: np.ndarray, W: np.ndarray) -> np.ndarray:
    """For D = W Wᵀ (X = Wᵀ), W appears twice: ∂D_ij/∂W_λθ = δ_iλ W_jθ + W_iθ δ_jλ, so

    ∂φ/∂W_λθ = Σ_j G_λj W_jθ + Σ_i G_iλ W_iθ, i.e. dW = G W + Gᵀ W.
    dD = G: (m, m), W: (m, q); dW: (m, q).
    """
    return np.einsum("lj,jt->lt", dD, W) + np.einsum("il,it->lt", dD, W)
