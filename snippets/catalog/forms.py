"""Scalar forms: linear, bilinear and quadratic forms in a vector x or a matrix X.
Derived and checked on docs/catalog/forms.md.

For a vector x of length n the gradient is a vector of length n and the numerator-layout
derivative a 1 × n row; for X of shape p × r the gradient is p × r and the numerator form r × p.
"""

import numpy as np

from snippets.catalog.entry import Identity
from snippets.catalog.sample import Sample

# --8<-- [start:ax]
FORM_ax = Identity(
    id="forms.ax",
    family="forms",
    title="linear form aᵀx",
    tex=r"\frac{\partial a^\top x}{\partial x} = a",
    tex_numerator=r"\frac{\partial a^\top x}{\partial x} = a^\top",
    conditions=(),
    variable="x",
    f=lambda x, a: a @ x,
    grad=lambda x, a: a,
    numerator=lambda x, a: (a).reshape(1, -1),
    sample=Sample(x="p", a="p"),
    exact="polynomial",
)
# --8<-- [end:ax]

# --8<-- [start:xa]
FORM_xa = Identity(
    id="forms.xa",
    family="forms",
    title="linear form xᵀa",
    tex=r"\frac{\partial x^\top a}{\partial x} = a",
    tex_numerator=r"\frac{\partial x^\top a}{\partial x} = a^\top",
    conditions=(),
    variable="x",
    f=lambda x, a: x @ a,
    grad=lambda x, a: a,
    numerator=lambda x, a: (a).reshape(1, -1),
    sample=Sample(x="p", a="p"),
    exact="polynomial",
)
# --8<-- [end:xa]

# --8<-- [start:xx]
FORM_xx = Identity(
    id="forms.xx",
    family="forms",
    title="squared length xᵀx",
    tex=r"\frac{\partial x^\top x}{\partial x} = 2x",
    tex_numerator=r"\frac{\partial x^\top x}{\partial x} = 2x^\top",
    conditions=(),
    variable="x",
    f=lambda x: x @ x,
    grad=lambda x: 2 * x,
    numerator=lambda x: (2 * x).reshape(1, -1),
    sample=Sample(x="p"),
    exact="polynomial",
)
# --8<-- [end:xx]

# --8<-- [start:aAx]
FORM_aAx = Identity(
    id="forms.aAx",
    family="forms",
    title="bilinear form aᵀAx",
    tex=r"\frac{\partial a^\top A x}{\partial x} = A^\top a",
    tex_numerator=r"\frac{\partial a^\top A x}{\partial x} = a^\top A",
    conditions=(),
    variable="x",
    f=lambda x, a, A: a @ A @ x,
    grad=lambda x, a, A: A.T @ a,
    numerator=lambda x, a, A: (a @ A).reshape(1, -1),
    sample=Sample(x="p", a="s", A="sp"),
    exact="polynomial",
)
# --8<-- [end:aAx]

# --8<-- [start:xAb]
FORM_xAb = Identity(
    id="forms.xAb",
    family="forms",
    title="bilinear form xᵀAb",
    tex=r"\frac{\partial x^\top A b}{\partial x} = Ab",
    tex_numerator=r"\frac{\partial x^\top A b}{\partial x} = b^\top A^\top",
    conditions=(),
    variable="x",
    f=lambda x, A, b: x @ A @ b,
    grad=lambda x, A, b: A @ b,
    numerator=lambda x, A, b: (b @ A.T).reshape(1, -1),
    sample=Sample(x="p", A="ps", b="s"),
    exact="polynomial",
)
# --8<-- [end:xAb]

# --8<-- [start:xAx]
FORM_xAx = Identity(
    id="forms.xAx",
    family="forms",
    title="quadratic form xᵀAx",
    tex=r"\frac{\partial x^\top A x}{\partial x} = (A + A^\top) x",
    tex_numerator=r"\frac{\partial x^\top A x}{\partial x} = x^\top (A^\top + A)",
    conditions=(),
    variable="x",
    f=lambda x, A: x @ A @ x,
    grad=lambda x, A: (A + A.T) @ x,
    numerator=lambda x, A: (x @ (A.T + A)).reshape(1, -1),
    sample=Sample(x="p", A="pp"),
    exact="polynomial",
)
# --8<-- [end:xAx]

# --8<-- [start:xAx_sym]
FORM_xAx_sym = Identity(
    id="forms.xAx_sym",
    family="forms",
    title="quadratic form, A symmetric",
    tex=r"\frac{\partial x^\top A x}{\partial x} = 2Ax",
    tex_numerator=r"\frac{\partial x^\top A x}{\partial x} = 2x^\top A",
    conditions=("A symmetric",),
    variable="x",
    f=lambda x, A: x @ A @ x,
    grad=lambda x, A: 2 * A @ x,
    numerator=lambda x, A: (2 * x @ A).reshape(1, -1),
    sample=Sample(x="p", A="pp sym"),
    exact="polynomial",
)
# --8<-- [end:xAx_sym]

# --8<-- [start:quadratic]
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
    f=lambda x, A, b: x @ A @ x / 2 - b @ x,
    grad=lambda x, A, b: A @ x - b,
    numerator=lambda x, A, b: (x @ A - b).reshape(1, -1),
    sample=Sample(x="p", A="pp sym", b="p"),
    exact="polynomial",
)
# --8<-- [end:quadratic]

# --8<-- [start:affine]
FORM_affine = Identity(
    id="forms.affine",
    family="forms",
    title="product of two affine maps",
    tex=(
        r"\frac{\partial \left((Ax + b)^\top C (Dx + e)\right)}{\partial x}"
        r" = A^\top C (Dx + e) + D^\top C^\top (Ax + b)"
    ),
    tex_numerator=(
        r"\frac{\partial \left((Ax + b)^\top C (Dx + e)\right)}{\partial x}"
        r" = (Dx + e)^\top C^\top A + (Ax + b)^\top C D"
    ),
    conditions=(),
    variable="x",
    f=lambda x, A, b, C, D, e: (A @ x + b) @ C @ (D @ x + e),
    grad=lambda x, A, b, C, D, e: A.T @ C @ (D @ x + e) + D.T @ C.T @ (A @ x + b),
    numerator=lambda x, A, b, C, D, e: ((D @ x + e) @ C.T @ A + (A @ x + b) @ C @ D).reshape(1, -1),
    sample=Sample(x="p", A="sp", b="s", C="st", D="tp", e="t"),
    exact="polynomial",
)
# --8<-- [end:affine]

# --8<-- [start:axxb]
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
    f=lambda x, a, b: (a @ x) * (x @ b),
    grad=lambda x, a, b: (np.outer(a, b) + np.outer(b, a)) @ x,
    numerator=lambda x, a, b: (x @ (np.outer(b, a) + np.outer(a, b))).reshape(1, -1),
    sample=Sample(x="p", a="p", b="p"),
    exact="polynomial",
)
# --8<-- [end:axxb]

# --8<-- [start:a_xox]
FORM_a_xox = Identity(
    id="forms.a_xox",
    family="forms",
    title="weighted sum of squares aᵀ(x ∘ x)",
    tex=r"\frac{\partial a^\top (x \circ x)}{\partial x} = 2 a \circ x",
    tex_numerator=r"\frac{\partial a^\top (x \circ x)}{\partial x} = 2 (a \circ x)^\top",
    conditions=(),
    variable="x",
    f=lambda x, a: a @ (x * x),
    grad=lambda x, a: 2 * a * x,
    numerator=lambda x, a: (2 * a * x).reshape(1, -1),
    sample=Sample(x="p", a="p"),
    exact="polynomial",
)
# --8<-- [end:a_xox]

# --8<-- [start:xAx_squared]
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
    f=lambda x, A: (x @ A @ x) ** 2,
    grad=lambda x, A: 2 * (x @ A @ x) * (A + A.T) @ x,
    numerator=lambda x, A: (2 * (x @ A @ x) * x @ (A.T + A)).reshape(1, -1),
    sample=Sample(x="p", A="pp"),
    exact="polynomial",
)
# --8<-- [end:xAx_squared]

# --8<-- [start:rayleigh]
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
    f=lambda x, A: (x @ A @ x) / (x @ x),
    grad=lambda x, A: 2 * (A @ x - (x @ A @ x) / (x @ x) * x) / (x @ x),
    numerator=lambda x, A: (2 * (x @ A - (x @ A @ x) / (x @ x) * x) / (x @ x)).reshape(1, -1),
    sample=Sample(x="p", A="pp sym"),
    exact="rational",
)
# --8<-- [end:rayleigh]

# --8<-- [start:aXb]
FORM_aXb = Identity(
    id="forms.aXb",
    family="forms",
    title="aᵀXb",
    tex=r"\frac{\partial a^\top X b}{\partial X} = ab^\top",
    tex_numerator=r"\frac{\partial a^\top X b}{\partial X} = ba^\top",
    conditions=(),
    variable="X",
    f=lambda X, a, b: a @ X @ b,
    grad=lambda X, a, b: np.outer(a, b),
    numerator=lambda X, a, b: np.outer(b, a),
    sample=Sample(X="pr", a="p", b="r"),
    exact="polynomial",
)
# --8<-- [end:aXb]

# --8<-- [start:aXtb]
FORM_aXtb = Identity(
    id="forms.aXtb",
    family="forms",
    title="aᵀXᵀb",
    tex=r"\frac{\partial a^\top X^\top b}{\partial X} = ba^\top",
    tex_numerator=r"\frac{\partial a^\top X^\top b}{\partial X} = ab^\top",
    conditions=(),
    variable="X",
    f=lambda X, a, b: a @ X.T @ b,
    grad=lambda X, a, b: np.outer(b, a),
    numerator=lambda X, a, b: np.outer(a, b),
    sample=Sample(X="pr", a="r", b="p"),
    exact="polynomial",
)
# --8<-- [end:aXtb]

# --8<-- [start:aXa]
FORM_aXa = Identity(
    id="forms.aXa",
    family="forms",
    title="aᵀXa",
    tex=r"\frac{\partial a^\top X a}{\partial X} = aa^\top",
    tex_numerator=r"\frac{\partial a^\top X a}{\partial X} = aa^\top",
    conditions=("X square",),
    variable="X",
    f=lambda X, a: a @ X @ a,
    grad=lambda X, a: np.outer(a, a),
    numerator=lambda X, a: np.outer(a, a),
    sample=Sample(X="pp", a="p"),
    exact="polynomial",
)
# --8<-- [end:aXa]

# --8<-- [start:aXtXb]
FORM_aXtXb = Identity(
    id="forms.aXtXb",
    family="forms",
    title="aᵀXᵀXb",
    tex=r"\frac{\partial a^\top X^\top X b}{\partial X} = X (ab^\top + ba^\top)",
    tex_numerator=r"\frac{\partial a^\top X^\top X b}{\partial X} = (ba^\top + ab^\top) X^\top",
    conditions=(),
    variable="X",
    f=lambda X, a, b: a @ X.T @ X @ b,
    grad=lambda X, a, b: X @ (np.outer(a, b) + np.outer(b, a)),
    numerator=lambda X, a, b: (np.outer(b, a) + np.outer(a, b)) @ X.T,
    sample=Sample(X="pr", a="r", b="r"),
    exact="polynomial",
)
# --8<-- [end:aXtXb]

# --8<-- [start:aXXtb]
FORM_aXXtb = Identity(
    id="forms.aXXtb",
    family="forms",
    title="aᵀXXᵀb",
    tex=r"\frac{\partial a^\top X X^\top b}{\partial X} = (ab^\top + ba^\top) X",
    tex_numerator=r"\frac{\partial a^\top X X^\top b}{\partial X} = X^\top (ba^\top + ab^\top)",
    conditions=(),
    variable="X",
    f=lambda X, a, b: a @ X @ X.T @ b,
    grad=lambda X, a, b: (np.outer(a, b) + np.outer(b, a)) @ X,
    numerator=lambda X, a, b: X.T @ (np.outer(b, a) + np.outer(a, b)),
    sample=Sample(X="pr", a="p", b="p"),
    exact="polynomial",
)
# --8<-- [end:aXXtb]

# --8<-- [start:bXtDXc]
FORM_bXtDXc = Identity(
    id="forms.bXtDXc",
    family="forms",
    title="bᵀXᵀDXc",
    tex=r"\frac{\partial b^\top X^\top D X c}{\partial X} = D X c b^\top + D^\top X b c^\top",
    tex_numerator=(
        r"\frac{\partial b^\top X^\top D X c}{\partial X}"
        r" = b c^\top X^\top D^\top + c b^\top X^\top D"
    ),
    conditions=(),
    variable="X",
    f=lambda X, b, c, D: b @ X.T @ D @ X @ c,
    grad=lambda X, b, c, D: D @ X @ np.outer(c, b) + D.T @ X @ np.outer(b, c),
    numerator=lambda X, b, c, D: np.outer(b, c) @ X.T @ D.T + np.outer(c, b) @ X.T @ D,
    sample=Sample(X="pr", b="r", c="r", D="pp"),
    exact="polynomial",
)
# --8<-- [end:bXtDXc]

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
    FORM_bXtDXc,
]
