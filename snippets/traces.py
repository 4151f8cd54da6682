"""Gradients of traces, and the numerator layout (numpy only).

Each grad_* function returns dX = ∂φ/∂X, the gradient of the scalar φ(X) with
respect to X, shape of X (p, r). The other matrices are fixed, with the shapes
that make the product inside the trace square:

    φ(X) = tr(X A)     A (r, p)              dX = Aᵀ
    φ(X) = tr(A X)     A (r, p)              dX = Aᵀ
    φ(X) = tr(Xᵀ A)    A (p, r)              dX = A
    φ(X) = tr(A X B)   A (s, p), B (r, s)    dX = Aᵀ Bᵀ
    φ(X) = tr(Xᵀ A X)  A (p, p)              dX = (A + Aᵀ) X
    φ(X) = tr(X A Xᵀ)  A (r, r)              dX = X (A + Aᵀ)

The four linear ones do not depend on X; they take it anyway, so that every
function is called as grad(X, ...).
"""

import numpy as np


def grad_tr_XA(X: np.ndarray, A: np.ndarray) -> np.ndarray:
    """∂ tr(X A)/∂X = Aᵀ, for X (p, r) and A (r, p); the result is (p, r)."""
    return A.T


def grad_tr_AX(X: np.ndarray, A: np.ndarray) -> np.ndarray:
    """∂ tr(A X)/∂X = Aᵀ, for X (p, r) and A (r, p); the result is (p, r)."""
    return A.T


def grad_tr_XtA(X: np.ndarray, A: np.ndarray) -> np.ndarray:
    """∂ tr(Xᵀ A)/∂X = A, for X (p, r) and A (p, r); the result is (p, r)."""
    return A


def grad_tr_AXB(X: np.ndarray, A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """∂ tr(A X B)/∂X = Aᵀ Bᵀ, for A (s, p), X (p, r), B (r, s); the result is (p, r)."""
    return A.T @ B.T


def grad_tr_XtAX(X: np.ndarray, A: np.ndarray) -> np.ndarray:
    """∂ tr(Xᵀ A X)/∂X = (A + Aᵀ) X, for X (p, r) and A (p, p); the result is (p, r).

    It is 2 A X only when A is symmetric.
    """
    return (A + A.T) @ X


def grad_tr_XAXt(X: np.ndarray, A: np.ndarray) -> np.ndarray:
    """∂ tr(X A Xᵀ)/∂X = X (A + Aᵀ), for X (p, r) and A (r, r); the result is (p, r).

    It is 2 X A only when A is symmetric.
    """
    return X @ (A + A.T)


def numerator_layout(dW: np.ndarray) -> np.ndarray:
    """The numerator-layout derivative of a scalar φ by W (m, q), given the gradient dW (m, q).

    Numerator layout puts ∂φ/∂W[i, k] at row k, column i, so the result is (q, m):
    the transpose of the gradient. For φ = tr(W X) with X (q, m), it is X.
    """
    return dW.T
