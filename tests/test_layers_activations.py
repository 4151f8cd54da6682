"""The activations of snippets/layers/activations.py, the kink of ReLU, and the mistakes the
checks catch."""

import numpy as np
import pytest

from snippets.checks.layers.activations import (
    ACTIVATIONS,
    WRONG_BACKWARD,
    WRONG_FORWARD,
    activation_inputs,
    check_activation,
    check_diagonal_jacobian,
    check_relu_at_zero,
    check_relu_near_kink,
    relu_geq,
)

SHAPES = [(3, 5), (4, 4), (1, 6), (2, 3, 2)]


@pytest.fixture(params=SHAPES, ids=lambda s: "x".join(map(str, s)))
def act_shape(request):
    return request.param


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_checks_pass(name, seed, act_shape):
    assert all(check_activation(name, seed, act_shape))
    assert all(check_diagonal_jacobian(name, seed, act_shape))


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_backward_keeps_the_shape(name, act_shape):
    x, G = activation_inputs(0, act_shape)
    assert ACTIVATIONS[name][1](G, x).shape == act_shape


def test_relu_away_from_the_kink_passes(seed, act_shape):
    assert check_relu_near_kink(0.1, seed, act_shape)


@pytest.mark.parametrize("distance", [1e-6, 1e-7, 0.0])
def test_relu_within_the_step_of_the_kink_fails(distance, seed):
    # The gradient is right; the finite differences straddle the kink.
    assert not check_relu_near_kink(distance, seed, (3, 5))


def test_relu_one_sided_slopes_disagree_and_the_convention_is_the_left_one():
    one_sided, convention = check_relu_at_zero()
    assert not one_sided
    assert convention


@pytest.mark.parametrize("claim", WRONG_BACKWARD)
def test_wrong_backward_rejected(claim, seed, act_shape):
    name, wrong = WRONG_BACKWARD[claim]
    forward_ok, backward_ok = check_activation(name, seed, act_shape, backward=wrong)
    assert forward_ok
    assert not backward_ok


@pytest.mark.parametrize(
    "claim", ["tanh' = 1 - tanh x (the square forgotten)", "σ' = σ(x)", "gelu' without c"]
)
def test_wrong_slopes_rejected_as_jacobians(claim, seed):
    name, wrong = WRONG_BACKWARD[claim]
    assert not check_diagonal_jacobian(name, seed, (3, 5), backward=wrong)[0]


def test_relu_convention_x_geq_0_rejected_only_at_zero(seed):
    wrong = relu_geq
    # Away from 0 the two conventions agree, and finite differences cannot tell them apart ...
    assert check_activation("relu", seed, (3, 5), backward=wrong)[1]
    # ... at 0 the convention check does.
    assert not check_relu_at_zero(backward=wrong)[1]


def test_wrong_forward_rejected(seed):
    for name, wrong in WRONG_FORWARD.values():
        assert not check_activation(name, seed, forward=wrong)[0]
    assert not check_activation("gelu", seed, forward=lambda x: x / (1 + np.exp(-1.702 * x)))[0]


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_bad_input_is_refused(name):
    forward, backward = ACTIVATIONS[name]
    x, G = activation_inputs(0, (3, 5))
    with pytest.raises(TypeError, match="x must be a floating-point"):
        forward(np.arange(6))
    with pytest.raises(TypeError, match="x must be a floating-point"):
        forward([0.5, 1.0])
    with pytest.raises(ValueError, match="x contains NaN"):
        forward(np.array([0.5, np.nan]))
    with pytest.raises(ValueError, match="dy must have the shape of x"):
        backward(G.T, x)
    with pytest.raises(TypeError, match="dy must be a floating-point"):
        backward(G.astype(int), x)


def test_sigmoid_does_not_overflow():
    from snippets.layers.activations import sigmoid, sigmoid_backward

    x = np.array([-1000.0, -30.0, 0.0, 30.0, 1000.0])  # e^1000 overflows float64
    s, slope = sigmoid(x), sigmoid_backward(np.ones(5), x)
    assert np.all(np.isfinite(s))
    assert np.all(np.isfinite(slope))
    assert np.allclose(s + sigmoid(-x), 1.0, rtol=0, atol=1e-15)  # σ(x) + σ(−x) = 1
