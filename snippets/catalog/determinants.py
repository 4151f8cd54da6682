"""Catalogue family "determinants": gradients of det, log|det| and determinants of products.

Site machinery: the family's registry records, which point at the copyable functions in
snippets/catalog/code/; it imports the site's own modules, so it does not run alone.

Every identity here follows from Jacobi's formula d det(M) = det(M) tr(M⁻¹ dM), for M square
and invertible. Gradients are in our layout (the shape of the variable); `numerator` is the
same derivative in numerator layout, written as its own formula (the transpose).

The exact formulas use snippets.catalog.linalg's inv and det, so that they also run on
matrices of Fractions and SymPy symbols.
"""

import numpy as np

from snippets.catalog.code import determinants as copyable
from snippets.catalog.entry import Identity
from snippets.catalog.linalg import exact_capable

#: The copyable functions (snippets/catalog/code/determinants.py), also runnable on exact matrices.
code = exact_capable(copyable)

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


DET = Identity(
    id="determinants.det",
    family=FAMILY,
    title="determinant",
    tex=r"\frac{\partial \det X}{\partial X} = \det(X)\, X^{-\top}",
    tex_numerator=r"\frac{\partial \det X}{\partial X} = \det(X)\, X^{-1}",
    conditions=("X: n × n, invertible",),
    variable="X",
    f=code.f_det,
    grad=code.grad_det,
    numerator=code.numerator_det,
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4))},
    exact="rational",
)


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
    f=code.f_det_AXB,
    grad=code.grad_det_AXB,
    numerator=code.numerator_det_AXB,
    sample=_sample_AXB,
    exact="rational",
)


DET_XTX = Identity(
    id="determinants.det_XtX",
    family=FAMILY,
    title="Gram determinant det(XᵀX)",
    tex=r"\frac{\partial \det(X^\top X)}{\partial X} = 2 \det(X^\top X)\, X (X^\top X)^{-1}",
    tex_numerator=r"\frac{\partial \det(X^\top X)}{\partial X}"
    r" = 2 \det(X^\top X)\, (X^\top X)^{-1} X^\top",
    conditions=("X: p × r with p > r, full column rank",),
    variable="X",
    f=code.f_det_XtX,
    grad=code.grad_det_XtX,
    numerator=code.numerator_det_XtX,
    sample=lambda rng, square=None: {"X": full_rank(rng, *dims(square, 5, 3))},
    exact="rational",
)


DET_XXT = Identity(
    id="determinants.det_XXt",
    family=FAMILY,
    title="Gram determinant det(XXᵀ)",
    tex=r"\frac{\partial \det(X X^\top)}{\partial X} = 2 \det(X X^\top)\, (X X^\top)^{-1} X",
    tex_numerator=r"\frac{\partial \det(X X^\top)}{\partial X}"
    r" = 2 \det(X X^\top)\, X^\top (X X^\top)^{-1}",
    conditions=("X: p × r with p < r, full row rank",),
    variable="X",
    f=code.f_det_XXt,
    grad=code.grad_det_XXt,
    numerator=code.numerator_det_XXt,
    sample=lambda rng, square=None: {"X": full_rank(rng, *dims(square, 3, 5))},
    exact="rational",
)


LOGABSDET = Identity(
    id="determinants.logabsdet",
    family=FAMILY,
    title="log of the absolute determinant",
    tex=r"\frac{\partial \log \lvert \det X \rvert}{\partial X} = X^{-\top}",
    tex_numerator=r"\frac{\partial \log \lvert \det X \rvert}{\partial X} = X^{-1}",
    conditions=("X: n × n, invertible; det X may be negative",),
    variable="X",
    f=code.f_logabsdet,
    grad=code.grad_logabsdet,
    numerator=code.numerator_logabsdet,
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4), sign=-1)},
)


LOGDET_XTX = Identity(
    id="determinants.logdet_XtX",
    family=FAMILY,
    title="log of the Gram determinant",
    tex=r"\frac{\partial \log \det(X^\top X)}{\partial X} = 2 X (X^\top X)^{-1}",
    tex_numerator=r"\frac{\partial \log \det(X^\top X)}{\partial X} = 2 (X^\top X)^{-1} X^\top",
    conditions=("X: p × r with p > r, full column rank",),
    variable="X",
    f=code.f_logdet_XtX,
    grad=code.grad_logdet_XtX,
    numerator=code.numerator_logdet_XtX,
    sample=lambda rng, square=None: {"X": full_rank(rng, *dims(square, 5, 3))},
)


LOGABSDET_AXB = Identity(
    id="determinants.logabsdet_AXB",
    family=FAMILY,
    title="log of the absolute determinant of AXB",
    tex=r"\frac{\partial \log \lvert \det(AXB) \rvert}{\partial X} = A^\top (AXB)^{-\top} B^\top",
    tex_numerator=r"\frac{\partial \log \lvert \det(AXB) \rvert}{\partial X} = B (AXB)^{-1} A",
    conditions=("A: s × p, X: p × r, B: r × s", "AXB invertible"),
    variable="X",
    f=code.f_logabsdet_AXB,
    grad=code.grad_logabsdet_AXB,
    numerator=code.numerator_logabsdet_AXB,
    sample=_sample_AXB,
)


DET_X2 = Identity(
    id="determinants.det_X2",
    family=FAMILY,
    title="determinant of a square X²",
    tex=r"\frac{\partial \det(X^2)}{\partial X} = 2 \det(X)^2\, X^{-\top}",
    tex_numerator=r"\frac{\partial \det(X^2)}{\partial X} = 2 \det(X)^2\, X^{-1}",
    conditions=("X: n × n, invertible",),
    variable="X",
    f=code.f_det_X2,
    grad=code.grad_det_X2,
    numerator=code.numerator_det_X2,
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4))},
    exact="rational",
)


DET_XK = Identity(
    id="determinants.det_Xk",
    family=FAMILY,
    title="determinant of a power Xᵏ̄",
    tex=r"\frac{\partial \det(X^{\bar{k}})}{\partial X} = \bar{k} \det(X)^{\bar{k}}\, X^{-\top}",
    tex_numerator=r"\frac{\partial \det(X^{\bar{k}})}{\partial X}"
    r" = \bar{k} \det(X)^{\bar{k}}\, X^{-1}",
    conditions=("X: n × n, invertible", "k̄ a positive integer (checked at k̄ = 3)"),
    variable="X",
    f=code.f_det_Xk,
    grad=code.grad_det_Xk,
    numerator=code.numerator_det_Xk,
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4))},
    exact="rational",
)


DET_INV = Identity(
    id="determinants.det_inv",
    family=FAMILY,
    title="determinant of the inverse",
    tex=r"\frac{\partial \det(X^{-1})}{\partial X} = -\det(X)^{-1}\, X^{-\top}",
    tex_numerator=r"\frac{\partial \det(X^{-1})}{\partial X} = -\det(X)^{-1}\, X^{-1}",
    conditions=("X: n × n, invertible",),
    variable="X",
    f=code.f_det_inv,
    grad=code.grad_det_inv,
    numerator=code.numerator_det_inv,
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4))},
    exact="rational",
)


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
    r" = \det(\mathcal{M}) \left(A X \mathcal{M}^{-1} + A^\top X \mathcal{M}^{-\top}\right),"
    r" \quad \mathcal{M} = X^\top A X",
    tex_numerator=r"\frac{\partial \det(X^\top A X)}{\partial X}"
    r" = \det(\mathcal{M})"
    r" \left(\mathcal{M}^{-\top} X^\top A^\top + \mathcal{M}^{-1} X^\top A\right)",
    conditions=("X: p × r, A: p × p (not symmetric)", "𝓜 = XᵀAX invertible"),
    variable="X",
    f=code.f_det_XtAX,
    grad=code.grad_det_XtAX,
    numerator=code.numerator_det_XtAX,
    sample=_sample_XtAX,
    exact="rational",
)


def _sample_XAXt(rng, square=None):
    m, n = dims(square, 3, 5)
    return {"X": full_rank(rng, m, n), "A": _positive_part(rng, n)}


DET_XAXT = Identity(
    id="determinants.det_XAXt",
    family=FAMILY,
    title="determinant of XAXᵀ",
    tex=r"\frac{\partial \det(X A X^\top)}{\partial X}"
    r" = \det(\mathcal{M}) \left(\mathcal{M}^{-\top} X A^\top + \mathcal{M}^{-1} X A\right),"
    r" \quad \mathcal{M} = X A X^\top",
    tex_numerator=r"\frac{\partial \det(X A X^\top)}{\partial X}"
    r" = \det(\mathcal{M})"
    r" \left(A X^\top \mathcal{M}^{-1} + A^\top X^\top \mathcal{M}^{-\top}\right)",
    conditions=("X: p × r, A: r × r (not symmetric)", "𝓜 = XAXᵀ invertible"),
    variable="X",
    f=code.f_det_XAXt,
    grad=code.grad_det_XAXt,
    numerator=code.numerator_det_XAXt,
    sample=_sample_XAXt,
    exact="rational",
)


DET_A_XXT = Identity(
    id="determinants.det_A_xxt",
    family=FAMILY,
    title="determinant of a rank-one update A + xxᵀ",
    tex=r"\frac{\partial \det(A + x x^\top)}{\partial x}"
    r" = \det(\mathcal{M}) \left(\mathcal{M}^{-1} + \mathcal{M}^{-\top}\right) x,"
    r" \quad \mathcal{M} = A + x x^\top",
    tex_numerator=r"\frac{\partial \det(A + x x^\top)}{\partial x}"
    r" = \det(\mathcal{M})\, x^\top \left(\mathcal{M}^{-\top} + \mathcal{M}^{-1}\right)",
    conditions=("x: n, A: n × n (not symmetric)", "𝓜 = A + xxᵀ invertible"),
    variable="x",
    f=code.f_det_A_xxt,
    grad=code.grad_det_A_xxt,
    numerator=code.numerator_det_A_xxt,
    sample=lambda rng, square=None: {
        "x": 0.5 * rng.standard_normal(4 if square is None else square),
        "A": _positive_part(rng, 4 if square is None else square),
    },
    exact="rational",
)


LOGDET_I_XXT = Identity(
    id="determinants.logdet_I_XXt",
    family=FAMILY,
    title="log det(I + XXᵀ)",
    tex=r"\frac{\partial \log \det(I_p + X X^\top)}{\partial X} = 2 (I_p + X X^\top)^{-1} X",
    tex_numerator=r"\frac{\partial \log \det(I_p + X X^\top)}{\partial X}"
    r" = 2 X^\top (I_p + X X^\top)^{-1}",
    conditions=("X: p × r, any p and r",),
    variable="X",
    f=code.f_logdet_I_XXt,
    grad=code.grad_logdet_I_XXt,
    numerator=code.numerator_logdet_I_XXt,
    sample=lambda rng, square=None: {"X": rng.standard_normal(dims(square, 3, 5))},
)


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
