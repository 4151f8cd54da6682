"""Traces: ∂ tr(·)/∂X for traces linear, bilinear, quadratic and powers in X, and of products.

Site machinery: the family's registry records, which point at the copyable functions in
snippets/catalog/code/; it imports the site's own modules, so it does not run alone.

The traces are linear, bilinear and quadratic in X, powers of X, and traces of Kronecker and
Hadamard products. Derived and checked on docs/catalog/traces.md.

X is p × r unless an entry says "X square"; the other factors have the shapes that make the
product inside the trace square (see each entry's Sample).
"""

import numpy as np

from snippets.catalog.code import traces as copyable
from snippets.catalog.determinants import GRAM_KAPPA, _general_middle
from snippets.catalog.entry import Identity
from snippets.catalog.linalg import exact_capable
from snippets.catalog.sample import Sample, dims, full_rank, invertible

#: The copyable functions (snippets/catalog/code/traces.py), also runnable on exact matrices.
code = exact_capable(copyable)

TRACE_X = Identity(
    id="traces.X",
    family="traces",
    title="tr(X)",
    tex=r"\frac{\partial \operatorname{tr}(X)}{\partial X} = I",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X)}{\partial X} = I",
    conditions=("X square",),
    variable="X",
    f=code.f_X,
    grad=code.grad_X,
    numerator=code.numerator_X,
    sample=Sample(X="pp"),
    exact="polynomial",
)

AX = Identity(
    id="traces.AX",
    family="traces",
    title="tr(AX)",
    tex=r"\frac{\partial \operatorname{tr}(AX)}{\partial X} = A^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(AX)}{\partial X} = A",
    conditions=(),
    variable="X",
    f=code.f_AX,
    grad=code.grad_AX,
    numerator=code.numerator_AX,
    sample=Sample(X="pr", A="rp"),
    exact="polynomial",
)

XA = Identity(
    id="traces.XA",
    family="traces",
    title="tr(XA)",
    tex=r"\frac{\partial \operatorname{tr}(XA)}{\partial X} = A^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(XA)}{\partial X} = A",
    conditions=(),
    variable="X",
    f=code.f_XA,
    grad=code.grad_XA,
    numerator=code.numerator_XA,
    sample=Sample(X="pr", A="rp"),
    exact="polynomial",
)

XtA = Identity(
    id="traces.XtA",
    family="traces",
    title="tr(XᵀA)",
    tex=r"\frac{\partial \operatorname{tr}(X^\top A)}{\partial X} = A",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^\top A)}{\partial X} = A^\top",
    conditions=(),
    variable="X",
    f=code.f_XtA,
    grad=code.grad_XtA,
    numerator=code.numerator_XtA,
    sample=Sample(X="pr", A="pr"),
    exact="polynomial",
)

AXt = Identity(
    id="traces.AXt",
    family="traces",
    title="tr(AXᵀ)",
    tex=r"\frac{\partial \operatorname{tr}(AX^\top)}{\partial X} = A",
    tex_numerator=r"\frac{\partial \operatorname{tr}(AX^\top)}{\partial X} = A^\top",
    conditions=(),
    variable="X",
    f=code.f_AXt,
    grad=code.grad_AXt,
    numerator=code.numerator_AXt,
    sample=Sample(X="pr", A="pr"),
    exact="polynomial",
)

AXB = Identity(
    id="traces.AXB",
    family="traces",
    title="tr(AXB)",
    tex=r"\frac{\partial \operatorname{tr}(AXB)}{\partial X} = A^\top B^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(AXB)}{\partial X} = BA",
    conditions=(),
    variable="X",
    f=code.f_AXB,
    grad=code.grad_AXB,
    numerator=code.numerator_AXB,
    sample=Sample(X="pr", A="sp", B="rs"),
    exact="polynomial",
)

AXtB = Identity(
    id="traces.AXtB",
    family="traces",
    title="tr(AXᵀB)",
    tex=r"\frac{\partial \operatorname{tr}(AX^\top B)}{\partial X} = BA",
    tex_numerator=r"\frac{\partial \operatorname{tr}(AX^\top B)}{\partial X} = A^\top B^\top",
    conditions=(),
    variable="X",
    f=code.f_AXtB,
    grad=code.grad_AXtB,
    numerator=code.numerator_AXtB,
    sample=Sample(X="pr", A="sr", B="ps"),
    exact="polynomial",
)

XtX = Identity(
    id="traces.XtX",
    family="traces",
    title="tr(XᵀX)",
    tex=r"\frac{\partial \operatorname{tr}(X^\top X)}{\partial X} = 2X",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^\top X)}{\partial X} = 2X^\top",
    conditions=(),
    variable="X",
    f=code.f_XtX,
    grad=code.grad_XtX,
    numerator=code.numerator_XtX,
    sample=Sample(X="pr"),
    exact="polynomial",
)

XtAX = Identity(
    id="traces.XtAX",
    family="traces",
    title="tr(XᵀAX)",
    tex=r"\frac{\partial \operatorname{tr}(X^\top A X)}{\partial X} = (A + A^\top) X",
    tex_numerator=(
        r"\frac{\partial \operatorname{tr}(X^\top A X)}{\partial X}"
        r" = X^\top (A^\top + A)"
    ),
    conditions=(),
    variable="X",
    f=code.f_XtAX,
    grad=code.grad_XtAX,
    numerator=code.numerator_XtAX,
    sample=Sample(X="pr", A="pp"),
    exact="polynomial",
)

XtAX_sym = Identity(
    id="traces.XtAX_sym",
    family="traces",
    title="tr(XᵀAX), A symmetric",
    tex=r"\frac{\partial \operatorname{tr}(X^\top A X)}{\partial X} = 2AX",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^\top A X)}{\partial X} = 2X^\top A",
    conditions=("A symmetric",),
    variable="X",
    f=code.f_XtAX_sym,
    grad=code.grad_XtAX_sym,
    numerator=code.numerator_XtAX_sym,
    sample=Sample(X="pr", A="pp sym"),
    exact="polynomial",
)

XAXt = Identity(
    id="traces.XAXt",
    family="traces",
    title="tr(XAXᵀ)",
    tex=r"\frac{\partial \operatorname{tr}(X A X^\top)}{\partial X} = X (A + A^\top)",
    tex_numerator=(
        r"\frac{\partial \operatorname{tr}(X A X^\top)}{\partial X}"
        r" = (A^\top + A) X^\top"
    ),
    conditions=(),
    variable="X",
    f=code.f_XAXt,
    grad=code.grad_XAXt,
    numerator=code.numerator_XAXt,
    sample=Sample(X="pr", A="rr"),
    exact="polynomial",
)

XtBXC = Identity(
    id="traces.XtBXC",
    family="traces",
    title="tr(XᵀBXC)",
    tex=r"\frac{\partial \operatorname{tr}(X^\top B X C)}{\partial X} = BXC + B^\top X C^\top",
    tex_numerator=(
        r"\frac{\partial \operatorname{tr}(X^\top B X C)}{\partial X}"
        r" = C^\top X^\top B^\top + C X^\top B"
    ),
    conditions=(),
    variable="X",
    f=code.f_XtBXC,
    grad=code.grad_XtBXC,
    numerator=code.numerator_XtBXC,
    sample=Sample(X="pr", B="pp", C="rr"),
    exact="polynomial",
)

AXBX = Identity(
    id="traces.AXBX",
    family="traces",
    title="tr(AXBX)",
    tex=(
        r"\frac{\partial \operatorname{tr}(AXBX)}{\partial X}"
        r" = A^\top X^\top B^\top + B^\top X^\top A^\top"
    ),
    tex_numerator=r"\frac{\partial \operatorname{tr}(AXBX)}{\partial X} = BXA + AXB",
    conditions=(),
    variable="X",
    f=code.f_AXBX,
    grad=code.grad_AXBX,
    numerator=code.numerator_AXBX,
    sample=Sample(X="pr", A="rp", B="rp"),
    exact="polynomial",
)

AXBXtC = Identity(
    id="traces.AXBXtC",
    family="traces",
    title="tr(AXBXᵀC)",
    tex=(
        r"\frac{\partial \operatorname{tr}(A X B X^\top C)}{\partial X}"
        r" = A^\top C^\top X B^\top + C A X B"
    ),
    tex_numerator=(
        r"\frac{\partial \operatorname{tr}(A X B X^\top C)}{\partial X}"
        r" = B X^\top C A + B^\top X^\top A^\top C^\top"
    ),
    conditions=(),
    variable="X",
    f=code.f_AXBXtC,
    grad=code.grad_AXBXtC,
    numerator=code.numerator_AXBXtC,
    sample=Sample(X="pr", A="sp", B="rr", C="ps"),
    exact="polynomial",
)

X2 = Identity(
    id="traces.X2",
    family="traces",
    title="tr(X²)",
    tex=r"\frac{\partial \operatorname{tr}(X^2)}{\partial X} = 2X^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^2)}{\partial X} = 2X",
    conditions=("X square",),
    variable="X",
    f=code.f_X2,
    grad=code.grad_X2,
    numerator=code.numerator_X2,
    sample=Sample(X="pp"),
    exact="polynomial",
)

X3 = Identity(
    id="traces.X3",
    family="traces",
    title="tr(X³)",
    tex=r"\frac{\partial \operatorname{tr}(X^3)}{\partial X} = 3 (X^2)^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^3)}{\partial X} = 3X^2",
    conditions=("X square",),
    variable="X",
    f=code.f_X3,
    grad=code.grad_X3,
    numerator=code.numerator_X3,
    sample=Sample(X="pp"),
    exact="polynomial",
)

AX2 = Identity(
    id="traces.AX2",
    family="traces",
    title="tr(AX²)",
    tex=r"\frac{\partial \operatorname{tr}(AX^2)}{\partial X} = A^\top X^\top + X^\top A^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(AX^2)}{\partial X} = XA + AX",
    conditions=("X square",),
    variable="X",
    f=code.f_AX2,
    grad=code.grad_AX2,
    numerator=code.numerator_AX2,
    sample=Sample(X="pp", A="pp"),
    exact="polynomial",
)

XkronA = Identity(
    id="traces.XkronA",
    family="traces",
    title="tr(X ⊗ A)",
    tex=r"\frac{\partial \operatorname{tr}(X \otimes A)}{\partial X} = \operatorname{tr}(A)\, I",
    tex_numerator=(
        r"\frac{\partial \operatorname{tr}(X \otimes A)}{\partial X}"
        r" = \operatorname{tr}(A)\, I"
    ),
    conditions=("X square", "A square"),
    variable="X",
    f=code.f_XkronA,
    grad=code.grad_XkronA,
    numerator=code.numerator_XkronA,
    sample=Sample(X="pp", A="rr"),
    exact="polynomial",
)

HADAMARD = Identity(
    id="traces.hadamard",
    family="traces",
    title="tr((A ∘ X)B)",
    tex=r"\frac{\partial \operatorname{tr}((A \circ X) B)}{\partial X} = A \circ B^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}((A \circ X) B)}{\partial X} = A^\top \circ B",
    conditions=(),
    variable="X",
    f=code.f_hadamard,
    grad=code.grad_hadamard,
    numerator=code.numerator_hadamard,
    sample=Sample(X="pr", A="pr", B="rp"),
    exact="polynomial",
)

A_XoX = Identity(
    id="traces.A_XoX",
    family="traces",
    title="tr(A(X ∘ X))",
    tex=r"\frac{\partial \operatorname{tr}(A (X \circ X))}{\partial X} = 2 A^\top \circ X",
    tex_numerator=(
        r"\frac{\partial \operatorname{tr}(A (X \circ X))}{\partial X}"
        r" = 2 A \circ X^\top"
    ),
    conditions=(),
    variable="X",
    f=code.f_A_XoX,
    grad=code.grad_A_XoX,
    numerator=code.numerator_A_XoX,
    sample=Sample(X="pr", A="rp"),
    exact="polynomial",
)


def _power_sample(with_A):
    """X: n × n scaled by 1/√n (so powers stay of order one), an integer power k̄ = k in 3..6
    (k̄ ≤ 2 has entries of its own), and A: n × n if asked; n = 4 (sometimes 1) unless
    `square`."""

    def sample(rng, square=None):
        (n,) = dims(square, 4, rng=rng)
        inputs = {"X": rng.standard_normal((n, n)) / np.sqrt(n)}
        if with_A:
            inputs["A"] = rng.standard_normal((n, n))
        inputs["k"] = int(rng.integers(3, 7))
        return inputs

    return sample


def _quotient_sample(with_A, with_B):
    """X: p × r with p > r, of full column rank (condition number up to KAPPA_MAX^(1/2)); C:
    p × p general (not symmetric, either determinant sign, its symmetric part mostly
    indefinite) such that 𝓜 = XᵀCX is drawn by `invertible`: condition number up to
    KAPPA_MAX, either determinant sign (see determinants._general_middle). With X square and
    invertible, tr((XᵀCX)⁻¹XᵀBX) = tr(C⁻¹B) would be constant, hence p > r. B: p × p and A:
    r × r standard normal. Sizes p = 5, r = 3 (r may be 1), or r = square, p = square + 1."""

    def sample(rng, square=None):
        p, r = dims(None, 5, 3, rng=rng, ones=[1]) if square is None else (square + 1, square)
        X = full_rank(rng, p, r, GRAM_KAPPA)
        inputs = {"X": X}
        if with_A:
            inputs["A"] = rng.standard_normal((r, r))
        if with_B:
            inputs["B"] = rng.standard_normal((p, p))
        inputs["C"] = _general_middle(rng, X)
        return inputs

    return sample


def _sample_AplusXtCXinv_XtBX(rng, square=None):
    """X: p × r and B: p × p standard normal, C: p × p standard normal divided by p (so that
    XᵀCX, like 𝓜, has entries of order one: A below is then not the small difference of large
    terms, along which f would curve faster than the checks' steps resolve). 𝓜 = A + XᵀCX is
    drawn by `invertible` (condition number up to KAPPA_MAX, either determinant sign), then
    A = 𝓜 − XᵀCX: r × r, general like C. Sizes p = 5, r = 3 (r may be 1), or r = square,
    p = square + 1 (p > r, as for the other traces of 𝓜⁻¹, docs/catalog/traces.md)."""
    p, r = dims(None, 5, 3, rng=rng, ones=[1]) if square is None else (square + 1, square)
    X = rng.standard_normal((p, r))
    B = rng.standard_normal((p, p))
    C = rng.standard_normal((p, p)) / p
    return {"X": X, "A": invertible(rng, r) - X.T @ C @ X, "B": B, "C": C}


Xk = Identity(
    id="traces.Xk",
    family="traces",
    title="tr(Xᵏ̄), any integer power",
    tex=r"\frac{\partial \operatorname{tr}(X^{\bar{k}})}{\partial X}"
    r" = \bar{k} (X^{\bar{k}-1})^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^{\bar{k}})}{\partial X}"
    r" = \bar{k} X^{\bar{k}-1}",
    conditions=("X square", "k̄ a positive integer"),
    variable="X",
    f=code.f_Xk,
    grad=code.grad_Xk,
    numerator=code.numerator_Xk,
    sample=_power_sample(with_A=False),
)

AXk = Identity(
    id="traces.AXk",
    family="traces",
    title="tr(AXᵏ̄), any integer power",
    tex=r"\frac{\partial \operatorname{tr}(A X^{\bar{k}})}{\partial X}"
    r" = \sum_{k=0}^{\bar{k}-1} (X^k A X^{\bar{k}-1-k})^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(A X^{\bar{k}})}{\partial X}"
    r" = \sum_{k=0}^{\bar{k}-1} X^k A X^{\bar{k}-1-k}",
    conditions=("X square", "k̄ a positive integer"),
    variable="X",
    f=code.f_AXk,
    grad=code.grad_AXk,
    numerator=code.numerator_AXk,
    sample=_power_sample(with_A=True),
)

BtXtCXXtCXB = Identity(
    id="traces.BtXtCXXtCXB",
    family="traces",
    title="tr(BᵀXᵀCXXᵀCXB), quartic in X",
    tex=r"\frac{\partial \operatorname{tr}(B^\top X^\top C X X^\top C X B)}"
    r"{\partial X} = C X \mathcal{N} + C^\top X \mathcal{N}^\top,"
    r" \quad \mathcal{N} = X^\top C X B B^\top + B B^\top X^\top C X",
    tex_numerator=r"\frac{\partial \operatorname{tr}"
    r"(B^\top X^\top C X X^\top C X B)}{\partial X}"
    r" = \mathcal{N}^\top X^\top C^\top + \mathcal{N} X^\top C",
    conditions=(),
    variable="X",
    f=code.f_BtXtCXXtCXB,
    grad=code.grad_BtXtCXXtCXB,
    numerator=code.numerator_BtXtCXXtCXB,
    sample=Sample(X="pr", B="rs", C="pp"),
    exact="polynomial",
)

XtCXinv_A = Identity(
    id="traces.XtCXinv_A",
    family="traces",
    title="tr((XᵀCX)⁻¹A)",
    tex=r"\frac{\partial \operatorname{tr}((X^\top C X)^{-1} A)}{\partial X}"
    r" = -C X \mathcal{N} - C^\top X \mathcal{N}^\top,"
    r" \quad \mathcal{N} = \mathcal{M}^{-1} A \mathcal{M}^{-1}",
    tex_numerator=r"\frac{\partial \operatorname{tr}((X^\top C X)^{-1} A)}{\partial X}"
    r" = -\mathcal{N}^\top X^\top C^\top - \mathcal{N} X^\top C",
    conditions=("X: p × r, 𝓜 = XᵀCX invertible",),
    variable="X",
    f=code.f_XtCXinv_A,
    grad=code.grad_XtCXinv_A,
    numerator=code.numerator_XtCXinv_A,
    sample=_quotient_sample(with_A=True, with_B=False),
    exact="rational",
)

XtCXinv_XtBX = Identity(
    id="traces.XtCXinv_XtBX",
    family="traces",
    title="tr((XᵀCX)⁻¹XᵀBX)",
    tex=r"\frac{\partial \operatorname{tr}((X^\top C X)^{-1} X^\top B X)}"
    r"{\partial X} = B X \mathcal{M}^{-1} + B^\top X \mathcal{M}^{-\top}"
    r" - C X \mathcal{N} - C^\top X \mathcal{N}^\top,"
    r" \quad \mathcal{N} = \mathcal{M}^{-1} X^\top B X \mathcal{M}^{-1}",
    tex_numerator=r"\frac{\partial \operatorname{tr}"
    r"((X^\top C X)^{-1} X^\top B X)}{\partial X}"
    r" = \mathcal{M}^{-\top} X^\top B^\top + \mathcal{M}^{-1} X^\top B"
    r" - \mathcal{N}^\top X^\top C^\top - \mathcal{N} X^\top C",
    conditions=("X: p × r, 𝓜 = XᵀCX invertible",),
    variable="X",
    f=code.f_XtCXinv_XtBX,
    grad=code.grad_XtCXinv_XtBX,
    numerator=code.numerator_XtCXinv_XtBX,
    sample=_quotient_sample(with_A=False, with_B=True),
    exact="rational",
)

AplusXtCXinv_XtBX = Identity(
    id="traces.AplusXtCXinv_XtBX",
    family="traces",
    title="tr((A + XᵀCX)⁻¹XᵀBX)",
    tex=r"\frac{\partial \operatorname{tr}((A + X^\top C X)^{-1} X^\top B X)}"
    r"{\partial X} = B X \mathcal{M}^{-1} + B^\top X \mathcal{M}^{-\top}"
    r" - C X \mathcal{N} - C^\top X \mathcal{N}^\top,"
    r" \quad \mathcal{N} = \mathcal{M}^{-1} X^\top B X \mathcal{M}^{-1}",
    tex_numerator=r"\frac{\partial \operatorname{tr}"
    r"((A + X^\top C X)^{-1} X^\top B X)}{\partial X}"
    r" = \mathcal{M}^{-\top} X^\top B^\top + \mathcal{M}^{-1} X^\top B"
    r" - \mathcal{N}^\top X^\top C^\top - \mathcal{N} X^\top C",
    conditions=("𝓜 = A + XᵀCX invertible",),
    variable="X",
    f=code.f_AplusXtCXinv_XtBX,
    grad=code.grad_AplusXtCXinv_XtBX,
    numerator=code.numerator_AplusXtCXinv_XtBX,
    sample=_sample_AplusXtCXinv_XtBX,
    exact="rational",
)

SINX = Identity(
    id="traces.sinX",
    family="traces",
    title="tr(sin X)",
    tex=r"\frac{\partial \operatorname{tr}(\sin X)}{\partial X} = (\cos X)^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(\sin X)}{\partial X} = \cos X",
    conditions=("X square", "X diagonalizable (for the eigendecomposition)"),
    variable="X",
    f=code.f_sinX,
    grad=code.grad_sinX,
    numerator=code.numerator_sinX,
    sample=Sample(X="pp"),
)

EXPX = Identity(
    id="traces.expX",
    family="traces",
    title="tr(e^X)",
    tex=r"\frac{\partial \operatorname{tr}(\exp X)}{\partial X} = (\exp X)^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(\exp X)}{\partial X} = \exp X",
    conditions=("X square", "X diagonalizable (for the eigendecomposition)"),
    variable="X",
    f=code.f_expX,
    grad=code.grad_expX,
    numerator=code.numerator_expX,
    sample=Sample(X="pp"),
)

XkronX = Identity(
    id="traces.XkronX",
    family="traces",
    title="tr(X ⊗ X)",
    tex=r"\frac{\partial \operatorname{tr}(X \otimes X)}{\partial X}"
    r" = 2 \operatorname{tr}(X)\, I",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X \otimes X)}{\partial X}"
    r" = 2 \operatorname{tr}(X)\, I",
    conditions=("X square",),
    variable="X",
    f=code.f_XkronX,
    grad=code.grad_XkronX,
    numerator=code.numerator_XkronX,
    sample=Sample(X="pp"),
    exact="polynomial",
)

IDENTITIES = [
    TRACE_X,
    AX,
    XA,
    XtA,
    AXt,
    AXB,
    AXtB,
    XtX,
    XtAX,
    XtAX_sym,
    XAXt,
    XtBXC,
    AXBX,
    AXBXtC,
    X2,
    X3,
    AX2,
    XkronA,
    HADAMARD,
    A_XoX,
    Xk,
    AXk,
    BtXtCXXtCXB,
    XtCXinv_A,
    XtCXinv_XtBX,
    AplusXtCXinv_XtBX,
    SINX,
    EXPX,
    XkronX,
]
