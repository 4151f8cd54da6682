"""Checks that the definitions on the conventions page agree (snippets/conventions.py)."""

# --8<-- [start:setup]
import numpy as np

from snippets.conventions import entrywise, frobenius, inverse_transpose, kron, sym, unvec, vec
from snippets.gradcheck import (
    check_gradient,
    compare,
    expect_pass,
    expect_reject,
    numerical_jacobian,
)

# --8<-- [end:setup]


# --8<-- [start:check_frobenius]
def check_frobenius_forms(seed=0, shape=(3, 5), product=frobenius):
    """A : B equals tr(Aᵀ B) and equals vec(A)ᵀ vec(B)."""
    rng = np.random.default_rng(seed)
    A, B = rng.standard_normal(shape), rng.standard_normal(shape)
    return [
        compare(product(A, B), np.trace(A.T @ B), label="A : B = tr(AᵀB)"),
        compare(product(A, B), vec(A) @ vec(B), label="A : B = vec(A)ᵀ vec(B)"),
    ]


# --8<-- [end:check_frobenius]


# --8<-- [start:check_vec]
def check_vec_is_column_major(shape=(3, 5), to_vector=vec):
    """vec(A)_{i + (j−1)m} = A_ij counting from 1 (in numpy, from 0: vec(A)[i + j*m] == A[i, j]),
    and unvec undoes vec."""
    m, n = shape
    A = np.arange(m * n, dtype=float).reshape(shape) + 1.0
    by_index = np.empty(m * n)
    for i in range(1, m + 1):  # the page's indices, counted from 1
        for j in range(1, n + 1):
            by_index[i + (j - 1) * m - 1] = A[i - 1, j - 1]  # numpy counts from 0: shift by 1
    return [
        compare(to_vector(A), by_index, label="vec(A)_{i+(j-1)m} = A_ij, counting from 1"),
        compare(unvec(to_vector(A), shape), A, label="unvec(vec(A)) = A"),
    ]


# --8<-- [end:check_vec]


# --8<-- [start:check_layouts]
def check_layouts(seed=0, shape=(3, 4, 5)):
    """For φ(W) = G : (W X), the gradient G Xᵀ has W's shape (m, q) and holds the
    same m·q numbers as the 1 × m·q Jacobian ∂φ/∂vec(W), in vec order."""
    m, q, n = shape
    rng = np.random.default_rng(seed)
    W, X, G = (rng.standard_normal(s) for s in [(m, q), (q, n), (m, n)])

    def phi(W):
        return np.sum(G * (W @ X))

    gradient = G @ X.T
    jacobian_row = numerical_jacobian(lambda W: np.array([phi(W)]), W)
    return [
        check_gradient(phi, gradient, W, label="∂φ/∂W = G Xᵀ, shape (m, q)"),
        compare(vec(gradient), jacobian_row[0], tolerance=1e-8, label="vec(∂φ/∂W) = ∂φ/∂vec(W)"),
    ]


# --8<-- [end:check_layouts]


# --8<-- [start:check_numerator_layout]
def check_numerator_layout(seed=0, shape=(3, 4, 5), numerator=lambda G, X: (G @ X.T).T):
    """In numerator layout, ∂φ/∂W of a scalar is the q × m matrix with entry (θ, λ) equal to
    ∂φ/∂W_λθ: the transpose of this site's gradient G Xᵀ, for φ(W) = G : (W X)."""
    m, q, n = shape
    rng = np.random.default_rng(seed)
    W, X, G = (rng.standard_normal(s) for s in [(m, q), (q, n), (m, n)])
    row = numerical_jacobian(lambda W: np.array([np.sum(G * (W @ X))]), W)[0]  # vec order
    by_entry = np.empty((q, m))
    for lam, tau in np.ndindex(m, q):  # numpy counts from 0: W[lam, tau] is W_λθ
        by_entry[tau, lam] = row[lam + tau * m]  # ∂φ/∂W_λθ sits at [θ, λ]
    return compare(
        numerator(G, X),
        by_entry,
        tolerance=1e-8,
        method="central differences, entry by entry",
        label=f"numerator layout = (G Xᵀ)ᵀ, shape {by_entry.shape}",
    )


# --8<-- [end:check_numerator_layout]


# --8<-- [start:check_symbols]
def check_symbols(seed=0, shape=(3, 4), kronecker=kron, inverse_T=inverse_transpose):
    """∘, ⊗, sym and A^{-⊤} as defined on the conventions page, each computed a second way."""
    m, n = shape
    rng = np.random.default_rng(seed)
    A, B, C = (rng.standard_normal(s) for s in [(m, n), (m, n), (n, m)])
    S = rng.standard_normal((m, m))  # square, invertible with probability one
    return [
        compare(entrywise(A, B), np.einsum("ij,ij->ij", A, B), label="(A ∘ B)_ij = A_ij B_ij"),
        compare(kronecker(A, C), np.kron(A, C), label="A ⊗ B: block (i, j) is A_ij B"),
        compare(sym(S), sym(S).T, label="sym(A) is symmetric"),
        compare(sym(S) + (S - S.T) / 2, S, label="A = sym(A) + its antisymmetric part"),
        compare(inverse_T(S), np.linalg.inv(S.T), label="(A⁻¹)ᵀ = (Aᵀ)⁻¹", tolerance=1e-10),
        compare(inverse_T(S) @ S.T, np.eye(m), label="A^{-⊤} Aᵀ = I", tolerance=1e-10),
    ]


# --8<-- [end:check_symbols]
