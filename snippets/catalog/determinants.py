"""Catalogue family "determinants": gradients of det, log|det| and determinants of products.

Site machinery: the family's registry records, which point at the copyable functions in
snippets/catalog/code/; it imports the site's own modules, so it does not run alone.

Every identity here follows from Jacobi's formula d det(M) = det(M) tr(M⁻¹ dM), for M square
and invertible. Gradients are in our layout (the shape of the variable); `numerator` is the
same derivative in numerator layout, written as its own formula (the transpose).

The exact formulas use snippets.catalog.linalg's inv and det, so that they also run on
matrices of Fractions and of symbols (snippets/symbolic).
"""

import numpy as np

from snippets.catalog.code import determinants as copyable
from snippets.catalog.entry import Identity
from snippets.catalog.linalg import exact_capable
from snippets.catalog.sample import KAPPA_MAX, dims, full_rank, invertible

__all__ = ["dims", "full_rank", "invertible"]  # re-exported for the other families and tests

#: The copyable functions (snippets/catalog/code/determinants.py), also runnable on exact matrices.
code = exact_capable(copyable)

FAMILY = "determinants"


# The samplers (orthogonal, invertible, full_rank, dims, ...) live in snippets/catalog/sample.py,
# with the cases they cover; they are imported here, where the other families find them.


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
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4, rng=rng))},
    exact="rational",
)


#: The largest condition number of X in a Gram matrix XᵀX or XXᵀ, whose own is its square.
GRAM_KAPPA = KAPPA_MAX**0.5


def _gram(rng, square, m, n):
    """{"X": X} of full rank, m × n, for an entry that inverts XᵀX (m > n) or XXᵀ (m < n):
    the smaller size may be 1; the Gram matrix has condition number ≤ KAPPA_MAX."""
    sizes = dims(square, m, n, rng=rng, ones=[int(np.argmin([m, n]))])
    return {"X": full_rank(rng, *sizes, GRAM_KAPPA)}


def _power(rng, square, exponent):
    """{"X": X} invertible, for an entry whose f takes the determinant of a power Xᵏ̄: X has
    condition number ≤ KAPPA_MAX^exponent (exponent = 1/k̄), so Xᵏ̄ has ≤ KAPPA_MAX."""
    return {"X": invertible(rng, *dims(square, 4, rng=rng), kappa_max=KAPPA_MAX**exponent)}


def _sample_AXB(rng, square=None):
    """X: (p, r) = (4, 5), A: (s, p), B: (r, s) with s = 3 (s may be 1); all n × n for
    square=n. AXB, the matrix inverted, is drawn first: invertible, condition number up to
    KAPPA_MAX, either determinant sign; then B = (AX)⁺ AXB + N Z, with N a basis of the null
    space of AX and Z standard normal, is the general B that gives it."""
    s, p, r = dims(square, 3, 4, 5, rng=rng, ones=[0])
    A = full_rank(rng, s, p, GRAM_KAPPA)
    X = full_rank(rng, p, r, GRAM_KAPPA)
    M = invertible(rng, s)
    _, _, Vt = np.linalg.svd(A @ X)
    null = Vt[s:].T  # r × (r − s): AX N = 0
    B = np.linalg.pinv(A @ X) @ M + null @ rng.standard_normal((r - s, s))
    return {"X": X, "A": A, "B": B}


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
    sample=lambda rng, square=None: _gram(rng, square, 5, 3),
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
    sample=lambda rng, square=None: _gram(rng, square, 3, 5),
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
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4, rng=rng))},
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
    sample=lambda rng, square=None: _gram(rng, square, 5, 3),
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
    sample=lambda rng, square=None: _power(rng, square, 1 / 2),
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
    sample=lambda rng, square=None: _power(rng, square, 1 / 3),
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
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4, rng=rng))},
    exact="rational",
)


def _general_middle(rng, X):
    """A p × p matrix A, general (not symmetric, its symmetric part mostly indefinite), with
    𝓜 = XᵀAX drawn by `invertible` (condition number up to KAPPA_MAX, either determinant sign),
    for X: p × r of full column rank, r ≤ p.

    With X = Q [R; 0] (Q orthogonal, R: r × r invertible), A = Q [[B, C], [D, E]] Qᵀ has
    XᵀAX = Rᵀ B R whatever C, D, E (standard normal): B = R⁻ᵀ 𝓜 R⁻¹ gives the 𝓜 drawn.
    """
    p, r = X.shape
    Q, R = np.linalg.qr(X, mode="complete")
    R = R[:r]
    core = rng.standard_normal((p, p))
    core[:r, :r] = np.linalg.solve(R.T, np.linalg.solve(R.T, invertible(rng, r)).T).T
    return Q @ core @ Q.T


def _sample_XtAX(rng, square=None):
    """X: p × r = 5 × 3 (r may be 1), A general p × p, 𝓜 = XᵀAX of condition number up to
    KAPPA_MAX (see _general_middle)."""
    m, n = dims(square, 5, 3, rng=rng, ones=[1])
    X = full_rank(rng, m, n, GRAM_KAPPA)
    return {"X": X, "A": _general_middle(rng, X)}


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
    """X: p × r = 3 × 5 (p may be 1), A general r × r; 𝓜 = XAXᵀ has condition number
    ≤ KAPPA_MAX."""
    m, n = dims(square, 3, 5, rng=rng, ones=[0])
    X = full_rank(rng, m, n, GRAM_KAPPA)
    return {"X": X, "A": _general_middle(rng, X.T)}


def _sample_A_xxt(rng, square=None):
    """x: n = 4 (may be 1), A: n × n general, with 𝓜 = A + xxᵀ invertible of condition number
    ≤ KAPPA_MAX (of either determinant sign): 𝓜 is drawn, then A = 𝓜 − xxᵀ."""
    (n,) = dims(square, 4, rng=rng)
    x = rng.standard_normal(n)
    return {"x": x, "A": invertible(rng, n) - np.outer(x, x)}


def _sample_I_XXt(rng, square=None):
    """X: p × r, any p and r: 3 × 5 or 5 × 3 at random (either may be 1)."""
    sizes = (3, 5) if rng.uniform() < 0.5 else (5, 3)
    return {"X": rng.standard_normal(dims(square, *sizes, rng=rng))}


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
    sample=_sample_A_xxt,
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
    sample=_sample_I_XXt,
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
