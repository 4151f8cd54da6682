"""Structured, as code you can copy: gradients within the symmetric matrices (X symmetric, and so
is ∂f/∂X).

Each entry of docs/catalog/structured.md is one section of this file (between its `# --8<--
[start:<name>]` and `[end:<name>]` markers): f and its gradient as plain numpy functions, the
formula and the shapes in their docstrings. A section needs numpy only; copy it, and check it
with snippets/catalog/code/check.py as the page shows. The last section holds the numerator-
layout forms (the transposes) that the page also states.

Sizes: p, r, s, t are distinct dimensions; a square X is n × n. The site's registry
(snippets/catalog/registry.py) refers to these functions and checks each one when it builds.
"""

import numpy as np


# --8<-- [start:logdet_spd]
def f_logdet_spd(X):
    """f = log det X, a number.  X: (n, n)."""
    return np.log(np.linalg.det(X))


def grad_logdet_spd(X):
    """∂f/∂X = X⁻¹, of shape (n, n) like X."""
    return np.linalg.inv(X)


# --8<-- [end:logdet_spd]


# --8<-- [start:det_sym]
def f_det_sym(X):
    """f = det X, a number.  X: (n, n)."""
    return np.linalg.det(X)


def grad_det_sym(X):
    """∂f/∂X = det(X) X⁻¹, of shape (n, n) like X."""
    return np.linalg.det(X) * np.linalg.inv(X)


# --8<-- [end:det_sym]


# --8<-- [start:tr_AX_sym]
def f_tr_AX_sym(X, A):
    """f = tr(AX), a number.  X: (n, n); A: (n, n)."""
    return np.trace(A @ X)


def grad_tr_AX_sym(X, A):
    """∂f/∂X = (A + Aᵀ)/2, of shape (n, n) like X."""
    return (A + A.T) / 2


# --8<-- [end:tr_AX_sym]


# --8<-- [start:aXb_sym]
def f_aXb_sym(X, a, b):
    """f = aᵀ X b, a number.  X: (n, n); a: (n,); b: (n,)."""
    return a @ X @ b


def grad_aXb_sym(X, a, b):
    """∂f/∂X = (a bᵀ + b aᵀ)/2, of shape (n, n) like X."""
    return (np.outer(a, b) + np.outer(b, a)) / 2


# --8<-- [end:aXb_sym]


# --8<-- [start:xXx_sym]
def f_xXx_sym(X, x):
    """f = xᵀ X x, a number.  X: (n, n); x: (n,)."""
    return x @ X @ x


def grad_xXx_sym(X, x):
    """∂f/∂X = x xᵀ, of shape (n, n) like X."""
    return np.outer(x, x)


# --8<-- [end:xXx_sym]


# --8<-- [start:tr_AXinv_spd]
def f_tr_AXinv_spd(X, A):
    """f = tr(A X⁻¹), a number.  X: (n, n); A: (n, n)."""
    return np.trace(A @ np.linalg.inv(X))


def grad_tr_AXinv_spd(X, A):
    """∂f/∂X = −X⁻¹ ((A + Aᵀ)/2) X⁻¹, of shape (n, n) like X."""
    return -np.linalg.inv(X) @ ((A + A.T) / 2) @ np.linalg.inv(X)


# --8<-- [end:tr_AXinv_spd]


# --8<-- [start:gauss_nll]
def f_gauss_nll(Sigma, y):
    """f = ½ log det Σ + ½ yᵀ Σ⁻¹ y, the negative log-likelihood of a Gaussian sample x up to a
    constant, with y = x − μ.  Sigma (Σ, the covariance): (n, n) symmetric positive definite;
    y: (n,)."""
    return (np.log(np.linalg.det(Sigma)) + y @ np.linalg.inv(Sigma) @ y) / 2


def grad_gauss_nll(Sigma, y):
    """∂f/∂Σ = ½ (Σ⁻¹ − Σ⁻¹ y yᵀ Σ⁻¹), within the symmetric matrices; shape (n, n) like Σ."""
    P = np.linalg.inv(Sigma)
    return (P - np.outer(P @ y, P @ y)) / 2


# --8<-- [end:gauss_nll]


# --8<-- [start:fro_XminusA_sym]
def f_fro_XminusA_sym(X, A):
    """f = ‖ X - A ‖_F², a number.  X: (n, n); A: (n, n)."""
    return np.sum((X - A) * (X - A))


def grad_fro_XminusA_sym(X, A):
    """∂f/∂X = 2 (X − (A + Aᵀ)/2), of shape (n, n) like X."""
    return 2 * (X - (A + A.T) / 2)


# --8<-- [end:fro_XminusA_sym]


# --8<-- [start:tr_XAX_sym]
def f_tr_XAX_sym(X, A):
    """f = tr(X A X), a number.  X: (n, n); A: (n, n)."""
    return np.trace(X @ A @ X)


def grad_tr_XAX_sym(X, A):
    """∂f/∂X = (X (A + Aᵀ) + (A + Aᵀ) X)/2, of shape (n, n) like X."""
    return (X @ (A + A.T) + (A + A.T) @ X) / 2


# --8<-- [end:tr_XAX_sym]


# --8<-- [start:tr_AX_diag]
def diagonal_part(M):
    """M ∘ I: the orthogonal projection of a square M onto the diagonal matrices."""
    return M * np.eye(M.shape[0])


def f_tr_AX_diag(X, A):
    """f = tr(AX), a number.  X: (n, n), diagonal; A: (n, n)."""
    return np.trace(A @ X)


def grad_tr_AX_diag(X, A):
    """∂f/∂X = A ∘ I, the gradient within diagonal matrices, of shape (n, n) like X."""
    return diagonal_part(A)


# --8<-- [end:tr_AX_diag]


# --8<-- [start:tr_AX_toeplitz]
def toeplitz_part(M):
    """The orthogonal projection of a square M onto the Toeplitz matrices: each diagonal k
    (k = j − i) replaced by its mean."""
    n = M.shape[0]
    return sum(np.trace(M, offset=k) / (n - abs(k)) * np.eye(n, k=k) for k in range(1 - n, n))


def f_tr_AX_toeplitz(X, A):
    """f = tr(AX), a number.  X: (n, n), Toeplitz; A: (n, n)."""
    return np.trace(A @ X)


def grad_tr_AX_toeplitz(X, A):
    """∂f/∂X: diagonal k holds the mean of the diagonal k of Aᵀ; the gradient within Toeplitz
    matrices, of shape (n, n) like X."""
    return toeplitz_part(A.T)


# --8<-- [end:tr_AX_toeplitz]


# --8<-- [start:tr_AX_toeplitz_sym]
def symmetric_toeplitz_part(M):
    """The orthogonal projection of a square M onto the symmetric Toeplitz matrices: the
    diagonals k and −k replaced by the mean of both."""
    n = M.shape[0]
    out = np.trace(M) / n * np.eye(n)
    for k in range(1, n):
        mean = (np.trace(M, offset=k) + np.trace(M, offset=-k)) / (2 * (n - k))
        out = out + mean * (np.eye(n, k=k) + np.eye(n, k=-k))
    return out


def f_tr_AX_toeplitz_sym(X, A):
    """f = tr(AX), a number.  X: (n, n), symmetric Toeplitz; A: (n, n)."""
    return np.trace(A @ X)


def grad_tr_AX_toeplitz_sym(X, A):
    """∂f/∂X: diagonals ±k hold the mean of the diagonals ±k of A; the gradient within
    symmetric Toeplitz matrices, of shape (n, n) like X."""
    return symmetric_toeplitz_part(A)


# --8<-- [end:tr_AX_toeplitz_sym]


# --8<-- [start:numerator]
def numerator_logdet_spd(X):
    """The numerator-layout form of ∂f/∂X, the transpose: X⁻¹."""
    return np.linalg.inv(X)


def numerator_det_sym(X):
    """The numerator-layout form of ∂f/∂X, the transpose: det(X) X⁻¹."""
    return np.linalg.det(X) * np.linalg.inv(X)


def numerator_tr_AX_sym(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: (Aᵀ + A)/2."""
    return (A.T + A) / 2


def numerator_aXb_sym(X, a, b):
    """The numerator-layout form of ∂f/∂X, the transpose: (b aᵀ + a bᵀ)/2."""
    return (np.outer(b, a) + np.outer(a, b)) / 2


def numerator_xXx_sym(X, x):
    """The numerator-layout form of ∂f/∂X, the transpose: x xᵀ."""
    return np.outer(x, x)


def numerator_tr_AXinv_spd(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: −X⁻¹ ((Aᵀ + A)/2) X⁻¹."""
    return -np.linalg.inv(X) @ ((A.T + A) / 2) @ np.linalg.inv(X)


def numerator_gauss_nll(Sigma, y):
    """The numerator-layout form of ∂f/∂Σ, the transpose: ½ (Σ⁻¹ - Σ⁻¹ y yᵀ Σ⁻¹)."""
    return (np.linalg.inv(Sigma) - np.outer(np.linalg.inv(Sigma) @ y, np.linalg.inv(Sigma) @ y)) / 2


def numerator_fro_XminusA_sym(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: 2 (X − (Aᵀ + A)/2)."""
    return 2 * (X - (A.T + A) / 2)


def numerator_tr_XAX_sym(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: ((Aᵀ + A) X + X (Aᵀ + A))/2."""
    return ((A.T + A) @ X + X @ (A.T + A)) / 2


def numerator_tr_AX_diag(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: A ∘ I (diagonal, so unchanged)."""
    return A * np.eye(A.shape[0])


def numerator_tr_AX_toeplitz(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: diagonal k holds the mean of the
    diagonal k of A."""
    n = A.shape[0]
    return sum(np.trace(A, offset=k) / (n - abs(k)) * np.eye(n, k=k) for k in range(1 - n, n))


def numerator_tr_AX_toeplitz_sym(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: the same symmetric matrix."""
    n = A.shape[0]
    out = np.trace(A) / n * np.eye(n)
    for k in range(1, n):
        mean = (np.trace(A, offset=k) + np.trace(A, offset=-k)) / (2 * (n - k))
        out = out + mean * (np.eye(n, k=k) + np.eye(n, k=-k))
    return out


# --8<-- [end:numerator]
