"""Catalogue family "structured": scalar functions of a symmetric matrix X.

The gradient of every entry here is the gradient WITHIN the symmetric matrices: the one
symmetric S with df = S : dX for every symmetric change dX. If ∇f is the gradient of the same
formula with X treated as a free square matrix, then S = (∇f + (∇f)ᵀ)/2.

A second convention is common in statistics texts: treat each pair X_ij = X_ji (i < j) as one
variable and collect the partial derivatives by those variables into a matrix. That matrix
is E = ∇f + (∇f)ᵀ − ∇f ∘ I = 2S − S ∘ I (`entrywise` below). It holds the same information as
S, but it is not a gradient for the Frobenius product: E : dX is not df.
"""

import numpy as np

from snippets.catalog.determinants import dims
from snippets.catalog.entry import Identity
from snippets.catalog.linalg import det, inv

FAMILY = "structured"


# --8<-- [start:conventions]
def sym(M: np.ndarray) -> np.ndarray:
    """(M + Mᵀ)/2, the symmetric part of a square M."""
    return (M + M.T) / 2


def entrywise(S: np.ndarray) -> np.ndarray:
    """2S − S ∘ I: the matrix of partial derivatives by the distinct entries X_ij = X_ji.

    S: (n, n), the symmetric gradient. Off the diagonal a change of the one variable
    X_ij = X_ji moves two entries of X, so its partial derivative is S_ij + S_ji = 2 S_ij;
    a diagonal entry moves alone.
    """
    return 2 * S - S * np.eye(S.shape[0], dtype=int)


# --8<-- [end:conventions]


# --8<-- [start:samples]
def symmetric(rng: np.random.Generator, n: int, definite: bool = True) -> np.ndarray:
    """A random symmetric n × n matrix Q diag(s) Qᵀ with |s| in [1, 2], exactly symmetric.

    definite=True gives positive s (positive definite); False gives s of both signs.
    """
    Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    s = rng.uniform(1.0, 2.0, n)
    if not definite:
        s[: n // 2] *= -1
    M = Q @ np.diag(s) @ Q.T
    return (M + M.T) / 2


def _sym_sample(definite=True, name="X", **others):
    """A sampler: `name` symmetric n × n (n = 4), others as {name: "n" (vector) or "nn"}."""

    def sample(rng, square=None):
        (n,) = dims(square, 4)
        inputs = {name: symmetric(rng, n, definite)}
        for other, spec in others.items():
            inputs[other] = rng.standard_normal((n,) * len(spec))
        return inputs

    return sample


# --8<-- [end:samples]


# --8<-- [start:logdet_spd]
LOGDET_SPD = Identity(
    id="structured.logdet_spd",
    family=FAMILY,
    title="log det of a symmetric positive definite X",
    tex=r"\frac{\partial \log \det X}{\partial X} = X^{-1}",
    tex_numerator=r"\frac{\partial \log \det X}{\partial X} = X^{-1}",
    conditions=("X: n × n, symmetric positive definite", "gradient within symmetric matrices"),
    variable="X",
    f=lambda X: np.log(det(X)),
    grad=lambda X: inv(X),
    numerator=lambda X: inv(X),
    sample=_sym_sample(),
    structure="symmetric",
)
# --8<-- [end:logdet_spd]


# --8<-- [start:det_sym]
DET_SYM = Identity(
    id="structured.det_sym",
    family=FAMILY,
    title="determinant of a symmetric X",
    tex=r"\frac{\partial \det X}{\partial X} = \det(X)\, X^{-1}",
    tex_numerator=r"\frac{\partial \det X}{\partial X} = \det(X)\, X^{-1}",
    conditions=("X: n × n, symmetric, invertible (may be indefinite)",),
    variable="X",
    f=lambda X: det(X),
    grad=lambda X: det(X) * inv(X),
    numerator=lambda X: det(X) * inv(X),
    sample=_sym_sample(definite=False),
    exact="rational",
    structure="symmetric",
)
# --8<-- [end:det_sym]


# --8<-- [start:tr_AX_sym]
TR_AX_SYM = Identity(
    id="structured.tr_AX_sym",
    family=FAMILY,
    title="tr(AX) for symmetric X and any A",
    tex=r"\frac{\partial \operatorname{tr}(AX)}{\partial X} = \frac{A + A^\top}{2}",
    tex_numerator=r"\frac{\partial \operatorname{tr}(AX)}{\partial X} = \frac{A + A^\top}{2}",
    conditions=("X: n × n, symmetric", "A: n × n, not symmetric"),
    variable="X",
    f=lambda X, A: np.trace(A @ X),
    grad=lambda X, A: (A + A.T) / 2,
    numerator=lambda X, A: (A.T + A) / 2,
    sample=_sym_sample(A="nn"),
    exact="polynomial",
    structure="symmetric",
)
# --8<-- [end:tr_AX_sym]


# --8<-- [start:aXb_sym]
AXB_SYM = Identity(
    id="structured.aXb_sym",
    family=FAMILY,
    title="bilinear form aᵀXb for symmetric X",
    tex=r"\frac{\partial\, a^\top X b}{\partial X} = \frac{a b^\top + b a^\top}{2}",
    tex_numerator=r"\frac{\partial\, a^\top X b}{\partial X} = \frac{b a^\top + a b^\top}{2}",
    conditions=("X: n × n, symmetric", "a, b: n"),
    variable="X",
    f=lambda X, a, b: a @ X @ b,
    grad=lambda X, a, b: (np.outer(a, b) + np.outer(b, a)) / 2,
    numerator=lambda X, a, b: (np.outer(b, a) + np.outer(a, b)) / 2,
    sample=_sym_sample(a="n", b="n"),
    exact="polynomial",
    structure="symmetric",
)
# --8<-- [end:aXb_sym]


# --8<-- [start:xXx_sym]
XXX_SYM = Identity(
    id="structured.xXx_sym",
    family=FAMILY,
    title="quadratic form xᵀXx, by the symmetric matrix",
    tex=r"\frac{\partial\, x^\top X x}{\partial X} = x x^\top",
    tex_numerator=r"\frac{\partial\, x^\top X x}{\partial X} = x x^\top",
    conditions=("X: n × n, symmetric", "x: n"),
    variable="X",
    f=lambda X, x: x @ X @ x,
    grad=lambda X, x: np.outer(x, x),
    numerator=lambda X, x: np.outer(x, x),
    sample=_sym_sample(x="n"),
    exact="polynomial",
    structure="symmetric",
)
# --8<-- [end:xXx_sym]


# --8<-- [start:tr_AXinv_spd]
TR_AXINV_SPD = Identity(
    id="structured.tr_AXinv_spd",
    family=FAMILY,
    title="tr(AX⁻¹) for symmetric positive definite X",
    tex=r"\frac{\partial \operatorname{tr}(A X^{-1})}{\partial X}"
    r" = -X^{-1}\, \frac{A + A^\top}{2}\, X^{-1}",
    tex_numerator=r"\frac{\partial \operatorname{tr}(A X^{-1})}{\partial X}"
    r" = -X^{-1}\, \frac{A^\top + A}{2}\, X^{-1}",
    conditions=("X: n × n, symmetric positive definite", "A: n × n, not symmetric"),
    variable="X",
    f=lambda X, A: np.trace(A @ inv(X)),
    grad=lambda X, A: -inv(X) @ ((A + A.T) / 2) @ inv(X),
    numerator=lambda X, A: -inv(X) @ ((A.T + A) / 2) @ inv(X),
    sample=_sym_sample(A="nn"),
    exact="rational",
    structure="symmetric",
)
# --8<-- [end:tr_AXinv_spd]


# --8<-- [start:gauss_nll]
def _gauss_nll_grad(S, d):
    """(S⁻¹ − S⁻¹ d dᵀ S⁻¹)/2; S: (n, n) symmetric positive definite, d: (n,)."""
    Y = inv(S)
    return (Y - np.outer(Y @ d, Y @ d)) / 2


GAUSS_NLL = Identity(
    id="structured.gauss_nll",
    family=FAMILY,
    title="Gaussian negative log-likelihood, by the covariance",
    tex=r"\frac{\partial}{\partial S} \left(\tfrac{1}{2} \log \det S + \tfrac{1}{2} d^\top S^{-1} d"
    r"\right) = \tfrac{1}{2} \left(S^{-1} - S^{-1} d d^\top S^{-1}\right)",
    tex_numerator=r"\frac{\partial}{\partial S} \left(\tfrac{1}{2} \log \det S"
    r" + \tfrac{1}{2} d^\top S^{-1} d\right)"
    r" = \tfrac{1}{2} \left(S^{-1} - S^{-1} d d^\top S^{-1}\right)",
    conditions=("S: n × n covariance, symmetric positive definite", "d = x − μ: n"),
    variable="S",
    f=lambda S, d: (np.log(det(S)) + d @ inv(S) @ d) / 2,
    grad=_gauss_nll_grad,
    numerator=lambda S, d: (inv(S) - np.outer(inv(S) @ d, inv(S) @ d)) / 2,
    sample=_sym_sample(name="S", d="n"),
    structure="symmetric",
)
# --8<-- [end:gauss_nll]


# --8<-- [start:fro_XminusA_sym]
FRO_XMINUSA_SYM = Identity(
    id="structured.fro_XminusA_sym",
    family=FAMILY,
    title="distance to a non-symmetric A, over symmetric X",
    tex=r"\frac{\partial \lVert X - A \rVert_F^2}{\partial X}"
    r" = 2 \left(X - \frac{A + A^\top}{2}\right)",
    tex_numerator=r"\frac{\partial \lVert X - A \rVert_F^2}{\partial X}"
    r" = 2 \left(X - \frac{A^\top + A}{2}\right)",
    conditions=("X: n × n, symmetric", "A: n × n, not symmetric"),
    variable="X",
    f=lambda X, A: np.sum((X - A) * (X - A)),
    grad=lambda X, A: 2 * (X - (A + A.T) / 2),
    numerator=lambda X, A: 2 * (X - (A.T + A) / 2),
    sample=_sym_sample(A="nn"),
    exact="polynomial",
    structure="symmetric",
)
# --8<-- [end:fro_XminusA_sym]


# --8<-- [start:tr_XAX_sym]
TR_XAX_SYM = Identity(
    id="structured.tr_XAX_sym",
    family=FAMILY,
    title="tr(XAX) for symmetric X and any A",
    tex=r"\frac{\partial \operatorname{tr}(X A X)}{\partial X}"
    r" = \frac{X (A + A^\top) + (A + A^\top) X}{2}",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X A X)}{\partial X}"
    r" = \frac{(A^\top + A) X + X (A^\top + A)}{2}",
    conditions=("X: n × n, symmetric", "A: n × n, not symmetric"),
    variable="X",
    f=lambda X, A: np.trace(X @ A @ X),
    grad=lambda X, A: (X @ (A + A.T) + (A + A.T) @ X) / 2,
    numerator=lambda X, A: ((A.T + A) @ X + X @ (A.T + A)) / 2,
    sample=_sym_sample(A="nn"),
    exact="polynomial",
    structure="symmetric",
)
# --8<-- [end:tr_XAX_sym]


IDENTITIES: list[Identity] = [
    LOGDET_SPD,
    DET_SYM,
    TR_AX_SYM,
    AXB_SYM,
    XXX_SYM,
    TR_AXINV_SPD,
    GAUSS_NLL,
    FRO_XMINUSA_SYM,
    TR_XAX_SYM,
]
