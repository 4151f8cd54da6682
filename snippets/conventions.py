"""The site's basic operations, defined once (numpy only).

vec(A)      stacks the columns of A (m, n) into one vector of length m·n. Counting from 1
            as the pages do, vec(A)_{i + (j−1)m} = A_ij; in numpy, counting from 0,
            vec(A)[i + j*m] == A[i, j]. It is numpy's order="F".
A : B       = tr(Aᵀ B) = Σᵢⱼ Aᵢⱼ Bᵢⱼ, for A and B of the same shape.
A ∘ B       the entrywise product: (A ∘ B)ᵢⱼ = Aᵢⱼ Bᵢⱼ (numpy's A * B).
A ⊗ B       the Kronecker product: the block matrix whose block (i, j) is Aᵢⱼ B.
sym(A)      = (A + Aᵀ)/2, the symmetric part of a square A.
A^{-⊤}      = (A⁻¹)ᵀ = (Aᵀ)⁻¹, for an invertible A.
"""

import numpy as np


def vec(A: np.ndarray) -> np.ndarray:
    """Column-major vec: the columns of A, one after another."""
    return A.reshape(-1, order="F")


def unvec(v: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """The inverse of vec: refill a matrix of the given shape column by column."""
    return v.reshape(shape, order="F")


def frobenius(A: np.ndarray, B: np.ndarray) -> float:
    """A : B = Σᵢⱼ Aᵢⱼ Bᵢⱼ, the sum of the entrywise product."""
    if A.shape != B.shape:
        raise ValueError(f"A : B needs equal shapes; got {A.shape} and {B.shape}")
    return float(np.sum(A * B))


def entrywise(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """A ∘ B, with (A ∘ B)ᵢⱼ = Aᵢⱼ Bᵢⱼ, for A and B of the same shape (no broadcasting)."""
    if A.shape != B.shape:
        raise ValueError(f"A ∘ B needs equal shapes; got {A.shape} and {B.shape}")
    return A * B


def kron(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """A ⊗ B for A (m, n) and B (p, r): block (i, j), of shape (p, r), is Aᵢⱼ B.

    The result is (m·p, n·r); numpy's np.kron computes the same.
    """
    m, n = A.shape
    p, r = B.shape
    K = np.empty((m * p, n * r))
    for i, j in np.ndindex(m, n):
        K[i * p : (i + 1) * p, j * r : (j + 1) * r] = A[i, j] * B
    return K


def sym(A: np.ndarray) -> np.ndarray:
    """sym(A) = (A + Aᵀ)/2, the symmetric part of a square matrix A."""
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"sym(A) needs a square matrix; got shape {A.shape}")
    return (A + A.T) / 2


def inverse_transpose(A: np.ndarray) -> np.ndarray:
    """A^{-⊤} = (A⁻¹)ᵀ, which is also (Aᵀ)⁻¹, for an invertible square A."""
    return np.linalg.inv(A).T
