"""Scalar forms: linear, bilinear and quadratic forms in a vector x or a matrix X.

Site machinery: the family's registry records, which point at the copyable functions in
snippets/catalog/code/; it imports the site's own modules, so it does not run alone.

Derived and checked on docs/catalog/forms.md.

For a vector x of length n the gradient is a vector of length n and the numerator-layout
derivative a 1 × n row; for X of shape p × r the gradient is p × r and the numerator form r × p.
"""

import numpy as np

from snippets.catalog.code import forms as copyable
from snippets.catalog.entry import Identity
from snippets.catalog.linalg import exact_capable
from snippets.catalog.sample import Sample, dims

#: The copyable functions (snippets/catalog/code/forms.py), also runnable on exact matrices.
code = exact_capable(copyable)

FORM_ax = Identity(
    id="forms.ax",
    family="forms",
    title="linear form aᵀx",
    tex=r"\frac{\partial a^\top x}{\partial x} = a",
    tex_numerator=r"\frac{\partial a^\top x}{\partial x} = a^\top",
    conditions=(),
    variable="x",
    f=code.f_ax,
    grad=code.grad_ax,
    numerator=code.numerator_ax,
    sample=Sample(x="p", a="p"),
    exact="polynomial",
)

FORM_xa = Identity(
    id="forms.xa",
    family="forms",
    title="linear form xᵀa",
    tex=r"\frac{\partial x^\top a}{\partial x} = a",
    tex_numerator=r"\frac{\partial x^\top a}{\partial x} = a^\top",
    conditions=(),
    variable="x",
    f=code.f_xa,
    grad=code.grad_xa,
    numerator=code.numerator_xa,
    sample=Sample(x="p", a="p"),
    exact="polynomial",
)

FORM_xx = Identity(
    id="forms.xx",
    family="forms",
    title="squared length xᵀx",
    tex=r"\frac{\partial x^\top x}{\partial x} = 2x",
    tex_numerator=r"\frac{\partial x^\top x}{\partial x} = 2x^\top",
    conditions=(),
    variable="x",
    f=code.f_xx,
    grad=code.grad_xx,
    numerator=code.numerator_xx,
    sample=Sample(x="p"),
    exact="polynomial",
)

FORM_aAx = Identity(
    id="forms.aAx",
    family="forms",
    title="bilinear form aᵀAx",
    tex=r"\frac{\partial a^\top A x}{\partial x} = A^\top a",
    tex_numerator=r"\frac{\partial a^\top A x}{\partial x} = a^\top A",
    conditions=(),
    variable="x",
    f=code.f_aAx,
    grad=code.grad_aAx,
    numerator=code.numerator_aAx,
    sample=Sample(x="p", a="s", A="sp"),
    exact="polynomial",
)

FORM_xAb = Identity(
    id="forms.xAb",
    family="forms",
    title="bilinear form xᵀAb",
    tex=r"\frac{\partial x^\top A b}{\partial x} = Ab",
    tex_numerator=r"\frac{\partial x^\top A b}{\partial x} = b^\top A^\top",
    conditions=(),
    variable="x",
    f=code.f_xAb,
    grad=code.grad_xAb,
    numerator=code.numerator_xAb,
    sample=Sample(x="p", A="ps", b="s"),
    exact="polynomial",
)

FORM_xAx = Identity(
    id="forms.xAx",
    family="forms",
    title="quadratic form xᵀAx",
    tex=r"\frac{\partial x^\top A x}{\partial x} = (A + A^\top) x",
    tex_numerator=r"\frac{\partial x^\top A x}{\partial x} = x^\top (A^\top + A)",
    conditions=(),
    variable="x",
    f=code.f_xAx,
    grad=code.grad_xAx,
    numerator=code.numerator_xAx,
    sample=Sample(x="p", A="pp"),
    exact="polynomial",
)

FORM_xAx_sym = Identity(
    id="forms.xAx_sym",
    family="forms",
    title="quadratic form, A symmetric",
    tex=r"\frac{\partial x^\top A x}{\partial x} = 2Ax",
    tex_numerator=r"\frac{\partial x^\top A x}{\partial x} = 2x^\top A",
    conditions=("A symmetric",),
    variable="x",
    f=code.f_xAx_sym,
    grad=code.grad_xAx_sym,
    numerator=code.numerator_xAx_sym,
    sample=Sample(x="p", A="pp sym"),
    exact="polynomial",
)

FORM_quadratic = Identity(
    id="forms.quadratic",
    family="forms",
    title="quadratic objective ½xᵀAx − bᵀx",
    tex=r"\frac{\partial \left(\tfrac{1}{2} x^\top A x - b^\top x\right)}{\partial x} = Ax - b",
    tex_numerator=(
        r"\frac{\partial \left(\tfrac{1}{2} x^\top A x - b^\top x\right)}{\partial x}"
        r" = x^\top A - b^\top"
    ),
    conditions=("A symmetric",),
    variable="x",
    f=code.f_quadratic,
    grad=code.grad_quadratic,
    numerator=code.numerator_quadratic,
    sample=Sample(x="p", A="pp sym", b="p"),
    exact="polynomial",
)

FORM_affine = Identity(
    id="forms.affine",
    family="forms",
    title="product of two affine maps",
    tex=(
        r"\frac{\partial \left((Ax + b)^\top C (Bx + e)\right)}{\partial x}"
        r" = A^\top C (Bx + e) + B^\top C^\top (Ax + b)"
    ),
    tex_numerator=(
        r"\frac{\partial \left((Ax + b)^\top C (Bx + e)\right)}{\partial x}"
        r" = (Bx + e)^\top C^\top A + (Ax + b)^\top C B"
    ),
    conditions=(),
    variable="x",
    f=code.f_affine,
    grad=code.grad_affine,
    numerator=code.numerator_affine,
    sample=Sample(x="p", A="sp", b="s", C="st", B="tp", e="t"),
    exact="polynomial",
)

FORM_axxb = Identity(
    id="forms.axxb",
    family="forms",
    title="aᵀxxᵀb",
    tex=r"\frac{\partial \left(a^\top x\, x^\top b\right)}{\partial x} = (ab^\top + ba^\top) x",
    tex_numerator=(
        r"\frac{\partial \left(a^\top x\, x^\top b\right)}{\partial x}"
        r" = x^\top (ba^\top + ab^\top)"
    ),
    conditions=(),
    variable="x",
    f=code.f_axxb,
    grad=code.grad_axxb,
    numerator=code.numerator_axxb,
    sample=Sample(x="p", a="p", b="p"),
    exact="polynomial",
)

FORM_a_xox = Identity(
    id="forms.a_xox",
    family="forms",
    title="weighted sum of squares aᵀ(x ∘ x)",
    tex=r"\frac{\partial a^\top (x \circ x)}{\partial x} = 2 a \circ x",
    tex_numerator=r"\frac{\partial a^\top (x \circ x)}{\partial x} = 2 (a \circ x)^\top",
    conditions=(),
    variable="x",
    f=code.f_a_xox,
    grad=code.grad_a_xox,
    numerator=code.numerator_a_xox,
    sample=Sample(x="p", a="p"),
    exact="polynomial",
)

FORM_xAx_squared = Identity(
    id="forms.xAx_squared",
    family="forms",
    title="square of a quadratic form",
    tex=r"\frac{\partial (x^\top A x)^2}{\partial x} = 2 (x^\top A x) (A + A^\top) x",
    tex_numerator=(
        r"\frac{\partial (x^\top A x)^2}{\partial x}"
        r" = 2 (x^\top A x)\, x^\top (A^\top + A)"
    ),
    conditions=(),
    variable="x",
    f=code.f_xAx_squared,
    grad=code.grad_xAx_squared,
    numerator=code.numerator_xAx_squared,
    sample=Sample(x="p", A="pp"),
    exact="polynomial",
)

FORM_rayleigh = Identity(
    id="forms.rayleigh",
    family="forms",
    title="Rayleigh quotient",
    tex=(
        r"\frac{\partial \frac{x^\top A x}{x^\top x}}{\partial x}"
        r" = \frac{2}{x^\top x} \left(Ax - \frac{x^\top A x}{x^\top x}\, x\right)"
    ),
    tex_numerator=(
        r"\frac{\partial \frac{x^\top A x}{x^\top x}}{\partial x}"
        r" = \frac{2}{x^\top x} \left(x^\top A - \frac{x^\top A x}{x^\top x}\, x^\top\right)"
    ),
    conditions=("A symmetric", "x ≠ 0"),
    variable="x",
    f=code.f_rayleigh,
    grad=code.grad_rayleigh,
    numerator=code.numerator_rayleigh,
    sample=Sample(x="p", A="pp sym"),
    exact="rational",
)

FORM_aXb = Identity(
    id="forms.aXb",
    family="forms",
    title="aᵀXb",
    tex=r"\frac{\partial a^\top X b}{\partial X} = ab^\top",
    tex_numerator=r"\frac{\partial a^\top X b}{\partial X} = ba^\top",
    conditions=(),
    variable="X",
    f=code.f_aXb,
    grad=code.grad_aXb,
    numerator=code.numerator_aXb,
    sample=Sample(X="pr", a="p", b="r"),
    exact="polynomial",
)

FORM_aXtb = Identity(
    id="forms.aXtb",
    family="forms",
    title="aᵀXᵀb",
    tex=r"\frac{\partial a^\top X^\top b}{\partial X} = ba^\top",
    tex_numerator=r"\frac{\partial a^\top X^\top b}{\partial X} = ab^\top",
    conditions=(),
    variable="X",
    f=code.f_aXtb,
    grad=code.grad_aXtb,
    numerator=code.numerator_aXtb,
    sample=Sample(X="pr", a="r", b="p"),
    exact="polynomial",
)

FORM_aXa = Identity(
    id="forms.aXa",
    family="forms",
    title="aᵀXa",
    tex=r"\frac{\partial a^\top X a}{\partial X} = aa^\top",
    tex_numerator=r"\frac{\partial a^\top X a}{\partial X} = aa^\top",
    conditions=("X square",),
    variable="X",
    f=code.f_aXa,
    grad=code.grad_aXa,
    numerator=code.numerator_aXa,
    sample=Sample(X="pp", a="p"),
    exact="polynomial",
)

FORM_aXtXb = Identity(
    id="forms.aXtXb",
    family="forms",
    title="aᵀXᵀXb",
    tex=r"\frac{\partial a^\top X^\top X b}{\partial X} = X (ab^\top + ba^\top)",
    tex_numerator=r"\frac{\partial a^\top X^\top X b}{\partial X} = (ba^\top + ab^\top) X^\top",
    conditions=(),
    variable="X",
    f=code.f_aXtXb,
    grad=code.grad_aXtXb,
    numerator=code.numerator_aXtXb,
    sample=Sample(X="pr", a="r", b="r"),
    exact="polynomial",
)

FORM_aXXtb = Identity(
    id="forms.aXXtb",
    family="forms",
    title="aᵀXXᵀb",
    tex=r"\frac{\partial a^\top X X^\top b}{\partial X} = (ab^\top + ba^\top) X",
    tex_numerator=r"\frac{\partial a^\top X X^\top b}{\partial X} = X^\top (ba^\top + ab^\top)",
    conditions=(),
    variable="X",
    f=code.f_aXXtb,
    grad=code.grad_aXXtb,
    numerator=code.numerator_aXXtb,
    sample=Sample(X="pr", a="p", b="p"),
    exact="polynomial",
)

FORM_bXtCXc = Identity(
    id="forms.bXtCXc",
    family="forms",
    title="bᵀXᵀDXc",
    tex=r"\frac{\partial b^\top X^\top C X c}{\partial X} = C X c b^\top + C^\top X b c^\top",
    tex_numerator=(
        r"\frac{\partial b^\top X^\top C X c}{\partial X}"
        r" = b c^\top X^\top C^\top + c b^\top X^\top C"
    ),
    conditions=(),
    variable="X",
    f=code.f_bXtCXc,
    grad=code.grad_bXtCXc,
    numerator=code.numerator_bXtCXc,
    sample=Sample(X="pr", b="r", c="r", C="pp"),
    exact="polynomial",
)

FORM_sum_squared = Identity(
    id="forms.sum_squared",
    family="forms",
    title="the squared sum of all entries",
    tex=r"\frac{\partial (\mathbf{1}_p^\top X \mathbf{1}_r)^2}{\partial X}"
    r" = 2 (\mathbf{1}_p^\top X \mathbf{1}_r)\, \mathbf{1}_p \mathbf{1}_r^\top",
    tex_numerator=r"\frac{\partial (\mathbf{1}_p^\top X \mathbf{1}_r)^2}{\partial X}"
    r" = 2 (\mathbf{1}_p^\top X \mathbf{1}_r)\, \mathbf{1}_r \mathbf{1}_p^\top",
    conditions=(),
    variable="X",
    f=code.f_sum_squared,
    grad=code.grad_sum_squared,
    numerator=code.numerator_sum_squared,
    sample=Sample(X="pr"),
    exact="polynomial",
)

FORM_Xbc_quadratic = Identity(
    id="forms.Xbc_quadratic",
    family="forms",
    title="quadratic form in Xb + c",
    tex=r"\frac{\partial (Xb + c)^\top C (Xb + c)}{\partial X} = (C + C^\top)(Xb + c)\, b^\top",
    tex_numerator=r"\frac{\partial (Xb + c)^\top C (Xb + c)}{\partial X}"
    r" = b\, (Xb + c)^\top (C^\top + C)",
    conditions=(),
    variable="X",
    f=code.f_Xbc_quadratic,
    grad=code.grad_Xbc_quadratic,
    numerator=code.numerator_Xbc_quadratic,
    sample=Sample(X="pr", b="r", c="p", C="pp"),
    exact="polynomial",
)

FORM_weighted_residual = Identity(
    id="forms.weighted_residual",
    family="forms",
    title="weighted least squares (a − Ax)ᵀC(a − Ax)",
    tex=r"\frac{\partial (a - Ax)^\top C (a - Ax)}{\partial x} = -2 A^\top C (a - Ax)",
    tex_numerator=r"\frac{\partial (a - Ax)^\top C (a - Ax)}{\partial x} = -2 (a - Ax)^\top C A",
    conditions=("C symmetric",),
    variable="x",
    f=code.f_weighted_residual,
    grad=code.grad_weighted_residual,
    numerator=code.numerator_weighted_residual,
    sample=Sample(x="p", a="s", A="sp", C="ss sym"),
    exact="polynomial",
)

FORM_weighted_distance = Identity(
    id="forms.weighted_distance",
    family="forms",
    title="weighted squared distance (x − a)ᵀC(x − a)",
    tex=r"\frac{\partial (x - a)^\top C (x - a)}{\partial x} = 2 C (x - a)",
    tex_numerator=r"\frac{\partial (x - a)^\top C (x - a)}{\partial x} = 2 (x - a)^\top C",
    conditions=("C symmetric",),
    variable="x",
    f=code.f_weighted_distance,
    grad=code.grad_weighted_distance,
    numerator=code.numerator_weighted_distance,
    sample=Sample(x="p", a="p", C="pp sym"),
    exact="polynomial",
)

FORM_aXkb = Identity(
    id="forms.aXkb",
    family="forms",
    title="aᵀX³b, a power of X",
    tex=r"\frac{\partial a^\top X^3 b}{\partial X}"
    r" = \sum_{k=0}^{2} (X^k)^\top a b^\top (X^{2-k})^\top",
    tex_numerator=r"\frac{\partial a^\top X^3 b}{\partial X} = \sum_{k=0}^{2} X^{2-k} b a^\top X^k",
    conditions=("X: n × n",),
    variable="X",
    f=code.f_aXkb,
    grad=code.grad_aXkb,
    numerator=code.numerator_aXkb,
    sample=Sample(X="pp", a="p", b="p"),
    exact="polynomial",
)

FORM_aXktXkb = Identity(
    id="forms.aXktXkb",
    family="forms",
    title="aᵀ(X²)ᵀX²b, a power of X twice",
    tex=r"\frac{\partial a^\top (X^2)^\top X^2 b}{\partial X}"
    r" = \sum_{k=0}^{1} (X^k)^\top X^2 (ab^\top + ba^\top) (X^{1-k})^\top",
    tex_numerator=r"\frac{\partial a^\top (X^2)^\top X^2 b}{\partial X}"
    r" = \sum_{k=0}^{1} X^{1-k} (ab^\top + ba^\top) (X^2)^\top X^k",
    conditions=("X: n × n",),
    variable="X",
    f=code.f_aXktXkb,
    grad=code.grad_aXktXkb,
    numerator=code.numerator_aXktXkb,
    sample=Sample(X="pp", a="p", b="p"),
    exact="polynomial",
)

FORM_rayleigh_AB = Identity(
    id="forms.rayleigh_AB",
    family="forms",
    title="generalized Rayleigh quotient ‖Ax‖²/‖Bx‖²",
    tex=r"\frac{\partial}{\partial x} \frac{x^\top A^\top A x}{x^\top B^\top B x}"
    r" = \frac{2 A^\top A x}{x^\top B^\top B x}"
    r" - \frac{2 (x^\top A^\top A x)\, B^\top B x}{(x^\top B^\top B x)^2}",
    tex_numerator=r"\frac{\partial}{\partial x} \frac{x^\top A^\top A x}{x^\top B^\top B x}"
    r" = \frac{2 x^\top A^\top A}{x^\top B^\top B x}"
    r" - \frac{2 (x^\top A^\top A x)\, x^\top B^\top B}{(x^\top B^\top B x)^2}",
    conditions=("Bx ≠ 0",),
    variable="x",
    f=code.f_rayleigh_AB,
    grad=code.grad_rayleigh_AB,
    numerator=code.numerator_rayleigh_AB,
    sample=Sample(x="p", A="sp", B="tp"),
    exact="rational",
)


def _sample_lms(rng, square=None):
    """x, b: length p (3, sometimes 1, or `square`); υ: one standard normal number (a 0-d
    array)."""
    (p,) = dims(square, 3, rng=rng)
    return {
        "x": rng.standard_normal(p),
        "b": rng.standard_normal(p),
        "upsilon": np.asarray(rng.standard_normal()),
    }


FORM_lms = Identity(
    id="forms.lms",
    family="forms",
    title="the squared error of a linear prediction, (υ − xᵀb)²",
    tex=r"\frac{\partial (\upsilon - x^\top b)^2}{\partial x} = -2 b\, (\upsilon - x^\top b)",
    tex_numerator=r"\frac{\partial (\upsilon - x^\top b)^2}{\partial x}"
    r" = -2 (\upsilon - x^\top b)\, b^\top",
    conditions=("υ a number",),
    variable="x",
    f=code.f_lms,
    grad=code.grad_lms,
    numerator=code.numerator_lms,
    sample=_sample_lms,
)


FORM_aXBXtc = Identity(
    id="forms.aXBXtc",
    family="forms",
    title="aᵀXBXᵀc",
    tex=r"\frac{\partial a^\top X B X^\top c}{\partial X} = a c^\top X B^\top + c a^\top X B",
    tex_numerator=(
        r"\frac{\partial a^\top X B X^\top c}{\partial X}"
        r" = B X^\top c a^\top + B^\top X^\top a c^\top"
    ),
    conditions=(),
    variable="X",
    f=code.f_aXBXtc,
    grad=code.grad_aXBXtc,
    numerator=code.numerator_aXBXtc,
    sample=Sample(X="pr", a="p", c="p", B="rr"),
    exact="polynomial",
)

IDENTITIES = [
    FORM_ax,
    FORM_xa,
    FORM_xx,
    FORM_aAx,
    FORM_xAb,
    FORM_xAx,
    FORM_xAx_sym,
    FORM_quadratic,
    FORM_affine,
    FORM_axxb,
    FORM_a_xox,
    FORM_xAx_squared,
    FORM_rayleigh,
    FORM_aXb,
    FORM_aXtb,
    FORM_aXa,
    FORM_aXtXb,
    FORM_aXXtb,
    FORM_bXtCXc,
    FORM_sum_squared,
    FORM_Xbc_quadratic,
    FORM_weighted_residual,
    FORM_weighted_distance,
    FORM_aXkb,
    FORM_aXktXkb,
    FORM_rayleigh_AB,
    FORM_lms,
    FORM_aXBXtc,
]
