"""Converting derivatives between layouts and between the shapes libraries return (numpy only).

Our layout: the gradient of a scalar f by X (p, r) has X's shape, G_ij = ∂f/∂X_ij; the
Jacobian of F is J = ∂vec F/∂vec X, shape (F.size, X.size), vec stacking columns.
"""

import numpy as np


def gradient_from_numerator(N: np.ndarray) -> np.ndarray:
    """The gradient (X's shape) from a numerator-layout derivative: Nᵀ.

    N: (r, p) for X: (p, r), giving (p, r); a row (1, n) for a vector x: (n,), giving (n,).
    """
    N = np.asarray(N)
    if N.ndim != 2:
        raise ValueError(f"a numerator-layout derivative is a 2-D array; got shape {N.shape}")
    return N[0] if N.shape[0] == 1 else N.T


def gradient_from_row(Df: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """The gradient from Df = ∂f/∂(vec X)ᵀ, the 1 × pr row of Magnus and Neudecker.

    Df: (1, p·r); the result has `shape` = (p, r): vec⁻¹ of the row, column by column.
    """
    Df = np.asarray(Df)
    if Df.shape != (1, int(np.prod(shape))):
        raise ValueError(f"Df must have shape (1, {int(np.prod(shape))}); got {Df.shape}")
    return Df.reshape(shape, order="F")


def backprop_through_jacobian(J: np.ndarray, dY: np.ndarray, shape: tuple[int, int]):
    """∂z/∂X from ∂z/∂Y (dY) and J = ∂vec Y/∂vec X: vec(∂z/∂X) = Jᵀ vec(dY).

    J: (Y.size, X.size), dY: Y's shape; the result has `shape`, X's shape.
    """
    return (J.T @ dY.reshape(-1, order="F")).reshape(shape, order="F")


def jacobian_from_tensor(T: np.ndarray, out_ndim: int) -> np.ndarray:
    """Our J from T[i, j, k, l] = ∂F_ij/∂X_kl (shape F.shape + X.shape, as autograd libraries
    return a Jacobian): flatten both groups of axes column-major.

    T: (s, t, p, r) for F: (s, t), X: (p, r), out_ndim = 2; the result is (s·t, p·r).
    """
    rows = int(np.prod(T.shape[:out_ndim]))
    return T.reshape(rows, -1, order="F")  # not order="C": that is the row-major Jacobian
