"""Norms: gradients of Frobenius and Euclidean norms and of least-squares residuals.
Derived and checked on docs/catalog/norms.md.

‖·‖_F is the Frobenius norm, ‖X‖²_F = Σ_ij X_ij² = X : X, and ‖·‖ the Euclidean norm of a
vector. The squared norms are polynomials (exact = "polynomial"); the norms themselves take a
square root and are differentiable only away from zero.
"""

import numpy as np

from snippets.catalog.entry import Identity
from snippets.catalog.sample import Sample

# --8<-- [start:fro2]
fro2 = Identity(
    id="norms.fro2",
    family="norms",
    title="squared Frobenius norm",
    tex=r"\frac{\partial \lVert X \rVert_F^2}{\partial X} = 2X",
    tex_numerator=r"\frac{\partial \lVert X \rVert_F^2}{\partial X} = 2X^\top",
    conditions=(),
    variable="X",
    f=lambda X: np.sum(X * X),
    grad=lambda X: 2 * X,
    numerator=lambda X: 2 * X.T,
    sample=Sample(X="pr"),
    exact="polynomial",
)
# --8<-- [end:fro2]

# --8<-- [start:fro]
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
    f=lambda X: np.sqrt(np.sum(X * X)),
    grad=lambda X: X / np.sqrt(np.sum(X * X)),
    numerator=lambda X: X.T / np.sqrt(np.sum(X * X)),
    sample=Sample(X="pr"),
    exact=None,
)
# --8<-- [end:fro]

# --8<-- [start:X_minus_A]
X_minus_A = Identity(
    id="norms.X_minus_A",
    family="norms",
    title="distance to a matrix, squared",
    tex=r"\frac{\partial \lVert X - A \rVert_F^2}{\partial X} = 2(X - A)",
    tex_numerator=r"\frac{\partial \lVert X - A \rVert_F^2}{\partial X} = 2(X - A)^\top",
    conditions=(),
    variable="X",
    f=lambda X, A: np.sum((X - A) * (X - A)),
    grad=lambda X, A: 2 * (X - A),
    numerator=lambda X, A: 2 * (X - A).T,
    sample=Sample(X="pr", A="pr"),
    exact="polynomial",
)
# --8<-- [end:X_minus_A]

# --8<-- [start:AX_minus_B]
AX_minus_B = Identity(
    id="norms.AX_minus_B",
    family="norms",
    title="least squares, AX ≈ B",
    tex=r"\frac{\partial \lVert AX - B \rVert_F^2}{\partial X} = 2A^\top (AX - B)",
    tex_numerator=r"\frac{\partial \lVert AX - B \rVert_F^2}{\partial X} = 2(AX - B)^\top A",
    conditions=(),
    variable="X",
    f=lambda X, A, B: np.sum((A @ X - B) * (A @ X - B)),
    grad=lambda X, A, B: 2 * A.T @ (A @ X - B),
    numerator=lambda X, A, B: 2 * (A @ X - B).T @ A,
    sample=Sample(X="pr", A="sp", B="sr"),
    exact="polynomial",
)
# --8<-- [end:AX_minus_B]

# --8<-- [start:XA_minus_B]
XA_minus_B = Identity(
    id="norms.XA_minus_B",
    family="norms",
    title="least squares, XA ≈ B",
    tex=r"\frac{\partial \lVert XA - B \rVert_F^2}{\partial X} = 2(XA - B) A^\top",
    tex_numerator=r"\frac{\partial \lVert XA - B \rVert_F^2}{\partial X} = 2A (XA - B)^\top",
    conditions=(),
    variable="X",
    f=lambda X, A, B: np.sum((X @ A - B) * (X @ A - B)),
    grad=lambda X, A, B: 2 * (X @ A - B) @ A.T,
    numerator=lambda X, A, B: 2 * A @ (X @ A - B).T,
    sample=Sample(X="pr", A="rs", B="ps"),
    exact="polynomial",
)
# --8<-- [end:XA_minus_B]

# --8<-- [start:XA]
XA = Identity(
    id="norms.XA",
    family="norms",
    title="norm of a product, squared",
    tex=r"\frac{\partial \lVert XA \rVert_F^2}{\partial X} = 2XAA^\top",
    tex_numerator=r"\frac{\partial \lVert XA \rVert_F^2}{\partial X} = 2AA^\top X^\top",
    conditions=(),
    variable="X",
    f=lambda X, A: np.sum((X @ A) * (X @ A)),
    grad=lambda X, A: 2 * X @ A @ A.T,
    numerator=lambda X, A: 2 * A @ A.T @ X.T,
    sample=Sample(X="pr", A="rs"),
    exact="polynomial",
)
# --8<-- [end:XA]

# --8<-- [start:AXB_minus_C]
AXB_minus_C = Identity(
    id="norms.AXB_minus_C",
    family="norms",
    title="least squares, AXB ≈ C",
    tex=r"\frac{\partial \lVert AXB - C \rVert_F^2}{\partial X} = 2A^\top (AXB - C) B^\top",
    tex_numerator=r"\frac{\partial \lVert AXB - C \rVert_F^2}{\partial X} = 2B (AXB - C)^\top A",
    conditions=(),
    variable="X",
    f=lambda X, A, B, C: np.sum((A @ X @ B - C) * (A @ X @ B - C)),
    grad=lambda X, A, B, C: 2 * A.T @ (A @ X @ B - C) @ B.T,
    numerator=lambda X, A, B, C: 2 * B @ (A @ X @ B - C).T @ A,
    sample=Sample(X="pr", A="sp", B="rt", C="st"),
    exact="polynomial",
)
# --8<-- [end:AXB_minus_C]

# --8<-- [start:AoX]
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
    f=lambda X, A: np.sum((A * X) * (A * X)),
    grad=lambda X, A: 2 * A * A * X,
    numerator=lambda X, A: 2 * (A * A * X).T,
    sample=Sample(X="pr", A="pr"),
    exact="polynomial",
)
# --8<-- [end:AoX]

# --8<-- [start:XtX]
XtX = Identity(
    id="norms.XtX",
    family="norms",
    title="Gram matrix, squared norm",
    tex=r"\frac{\partial \lVert X^\top X \rVert_F^2}{\partial X} = 4XX^\top X",
    tex_numerator=r"\frac{\partial \lVert X^\top X \rVert_F^2}{\partial X} = 4X^\top X X^\top",
    conditions=(),
    variable="X",
    f=lambda X: np.sum((X.T @ X) * (X.T @ X)),
    grad=lambda X: 4 * X @ X.T @ X,
    numerator=lambda X: 4 * X.T @ X @ X.T,
    sample=Sample(X="pr"),
    exact="polynomial",
)
# --8<-- [end:XtX]

# --8<-- [start:XXt_minus_A]
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
    f=lambda X, A: np.sum((X @ X.T - A) * (X @ X.T - A)),
    grad=lambda X, A: 2 * ((X @ X.T - A) + (X @ X.T - A).T) @ X,
    numerator=lambda X, A: 2 * X.T @ ((X @ X.T - A).T + (X @ X.T - A)),
    sample=Sample(X="pr", A="pp"),
    exact="polynomial",
)
# --8<-- [end:XXt_minus_A]

# --8<-- [start:x]
x = Identity(
    id="norms.x",
    family="norms",
    title="Euclidean norm",
    tex=r"\frac{\partial \lVert x \rVert}{\partial x} = \frac{x}{\lVert x \rVert}",
    tex_numerator=r"\frac{\partial \lVert x \rVert}{\partial x} = \frac{x^\top}{\lVert x \rVert}",
    conditions=("x ≠ 0",),
    variable="x",
    f=lambda x: np.sqrt(x @ x),
    grad=lambda x: x / np.sqrt(x @ x),
    numerator=lambda x: (x / np.sqrt(x @ x)).reshape(1, -1),
    sample=Sample(x="p"),
    exact=None,
)
# --8<-- [end:x]

# --8<-- [start:x_minus_a]
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
    f=lambda x, a: np.sqrt((x - a) @ (x - a)),
    grad=lambda x, a: (x - a) / np.sqrt((x - a) @ (x - a)),
    numerator=lambda x, a: ((x - a) / np.sqrt((x - a) @ (x - a))).reshape(1, -1),
    sample=Sample(x="p", a="p"),
    exact=None,
)
# --8<-- [end:x_minus_a]

# --8<-- [start:Ax_minus_b]
Ax_minus_b = Identity(
    id="norms.Ax_minus_b",
    family="norms",
    title="least squares, Ax ≈ b",
    tex=r"\frac{\partial \lVert Ax - b \rVert^2}{\partial x} = 2A^\top (Ax - b)",
    tex_numerator=r"\frac{\partial \lVert Ax - b \rVert^2}{\partial x} = 2(Ax - b)^\top A",
    conditions=(),
    variable="x",
    f=lambda x, A, b: (A @ x - b) @ (A @ x - b),
    grad=lambda x, A, b: 2 * A.T @ (A @ x - b),
    numerator=lambda x, A, b: (2 * (A @ x - b) @ A).reshape(1, -1),
    sample=Sample(x="p", A="sp", b="s"),
    exact="polynomial",
)
# --8<-- [end:Ax_minus_b]

# --8<-- [start:Ax_minus_b_norm]
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
    f=lambda x, A, b: np.sqrt((A @ x - b) @ (A @ x - b)),
    grad=lambda x, A, b: A.T @ (A @ x - b) / np.sqrt((A @ x - b) @ (A @ x - b)),
    numerator=lambda x, A, b: ((A @ x - b) @ A / np.sqrt((A @ x - b) @ (A @ x - b))).reshape(1, -1),
    sample=Sample(x="p", A="sp", b="s"),
    exact=None,
)
# --8<-- [end:Ax_minus_b_norm]

# --8<-- [start:Ax_minus_b_W]
Ax_minus_b_W = Identity(
    id="norms.Ax_minus_b_W",
    family="norms",
    title="weighted least squares",
    tex=r"\frac{\partial (Ax - b)^\top W (Ax - b)}{\partial x} = 2A^\top W (Ax - b)",
    tex_numerator=r"\frac{\partial (Ax - b)^\top W (Ax - b)}{\partial x} = 2(Ax - b)^\top W A",
    conditions=("W symmetric",),
    variable="x",
    f=lambda x, A, b, W: (A @ x - b) @ W @ (A @ x - b),
    grad=lambda x, A, b, W: 2 * A.T @ W @ (A @ x - b),
    numerator=lambda x, A, b, W: (2 * (A @ x - b) @ W @ A).reshape(1, -1),
    sample=Sample(x="p", A="sp", b="s", W="ss sym"),
    exact="polynomial",
)
# --8<-- [end:Ax_minus_b_W]

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
    Ax_minus_b,
    Ax_minus_b_norm,
    Ax_minus_b_W,
]
