"""Traces: ∂ tr(·)/∂X for traces linear, bilinear and quadratic in X, powers of X, and traces
of Kronecker and Hadamard products. Derived and checked on docs/catalog/traces.md.

X is p × r unless an entry says "X square"; the other factors have the shapes that make the
product inside the trace square (see each entry's Sample).
"""

import numpy as np

from snippets.catalog.entry import Identity
from snippets.catalog.sample import Sample

# --8<-- [start:X]
TRACE_X = Identity(
    id="traces.X",
    family="traces",
    title="tr(X)",
    tex=r"\frac{\partial \operatorname{tr}(X)}{\partial X} = I",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X)}{\partial X} = I",
    conditions=("X square",),
    variable="X",
    f=lambda X: np.trace(X),
    grad=lambda X: np.eye(X.shape[0], dtype=X.dtype),
    numerator=lambda X: np.eye(X.shape[0], dtype=X.dtype),
    sample=Sample(X="pp"),
    exact="polynomial",
)
# --8<-- [end:X]

# --8<-- [start:AX]
AX = Identity(
    id="traces.AX",
    family="traces",
    title="tr(AX)",
    tex=r"\frac{\partial \operatorname{tr}(AX)}{\partial X} = A^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(AX)}{\partial X} = A",
    conditions=(),
    variable="X",
    f=lambda X, A: np.trace(A @ X),
    grad=lambda X, A: A.T,
    numerator=lambda X, A: A,
    sample=Sample(X="pr", A="rp"),
    exact="polynomial",
)
# --8<-- [end:AX]

# --8<-- [start:XA]
XA = Identity(
    id="traces.XA",
    family="traces",
    title="tr(XA)",
    tex=r"\frac{\partial \operatorname{tr}(XA)}{\partial X} = A^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(XA)}{\partial X} = A",
    conditions=(),
    variable="X",
    f=lambda X, A: np.trace(X @ A),
    grad=lambda X, A: A.T,
    numerator=lambda X, A: A,
    sample=Sample(X="pr", A="rp"),
    exact="polynomial",
)
# --8<-- [end:XA]

# --8<-- [start:XtA]
XtA = Identity(
    id="traces.XtA",
    family="traces",
    title="tr(XᵀA)",
    tex=r"\frac{\partial \operatorname{tr}(X^\top A)}{\partial X} = A",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^\top A)}{\partial X} = A^\top",
    conditions=(),
    variable="X",
    f=lambda X, A: np.trace(X.T @ A),
    grad=lambda X, A: A,
    numerator=lambda X, A: A.T,
    sample=Sample(X="pr", A="pr"),
    exact="polynomial",
)
# --8<-- [end:XtA]

# --8<-- [start:AXt]
AXt = Identity(
    id="traces.AXt",
    family="traces",
    title="tr(AXᵀ)",
    tex=r"\frac{\partial \operatorname{tr}(AX^\top)}{\partial X} = A",
    tex_numerator=r"\frac{\partial \operatorname{tr}(AX^\top)}{\partial X} = A^\top",
    conditions=(),
    variable="X",
    f=lambda X, A: np.trace(A @ X.T),
    grad=lambda X, A: A,
    numerator=lambda X, A: A.T,
    sample=Sample(X="pr", A="pr"),
    exact="polynomial",
)
# --8<-- [end:AXt]

# --8<-- [start:AXB]
AXB = Identity(
    id="traces.AXB",
    family="traces",
    title="tr(AXB)",
    tex=r"\frac{\partial \operatorname{tr}(AXB)}{\partial X} = A^\top B^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(AXB)}{\partial X} = BA",
    conditions=(),
    variable="X",
    f=lambda X, A, B: np.trace(A @ X @ B),
    grad=lambda X, A, B: A.T @ B.T,
    numerator=lambda X, A, B: B @ A,
    sample=Sample(X="pr", A="sp", B="rs"),
    exact="polynomial",
)
# --8<-- [end:AXB]

# --8<-- [start:AXtB]
AXtB = Identity(
    id="traces.AXtB",
    family="traces",
    title="tr(AXᵀB)",
    tex=r"\frac{\partial \operatorname{tr}(AX^\top B)}{\partial X} = BA",
    tex_numerator=r"\frac{\partial \operatorname{tr}(AX^\top B)}{\partial X} = A^\top B^\top",
    conditions=(),
    variable="X",
    f=lambda X, A, B: np.trace(A @ X.T @ B),
    grad=lambda X, A, B: B @ A,
    numerator=lambda X, A, B: A.T @ B.T,
    sample=Sample(X="pr", A="sr", B="ps"),
    exact="polynomial",
)
# --8<-- [end:AXtB]

# --8<-- [start:XtX]
XtX = Identity(
    id="traces.XtX",
    family="traces",
    title="tr(XᵀX)",
    tex=r"\frac{\partial \operatorname{tr}(X^\top X)}{\partial X} = 2X",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^\top X)}{\partial X} = 2X^\top",
    conditions=(),
    variable="X",
    f=lambda X: np.trace(X.T @ X),
    grad=lambda X: 2 * X,
    numerator=lambda X: 2 * X.T,
    sample=Sample(X="pr"),
    exact="polynomial",
)
# --8<-- [end:XtX]

# --8<-- [start:XtAX]
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
    f=lambda X, A: np.trace(X.T @ A @ X),
    grad=lambda X, A: (A + A.T) @ X,
    numerator=lambda X, A: X.T @ (A.T + A),
    sample=Sample(X="pr", A="pp"),
    exact="polynomial",
)
# --8<-- [end:XtAX]

# --8<-- [start:XtAX_sym]
XtAX_sym = Identity(
    id="traces.XtAX_sym",
    family="traces",
    title="tr(XᵀAX), A symmetric",
    tex=r"\frac{\partial \operatorname{tr}(X^\top A X)}{\partial X} = 2AX",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^\top A X)}{\partial X} = 2X^\top A",
    conditions=("A symmetric",),
    variable="X",
    f=lambda X, A: np.trace(X.T @ A @ X),
    grad=lambda X, A: 2 * A @ X,
    numerator=lambda X, A: 2 * X.T @ A,
    sample=Sample(X="pr", A="pp sym"),
    exact="polynomial",
)
# --8<-- [end:XtAX_sym]

# --8<-- [start:XAXt]
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
    f=lambda X, A: np.trace(X @ A @ X.T),
    grad=lambda X, A: X @ (A + A.T),
    numerator=lambda X, A: (A.T + A) @ X.T,
    sample=Sample(X="pr", A="rr"),
    exact="polynomial",
)
# --8<-- [end:XAXt]

# --8<-- [start:XtBXC]
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
    f=lambda X, B, C: np.trace(X.T @ B @ X @ C),
    grad=lambda X, B, C: B @ X @ C + B.T @ X @ C.T,
    numerator=lambda X, B, C: C.T @ X.T @ B.T + C @ X.T @ B,
    sample=Sample(X="pr", B="pp", C="rr"),
    exact="polynomial",
)
# --8<-- [end:XtBXC]

# --8<-- [start:AXBX]
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
    f=lambda X, A, B: np.trace(A @ X @ B @ X),
    grad=lambda X, A, B: A.T @ X.T @ B.T + B.T @ X.T @ A.T,
    numerator=lambda X, A, B: B @ X @ A + A @ X @ B,
    sample=Sample(X="pr", A="rp", B="rp"),
    exact="polynomial",
)
# --8<-- [end:AXBX]

# --8<-- [start:AXBXtC]
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
    f=lambda X, A, B, C: np.trace(A @ X @ B @ X.T @ C),
    grad=lambda X, A, B, C: A.T @ C.T @ X @ B.T + C @ A @ X @ B,
    numerator=lambda X, A, B, C: B @ X.T @ C @ A + B.T @ X.T @ A.T @ C.T,
    sample=Sample(X="pr", A="sp", B="rr", C="ps"),
    exact="polynomial",
)
# --8<-- [end:AXBXtC]

# --8<-- [start:X2]
X2 = Identity(
    id="traces.X2",
    family="traces",
    title="tr(X²)",
    tex=r"\frac{\partial \operatorname{tr}(X^2)}{\partial X} = 2X^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^2)}{\partial X} = 2X",
    conditions=("X square",),
    variable="X",
    f=lambda X: np.trace(X @ X),
    grad=lambda X: 2 * X.T,
    numerator=lambda X: 2 * X,
    sample=Sample(X="pp"),
    exact="polynomial",
)
# --8<-- [end:X2]

# --8<-- [start:X3]
X3 = Identity(
    id="traces.X3",
    family="traces",
    title="tr(X³)",
    tex=r"\frac{\partial \operatorname{tr}(X^3)}{\partial X} = 3 (X^2)^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(X^3)}{\partial X} = 3X^2",
    conditions=("X square",),
    variable="X",
    f=lambda X: np.trace(X @ X @ X),
    grad=lambda X: 3 * (X @ X).T,
    numerator=lambda X: 3 * X @ X,
    sample=Sample(X="pp"),
    exact="polynomial",
)
# --8<-- [end:X3]

# --8<-- [start:AX2]
AX2 = Identity(
    id="traces.AX2",
    family="traces",
    title="tr(AX²)",
    tex=r"\frac{\partial \operatorname{tr}(AX^2)}{\partial X} = A^\top X^\top + X^\top A^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}(AX^2)}{\partial X} = XA + AX",
    conditions=("X square",),
    variable="X",
    f=lambda X, A: np.trace(A @ X @ X),
    grad=lambda X, A: A.T @ X.T + X.T @ A.T,
    numerator=lambda X, A: X @ A + A @ X,
    sample=Sample(X="pp", A="pp"),
    exact="polynomial",
)
# --8<-- [end:AX2]

# --8<-- [start:XkronA]
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
    f=lambda X, A: np.trace(np.kron(X, A)),
    grad=lambda X, A: np.trace(A) * np.eye(X.shape[0], dtype=X.dtype),
    numerator=lambda X, A: np.trace(A) * np.eye(X.shape[0], dtype=X.dtype),
    sample=Sample(X="pp", A="rr"),
    exact="polynomial",
)
# --8<-- [end:XkronA]

# --8<-- [start:hadamard]
HADAMARD = Identity(
    id="traces.hadamard",
    family="traces",
    title="tr((A ∘ X)B)",
    tex=r"\frac{\partial \operatorname{tr}((A \circ X) B)}{\partial X} = A \circ B^\top",
    tex_numerator=r"\frac{\partial \operatorname{tr}((A \circ X) B)}{\partial X} = A^\top \circ B",
    conditions=(),
    variable="X",
    f=lambda X, A, B: np.trace((A * X) @ B),
    grad=lambda X, A, B: A * B.T,
    numerator=lambda X, A, B: A.T * B,
    sample=Sample(X="pr", A="pr", B="rp"),
    exact="polynomial",
)
# --8<-- [end:hadamard]

# --8<-- [start:A_XoX]
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
    f=lambda X, A: np.trace(A @ (X * X)),
    grad=lambda X, A: 2 * A.T * X,
    numerator=lambda X, A: 2 * A * X.T,
    sample=Sample(X="pr", A="rp"),
    exact="polynomial",
)
# --8<-- [end:A_XoX]

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
]
