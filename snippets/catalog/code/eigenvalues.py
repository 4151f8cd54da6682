"""Eigenvalues, as code you can copy: ∂f/∂X for a simple eigenvalue and an eigenvector of X.

Each entry of docs/catalog/eigenvalues.md is one section of this file (between its `# --8<--
[start:<name>]` and `[end:<name>]` markers): f and its gradient as plain numpy functions, the
formula and the shapes in their docstrings. A section needs numpy only; copy it, and check it
with snippets/catalog/code/check.py as the page shows. The last section holds the numerator-
layout forms (the transposes) that the page also states.

f reads all of X with np.linalg.eig or eigvals, never eigh or eigvalsh: those read one triangle
only, so a step of a check along a single entry X_ij would move a different matrix than the one
the formula describes. The gradients may use eigh, at a symmetric X. A square X is n × n.
"""

import numpy as np


# --8<-- [start:sym]
def f_sym(X):
    """f = the largest eigenvalue of a symmetric X, a number.  X: (n, n), that eigenvalue simple."""
    return np.max(np.linalg.eigvals(X).real)


def grad_sym(X):
    """∂f/∂X = v vᵀ, v the unit eigenvector of the largest eigenvalue; of shape (n, n) like X."""
    _, vectors = np.linalg.eigh(X)
    v = vectors[:, -1]
    return np.outer(v, v)


# --8<-- [end:sym]


# --8<-- [start:sym_vector]
def f_sym_vector(X, c):
    """f = cᵀv, v the unit eigenvector of the largest eigenvalue of a symmetric X, its sign
    chosen so that cᵀv > 0; a number.  X: (n, n), that eigenvalue simple; c: (n,)."""
    values, vectors = np.linalg.eig(X)
    v = vectors[:, np.argmax(values.real)].real
    return abs(c @ v)


def pinv_shifted(X):
    """(λI − X)⁺ for the largest eigenvalue λ of a symmetric X: Σ_j v_j v_jᵀ / (λ − λ_j) over
    the other eigenpairs (λ_j, v_j). Also returns λ and its unit eigenvector v."""
    values, vectors = np.linalg.eigh(X)
    others = vectors[:, :-1]
    return others @ np.diag(1 / (values[-1] - values[:-1])) @ others.T, values[-1], vectors[:, -1]


def grad_sym_vector(X, c):
    """∂f/∂X = (λI − X)⁺ c vᵀ, v signed so that cᵀv > 0; of shape (n, n) like X."""
    P, _, v = pinv_shifted(X)
    v = v * np.sign(c @ v)
    return np.outer(P @ c, v)


# --8<-- [end:sym_vector]


# --8<-- [start:general]
def f_general(X):
    """f = the largest eigenvalue of a general real X whose eigenvalues are real and simple,
    a number.  X: (n, n)."""
    return np.max(np.linalg.eigvals(X).real)


def eigenvectors(X):
    """(u, v): left (uᵀX = λuᵀ) and right (Xv = λv) eigenvectors of the largest eigenvalue λ."""
    values, right = np.linalg.eig(X)
    k = np.argmax(values.real)
    values_t, left = np.linalg.eig(X.T)
    return left[:, np.argmin(abs(values_t - values[k]))].real, right[:, k].real


def grad_general(X):
    """∂f/∂X = u vᵀ / (uᵀv), of shape (n, n) like X (u vᵀ/(uᵀv) is v vᵀ when X is symmetric)."""
    u, v = eigenvectors(X)
    return np.outer(u, v) / (u @ v)


# --8<-- [end:general]


# --8<-- [start:numerator]
def numerator_sym(X):
    """The numerator-layout form of ∂f/∂X, the transpose: v vᵀ (symmetric, so the same)."""
    _, vectors = np.linalg.eigh(X)
    v = vectors[:, -1]
    return np.outer(v, v)


def numerator_sym_vector(X, c):
    """The numerator-layout form of ∂f/∂X, the transpose: v cᵀ (λI − X)⁺."""
    P, _, v = pinv_shifted(X)
    v = v * np.sign(c @ v)
    return np.outer(v, c @ P)


def numerator_general(X):
    """The numerator-layout form of ∂f/∂X, the transpose: v uᵀ / (uᵀv)."""
    u, v = eigenvectors(X)
    return np.outer(v, u) / (u @ v)


# --8<-- [end:numerator]
