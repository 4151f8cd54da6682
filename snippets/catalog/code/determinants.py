"""Determinants, as code you can copy: ∂f/∂X for det, log|det| and determinants of products.

Each entry of docs/catalog/determinants.md is one section of this file (between its `# --8<--
[start:<name>]` and `[end:<name>]` markers): f and its gradient as plain numpy functions, the
formula and the shapes in their docstrings. A section needs numpy only; copy it, and check it
with snippets/catalog/code/check.py as the page shows. The last section holds the numerator-
layout forms (the transposes) that the page also states.

Sizes: p, r, s, t are distinct dimensions; a square X is n × n. The site's registry
(snippets/catalog/registry.py) refers to these functions and checks each one when it builds.
"""

import numpy as np


# --8<-- [start:det]
def f_det(X):
    """f = det X, a number.  X: (n, n)."""
    return np.linalg.det(X)


def grad_det(X):
    """∂f/∂X = det(X) X⁻ᵀ, of shape (n, n) like X."""
    return np.linalg.det(X) * np.linalg.inv(X).T


# --8<-- [end:det]


# --8<-- [start:det_AXB]
def f_det_AXB(X, A, B):
    """f = det(AXB), a number.  X: (r, s); A: (p, r); B: (s, p)."""
    return np.linalg.det(A @ X @ B)


def grad_det_AXB(X, A, B):
    """det(AXB) Aᵀ (AXB)⁻ᵀ Bᵀ; A: (s, p), X: (p, r), B: (r, s)."""
    M = A @ X @ B
    return np.linalg.det(M) * (A.T @ np.linalg.inv(M).T @ B.T)


# --8<-- [end:det_AXB]


# --8<-- [start:det_XtX]
def f_det_XtX(X):
    """f = det(Xᵀ X), a number.  X: (s, p)."""
    return np.linalg.det(X.T @ X)


def grad_det_XtX(X):
    """∂f/∂X = 2 det(Xᵀ X) X (Xᵀ X)⁻¹, of shape (s, p) like X."""
    return 2 * np.linalg.det(X.T @ X) * (X @ np.linalg.inv(X.T @ X))


# --8<-- [end:det_XtX]


# --8<-- [start:det_XXt]
def f_det_XXt(X):
    """f = det(X Xᵀ), a number.  X: (p, s)."""
    return np.linalg.det(X @ X.T)


def grad_det_XXt(X):
    """∂f/∂X = 2 det(X Xᵀ) (X Xᵀ)⁻¹ X, of shape (p, s) like X."""
    return 2 * np.linalg.det(X @ X.T) * (np.linalg.inv(X @ X.T) @ X)


# --8<-- [end:det_XXt]


# --8<-- [start:logabsdet]
def f_logabsdet(X):
    """f = log | det X |, a number.  X: (n, n)."""
    return np.log(abs(np.linalg.det(X)))


def grad_logabsdet(X):
    """∂f/∂X = X⁻ᵀ, of shape (n, n) like X."""
    return np.linalg.inv(X).T


# --8<-- [end:logabsdet]


# --8<-- [start:logdet_XtX]
def f_logdet_XtX(X):
    """f = log det(Xᵀ X), a number.  X: (s, p)."""
    return np.log(np.linalg.det(X.T @ X))


def grad_logdet_XtX(X):
    """∂f/∂X = 2 X (Xᵀ X)⁻¹, of shape (s, p) like X."""
    return 2 * X @ np.linalg.inv(X.T @ X)


# --8<-- [end:logdet_XtX]


# --8<-- [start:logabsdet_AXB]
def f_logabsdet_AXB(X, A, B):
    """f = log | det(AXB) |, a number.  X: (r, s); A: (p, r); B: (s, p)."""
    return np.log(abs(np.linalg.det(A @ X @ B)))


def grad_logabsdet_AXB(X, A, B):
    """∂f/∂X = Aᵀ (AXB)⁻ᵀ Bᵀ, of shape (r, s) like X."""
    return A.T @ np.linalg.inv(A @ X @ B).T @ B.T


# --8<-- [end:logabsdet_AXB]


# --8<-- [start:det_X2]
def f_det_X2(X):
    """f = det(X²), a number.  X: (n, n)."""
    return np.linalg.det(X @ X)


def grad_det_X2(X):
    """∂f/∂X = 2 det(X)² X⁻ᵀ, of shape (n, n) like X."""
    return 2 * np.linalg.det(X) ** 2 * np.linalg.inv(X).T


# --8<-- [end:det_X2]


# --8<-- [start:det_Xk]
def f_det_Xk(X, k=3):
    """f = det(Xᵏ̄), a number, by k̄ − 1 products.  X: (n, n); the power k̄ = k ≥ 1 an integer."""
    P = X
    for _ in range(k - 1):
        P = P @ X
    return np.linalg.det(P)


def grad_det_Xk(X, k=3):
    """∂f/∂X = k̄ det(X)ᵏ̄ X⁻ᵀ, of shape (n, n) like X."""
    return k * np.linalg.det(X) ** k * np.linalg.inv(X).T


# --8<-- [end:det_Xk]


# --8<-- [start:det_inv]
def f_det_inv(X):
    """f = det(X⁻¹), a number.  X: (n, n)."""
    return np.linalg.det(np.linalg.inv(X))


def grad_det_inv(X):
    """∂f/∂X = -det(X)⁻¹ X⁻ᵀ, of shape (n, n) like X."""
    return -np.linalg.inv(X).T / np.linalg.det(X)


# --8<-- [end:det_inv]


# --8<-- [start:det_XtAX]
def f_det_XtAX(X, A):
    """f = det(Xᵀ A X), a number.  X: (s, p); A: (s, s)."""
    return np.linalg.det(X.T @ A @ X)


def grad_det_XtAX(X, A):
    """det(M) (A X M⁻¹ + Aᵀ X M⁻ᵀ) with M = XᵀAX; X: (p, r), A: (p, p)."""
    M_inv = np.linalg.inv(X.T @ A @ X)
    return np.linalg.det(X.T @ A @ X) * (A @ X @ M_inv + A.T @ X @ M_inv.T)


# --8<-- [end:det_XtAX]


# --8<-- [start:det_XAXt]
def f_det_XAXt(X, A):
    """f = det(X A Xᵀ), a number.  X: (p, s); A: (s, s)."""
    return np.linalg.det(X @ A @ X.T)


def grad_det_XAXt(X, A):
    """det(M) (M⁻ᵀ X Aᵀ + M⁻¹ X A) with M = XAXᵀ; X: (p, r), A: (r, r)."""
    M_inv = np.linalg.inv(X @ A @ X.T)
    return np.linalg.det(X @ A @ X.T) * (M_inv.T @ X @ A.T + M_inv @ X @ A)


# --8<-- [end:det_XAXt]


# --8<-- [start:det_A_xxt]
def f_det_A_xxt(x, A):
    """f = det(A + x xᵀ), a number.  x: (r,); A: (r, r)."""
    return np.linalg.det(A + np.outer(x, x))


def grad_det_A_xxt(x, A):
    """det(M) (M⁻¹ + M⁻ᵀ) x with M = A + x xᵀ; x: (n,), A: (n, n)."""
    M = A + np.outer(x, x)
    return np.linalg.det(M) * ((np.linalg.inv(M) + np.linalg.inv(M).T) @ x)


# --8<-- [end:det_A_xxt]


# --8<-- [start:logdet_I_XXt]
def f_logdet_I_XXt(X):
    """f = log det(I_p + X Xᵀ), a number.  X: (p, r)."""
    return np.log(np.linalg.det(np.eye(X.shape[0]) + X @ X.T))


def grad_logdet_I_XXt(X):
    """∂f/∂X = 2 (I_p + X Xᵀ)⁻¹ X, of shape (p, r) like X."""
    return 2 * np.linalg.inv(np.eye(X.shape[0]) + X @ X.T) @ X


# --8<-- [end:logdet_I_XXt]


# --8<-- [start:numerator]
def numerator_det(X):
    """The numerator-layout form of ∂f/∂X, the transpose: det(X) X⁻¹."""
    return np.linalg.det(X) * np.linalg.inv(X)


def numerator_det_AXB(X, A, B):
    """The numerator-layout form of ∂f/∂X, the transpose: det(AXB) B (AXB)⁻¹ A."""
    return np.linalg.det(A @ X @ B) * (B @ np.linalg.inv(A @ X @ B) @ A)


def numerator_det_XtX(X):
    """The numerator-layout form of ∂f/∂X, the transpose: 2 det(Xᵀ X) (Xᵀ X)⁻¹ Xᵀ."""
    return 2 * np.linalg.det(X.T @ X) * (np.linalg.inv(X.T @ X) @ X.T)


def numerator_det_XXt(X):
    """The numerator-layout form of ∂f/∂X, the transpose: 2 det(X Xᵀ) Xᵀ (X Xᵀ)⁻¹."""
    return 2 * np.linalg.det(X @ X.T) * (X.T @ np.linalg.inv(X @ X.T))


def numerator_logabsdet(X):
    """The numerator-layout form of ∂f/∂X, the transpose: X⁻¹."""
    return np.linalg.inv(X)


def numerator_logdet_XtX(X):
    """The numerator-layout form of ∂f/∂X, the transpose: 2 (Xᵀ X)⁻¹ Xᵀ."""
    return 2 * np.linalg.inv(X.T @ X) @ X.T


def numerator_logabsdet_AXB(X, A, B):
    """The numerator-layout form of ∂f/∂X, the transpose: B (AXB)⁻¹ A."""
    return B @ np.linalg.inv(A @ X @ B) @ A


def numerator_det_X2(X):
    """The numerator-layout form of ∂f/∂X, the transpose: 2 det(X)² X⁻¹."""
    return 2 * np.linalg.det(X) ** 2 * np.linalg.inv(X)


def numerator_det_Xk(X, k=3):
    """The numerator-layout form of ∂f/∂X, the transpose: k̄ det(X)ᵏ̄ X⁻¹."""
    return k * np.linalg.det(X) ** k * np.linalg.inv(X)


def numerator_det_inv(X):
    """The numerator-layout form of ∂f/∂X, the transpose: -det(X)⁻¹ X⁻¹."""
    return -np.linalg.inv(X) / np.linalg.det(X)


def numerator_det_XtAX(X, A):
    """det(M) (M⁻ᵀ Xᵀ Aᵀ + M⁻¹ Xᵀ A) with M = XᵀAX: the transpose of the gradient."""
    M_inv = np.linalg.inv(X.T @ A @ X)
    return np.linalg.det(X.T @ A @ X) * (M_inv.T @ X.T @ A.T + M_inv @ X.T @ A)


def numerator_det_XAXt(X, A):
    """det(M) (A Xᵀ M⁻¹ + Aᵀ Xᵀ M⁻ᵀ) with M = XAXᵀ: the transpose of the gradient."""
    M_inv = np.linalg.inv(X @ A @ X.T)
    return np.linalg.det(X @ A @ X.T) * (A @ X.T @ M_inv + A.T @ X.T @ M_inv.T)


def numerator_det_A_xxt(x, A):
    """The numerator-layout form of ∂f/∂x, the transpose: det(M) xᵀ (M⁻ᵀ + M⁻¹)."""
    return (
        np.linalg.det(A + np.outer(x, x))
        * (x @ (np.linalg.inv(A + np.outer(x, x)).T + np.linalg.inv(A + np.outer(x, x))))[None, :]
    )


def numerator_logdet_I_XXt(X):
    """The numerator-layout form of ∂f/∂X, the transpose: 2 Xᵀ (I_p + X Xᵀ)⁻¹."""
    return 2 * X.T @ np.linalg.inv(np.eye(X.shape[0]) + X @ X.T)


# --8<-- [end:numerator]
