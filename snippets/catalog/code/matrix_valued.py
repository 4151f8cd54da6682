"""Matrix-valued, as code you can copy: Jacobians ∂vec F/∂vec X of matrix functions F(X) in
Kronecker form (vec stacks columns).

Each entry of docs/catalog/matrix-valued.md is one section of this file (between its `# --8<--
[start:<name>]` and `[end:<name>]` markers): F and its Jacobian as plain numpy functions, the
formula and the shapes in their docstrings. A section needs numpy only and the tools in the
first section; copy it, and check it with snippets/catalog/code/check.py as the page shows.

The site's registry (snippets/catalog/registry.py) refers to these functions and checks each one
when it builds.
"""

# --8<-- [start:helpers]
import numpy as np


def commutation(m: int, n: int) -> np.ndarray:
    """K_mn, the (m·n) × (m·n) permutation with K_mn vec(Y) = vec(Yᵀ) for every Y of shape (m, n).

    Entry Y[i, j] sits at i + j·m in vec(Y) and at j + i·n in vec(Yᵀ) (indices from 0, as numpy
    counts; from 1, as the page writes them, the positions are i + (j − 1)m and j + (i − 1)n).
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


def vec(A):
    """vec A: the columns of A stacked into one vector (column-major)."""
    return A.reshape(-1, order="F")


# --8<-- [end:helpers]


# --8<-- [start:transpose]
def F_transpose(X):
    """F = Xᵀ.  X: m × n."""
    return X.T


def jacobian_transpose(X):
    """∂vec F/∂vec X = K_mn, of shape (F.size, X.size); vec stacks columns."""
    return commutation(*X.shape).astype(X.dtype)


# --8<-- [end:transpose]


# --8<-- [start:AXB]
def F_AXB(X, A, B):
    """F = AXB.  A: s × p, X: p × r, B: r × t."""
    return A @ X @ B


def jacobian_AXB(X, A, B):
    """∂vec F/∂vec X = Bᵀ ⊗ A, of shape (F.size, X.size); vec stacks columns."""
    return np.kron(B.T, A)


# --8<-- [end:AXB]


# --8<-- [start:inv]
def F_inv(X):
    """F = X⁻¹.  X: n × n, invertible."""
    return np.linalg.inv(X)


def jacobian_inv(X):
    """∂vec F/∂vec X = -X⁻ᵀ ⊗ X⁻¹, of shape (F.size, X.size); vec stacks columns."""
    return -np.kron(np.linalg.inv(X).T, np.linalg.inv(X))


# --8<-- [end:inv]


# --8<-- [start:inv_transposed]
def F_inv_transposed(X):
    """F = X⁻ᵀ.  X: n × n, invertible."""
    return np.linalg.inv(X).T


def jacobian_inv_transposed(X):
    """∂vec F/∂vec X = -(X⁻¹ ⊗ X⁻ᵀ) K_nn, of shape (F.size, X.size); vec stacks columns."""
    return -np.kron(np.linalg.inv(X), np.linalg.inv(X).T) @ commutation(*X.shape)


# --8<-- [end:inv_transposed]


# --8<-- [start:inv_transposed_without_K]
def jacobian_inv_transposed_without_K(X):
    """A plausible mistake: −(X⁻¹ ⊗ X⁻ᵀ) with the commutation matrix K_nn dropped."""
    return -np.kron(np.linalg.inv(X), np.linalg.inv(X).T)


# --8<-- [end:inv_transposed_without_K]


# --8<-- [start:AXinvB]
def F_AXinvB(X, A, B):
    """F = A X⁻¹ B.  X: n × n, invertible; A: s × n, B: n × t."""
    return A @ np.linalg.inv(X) @ B


def jacobian_AXinvB(X, A, B):
    """∂vec F/∂vec X = -(Bᵀ X⁻ᵀ) ⊗ (A X⁻¹), of shape (F.size, X.size); vec stacks columns."""
    return -np.kron(B.T @ np.linalg.inv(X).T, A @ np.linalg.inv(X))


# --8<-- [end:AXinvB]


# --8<-- [start:XtX]
def F_XtX(X):
    """F = Xᵀ X.  X: m × n."""
    return X.T @ X


def jacobian_XtX(X):
    """(Xᵀ ⊗ I_n) K_mn + I_n ⊗ Xᵀ for X: (m, n); shape (n·n, m·n)."""
    m, n = X.shape
    return np.kron(X.T, eye(n)) @ commutation(m, n) + np.kron(eye(n), X.T)


# --8<-- [end:XtX]


# --8<-- [start:XXt]
def F_XXt(X):
    """F = X Xᵀ.  X: m × n."""
    return X @ X.T


def jacobian_XXt(X):
    """X ⊗ I_m + (I_m ⊗ X) K_mn for X: (m, n); shape (m·m, m·n)."""
    m, n = X.shape
    return np.kron(X, eye(m)) + np.kron(eye(m), X) @ commutation(m, n)


# --8<-- [end:XXt]


# --8<-- [start:square]
def F_square(X):
    """F = X².  X: n × n."""
    return X @ X


def jacobian_square(X):
    """∂vec F/∂vec X = Xᵀ ⊗ I_n + I_n ⊗ X, of shape (F.size, X.size); vec stacks columns."""
    return np.kron(X.T, eye(len(X))) + np.kron(eye(len(X)), X)


# --8<-- [end:square]


# --8<-- [start:square_as_2X]
def jacobian_square_as_2X(X):
    """The Jacobian of dX ↦ 2X dX, 2 (I_n ⊗ X): what "the derivative of X² is 2X" would mean."""
    return 2 * np.kron(eye(len(X)), X)


# --8<-- [end:square_as_2X]


# --8<-- [start:hadamard_square]
def F_hadamard_square(X):
    """F = X ∘ X.  X: m × n."""
    return X * X


def jacobian_hadamard_square(X):
    """∂vec F/∂vec X = 2 diag(vec X), of shape (F.size, X.size); vec stacks columns."""
    return 2 * np.diag(vec(X))


# --8<-- [end:hadamard_square]


# --8<-- [start:det_identity]
def F_det_identity(X):
    """F = det(X) I_n.  X: n × n, invertible."""
    return np.linalg.det(X) * eye(len(X))


def jacobian_det_identity(X):
    """∂vec F/∂vec X = det(X) vec(I_n) vec(X⁻ᵀ)ᵀ, of shape (F.size, X.size); vec stacks columns."""
    return np.linalg.det(X) * np.outer(vec(eye(len(X))), vec(np.linalg.inv(X).T))


# --8<-- [end:det_identity]


# --8<-- [start:kron_XA]
def F_kron_XA(X, A):
    """F = X ⊗ A.  X: m × n, A: p × q."""
    return np.kron(X, A)


def jacobian_kron_XA(X, A):
    """(I_n ⊗ K_qm ⊗ I_p)(I_mn ⊗ vec A) for X: (m, n), A: (p, q); shape (m·p·n·q, m·n)."""
    (m, n), (p, q) = X.shape, A.shape
    P = np.kron(np.kron(eye(n), commutation(q, m)), eye(p))
    return P @ np.kron(eye(m * n), vec(A)[:, None])


# --8<-- [end:kron_XA]


# --8<-- [start:kron_AX]
def F_kron_AX(X, A):
    """F = A ⊗ X.  A: p × q, X: m × n."""
    return np.kron(A, X)


def jacobian_kron_AX(X, A):
    """(I_q ⊗ K_np ⊗ I_m)(vec A ⊗ I_mn) for A: (p, q), X: (m, n); shape (p·m·q·n, m·n)."""
    (m, n), (p, q) = X.shape, A.shape
    P = np.kron(np.kron(eye(q), commutation(n, p)), eye(m))
    return P @ np.kron(vec(A)[:, None], eye(m * n))


# --8<-- [end:kron_AX]
