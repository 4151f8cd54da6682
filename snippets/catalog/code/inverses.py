"""Inverses, as code you can copy: ∂f/∂X for scalar functions of X⁻¹.

Each entry of docs/catalog/inverses.md is one section of this file (between its `# --8<--
[start:<name>]` and `[end:<name>]` markers): f and its gradient as plain numpy functions, the
formula and the shapes in their docstrings. A section needs numpy only; copy it, and check it
with snippets/catalog/code/check.py as the page shows. The last section holds the numerator-
layout forms (the transposes) that the page also states.

Sizes: p, r, s, t are distinct dimensions; a square X is n × n. The site's registry
(snippets/catalog/registry.py) refers to these functions and checks each one when it builds.
"""

import numpy as np


# --8<-- [start:aXinvb]
def f_aXinvb(X, a, b):
    """f = aᵀ X⁻¹ b, a number.  X: (n, n); a: (n,); b: (n,)."""
    return a @ np.linalg.inv(X) @ b


def grad_aXinvb(X, a, b):
    """∂f/∂X = -X⁻ᵀ a bᵀ X⁻ᵀ, of shape (n, n) like X."""
    return -np.outer(np.linalg.inv(X).T @ a, b @ np.linalg.inv(X).T)


# --8<-- [end:aXinvb]


# --8<-- [start:aXinvtb]
def f_aXinvtb(X, a, b):
    """f = aᵀ X⁻ᵀ b, a number.  X: (n, n); a: (n,); b: (n,)."""
    return a @ np.linalg.inv(X).T @ b


def grad_aXinvtb(X, a, b):
    """∂f/∂X = -X⁻ᵀ b aᵀ X⁻ᵀ, of shape (n, n) like X."""
    return -np.outer(np.linalg.inv(X).T @ b, a @ np.linalg.inv(X).T)


# --8<-- [end:aXinvtb]


# --8<-- [start:xXinvx]
def f_xXinvx(X, x):
    """f = xᵀ X⁻¹ x, a number.  X: (n, n); x: (n,)."""
    return x @ np.linalg.inv(X) @ x


def grad_xXinvx(X, x):
    """∂f/∂X = -X⁻ᵀ x xᵀ X⁻ᵀ, of shape (n, n) like X."""
    return -np.outer(np.linalg.inv(X).T @ x, x @ np.linalg.inv(X).T)


# --8<-- [end:xXinvx]


# --8<-- [start:xAinvx]
def f_xAinvx(x, A):
    """f = xᵀ A⁻¹ x, a number.  x: (r,); A: (r, r)."""
    return x @ np.linalg.inv(A) @ x


def grad_xAinvx(x, A):
    """∂f/∂x = (A⁻¹ + A⁻ᵀ) x, of shape (r,) like x."""
    return (np.linalg.inv(A) + np.linalg.inv(A).T) @ x


# --8<-- [end:xAinvx]


# --8<-- [start:tr_AXinvB]
def f_tr_AXinvB(X, A, B):
    """f = tr(A X⁻¹ B), a number.  X: (n, n); A: (p, n); B: (n, p)."""
    return np.trace(A @ np.linalg.inv(X) @ B)


def grad_tr_AXinvB(X, A, B):
    """∂f/∂X = -X⁻ᵀ Aᵀ Bᵀ X⁻ᵀ, of shape (n, n) like X."""
    return -np.linalg.inv(X).T @ A.T @ B.T @ np.linalg.inv(X).T


# --8<-- [end:tr_AXinvB]


# --8<-- [start:tr_Xinv]
def f_tr_Xinv(X):
    """f = tr(X⁻¹), a number.  X: (n, n)."""
    return np.trace(np.linalg.inv(X))


def grad_tr_Xinv(X):
    """∂f/∂X = -X⁻ᵀ X⁻ᵀ, of shape (n, n) like X."""
    return -np.linalg.inv(X).T @ np.linalg.inv(X).T


# --8<-- [end:tr_Xinv]


# --8<-- [start:tr_XplusA_inv]
def f_tr_XplusA_inv(X, A):
    """f = tr((X + A)⁻¹), a number.  X: (n, n); A: (n, n)."""
    return np.trace(np.linalg.inv(X + A))


def grad_tr_XplusA_inv(X, A):
    """∂f/∂X = -(X + A)⁻ᵀ (X + A)⁻ᵀ, of shape (n, n) like X."""
    return -np.linalg.inv(X + A).T @ np.linalg.inv(X + A).T


# --8<-- [end:tr_XplusA_inv]


# --8<-- [start:fro_Xinv]
def f_fro_Xinv(X):
    """f = ‖ X⁻¹ ‖_F², a number.  X: (n, n)."""
    return np.sum(np.linalg.inv(X) * np.linalg.inv(X))


def grad_fro_Xinv(X):
    """∂f/∂X = -2 X⁻ᵀ X⁻¹ X⁻ᵀ, of shape (n, n) like X."""
    return -2 * np.linalg.inv(X).T @ np.linalg.inv(X) @ np.linalg.inv(X).T


# --8<-- [end:fro_Xinv]


# --8<-- [start:tr_XinvtA]
def f_tr_XinvtA(X, A):
    """f = tr(X⁻ᵀ A), a number.  X: (n, n); A: (n, n)."""
    return np.trace(np.linalg.inv(X).T @ A)


def grad_tr_XinvtA(X, A):
    """∂f/∂X = -X⁻ᵀ A X⁻ᵀ, of shape (n, n) like X."""
    return -np.linalg.inv(X).T @ A @ np.linalg.inv(X).T


# --8<-- [end:tr_XinvtA]


# --8<-- [start:tr_XinvAXinvB]
def f_tr_XinvAXinvB(X, A, B):
    """f = tr(X⁻¹ A X⁻¹ B), a number.  X: (n, n); A: (n, n); B: (n, n)."""
    return np.trace(np.linalg.inv(X) @ A @ np.linalg.inv(X) @ B)


def grad_tr_XinvAXinvB(X, A, B):
    """−(X⁻¹ A X⁻¹ B X⁻¹ + X⁻¹ B X⁻¹ A X⁻¹)ᵀ; X, A, B: (n, n)."""
    Y = np.linalg.inv(X)
    return -(Y @ A @ Y @ B @ Y + Y @ B @ Y @ A @ Y).T


# --8<-- [end:tr_XinvAXinvB]


# --8<-- [start:b_XtXinv_b]
def f_b_XtXinv_b(X, b):
    """f = bᵀ (Xᵀ X)⁻¹ b, a number.  X: (s, p); b: (p,)."""
    return b @ np.linalg.inv(X.T @ X) @ b


def grad_b_XtXinv_b(X, b):
    """−2 X c cᵀ with c = (XᵀX)⁻¹ b; X: (p, r), b: (r,)."""
    c = np.linalg.inv(X.T @ X) @ b
    return -2 * np.outer(X @ c, c)


# --8<-- [end:b_XtXinv_b]


# --8<-- [start:tr_XtXinv]
def f_tr_XtXinv(X):
    """f = tr((Xᵀ X)⁻¹), a number.  X: (s, p)."""
    return np.trace(np.linalg.inv(X.T @ X))


def grad_tr_XtXinv(X):
    """∂f/∂X = -2 X (Xᵀ X)⁻², of shape (s, p) like X."""
    return -2 * X @ np.linalg.inv(X.T @ X) @ np.linalg.inv(X.T @ X)


# --8<-- [end:tr_XtXinv]


# --8<-- [start:tr_XinvAX]
def f_tr_XinvAX(X, A):
    """f = tr(X⁻¹ A X), a number.  X: (n, n); A: (n, n)."""
    return np.trace(np.linalg.inv(X) @ A @ X)


def grad_tr_XinvAX(X, A):
    """∂f/∂X = 0, of shape (n, n) like X."""
    return 0 * X


# --8<-- [end:tr_XinvAX]


# --8<-- [start:numerator]
def numerator_aXinvb(X, a, b):
    """The numerator-layout form of ∂f/∂X, the transpose: -X⁻¹ b aᵀ X⁻¹."""
    return -np.outer(np.linalg.inv(X) @ b, a @ np.linalg.inv(X))


def numerator_aXinvtb(X, a, b):
    """The numerator-layout form of ∂f/∂X, the transpose: -X⁻¹ a bᵀ X⁻¹."""
    return -np.outer(np.linalg.inv(X) @ a, b @ np.linalg.inv(X))


def numerator_xXinvx(X, x):
    """The numerator-layout form of ∂f/∂X, the transpose: -X⁻¹ x xᵀ X⁻¹."""
    return -np.outer(np.linalg.inv(X) @ x, x @ np.linalg.inv(X))


def numerator_xAinvx(x, A):
    """The numerator-layout form of ∂f/∂x, the transpose: xᵀ (A⁻ᵀ + A⁻¹)."""
    return (x @ (np.linalg.inv(A).T + np.linalg.inv(A)))[None, :]


def numerator_tr_AXinvB(X, A, B):
    """The numerator-layout form of ∂f/∂X, the transpose: -X⁻¹ B A X⁻¹."""
    return -np.linalg.inv(X) @ B @ A @ np.linalg.inv(X)


def numerator_tr_Xinv(X):
    """The numerator-layout form of ∂f/∂X, the transpose: -X⁻¹ X⁻¹."""
    return -np.linalg.inv(X) @ np.linalg.inv(X)


def numerator_tr_XplusA_inv(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: -(X + A)⁻¹ (X + A)⁻¹."""
    return -np.linalg.inv(X + A) @ np.linalg.inv(X + A)


def numerator_fro_Xinv(X):
    """The numerator-layout form of ∂f/∂X, the transpose: -2 X⁻¹ X⁻ᵀ X⁻¹."""
    return -2 * np.linalg.inv(X) @ np.linalg.inv(X).T @ np.linalg.inv(X)


def numerator_tr_XinvtA(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: -X⁻¹ Aᵀ X⁻¹."""
    return -np.linalg.inv(X) @ A.T @ np.linalg.inv(X)


def numerator_tr_XinvAXinvB(X, A, B):
    """−(X⁻¹ A X⁻¹ B X⁻¹ + X⁻¹ B X⁻¹ A X⁻¹): the transpose of the gradient."""
    Y = np.linalg.inv(X)
    return -(Y @ A @ Y @ B @ Y + Y @ B @ Y @ A @ Y)


def numerator_b_XtXinv_b(X, b):
    """The numerator-layout form of ∂f/∂X, the transpose: -2 (Xᵀ X)⁻¹ b bᵀ (Xᵀ X)⁻¹ Xᵀ."""
    return -2 * np.outer(np.linalg.inv(X.T @ X) @ b, X @ np.linalg.inv(X.T @ X) @ b)


def numerator_tr_XtXinv(X):
    """The numerator-layout form of ∂f/∂X, the transpose: -2 (Xᵀ X)⁻² Xᵀ."""
    return -2 * np.linalg.inv(X.T @ X) @ np.linalg.inv(X.T @ X) @ X.T


def numerator_tr_XinvAX(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: 0."""
    return 0 * X.T


# --8<-- [end:numerator]
