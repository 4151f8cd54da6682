"""The site's two basic operations, column-major vec and the Frobenius product (numpy only).

vec(A)      stacks the columns of A (m, n) into one vector of length m·n:
            vec(A)[i + j·m] = A[i, j]  (zero-based), numpy's order="F".
A : B       = tr(Aᵀ B) = Σᵢⱼ Aᵢⱼ Bᵢⱼ, for A and B of the same shape.
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
