"""Checks that the definitions on the conventions page agree (snippets/conventions.py)."""

# --8<-- [start:setup]
import numpy as np

from snippets.conventions import frobenius, unvec, vec
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
    """vec(A)[i + j·m] = A[i, j], and unvec undoes vec."""
    m, n = shape
    A = np.arange(m * n, dtype=float).reshape(shape) + 1.0
    by_index = np.array([A[i, j] for j in range(n) for i in range(m)])
    return [
        compare(to_vector(A), by_index, label="vec(A)[i + j·m] = A[i, j]"),
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
