"""D = W X: the backward pass in snippets/matmul.py, and the mistakes the checks catch."""

import numpy as np
import pytest

from snippets.checks.matmul import (
    check_dW,
    check_dX,
    check_kronecker_jacobians,
    check_small_example,
    random_inputs,
    small_example_dW,
)
from snippets.matmul import matmul_backward, matmul_forward


def test_forward_is_the_matrix_product(seed, shape):
    W, X, _ = random_inputs(seed, shape)
    D = matmul_forward(W, X)
    m, _, n = shape
    assert D.shape == (m, n)
    assert np.allclose(D, np.einsum("ik,kj->ij", W, X), rtol=1e-13, atol=0)


def test_gradients_have_the_shapes_of_their_variables(shape):
    W, X, G = random_inputs(0, shape)
    dW, dX = matmul_backward(G, W, X)
    assert dW.shape == W.shape
    assert dX.shape == X.shape


def test_dW_passes(seed, shape):
    assert check_dW(seed, shape)


def test_dX_passes(seed, shape):
    assert check_dX(seed, shape)


WRONG_DW = {
    "X instead of X.T": lambda dD, W, X: (dD @ X, W.T @ dD),
    "transposed result": lambda dD, W, X: ((dD @ X.T).T, W.T @ dD),
    "factor 2": lambda dD, W, X: (2 * dD @ X.T, W.T @ dD),
    "wrong sign": lambda dD, W, X: (-dD @ X.T, W.T @ dD),
}
WRONG_DX = {
    "W instead of W.T": lambda dD, W, X: (dD @ X.T, W @ dD),
    "transposed result": lambda dD, W, X: (dD @ X.T, (W.T @ dD).T),
    "factor 2": lambda dD, W, X: (dD @ X.T, 2 * W.T @ dD),
    "wrong sign": lambda dD, W, X: (dD @ X.T, -W.T @ dD),
}


@pytest.mark.parametrize("wrong", WRONG_DW.values(), ids=WRONG_DW.keys())
def test_wrong_dW_rejected_on_square_shapes(wrong, seed):
    # Square: every wrong form has the right shape, so only the numbers can reject it.
    assert not check_dW(seed, (4, 4, 4), backward=wrong)


@pytest.mark.parametrize("wrong", WRONG_DX.values(), ids=WRONG_DX.keys())
def test_wrong_dX_rejected_on_square_shapes(wrong, seed):
    assert not check_dX(seed, (4, 4, 4), backward=wrong)


@pytest.mark.parametrize("wrong", [WRONG_DW["factor 2"], WRONG_DW["wrong sign"]])
def test_wrong_dW_rejected_on_non_square_shapes(wrong, seed):
    assert not check_dW(seed, (3, 4, 5), backward=wrong)


def test_transposed_dW_on_non_square_shapes_is_a_shape_error():
    from snippets.gradcheck import GradientCheckError

    with pytest.raises(GradientCheckError, match="transposed"):
        check_dW(0, (3, 4, 5), backward=WRONG_DW["transposed result"])


# --- The home page: the small example written out, and the routes table's Jacobians ---


def test_small_example_passes(seed):
    assert all(check_small_example(seed))


WRONG_EXAMPLES = {
    "G transposed": lambda G, X: small_example_dW(G.T, X),
    "factor 2": lambda G, X: 2 * small_example_dW(G, X),
    "rows of G swapped": lambda G, X: small_example_dW(G[::-1], X),
    "columns of G swapped": lambda G, X: small_example_dW(G[:, ::-1], X),
}


@pytest.mark.parametrize("wrong", WRONG_EXAMPLES.values(), ids=WRONG_EXAMPLES.keys())
def test_wrong_small_example_rejected(wrong, seed):
    assert not any(check_small_example(seed, written_out=wrong))


def test_kronecker_jacobians_pass(seed, shape):
    assert all(check_kronecker_jacobians(seed, shape))


WRONG_KRONECKER_W = {
    "wrong Kronecker order: I_m ⊗ Xᵀ": lambda X, m: np.kron(np.eye(m), X.T),
    "X instead of Xᵀ: X ⊗ I_m": lambda X, m: np.kron(X, np.eye(m)),
}
WRONG_KRONECKER_X = {
    "wrong Kronecker order: W ⊗ I_n": lambda W, n: np.kron(W, np.eye(n)),
    "Wᵀ instead of W: I_n ⊗ Wᵀ": lambda W, n: np.kron(np.eye(n), W.T),
}


@pytest.mark.parametrize("wrong", WRONG_KRONECKER_W.values(), ids=WRONG_KRONECKER_W.keys())
def test_wrong_kronecker_W_rejected_on_square_shapes(wrong, seed):
    assert not check_kronecker_jacobians(seed, (4, 4, 4), of_W=wrong)[0]


@pytest.mark.parametrize("wrong", WRONG_KRONECKER_X.values(), ids=WRONG_KRONECKER_X.keys())
def test_wrong_kronecker_X_rejected_on_square_shapes(wrong, seed):
    assert not check_kronecker_jacobians(seed, (4, 4, 4), of_X=wrong)[1]
