"""Catalogue family "structured": scalar functions of a symmetric matrix X.

Site machinery: the family's registry records, which point at the copyable functions in
snippets/catalog/code/; it imports the site's own modules, so it does not run alone.

The gradient of every entry here is the gradient WITHIN the symmetric matrices: the one
symmetric S with df = S : dX for every symmetric change dX. If ∇f is the gradient of the same
formula with X treated as a free square matrix, then S = (∇f + (∇f)ᵀ)/2.

A second convention is common in statistics texts: treat each pair X_ij = X_ji (i < j) as one
variable and collect the partial derivatives by those variables into a matrix. That matrix
is E = ∇f + (∇f)ᵀ − ∇f ∘ I = 2S − S ∘ I (`entrywise` below). It holds the same information as
S, but it is not a gradient for the Frobenius product: E : dX is not df.
"""

import numpy as np

from snippets.catalog.code import structured as copyable
from snippets.catalog.determinants import dims
from snippets.catalog.entry import Identity
from snippets.catalog.linalg import exact_capable
from snippets.catalog.sample import symmetric

#: The copyable functions (snippets/catalog/code/structured.py), also runnable on exact matrices.
code = exact_capable(copyable)

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


def _sym_sample(definite=True, name="X", **others):
    """A sampler: `name` symmetric n × n (n = 4, may be 1), others as {name: "n" (vector) or
    "nn"}. definite=True: positive definite; None: any definiteness (snippets/catalog/sample.py,
    `symmetric`)."""

    def sample(rng, square=None):
        (n,) = dims(square, 4, rng=rng)
        inputs = {name: symmetric(rng, n, definite)}
        for other, spec in others.items():
            inputs[other] = rng.standard_normal((n,) * len(spec))
        return inputs

    return sample


LOGDET_SPD = Identity(
    id="structured.logdet_spd",
    family=FAMILY,
    title="log det of a symmetric positive definite X",
    tex=r"\frac{\partial \log \det X}{\partial X} = X^{-1}",
    tex_numerator=r"\frac{\partial \log \det X}{\partial X} = X^{-1}",
    conditions=("X: n × n, symmetric positive definite", "gradient within symmetric matrices"),
    variable="X",
    f=code.f_logdet_spd,
    grad=code.grad_logdet_spd,
    numerator=code.numerator_logdet_spd,
    sample=_sym_sample(),
    structure="symmetric",
)


DET_SYM = Identity(
    id="structured.det_sym",
    family=FAMILY,
    title="determinant of a symmetric X",
    tex=r"\frac{\partial \det X}{\partial X} = \det(X)\, X^{-1}",
    tex_numerator=r"\frac{\partial \det X}{\partial X} = \det(X)\, X^{-1}",
    conditions=("X: n × n, symmetric, invertible (may be indefinite)",),
    variable="X",
    f=code.f_det_sym,
    grad=code.grad_det_sym,
    numerator=code.numerator_det_sym,
    sample=_sym_sample(definite=None),
    exact="rational",
    structure="symmetric",
)


TR_AX_SYM = Identity(
    id="structured.tr_AX_sym",
    family=FAMILY,
    title="tr(AX) for symmetric X and any A",
    tex=r"\frac{\partial \operatorname{tr}(AX)}{\partial X} = \frac{A + A^\top}{2}",
    tex_numerator=r"\frac{\partial \operatorname{tr}(AX)}{\partial X} = \frac{A + A^\top}{2}",
    conditions=("X: n × n, symmetric", "A: n × n, not symmetric"),
    variable="X",
    f=code.f_tr_AX_sym,
    grad=code.grad_tr_AX_sym,
    numerator=code.numerator_tr_AX_sym,
    sample=_sym_sample(None, A="nn"),
    exact="polynomial",
    structure="symmetric",
)


AXB_SYM = Identity(
    id="structured.aXb_sym",
    family=FAMILY,
    title="bilinear form aᵀXb for symmetric X",
    tex=r"\frac{\partial\, a^\top X b}{\partial X} = \frac{a b^\top + b a^\top}{2}",
    tex_numerator=r"\frac{\partial\, a^\top X b}{\partial X} = \frac{b a^\top + a b^\top}{2}",
    conditions=("X: n × n, symmetric", "a, b: n"),
    variable="X",
    f=code.f_aXb_sym,
    grad=code.grad_aXb_sym,
    numerator=code.numerator_aXb_sym,
    sample=_sym_sample(None, a="n", b="n"),
    exact="polynomial",
    structure="symmetric",
)


XXX_SYM = Identity(
    id="structured.xXx_sym",
    family=FAMILY,
    title="quadratic form xᵀXx, by the symmetric matrix",
    tex=r"\frac{\partial\, x^\top X x}{\partial X} = x x^\top",
    tex_numerator=r"\frac{\partial\, x^\top X x}{\partial X} = x x^\top",
    conditions=("X: n × n, symmetric", "x: n"),
    variable="X",
    f=code.f_xXx_sym,
    grad=code.grad_xXx_sym,
    numerator=code.numerator_xXx_sym,
    sample=_sym_sample(None, x="n"),
    exact="polynomial",
    structure="symmetric",
)


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
    f=code.f_tr_AXinv_spd,
    grad=code.grad_tr_AXinv_spd,
    numerator=code.numerator_tr_AXinv_spd,
    sample=_sym_sample(A="nn"),
    exact="rational",
    structure="symmetric",
)


GAUSS_NLL = Identity(
    id="structured.gauss_nll",
    family=FAMILY,
    title="Gaussian negative log-likelihood, by the covariance",
    tex=r"\frac{\partial}{\partial \Sigma} \left(\tfrac{1}{2} \log \det \Sigma"
    r" + \tfrac{1}{2} \tilde{x}^\top \Sigma^{-1} \tilde{x}\right)"
    r" = \tfrac{1}{2} \left(\Sigma^{-1} - \Sigma^{-1} \tilde{x} \tilde{x}^\top \Sigma^{-1}\right)",
    tex_numerator=r"\frac{\partial}{\partial \Sigma} \left(\tfrac{1}{2} \log \det \Sigma"
    r" + \tfrac{1}{2} \tilde{x}^\top \Sigma^{-1} \tilde{x}\right)"
    r" = \tfrac{1}{2} \left(\Sigma^{-1} - \Sigma^{-1} \tilde{x} \tilde{x}^\top \Sigma^{-1}\right)",
    conditions=("Σ: n × n covariance, symmetric positive definite", "y = x − μ: n"),
    variable="Sigma",
    f=code.f_gauss_nll,
    grad=code.grad_gauss_nll,
    numerator=code.numerator_gauss_nll,
    sample=_sym_sample(name="Sigma", y="n"),
    structure="symmetric",
)


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
    f=code.f_fro_XminusA_sym,
    grad=code.grad_fro_XminusA_sym,
    numerator=code.numerator_fro_XminusA_sym,
    sample=_sym_sample(None, A="nn"),
    exact="polynomial",
    structure="symmetric",
)


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
    f=code.f_tr_XAX_sym,
    grad=code.grad_tr_XAX_sym,
    numerator=code.numerator_tr_XAX_sym,
    sample=_sym_sample(None, A="nn"),
    exact="polynomial",
    structure="symmetric",
)


def _structured_sample(project):
    """X: n × n with the structure (the projection of a standard normal matrix), A: n × n
    standard normal; n = 4, or 1 in about 1 draw in 6 (`dims`), or `square`."""

    def sample(rng, square=None):
        (n,) = dims(square, 4, rng=rng)
        return {"X": project(rng.standard_normal((n, n))), "A": rng.standard_normal((n, n))}

    return sample


#: The orthogonal projection onto the matrices of each structure other than "symmetric".
PROJECTIONS = {
    "diagonal": copyable.diagonal_part,
    "toeplitz": copyable.toeplitz_part,
    "symmetric toeplitz": copyable.symmetric_toeplitz_part,
}


TR_AX_DIAG = Identity(
    id="structured.tr_AX_diag",
    family=FAMILY,
    title="tr(AX) for diagonal X",
    tex=r"\frac{\partial \operatorname{tr}(AX)}{\partial X} = A \circ I",
    tex_numerator=r"\frac{\partial \operatorname{tr}(AX)}{\partial X} = A \circ I",
    conditions=("X: n × n, diagonal", "gradient within diagonal matrices"),
    variable="X",
    f=code.f_tr_AX_diag,
    grad=code.grad_tr_AX_diag,
    numerator=code.numerator_tr_AX_diag,
    sample=_structured_sample(copyable.diagonal_part),
    structure="diagonal",
)


TR_AX_TOEPLITZ = Identity(
    id="structured.tr_AX_toeplitz",
    family=FAMILY,
    title="tr(AX) for Toeplitz X",
    tex=r"\frac{\partial \operatorname{tr}(AX)}{\partial X}"
    r" = \sum_{k=1-n}^{n-1} \frac{\operatorname{tr}_k(A^\top)}{n - |k|}\, I_k",
    tex_numerator=r"\frac{\partial \operatorname{tr}(AX)}{\partial X}"
    r" = \sum_{k=1-n}^{n-1} \frac{\operatorname{tr}_k(A)}{n - |k|}\, I_k",
    conditions=(
        "X: n × n, Toeplitz",
        "gradient within Toeplitz matrices",
        "tr_k: the sum of the diagonal k; I_k: ones on the diagonal k",
    ),
    variable="X",
    f=code.f_tr_AX_toeplitz,
    grad=code.grad_tr_AX_toeplitz,
    numerator=code.numerator_tr_AX_toeplitz,
    sample=_structured_sample(copyable.toeplitz_part),
    structure="toeplitz",
)


TR_AX_TOEPLITZ_SYM = Identity(
    id="structured.tr_AX_toeplitz_sym",
    family=FAMILY,
    title="tr(AX) for symmetric Toeplitz X",
    tex=r"\frac{\partial \operatorname{tr}(AX)}{\partial X}"
    r" = \frac{\operatorname{tr}(A)}{n} I + \sum_{k=1}^{n-1}"
    r" \frac{\operatorname{tr}_k(A) + \operatorname{tr}_{-k}(A)}{2(n - k)} (I_k + I_{-k})",
    tex_numerator=r"\frac{\partial \operatorname{tr}(AX)}{\partial X}"
    r" = \frac{\operatorname{tr}(A)}{n} I + \sum_{k=1}^{n-1}"
    r" \frac{\operatorname{tr}_k(A) + \operatorname{tr}_{-k}(A)}{2(n - k)} (I_k + I_{-k})",
    conditions=("X: n × n, symmetric Toeplitz", "gradient within symmetric Toeplitz matrices"),
    variable="X",
    f=code.f_tr_AX_toeplitz_sym,
    grad=code.grad_tr_AX_toeplitz_sym,
    numerator=code.numerator_tr_AX_toeplitz_sym,
    sample=_structured_sample(copyable.symmetric_toeplitz_part),
    structure="symmetric toeplitz",
)


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
    TR_AX_DIAG,
    TR_AX_TOEPLITZ,
    TR_AX_TOEPLITZ_SYM,
]
