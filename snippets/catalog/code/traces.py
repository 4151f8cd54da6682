"""Traces, as code you can copy: ∂ tr(·)/∂X for traces linear, bilinear and quadratic in X, powers
of X, and traces of Kronecker and Hadamard products.

Each entry of docs/catalog/traces.md is one section of this file (between its `# --8<--
[start:<name>]` and `[end:<name>]` markers): f and its gradient as plain numpy functions, the
formula and the shapes in their docstrings. A section needs numpy only; copy it, and check it
with snippets/catalog/code/check.py as the page shows. The last section holds the numerator-
layout forms (the transposes) that the page also states.

Sizes: p, r, s, t are distinct dimensions; a square X is n × n. The site's registry
(snippets/catalog/registry.py) refers to these functions and checks each one when it builds.
"""

import numpy as np


# --8<-- [start:X]
def f_X(X):
    """f = tr(X), a number.  X: (n, n)."""
    return np.trace(X)


def grad_X(X):
    """∂f/∂X = I, of shape (n, n) like X."""
    return np.eye(X.shape[0], dtype=X.dtype)


# --8<-- [end:X]


# --8<-- [start:AX]
def f_AX(X, A):
    """f = tr(AX), a number.  X: (p, r); A: (r, p)."""
    return np.trace(A @ X)


def grad_AX(X, A):
    """∂f/∂X = Aᵀ, of shape (p, r) like X."""
    return A.T


# --8<-- [end:AX]


# --8<-- [start:XA]
def f_XA(X, A):
    """f = tr(XA), a number.  X: (p, r); A: (r, p)."""
    return np.trace(X @ A)


def grad_XA(X, A):
    """∂f/∂X = Aᵀ, of shape (p, r) like X."""
    return A.T


# --8<-- [end:XA]


# --8<-- [start:XtA]
def f_XtA(X, A):
    """f = tr(Xᵀ A), a number.  X: (p, r); A: (p, r)."""
    return np.trace(X.T @ A)


def grad_XtA(X, A):
    """∂f/∂X = A, of shape (p, r) like X."""
    return A


# --8<-- [end:XtA]


# --8<-- [start:AXt]
def f_AXt(X, A):
    """f = tr(AXᵀ), a number.  X: (p, r); A: (p, r)."""
    return np.trace(A @ X.T)


def grad_AXt(X, A):
    """∂f/∂X = A, of shape (p, r) like X."""
    return A


# --8<-- [end:AXt]


# --8<-- [start:AXB]
def f_AXB(X, A, B):
    """f = tr(AXB), a number.  X: (p, r); A: (s, p); B: (r, s)."""
    return np.trace(A @ X @ B)


def grad_AXB(X, A, B):
    """∂f/∂X = Aᵀ Bᵀ, of shape (p, r) like X."""
    return A.T @ B.T


# --8<-- [end:AXB]


# --8<-- [start:AXtB]
def f_AXtB(X, A, B):
    """f = tr(AXᵀ B), a number.  X: (p, r); A: (s, r); B: (p, s)."""
    return np.trace(A @ X.T @ B)


def grad_AXtB(X, A, B):
    """∂f/∂X = BA, of shape (p, r) like X."""
    return B @ A


# --8<-- [end:AXtB]


# --8<-- [start:XtX]
def f_XtX(X):
    """f = tr(Xᵀ X), a number.  X: (p, r)."""
    return np.trace(X.T @ X)


def grad_XtX(X):
    """∂f/∂X = 2X, of shape (p, r) like X."""
    return 2 * X


# --8<-- [end:XtX]


# --8<-- [start:XtAX]
def f_XtAX(X, A):
    """f = tr(Xᵀ A X), a number.  X: (p, r); A: (p, p)."""
    return np.trace(X.T @ A @ X)


def grad_XtAX(X, A):
    """∂f/∂X = (A + Aᵀ) X, of shape (p, r) like X."""
    return (A + A.T) @ X


# --8<-- [end:XtAX]


# --8<-- [start:XtAX_sym]
def f_XtAX_sym(X, A):
    """f = tr(Xᵀ A X), a number.  X: (p, r); A: (p, p)."""
    return np.trace(X.T @ A @ X)


def grad_XtAX_sym(X, A):
    """∂f/∂X = 2AX, of shape (p, r) like X."""
    return 2 * A @ X


# --8<-- [end:XtAX_sym]


# --8<-- [start:XAXt]
def f_XAXt(X, A):
    """f = tr(X A Xᵀ), a number.  X: (p, r); A: (r, r)."""
    return np.trace(X @ A @ X.T)


def grad_XAXt(X, A):
    """∂f/∂X = X (A + Aᵀ), of shape (p, r) like X."""
    return X @ (A + A.T)


# --8<-- [end:XAXt]


# --8<-- [start:XtBXC]
def f_XtBXC(X, B, C):
    """f = tr(Xᵀ B X C), a number.  X: (p, r); B: (p, p); C: (r, r)."""
    return np.trace(X.T @ B @ X @ C)


def grad_XtBXC(X, B, C):
    """∂f/∂X = BXC + Bᵀ X Cᵀ, of shape (p, r) like X."""
    return B @ X @ C + B.T @ X @ C.T


# --8<-- [end:XtBXC]


# --8<-- [start:AXBX]
def f_AXBX(X, A, B):
    """f = tr(AXBX), a number.  X: (p, r); A: (r, p); B: (r, p)."""
    return np.trace(A @ X @ B @ X)


def grad_AXBX(X, A, B):
    """∂f/∂X = Aᵀ Xᵀ Bᵀ + Bᵀ Xᵀ Aᵀ, of shape (p, r) like X."""
    return A.T @ X.T @ B.T + B.T @ X.T @ A.T


# --8<-- [end:AXBX]


# --8<-- [start:AXBXtC]
def f_AXBXtC(X, A, B, C):
    """f = tr(A X B Xᵀ C), a number.  X: (p, r); A: (s, p); B: (r, r); C: (p, s)."""
    return np.trace(A @ X @ B @ X.T @ C)


def grad_AXBXtC(X, A, B, C):
    """∂f/∂X = Aᵀ Cᵀ X Bᵀ + C A X B, of shape (p, r) like X."""
    return A.T @ C.T @ X @ B.T + C @ A @ X @ B


# --8<-- [end:AXBXtC]


# --8<-- [start:X2]
def f_X2(X):
    """f = tr(X²), a number.  X: (n, n)."""
    return np.trace(X @ X)


def grad_X2(X):
    """∂f/∂X = 2Xᵀ, of shape (n, n) like X."""
    return 2 * X.T


# --8<-- [end:X2]


# --8<-- [start:X3]
def f_X3(X):
    """f = tr(X³), a number.  X: (n, n)."""
    return np.trace(X @ X @ X)


def grad_X3(X):
    """∂f/∂X = 3 (X²)ᵀ, of shape (n, n) like X."""
    return 3 * (X @ X).T


# --8<-- [end:X3]


# --8<-- [start:Xk]
def f_Xk(X, k):
    """f = tr(Xᵏ̄), a number, for an integer power k̄ = k ≥ 1.  X: (n, n)."""
    return np.trace(np.linalg.matrix_power(X, k))


def grad_Xk(X, k):
    """∂f/∂X = k̄ (X^(k̄ − 1))ᵀ, of shape (n, n) like X (X⁰ = I)."""
    return k * np.linalg.matrix_power(X, k - 1).T


# --8<-- [end:Xk]


# --8<-- [start:AX2]
def f_AX2(X, A):
    """f = tr(AX²), a number.  X: (n, n); A: (n, n)."""
    return np.trace(A @ X @ X)


def grad_AX2(X, A):
    """∂f/∂X = Aᵀ Xᵀ + Xᵀ Aᵀ, of shape (n, n) like X."""
    return A.T @ X.T + X.T @ A.T


# --8<-- [end:AX2]


# --8<-- [start:XkronA]
def f_XkronA(X, A):
    """f = tr(X ⊗ A), a number.  X: (n, n); A: (r, r)."""
    return np.trace(np.kron(X, A))


def grad_XkronA(X, A):
    """∂f/∂X = tr(A) I, of shape (n, n) like X."""
    return np.trace(A) * np.eye(X.shape[0], dtype=X.dtype)


# --8<-- [end:XkronA]


# --8<-- [start:hadamard]
def f_hadamard(X, A, B):
    """f = tr((A ∘ X) B), a number.  X: (p, r); A: (p, r); B: (r, p)."""
    return np.trace((A * X) @ B)


def grad_hadamard(X, A, B):
    """∂f/∂X = A ∘ Bᵀ, of shape (p, r) like X."""
    return A * B.T


# --8<-- [end:hadamard]


# --8<-- [start:A_XoX]
def f_A_XoX(X, A):
    """f = tr(A (X ∘ X)), a number.  X: (p, r); A: (r, p)."""
    return np.trace(A @ (X * X))


def grad_A_XoX(X, A):
    """∂f/∂X = 2 Aᵀ ∘ X, of shape (p, r) like X."""
    return 2 * A.T * X


# --8<-- [end:A_XoX]


# --8<-- [start:AXk]
def f_AXk(X, A, k):
    """f = tr(A Xᵏ̄), a number, for an integer power k̄ = k ≥ 1.  X: (n, n); A: (n, n)."""
    return np.trace(A @ np.linalg.matrix_power(X, k))


def grad_AXk(X, A, k):
    """∂f/∂X = Σ_{i=0}^{k̄−1} (Xⁱ A X^(k̄−1−i))ᵀ, of shape (n, n) like X (X⁰ = I)."""
    power = [np.linalg.matrix_power(X, i) for i in range(k)]
    return sum((power[i] @ A @ power[k - 1 - i]).T for i in range(k))


# --8<-- [end:AXk]


# --8<-- [start:XkronX]
def f_XkronX(X):
    """f = tr(X ⊗ X) = tr(X)², a number.  X: (n, n)."""
    return np.trace(np.kron(X, X))


def grad_XkronX(X):
    """∂f/∂X = 2 tr(X) I, of shape (n, n) like X."""
    return 2 * np.trace(X) * np.eye(X.shape[0], dtype=X.dtype)


# --8<-- [end:XkronX]


# --8<-- [start:BtXtCXXtCXB]
def f_BtXtCXXtCXB(X, B, C):
    """f = tr(Bᵀ Xᵀ C X Xᵀ C X B), a number.  X: (p, r); B: (r, s); C: (p, p)."""
    return np.trace(B.T @ X.T @ C @ X @ X.T @ C @ X @ B)


def grad_BtXtCXXtCXB(X, B, C):
    """∂f/∂X = C X Xᵀ C X B Bᵀ + Cᵀ X B Bᵀ Xᵀ Cᵀ X + C X B Bᵀ Xᵀ C X + Cᵀ X Xᵀ Cᵀ X B Bᵀ,
    of shape (p, r) like X."""
    BBt = B @ B.T
    return (
        C @ X @ X.T @ C @ X @ BBt
        + C.T @ X @ BBt @ X.T @ C.T @ X
        + C @ X @ BBt @ X.T @ C @ X
        + C.T @ X @ X.T @ C.T @ X @ BBt
    )


# --8<-- [end:BtXtCXXtCXB]


# --8<-- [start:XtCXinv_A]
def f_XtCXinv_A(X, A, C):
    """f = tr((XᵀCX)⁻¹ A), a number.  X: (p, r), p > r; A: (r, r); C: (p, p); XᵀCX invertible."""
    return np.trace(np.linalg.inv(X.T @ C @ X) @ A)


def grad_XtCXinv_A(X, A, C):
    """∂f/∂X = −C X K − Cᵀ X Kᵀ with M = XᵀCX and K = M⁻¹ A M⁻¹, of shape (p, r) like X."""
    Minv = np.linalg.inv(X.T @ C @ X)
    K = Minv @ A @ Minv
    return -C @ X @ K - C.T @ X @ K.T


# --8<-- [end:XtCXinv_A]


# --8<-- [start:XtCXinv_XtBX]
def f_XtCXinv_XtBX(X, B, C):
    """f = tr((XᵀCX)⁻¹ XᵀBX), a number.  X: (p, r), p > r; B, C: (p, p); XᵀCX invertible."""
    return np.trace(np.linalg.inv(X.T @ C @ X) @ X.T @ B @ X)


def grad_XtCXinv_XtBX(X, B, C):
    """∂f/∂X = B X M⁻¹ + Bᵀ X M⁻ᵀ − C X K − Cᵀ X Kᵀ, with M = XᵀCX and K = M⁻¹ XᵀBX M⁻¹;
    of shape (p, r) like X."""
    Minv = np.linalg.inv(X.T @ C @ X)
    K = Minv @ X.T @ B @ X @ Minv
    return B @ X @ Minv + B.T @ X @ Minv.T - C @ X @ K - C.T @ X @ K.T


# --8<-- [end:XtCXinv_XtBX]


# --8<-- [start:AplusXtCXinv_XtBX]
def f_AplusXtCXinv_XtBX(X, A, B, C):
    """f = tr((A + XᵀCX)⁻¹ XᵀBX), a number.  X: (p, r); A: (r, r); B, C: (p, p);
    A + XᵀCX invertible."""
    return np.trace(np.linalg.inv(A + X.T @ C @ X) @ X.T @ B @ X)


def grad_AplusXtCXinv_XtBX(X, A, B, C):
    """∂f/∂X = B X M⁻¹ + Bᵀ X M⁻ᵀ − C X K − Cᵀ X Kᵀ, with M = A + XᵀCX and
    K = M⁻¹ XᵀBX M⁻¹; of shape (p, r) like X."""
    Minv = np.linalg.inv(A + X.T @ C @ X)
    K = Minv @ X.T @ B @ X @ Minv
    return B @ X @ Minv + B.T @ X @ Minv.T - C @ X @ K - C.T @ X @ K.T


# --8<-- [end:AplusXtCXinv_XtBX]


# --8<-- [start:sinX]
def sin_and_cos(X):
    """sin X and cos X by their Taylor series at X/2ˢ, then s doublings
    (sin 2Y = 2 sin Y cos Y, cos 2Y = I − 2 sin² Y): products and sums only."""
    n = X.shape[0]
    s = max(0, int(np.ceil(np.log2(max(np.abs(X).sum(axis=0).max(), 1e-300)))) + 1)
    Y = X / 2**s
    S, C, term = Y, np.eye(n), Y
    for i in range(1, 20):
        term = -term @ Y / (2 * i)  # Y^(2i)/(2i)!, with its sign
        C = C + term
        term = term @ Y / (2 * i + 1)  # Y^(2i+1)/(2i+1)!
        S = S + term
    for _ in range(s):
        S, C = 2 * S @ C, np.eye(n) - 2 * S @ S
    return S, C


def f_sinX(X):
    """f = tr(sin X), a number, sin X by its power series.  X: (n, n)."""
    return np.trace(sin_and_cos(X)[0])


def grad_sinX(X):
    """∂f/∂X = (cos X)ᵀ, of shape (n, n) like X: cos X through an eigendecomposition
    X = V diag(λ) V⁻¹ (X diagonalizable), cos X = V diag(cos λ) V⁻¹."""
    lam, V = np.linalg.eig(X)
    return np.real(V @ np.diag(np.cos(lam)) @ np.linalg.inv(V)).T


# --8<-- [end:sinX]


# --8<-- [start:expX]
def expm_series(X):
    """e^X by scaling and squaring: the Taylor series at X/2ˢ, squared s times."""
    s = max(0, int(np.ceil(np.log2(max(np.abs(X).sum(axis=0).max(), 1e-300)))) + 1)
    Y = X / 2**s
    E, term = np.eye(X.shape[0]), np.eye(X.shape[0])
    for i in range(1, 20):
        term = term @ Y / i
        E = E + term
    for _ in range(s):
        E = E @ E
    return E


def f_expX(X):
    """f = tr(e^X), a number, e^X by its power series.  X: (n, n)."""
    return np.trace(expm_series(X))


def grad_expX(X):
    """∂f/∂X = (e^X)ᵀ, of shape (n, n) like X: e^X through an eigendecomposition
    X = V diag(λ) V⁻¹ (X diagonalizable), e^X = V diag(e^λ) V⁻¹."""
    lam, V = np.linalg.eig(X)
    return np.real(V @ np.diag(np.exp(lam)) @ np.linalg.inv(V)).T


# --8<-- [end:expX]


# --8<-- [start:numerator]
def numerator_X(X):
    """The numerator-layout form of ∂f/∂X, the transpose: I."""
    return np.eye(X.shape[0], dtype=X.dtype)


def numerator_AX(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: A."""
    return A


def numerator_XA(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: A."""
    return A


def numerator_XtA(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: Aᵀ."""
    return A.T


def numerator_AXt(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: Aᵀ."""
    return A.T


def numerator_AXB(X, A, B):
    """The numerator-layout form of ∂f/∂X, the transpose: BA."""
    return B @ A


def numerator_AXtB(X, A, B):
    """The numerator-layout form of ∂f/∂X, the transpose: Aᵀ Bᵀ."""
    return A.T @ B.T


def numerator_XtX(X):
    """The numerator-layout form of ∂f/∂X, the transpose: 2Xᵀ."""
    return 2 * X.T


def numerator_XtAX(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: Xᵀ (Aᵀ + A)."""
    return X.T @ (A.T + A)


def numerator_XtAX_sym(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: 2Xᵀ A."""
    return 2 * X.T @ A


def numerator_XAXt(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: (Aᵀ + A) Xᵀ."""
    return (A.T + A) @ X.T


def numerator_XtBXC(X, B, C):
    """The numerator-layout form of ∂f/∂X, the transpose: Cᵀ Xᵀ Bᵀ + C Xᵀ B."""
    return C.T @ X.T @ B.T + C @ X.T @ B


def numerator_AXBX(X, A, B):
    """The numerator-layout form of ∂f/∂X, the transpose: BXA + AXB."""
    return B @ X @ A + A @ X @ B


def numerator_AXBXtC(X, A, B, C):
    """The numerator-layout form of ∂f/∂X, the transpose: B Xᵀ C A + Bᵀ Xᵀ Aᵀ Cᵀ."""
    return B @ X.T @ C @ A + B.T @ X.T @ A.T @ C.T


def numerator_X2(X):
    """The numerator-layout form of ∂f/∂X, the transpose: 2X."""
    return 2 * X


def numerator_X3(X):
    """The numerator-layout form of ∂f/∂X, the transpose: 3X²."""
    return 3 * X @ X


def numerator_AX2(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: XA + AX."""
    return X @ A + A @ X


def numerator_XkronA(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: tr(A) I."""
    return np.trace(A) * np.eye(X.shape[0], dtype=X.dtype)


def numerator_hadamard(X, A, B):
    """The numerator-layout form of ∂f/∂X, the transpose: Aᵀ ∘ B."""
    return A.T * B


def numerator_A_XoX(X, A):
    """The numerator-layout form of ∂f/∂X, the transpose: 2 A ∘ Xᵀ."""
    return 2 * A * X.T


def numerator_Xk(X, k):
    """The numerator-layout form of ∂f/∂X, the transpose: k̄ X^(k̄ − 1)."""
    return k * np.linalg.matrix_power(X, k - 1)


def numerator_AXk(X, A, k):
    """The numerator-layout form of ∂f/∂X, the transpose: Σ_{i=0}^{k̄−1} Xⁱ A X^(k̄−1−i)."""
    power = [np.linalg.matrix_power(X, i) for i in range(k)]
    return sum(power[i] @ A @ power[k - 1 - i] for i in range(k))


def numerator_XkronX(X):
    """The numerator-layout form of ∂f/∂X, the transpose: 2 tr(X) I."""
    return 2 * np.trace(X) * np.eye(X.shape[0], dtype=X.dtype)


def numerator_BtXtCXXtCXB(X, B, C):
    """The numerator-layout form of ∂f/∂X, the transpose:
    B Bᵀ Xᵀ Cᵀ X Xᵀ Cᵀ + Xᵀ C X B Bᵀ Xᵀ C + Xᵀ Cᵀ X B Bᵀ Xᵀ Cᵀ + B Bᵀ Xᵀ C X Xᵀ C."""
    BBt = B @ B.T
    return (
        BBt @ X.T @ C.T @ X @ X.T @ C.T
        + X.T @ C @ X @ BBt @ X.T @ C
        + X.T @ C.T @ X @ BBt @ X.T @ C.T
        + BBt @ X.T @ C @ X @ X.T @ C
    )


def numerator_XtCXinv_A(X, A, C):
    """The numerator-layout form of ∂f/∂X, the transpose: −Kᵀ Xᵀ Cᵀ − K Xᵀ C
    (M = XᵀCX, K = M⁻¹ A M⁻¹)."""
    Minv = np.linalg.inv(X.T @ C @ X)
    K = Minv @ A @ Minv
    return -K.T @ X.T @ C.T - K @ X.T @ C


def numerator_XtCXinv_XtBX(X, B, C):
    """The numerator-layout form of ∂f/∂X, the transpose:
    M⁻ᵀ Xᵀ Bᵀ + M⁻¹ Xᵀ B − Kᵀ Xᵀ Cᵀ − K Xᵀ C (M = XᵀCX, K = M⁻¹ XᵀBX M⁻¹)."""
    Minv = np.linalg.inv(X.T @ C @ X)
    K = Minv @ X.T @ B @ X @ Minv
    return Minv.T @ X.T @ B.T + Minv @ X.T @ B - K.T @ X.T @ C.T - K @ X.T @ C


def numerator_AplusXtCXinv_XtBX(X, A, B, C):
    """The numerator-layout form of ∂f/∂X, the transpose:
    M⁻ᵀ Xᵀ Bᵀ + M⁻¹ Xᵀ B − Kᵀ Xᵀ Cᵀ − K Xᵀ C (M = A + XᵀCX, K = M⁻¹ XᵀBX M⁻¹)."""
    Minv = np.linalg.inv(A + X.T @ C @ X)
    K = Minv @ X.T @ B @ X @ Minv
    return Minv.T @ X.T @ B.T + Minv @ X.T @ B - K.T @ X.T @ C.T - K @ X.T @ C


def numerator_sinX(X):
    """The numerator-layout form of ∂f/∂X, the transpose: cos X (by eigendecomposition)."""
    lam, V = np.linalg.eig(X)
    return np.real(V @ np.diag(np.cos(lam)) @ np.linalg.inv(V))


def numerator_expX(X):
    """The numerator-layout form of ∂f/∂X, the transpose: e^X (by eigendecomposition)."""
    lam, V = np.linalg.eig(X)
    return np.real(V @ np.diag(np.exp(lam)) @ np.linalg.inv(V))


# --8<-- [end:numerator]
