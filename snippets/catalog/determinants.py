"""Catalogue family "determinants": gradients of det, log|det| and determinants of products.

Every identity here follows from Jacobi's formula d det(M) = det(M) tr(M⁻¹ dM), for M square
and invertible. Gradients are in our layout (the shape of the variable); `numerator` is the
same derivative in numerator layout, written as its own formula (the transpose).

The exact formulas use snippets.catalog.linalg's inv and det, so that they also run on
matrices of Fractions and SymPy symbols.
"""

import numpy as np

from snippets.catalog.entry import Identity
from snippets.catalog.linalg import det, inv

FAMILY = "determinants"


# --8<-- [start:samples]
def invertible(rng: np.random.Generator, n: int, sign: int = 0) -> np.ndarray:
    """A random n × n matrix U diag(s) Vᵀ with U, V orthogonal and s in [1, 2].

    Its condition number is at most 2, so inverses and finite differences are accurate.
    sign = +1 or −1 forces the sign of the determinant; 0 leaves it random.
    """
    U, _ = np.linalg.qr(rng.standard_normal((n, n)))
    V, _ = np.linalg.qr(rng.standard_normal((n, n)))
    X = U @ np.diag(rng.uniform(1.0, 2.0, n)) @ V.T
    if sign and np.sign(np.linalg.det(X)) != sign:
        X[0] = -X[0]
    return X


def dims(square: int | None, *sizes: int) -> tuple[int, ...]:
    """The default sizes, or every size equal to `square` (where only numbers show a transpose)."""
    return sizes if square is None else (square,) * len(sizes)


def full_rank(rng: np.random.Generator, m: int, n: int) -> np.ndarray:
    """A random m × n matrix of full rank min(m, n), singular values in [1, 2]."""
    k = min(m, n)
    U, _ = np.linalg.qr(rng.standard_normal((m, k)))
    V, _ = np.linalg.qr(rng.standard_normal((n, k)))
    return U @ np.diag(rng.uniform(1.0, 2.0, k)) @ V.T


# --8<-- [end:samples]


# --8<-- [start:det]
DET = Identity(
    id="determinants.det",
    family=FAMILY,
    title="determinant",
    tex=r"\frac{\partial \det X}{\partial X} = \det(X)\, X^{-\top}",
    tex_numerator=r"\frac{\partial \det X}{\partial X} = \det(X)\, X^{-1}",
    conditions=("X: n × n, invertible",),
    variable="X",
    f=lambda X: det(X),
    grad=lambda X: det(X) * inv(X).T,
    numerator=lambda X: det(X) * inv(X),
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4))},
    exact="rational",
)
# --8<-- [end:det]


# --8<-- [start:det_AXB]
def _det_AXB_grad(X, A, B):
    """det(AXB) Aᵀ (AXB)⁻ᵀ Bᵀ; A: (s, p), X: (p, r), B: (r, s)."""
    M = A @ X @ B
    return det(M) * (A.T @ inv(M).T @ B.T)


def _sample_AXB(rng, square=None):
    """X: (p, r) = (4, 5), A: (s, p), B: (r, s) with s = 3; all n × n for square=n."""
    s, p, r = dims(square, 3, 4, 5)
    return {"X": full_rank(rng, p, r), "A": full_rank(rng, s, p), "B": full_rank(rng, r, s)}


DET_AXB = Identity(
    id="determinants.det_AXB",
    family=FAMILY,
    title="determinant of a product AXB",
    tex=r"\frac{\partial \det(AXB)}{\partial X} = \det(AXB)\, A^\top (AXB)^{-\top} B^\top",
    tex_numerator=r"\frac{\partial \det(AXB)}{\partial X} = \det(AXB)\, B (AXB)^{-1} A",
    conditions=("A: s × p, X: p × r, B: r × s", "AXB invertible (so s ≤ p and s ≤ r)"),
    variable="X",
    f=lambda X, A, B: det(A @ X @ B),
    grad=_det_AXB_grad,
    numerator=lambda X, A, B: det(A @ X @ B) * (B @ inv(A @ X @ B) @ A),
    sample=_sample_AXB,
    exact="rational",
)
# --8<-- [end:det_AXB]


# --8<-- [start:det_XtX]
DET_XTX = Identity(
    id="determinants.det_XtX",
    family=FAMILY,
    title="Gram determinant det(XᵀX)",
    tex=r"\frac{\partial \det(X^\top X)}{\partial X} = 2 \det(X^\top X)\, X (X^\top X)^{-1}",
    tex_numerator=r"\frac{\partial \det(X^\top X)}{\partial X}"
    r" = 2 \det(X^\top X)\, (X^\top X)^{-1} X^\top",
    conditions=("X: m × n with m > n, full column rank",),
    variable="X",
    f=lambda X: det(X.T @ X),
    grad=lambda X: 2 * det(X.T @ X) * (X @ inv(X.T @ X)),
    numerator=lambda X: 2 * det(X.T @ X) * (inv(X.T @ X) @ X.T),
    sample=lambda rng, square=None: {"X": full_rank(rng, *dims(square, 5, 3))},
    exact="rational",
)
# --8<-- [end:det_XtX]


# --8<-- [start:det_XXt]
DET_XXT = Identity(
    id="determinants.det_XXt",
    family=FAMILY,
    title="Gram determinant det(XXᵀ)",
    tex=r"\frac{\partial \det(X X^\top)}{\partial X} = 2 \det(X X^\top)\, (X X^\top)^{-1} X",
    tex_numerator=r"\frac{\partial \det(X X^\top)}{\partial X}"
    r" = 2 \det(X X^\top)\, X^\top (X X^\top)^{-1}",
    conditions=("X: m × n with m < n, full row rank",),
    variable="X",
    f=lambda X: det(X @ X.T),
    grad=lambda X: 2 * det(X @ X.T) * (inv(X @ X.T) @ X),
    numerator=lambda X: 2 * det(X @ X.T) * (X.T @ inv(X @ X.T)),
    sample=lambda rng, square=None: {"X": full_rank(rng, *dims(square, 3, 5))},
    exact="rational",
)
# --8<-- [end:det_XXt]


# --8<-- [start:logabsdet]
LOGABSDET = Identity(
    id="determinants.logabsdet",
    family=FAMILY,
    title="log of the absolute determinant",
    tex=r"\frac{\partial \log \lvert \det X \rvert}{\partial X} = X^{-\top}",
    tex_numerator=r"\frac{\partial \log \lvert \det X \rvert}{\partial X} = X^{-1}",
    conditions=("X: n × n, invertible; det X may be negative",),
    variable="X",
    f=lambda X: np.log(abs(det(X))),
    grad=lambda X: inv(X).T,
    numerator=lambda X: inv(X),
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4), sign=-1)},
)
# --8<-- [end:logabsdet]


# --8<-- [start:logdet_XtX]
LOGDET_XTX = Identity(
    id="determinants.logdet_XtX",
    family=FAMILY,
    title="log of the Gram determinant",
    tex=r"\frac{\partial \log \det(X^\top X)}{\partial X} = 2 X (X^\top X)^{-1}",
    tex_numerator=r"\frac{\partial \log \det(X^\top X)}{\partial X} = 2 (X^\top X)^{-1} X^\top",
    conditions=("X: m × n with m > n, full column rank",),
    variable="X",
    f=lambda X: np.log(det(X.T @ X)),
    grad=lambda X: 2 * X @ inv(X.T @ X),
    numerator=lambda X: 2 * inv(X.T @ X) @ X.T,
    sample=lambda rng, square=None: {"X": full_rank(rng, *dims(square, 5, 3))},
)
# --8<-- [end:logdet_XtX]


# --8<-- [start:logabsdet_AXB]
LOGABSDET_AXB = Identity(
    id="determinants.logabsdet_AXB",
    family=FAMILY,
    title="log of the absolute determinant of AXB",
    tex=r"\frac{\partial \log \lvert \det(AXB) \rvert}{\partial X} = A^\top (AXB)^{-\top} B^\top",
    tex_numerator=r"\frac{\partial \log \lvert \det(AXB) \rvert}{\partial X} = B (AXB)^{-1} A",
    conditions=("A: s × p, X: p × r, B: r × s", "AXB invertible"),
    variable="X",
    f=lambda X, A, B: np.log(abs(det(A @ X @ B))),
    grad=lambda X, A, B: A.T @ inv(A @ X @ B).T @ B.T,
    numerator=lambda X, A, B: B @ inv(A @ X @ B) @ A,
    sample=_sample_AXB,
)
# --8<-- [end:logabsdet_AXB]


# --8<-- [start:det_X2]
DET_X2 = Identity(
    id="determinants.det_X2",
    family=FAMILY,
    title="determinant of a square X²",
    tex=r"\frac{\partial \det(X^2)}{\partial X} = 2 \det(X)^2\, X^{-\top}",
    tex_numerator=r"\frac{\partial \det(X^2)}{\partial X} = 2 \det(X)^2\, X^{-1}",
    conditions=("X: n × n, invertible",),
    variable="X",
    f=lambda X: det(X @ X),
    grad=lambda X: 2 * det(X) ** 2 * inv(X).T,
    numerator=lambda X: 2 * det(X) ** 2 * inv(X),
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4))},
    exact="rational",
)
# --8<-- [end:det_X2]


# --8<-- [start:det_Xk]
K = 3  # the power checked; the identity holds for every integer k ≥ 1


def _det_Xk(X):
    """det(X^K) for X: (n, n), by K − 1 products."""
    P = X
    for _ in range(K - 1):
        P = P @ X
    return det(P)


DET_XK = Identity(
    id="determinants.det_Xk",
    family=FAMILY,
    title="determinant of a power Xᵏ",
    tex=r"\frac{\partial \det(X^k)}{\partial X} = k \det(X)^k\, X^{-\top}",
    tex_numerator=r"\frac{\partial \det(X^k)}{\partial X} = k \det(X)^k\, X^{-1}",
    conditions=("X: n × n, invertible", "k a positive integer (checked at k = 3)"),
    variable="X",
    f=_det_Xk,
    grad=lambda X: K * det(X) ** K * inv(X).T,
    numerator=lambda X: K * det(X) ** K * inv(X),
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4))},
    exact="rational",
)
# --8<-- [end:det_Xk]


# --8<-- [start:det_inv]
DET_INV = Identity(
    id="determinants.det_inv",
    family=FAMILY,
    title="determinant of the inverse",
    tex=r"\frac{\partial \det(X^{-1})}{\partial X} = -\det(X)^{-1}\, X^{-\top}",
    tex_numerator=r"\frac{\partial \det(X^{-1})}{\partial X} = -\det(X)^{-1}\, X^{-1}",
    conditions=("X: n × n, invertible",),
    variable="X",
    f=lambda X: det(inv(X)),
    grad=lambda X: -inv(X).T / det(X),
    numerator=lambda X: -inv(X) / det(X),
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4))},
    exact="rational",
)
# --8<-- [end:det_inv]


# --8<-- [start:det_XtAX]
def _det_XtAX_grad(X, A):
    """det(M) (A X M⁻¹ + Aᵀ X M⁻ᵀ) with M = XᵀAX; X: (m, n), A: (m, m)."""
    M_inv = inv(X.T @ A @ X)
    return det(X.T @ A @ X) * (A @ X @ M_inv + A.T @ X @ M_inv.T)


def _det_XtAX_numerator(X, A):
    """det(M) (M⁻ᵀ Xᵀ Aᵀ + M⁻¹ Xᵀ A) with M = XᵀAX: the transpose of the gradient."""
    M_inv = inv(X.T @ A @ X)
    return det(X.T @ A @ X) * (M_inv.T @ X.T @ A.T + M_inv @ X.T @ A)


def _positive_part(rng, m):
    """An m × m matrix with a positive definite symmetric part and a random skew part."""
    S, N = full_rank(rng, m, m), rng.standard_normal((m, m))
    return S @ S.T + N - N.T


def _sample_XtAX(rng, square=None):
    m, n = dims(square, 5, 3)
    return {"X": full_rank(rng, m, n), "A": _positive_part(rng, m)}


DET_XTAX = Identity(
    id="determinants.det_XtAX",
    family=FAMILY,
    title="determinant of XᵀAX",
    tex=r"\frac{\partial \det(X^\top A X)}{\partial X}"
    r" = \det(M) \left(A X M^{-1} + A^\top X M^{-\top}\right), \quad M = X^\top A X",
    tex_numerator=r"\frac{\partial \det(X^\top A X)}{\partial X}"
    r" = \det(M) \left(M^{-\top} X^\top A^\top + M^{-1} X^\top A\right)",
    conditions=("X: m × n, A: m × m (not symmetric)", "M = XᵀAX invertible"),
    variable="X",
    f=lambda X, A: det(X.T @ A @ X),
    grad=_det_XtAX_grad,
    numerator=_det_XtAX_numerator,
    sample=_sample_XtAX,
    exact="rational",
)
# --8<-- [end:det_XtAX]


# --8<-- [start:det_XAXt]
def _det_XAXt_grad(X, A):
    """det(M) (M⁻ᵀ X Aᵀ + M⁻¹ X A) with M = XAXᵀ; X: (m, n), A: (n, n)."""
    M_inv = inv(X @ A @ X.T)
    return det(X @ A @ X.T) * (M_inv.T @ X @ A.T + M_inv @ X @ A)


def _det_XAXt_numerator(X, A):
    """det(M) (A Xᵀ M⁻¹ + Aᵀ Xᵀ M⁻ᵀ) with M = XAXᵀ: the transpose of the gradient."""
    M_inv = inv(X @ A @ X.T)
    return det(X @ A @ X.T) * (A @ X.T @ M_inv + A.T @ X.T @ M_inv.T)


def _sample_XAXt(rng, square=None):
    m, n = dims(square, 3, 5)
    return {"X": full_rank(rng, m, n), "A": _positive_part(rng, n)}


DET_XAXT = Identity(
    id="determinants.det_XAXt",
    family=FAMILY,
    title="determinant of XAXᵀ",
    tex=r"\frac{\partial \det(X A X^\top)}{\partial X}"
    r" = \det(M) \left(M^{-\top} X A^\top + M^{-1} X A\right), \quad M = X A X^\top",
    tex_numerator=r"\frac{\partial \det(X A X^\top)}{\partial X}"
    r" = \det(M) \left(A X^\top M^{-1} + A^\top X^\top M^{-\top}\right)",
    conditions=("X: m × n, A: n × n (not symmetric)", "M = XAXᵀ invertible"),
    variable="X",
    f=lambda X, A: det(X @ A @ X.T),
    grad=_det_XAXt_grad,
    numerator=_det_XAXt_numerator,
    sample=_sample_XAXt,
    exact="rational",
)
# --8<-- [end:det_XAXt]


# --8<-- [start:det_A_xxt]
def _det_A_xxt_grad(x, A):
    """det(M) (M⁻¹ + M⁻ᵀ) x with M = A + x xᵀ; x: (n,), A: (n, n)."""
    M = A + np.outer(x, x)
    return det(M) * ((inv(M) + inv(M).T) @ x)


DET_A_XXT = Identity(
    id="determinants.det_A_xxt",
    family=FAMILY,
    title="determinant of a rank-one update A + xxᵀ",
    tex=r"\frac{\partial \det(A + x x^\top)}{\partial x}"
    r" = \det(M) \left(M^{-1} + M^{-\top}\right) x,"
    r" \quad M = A + x x^\top",
    tex_numerator=r"\frac{\partial \det(A + x x^\top)}{\partial x}"
    r" = \det(M)\, x^\top \left(M^{-\top} + M^{-1}\right)",
    conditions=("x: n, A: n × n (not symmetric)", "M = A + xxᵀ invertible"),
    variable="x",
    f=lambda x, A: det(A + np.outer(x, x)),
    grad=_det_A_xxt_grad,
    numerator=lambda x, A: (
        det(A + np.outer(x, x))
        * (x @ (inv(A + np.outer(x, x)).T + inv(A + np.outer(x, x))))[None, :]
    ),
    sample=lambda rng, square=None: {
        "x": 0.5 * rng.standard_normal(4 if square is None else square),
        "A": _positive_part(rng, 4 if square is None else square),
    },
    exact="rational",
)
# --8<-- [end:det_A_xxt]


# --8<-- [start:logdet_I_XXt]
LOGDET_I_XXT = Identity(
    id="determinants.logdet_I_XXt",
    family=FAMILY,
    title="log det(I + XXᵀ)",
    tex=r"\frac{\partial \log \det(I_m + X X^\top)}{\partial X} = 2 (I_m + X X^\top)^{-1} X",
    tex_numerator=r"\frac{\partial \log \det(I_m + X X^\top)}{\partial X}"
    r" = 2 X^\top (I_m + X X^\top)^{-1}",
    conditions=("X: m × n, any m and n",),
    variable="X",
    f=lambda X: np.log(det(np.eye(X.shape[0]) + X @ X.T)),
    grad=lambda X: 2 * inv(np.eye(X.shape[0]) + X @ X.T) @ X,
    numerator=lambda X: 2 * X.T @ inv(np.eye(X.shape[0]) + X @ X.T),
    sample=lambda rng, square=None: {"X": rng.standard_normal(dims(square, 3, 5))},
)
# --8<-- [end:logdet_I_XXt]


IDENTITIES: list[Identity] = [
    DET,
    DET_AXB,
    DET_XTX,
    DET_XXT,
    LOGABSDET,
    LOGDET_XTX,
    LOGABSDET_AXB,
    DET_X2,
    DET_XK,
    DET_INV,
    DET_XTAX,
    DET_XAXT,
    DET_A_XXT,
    LOGDET_I_XXT,
]
