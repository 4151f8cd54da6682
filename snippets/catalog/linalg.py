"""Inverse and determinant that work on floats, Fractions and symbols (snippets/symbolic) alike.

Catalogue formulas call these instead of np.linalg so the same formula can be checked
numerically (float64), exactly (matrices of fractions.Fraction, dtype=object) and symbolically
(matrices of SymPy expressions, dtype=object).
"""

import types

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


class _Linalg:
    """np.linalg with inv and det replaced by the versions above (numpy's own on floats)."""

    inv = staticmethod(inv)
    det = staticmethod(det)

    def __getattr__(self, name):
        return getattr(np.linalg, name)


class _Numpy:
    """numpy, except that np.linalg.inv and np.linalg.det also run on object arrays."""

    linalg = _Linalg()

    def __getattr__(self, name):
        return getattr(np, name)


def exact_capable(module) -> types.SimpleNamespace:
    """The functions of a copyable catalogue module, run with `np` bound to a numpy whose
    linalg.inv and linalg.det also accept matrices of Fractions and of symbols.

    The code is the module's own, unchanged (same code objects): on float64 input it calls
    exactly numpy's functions, so what the site checks numerically is what a reader copies;
    on object arrays it also runs exactly and symbolically (snippets/checks/proofs.py).
    Functions of the module calling each other are rebound together.
    """
    namespace = {**vars(module), "np": _Numpy()}
    functions = {}
    for name, value in vars(module).items():
        if isinstance(value, types.FunctionType) and value.__module__ == module.__name__:
            rebound = types.FunctionType(
                value.__code__, namespace, value.__name__, value.__defaults__, value.__closure__
            )
            rebound.__doc__, rebound.__qualname__ = value.__doc__, value.__qualname__
            rebound.__module__, rebound.__wrapped__ = value.__module__, value
            functions[name] = rebound
    namespace.update(functions)
    return types.SimpleNamespace(**functions)
