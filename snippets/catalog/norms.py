"""Norms: gradients of Frobenius and Euclidean norms and of least-squares residuals.

Site machinery: the family's registry records, which point at the copyable functions in
snippets/catalog/code/; it imports the site's own modules, so it does not run alone.

Derived and checked on docs/catalog/norms.md.

‖·‖_F is the Frobenius norm, ‖X‖²_F = Σ_ij X_ij² = X : X, and ‖·‖ the Euclidean norm of a
vector. The squared norms are polynomials (exact = "polynomial"); the norms themselves take a
square root and are differentiable only away from zero.
"""

from snippets.catalog.code import norms as copyable
from snippets.catalog.entry import Identity
from snippets.catalog.linalg import exact_capable
from snippets.catalog.sample import Sample

#: The copyable functions (snippets/catalog/code/norms.py), also runnable on exact matrices.
code = exact_capable(copyable)

fro2 = Identity(
    id="norms.fro2",
    family="norms",
    title="squared Frobenius norm",
    tex=r"\frac{\partial \lVert X \rVert_F^2}{\partial X} = 2X",
    tex_numerator=r"\frac{\partial \lVert X \rVert_F^2}{\partial X} = 2X^\top",
    conditions=(),
    variable="X",
    f=code.f_fro2,
    grad=code.grad_fro2,
    numerator=code.numerator_fro2,
    sample=Sample(X="pr"),
    exact="polynomial",
)

fro = Identity(
    id="norms.fro",
    family="norms",
    title="Frobenius norm",
    tex=r"\frac{\partial \lVert X \rVert_F}{\partial X} = \frac{X}{\lVert X \rVert_F}",
    tex_numerator=(
        r"\frac{\partial \lVert X \rVert_F}{\partial X}"
        r" = \frac{X^\top}{\lVert X \rVert_F}"
    ),
    conditions=("X ≠ 0",),
    variable="X",
    f=code.f_fro,
    grad=code.grad_fro,
    numerator=code.numerator_fro,
    sample=Sample(X="pr"),
    exact=None,
)

X_minus_A = Identity(
    id="norms.X_minus_A",
    family="norms",
    title="distance to a matrix, squared",
    tex=r"\frac{\partial \lVert X - A \rVert_F^2}{\partial X} = 2(X - A)",
    tex_numerator=r"\frac{\partial \lVert X - A \rVert_F^2}{\partial X} = 2(X - A)^\top",
    conditions=(),
    variable="X",
    f=code.f_X_minus_A,
    grad=code.grad_X_minus_A,
    numerator=code.numerator_X_minus_A,
    sample=Sample(X="pr", A="pr"),
    exact="polynomial",
)

AX_minus_B = Identity(
    id="norms.AX_minus_B",
    family="norms",
    title="least squares, AX ≈ B",
    tex=r"\frac{\partial \lVert AX - B \rVert_F^2}{\partial X} = 2A^\top (AX - B)",
    tex_numerator=r"\frac{\partial \lVert AX - B \rVert_F^2}{\partial X} = 2(AX - B)^\top A",
    conditions=(),
    variable="X",
    f=code.f_AX_minus_B,
    grad=code.grad_AX_minus_B,
    numerator=code.numerator_AX_minus_B,
    sample=Sample(X="pr", A="sp", B="sr"),
    exact="polynomial",
)

XA_minus_B = Identity(
    id="norms.XA_minus_B",
    family="norms",
    title="least squares, XA ≈ B",
    tex=r"\frac{\partial \lVert XA - B \rVert_F^2}{\partial X} = 2(XA - B) A^\top",
    tex_numerator=r"\frac{\partial \lVert XA - B \rVert_F^2}{\partial X} = 2A (XA - B)^\top",
    conditions=(),
    variable="X",
    f=code.f_XA_minus_B,
    grad=code.grad_XA_minus_B,
    numerator=code.numerator_XA_minus_B,
    sample=Sample(X="pr", A="rs", B="ps"),
    exact="polynomial",
)

XA = Identity(
    id="norms.XA",
    family="norms",
    title="norm of a product, squared",
    tex=r"\frac{\partial \lVert XA \rVert_F^2}{\partial X} = 2XAA^\top",
    tex_numerator=r"\frac{\partial \lVert XA \rVert_F^2}{\partial X} = 2AA^\top X^\top",
    conditions=(),
    variable="X",
    f=code.f_XA,
    grad=code.grad_XA,
    numerator=code.numerator_XA,
    sample=Sample(X="pr", A="rs"),
    exact="polynomial",
)

AXB_minus_C = Identity(
    id="norms.AXB_minus_C",
    family="norms",
    title="least squares, AXB ≈ C",
    tex=r"\frac{\partial \lVert AXB - C \rVert_F^2}{\partial X} = 2A^\top (AXB - C) B^\top",
    tex_numerator=r"\frac{\partial \lVert AXB - C \rVert_F^2}{\partial X} = 2B (AXB - C)^\top A",
    conditions=(),
    variable="X",
    f=code.f_AXB_minus_C,
    grad=code.grad_AXB_minus_C,
    numerator=code.numerator_AXB_minus_C,
    sample=Sample(X="pr", A="sp", B="rt", C="st"),
    exact="polynomial",
)

AoX = Identity(
    id="norms.AoX",
    family="norms",
    title="weighted entries, squared",
    tex=r"\frac{\partial \lVert A \circ X \rVert_F^2}{\partial X} = 2 A \circ A \circ X",
    tex_numerator=(
        r"\frac{\partial \lVert A \circ X \rVert_F^2}{\partial X}"
        r" = 2 (A \circ A \circ X)^\top"
    ),
    conditions=(),
    variable="X",
    f=code.f_AoX,
    grad=code.grad_AoX,
    numerator=code.numerator_AoX,
    sample=Sample(X="pr", A="pr"),
    exact="polynomial",
)

XtX = Identity(
    id="norms.XtX",
    family="norms",
    title="Gram matrix, squared norm",
    tex=r"\frac{\partial \lVert X^\top X \rVert_F^2}{\partial X} = 4XX^\top X",
    tex_numerator=r"\frac{\partial \lVert X^\top X \rVert_F^2}{\partial X} = 4X^\top X X^\top",
    conditions=(),
    variable="X",
    f=code.f_XtX,
    grad=code.grad_XtX,
    numerator=code.numerator_XtX,
    sample=Sample(X="pr"),
    exact="polynomial",
)

XXt_minus_A = Identity(
    id="norms.XXt_minus_A",
    family="norms",
    title="fit of XXᵀ to A",
    tex=(
        r"\frac{\partial \lVert XX^\top - A \rVert_F^2}{\partial X} = 2(E + E^\top) X,\ E"
        r" = XX^\top - A"
    ),
    tex_numerator=(
        r"\frac{\partial \lVert XX^\top - A \rVert_F^2}{\partial X} = 2X^\top (E^\top + E),\ E"
        r" = XX^\top - A"
    ),
    conditions=(),
    variable="X",
    f=code.f_XXt_minus_A,
    grad=code.grad_XXt_minus_A,
    numerator=code.numerator_XXt_minus_A,
    sample=Sample(X="pr", A="pp"),
    exact="polynomial",
)

x = Identity(
    id="norms.x",
    family="norms",
    title="Euclidean norm",
    tex=r"\frac{\partial \lVert x \rVert}{\partial x} = \frac{x}{\lVert x \rVert}",
    tex_numerator=r"\frac{\partial \lVert x \rVert}{\partial x} = \frac{x^\top}{\lVert x \rVert}",
    conditions=("x ≠ 0",),
    variable="x",
    f=code.f_x,
    grad=code.grad_x,
    numerator=code.numerator_x,
    sample=Sample(x="p"),
    exact=None,
)

x_minus_a = Identity(
    id="norms.x_minus_a",
    family="norms",
    title="distance to a point",
    tex=r"\frac{\partial \lVert x - a \rVert}{\partial x} = \frac{x - a}{\lVert x - a \rVert}",
    tex_numerator=(
        r"\frac{\partial \lVert x - a \rVert}{\partial x}"
        r" = \frac{(x - a)^\top}{\lVert x - a \rVert}"
    ),
    conditions=("x ≠ a",),
    variable="x",
    f=code.f_x_minus_a,
    grad=code.grad_x_minus_a,
    numerator=code.numerator_x_minus_a,
    sample=Sample(x="p", a="p"),
    exact=None,
)

Ax_minus_b = Identity(
    id="norms.Ax_minus_b",
    family="norms",
    title="least squares, Ax ≈ b",
    tex=r"\frac{\partial \lVert Ax - b \rVert^2}{\partial x} = 2A^\top (Ax - b)",
    tex_numerator=r"\frac{\partial \lVert Ax - b \rVert^2}{\partial x} = 2(Ax - b)^\top A",
    conditions=(),
    variable="x",
    f=code.f_Ax_minus_b,
    grad=code.grad_Ax_minus_b,
    numerator=code.numerator_Ax_minus_b,
    sample=Sample(x="p", A="sp", b="s"),
    exact="polynomial",
)

Ax_minus_b_norm = Identity(
    id="norms.Ax_minus_b_norm",
    family="norms",
    title="residual norm",
    tex=(
        r"\frac{\partial \lVert Ax - b \rVert}{\partial x}"
        r" = \frac{A^\top (Ax - b)}{\lVert Ax - b \rVert}"
    ),
    tex_numerator=(
        r"\frac{\partial \lVert Ax - b \rVert}{\partial x}"
        r" = \frac{(Ax - b)^\top A}{\lVert Ax - b \rVert}"
    ),
    conditions=("Ax ≠ b",),
    variable="x",
    f=code.f_Ax_minus_b_norm,
    grad=code.grad_Ax_minus_b_norm,
    numerator=code.numerator_Ax_minus_b_norm,
    sample=Sample(x="p", A="sp", b="s"),
    exact=None,
)

Ax_minus_b_W = Identity(
    id="norms.Ax_minus_b_W",
    family="norms",
    title="weighted least squares",
    tex=r"\frac{\partial (Ax - b)^\top W (Ax - b)}{\partial x} = 2A^\top W (Ax - b)",
    tex_numerator=r"\frac{\partial (Ax - b)^\top W (Ax - b)}{\partial x} = 2(Ax - b)^\top W A",
    conditions=("W symmetric",),
    variable="x",
    f=code.f_Ax_minus_b_W,
    grad=code.grad_Ax_minus_b_W,
    numerator=code.numerator_Ax_minus_b_W,
    sample=Sample(x="p", A="sp", b="s", W="ss sym"),
    exact="polynomial",
)

c_unit_x_minus_a = Identity(
    id="norms.c_unit_x_minus_a",
    family="norms",
    title="the unit vector from a to x, along c",
    tex=r"\frac{\partial}{\partial x} \frac{c^\top (x - a)}{\lVert x - a \rVert}"
    r" = \Big(\frac{I}{\lVert x - a \rVert}"
    r" - \frac{(x - a)(x - a)^\top}{\lVert x - a \rVert^3}\Big) c",
    tex_numerator=r"\frac{\partial}{\partial x} \frac{c^\top (x - a)}{\lVert x - a \rVert}"
    r" = c^\top \Big(\frac{I}{\lVert x - a \rVert}"
    r" - \frac{(x - a)(x - a)^\top}{\lVert x - a \rVert^3}\Big)",
    conditions=("x ≠ a",),
    variable="x",
    f=code.f_c_unit_x_minus_a,
    grad=code.grad_c_unit_x_minus_a,
    numerator=code.numerator_c_unit_x_minus_a,
    sample=Sample(x="p", a="p", c="p"),
    exact=None,
)

IDENTITIES = [
    fro2,
    fro,
    X_minus_A,
    AX_minus_B,
    XA_minus_B,
    XA,
    AXB_minus_C,
    AoX,
    XtX,
    XXt_minus_A,
    x,
    x_minus_a,
    c_unit_x_minus_a,
    Ax_minus_b,
    Ax_minus_b_norm,
    Ax_minus_b_W,
]
