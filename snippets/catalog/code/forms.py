"""Forms, as code you can copy: ∂f/∂x and ∂f/∂X for linear, bilinear and quadratic forms in a
vector x or a matrix X.

Each entry of docs/catalog/forms.md is one section of this file (between its `# --8<--
[start:<name>]` and `[end:<name>]` markers): f and its gradient as plain numpy functions, the
formula and the shapes in their docstrings. A section needs numpy only; copy it, and check it
with snippets/catalog/code/check.py as the page shows. The last section holds the numerator-
layout forms (the transposes) that the page also states.

Sizes: p, r, s, t are distinct dimensions; a square X is n × n. The site's registry
(snippets/catalog/registry.py) refers to these functions and checks each one when it builds.
"""

import numpy as np


# --8<-- [start:ax]
def f_ax(x, a):
    """f = aᵀ x, a number.  x: (p,); a: (p,)."""
    return a @ x


def grad_ax(x, a):
    """∂f/∂x = a, of shape (p,) like x."""
    return a


# --8<-- [end:ax]


# --8<-- [start:xa]
def f_xa(x, a):
    """f = xᵀ a, a number.  x: (p,); a: (p,)."""
    return x @ a


def grad_xa(x, a):
    """∂f/∂x = a, of shape (p,) like x."""
    return a


# --8<-- [end:xa]


# --8<-- [start:xx]
def f_xx(x):
    """f = xᵀ x, a number.  x: (p,)."""
    return x @ x


def grad_xx(x):
    """∂f/∂x = 2x, of shape (p,) like x."""
    return 2 * x


# --8<-- [end:xx]


# --8<-- [start:aAx]
def f_aAx(x, a, A):
    """f = aᵀ A x, a number.  x: (p,); a: (s,); A: (s, p)."""
    return a @ A @ x


def grad_aAx(x, a, A):
    """∂f/∂x = Aᵀ a, of shape (p,) like x."""
    return A.T @ a


# --8<-- [end:aAx]


# --8<-- [start:xAb]
def f_xAb(x, A, b):
    """f = xᵀ A b, a number.  x: (p,); A: (p, s); b: (s,)."""
    return x @ A @ b


def grad_xAb(x, A, b):
    """∂f/∂x = Ab, of shape (p,) like x."""
    return A @ b


# --8<-- [end:xAb]


# --8<-- [start:xAx]
def f_xAx(x, A):
    """f = xᵀ A x, a number.  x: (p,); A: (p, p)."""
    return x @ A @ x


def grad_xAx(x, A):
    """∂f/∂x = (A + Aᵀ) x, of shape (p,) like x."""
    return (A + A.T) @ x


# --8<-- [end:xAx]


# --8<-- [start:xAx_sym]
def f_xAx_sym(x, A):
    """f = xᵀ A x, a number.  x: (p,); A: (p, p)."""
    return x @ A @ x


def grad_xAx_sym(x, A):
    """∂f/∂x = 2Ax, of shape (p,) like x."""
    return 2 * A @ x


# --8<-- [end:xAx_sym]


# --8<-- [start:quadratic]
def f_quadratic(x, A, b):
    """f = (½ xᵀ A x - bᵀ x), a number.  x: (p,); A: (p, p); b: (p,)."""
    return x @ A @ x / 2 - b @ x


def grad_quadratic(x, A, b):
    """∂f/∂x = Ax - b, of shape (p,) like x."""
    return A @ x - b


# --8<-- [end:quadratic]


# --8<-- [start:affine]
def f_affine(x, A, b, C, B, e):
    """f = (Ax + b)ᵀ C (Bx + e), a number.

    x: (p,); A: (s, p); b: (s,); C: (s, t); B: (t, p); e: (t,).
    """
    return (A @ x + b) @ C @ (B @ x + e)


def grad_affine(x, A, b, C, B, e):
    """∂f/∂x = Aᵀ C (Bx + e) + Bᵀ Cᵀ (Ax + b), of shape (p,) like x."""
    return A.T @ C @ (B @ x + e) + B.T @ C.T @ (A @ x + b)


# --8<-- [end:affine]


# --8<-- [start:axxb]
def f_axxb(x, a, b):
    """f = (aᵀ x xᵀ b), a number.  x: (p,); a: (p,); b: (p,)."""
    return (a @ x) * (x @ b)


def grad_axxb(x, a, b):
    """∂f/∂x = (abᵀ + baᵀ) x, of shape (p,) like x."""
    return (np.outer(a, b) + np.outer(b, a)) @ x


# --8<-- [end:axxb]


# --8<-- [start:a_xox]
def f_a_xox(x, a):
    """f = aᵀ (x ∘ x), a number.  x: (p,); a: (p,)."""
    return a @ (x * x)


def grad_a_xox(x, a):
    """∂f/∂x = 2 a ∘ x, of shape (p,) like x."""
    return 2 * a * x


# --8<-- [end:a_xox]


# --8<-- [start:xAx_squared]
def f_xAx_squared(x, A):
    """f = (xᵀ A x)², a number.  x: (p,); A: (p, p)."""
    return (x @ A @ x) ** 2


def grad_xAx_squared(x, A):
    """∂f/∂x = 2 (xᵀ A x) (A + Aᵀ) x, of shape (p,) like x."""
    return 2 * (x @ A @ x) * (A + A.T) @ x


# --8<-- [end:xAx_squared]


# --8<-- [start:rayleigh]
def f_rayleigh(x, A):
    """f = xᵀAx / xᵀx (the Rayleigh quotient), a number.  x: (p,); A: (p, p)."""
    return (x @ A @ x) / (x @ x)


def grad_rayleigh(x, A):
    """∂f/∂x = 2 (Ax − (xᵀAx / xᵀx) x) / xᵀx, of shape (p,) like x."""
    return 2 * (A @ x - (x @ A @ x) / (x @ x) * x) / (x @ x)


# --8<-- [end:rayleigh]


# --8<-- [start:aXb]
def f_aXb(X, a, b):
    """f = aᵀ X b, a number.  X: (p, r); a: (p,); b: (r,)."""
    return a @ X @ b


def grad_aXb(X, a, b):
    """∂f/∂X = abᵀ, of shape (p, r) like X."""
    return np.outer(a, b)


# --8<-- [end:aXb]


# --8<-- [start:aXtb]
def f_aXtb(X, a, b):
    """f = aᵀ Xᵀ b, a number.  X: (p, r); a: (r,); b: (p,)."""
    return a @ X.T @ b


def grad_aXtb(X, a, b):
    """∂f/∂X = baᵀ, of shape (p, r) like X."""
    return np.outer(b, a)


# --8<-- [end:aXtb]


# --8<-- [start:aXa]
def f_aXa(X, a):
    """f = aᵀ X a, a number.  X: (n, n); a: (n,)."""
    return a @ X @ a


def grad_aXa(X, a):
    """∂f/∂X = aaᵀ, of shape (n, n) like X."""
    return np.outer(a, a)


# --8<-- [end:aXa]


# --8<-- [start:aXtXb]
def f_aXtXb(X, a, b):
    """f = aᵀ Xᵀ X b, a number.  X: (p, r); a: (r,); b: (r,)."""
    return a @ X.T @ X @ b


def grad_aXtXb(X, a, b):
    """∂f/∂X = X (abᵀ + baᵀ), of shape (p, r) like X."""
    return X @ (np.outer(a, b) + np.outer(b, a))


# --8<-- [end:aXtXb]


# --8<-- [start:aXXtb]
def f_aXXtb(X, a, b):
    """f = aᵀ X Xᵀ b, a number.  X: (p, r); a: (p,); b: (p,)."""
    return a @ X @ X.T @ b


def grad_aXXtb(X, a, b):
    """∂f/∂X = (abᵀ + baᵀ) X, of shape (p, r) like X."""
    return (np.outer(a, b) + np.outer(b, a)) @ X


# --8<-- [end:aXXtb]


# --8<-- [start:bXtCXc]
def f_bXtCXc(X, b, c, C):
    """f = bᵀ Xᵀ C X c, a number.  X: (p, r); b: (r,); c: (r,); C: (p, p)."""
    return b @ X.T @ C @ X @ c


def grad_bXtCXc(X, b, c, C):
    """∂f/∂X = C X c bᵀ + Cᵀ X b cᵀ, of shape (p, r) like X."""
    return C @ X @ np.outer(c, b) + C.T @ X @ np.outer(b, c)


# --8<-- [end:bXtCXc]


# --8<-- [start:sum_squared]
def f_sum_squared(X):
    """f = (1ᵀ X 1)², the square of the sum of all entries, a number.  X: (p, r)."""
    return X.sum() ** 2


def grad_sum_squared(X):
    """∂f/∂X = 2 (1ᵀ X 1) 1 1ᵀ: every entry is twice the sum; of shape (p, r) like X."""
    return 2 * X.sum() * np.ones_like(X)


# --8<-- [end:sum_squared]


# --8<-- [start:Xbc_quadratic]
def f_Xbc_quadratic(X, b, c, C):
    """f = (Xb + c)ᵀ C (Xb + c), a number.  X: (p, r); b: (r,); c: (p,); C: (p, p)."""
    return (X @ b + c) @ C @ (X @ b + c)


def grad_Xbc_quadratic(X, b, c, C):
    """∂f/∂X = (C + Cᵀ)(Xb + c) bᵀ, of shape (p, r) like X."""
    return np.outer((C + C.T) @ (X @ b + c), b)


# --8<-- [end:Xbc_quadratic]


# --8<-- [start:weighted_residual]
def f_weighted_residual(x, a, A, C):
    """f = (a − Ax)ᵀ C (a − Ax), a number.  x: (p,); a: (s,); A: (s, p); C: (s, s) symmetric."""
    return (a - A @ x) @ C @ (a - A @ x)


def grad_weighted_residual(x, a, A, C):
    """∂f/∂x = −2 Aᵀ C (a − Ax) for a symmetric C, of shape (p,) like x."""
    return -2 * A.T @ C @ (a - A @ x)


# --8<-- [end:weighted_residual]


# --8<-- [start:weighted_distance]
def f_weighted_distance(x, a, C):
    """f = (x − a)ᵀ C (x − a), a number.  x: (p,); a: (p,); C: (p, p) symmetric."""
    return (x - a) @ C @ (x - a)


def grad_weighted_distance(x, a, C):
    """∂f/∂x = 2 C (x − a) for a symmetric C, of shape (p,) like x."""
    return 2 * C @ (x - a)


# --8<-- [end:weighted_distance]


# --8<-- [start:aXkb]
def f_aXkb(X, a, b):
    """f = aᵀ X³ b, a number.  X: (n, n); a: (n,); b: (n,)."""
    return a @ X @ X @ X @ b


def grad_aXkb(X, a, b):
    """∂f/∂X = Σ_{k=0}^{2} (Xᵏ)ᵀ a bᵀ (X^{2−k})ᵀ = abᵀ(X²)ᵀ + Xᵀabᵀ Xᵀ + (X²)ᵀabᵀ; (n, n)."""
    ab = np.outer(a, b)
    return ab @ (X @ X).T + X.T @ ab @ X.T + (X @ X).T @ ab


# --8<-- [end:aXkb]


# --8<-- [start:aXktXkb]
def f_aXktXkb(X, a, b):
    """f = aᵀ (X²)ᵀ X² b = (X²a)ᵀ(X²b), a number.  X: (n, n); a: (n,); b: (n,)."""
    return (X @ X @ a) @ (X @ X @ b)


def grad_aXktXkb(X, a, b):
    """∂f/∂X = X² S Xᵀ + Xᵀ X² S with S = abᵀ + baᵀ, of shape (n, n) like X."""
    S = np.outer(a, b) + np.outer(b, a)
    return X @ X @ S @ X.T + X.T @ X @ X @ S


# --8<-- [end:aXktXkb]


# --8<-- [start:rayleigh_AB]
def f_rayleigh_AB(x, A, B):
    """f = xᵀAᵀAx / xᵀBᵀBx = ‖Ax‖² / ‖Bx‖², a number.  x: (p,); A: (s, p); B: (t, p)."""
    return ((A @ x) @ (A @ x)) / ((B @ x) @ (B @ x))


def grad_rayleigh_AB(x, A, B):
    """∂f/∂x = 2AᵀAx / xᵀBᵀBx − 2 (xᵀAᵀAx) BᵀBx / (xᵀBᵀBx)², of shape (p,) like x."""
    top, bottom = (A @ x) @ (A @ x), (B @ x) @ (B @ x)
    return 2 * (A.T @ (A @ x)) / bottom - 2 * top * (B.T @ (B @ x)) / (bottom * bottom)


# --8<-- [end:rayleigh_AB]


# --8<-- [start:lms]
def f_lms(x, b, upsilon):
    """f = (υ − xᵀb)², a number.  x: (p,); b: (p,); upsilon: a number (the target υ)."""
    return (upsilon - x @ b) ** 2


def grad_lms(x, b, upsilon):
    """∂f/∂x = −2b (υ − xᵀb), of shape (p,) like x."""
    return -2 * b * (upsilon - x @ b)


# --8<-- [end:lms]
# --8<-- [start:aXBXtc]
def f_aXBXtc(X, a, c, B):
    """f = aᵀ X B Xᵀ c, a number.  X: (p, r); a: (p,); c: (p,); B: (r, r)."""
    return a @ X @ B @ X.T @ c


def grad_aXBXtc(X, a, c, B):
    """∂f/∂X = a cᵀ X Bᵀ + c aᵀ X B, of shape (p, r) like X."""
    return np.outer(a, c) @ X @ B.T + np.outer(c, a) @ X @ B


# --8<-- [end:aXBXtc]


# --8<-- [start:numerator]
def numerator_ax(x, a):
    """The numerator-layout form of ∂f/∂x, the transpose: aᵀ."""
    return (a).reshape(1, -1)


def numerator_xa(x, a):
    """The numerator-layout form of ∂f/∂x, the transpose: aᵀ."""
    return (a).reshape(1, -1)


def numerator_xx(x):
    """The numerator-layout form of ∂f/∂x, the transpose: 2xᵀ."""
    return (2 * x).reshape(1, -1)


def numerator_aAx(x, a, A):
    """The numerator-layout form of ∂f/∂x, the transpose: aᵀ A."""
    return (a @ A).reshape(1, -1)


def numerator_xAb(x, A, b):
    """The numerator-layout form of ∂f/∂x, the transpose: bᵀ Aᵀ."""
    return (b @ A.T).reshape(1, -1)


def numerator_xAx(x, A):
    """The numerator-layout form of ∂f/∂x, the transpose: xᵀ (Aᵀ + A)."""
    return (x @ (A.T + A)).reshape(1, -1)


def numerator_xAx_sym(x, A):
    """The numerator-layout form of ∂f/∂x, the transpose: 2xᵀ A."""
    return (2 * x @ A).reshape(1, -1)


def numerator_quadratic(x, A, b):
    """The numerator-layout form of ∂f/∂x, the transpose: xᵀ A - bᵀ."""
    return (x @ A - b).reshape(1, -1)


def numerator_affine(x, A, b, C, B, e):
    """The numerator-layout form of ∂f/∂x, the transpose: (Bx + e)ᵀ Cᵀ A + (Ax + b)ᵀ C B."""
    return ((B @ x + e) @ C.T @ A + (A @ x + b) @ C @ B).reshape(1, -1)


def numerator_axxb(x, a, b):
    """The numerator-layout form of ∂f/∂x, the transpose: xᵀ (baᵀ + abᵀ)."""
    return (x @ (np.outer(b, a) + np.outer(a, b))).reshape(1, -1)


def numerator_a_xox(x, a):
    """The numerator-layout form of ∂f/∂x, the transpose: 2 (a ∘ x)ᵀ."""
    return (2 * a * x).reshape(1, -1)


def numerator_xAx_squared(x, A):
    """The numerator-layout form of ∂f/∂x, the transpose: 2 (xᵀ A x) xᵀ (Aᵀ + A)."""
    return (2 * (x @ A @ x) * x @ (A.T + A)).reshape(1, -1)


def numerator_rayleigh(x, A):
    """The numerator-layout form of ∂f/∂x, the transpose: 2 (xᵀA − (xᵀAx / xᵀx) xᵀ) / xᵀx."""
    return (2 * (x @ A - (x @ A @ x) / (x @ x) * x) / (x @ x)).reshape(1, -1)


def numerator_aXb(X, a, b):
    """The numerator-layout form of ∂f/∂X, the transpose: baᵀ."""
    return np.outer(b, a)


def numerator_aXtb(X, a, b):
    """The numerator-layout form of ∂f/∂X, the transpose: abᵀ."""
    return np.outer(a, b)


def numerator_aXa(X, a):
    """The numerator-layout form of ∂f/∂X, the transpose: aaᵀ."""
    return np.outer(a, a)


def numerator_aXtXb(X, a, b):
    """The numerator-layout form of ∂f/∂X, the transpose: (baᵀ + abᵀ) Xᵀ."""
    return (np.outer(b, a) + np.outer(a, b)) @ X.T


def numerator_aXXtb(X, a, b):
    """The numerator-layout form of ∂f/∂X, the transpose: Xᵀ (baᵀ + abᵀ)."""
    return X.T @ (np.outer(b, a) + np.outer(a, b))


def numerator_bXtCXc(X, b, c, C):
    """The numerator-layout form of ∂f/∂X, the transpose: b cᵀ Xᵀ Cᵀ + c bᵀ Xᵀ C."""
    return np.outer(b, c) @ X.T @ C.T + np.outer(c, b) @ X.T @ C


def numerator_sum_squared(X):
    """The numerator-layout form of ∂f/∂X, the transpose: 2 (1ᵀ X 1) 1 1ᵀ of shape (r, p)."""
    return 2 * X.sum() * np.ones_like(X.T)


def numerator_Xbc_quadratic(X, b, c, C):
    """The numerator-layout form of ∂f/∂X, the transpose: b (Xb + c)ᵀ (Cᵀ + C)."""
    return np.outer(b, (X @ b + c) @ (C.T + C))


def numerator_weighted_residual(x, a, A, C):
    """The numerator-layout form of ∂f/∂x, the transpose: −2 (a − Ax)ᵀ C A (C symmetric)."""
    return (-2 * (a - A @ x) @ C @ A).reshape(1, -1)


def numerator_weighted_distance(x, a, C):
    """The numerator-layout form of ∂f/∂x, the transpose: 2 (x − a)ᵀ C (C symmetric)."""
    return (2 * (x - a) @ C).reshape(1, -1)


def numerator_aXkb(X, a, b):
    """The numerator-layout form of ∂f/∂X, the transpose: X² b aᵀ + X b aᵀ X + b aᵀ X²."""
    ba = np.outer(b, a)
    return X @ X @ ba + X @ ba @ X + ba @ X @ X


def numerator_aXktXkb(X, a, b):
    """The numerator-layout form of ∂f/∂X, the transpose: X S (X²)ᵀ + S (X²)ᵀ X, S = abᵀ + baᵀ."""
    S = np.outer(a, b) + np.outer(b, a)
    return X @ S @ (X @ X).T + S @ (X @ X).T @ X


def numerator_rayleigh_AB(x, A, B):
    """The numerator-layout form of ∂f/∂x, the transpose of the gradient: a 1 × p row."""
    top, bottom = (A @ x) @ (A @ x), (B @ x) @ (B @ x)
    row = 2 * ((A @ x) @ A) / bottom - 2 * top * ((B @ x) @ B) / (bottom * bottom)
    return row.reshape(1, -1)


def numerator_lms(x, b, upsilon):
    """The numerator-layout form of ∂f/∂x, the transpose: −2 (υ − xᵀb) bᵀ."""
    return (-2 * (upsilon - x @ b) * b).reshape(1, -1)


def numerator_aXBXtc(X, a, c, B):
    """The numerator-layout form of ∂f/∂X, the transpose: B Xᵀ c aᵀ + Bᵀ Xᵀ a cᵀ."""
    return B @ X.T @ np.outer(c, a) + B.T @ X.T @ np.outer(a, c)


# --8<-- [end:numerator]
