"""The matrix-valued family (snippets/catalog/matrix_valued.py): its helpers and its own
mistakes. What every entry must pass and refuse, and its page, are tested in
tests/test_catalog_entries.py."""

import numpy as np
import pytest
from catalog_wrong import mistakes

from snippets.catalog import matrix_valued
from snippets.catalog.code import matrix_valued as matrix_valued_code
from snippets.catalog.code.matrix_valued import commutation, eye, vec
from snippets.catalog.linalg import inv

ENTRIES = matrix_valued.MATRIX_IDENTITIES


def test_commutation_matrix():
    Y = np.arange(12.0).reshape(3, 4)
    K = commutation(3, 4)
    assert np.array_equal(K @ vec(Y), vec(Y.T))
    assert np.array_equal(commutation(4, 3) @ K, np.eye(12))  # K_nm K_mn = I
    assert not np.array_equal(K, np.eye(12))


def test_commutation_refuses_bad_sizes():
    with pytest.raises(ValueError, match="positive integers"):
        commutation(0, 3)
    with pytest.raises(ValueError, match="positive integers"):
        commutation(2.5, 3)


# Plausible mistakes: Kronecker factors swapped, row-major vec, a transpose dropped, the
# commutation matrix forgotten, a sign dropped.
def kron_swapped_AXB(X, A, B):
    return np.kron(A, B.T)


def row_major_AXB(X, A, B):
    """The Jacobian of F.reshape(-1) by X.reshape(-1): numpy's row-major order."""
    (s, t), (p, r) = (A @ X @ B).shape, X.shape
    return commutation(s, t) @ np.kron(B.T, A) @ commutation(p, r).T


WRONG = {
    "matrix_valued.transpose": {"the identity": lambda X: np.eye(X.size)},
    "matrix_valued.AXB": {"A ⊗ Bᵀ": kron_swapped_AXB, "row-major vec": row_major_AXB},
    "matrix_valued.inv": {
        "X⁻¹ ⊗ X⁻¹": lambda X: -np.kron(inv(X), inv(X)),
        "sign dropped": lambda X: np.kron(inv(X).T, inv(X)),
        "factors swapped": lambda X: -np.kron(inv(X), inv(X).T),
    },
    "matrix_valued.inv_transposed": {
        "K forgotten": lambda X: -np.kron(inv(X), inv(X).T),
        "the inverse's Jacobian": lambda X: -np.kron(inv(X).T, inv(X)),
    },
    "matrix_valued.AXinvB": {
        "factors swapped": lambda X, A, B: -np.kron(A @ inv(X), B.T @ inv(X).T),
        "inner transpose dropped": lambda X, A, B: -np.kron(B.T @ inv(X), A @ inv(X)),
    },
    "matrix_valued.XtX": {
        "K forgotten": lambda X: np.kron(X.T, eye(X.shape[1])) + np.kron(eye(X.shape[1]), X.T),
        "one term only": lambda X: np.kron(eye(X.shape[1]), X.T),
    },
    "matrix_valued.XXt": {
        "K forgotten": lambda X: np.kron(X, eye(X.shape[0])) + np.kron(eye(X.shape[0]), X),
        "2 X ⊗ I": lambda X: 2 * np.kron(X, eye(X.shape[0])),
    },
    "matrix_valued.square": {
        "2 (I ⊗ X)": lambda X: 2 * np.kron(eye(len(X)), X),
        "X ⊗ I + I ⊗ X": lambda X: np.kron(X, eye(len(X))) + np.kron(eye(len(X)), X),
    },
    "matrix_valued.hadamard_square": {
        "row-major vec": lambda X: 2 * np.diag(X.reshape(-1)),
        "2 is missing": lambda X: np.diag(vec(X)),
    },
    "matrix_valued.det_identity": {
        "X⁻¹ for X⁻ᵀ": lambda X: np.linalg.det(X) * np.outer(vec(np.eye(len(X))), vec(inv(X))),
    },
    "matrix_valued.kron_XA": {
        "no permutation": lambda X, A: np.kron(np.eye(X.size), vec(A)[:, None]),
        "A ⊗ X's Jacobian": lambda X, A: matrix_valued_code.jacobian_kron_AX(X, A),
    },
    "matrix_valued.kron_AX": {
        "no permutation": lambda X, A: np.kron(vec(A)[:, None], np.eye(X.size)),
        "X ⊗ A's Jacobian": lambda X, A: matrix_valued_code.jacobian_kron_XA(X, A),
    },
    "matrix_valued.X": {"K_pr (the transpose's)": lambda X: commutation(*X.shape).astype(float)},
    "matrix_valued.XA": {
        "A ⊗ I_p (transpose dropped)": lambda X, A: np.kron(A, eye(X.shape[0])),
        "I_p ⊗ Aᵀ (factors swapped)": lambda X, A: np.kron(eye(X.shape[0]), A.T),
    },
    "matrix_valued.XtA": {"K forgotten": lambda X, A: np.kron(A.T, eye(X.shape[1]))},
    "matrix_valued.XtBX": {
        "K forgotten": lambda X, B: (
            np.kron((B @ X).T, eye(X.shape[1])) + np.kron(eye(X.shape[1]), X.T @ B)
        ),
        "I ⊗ Xᵀ(B + Bᵀ) (as for a gradient)": lambda X, B: np.kron(
            eye(X.shape[1]), X.T @ (B + B.T)
        ),
    },
    "matrix_valued.cube": {
        "3 (I ⊗ X²) (as for a number)": lambda X: 3 * np.kron(eye(len(X)), X @ X)
    },
    "matrix_valued.XAX": {
        "2 (I ⊗ XA) (as for a number)": lambda X, A: 2 * np.kron(eye(X.shape[1]), X @ A),
    },
    "matrix_valued.hadamard_B": {
        "row-major vec in diag": lambda X, B: (
            2 * np.kron(B.T, eye(X.shape[0])) @ np.diag(X.reshape(-1))
        ),
        "2 is missing": lambda X, B: np.kron(B.T, eye(X.shape[0])) @ np.diag(vec(X)),
    },
    "matrix_valued.kron_XX": {
        "no permutation": lambda X: (
            np.kron(np.eye(X.size), vec(X)[:, None]) + np.kron(vec(X)[:, None], np.eye(X.size))
        ),
        "one term only": lambda X: matrix_valued_code.jacobian_kron_XA(X, X),
    },
}


@pytest.mark.parametrize("mistake", mistakes(WRONG, family=matrix_valued), ids=str)
def test_mistakes_rejected(mistake):
    assert not mistake.failures(), f"{mistake}: passed at (seed, square) {mistake.failures()}"


def test_registry_holds_the_matrix_identities_and_no_scalar_ones():
    assert matrix_valued.IDENTITIES == []
    assert all(e.family == "matrix_valued" for e in ENTRIES)
