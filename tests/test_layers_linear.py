"""The linear layer of snippets/layers/linear.py in its three layouts, and the mistakes the
checks catch. shape = (m, q, N): m outputs, q inputs, N samples."""

import numpy as np
import pytest

from snippets.checks.layers.linear import (
    WRONG,
    WRONG_COLUMNS,
    WRONG_FORWARD,
    WRONG_ROWS,
    check_linear_backward,
    check_linear_columns,
    check_linear_forward,
    check_linear_leading_axes,
    check_linear_rows,
    check_mean_loss,
    layer_inputs,
    replace,
)
from snippets.gradcheck import GradientCheckError
from snippets.layers.linear import (
    linear_backward,
    linear_columns_backward,
    linear_columns_forward,
    linear_forward,
    linear_rows_backward,
    linear_rows_forward,
    mean_squared_error,
)

SQUARE = (4, 4, 4)


def test_shapes(shape):
    X, W, b, G = layer_inputs(0, shape)
    m, _, N = shape
    assert linear_forward(X, W, b).shape == (N, m)
    dX, dW, db = linear_backward(G, X, W)
    assert (dX.shape, dW.shape, db.shape) == (X.shape, W.shape, b.shape)


def test_checks_pass(seed, shape):
    assert check_linear_forward(seed, shape)
    assert all(check_linear_backward(seed, shape))
    assert all(check_linear_rows(seed, shape))
    assert all(check_linear_columns(seed, shape))
    assert all(check_linear_leading_axes(seed, shape))
    assert all(check_mean_loss(seed, shape))


@pytest.mark.parametrize("name", WRONG)
def test_wrong_backward_rejected_on_square_shapes(name, seed):
    position, wrong = WRONG[name]
    result = check_linear_backward(seed, SQUARE, backward=replace(linear_backward, position, wrong))
    assert not result[position]


@pytest.mark.parametrize("name", ["dX wrong sign", "dW wrong sign", "db averaged"])
def test_wrong_backward_rejected_on_non_square_shapes(name, seed):
    position, wrong = WRONG[name]
    result = check_linear_backward(
        seed, (3, 4, 5), backward=replace(linear_backward, position, wrong)
    )
    assert not result[position]


def test_transposed_dW_on_non_square_shapes_is_a_shape_error():
    position, wrong = WRONG["dW = X.T @ dY, the (in, out) formula"]
    with pytest.raises(GradientCheckError, match="transposed"):
        check_linear_backward(0, (3, 4, 5), backward=replace(linear_backward, position, wrong))


def test_wrong_forward_rejected_where_it_runs(seed):
    # Bias added to the columns (one entry per sample) instead of the rows: runs when N = m.
    for wrong in WRONG_FORWARD.values():
        assert not check_linear_forward(seed, SQUARE, forward=wrong)


@pytest.mark.parametrize("name", WRONG_ROWS)
def test_wrong_rows_backward_rejected(name, seed):
    position, wrong = WRONG_ROWS[name]
    results = check_linear_rows(
        seed, SQUARE, backward=replace(linear_rows_backward, position, wrong)
    )
    assert not results[1 + position]


@pytest.mark.parametrize("name", WRONG_COLUMNS)
def test_wrong_columns_backward_rejected(name, seed):
    position, wrong = WRONG_COLUMNS[name]

    def backward(dD, W, X):
        out = list(linear_columns_backward(dD, W, X))
        out[position] = wrong(dD, W, X)
        return tuple(out)

    assert not check_linear_columns(seed, SQUARE, backward=backward)[1 + position]


def test_columns_forward_with_bias_on_rows_rejected(seed):
    assert not check_linear_columns(seed, SQUARE, forward=lambda W, X, b: W @ X + b)[0]


def test_mean_loss_without_1_over_N_rejected(seed, shape):
    def loss(Y, T):
        return float(np.sum((Y - T) ** 2)) / (2 * Y.shape[0]), Y - T

    if shape[2] == 1:
        pytest.skip("with one sample, 1/N = 1")
    results = check_mean_loss(seed, shape, loss=loss)
    assert results[0]  # the value is right ...
    assert not any(results[1:])  # ... and every gradient is N times too large


def test_mean_loss_with_1_over_N_twice_rejected(seed, shape):
    def backward(dY, X, W):
        dX, dW, _ = linear_backward(dY, X, W)
        return dX, dW, dY.mean(axis=0)

    def loss(Y, T):
        phi, dY = mean_squared_error(Y, T)
        return phi, dY / Y.shape[0]

    assert not check_mean_loss(seed, shape, backward=backward)[3]
    assert not any(check_mean_loss(seed, shape, loss=loss)[1:])


def test_mean_loss_value_without_mean_rejected(seed):
    assert not check_mean_loss(
        seed, (3, 4, 5), loss=lambda Y, T: (float(np.sum((Y - T) ** 2)) / 2, (Y - T))
    )[0]


def test_leading_axes_wrong_db_rejected(seed):
    def backward(dY, X, W):
        dX, dW, _ = linear_backward(dY, X, W)
        return dX, dW, dY[0].sum(axis=0)  # one sequence of the batch only

    assert not check_linear_leading_axes(seed, (3, 4, 5), backward=backward)[2]


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda X, W, b, G: linear_forward(X.astype(int), W, b), TypeError, "X must be a float"),
        (lambda X, W, b, G: linear_forward(X, W, b[:2]), ValueError, "b must have shape"),
        (lambda X, W, b, G: linear_forward(X, W.T.copy(), b), ValueError, "X must have shape"),
        (lambda X, W, b, G: linear_forward(X[0], W, b), ValueError, "X must have shape"),
        (lambda X, W, b, G: linear_forward(X * np.nan, W, b), ValueError, "X contains NaN"),
        (lambda X, W, b, G: linear_backward(G.T.copy(), X, W), ValueError, "dY must have shape"),
        (lambda X, W, b, G: linear_backward(G, X, W.astype(np.int64)), TypeError, "W must"),
        (lambda X, W, b, G: linear_rows_forward(X, W, b), ValueError, "X must have shape"),
        (lambda X, W, b, G: linear_rows_backward(G, X, W), ValueError, "dY must have shape"),
        (lambda X, W, b, G: linear_columns_forward(W, X, b), ValueError, "X must have shape"),
        (lambda X, W, b, G: mean_squared_error(G, G[:, :2]), ValueError, "T must have shape"),
        (lambda X, W, b, G: linear_forward(X.tolist(), W, b), TypeError, "X must be a float"),
    ],
)
def test_bad_input_is_refused(call, error, match):
    X, W, b, G = layer_inputs(0, (3, 4, 5))
    with pytest.raises(error, match=match):
        call(X, W, b, G)


def test_forward_takes_leading_axes_and_checks_the_last_one():
    """X (B, N, q): the forward pass treats every row along the last axis as a sample."""
    rng = np.random.default_rng(0)
    X, W, b = rng.standard_normal((2, 5, 4)), rng.standard_normal((3, 4)), rng.standard_normal(3)
    expected = np.einsum("tnk,jk->tnj", X, W) + b
    assert np.allclose(linear_forward(X, W, b), expected, rtol=1e-14, atol=0)
    with pytest.raises(ValueError, match=r"X must have shape \(N, 4\)"):
        linear_forward(rng.standard_normal((2, 4, 5)), W, b)
