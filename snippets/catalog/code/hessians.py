"""Hessians, as code you can copy: second derivatives of quadratic and trace forms.

Each entry of docs/catalog/hessians.md is one section of this file (between its `# --8<--
[start:<name>]` and `[end:<name>]` markers): f, its gradient and its Hessian as plain numpy
functions, the formulas and the shapes in their docstrings. A section needs numpy only; copy it,
and check it with snippets/catalog/code/check.py as the page shows: gradcheck(f, grad, ...)
checks the gradient, and jacobiancheck(grad, hessian, ...) checks the Hessian as the Jacobian of
the gradient.

The Hessian of f(X) for X: p × r is the (p·r) × (p·r) matrix H = ∂vec(∇f)/∂vec(X), vec stacking
columns (numpy's order="F"); H[a, b] = ∂²f/∂vec(X)_a ∂vec(X)_b, a symmetric matrix.
"""

import numpy as np


# --8<-- [start:xAx]
def f_xAx(x, A, b):
    """f = xᵀAx + bᵀx, a number.  x: (p,); A: (p, p); b: (p,)."""
    return x @ A @ x + b @ x


def grad_xAx(x, A, b):
    """∂f/∂x = (A + Aᵀ)x + b, of shape (p,) like x."""
    return (A + A.T) @ x + b


def hessian_xAx(x, A, b):
    """∂²f/∂x∂xᵀ = A + Aᵀ, of shape (p, p)."""
    return A + A.T


# --8<-- [end:xAx]


# --8<-- [start:aXtXb]
def f_aXtXb(X, a, b):
    """f = aᵀXᵀXb, a number.  X: (p, r); a: (r,); b: (r,)."""
    return (X @ a) @ (X @ b)


def grad_aXtXb(X, a, b):
    """∂f/∂X = X(abᵀ + baᵀ), of shape (p, r) like X."""
    return X @ (np.outer(a, b) + np.outer(b, a))


def hessian_aXtXb(X, a, b):
    """∂vec(∇f)/∂vec X = (abᵀ + baᵀ) ⊗ I_p, of shape (p·r, p·r)."""
    return np.kron(np.outer(a, b) + np.outer(b, a), np.eye(X.shape[0], dtype=int))


# --8<-- [end:aXtXb]


# --8<-- [start:tr_XtBX]
def f_tr_XtBX(X, B):
    """f = tr(XᵀBX), a number.  X: (p, r); B: (p, p)."""
    return np.trace(X.T @ B @ X)


def grad_tr_XtBX(X, B):
    """∂f/∂X = (B + Bᵀ)X, of shape (p, r) like X."""
    return (B + B.T) @ X


def hessian_tr_XtBX(X, B):
    """∂vec(∇f)/∂vec X = I_r ⊗ (B + Bᵀ), of shape (p·r, p·r)."""
    return np.kron(np.eye(X.shape[1], dtype=int), B + B.T)


# --8<-- [end:tr_XtBX]


# --8<-- [start:tr_AXBX]
def f_tr_AXBX(X, A, B):
    """f = tr(AXBX), a number.  X: (p, r); A: (r, p); B: (r, p)."""
    return np.trace(A @ X @ B @ X)


def grad_tr_AXBX(X, A, B):
    """∂f/∂X = AᵀXᵀBᵀ + BᵀXᵀAᵀ, of shape (p, r) like X."""
    return A.T @ X.T @ B.T + B.T @ X.T @ A.T


def hessian_tr_AXBX(X, A, B):
    """∂vec(∇f)/∂vec X = (B ⊗ Aᵀ + A ⊗ Bᵀ) K_pr, of shape (p·r, p·r).

    K_pr is the commutation matrix: K_pr vec(Y) = vec(Yᵀ) for Y: (p, r).
    """
    p, r = X.shape
    K = np.zeros((p * r, p * r), dtype=int)
    for i in range(p):
        for j in range(r):
            K[j + i * r, i + j * p] = 1
    return (np.kron(B, A.T) + np.kron(A, B.T)) @ K


# --8<-- [end:tr_AXBX]


# --8<-- [start:bXtCXc]
def f_bXtCXc(X, b, c, C):
    """f = bᵀXᵀCXc, a number.  X: (p, r); b: (r,); c: (r,); C: (p, p)."""
    return b @ X.T @ C @ X @ c


def grad_bXtCXc(X, b, c, C):
    """∂f/∂X = CXcbᵀ + CᵀXbcᵀ, of shape (p, r) like X."""
    return C @ X @ np.outer(c, b) + C.T @ X @ np.outer(b, c)


def hessian_bXtCXc(X, b, c, C):
    """∂vec(∇f)/∂vec X = bcᵀ ⊗ C + cbᵀ ⊗ Cᵀ, of shape (p·r, p·r)."""
    return np.kron(np.outer(b, c), C) + np.kron(np.outer(c, b), C.T)


# --8<-- [end:bXtCXc]
