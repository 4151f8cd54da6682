"""The activations of snippets/layers/activations.py, the kink of ReLU, and the mistakes the
checks catch."""

import numpy as np
import pytest

from snippets.checks.layers.activations import (
    ACTIVATIONS,
    activation_inputs,
    check_activation,
    check_diagonal_jacobian,
    check_relu_at_zero,
    check_relu_near_kink,
)
from snippets.layers.activations import GELU_A, GELU_C, gelu_backward

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


def _tanh_u(x):
    return np.tanh(GELU_C * (x + GELU_A * x**3))


WRONG_BACKWARD = {
    "tanh: 1 - tanh(x)": ("tanh", lambda dy, x: dy * (1 - np.tanh(x))),
    "tanh: 1 - x**2": ("tanh", lambda dy, x: dy * (1 - x**2)),
    "tanh: no derivative": ("tanh", lambda dy, x: dy),
    "tanh: wrong sign": ("tanh", lambda dy, x: -dy * (1 - np.tanh(x) ** 2)),
    "sigmoid: s": ("sigmoid", lambda dy, x: dy / (1 + np.exp(-x))),
    "sigmoid: x (1 - x)": ("sigmoid", lambda dy, x: dy * x * (1 - x)),
    "sigmoid: wrong sign": ("sigmoid", lambda dy, x: -dy * np.exp(-x) / (1 + np.exp(-x)) ** 2),
    "relu: slope x": ("relu", lambda dy, x: dy * np.maximum(x, 0)),
    "relu: wrong sign": ("relu", lambda dy, x: -dy * (x > 0)),
    "gelu: first term only": ("gelu", lambda dy, x: dy * 0.5 * (1 + _tanh_u(x))),
    "gelu: 1 + a x**2": (
        "gelu",
        lambda dy, x: (
            dy
            * (
                0.5 * (1 + _tanh_u(x))
                + 0.5 * x * (1 - _tanh_u(x) ** 2) * GELU_C * (1 + GELU_A * x**2)
            )
        ),
    ),
    "gelu: no c": (
        "gelu",
        lambda dy, x: (
            dy
            * (0.5 * (1 + _tanh_u(x)) + 0.5 * x * (1 - _tanh_u(x) ** 2) * (1 + 3 * GELU_A * x**2))
        ),
    ),
    "gelu: wrong sign": ("gelu", lambda dy, x: -gelu_backward(dy, x)),
}


@pytest.mark.parametrize("claim", WRONG_BACKWARD)
def test_wrong_backward_rejected(claim, seed, act_shape):
    name, wrong = WRONG_BACKWARD[claim]
    forward_ok, backward_ok = check_activation(name, seed, act_shape, backward=wrong)
    assert forward_ok
    assert not backward_ok


@pytest.mark.parametrize("claim", ["tanh: 1 - tanh(x)", "sigmoid: s", "gelu: no c"])
def test_wrong_slopes_rejected_as_jacobians(claim, seed):
    name, wrong = WRONG_BACKWARD[claim]
    assert not check_diagonal_jacobian(name, seed, (3, 5), backward=wrong)[0]


def test_relu_convention_x_geq_0_rejected_only_at_zero(seed):
    def wrong(dy, x):
        return dy * (x >= 0)

    # Away from 0 the two conventions agree, and finite differences cannot tell them apart ...
    assert check_activation("relu", seed, (3, 5), backward=wrong)[1]
    # ... at 0 the convention check does.
    assert not check_relu_at_zero(backward=wrong)[1]


def test_wrong_forward_rejected(seed):
    assert not check_activation("sigmoid", seed, forward=lambda x: 1 / (1 + np.exp(x)))[0]
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
