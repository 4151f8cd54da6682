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
