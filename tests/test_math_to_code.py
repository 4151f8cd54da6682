"""The math-to-code page: the matmul pairing, a linear layer with bias, a two-layer network,
and the mistakes the checks catch."""

import re

import numpy as np
import pytest

from snippets.checks.math_to_code import (
    NET_LABELS,
    check_bias_pairing,
    check_linear_db,
    check_linear_dW,
    check_linear_dX,
    check_linear_forward,
    check_loss_gradient,
    check_loss_value,
    check_move_factor,
    check_net_gradients,
    check_pairing,
    check_tanh_backward,
    linear_inputs,
    net_inputs,
    net_phi,
)
from snippets.gradcheck import GradientCheckError
from snippets.linear_layer import linear_backward, linear_forward
from snippets.two_layer_net import net_backward, net_forward, net_loss, tanh_backward

#: (q, m1, m, n) for the network: input, hidden, output, batch. Distinct dimensions, where a
#: transpose changes a shape, a square case, where only the numbers can reveal it, and a
#: hidden layer of one unit. Every batch has n > 1, so that summing over it is not a no-op.
NET_SHAPES = [(4, 6, 3, 5), (2, 5, 3, 4), (4, 4, 4, 4), (3, 1, 2, 2)]
SQUARE = (4, 4, 4)
SQUARE_NET = (4, 4, 4, 4)


@pytest.fixture(params=NET_SHAPES, ids=lambda s: "x".join(map(str, s)))
def net_shape(request):
    return request.param


def by_name(results):
    """The network's results keyed by parameter name, in NET_LABELS order."""
    assert len(results) == len(NET_LABELS)
    return dict(zip(NET_LABELS, results, strict=True))


# --- the matmul pairing ------------------------------------------------------------------------


def test_pairing_passes(seed, shape):
    assert check_pairing(seed, shape)


WRONG_MATMUL = {
    "X instead of X.T": lambda dD, W, X: (dD @ X, W.T @ dD),
    "transposed dW": lambda dD, W, X: ((dD @ X.T).T, W.T @ dD),
    "W instead of W.T": lambda dD, W, X: (dD @ X.T, W @ dD),
    "transposed dX": lambda dD, W, X: (dD @ X.T, (W.T @ dD).T),
    "wrong sign": lambda dD, W, X: (-dD @ X.T, W.T @ dD),
}


@pytest.mark.parametrize("wrong", WRONG_MATMUL.values(), ids=WRONG_MATMUL.keys())
def test_wrong_matmul_backward_breaks_the_pairing_on_square_shapes(wrong, seed):
    assert not check_pairing(seed, SQUARE, backward=wrong)


def test_moving_a_factor_passes(seed, shape):
    assert all(check_move_factor(seed, shape))


WRONG_MOVES = {
    "A C, not A Cᵀ": {"right": lambda A, C: A @ C},
    "Cᵀ A, order swapped": {"right": lambda A, C: C.T @ A},
    "B A, not Bᵀ A": {"left": lambda A, B: B @ A},
    "A Bᵀ, order swapped": {"left": lambda A, B: A @ B.T},
}


@pytest.mark.parametrize("wrong", WRONG_MOVES.values(), ids=WRONG_MOVES.keys())
def test_wrong_move_rejected_on_square_shapes(wrong, seed):
    assert not all(check_move_factor(seed, SQUARE, **wrong))


# --- the linear layer --------------------------------------------------------------------------


def test_linear_forward_adds_b_to_every_column(seed, shape):
    W, X, b, _ = linear_inputs(seed, shape)
    D, _ = linear_forward(W, X, b)
    m, _, n = shape
    assert D.shape == (m, n)
    expected = np.einsum("ik,kj->ij", W, X) + np.outer(b, np.ones(n))
    assert np.allclose(D, expected, rtol=1e-13, atol=0)


def test_linear_forward_check_passes(seed, shape):
    assert check_linear_forward(seed, shape)


def test_bias_added_to_the_rows_rejected_on_square_shapes(seed):
    def rows(W, X, b):
        return W @ X + b[None, :], (W, X)

    assert not check_linear_forward(seed, SQUARE, forward=rows)


def test_bias_forgotten_rejected(seed, shape):
    assert not check_linear_forward(seed, shape, forward=lambda W, X, b: (W @ X, (W, X)))


def test_linear_gradients_have_the_shapes_of_their_variables(shape):
    W, X, b, G = linear_inputs(0, shape)
    dW, dX, db = linear_backward(G, linear_forward(W, X, b)[1])
    assert (dW.shape, dX.shape, db.shape) == (W.shape, X.shape, b.shape)


@pytest.mark.parametrize(
    "check", [check_linear_dW, check_linear_dX, check_linear_db, check_bias_pairing]
)
def test_linear_layer_passes(check, seed, shape):
    assert check(seed, shape)


def with_db(bias_sum):
    """linear_backward with its bias gradient replaced by bias_sum(dD)."""

    def backward(dD, cache):
        dW, dX, _ = linear_backward(dD, cache)
        return dW, dX, bias_sum(dD)

    return backward


def with_dW(weight_grad):
    def backward(dD, cache):
        _, dX, db = linear_backward(dD, cache)
        return weight_grad(dD, cache[1]), dX, db

    return backward


def with_dX(input_grad):
    def backward(dD, cache):
        dW, _, db = linear_backward(dD, cache)
        return dW, input_grad(cache[0], dD), db

    return backward


#: Bias gradients that have b's shape on every shape, so only the numbers can reject them.
WRONG_DB = {
    "first sample only": lambda G: G[:, 0],
    "mean over the batch": lambda G: G.mean(axis=1),
    "wrong sign": lambda G: -G.sum(axis=1),
    "factor 2": lambda G: 2 * G.sum(axis=1),
}


@pytest.mark.parametrize("wrong", WRONG_DB.values(), ids=WRONG_DB.keys())
@pytest.mark.parametrize("check", [check_linear_db, check_bias_pairing])
def test_wrong_db_rejected(check, wrong, seed, shape):
    assert not check(seed, shape, backward=with_db(wrong))


#: m = n: summing over the features instead of the batch gives a vector of b's length.
SHAPES_WITH_M_EQUAL_N = [SQUARE, (3, 5, 3)]


@pytest.mark.parametrize("coinciding", SHAPES_WITH_M_EQUAL_N, ids=str)
@pytest.mark.parametrize("check", [check_linear_db, check_bias_pairing])
def test_db_summed_over_the_wrong_axis_rejected_when_shapes_coincide(check, coinciding, seed):
    assert not check(seed, coinciding, backward=with_db(lambda G: G.sum(axis=0)))


def test_db_summed_over_the_wrong_axis_is_a_shape_error_otherwise():
    with pytest.raises(GradientCheckError, match="shape"):
        check_linear_db(0, (3, 4, 5), backward=with_db(lambda G: G.sum(axis=0)))


WRONG_LINEAR_DW = {
    "Xᵀ G": lambda G, X: X.T @ G,
    "G X": lambda G, X: G @ X,
    "transposed": lambda G, X: (G @ X.T).T,
    "wrong sign": lambda G, X: -G @ X.T,
}
WRONG_LINEAR_DX = {
    "W G": lambda W, G: W @ G,
    "G Wᵀ": lambda W, G: G @ W.T,
    "transposed": lambda W, G: (W.T @ G).T,
    "wrong sign": lambda W, G: -W.T @ G,
}


@pytest.mark.parametrize("wrong", WRONG_LINEAR_DW.values(), ids=WRONG_LINEAR_DW.keys())
def test_wrong_linear_dW_rejected_on_square_shapes(wrong, seed):
    assert not check_linear_dW(seed, SQUARE, backward=with_dW(wrong))


@pytest.mark.parametrize("wrong", WRONG_LINEAR_DX.values(), ids=WRONG_LINEAR_DX.keys())
def test_wrong_linear_dX_rejected_on_square_shapes(wrong, seed):
    assert not check_linear_dX(seed, SQUARE, backward=with_dX(wrong))


# --- the loss ----------------------------------------------------------------------------------


def test_loss_passes(seed, shape):
    m, _, n = shape
    assert check_loss_value(seed, (m, n))
    assert check_loss_gradient(seed, (m, n))


WRONG_LOSS = {
    "gradient without 1/n": lambda Y, T: (0.5 * np.sum((Y - T) ** 2) / Y.shape[1], Y - T),
    "gradient with the wrong sign": lambda Y, T: (
        0.5 * np.sum((Y - T) ** 2) / Y.shape[1],
        (T - Y) / Y.shape[1],
    ),
    "gradient without the ½": lambda Y, T: (
        0.5 * np.sum((Y - T) ** 2) / Y.shape[1],
        2 * (Y - T) / Y.shape[1],
    ),
    "a sum, not a mean, value and gradient": lambda Y, T: (0.5 * np.sum((Y - T) ** 2), Y - T),
}


@pytest.mark.parametrize("wrong", WRONG_LOSS.values(), ids=WRONG_LOSS.keys())
def test_wrong_loss_gradient_rejected(wrong, seed, shape):
    m, _, n = shape
    assert not check_loss_gradient(seed, (m, n), loss=wrong)


def test_loss_without_1_over_n_in_the_value_rejected(seed, shape):
    m, _, n = shape
    assert not check_loss_value(
        seed, (m, n), loss=WRONG_LOSS["a sum, not a mean, value and gradient"]
    )


@pytest.mark.parametrize("wrong", list(WRONG_LOSS.values())[:3], ids=list(WRONG_LOSS)[:3])
def test_wrong_loss_gradient_makes_every_network_gradient_wrong(wrong, seed, net_shape):
    results = check_net_gradients(seed, net_shape, loss=wrong)
    assert not any(results)


# --- the tanh step --------------------------------------------------------------------------


def test_tanh_backward_passes(seed, shape):
    m, _, n = shape
    assert all(check_tanh_backward(seed, (m, n)))


WRONG_TANH = {
    "derivative missing": lambda dH, H: dH,
    "1 − H": lambda dH, H: dH * (1.0 - H),
    "tanh' taken at H, not A": lambda dH, H: dH * (1.0 - np.tanh(H) ** 2),
    "wrong sign": lambda dH, H: -tanh_backward(dH, H),
    "matrix product, not entrywise": lambda dH, H: dH @ (1.0 - H * H),
}


@pytest.mark.parametrize("wrong", WRONG_TANH.values(), ids=WRONG_TANH.keys())
def test_wrong_tanh_backward_rejected_on_square_shapes(wrong, seed):
    results = check_tanh_backward(seed, (4, 4), backward=wrong)
    assert not any(results)


def test_missing_1_over_n_makes_every_network_gradient_n_times_too_large(seed, net_shape):
    # What the page says of the rejected lines: each error is that of n g against g.
    n = net_shape[3]
    results = check_net_gradients(seed, net_shape, loss=WRONG_LOSS["gradient without 1/n"])
    assert all(abs(r.max_rel_error - (1 - 1 / n)) < 1e-8 for r in results)


# --- the two-layer network ---------------------------------------------------------------------


def test_net_forward_and_loss_compute_phi(seed, net_shape):
    params, X, T = net_inputs(seed, net_shape)
    Y, _ = net_forward(params, X)
    phi, _ = net_loss(Y, T)
    _, _, m, n = net_shape
    assert Y.shape == (m, n)
    assert np.isclose(phi, net_phi(**params, X=X, T=T), rtol=1e-13, atol=0)


def test_net_gradients_have_the_shapes_of_their_variables(net_shape):
    params, X, T = net_inputs(0, net_shape)
    Y, cache = net_forward(params, X)
    grads = net_backward(net_loss(Y, T)[1], cache)
    assert {k: v.shape for k, v in grads.items()} == {
        "d" + k: v.shape for k, v in {**params, "X": X}.items()
    }


def test_net_gradients_pass(seed, net_shape):
    results = check_net_gradients(seed, net_shape)
    assert all(results)
    assert len(results) == 5


CORRECT_PARTS = {
    "tanh_grad": lambda H: 1.0 - H * H,
    "bias_sum": lambda G: G.sum(axis=1),
    "weight_grad": lambda G, X: G @ X.T,
    "input_grad": lambda W, G: W.T @ G,
}


def backward_with(**wrong):
    """The network's backward pass with some of its parts replaced."""
    part = {**CORRECT_PARTS, **wrong}

    def backward(dY, cache):
        X, H, W1, W2 = cache
        dA = part["input_grad"](W2, dY) * part["tanh_grad"](H)
        return {
            "dW1": part["weight_grad"](dA, X),
            "db1": part["bias_sum"](dA),
            "dW2": part["weight_grad"](dY, H),
            "db2": part["bias_sum"](dY),
            "dX": part["input_grad"](W1, dA),
        }

    return backward


def test_backward_with_no_replacement_is_the_snippet(seed, net_shape):
    params, X, T = net_inputs(seed, net_shape)
    Y, cache = net_forward(params, X)
    dY = net_loss(Y, T)[1]
    ours, snippet = backward_with()(dY, cache), net_backward(dY, cache)
    assert all(np.allclose(ours[k], snippet[k], rtol=1e-14, atol=0) for k in snippet)
    assert all(check_net_gradients(seed, net_shape, backward=backward_with()))


#: (replacement, the gradients it must make wrong). The others may still pass: the tanh
#: derivative, for one, sits below the second layer and cannot change dW2 or db2.
WRONG_NET = {
    "tanh derivative missing": (
        {"tanh_grad": lambda H: np.ones_like(H)},
        ["W1", "b1", "X"],
    ),
    "tanh derivative 1 − H": ({"tanh_grad": lambda H: 1.0 - H}, ["W1", "b1", "X"]),
    "tanh' taken at H, not A": (
        {"tanh_grad": lambda H: 1.0 - np.tanh(H) ** 2},
        ["W1", "b1", "X"],
    ),
    "bias: first sample only": ({"bias_sum": lambda G: G[:, 0]}, ["b1", "b2"]),
    "bias: mean over the batch": ({"bias_sum": lambda G: G.mean(axis=1)}, ["b1", "b2"]),
}
WRONG_NET_SQUARE = {
    "bias summed over the wrong axis": ({"bias_sum": lambda G: G.sum(axis=0)}, ["b1", "b2"]),
    "dW = Xᵀ G": ({"weight_grad": lambda G, X: X.T @ G}, ["W1", "W2"]),
    "dW = G X": ({"weight_grad": lambda G, X: G @ X}, ["W1", "W2"]),
    "dX = W G": ({"input_grad": lambda W, G: W @ G}, ["W1", "b1", "X"]),
}


@pytest.mark.parametrize(("wrong", "broken"), WRONG_NET.values(), ids=WRONG_NET.keys())
def test_wrong_network_backward_rejected(wrong, broken, seed, net_shape):
    results = by_name(check_net_gradients(seed, net_shape, backward=backward_with(**wrong)))
    assert not any(results[name] for name in broken)


@pytest.mark.parametrize(
    ("wrong", "broken"), WRONG_NET_SQUARE.values(), ids=WRONG_NET_SQUARE.keys()
)
def test_wrong_network_backward_rejected_on_square_shapes(wrong, broken, seed):
    results = by_name(check_net_gradients(seed, SQUARE_NET, backward=backward_with(**wrong)))
    assert not any(results[name] for name in broken)


def test_missing_tanh_derivative_leaves_the_second_layer_right(seed, net_shape):
    # The checks localize a mistake: the second layer's gradients do not go through tanh.
    wrong = backward_with(**WRONG_NET["tanh derivative missing"][0])
    results = by_name(check_net_gradients(seed, net_shape, backward=wrong))
    assert results["W2"]
    assert results["b2"]


# --- bad input: a clear error, never a silently broadcast answer --------------------------------


def test_linear_forward_refuses_a_bias_of_the_wrong_shape():
    W, X = np.ones((3, 4)), np.ones((4, 5))
    for b in (np.ones((3, 1)), np.ones(5), np.ones(1)):
        with pytest.raises(
            ValueError, match=rf"b must have shape \(3,\).*got {re.escape(str(b.shape))}"
        ):
            linear_forward(W, X, b)


def test_net_forward_refuses_biases_of_the_wrong_shape():
    params = {"W1": np.ones((6, 4)), "b1": np.ones(6), "W2": np.ones((3, 6)), "b2": np.ones((3, 1))}
    with pytest.raises(ValueError, match=r"b2 must have shape \(3,\); got \(3, 1\)"):
        net_forward(params, np.ones((4, 5)))


def test_net_loss_refuses_targets_of_another_shape():
    with pytest.raises(ValueError, match=r"T have shape \(3, 1\), outputs Y have shape \(3, 5\)"):
        net_loss(np.ones((3, 5)), np.ones((3, 1)))
