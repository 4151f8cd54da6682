"""Catalogue family "matrix_valued": Jacobians of matrix functions F(X) in Kronecker form.

Each entry gives F and its Jacobian J = ∂vec F/∂vec X, of shape (F.size, X.size), with vec
stacking columns on both sides (numpy's order="F"). The one tool beyond vec(AYB) = (Bᵀ ⊗ A)
vec(Y) is the commutation matrix K_mn, for which vec(Yᵀ) = K_mn vec(Y) when Y is m × n.

Formulas use snippets.catalog.linalg and integer identity matrices (np.eye(n, dtype=int)), so
that they also run on matrices of Fractions and SymPy symbols.
"""

import numpy as np

from snippets.catalog.determinants import dims, invertible
from snippets.catalog.entry import MatrixIdentity
from snippets.catalog.linalg import det, inv
from snippets.gradcheck import vec  # column-major, as on the conventions page

FAMILY = "matrix_valued"

#: This family has no scalar identities; the registry reads both lists.
IDENTITIES: list = []


# --8<-- [start:helpers]
def commutation(m: int, n: int) -> np.ndarray:
    """K_mn, the (m·n) × (m·n) permutation with K_mn vec(Y) = vec(Yᵀ) for every Y of shape (m, n).

    Entry Y[i, j] sits at i + j·m in vec(Y) and at j + i·n in vec(Yᵀ).
    """
    if not all(isinstance(k, int | np.integer) and k > 0 for k in (m, n)):
        raise ValueError(f"commutation(m, n) needs positive integers; got m={m!r}, n={n!r}")
    K = np.zeros((m * n, m * n), dtype=int)
    for i in range(m):
        for j in range(n):
            K[j + i * n, i + j * m] = 1
    return K


def eye(n: int) -> np.ndarray:
    """I_n with integer entries, so that products with exact matrices stay exact."""
    return np.eye(n, dtype=int)


# --8<-- [end:helpers]


# --8<-- [start:transpose]
TRANSPOSE = MatrixIdentity(
    id="matrix_valued.transpose",
    family=FAMILY,
    title="the transpose: the commutation matrix",
    tex=r"d(X^\top) = dX^\top, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X^\top)}{\partial\, \mathrm{vec}(X)}"
    r" = K_{mn}",
    conditions=("X: m × n",),
    variable="X",
    F=lambda X: X.T,
    jacobian=lambda X: commutation(*X.shape).astype(X.dtype),  # floats for floats
    sample=lambda rng, square=None: {"X": rng.standard_normal(dims(square, 3, 4))},
    exact="polynomial",
)
# --8<-- [end:transpose]


# --8<-- [start:AXB]
def _sample_AXB(rng, square=None):
    """X: (p, r), A: (s, p), B: (r, t) with s, p, r, t = 2, 3, 4, 5."""
    s, p, r, t = dims(square, 2, 3, 4, 5)
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
    F=lambda X, A, B: A @ X @ B,
    jacobian=lambda X, A, B: np.kron(B.T, A),
    sample=_sample_AXB,
    exact="polynomial",
)


# --8<-- [end:AXB]


# --8<-- [start:inv]
INV = MatrixIdentity(
    id="matrix_valued.inv",
    family=FAMILY,
    title="the inverse",
    tex=r"d(X^{-1}) = -X^{-1}\, dX\, X^{-1}, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X^{-1})}{\partial\, \mathrm{vec}(X)}"
    r" = -X^{-\top} \otimes X^{-1}",
    conditions=("X: n × n, invertible",),
    variable="X",
    F=lambda X: inv(X),
    jacobian=lambda X: -np.kron(inv(X).T, inv(X)),
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4))},
    exact="rational",
)
# --8<-- [end:inv]


# --8<-- [start:inv_transposed]
INV_TRANSPOSED = MatrixIdentity(
    id="matrix_valued.inv_transposed",
    family=FAMILY,
    title="the transposed inverse",
    tex=r"d(X^{-\top}) = -X^{-\top}\, dX^\top X^{-\top}, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X^{-\top})}{\partial\, \mathrm{vec}(X)}"
    r" = -(X^{-1} \otimes X^{-\top})\, K_{nn}",
    conditions=("X: n × n, invertible",),
    variable="X",
    F=lambda X: inv(X).T,
    jacobian=lambda X: -np.kron(inv(X), inv(X).T) @ commutation(*X.shape),
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 4))},
    exact="rational",
)
# --8<-- [end:inv_transposed]


# --8<-- [start:AXinvB]
def _sample_AXinvB(rng, square=None):
    """X: (n, n) invertible, A: (s, n), B: (n, t)."""
    s, n, t = dims(square, 2, 4, 3)
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
    F=lambda X, A, B: A @ inv(X) @ B,
    jacobian=lambda X, A, B: -np.kron(B.T @ inv(X).T, A @ inv(X)),
    sample=_sample_AXinvB,
    exact="rational",
)
# --8<-- [end:AXinvB]


# --8<-- [start:XtX]
def _XtX_jacobian(X):
    """(Xᵀ ⊗ I_n) K_mn + I_n ⊗ Xᵀ for X: (m, n); shape (n·n, m·n)."""
    m, n = X.shape
    return np.kron(X.T, eye(n)) @ commutation(m, n) + np.kron(eye(n), X.T)


XTX = MatrixIdentity(
    id="matrix_valued.XtX",
    family=FAMILY,
    title="the Gram matrix XᵀX",
    tex=r"d(X^\top X) = dX^\top X + X^\top dX, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X^\top X)}{\partial\, \mathrm{vec}(X)}"
    r" = (X^\top \otimes I_n)\, K_{mn} + I_n \otimes X^\top",
    conditions=("X: m × n",),
    variable="X",
    F=lambda X: X.T @ X,
    jacobian=_XtX_jacobian,
    sample=lambda rng, square=None: {"X": rng.standard_normal(dims(square, 4, 3))},
    exact="polynomial",
)
# --8<-- [end:XtX]


# --8<-- [start:XXt]
def _XXt_jacobian(X):
    """X ⊗ I_m + (I_m ⊗ X) K_mn for X: (m, n); shape (m·m, m·n)."""
    m, n = X.shape
    return np.kron(X, eye(m)) + np.kron(eye(m), X) @ commutation(m, n)


XXT = MatrixIdentity(
    id="matrix_valued.XXt",
    family=FAMILY,
    title="the outer Gram matrix XXᵀ",
    tex=r"d(X X^\top) = dX\, X^\top + X\, dX^\top, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X X^\top)}{\partial\, \mathrm{vec}(X)}"
    r" = X \otimes I_m + (I_m \otimes X)\, K_{mn}",
    conditions=("X: m × n",),
    variable="X",
    F=lambda X: X @ X.T,
    jacobian=_XXt_jacobian,
    sample=lambda rng, square=None: {"X": rng.standard_normal(dims(square, 3, 4))},
    exact="polynomial",
)
# --8<-- [end:XXt]


# --8<-- [start:square]
SQUARE = MatrixIdentity(
    id="matrix_valued.square",
    family=FAMILY,
    title="the matrix square X²",
    tex=r"d(X^2) = dX\, X + X\, dX, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X^2)}{\partial\, \mathrm{vec}(X)}"
    r" = X^\top \otimes I_n + I_n \otimes X",
    conditions=("X: n × n",),
    variable="X",
    F=lambda X: X @ X,
    jacobian=lambda X: np.kron(X.T, eye(len(X))) + np.kron(eye(len(X)), X),
    sample=lambda rng, square=None: {"X": rng.standard_normal(dims(square, 4, 4))},
    exact="polynomial",
)
# --8<-- [end:square]


# --8<-- [start:hadamard_square]
HADAMARD_SQUARE = MatrixIdentity(
    id="matrix_valued.hadamard_square",
    family=FAMILY,
    title="the entrywise square X ∘ X",
    tex=r"d(X \circ X) = 2\, X \circ dX, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X \circ X)}{\partial\, \mathrm{vec}(X)}"
    r" = 2 \operatorname{diag}(\mathrm{vec}\, X)",
    conditions=("X: m × n",),
    variable="X",
    F=lambda X: X * X,
    jacobian=lambda X: 2 * np.diag(vec(X)),
    sample=lambda rng, square=None: {"X": rng.standard_normal(dims(square, 3, 4))},
    exact="polynomial",
)
# --8<-- [end:hadamard_square]


# --8<-- [start:det_identity]
DET_IDENTITY = MatrixIdentity(
    id="matrix_valued.det_identity",
    family=FAMILY,
    title="a scalar function times a matrix: det(X) I",
    tex=r"d(\det(X)\, I_n) = \det(X) \operatorname{tr}(X^{-1} dX)\, I_n, \qquad"
    r" \frac{\partial\, \mathrm{vec}(\det(X)\, I_n)}{\partial\, \mathrm{vec}(X)}"
    r" = \det(X)\, \mathrm{vec}(I_n)\, \mathrm{vec}(X^{-\top})^\top",
    conditions=("X: n × n, invertible",),
    variable="X",
    F=lambda X: det(X) * eye(len(X)),
    jacobian=lambda X: det(X) * np.outer(vec(eye(len(X))), vec(inv(X).T)),
    sample=lambda rng, square=None: {"X": invertible(rng, *dims(square, 3))},
    exact="rational",
)
# --8<-- [end:det_identity]


# --8<-- [start:kron_XA]
def _kron_XA_jacobian(X, A):
    """(I_n ⊗ K_qm ⊗ I_p)(I_mn ⊗ vec A) for X: (m, n), A: (p, q); shape (m·p·n·q, m·n)."""
    (m, n), (p, q) = X.shape, A.shape
    P = np.kron(np.kron(eye(n), commutation(q, m)), eye(p))
    return P @ np.kron(eye(m * n), vec(A)[:, None])


KRON_XA = MatrixIdentity(
    id="matrix_valued.kron_XA",
    family=FAMILY,
    title="a Kronecker product with X on the left",
    tex=r"d(X \otimes A) = dX \otimes A, \qquad"
    r" \frac{\partial\, \mathrm{vec}(X \otimes A)}{\partial\, \mathrm{vec}(X)}"
    r" = (I_n \otimes K_{qm} \otimes I_p)\,(I_{mn} \otimes \mathrm{vec}\, A)",
    conditions=("X: m × n, A: p × q",),
    variable="X",
    F=lambda X, A: np.kron(X, A),
    jacobian=_kron_XA_jacobian,
    sample=lambda rng, square=None: {
        "X": rng.standard_normal(dims(square, 2, 3)),
        "A": rng.standard_normal(dims(square, 3, 2)),
    },
    exact="polynomial",
)
# --8<-- [end:kron_XA]


# --8<-- [start:kron_AX]
def _kron_AX_jacobian(X, A):
    """(I_q ⊗ K_np ⊗ I_m)(vec A ⊗ I_mn) for A: (p, q), X: (m, n); shape (p·m·q·n, m·n)."""
    (m, n), (p, q) = X.shape, A.shape
    P = np.kron(np.kron(eye(q), commutation(n, p)), eye(m))
    return P @ np.kron(vec(A)[:, None], eye(m * n))


KRON_AX = MatrixIdentity(
    id="matrix_valued.kron_AX",
    family=FAMILY,
    title="a Kronecker product with X on the right",
    tex=r"d(A \otimes X) = A \otimes dX, \qquad"
    r" \frac{\partial\, \mathrm{vec}(A \otimes X)}{\partial\, \mathrm{vec}(X)}"
    r" = (I_q \otimes K_{np} \otimes I_m)\,(\mathrm{vec}\, A \otimes I_{mn})",
    conditions=("A: p × q, X: m × n",),
    variable="X",
    F=lambda X, A: np.kron(A, X),
    jacobian=_kron_AX_jacobian,
    sample=lambda rng, square=None: {
        "X": rng.standard_normal(dims(square, 2, 3)),
        "A": rng.standard_normal(dims(square, 3, 2)),
    },
    exact="polynomial",
)
# --8<-- [end:kron_AX]


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
]
