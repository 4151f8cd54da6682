"""The 4-index derivatives of D = W X (snippets/four_index.py) and the mistakes the checks catch."""

import numpy as np
import pytest

from snippets.checks.four_index import (
    check_as_jacobian,
    check_blocks_dW,
    check_blocks_dX,
    check_contract_dW,
    check_contract_dX,
    check_counts,
    check_dD_dW,
    check_dD_dX,
    check_linear_map,
    random_inputs,
)
from snippets.four_index import as_jacobian, by_finite_differences, contract, dD_dW, dD_dX
from snippets.gradcheck import GradientCheckError

SQUARE = (4, 4, 4)
NON_SQUARE = (3, 4, 5)


# --- the right formulas pass, at every seed and shape ---------------------------------------


def test_shapes(shape):
    W, X, G = random_inputs(0, shape)
    m, q, n = shape
    assert dD_dW(X, m).shape == (m, n, m, q)
    assert dD_dX(W, n).shape == (m, n, q, n)
    assert contract(dD_dW(X, m), G).shape == W.shape
    assert contract(dD_dX(W, n), G).shape == X.shape
    assert as_jacobian(dD_dW(X, m)).shape == (m * n, m * q)


def test_finite_differences_of_a_known_function(seed):
    # F(A) = A ∘ A (entrywise square): ∂F_ij/∂A_kl = 2 A_ij δ_ik δ_jl, built by hand.
    A = np.random.default_rng(seed).standard_normal((3, 2))
    expected = np.zeros((3, 2, 3, 2))
    for i in range(3):
        for j in range(2):
            expected[i, j, i, j] = 2 * A[i, j]
    assert np.allclose(by_finite_differences(lambda A: A * A, A), expected, rtol=0, atol=1e-8)


def test_dD_dW_passes(seed, shape):
    assert check_dD_dW(seed, shape)


def test_dD_dX_passes(seed, shape):
    assert check_dD_dX(seed, shape)


def test_counts_pass(seed, shape):
    assert all(check_counts(seed, shape))


def test_blocks_dW_pass(seed, shape):
    assert all(check_blocks_dW(seed, shape))


def test_blocks_dX_pass(seed, shape):
    assert all(check_blocks_dX(seed, shape))


def test_contract_dW_passes(seed, shape):
    assert all(check_contract_dW(seed, shape))


def test_contract_dX_passes(seed, shape):
    assert all(check_contract_dX(seed, shape))


def test_as_jacobian_passes(seed, shape):
    assert all(check_as_jacobian(seed, shape))


# --- wrong 4-index arrays for ∂D/∂W ------------------------------------------------------------

WRONG_DD_DW = {
    # δ_ik X_jl: X read with its indices swapped; only has a valid shape when q = n.
    "transposed X": lambda X, m: np.einsum("ik,jl->ijkl", np.eye(m), X),
    # Shape (m, q, m, n): the (j, l) axes swapped.
    "axes (i, l, k, j)": lambda X, m: dD_dW(X, m).transpose(0, 3, 2, 1),
    # Shape (m, q, m, n): W's index pair first, D's second (∂D_kl/∂W_ij).
    "axes (k, l, i, j)": lambda X, m: dD_dW(X, m).transpose(2, 3, 0, 1),
    # Shape (m, m, n, q): the two row indices next to each other.
    "axes (i, k, j, l)": lambda X, m: dD_dW(X, m).transpose(0, 2, 1, 3),
    "missing δ_ik": lambda X, m: np.einsum("ik,lj->ijkl", np.ones((m, m)), X),
    "factor 2": lambda X, m: 2 * dD_dW(X, m),
    "wrong sign": lambda X, m: -dD_dW(X, m),
}

WRONG_DD_DX = {
    # W_ki instead of W_ik; only has a valid shape when m = q.
    "transposed W": lambda W, n: np.einsum("ki,lj->ijkl", W, np.eye(n)),
    # (Swapping the axes j and l would change nothing: W_ik δ_lj is symmetric in j and l.)
    "axes (i, k, j, l)": lambda W, n: dD_dX(W, n).transpose(0, 2, 1, 3),
    "axes (k, l, i, j)": lambda W, n: dD_dX(W, n).transpose(2, 3, 0, 1),
    "missing δ_lj": lambda W, n: np.einsum("ik,lj->ijkl", W, np.ones((n, n))),
    "factor 2": lambda W, n: 2 * dD_dX(W, n),
    "wrong sign": lambda W, n: -dD_dX(W, n),
}


@pytest.mark.parametrize("wrong", WRONG_DD_DW.values(), ids=WRONG_DD_DW.keys())
def test_wrong_dD_dW_rejected_on_square_shapes(wrong, seed):
    # Square: every wrong array has the shape (4, 4, 4, 4), so only the numbers can reject it.
    assert not check_dD_dW(seed, SQUARE, derivative=wrong)


@pytest.mark.parametrize("wrong", WRONG_DD_DX.values(), ids=WRONG_DD_DX.keys())
def test_wrong_dD_dX_rejected_on_square_shapes(wrong, seed):
    assert not check_dD_dX(seed, SQUARE, derivative=wrong)


@pytest.mark.parametrize("name", ["missing δ_ik", "factor 2", "wrong sign"])
def test_wrong_dD_dW_rejected_on_non_square_shapes(name, seed):
    assert not check_dD_dW(seed, NON_SQUARE, derivative=WRONG_DD_DW[name])


@pytest.mark.parametrize("name", ["missing δ_lj", "factor 2", "wrong sign"])
def test_wrong_dD_dX_rejected_on_non_square_shapes(name, seed):
    assert not check_dD_dX(seed, NON_SQUARE, derivative=WRONG_DD_DX[name])


@pytest.mark.parametrize(
    "name", ["transposed X", "axes (i, l, k, j)", "axes (k, l, i, j)", "axes (i, k, j, l)"]
)
def test_mixed_up_indices_are_a_shape_error_on_non_square_shapes(name):
    # Distinct m, q, n: each of these arrays has a shape other than (m, n, m, q).
    with pytest.raises(GradientCheckError, match="shapes differ"):
        check_dD_dW(0, NON_SQUARE, derivative=WRONG_DD_DW[name])


@pytest.mark.parametrize("name", ["transposed W", "axes (k, l, i, j)", "axes (i, k, j, l)"])
def test_mixed_up_indices_for_dX_are_a_shape_error_on_non_square_shapes(name):
    with pytest.raises(GradientCheckError, match="shapes differ"):
        check_dD_dX(0, NON_SQUARE, derivative=WRONG_DD_DX[name])


# --- the counts and the blocks reject the same mistakes ------------------------------------------


@pytest.mark.parametrize("shape_", [SQUARE, NON_SQUARE], ids=["square", "non-square"])
def test_counts_reject_a_missing_delta(shape_):
    assert not all(check_counts(0, shape_, derivative_W=WRONG_DD_DW["missing δ_ik"]))
    assert not all(check_counts(0, shape_, derivative_X=WRONG_DD_DX["missing δ_lj"]))


@pytest.mark.parametrize("name", ["transposed X", "missing δ_ik", "factor 2", "wrong sign"])
def test_blocks_dW_reject_wrong_arrays_on_square_shapes(name, seed):
    assert not all(check_blocks_dW(seed, SQUARE, derivative=WRONG_DD_DW[name]))


@pytest.mark.parametrize("name", ["transposed W", "missing δ_lj", "factor 2", "wrong sign"])
def test_blocks_dX_reject_wrong_arrays_on_square_shapes(name, seed):
    assert not all(check_blocks_dX(seed, SQUARE, derivative=WRONG_DD_DX[name]))


# --- wrong contractions ---------------------------------------------------------------------

WRONG_CONTRACTIONS = {
    "G transposed": lambda T, G: np.einsum("ji,ijkl->kl", G, T),
    "result transposed": lambda T, G: np.einsum("ij,ijkl->lk", G, T),
    "summed over the last two axes": lambda T, G: np.einsum("kl,ijkl->ij", G, T),
    "all-ones G (.sum())": lambda T, G: T.sum(axis=(0, 1)),
    "factor 2": lambda T, G: 2 * contract(T, G),
    "wrong sign": lambda T, G: -contract(T, G),
}


@pytest.mark.parametrize("wrong", WRONG_CONTRACTIONS.values(), ids=WRONG_CONTRACTIONS.keys())
def test_wrong_contraction_for_dW_rejected_on_square_shapes(wrong, seed):
    assert not any(check_contract_dW(seed, SQUARE, contraction=wrong))


@pytest.mark.parametrize("wrong", WRONG_CONTRACTIONS.values(), ids=WRONG_CONTRACTIONS.keys())
def test_wrong_contraction_for_dX_rejected_on_square_shapes(wrong, seed):
    assert not any(check_contract_dX(seed, SQUARE, contraction=wrong))


def test_transposed_X_contracts_to_G_X_and_is_rejected(seed):
    # Σ_ij G_ij δ_ik X_jl = (G X)_kl: the "X instead of Xᵀ" mistake, with every shape equal.
    _, X, G = random_inputs(seed, SQUARE)
    wrong = WRONG_DD_DW["transposed X"]
    assert np.allclose(contract(wrong(X, 4), G), G @ X, rtol=1e-13, atol=0)
    assert not any(check_contract_dW(seed, SQUARE, derivative=wrong))


def test_transposed_W_contracts_to_W_G_and_is_rejected(seed):
    W, _, G = random_inputs(seed, SQUARE)
    wrong = WRONG_DD_DX["transposed W"]
    assert np.allclose(contract(wrong(W, 4), G), W @ G, rtol=1e-13, atol=0)
    assert not any(check_contract_dX(seed, SQUARE, derivative=wrong))


@pytest.mark.parametrize("name", ["factor 2", "wrong sign", "missing δ_ik"])
def test_wrong_dD_dW_contracts_to_a_rejected_gradient(name, seed):
    assert not any(check_contract_dW(seed, NON_SQUARE, derivative=WRONG_DD_DW[name]))


@pytest.mark.parametrize("name", ["factor 2", "wrong sign", "missing δ_lj"])
def test_wrong_dD_dX_contracts_to_a_rejected_gradient(name, seed):
    assert not any(check_contract_dX(seed, NON_SQUARE, derivative=WRONG_DD_DX[name]))


# --- wrong reshapes to a Jacobian -------------------------------------------------------------

WRONG_RESHAPES = {
    "row-major (numpy's default)": lambda T: T.reshape(T.shape[0] * T.shape[1], -1),
    "transposed Jacobian": lambda T: as_jacobian(T).T,
}


@pytest.mark.parametrize("shape_", [SQUARE, NON_SQUARE], ids=["square", "non-square"])
def test_row_major_reshape_rejected(shape_, seed):
    results = check_as_jacobian(
        seed, shape_, to_jacobian=WRONG_RESHAPES["row-major (numpy's default)"]
    )
    assert not any(results)


def test_transposed_jacobian_rejected_on_square_shapes(seed):
    assert not any(
        check_as_jacobian(seed, SQUARE, to_jacobian=WRONG_RESHAPES["transposed Jacobian"])
    )


# --- The 4-index array and Xᵀ ⊗ I_m as coordinates of L: dW ↦ dW X; contraction as L* ---


def test_linear_map_passes(seed, shape):
    assert all(check_linear_map(seed, shape))


WRONG_MATRICES = {
    "wrong Kronecker order: I_m ⊗ Xᵀ": lambda X, m: np.kron(np.eye(m), X.T),
    "X ⊗ I_m (the adjoint's matrix)": lambda X, m: np.kron(X, np.eye(m)),
    "row-major flattening": lambda X, m: dD_dW(X, m).reshape(m * X.shape[1], -1),
}


@pytest.mark.parametrize("wrong", WRONG_MATRICES.values(), ids=WRONG_MATRICES.keys())
def test_wrong_matrix_of_L_rejected_on_square_shapes(wrong, seed):
    results = check_linear_map(seed, (4, 4, 4), matrix=wrong)
    assert not results[1]
    assert not results[3]


WRONG_CONTRACTIONS = {
    "transposed: Σ_ij G_ij T_ijλθ read at (θ, λ)": lambda T, G: np.einsum("ij,ijlt->tl", G, T),
    "G transposed": lambda T, G: np.einsum("ji,ijlt->lt", G, T),
}


@pytest.mark.parametrize("wrong", WRONG_CONTRACTIONS.values(), ids=WRONG_CONTRACTIONS.keys())
def test_wrong_adjoint_rejected_on_square_shapes(wrong, seed):
    results = check_linear_map(seed, (4, 4, 4), adjoint=wrong)
    assert not results[2]
    assert not results[4]  # the adjoint identity on its own rejects it too
