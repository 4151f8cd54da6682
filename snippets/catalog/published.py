"""Formulas as published in well-known references, each under the convention its source uses
(numpy only). The page says which source, and the checks say whether each is right.
"""

import numpy as np


def cookbook_logdet_symmetric(X: np.ndarray) -> np.ndarray:
    """2X⁻¹ − X⁻¹ ∘ I: "∂ log det X/∂X for symmetric X". X: (n, n) symmetric."""
    Y = np.linalg.inv(X)
    return 2 * Y - Y * np.eye(len(X))


def cookbook_trAX_symmetric(X: np.ndarray, A: np.ndarray) -> np.ndarray:
    """A + Aᵀ − A ∘ I: "∂ tr(AX)/∂X for symmetric X". X, A: (n, n)."""
    return A + A.T - A * np.eye(len(A))


def cookbook_quadratic_symmetric_W(x: np.ndarray, s: np.ndarray, W: np.ndarray) -> np.ndarray:
    """2W(x − s): "∂ (x − s)ᵀW(x − s)/∂x", stated for symmetric W. x, s: (n,), W: (n, n)."""
    return 2 * W @ (x - s)


def quadratic_any_W(x: np.ndarray, s: np.ndarray, W: np.ndarray) -> np.ndarray:
    """(W + Wᵀ)(x − s): the same derivative for any square W. x, s: (n,), W: (n, n)."""
    return (W + W.T) @ (x - s)


def minka_logdet(X: np.ndarray) -> np.ndarray:
    """X⁻¹: d log|det X|/dX in a layout where the derivative by X has the shape of Xᵀ."""
    return np.linalg.inv(X)


def row_major_AXB(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """A ⊗ Bᵀ: vec_r(AXB) = (A ⊗ Bᵀ) vec_r(X) when vec_r stacks ROWS. A: (s, p), B: (r, t)."""
    return np.kron(A, B.T)


def course_note_dD_dW(X: np.ndarray) -> np.ndarray:
    """Xᵀ: the course note's "dD/dW" for D = W X. X: (q, n)."""
    return X.T


def inverse_differential_no_minus(X: np.ndarray, dX: np.ndarray) -> np.ndarray:
    """X⁻¹ dX X⁻¹: "d(X⁻¹)" with the minus sign lost. X, dX: (n, n), X invertible."""
    Y = np.linalg.inv(X)
    return Y @ dX @ Y


def inverse_differential(X: np.ndarray, dX: np.ndarray) -> np.ndarray:
    """−X⁻¹ dX X⁻¹: the differential of X⁻¹ in the direction dX. X, dX: (n, n), X invertible."""
    Y = np.linalg.inv(X)
    return -Y @ dX @ Y


def numerator_aXb(X: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """baᵀ: "∂ aᵀXb/∂X" in numerator layout (the shape of Xᵀ). X: (p, r), a: (p,), b: (r,)."""
    return np.outer(b, a)


def numerator_trAXB(X: np.ndarray, A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """BA: "∂ tr(AXB)/∂X" in numerator layout (the shape of Xᵀ). X: (p, r), A: (s, p), B: (r, s)."""
    return B @ A


def half_least_squares_gradient(x: np.ndarray, A: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Aᵀ(Ax − b): the gradient of ½‖Ax − b‖² by x. x: (p,), A: (s, p), b: (s,)."""
    return A.T @ (A @ x - b)


def per_sample_cross_entropy_gradient(Z: np.ndarray, T: np.ndarray) -> np.ndarray:
    """P − T, P = softmax of each row of Z: the gradient of the SUM of the N cross-entropies.

    Z: (N, K) logits, T: (N, K) targets whose rows sum to 1; for one sample, p − t.
    """
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True) - T


def transpose_jacobian_as_identity(X: np.ndarray) -> np.ndarray:
    """I (pr × pr): "∂ vec(Xᵀ)/∂ vec(X) = I", the derivative of Xᵀ taken to be one. X: (p, r)."""
    return np.eye(X.size)
