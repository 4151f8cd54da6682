"""Layer norm and batch norm: the checks pass, and the plausible mistakes are rejected."""

import numpy as np
import pytest

from snippets.checks.layers.normalization import (
    EPS,
    WRONG_BACKWARD,
    WRONG_FORWARD,
    backward_with,
    check_batchnorm_backward,
    check_batchnorm_forward,
    check_layernorm_backward,
    check_layernorm_forward,
    forward_with,
    norm_inputs,
)
from snippets.layers.normalization import (
    batchnorm_backward,
    batchnorm_forward,
    layernorm_backward,
    layernorm_forward,
)

#: (n, p): distinct dimensions both ways round, square (where a sum over the wrong axis has the
#: right shape), and a small batch. At least 3 samples: with 2, batch norm's output is ±1.
NORM_SHAPES = [(4, 6), (6, 4), (5, 5), (3, 7)]


@pytest.fixture(params=NORM_SHAPES, ids=lambda s: "x".join(map(str, s)))
def norm_shape(request):
    return request.param


def test_forward_checks_pass(seed, norm_shape):
    assert check_layernorm_forward(seed, norm_shape)
    assert check_batchnorm_forward(seed, norm_shape)


def test_layernorm_rows_and_batchnorm_columns_are_normalised(seed, norm_shape):
    # With γ = 1, β = 0 and ε = 0, each row (layer norm) or column (batch norm) of Y has mean 0
    # and mean square 1.
    X = norm_inputs(seed, norm_shape)[0]
    ones, zeros = np.ones(norm_shape[1]), np.zeros(norm_shape[1])
    for forward, axis in ((layernorm_forward, 1), (batchnorm_forward, 0)):
        Y = forward(X, ones, zeros, eps=0.0)
        assert np.allclose(Y.mean(axis=axis), 0.0, rtol=0, atol=1e-14)
        assert np.allclose((Y**2).mean(axis=axis), 1.0, rtol=0, atol=1e-14)


def test_backward_checks_pass(seed, norm_shape):
    assert all(check_layernorm_backward(seed, norm_shape))
    assert all(check_batchnorm_backward(seed, norm_shape))


# --- wrong forward passes ----------------------------------------------------------------------


def test_forward_helper_is_right(seed, norm_shape):
    assert check_layernorm_forward(seed, norm_shape, forward=forward_with(axis=1))
    assert check_batchnorm_forward(seed, norm_shape, forward=forward_with(axis=0))


@pytest.mark.parametrize(("ln", "bn"), WRONG_FORWARD.values(), ids=WRONG_FORWARD.keys())
def test_wrong_forward_rejected(ln, bn, seed, norm_shape):
    # keepdims statistics broadcast on every shape: only the numbers can reject them.
    assert not check_layernorm_forward(seed, norm_shape, forward=forward_with(**ln))
    assert not check_batchnorm_forward(seed, norm_shape, forward=forward_with(**bn))


# --- wrong backward passes ---------------------------------------------------------------------


def test_backward_helper_is_right(seed, norm_shape):
    assert all(check_layernorm_backward(seed, norm_shape, backward=backward_with(axis=1)))
    assert all(check_batchnorm_backward(seed, norm_shape, backward=backward_with(axis=0)))


WRONG = WRONG_BACKWARD


@pytest.mark.parametrize(("changes", "broken"), WRONG.values(), ids=WRONG.keys())
def test_wrong_layernorm_backward_rejected(changes, broken, seed, norm_shape):
    results = check_layernorm_backward(seed, norm_shape, backward=backward_with(1, **changes))
    assert not results[broken]


@pytest.mark.parametrize(("changes", "broken"), WRONG.values(), ids=WRONG.keys())
def test_wrong_batchnorm_backward_rejected(changes, broken, seed, norm_shape):
    results = check_batchnorm_backward(seed, norm_shape, backward=backward_with(0, **changes))
    assert not results[broken]


def test_backward_over_the_wrong_axis_rejected(seed, norm_shape):
    assert not check_layernorm_backward(seed, norm_shape, backward=backward_with(axis=0))[0]
    assert not check_batchnorm_backward(seed, norm_shape, backward=backward_with(axis=1))[0]


def test_snippets_swapped_rejected(seed, norm_shape):
    # Batch norm computed with the layer norm backward pass, and the other way round.
    assert not all(check_batchnorm_backward(seed, norm_shape, backward=layernorm_backward))
    assert not all(check_layernorm_backward(seed, norm_shape, backward=batchnorm_backward))


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize("forward", [layernorm_forward, batchnorm_forward])
def test_bad_input_refused(forward):
    X, gamma, beta = np.ones((4, 3)), np.ones(3), np.zeros(3)
    with pytest.raises(TypeError, match="X must be a floating-point"):
        forward(np.ones((4, 3), dtype=int), gamma, beta)
    with pytest.raises(TypeError, match="gamma must be a floating-point"):
        forward(X, np.ones(3, dtype=int), beta)
    with pytest.raises(ValueError, match=r"gamma must have shape \(3,\).*got \(4,\)"):
        forward(X, np.ones(4), beta)
    with pytest.raises(ValueError, match=r"beta must have shape \(3,\).*got \(3, 1\)"):
        forward(X, gamma, np.zeros((3, 1)))
    with pytest.raises(ValueError, match=r"X must have shape \(n, p\)"):
        forward(np.ones(3), gamma, beta)


@pytest.mark.parametrize("backward", [layernorm_backward, batchnorm_backward])
def test_bad_upstream_gradient_refused(backward):
    X, gamma = np.ones((4, 3)), np.ones(3)
    with pytest.raises(ValueError, match=r"dY must have the shape of X, \(4, 3\); got \(3, 4\)"):
        backward(np.ones((3, 4)), X, gamma, EPS)
    with pytest.raises(TypeError, match="dY must be a floating-point"):
        backward(np.ones((4, 3), dtype=np.int64), X, gamma, EPS)


def test_batchnorm_refuses_a_batch_of_one():
    with pytest.raises(ValueError, match="at least 2 samples"):
        batchnorm_forward(np.ones((1, 3)), np.ones(3), np.zeros(3))
