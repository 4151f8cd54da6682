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


def commutation(p: int, r: int) -> np.ndarray:
    """K_pr, the (p·r) × (p·r) permutation with K_pr vec(Y) = vec(Yᵀ) for every Y of shape (p, r).

    Entry Y[i, j] sits at i + j·p in vec(Y) and at j + i·r in vec(Yᵀ) (indices from 0, as numpy
    counts; from 1, as the page writes them, the positions are i + (j − 1)p and j + (i − 1)r).
    """
    if not all(isinstance(k, int | np.integer) and k > 0 for k in (p, r)):
        raise ValueError(f"commutation(p, r) needs positive integers; got p={p!r}, r={r!r}")
    K = np.zeros((p * r, p * r), dtype=int)
    for i in range(p):
        for j in range(r):
            K[j + i * r, i + j * p] = 1
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
    """F = Xᵀ.  X: p × r."""
    return X.T


def jacobian_transpose(X):
    """∂vec F/∂vec X = K_pr, of shape (F.size, X.size); vec stacks columns."""
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
    """F = Xᵀ X.  X: p × r."""
    return X.T @ X


def jacobian_XtX(X):
    """(Xᵀ ⊗ I_r) K_pr + I_r ⊗ Xᵀ for X: (p, r); shape (r·r, p·r)."""
    p, r = X.shape
    return np.kron(X.T, eye(r)) @ commutation(p, r) + np.kron(eye(r), X.T)


# --8<-- [end:XtX]


# --8<-- [start:XXt]
def F_XXt(X):
    """F = X Xᵀ.  X: p × r."""
    return X @ X.T


def jacobian_XXt(X):
    """X ⊗ I_p + (I_p ⊗ X) K_pr for X: (p, r); shape (p·p, p·r)."""
    p, r = X.shape
    return np.kron(X, eye(p)) + np.kron(eye(p), X) @ commutation(p, r)


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
    """F = X ∘ X.  X: p × r."""
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
    """F = X ⊗ A.  X: p × r, A: s × t."""
    return np.kron(X, A)


def jacobian_kron_XA(X, A):
    """(I_r ⊗ K_tp ⊗ I_s)(I_pr ⊗ vec A) for X: (p, r), A: (s, t); shape (p·s·r·t, p·r)."""
    (p, r), (s, t) = X.shape, A.shape
    P = np.kron(np.kron(eye(r), commutation(t, p)), eye(s))
    return P @ np.kron(eye(p * r), vec(A)[:, None])


# --8<-- [end:kron_XA]


# --8<-- [start:kron_AX]
def F_kron_AX(X, A):
    """F = A ⊗ X.  A: s × t, X: p × r."""
    return np.kron(A, X)


def jacobian_kron_AX(X, A):
    """(I_t ⊗ K_rs ⊗ I_p)(vec A ⊗ I_pr) for A: (s, t), X: (p, r); shape (s·p·t·r, p·r)."""
    (p, r), (s, t) = X.shape, A.shape
    P = np.kron(np.kron(eye(t), commutation(r, s)), eye(p))
    return P @ np.kron(vec(A)[:, None], eye(p * r))


# --8<-- [end:kron_AX]


# --8<-- [start:X]
def F_X(X):
    """F = X itself.  X: p × r."""
    return X


def jacobian_X(X):
    """∂vec X/∂vec X = I_pr: column λ + θp is vec of the single-entry matrix 𝒥^{λθ}."""
    return eye(X.size).astype(X.dtype)


# --8<-- [end:X]


# --8<-- [start:XA]
def F_XA(X, A):
    """F = XA.  X: p × r, A: r × s."""
    return X @ A


def jacobian_XA(X, A):
    """∂vec F/∂vec X = Aᵀ ⊗ I_p, of shape (p·s, p·r); vec stacks columns."""
    return np.kron(A.T, eye(X.shape[0]))


# --8<-- [end:XA]


# --8<-- [start:XtA]
def F_XtA(X, A):
    """F = XᵀA.  X: p × r, A: p × s."""
    return X.T @ A


def jacobian_XtA(X, A):
    """∂vec F/∂vec X = (Aᵀ ⊗ I_r) K_pr, of shape (r·s, p·r); vec stacks columns."""
    p, r = X.shape
    return np.kron(A.T, eye(r)) @ commutation(p, r)


# --8<-- [end:XtA]


# --8<-- [start:XtBX]
def F_XtBX(X, B):
    """F = XᵀBX.  X: p × r, B: p × p."""
    return X.T @ B @ X


def jacobian_XtBX(X, B):
    """∂vec F/∂vec X = ((BX)ᵀ ⊗ I_r) K_pr + I_r ⊗ XᵀB, of shape (r·r, p·r)."""
    p, r = X.shape
    return np.kron((B @ X).T, eye(r)) @ commutation(p, r) + np.kron(eye(r), X.T @ B)


# --8<-- [end:XtBX]


# --8<-- [start:cube]
def F_cube(X):
    """F = X³.  X: n × n."""
    return X @ X @ X


def jacobian_cube(X):
    """∂vec F/∂vec X = (X²)ᵀ ⊗ I_n + Xᵀ ⊗ X + I_n ⊗ X², of shape (n², n²)."""
    eye_n = eye(len(X))
    return np.kron((X @ X).T, eye_n) + np.kron(X.T, X) + np.kron(eye_n, X @ X)


# --8<-- [end:cube]


# --8<-- [start:XAX]
def F_XAX(X, A):
    """F = XAX.  X: p × r, A: r × p."""
    return X @ A @ X


def jacobian_XAX(X, A):
    """∂vec F/∂vec X = (AX)ᵀ ⊗ I_p + I_r ⊗ XA, of shape (p·r, p·r)."""
    p, r = X.shape
    return np.kron((A @ X).T, eye(p)) + np.kron(eye(r), X @ A)


# --8<-- [end:XAX]


# --8<-- [start:hadamard_B]
def F_hadamard_B(X, B):
    """F = (X ∘ X) B.  X: p × r, B: r × s."""
    return (X * X) @ B


def jacobian_hadamard_B(X, B):
    """∂vec F/∂vec X = 2 (Bᵀ ⊗ I_p) diag(vec X), of shape (p·s, p·r)."""
    return 2 * np.kron(B.T, eye(X.shape[0])) @ np.diag(vec(X))


# --8<-- [end:hadamard_B]


# --8<-- [start:kron_XX]
def F_kron_XX(X):
    """F = X ⊗ X.  X: p × r."""
    return np.kron(X, X)


def jacobian_kron_XX(X):
    """(I_r ⊗ K_rp ⊗ I_p)(I_pr ⊗ vec X + vec X ⊗ I_pr), of shape (p²·r², p·r)."""
    p, r = X.shape
    P = np.kron(np.kron(eye(r), commutation(r, p)), eye(p))
    x = vec(X)[:, None]
    return P @ (np.kron(eye(p * r), x) + np.kron(x, eye(p * r)))


# --8<-- [end:kron_XX]
