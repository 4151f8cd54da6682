"""Inverse and determinant that work on floats, Fractions and SymPy symbols alike.

Catalogue formulas call these instead of np.linalg so the same formula can be checked
numerically (float64), exactly (matrices of fractions.Fraction, dtype=object) and symbolically
(matrices of SymPy expressions, dtype=object).
"""

import numpy as np


def inv(A: np.ndarray) -> np.ndarray:
    """A⁻¹ for square A: np.linalg.inv on floats, Gauss–Jordan elimination on object arrays."""
    A = np.asarray(A)
    if A.dtype != object:
        return np.linalg.inv(A)
    n = _square_size(A)
    M = np.concatenate([A.copy(), _identity_like(A)], axis=1)
    for col in range(n):
        pivot = next((r for r in range(col, n) if M[r, col] != 0), None)
        if pivot is None:
            raise np.linalg.LinAlgError("singular matrix: no exact inverse")
        M[[col, pivot]] = M[[pivot, col]]
        M[col] = M[col] / M[col, col]
        for r in range(n):
            if r != col and M[r, col] != 0:
                M[r] = M[r] - M[r, col] * M[col]
    return M[:, n:]


def det(A: np.ndarray):
    """det A for square A: np.linalg.det on floats, cofactor expansion on object arrays."""
    A = np.asarray(A)
    if A.dtype != object:
        return np.linalg.det(A)
    n = _square_size(A)
    if n == 1:
        return A[0, 0]
    return sum(
        (-1) ** j * A[0, j] * det(np.delete(np.delete(A, 0, axis=0), j, axis=1)) for j in range(n)
    )


def _square_size(A: np.ndarray) -> int:
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"expected a square matrix, got shape {A.shape}")
    return A.shape[0]


def _identity_like(A: np.ndarray) -> np.ndarray:
    n = A.shape[0]
    one, zero = A.flat[0] ** 0, A.flat[0] * 0
    out = np.full((n, n), zero, dtype=object)
    for i in range(n):
        out[i, i] = one
    return out
