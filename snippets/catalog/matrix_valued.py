"""Catalogue family "matrix_valued": Jacobians of matrix functions F(X) in Kronecker form.

Site machinery: the family's registry records, which point at the copyable functions in
snippets/catalog/code/; it imports the site's own modules, so it does not run alone.

Each entry gives F and its Jacobian J = ∂vec F/∂vec X, of shape (F.size, X.size), with vec
stacking columns on both sides (numpy's order="F"). The one tool beyond vec(AYB) = (Bᵀ ⊗ A)
vec(Y) is the commutation matrix K_pr, for which vec(Yᵀ) = K_pr vec(Y) when Y is p × r.

Formulas use snippets.catalog.linalg and integer identity matrices (np.eye(n, dtype=int)), so
that they also run on matrices of Fractions and of symbols (snippets/symbolic).
"""

from snippets.catalog.code import matrix_valued as copyable
from snippets.catalog.determinants import dims, invertible
from snippets.catalog.entry import MatrixIdentity
from snippets.catalog.linalg import exact_capable

#: The copyable functions (snippets/catalog/code/matrix_valued.py), also runnable on exact matrices.
code = exact_capable(copyable)

FAMILY = "matrix_valued"

#: This family has no scalar identities; the registry reads both lists.
IDENTITIES: list = []


TRANSPOSE = MatrixIdentity(
    id="matrix_valued.transpose",
    family=FAMILY,
    title="the transpose: the commutation matrix",
    tex=r"d(X^\top) = dX^\top, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X^\top)}{\partial\, \mathrm{vec}(X)}"
    r" = \mathcal{K}_{pr}",
    conditions=("X: p × r",),
    variable="X",
    F=code.F_transpose,
    jacobian=code.jacobian_transpose,  # floats for floats
    sample=lambda rng, square=None: {"X": rng.standard_normal(dims(square, 3, 4, rng=rng))},
    exact="polynomial",
)


def _sample_AXB(rng, square=None):
    """X: (p, r), A: (s, p), B: (r, t) with s, p, r, t = 2, 3, 4, 5."""
    s, p, r, t = dims(square, 2, 3, 4, 5, rng=rng)
    return {
        "X": rng.standard_normal((p, r)),
        "A": rng.standard_normal((s, p)),
        "B": rng.standard_normal((r, t)),
    }


AXB = MatrixIdentity(
    id="matrix_valued.AXB",
    family=FAMILY,
    title="a product AXB",
    tex=r"d(AXB) = A\, dX\, B, \qquad"
    r" \frac{\partial\, \mathrm{vec}(AXB)}{\partial\, \mathrm{vec}(X)}"
    r" = B^\top \otimes A",
    conditions=("A: s × p, X: p × r, B: r × t",),
    variable="X",
    F=code.F_AXB,
    jacobian=code.jacobian_AXB,
    sample=_sample_AXB,
    exact="polynomial",
)


INV = MatrixIdentity(
    id="matrix_valued.inv",
    family=FAMILY,
    title="the inverse",
    tex=r"d(X^{-1}) = -X^{-1}\, dX\, X^{-1}, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X^{-1})}{\partial\, \mathrm{vec}(X)}"
    r" = -X^{-\top} \otimes X^{-1}",
    conditions=("X: n × n, invertible",),
    variable="X",
    F=code.F_inv,
    jacobian=code.jacobian_inv,
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4, rng=rng))},
    exact="rational",
)


INV_TRANSPOSED = MatrixIdentity(
    id="matrix_valued.inv_transposed",
    family=FAMILY,
    title="the transposed inverse",
    tex=r"d(X^{-\top}) = -X^{-\top}\, dX^\top X^{-\top}, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X^{-\top})}{\partial\, \mathrm{vec}(X)}"
    r" = -(X^{-1} \otimes X^{-\top})\, \mathcal{K}_{nn}",
    conditions=("X: n × n, invertible",),
    variable="X",
    F=code.F_inv_transposed,
    jacobian=code.jacobian_inv_transposed,
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4, rng=rng))},
    exact="rational",
)


def _sample_AXinvB(rng, square=None):
    """X: (n, n) invertible, A: (s, n), B: (n, t)."""
    s, n, t = dims(square, 2, 4, 3, rng=rng)
    return {
        "X": invertible(rng, n),
        "A": rng.standard_normal((s, n)),
        "B": rng.standard_normal((n, t)),
    }


AXINVB = MatrixIdentity(
    id="matrix_valued.AXinvB",
    family=FAMILY,
    title="the inverse between two factors",
    tex=r"d(A X^{-1} B) = -A X^{-1}\, dX\, X^{-1} B, \qquad"
    r" \frac{\partial\, \mathrm{vec}(A X^{-1} B)}{\partial\, \mathrm{vec}(X)}"
    r" = -(B^\top X^{-\top}) \otimes (A X^{-1})",
    conditions=("X: n × n, invertible", "A: s × n, B: n × t"),
    variable="X",
    F=code.F_AXinvB,
    jacobian=code.jacobian_AXinvB,
    sample=_sample_AXinvB,
    exact="rational",
)


XTX = MatrixIdentity(
    id="matrix_valued.XtX",
    family=FAMILY,
    title="the Gram matrix XᵀX",
    tex=r"d(X^\top X) = dX^\top X + X^\top dX, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X^\top X)}{\partial\, \mathrm{vec}(X)}"
    r" = (X^\top \otimes I_r)\, \mathcal{K}_{pr} + I_r \otimes X^\top",
    conditions=("X: p × r",),
    variable="X",
    F=code.F_XtX,
    jacobian=code.jacobian_XtX,
    sample=lambda rng, square=None: {"X": rng.standard_normal(dims(square, 4, 3, rng=rng))},
    exact="polynomial",
)


XXT = MatrixIdentity(
    id="matrix_valued.XXt",
    family=FAMILY,
    title="the outer Gram matrix XXᵀ",
    tex=r"d(X X^\top) = dX\, X^\top + X\, dX^\top, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X X^\top)}{\partial\, \mathrm{vec}(X)}"
    r" = X \otimes I_p + (I_p \otimes X)\, \mathcal{K}_{pr}",
    conditions=("X: p × r",),
    variable="X",
    F=code.F_XXt,
    jacobian=code.jacobian_XXt,
    sample=lambda rng, square=None: {"X": rng.standard_normal(dims(square, 3, 4, rng=rng))},
    exact="polynomial",
)


SQUARE = MatrixIdentity(
    id="matrix_valued.square",
    family=FAMILY,
    title="the matrix square X²",
    tex=r"d(X^2) = dX\, X + X\, dX, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X^2)}{\partial\, \mathrm{vec}(X)}"
    r" = X^\top \otimes I_n + I_n \otimes X",
    conditions=("X: n × n",),
    variable="X",
    F=code.F_square,
    jacobian=code.jacobian_square,
    sample=lambda rng, square=None: {"X": rng.standard_normal(dims(square, 4, rng=rng) * 2)},
    exact="polynomial",
)


HADAMARD_SQUARE = MatrixIdentity(
    id="matrix_valued.hadamard_square",
    family=FAMILY,
    title="the entrywise square X ∘ X",
    tex=r"d(X \circ X) = 2\, X \circ dX, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X \circ X)}{\partial\, \mathrm{vec}(X)}"
    r" = 2 \operatorname{diag}(\mathrm{vec}\, X)",
    conditions=("X: p × r",),
    variable="X",
    F=code.F_hadamard_square,
    jacobian=code.jacobian_hadamard_square,
    sample=lambda rng, square=None: {"X": rng.standard_normal(dims(square, 3, 4, rng=rng))},
    exact="polynomial",
)


DET_IDENTITY = MatrixIdentity(
    id="matrix_valued.det_identity",
    family=FAMILY,
    title="a scalar function times a matrix: det(X) I",
    tex=r"d(\det(X)\, I_n) = \det(X) \operatorname{tr}(X^{-1} dX)\, I_n, \qquad"
    r" \frac{\partial\, \mathrm{vec}(\det(X)\, I_n)}{\partial\, \mathrm{vec}(X)}"
    r" = \det(X)\, \mathrm{vec}(I_n)\, \mathrm{vec}(X^{-\top})^\top",
    conditions=("X: n × n, invertible",),
    variable="X",
    F=code.F_det_identity,
    jacobian=code.jacobian_det_identity,
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 3, rng=rng))},
    exact="rational",
)


KRON_XA = MatrixIdentity(
    id="matrix_valued.kron_XA",
    family=FAMILY,
    title="a Kronecker product with X on the left",
    tex=r"d(X \otimes A) = dX \otimes A, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X \otimes A)}{\partial\, \mathrm{vec}(X)}"
    r" = (I_r \otimes \mathcal{K}_{tp} \otimes I_s)\,(I_{pr} \otimes \mathrm{vec}\, A)",
    conditions=("X: p × r, A: s × t",),
    variable="X",
    F=code.F_kron_XA,
    jacobian=code.jacobian_kron_XA,
    sample=lambda rng, square=None: {
        "X": rng.standard_normal(dims(square, 2, 3, rng=rng)),
        "A": rng.standard_normal(dims(square, 3, 2, rng=rng)),
    },
    exact="polynomial",
)


KRON_AX = MatrixIdentity(
    id="matrix_valued.kron_AX",
    family=FAMILY,
    title="a Kronecker product with X on the right",
    tex=r"d(A \otimes X) = A \otimes dX, \qquad"
    r" \frac{\partial\, \mathrm{vec}(A \otimes X)}{\partial\, \mathrm{vec}(X)}"
    r" = (I_t \otimes \mathcal{K}_{rs} \otimes I_p)\,(\mathrm{vec}\, A \otimes I_{pr})",
    conditions=("A: s × t, X: p × r",),
    variable="X",
    F=code.F_kron_AX,
    jacobian=code.jacobian_kron_AX,
    sample=lambda rng, square=None: {
        "X": rng.standard_normal(dims(square, 2, 3, rng=rng)),
        "A": rng.standard_normal(dims(square, 3, 2, rng=rng)),
    },
    exact="polynomial",
)


def _sample_XA(rng, square=None):
    """X: (p, r), A: (r, s) with p, r, s = 3, 4, 2."""
    p, r, s = dims(square, 3, 4, 2, rng=rng)
    return {"X": rng.standard_normal((p, r)), "A": rng.standard_normal((r, s))}


def _sample_XtA(rng, square=None):
    """X: (p, r), A: (p, s) with p, r, s = 3, 4, 2."""
    p, r, s = dims(square, 3, 4, 2, rng=rng)
    return {"X": rng.standard_normal((p, r)), "A": rng.standard_normal((p, s))}


def _sample_XtBX(rng, square=None):
    """X: (p, r), B: (p, p) with p, r = 3, 4 (B not symmetric)."""
    p, r = dims(square, 3, 4, rng=rng)
    return {"X": rng.standard_normal((p, r)), "B": rng.standard_normal((p, p))}


def _sample_XAX(rng, square=None):
    """X: (p, r), A: (r, p) with p, r = 3, 4."""
    p, r = dims(square, 3, 4, rng=rng)
    return {"X": rng.standard_normal((p, r)), "A": rng.standard_normal((r, p))}


def _sample_hadamard_B(rng, square=None):
    """X: (p, r), B: (r, s) with p, r, s = 3, 4, 2."""
    p, r, s = dims(square, 3, 4, 2, rng=rng)
    return {"X": rng.standard_normal((p, r)), "B": rng.standard_normal((r, s))}


X_ITSELF = MatrixIdentity(
    id="matrix_valued.X",
    family=FAMILY,
    title="X itself: the single-entry matrices",
    tex=r"\frac{\partial X}{\partial X_{\lambda\theta}} = \mathcal{J}^{\lambda\theta}, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X)}{\partial\, \mathrm{vec}(X)} = I_{pr}",
    conditions=("X: p × r",),
    variable="X",
    F=code.F_X,
    jacobian=code.jacobian_X,
    sample=lambda rng, square=None: {"X": rng.standard_normal(dims(square, 3, 4, rng=rng))},
    exact="polynomial",
)

XA = MatrixIdentity(
    id="matrix_valued.XA",
    family=FAMILY,
    title="a product XA",
    tex=r"d(XA) = dX\, A, \qquad"
    r" \frac{\partial\, \mathrm{vec}(XA)}{\partial\, \mathrm{vec}(X)} = A^\top \otimes I_p",
    conditions=("X: p × r", "A: r × s"),
    variable="X",
    F=code.F_XA,
    jacobian=code.jacobian_XA,
    sample=_sample_XA,
    exact="polynomial",
)

XTA = MatrixIdentity(
    id="matrix_valued.XtA",
    family=FAMILY,
    title="a product XᵀA",
    tex=r"d(X^\top A) = dX^\top A, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X^\top A)}{\partial\, \mathrm{vec}(X)}"
    r" = (A^\top \otimes I_r)\, \mathcal{K}_{pr}",
    conditions=("X: p × r", "A: p × s"),
    variable="X",
    F=code.F_XtA,
    jacobian=code.jacobian_XtA,
    sample=_sample_XtA,
    exact="polynomial",
)

XTBX = MatrixIdentity(
    id="matrix_valued.XtBX",
    family=FAMILY,
    title="the congruence XᵀBX",
    tex=r"d(X^\top B X) = dX^\top B X + X^\top B\, dX, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X^\top B X)}{\partial\, \mathrm{vec}(X)}"
    r" = ((BX)^\top \otimes I_r)\, \mathcal{K}_{pr} + I_r \otimes X^\top B",
    conditions=("X: p × r", "B: p × p"),
    variable="X",
    F=code.F_XtBX,
    jacobian=code.jacobian_XtBX,
    sample=_sample_XtBX,
    exact="polynomial",
)

CUBE = MatrixIdentity(
    id="matrix_valued.cube",
    family=FAMILY,
    title="the matrix cube X³",
    tex=r"d(X^3) = dX\, X^2 + X\, dX\, X + X^2 dX, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X^3)}{\partial\, \mathrm{vec}(X)}"
    r" = (X^2)^\top \otimes I_n + X^\top \otimes X + I_n \otimes X^2",
    conditions=("X: n × n",),
    variable="X",
    F=code.F_cube,
    jacobian=code.jacobian_cube,
    sample=lambda rng, square=None: {"X": rng.standard_normal(dims(square, 4, rng=rng) * 2)},
    exact="polynomial",
)

XAX = MatrixIdentity(
    id="matrix_valued.XAX",
    family=FAMILY,
    title="a product XAX",
    tex=r"d(XAX) = dX\, AX + XA\, dX, \qquad"
    r" \frac{\partial\, \mathrm{vec}(XAX)}{\partial\, \mathrm{vec}(X)}"
    r" = (AX)^\top \otimes I_p + I_r \otimes XA",
    conditions=("X: p × r", "A: r × p"),
    variable="X",
    F=code.F_XAX,
    jacobian=code.jacobian_XAX,
    sample=_sample_XAX,
    exact="polynomial",
)

HADAMARD_B = MatrixIdentity(
    id="matrix_valued.hadamard_B",
    family=FAMILY,
    title="the entrywise square times a matrix, (X ∘ X)B",
    tex=r"d((X \circ X) B) = 2 (X \circ dX) B, \qquad"
    r" \frac{\partial\, \mathrm{vec}((X \circ X) B)}{\partial\, \mathrm{vec}(X)}"
    r" = 2 (B^\top \otimes I_p) \operatorname{diag}(\mathrm{vec}\, X)",
    conditions=("X: p × r", "B: r × s"),
    variable="X",
    F=code.F_hadamard_B,
    jacobian=code.jacobian_hadamard_B,
    sample=_sample_hadamard_B,
    exact="polynomial",
)

KRON_XX = MatrixIdentity(
    id="matrix_valued.kron_XX",
    family=FAMILY,
    title="the Kronecker square X ⊗ X",
    tex=r"d(X \otimes X) = dX \otimes X + X \otimes dX, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X \otimes X)}{\partial\, \mathrm{vec}(X)}"
    r" = (I_r \otimes \mathcal{K}_{rp} \otimes I_p)"
    r" (I_{pr} \otimes \mathrm{vec}\, X + \mathrm{vec}\, X \otimes I_{pr})",
    conditions=("X: p × r",),
    variable="X",
    F=code.F_kron_XX,
    jacobian=code.jacobian_kron_XX,
    sample=lambda rng, square=None: {"X": rng.standard_normal(dims(square, 2, 3, rng=rng))},
    exact="polynomial",
)


MATRIX_IDENTITIES: list[MatrixIdentity] = [
    TRANSPOSE,
    AXB,
    INV,
    INV_TRANSPOSED,
    AXINVB,
    XTX,
    XXT,
    SQUARE,
    HADAMARD_SQUARE,
    DET_IDENTITY,
    KRON_XA,
    KRON_AX,
    X_ITSELF,
    XA,
    XTA,
    XTBX,
    CUBE,
    XAX,
    HADAMARD_B,
    KRON_XX,
]
