"""Catalogue family "inverses": gradients of scalars built from X⁻¹.

Every identity here follows from d(X⁻¹) = −X⁻¹ dX X⁻¹ (differentiate X X⁻¹ = I). Gradients
are in our layout (the shape of the variable); `numerator` is the numerator-layout form,
written as its own formula. The samplers (invertible, full_rank, dims) are the determinant
family's, shown on its page.
"""

import numpy as np

from snippets.catalog.determinants import dims, full_rank, invertible
from snippets.catalog.entry import Identity
from snippets.catalog.linalg import inv

FAMILY = "inverses"


def _sample_X_ab(rng, square=None):
    """X: (n, n) invertible, a and b: (n,)."""
    (n,) = dims(square, 4)
    return {"X": invertible(rng, n), "a": rng.standard_normal(n), "b": rng.standard_normal(n)}


# --8<-- [start:aXinvb]
AXINVB = Identity(
    id="inverses.aXinvb",
    family=FAMILY,
    title="bilinear form in the inverse",
    tex=r"\frac{\partial\, a^\top X^{-1} b}{\partial X} = -X^{-\top} a b^\top X^{-\top}",
    tex_numerator=r"\frac{\partial\, a^\top X^{-1} b}{\partial X} = -X^{-1} b a^\top X^{-1}",
    conditions=("X: n × n, invertible", "a, b: n"),
    variable="X",
    f=lambda X, a, b: a @ inv(X) @ b,
    grad=lambda X, a, b: -np.outer(inv(X).T @ a, b @ inv(X).T),
    numerator=lambda X, a, b: -np.outer(inv(X) @ b, a @ inv(X)),
    sample=_sample_X_ab,
    exact="rational",
)
# --8<-- [end:aXinvb]


# --8<-- [start:aXinvtb]
AXINVTB = Identity(
    id="inverses.aXinvtb",
    family=FAMILY,
    title="bilinear form in the transposed inverse",
    tex=r"\frac{\partial\, a^\top X^{-\top} b}{\partial X} = -X^{-\top} b a^\top X^{-\top}",
    tex_numerator=r"\frac{\partial\, a^\top X^{-\top} b}{\partial X} = -X^{-1} a b^\top X^{-1}",
    conditions=("X: n × n, invertible", "a, b: n"),
    variable="X",
    f=lambda X, a, b: a @ inv(X).T @ b,
    grad=lambda X, a, b: -np.outer(inv(X).T @ b, a @ inv(X).T),
    numerator=lambda X, a, b: -np.outer(inv(X) @ a, b @ inv(X)),
    sample=_sample_X_ab,
    exact="rational",
)
# --8<-- [end:aXinvtb]


# --8<-- [start:xXinvx]
XXINVX = Identity(
    id="inverses.xXinvx",
    family=FAMILY,
    title="quadratic form in the inverse, by the matrix",
    tex=r"\frac{\partial\, x^\top X^{-1} x}{\partial X} = -X^{-\top} x x^\top X^{-\top}",
    tex_numerator=r"\frac{\partial\, x^\top X^{-1} x}{\partial X} = -X^{-1} x x^\top X^{-1}",
    conditions=("X: n × n, invertible (not symmetric)", "x: n"),
    variable="X",
    f=lambda X, x: x @ inv(X) @ x,
    grad=lambda X, x: -np.outer(inv(X).T @ x, x @ inv(X).T),
    numerator=lambda X, x: -np.outer(inv(X) @ x, x @ inv(X)),
    sample=lambda rng, square=None: {
        "X": invertible(rng, *dims(square, 4)),
        "x": rng.standard_normal(dims(square, 4)),
    },
    exact="rational",
)
# --8<-- [end:xXinvx]


# --8<-- [start:xAinvx]
XAINVX = Identity(
    id="inverses.xAinvx",
    family=FAMILY,
    title="quadratic form in a fixed inverse, by the vector",
    tex=r"\frac{\partial\, x^\top A^{-1} x}{\partial x} = \left(A^{-1} + A^{-\top}\right) x",
    tex_numerator=r"\frac{\partial\, x^\top A^{-1} x}{\partial x}"
    r" = x^\top \left(A^{-\top} + A^{-1}\right)",
    conditions=("A: n × n, invertible (not symmetric)", "x: n"),
    variable="x",
    f=lambda x, A: x @ inv(A) @ x,
    grad=lambda x, A: (inv(A) + inv(A).T) @ x,
    numerator=lambda x, A: (x @ (inv(A).T + inv(A)))[None, :],
    sample=lambda rng, square=None: {
        "x": rng.standard_normal(dims(square, 4)),
        "A": invertible(rng, *dims(square, 4)),
    },
    exact="rational",
)
# --8<-- [end:xAinvx]


# --8<-- [start:tr_AXinvB]
def _sample_AXinvB(rng, square=None):
    """X: (n, n) invertible, A: (s, n), B: (n, s), with n = 4, s = 3."""
    n, s = dims(square, 4, 3)
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
    f=lambda X, A, B: np.trace(A @ inv(X) @ B),
    grad=lambda X, A, B: -inv(X).T @ A.T @ B.T @ inv(X).T,
    numerator=lambda X, A, B: -inv(X) @ B @ A @ inv(X),
    sample=_sample_AXinvB,
    exact="rational",
)
# --8<-- [end:tr_AXinvB]


# --8<-- [start:tr_Xinv]
TR_XINV = Identity(
    id="inverses.tr_Xinv",
    family=FAMILY,
    title="trace of the inverse",
    tex=r"\frac{\partial \operatorname{tr}(X^{-1})}{\partial X} = -X^{-\top} X^{-\top}",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^{-1})}{\partial X} = -X^{-1} X^{-1}",
    conditions=("X: n × n, invertible",),
    variable="X",
    f=lambda X: np.trace(inv(X)),
    grad=lambda X: -inv(X).T @ inv(X).T,
    numerator=lambda X: -inv(X) @ inv(X),
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4))},
    exact="rational",
)
# --8<-- [end:tr_Xinv]


# --8<-- [start:tr_XplusA_inv]
def _sample_X_plus_A(rng, square=None):
    """X, A: (n, n), random, with X + A invertible and well conditioned."""
    (n,) = dims(square, 4)
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
    f=lambda X, A: np.trace(inv(X + A)),
    grad=lambda X, A: -inv(X + A).T @ inv(X + A).T,
    numerator=lambda X, A: -inv(X + A) @ inv(X + A),
    sample=_sample_X_plus_A,
    exact="rational",
)
# --8<-- [end:tr_XplusA_inv]


# --8<-- [start:fro_Xinv]
FRO_XINV = Identity(
    id="inverses.fro_Xinv",
    family=FAMILY,
    title="squared Frobenius norm of the inverse",
    tex=r"\frac{\partial \lVert X^{-1} \rVert_F^2}{\partial X} = -2\, X^{-\top} X^{-1} X^{-\top}",
    tex_numerator=r"\frac{\partial \lVert X^{-1} \rVert_F^2}{\partial X}"
    r" = -2\, X^{-1} X^{-\top} X^{-1}",
    conditions=("X: n × n, invertible",),
    variable="X",
    f=lambda X: np.sum(inv(X) * inv(X)),
    grad=lambda X: -2 * inv(X).T @ inv(X) @ inv(X).T,
    numerator=lambda X: -2 * inv(X) @ inv(X).T @ inv(X),
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4))},
    exact="rational",
)
# --8<-- [end:fro_Xinv]


# --8<-- [start:tr_XinvtA]
TR_XINVTA = Identity(
    id="inverses.tr_XinvtA",
    family=FAMILY,
    title="trace of X⁻ᵀ A",
    tex=r"\frac{\partial \operatorname{tr}(X^{-\top} A)}{\partial X} = -X^{-\top} A X^{-\top}",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^{-\top} A)}{\partial X}"
    r" = -X^{-1} A^\top X^{-1}",
    conditions=("X: n × n, invertible", "A: n × n"),
    variable="X",
    f=lambda X, A: np.trace(inv(X).T @ A),
    grad=lambda X, A: -inv(X).T @ A @ inv(X).T,
    numerator=lambda X, A: -inv(X) @ A.T @ inv(X),
    sample=lambda rng, square=None: {
        "X": invertible(rng, *dims(square, 4)),
        "A": rng.standard_normal(dims(square, 4, 4)),
    },
    exact="rational",
)
# --8<-- [end:tr_XinvtA]


# --8<-- [start:tr_XinvAXinvB]
def _tr_XinvAXinvB_grad(X, A, B):
    """−(X⁻¹ A X⁻¹ B X⁻¹ + X⁻¹ B X⁻¹ A X⁻¹)ᵀ; X, A, B: (n, n)."""
    Y = inv(X)
    return -(Y @ A @ Y @ B @ Y + Y @ B @ Y @ A @ Y).T


def _tr_XinvAXinvB_numerator(X, A, B):
    """−(X⁻¹ A X⁻¹ B X⁻¹ + X⁻¹ B X⁻¹ A X⁻¹): the transpose of the gradient."""
    Y = inv(X)
    return -(Y @ A @ Y @ B @ Y + Y @ B @ Y @ A @ Y)


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
    f=lambda X, A, B: np.trace(inv(X) @ A @ inv(X) @ B),
    grad=_tr_XinvAXinvB_grad,
    numerator=_tr_XinvAXinvB_numerator,
    sample=lambda rng, square=None: {
        "X": invertible(rng, *dims(square, 4)),
        "A": rng.standard_normal(dims(square, 4, 4)),
        "B": rng.standard_normal(dims(square, 4, 4)),
    },
    exact="rational",
)
# --8<-- [end:tr_XinvAXinvB]


# --8<-- [start:b_XtXinv_b]
def _b_XtXinv_b_grad(X, b):
    """−2 X c cᵀ with c = (XᵀX)⁻¹ b; X: (m, n), b: (n,)."""
    c = inv(X.T @ X) @ b
    return -2 * np.outer(X @ c, c)


B_XTXINV_B = Identity(
    id="inverses.b_XtXinv_b",
    family=FAMILY,
    title="quadratic form in the inverse Gram matrix",
    tex=r"\frac{\partial\, b^\top (X^\top X)^{-1} b}{\partial X}"
    r" = -2\, X (X^\top X)^{-1} b b^\top (X^\top X)^{-1}",
    tex_numerator=r"\frac{\partial\, b^\top (X^\top X)^{-1} b}{\partial X}"
    r" = -2\, (X^\top X)^{-1} b b^\top (X^\top X)^{-1} X^\top",
    conditions=("X: m × n, full column rank", "b: n"),
    variable="X",
    f=lambda X, b: b @ inv(X.T @ X) @ b,
    grad=_b_XtXinv_b_grad,
    numerator=lambda X, b: -2 * np.outer(inv(X.T @ X) @ b, X @ inv(X.T @ X) @ b),
    sample=lambda rng, square=None: {
        "X": full_rank(rng, *dims(square, 5, 3)),
        "b": rng.standard_normal(dims(square, 3)),
    },
    exact="rational",
)
# --8<-- [end:b_XtXinv_b]


# --8<-- [start:tr_XtXinv]
TR_XTXINV = Identity(
    id="inverses.tr_XtXinv",
    family=FAMILY,
    title="trace of the inverse Gram matrix",
    tex=r"\frac{\partial \operatorname{tr}\left((X^\top X)^{-1}\right)}{\partial X}"
    r" = -2\, X (X^\top X)^{-2}",
    tex_numerator=r"\frac{\partial \operatorname{tr}\left((X^\top X)^{-1}\right)}{\partial X}"
    r" = -2\, (X^\top X)^{-2} X^\top",
    conditions=("X: m × n, full column rank",),
    variable="X",
    f=lambda X: np.trace(inv(X.T @ X)),
    grad=lambda X: -2 * X @ inv(X.T @ X) @ inv(X.T @ X),
    numerator=lambda X: -2 * inv(X.T @ X) @ inv(X.T @ X) @ X.T,
    sample=lambda rng, square=None: {"X": full_rank(rng, *dims(square, 5, 3))},
    exact="rational",
)
# --8<-- [end:tr_XtXinv]


# --8<-- [start:tr_XinvAX]
TR_XINVAX = Identity(
    id="inverses.tr_XinvAX",
    family=FAMILY,
    title="a similarity transform: zero gradient",
    tex=r"\frac{\partial \operatorname{tr}(X^{-1} A X)}{\partial X} = 0",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^{-1} A X)}{\partial X} = 0",
    conditions=("X: n × n, invertible", "A: n × n"),
    variable="X",
    f=lambda X, A: np.trace(inv(X) @ A @ X),
    grad=lambda X, A: 0 * X,
    numerator=lambda X, A: 0 * X.T,
    sample=lambda rng, square=None: {
        "X": invertible(rng, *dims(square, 4)),
        "A": rng.standard_normal(dims(square, 4, 4)),
    },
    exact="rational",
)
# --8<-- [end:tr_XinvAX]


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
