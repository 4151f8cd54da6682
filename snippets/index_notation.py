"""D = W X in index notation, each index formula written as an np.einsum call (numpy only).

Shapes: W (m, q), X (q, n), D (m, n), G = dD = ∂φ/∂D (m, n). Indices: i, j run
over the rows and columns of D, k over q; d, c name the entry W_dc or X_dc that
we differentiate by. An einsum string is the index formula: each operand gets
one letter per axis, the letters after "->" are the free indices of the result
in order, and every letter missing there is summed over.

    D_ij       = Σ_k W_ik X_kj      "ik,kj->ij"    D  = W X
    ∂φ/∂W_dc   = Σ_j G_dj X_cj      "dj,cj->dc"    dW = G Xᵀ
    ∂φ/∂X_dc   = Σ_i W_id G_ic      "id,ic->dc"    dX = Wᵀ G

These are for reading and checking the matrix forms; for speed use the
matrix forms (dD @ X.T, W.T @ dD).
"""

import numpy as np


def D_einsum(W: np.ndarray, X: np.ndarray) -> np.ndarray:
    """D_ij = Σ_k W_ik X_kj. W: (m, q), X: (q, n); D: (m, n)."""
    return np.einsum("ik,kj->ij", W, X)


def self_derivative(m: int, q: int) -> np.ndarray:
    """∂W_ik/∂W_dc = δ_id δ_kc: each entry of W depends on itself only.

    Returned as an array T[i, k, d, c] of shape (m, q, m, q), for W: (m, q).
    """
    return np.einsum("id,kc->ikdc", np.eye(m), np.eye(q))


def entry_derivatives(W: np.ndarray, X: np.ndarray):
    """The derivatives of every entry of D = W X by every entry of W and of X.

    ∂D_ij/∂W_dc = δ_id X_cj, returned as an array T_W[i, j, d, c] of shape (m, n, m, q);
    ∂D_ij/∂X_dc = W_id δ_jc, returned as an array T_X[i, j, d, c] of shape (m, n, q, n).
    W: (m, q), X: (q, n). δ is the identity matrix (np.eye).
    """
    m, n = W.shape[0], X.shape[1]
    dD_dW = np.einsum("id,cj->ijdc", np.eye(m), X)
    dD_dX = np.einsum("id,jc->ijdc", W, np.eye(n))
    return dD_dW, dD_dX


def dW_einsum(dD: np.ndarray, X: np.ndarray) -> np.ndarray:
    """∂φ/∂W_dc = Σ_j G_dj X_cj, i.e. dW = G Xᵀ. dD = G: (m, n), X: (q, n); dW: (m, q)."""
    return np.einsum("dj,cj->dc", dD, X)


def dX_einsum(dD: np.ndarray, W: np.ndarray) -> np.ndarray:
    """∂φ/∂X_dc = Σ_i W_id G_ic, i.e. dX = Wᵀ G. dD = G: (m, n), W: (m, q); dX: (q, n)."""
    return np.einsum("id,ic->dc", W, dD)


def square_loss_grads(W: np.ndarray, X: np.ndarray):
    """For φ = Σ_ij D_ij² with D = W X: the gradients dW and dX.

    ∂φ/∂W_dc = 2 Σ_j D_dj X_cj, i.e. dW = 2 D Xᵀ, shape (m, q);
    ∂φ/∂X_dc = 2 Σ_i W_id D_ic, i.e. dX = 2 Wᵀ D, shape (q, n).
    W: (m, q), X: (q, n).
    """
    D = np.einsum("ik,kj->ij", W, X)
    dW = 2 * np.einsum("dj,cj->dc", D, X)
    dX = 2 * np.einsum("id,ic->dc", W, D)
    return dW, dX


def gram_entry_derivatives(W: np.ndarray) -> np.ndarray:
    """For D = W Wᵀ: ∂D_ij/∂W_dc = δ_id W_jc + W_ic δ_jd, one term per factor that holds W.

    Returned as an array T[i, j, d, c] of shape (m, m, m, q), for W: (m, q).
    """
    m = W.shape[0]
    return np.einsum("id,jc->ijdc", np.eye(m), W) + np.einsum("ic,jd->ijdc", W, np.eye(m))


def gram_dW(dD: np.ndarray, W: np.ndarray) -> np.ndarray:
    """For D = W Wᵀ (X = Wᵀ), W appears twice: ∂D_ij/∂W_dc = δ_id W_jc + W_ic δ_jd, so

    ∂φ/∂W_dc = Σ_j G_dj W_jc + Σ_i G_id W_ic, i.e. dW = G W + Gᵀ W.
    dD = G: (m, m), W: (m, q); dW: (m, q).
    """
    return np.einsum("dj,jc->dc", dD, W) + np.einsum("id,ic->dc", dD, W)
