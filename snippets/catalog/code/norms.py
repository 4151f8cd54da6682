"""Norms, as code you can copy: ∂f/∂X for squared Frobenius and Euclidean norms and least-squares
residuals.

Each entry of docs/catalog/norms.md is one section of this file (between its `# --8<--
[start:<name>]` and `[end:<name>]` markers): f and its gradient as plain numpy functions, the
formula and the shapes in their docstrings. A section needs numpy only; copy it, and check it
with snippets/catalog/code/check.py as the page shows. The last section holds the numerator-
layout forms (the transposes) that the page also states.

Sizes: p, r, s, t are distinct dimensions; a square X is n × n. The site's registry
(snippets/catalog/registry.py) refers to these functions and checks each one when it builds.
"""

import numpy as np


# --8<-- [start:fro2]
def f_fro2(X):
    """f = ‖ X ‖_F², a number.  X: (p, r)."""
    return np.sum(X * X)


def grad_fro2(X):
    """∂f/∂X = 2X, of shape (p, r) like X."""
    return 2 * X


# --8<-- [end:fro2]


# --8<-- [start:fro]
def f_fro(X):
    """f = ‖ X ‖_F, a number.  X: (p, r)."""
    return np.sqrt(np.sum(X * X))


def grad_fro(X):
    """∂f/∂X = X / ‖X‖_F, of shape (p, r) like X."""
    return X / np.sqrt(np.sum(X * X))


# --8<-- [end:fro]


# --8<-- [start:X_minus_A]
def f_X_minus_A(X, A):
    """f = ‖ X - A ‖_F², a number.  X: (p, r); A: (p, r)."""
    return np.sum((X - A) * (X - A))


def grad_X_minus_A(X, A):
    """∂f/∂X = 2(X - A), of shape (p, r) like X."""
    return 2 * (X - A)


# --8<-- [end:X_minus_A]


# --8<-- [start:AX_minus_B]
def f_AX_minus_B(X, A, B):
    """f = ‖ AX - B ‖_F², a number.  X: (p, r); A: (s, p); B: (s, r)."""
    return np.sum((A @ X - B) * (A @ X - B))


def grad_AX_minus_B(X, A, B):
    """∂f/∂X = 2Aᵀ (AX - B), of shape (p, r) like X."""
    return 2 * A.T @ (A @ X - B)


# --8<-- [end:AX_minus_B]


# --8<-- [start:XA_minus_B]
def f_XA_minus_B(X, A, B):
    """f = ‖ XA - B ‖_F², a number.  X: (p, r); A: (r, s); B: (p, s)."""
    return np.sum((X @ A - B) * (X @ A - B))


def grad_XA_minus_B(X, A, B):
    """∂f/∂X = 2(XA - B) Aᵀ, of shape (p, r) like X."""
    return 2 * (X @ A - B) @ A.T


# --8<-- [end:XA_minus_B]


# --8<-- [start:XA]
def f_XA(X, A):
    """f = ‖ XA ‖_F², a number.  X: (p, r); A: (r, s)."""
    return np.sum((X @ A) * (X @ A))


def grad_XA(X, A):
    """∂f/∂X = 2XAAᵀ, of shape (p, r) like X."""
    return 2 * X @ A @ A.T


# --8<-- [end:XA]


# --8<-- [start:AXB_minus_C]
def f_AXB_minus_C(X, A, B, C):
    """f = ‖ AXB - C ‖_F², a number.  X: (p, r); A: (s, p); B: (r, t); C: (s, t)."""
    return np.sum((A @ X @ B - C) * (A @ X @ B - C))


def grad_AXB_minus_C(X, A, B, C):
    """∂f/∂X = 2Aᵀ (AXB - C) Bᵀ, of shape (p, r) like X."""
    return 2 * A.T @ (A @ X @ B - C) @ B.T


# --8<-- [end:AXB_minus_C]


# --8<-- [start:AoX]
def f_AoX(X, A):
    """f = ‖ A ∘ X ‖_F², a number.  X: (p, r); A: (p, r)."""
    return np.sum((A * X) * (A * X))


def grad_AoX(X, A):
    """∂f/∂X = 2 A ∘ A ∘ X, of shape (p, r) like X."""
    return 2 * A * A * X


# --8<-- [end:AoX]


# --8<-- [start:XtX]
def f_XtX(X):
    """f = ‖ Xᵀ X ‖_F², a number.  X: (p, r)."""
    return np.sum((X.T @ X) * (X.T @ X))


def grad_XtX(X):
    """∂f/∂X = 4XXᵀ X, of shape (p, r) like X."""
    return 4 * X @ X.T @ X


# --8<-- [end:XtX]


# --8<-- [start:XXt_minus_A]
def f_XXt_minus_A(X, A):
    """f = ‖ XXᵀ - A ‖_F², a number.  X: (p, r); A: (p, p)."""
    return np.sum((X @ X.T - A) * (X @ X.T - A))


def grad_XXt_minus_A(X, A):
    """∂f/∂X = XXᵀ - A, of shape (p, r) like X."""
    return 2 * ((X @ X.T - A) + (X @ X.T - A).T) @ X


# --8<-- [end:XXt_minus_A]


# --8<-- [start:x]
def f_x(x):
    """f = ‖ x ‖, a number.  x: (p,)."""
    return np.sqrt(x @ x)


def grad_x(x):
    """∂f/∂x = x / ‖x‖, of shape (p,) like x."""
    return x / np.sqrt(x @ x)


# --8<-- [end:x]


# --8<-- [start:x_minus_a]
def f_x_minus_a(x, a):
    """f = ‖ x - a ‖, a number.  x: (p,); a: (p,)."""
    return np.sqrt((x - a) @ (x - a))


def grad_x_minus_a(x, a):
    """∂f/∂x = (x − a) / ‖x − a‖, of shape (p,) like x."""
    return (x - a) / np.sqrt((x - a) @ (x - a))


# --8<-- [end:x_minus_a]


# --8<-- [start:Ax_minus_b]
def f_Ax_minus_b(x, A, b):
    """f = ‖ Ax - b ‖², a number.  x: (p,); A: (s, p); b: (s,)."""
    return (A @ x - b) @ (A @ x - b)


def grad_Ax_minus_b(x, A, b):
    """∂f/∂x = 2Aᵀ (Ax - b), of shape (p,) like x."""
    return 2 * A.T @ (A @ x - b)


# --8<-- [end:Ax_minus_b]


# --8<-- [start:Ax_minus_b_norm]
def f_Ax_minus_b_norm(x, A, b):
    """f = ‖ Ax - b ‖, a number.  x: (p,); A: (s, p); b: (s,)."""
    return np.sqrt((A @ x - b) @ (A @ x - b))


def grad_Ax_minus_b_norm(x, A, b):
    """∂f/∂x = Aᵀ (Ax − b) / ‖Ax − b‖, of shape (p,) like x."""
    return A.T @ (A @ x - b) / np.sqrt((A @ x - b) @ (A @ x - b))


# --8<-- [end:Ax_minus_b_norm]


# --8<-- [start:Ax_minus_b_W]
def f_Ax_minus_b_W(x, A, b, W):
    """f = (Ax - b)ᵀ W (Ax - b), a number.  x: (p,); A: (s, p); b: (s,); W: (s, s)."""
    return (A @ x - b) @ W @ (A @ x - b)


def grad_Ax_minus_b_W(x, A, b, W):
    """∂f/∂x = 2Aᵀ W (Ax - b), of shape (p,) like x."""
    return 2 * A.T @ W @ (A @ x - b)


# --8<-- [end:Ax_minus_b_W]


# --8<-- [start:c_unit_x_minus_a]
def f_c_unit_x_minus_a(x, a, c):
    """f = cᵀ(x − a)/‖x − a‖, a number: the unit vector from a to x, read along c.
    x, a, c: (p,)."""
    d = x - a
    return c @ d / np.sqrt(d @ d)


def grad_c_unit_x_minus_a(x, a, c):
    """∂f/∂x = (I/‖x − a‖ − (x − a)(x − a)ᵀ/‖x − a‖³) c, of shape (p,) like x."""
    d = x - a
    norm = np.sqrt(d @ d)
    return c / norm - d * (d @ c) / norm**3


# --8<-- [end:c_unit_x_minus_a]


# --8<-- [start:numerator]
def numerator_fro2(X):
    """The numerator-layout form of ∂f/∂X, the transpose: 2Xᵀ."""
    return 2 * X.T


def numerator_fro(X):
    """The numerator-layout form of ∂f/∂X, the transpose: Xᵀ / ‖X‖_F."""
    return X.T / np.sqrt(np.sum(X * X))


def numerator_X_minus_A(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: 2(X - A)ᵀ."""
    return 2 * (X - A).T


def numerator_AX_minus_B(X, A, B):
    """The numerator-layout form of ∂f/∂X, the transpose: 2(AX - B)ᵀ A."""
    return 2 * (A @ X - B).T @ A


def numerator_XA_minus_B(X, A, B):
    """The numerator-layout form of ∂f/∂X, the transpose: 2A (XA - B)ᵀ."""
    return 2 * A @ (X @ A - B).T


def numerator_XA(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: 2AAᵀ Xᵀ."""
    return 2 * A @ A.T @ X.T


def numerator_AXB_minus_C(X, A, B, C):
    """The numerator-layout form of ∂f/∂X, the transpose: 2B (AXB - C)ᵀ A."""
    return 2 * B @ (A @ X @ B - C).T @ A


def numerator_AoX(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: 2 (A ∘ A ∘ X)ᵀ."""
    return 2 * (A * A * X).T


def numerator_XtX(X):
    """The numerator-layout form of ∂f/∂X, the transpose: 4Xᵀ X Xᵀ."""
    return 4 * X.T @ X @ X.T


def numerator_XXt_minus_A(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: XXᵀ - A."""
    return 2 * X.T @ ((X @ X.T - A).T + (X @ X.T - A))


def numerator_x(x):
    """The numerator-layout form of ∂f/∂x, the transpose: xᵀ / ‖x‖."""
    return (x / np.sqrt(x @ x)).reshape(1, -1)


def numerator_x_minus_a(x, a):
    """The numerator-layout form of ∂f/∂x, the transpose: (x − a)ᵀ / ‖x − a‖."""
    return ((x - a) / np.sqrt((x - a) @ (x - a))).reshape(1, -1)


def numerator_Ax_minus_b(x, A, b):
    """The numerator-layout form of ∂f/∂x, the transpose: 2(Ax - b)ᵀ A."""
    return (2 * (A @ x - b) @ A).reshape(1, -1)


def numerator_Ax_minus_b_norm(x, A, b):
    """The numerator-layout form of ∂f/∂x, the transpose: (Ax − b)ᵀ A / ‖Ax − b‖."""
    return ((A @ x - b) @ A / np.sqrt((A @ x - b) @ (A @ x - b))).reshape(1, -1)


def numerator_Ax_minus_b_W(x, A, b, W):
    """The numerator-layout form of ∂f/∂x, the transpose: 2(Ax - b)ᵀ W A."""
    return (2 * (A @ x - b) @ W @ A).reshape(1, -1)


def numerator_c_unit_x_minus_a(x, a, c):
    """The numerator-layout form of ∂f/∂x, a row: cᵀ(I/‖x − a‖ − (x − a)(x − a)ᵀ/‖x − a‖³)."""
    d = x - a
    norm = np.sqrt(d @ d)
    return (c / norm - d * (d @ c) / norm**3)[None, :]


# --8<-- [end:numerator]
