"""D = W X through vec and the Kronecker product (numpy only).

Shapes: W (m, q), X (q, n), D (m, n), G = ∂φ/∂D (m, n). vec stacks columns
(column-major, numpy's order="F"). The Jacobians of D = W X are

    ∂vec D/∂vec W = Xᵀ ⊗ I_m   (m·n, m·q)
    ∂vec D/∂vec X = I_n ⊗ W    (m·n, q·n)

and a gradient is the transposed Jacobian applied to vec G:

    vec(∂φ/∂W) = (Xᵀ ⊗ I_m)ᵀ vec G = vec(G Xᵀ)
    vec(∂φ/∂X) = (I_n ⊗ W)ᵀ vec G  = vec(Wᵀ G)

These functions build the Jacobians to show what they are. For training, use
dW = G @ X.T and dX = W.T @ G: jacobian_size says why.
"""

import numpy as np


def vec(A: np.ndarray) -> np.ndarray:
    """Column-major vec: A (m, n) becomes a vector of length m·n, vec(A)[i + j·m] = A[i, j]."""
    return A.reshape(-1, order="F")


def unvec(v: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """The inverse of vec: a vector of length m·n refilled column by column into shape (m, n)."""
    return v.reshape(shape, order="F")


def jacobian_AXB(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Bᵀ ⊗ A, the Jacobian of X ↦ A X B: vec(A X B) = (Bᵀ ⊗ A) vec X.

    A: (a, p), X: (p, r), B: (r, s); the result has shape (s·a, r·p).
    """
    return np.kron(B.T, A)


def jacobian_D_wrt_W(X: np.ndarray, m: int) -> np.ndarray:
    """∂vec D/∂vec W = Xᵀ ⊗ I_m for D = W X, from D = I_m W X.

    X: (q, n), W: (m, q); the result has shape (m·n, m·q).
    """
    return np.kron(X.T, np.eye(m))


def jacobian_D_wrt_X(W: np.ndarray, n: int) -> np.ndarray:
    """∂vec D/∂vec X = I_n ⊗ W for D = W X, from D = W X I_n.

    W: (m, q), X: (q, n); the result has shape (m·n, q·n).
    """
    return np.kron(np.eye(n), W)


def jacobian_D_wrt_W_row_major(X: np.ndarray, m: int) -> np.ndarray:
    """I_m ⊗ Xᵀ: the Jacobian of D.reshape(-1) by W.reshape(-1), numpy's row-major flattening.

    Row-major flattening is vec of the transpose, and Dᵀ = Xᵀ Wᵀ I_m.
    X: (q, n), W: (m, q); the result has shape (m·n, m·q).
    """
    return np.kron(np.eye(m), X.T)


def gradient_from_jacobian(J: np.ndarray, G: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """∂φ/∂V = unvec(Jᵀ vec G), for J = ∂vec D/∂vec V and G = ∂φ/∂D.

    J: (D.size, V.size), G: the shape of D; the result has `shape`, the shape of V.
    """
    return unvec(J.T @ vec(G), shape)


def jacobian_size(m: int, q: int, n: int) -> dict[str, tuple[int, int]]:
    """(entries, bytes in float64) of the Jacobians of D = W X and of the gradients.

    W: (m, q), X: (q, n). Xᵀ ⊗ I_m has (m·n)·(m·q) entries, I_n ⊗ W has (m·n)·(q·n),
    ∂φ/∂W has m·q and ∂φ/∂X has q·n. Computed from the shapes: nothing is allocated.
    """
    entries = {
        "Xᵀ ⊗ I_m": (m * n) * (m * q),
        "I_n ⊗ W": (m * n) * (q * n),
        "∂φ/∂W": m * q,
        "∂φ/∂X": q * n,
    }
    return {name: (count, 8 * count) for name, count in entries.items()}


def jacobian_nonzeros(m: int, q: int, n: int) -> dict[str, int]:
    """How many entries of each Jacobian of D = W X can be nonzero; the others are always zero.

    W: (m, q), X: (q, n). Xᵀ ⊗ I_m holds each of the q·n entries of X once per diagonal entry
    of I_m, m·q·n in all: a fraction 1/m of its (m·n)·(m·q) entries. I_n ⊗ W holds n copies of
    W, m·q·n entries: a fraction 1/n of its (m·n)·(q·n).
    """
    return {"Xᵀ ⊗ I_m": m * q * n, "I_n ⊗ W": n * m * q}


def backward_cost(m: int, q: int, n: int) -> dict[str, int]:
    """Multiply-adds of the backward pass of D = W X, through the Jacobian or directly.

    W: (m, q), X: (q, n). A dense Jᵀ vec G costs one multiply-add per entry of J:
    (m·n)·(m·q) for W, (m·n)·(q·n) for X. G Xᵀ costs m·q·n, and so does Wᵀ G.
    """
    return {
        "(Xᵀ ⊗ I_m)ᵀ vec G": (m * n) * (m * q),
        "G Xᵀ": m * q * n,
        "(I_n ⊗ W)ᵀ vec G": (m * n) * (q * n),
        "Wᵀ G": q * m * n,
    }
