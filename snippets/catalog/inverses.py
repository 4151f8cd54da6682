"""Catalogue family "inverses": gradients of scalars built from X⁻¹.

Site machinery: the family's registry records, which point at the copyable functions in
snippets/catalog/code/; it imports the site's own modules, so it does not run alone.

Every identity here follows from d(X⁻¹) = −X⁻¹ dX X⁻¹ (differentiate X X⁻¹ = I). Gradients
are in our layout (the shape of the variable); `numerator` is the numerator-layout form,
written as its own formula. The samplers (invertible, full_rank, dims) are the determinant
family's (snippets/catalog/sample.py), shown on its page: condition numbers up to 1000, either
sign of the determinant, and now and then a size of 1.
"""

from snippets.catalog.code import inverses as copyable
from snippets.catalog.determinants import GRAM_KAPPA, dims, full_rank, invertible
from snippets.catalog.entry import Identity
from snippets.catalog.linalg import exact_capable

#: The copyable functions (snippets/catalog/code/inverses.py), also runnable on exact matrices.
code = exact_capable(copyable)

FAMILY = "inverses"


def _X_and(rng, square, name, **others):
    """`name` invertible n × n (n = 4, may be 1), the others standard normal, "n" a vector
    and "nn" an n × n matrix: all of the same n."""
    (n,) = dims(square, 4, rng=rng)
    inputs = {name: invertible(rng, n)}
    for other, spec in others.items():
        inputs[other] = rng.standard_normal((n,) * len(spec))
    return inputs


def _sample_X_ab(rng, square=None):
    """X: (n, n) invertible, a and b: (n,)."""
    return _X_and(rng, square, "X", a="n", b="n")


def _sample_gram(rng, square=None, **others):
    """X: p × r = 5 × 3 of full column rank (r may be 1), XᵀX of condition number ≤ 1000;
    others: "r" a vector of length r."""
    p, r = dims(square, 5, 3, rng=rng, ones=[1])
    inputs = {"X": full_rank(rng, p, r, GRAM_KAPPA)}
    for other in others:
        inputs[other] = rng.standard_normal(r)
    return inputs


AXINVB = Identity(
    id="inverses.aXinvb",
    family=FAMILY,
    title="bilinear form in the inverse",
    tex=r"\frac{\partial\, a^\top X^{-1} b}{\partial X} = -X^{-\top} a b^\top X^{-\top}",
    tex_numerator=r"\frac{\partial\, a^\top X^{-1} b}{\partial X} = -X^{-1} b a^\top X^{-1}",
    conditions=("X: n × n, invertible", "a, b: n"),
    variable="X",
    f=code.f_aXinvb,
    grad=code.grad_aXinvb,
    numerator=code.numerator_aXinvb,
    sample=_sample_X_ab,
    exact="rational",
)


AXINVTB = Identity(
    id="inverses.aXinvtb",
    family=FAMILY,
    title="bilinear form in the transposed inverse",
    tex=r"\frac{\partial\, a^\top X^{-\top} b}{\partial X} = -X^{-\top} b a^\top X^{-\top}",
    tex_numerator=r"\frac{\partial\, a^\top X^{-\top} b}{\partial X} = -X^{-1} a b^\top X^{-1}",
    conditions=("X: n × n, invertible", "a, b: n"),
    variable="X",
    f=code.f_aXinvtb,
    grad=code.grad_aXinvtb,
    numerator=code.numerator_aXinvtb,
    sample=_sample_X_ab,
    exact="rational",
)


XXINVX = Identity(
    id="inverses.xXinvx",
    family=FAMILY,
    title="quadratic form in the inverse, by the matrix",
    tex=r"\frac{\partial\, x^\top X^{-1} x}{\partial X} = -X^{-\top} x x^\top X^{-\top}",
    tex_numerator=r"\frac{\partial\, x^\top X^{-1} x}{\partial X} = -X^{-1} x x^\top X^{-1}",
    conditions=("X: n × n, invertible (not symmetric)", "x: n"),
    variable="X",
    f=code.f_xXinvx,
    grad=code.grad_xXinvx,
    numerator=code.numerator_xXinvx,
    sample=lambda rng, square=None: _X_and(rng, square, "X", x="n"),
    exact="rational",
)


XAINVX = Identity(
    id="inverses.xAinvx",
    family=FAMILY,
    title="quadratic form in a fixed inverse, by the vector",
    tex=r"\frac{\partial\, x^\top A^{-1} x}{\partial x} = \left(A^{-1} + A^{-\top}\right) x",
    tex_numerator=r"\frac{\partial\, x^\top A^{-1} x}{\partial x}"
    r" = x^\top \left(A^{-\top} + A^{-1}\right)",
    conditions=("A: n × n, invertible (not symmetric)", "x: n"),
    variable="x",
    f=code.f_xAinvx,
    grad=code.grad_xAinvx,
    numerator=code.numerator_xAinvx,
    sample=lambda rng, square=None: _X_and(rng, square, "A", x="n"),
    exact="rational",
)


def _sample_AXinvB(rng, square=None):
    """X: (n, n) invertible, A: (s, n), B: (n, s), with n = 4, s = 3."""
    n, s = dims(square, 4, 3, rng=rng)
    return {
        "X": invertible(rng, n),
        "A": rng.standard_normal((s, n)),
        "B": rng.standard_normal((n, s)),
    }


TR_AXINVB = Identity(
    id="inverses.tr_AXinvB",
    family=FAMILY,
    title="trace of A X⁻¹ B",
    tex=r"\frac{\partial \operatorname{tr}(A X^{-1} B)}{\partial X}"
    r" = -X^{-\top} A^\top B^\top X^{-\top}",
    tex_numerator=r"\frac{\partial \operatorname{tr}(A X^{-1} B)}{\partial X} = -X^{-1} B A X^{-1}",
    conditions=("X: n × n, invertible", "A: s × n, B: n × s"),
    variable="X",
    f=code.f_tr_AXinvB,
    grad=code.grad_tr_AXinvB,
    numerator=code.numerator_tr_AXinvB,
    sample=_sample_AXinvB,
    exact="rational",
)


TR_XINV = Identity(
    id="inverses.tr_Xinv",
    family=FAMILY,
    title="trace of the inverse",
    tex=r"\frac{\partial \operatorname{tr}(X^{-1})}{\partial X} = -X^{-\top} X^{-\top}",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^{-1})}{\partial X} = -X^{-1} X^{-1}",
    conditions=("X: n × n, invertible",),
    variable="X",
    f=code.f_tr_Xinv,
    grad=code.grad_tr_Xinv,
    numerator=code.numerator_tr_Xinv,
    sample=lambda rng, square=None: _X_and(rng, square, "X"),
    exact="rational",
)


def _sample_X_plus_A(rng, square=None):
    """X, A: (n, n), random, with X + A invertible, of condition number up to 1000."""
    (n,) = dims(square, 4, rng=rng)
    X = rng.standard_normal((n, n))
    return {"X": X, "A": invertible(rng, n) - X}


TR_XPLUSA_INV = Identity(
    id="inverses.tr_XplusA_inv",
    family=FAMILY,
    title="trace of a shifted inverse",
    tex=r"\frac{\partial \operatorname{tr}\left((X + A)^{-1}\right)}{\partial X}"
    r" = -(X + A)^{-\top} (X + A)^{-\top}",
    tex_numerator=r"\frac{\partial \operatorname{tr}\left((X + A)^{-1}\right)}{\partial X}"
    r" = -(X + A)^{-1} (X + A)^{-1}",
    conditions=("X, A: n × n", "X + A invertible"),
    variable="X",
    f=code.f_tr_XplusA_inv,
    grad=code.grad_tr_XplusA_inv,
    numerator=code.numerator_tr_XplusA_inv,
    sample=_sample_X_plus_A,
    exact="rational",
)


FRO_XINV = Identity(
    id="inverses.fro_Xinv",
    family=FAMILY,
    title="squared Frobenius norm of the inverse",
    tex=r"\frac{\partial \lVert X^{-1} \rVert_F^2}{\partial X} = -2\, X^{-\top} X^{-1} X^{-\top}",
    tex_numerator=r"\frac{\partial \lVert X^{-1} \rVert_F^2}{\partial X}"
    r" = -2\, X^{-1} X^{-\top} X^{-1}",
    conditions=("X: n × n, invertible",),
    variable="X",
    f=code.f_fro_Xinv,
    grad=code.grad_fro_Xinv,
    numerator=code.numerator_fro_Xinv,
    sample=lambda rng, square=None: _X_and(rng, square, "X"),
    exact="rational",
)


TR_XINVTA = Identity(
    id="inverses.tr_XinvtA",
    family=FAMILY,
    title="trace of X⁻ᵀ A",
    tex=r"\frac{\partial \operatorname{tr}(X^{-\top} A)}{\partial X} = -X^{-\top} A X^{-\top}",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^{-\top} A)}{\partial X}"
    r" = -X^{-1} A^\top X^{-1}",
    conditions=("X: n × n, invertible", "A: n × n"),
    variable="X",
    f=code.f_tr_XinvtA,
    grad=code.grad_tr_XinvtA,
    numerator=code.numerator_tr_XinvtA,
    sample=lambda rng, square=None: _X_and(rng, square, "X", A="nn"),
    exact="rational",
)


TR_XINVAXINVB = Identity(
    id="inverses.tr_XinvAXinvB",
    family=FAMILY,
    title="trace with the inverse twice",
    tex=r"\frac{\partial \operatorname{tr}(X^{-1} A X^{-1} B)}{\partial X}"
    r" = -\left(X^{-1} A X^{-1} B X^{-1} + X^{-1} B X^{-1} A X^{-1}\right)^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^{-1} A X^{-1} B)}{\partial X}"
    r" = -\left(X^{-1} A X^{-1} B X^{-1} + X^{-1} B X^{-1} A X^{-1}\right)",
    conditions=("X: n × n, invertible", "A, B: n × n"),
    variable="X",
    f=code.f_tr_XinvAXinvB,
    grad=code.grad_tr_XinvAXinvB,
    numerator=code.numerator_tr_XinvAXinvB,
    sample=lambda rng, square=None: _X_and(rng, square, "X", A="nn", B="nn"),
    exact="rational",
)


B_XTXINV_B = Identity(
    id="inverses.b_XtXinv_b",
    family=FAMILY,
    title="quadratic form in the inverse Gram matrix",
    tex=r"\frac{\partial\, b^\top (X^\top X)^{-1} b}{\partial X}"
    r" = -2\, X (X^\top X)^{-1} b b^\top (X^\top X)^{-1}",
    tex_numerator=r"\frac{\partial\, b^\top (X^\top X)^{-1} b}{\partial X}"
    r" = -2\, (X^\top X)^{-1} b b^\top (X^\top X)^{-1} X^\top",
    conditions=("X: p × r, full column rank", "b: r"),
    variable="X",
    f=code.f_b_XtXinv_b,
    grad=code.grad_b_XtXinv_b,
    numerator=code.numerator_b_XtXinv_b,
    sample=lambda rng, square=None: _sample_gram(rng, square, b="r"),
    exact="rational",
)


TR_XTXINV = Identity(
    id="inverses.tr_XtXinv",
    family=FAMILY,
    title="trace of the inverse Gram matrix",
    tex=r"\frac{\partial \operatorname{tr}\left((X^\top X)^{-1}\right)}{\partial X}"
    r" = -2\, X (X^\top X)^{-2}",
    tex_numerator=r"\frac{\partial \operatorname{tr}\left((X^\top X)^{-1}\right)}{\partial X}"
    r" = -2\, (X^\top X)^{-2} X^\top",
    conditions=("X: p × r, full column rank",),
    variable="X",
    f=code.f_tr_XtXinv,
    grad=code.grad_tr_XtXinv,
    numerator=code.numerator_tr_XtXinv,
    sample=lambda rng, square=None: _sample_gram(rng, square),
    exact="rational",
)


TR_XINVAX = Identity(
    id="inverses.tr_XinvAX",
    family=FAMILY,
    title="a similarity transform: zero gradient",
    tex=r"\frac{\partial \operatorname{tr}(X^{-1} A X)}{\partial X} = 0",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^{-1} A X)}{\partial X} = 0",
    conditions=("X: n × n, invertible", "A: n × n"),
    variable="X",
    f=code.f_tr_XinvAX,
    grad=code.grad_tr_XinvAX,
    numerator=code.numerator_tr_XinvAX,
    sample=lambda rng, square=None: _X_and(rng, square, "X", A="nn"),
    exact="rational",
)


IDENTITIES: list[Identity] = [
    AXINVB,
    AXINVTB,
    XXINVX,
    XAINVX,
    TR_AXINVB,
    TR_XINV,
    TR_XPLUSA_INV,
    FRO_XINV,
    TR_XINVTA,
    TR_XINVAXINVB,
    B_XTXINV_B,
    TR_XTXINV,
    TR_XINVAX,
]
