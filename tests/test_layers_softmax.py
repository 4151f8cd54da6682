"""Softmax, log-sum-exp and cross-entropy of snippets/layers/softmax.py, and the mistakes the
checks catch. shape = (N, K): N samples (rows), K classes."""

import numpy as np
import pytest

from snippets.checks.layers.softmax import (
    WRONG_BACKWARD,
    WRONG_CE,
    WRONG_HVP,
    WRONG_JACOBIAN,
    check_batch_jacobian,
    check_cross_entropy,
    check_hvp,
    check_logsumexp,
    check_softmax_backward,
    check_softmax_forward,
    check_softmax_jacobian,
    forgot_the_max,
    naive_logsumexp,
    over_columns,
    softmax_inputs,
    summed_loss,
    whole_batch,
)
from snippets.layers.softmax import (
    cross_entropy,
    cross_entropy_backward,
    cross_entropy_hvp,
    logsumexp,
    softmax,
    softmax_backward,
    softmax_jacobian,
)

SHAPES = [(4, 3), (2, 5), (3, 3), (1, 4)]
SQUARE = (3, 3)


@pytest.fixture(params=SHAPES, ids=lambda s: "x".join(map(str, s)))
def sm_shape(request):
    return request.param


def test_checks_pass(seed, sm_shape):
    assert check_softmax_forward(seed, sm_shape)
    assert all(check_softmax_jacobian(seed, sm_shape[1]))
    assert all(check_softmax_backward(seed, sm_shape))
    assert check_batch_jacobian(seed, sm_shape)
    assert all(check_logsumexp(seed, sm_shape))
    assert all(check_logsumexp(seed, sm_shape, shift=1000.0))
    assert all(check_logsumexp(seed, sm_shape, shift=-1000.0))
    assert all(check_cross_entropy(seed, sm_shape))
    assert all(check_cross_entropy(seed, sm_shape, soft=True))
    assert all(check_hvp(seed, sm_shape))


def test_rows_are_probabilities(seed, sm_shape):
    P = softmax(softmax_inputs(seed, sm_shape)[0] * 1000)
    assert np.all(P >= 0)
    assert np.allclose(P.sum(axis=1), 1.0, rtol=0, atol=1e-15)


def test_softmax_over_the_wrong_axis_rejected(seed):
    assert not check_softmax_forward(seed, SQUARE, forward=over_columns)


@pytest.mark.parametrize("name", WRONG_BACKWARD)
@pytest.mark.parametrize("shape", [(4, 3), SQUARE])
def test_wrong_softmax_backward_rejected(name, shape, seed):
    assert not check_softmax_backward(seed, shape, backward=WRONG_BACKWARD[name])[0]


def test_one_inner_product_is_right_for_a_single_sample(seed):
    # With N = 1 the batch is one vector: the mistake only shows with several samples.
    assert check_softmax_backward(
        seed, (1, 4), backward=WRONG_BACKWARD["one inner product for the batch"]
    )[0]


def test_batch_as_one_vector_rejected(seed):
    assert not check_batch_jacobian(seed, (4, 3), batch_jacobian=whole_batch)
    assert not check_batch_jacobian(seed, SQUARE, batch_jacobian=whole_batch)


@pytest.mark.parametrize("wrong", WRONG_JACOBIAN.values(), ids=WRONG_JACOBIAN.keys())
def test_wrong_jacobian_rejected(wrong, seed):
    assert not check_softmax_jacobian(seed, 4, jacobian=wrong)[0]


def test_naive_logsumexp_rejected_at_large_logits(seed, sm_shape):
    assert all(check_logsumexp(seed, sm_shape, lse=naive_logsumexp))  # fine for small logits
    assert not any(check_logsumexp(seed, sm_shape, shift=1000.0, lse=naive_logsumexp))


def test_logsumexp_without_adding_back_the_max_rejected(seed):
    assert not check_logsumexp(seed, (4, 3), lse=forgot_the_max)[0]


@pytest.mark.parametrize("name", WRONG_CE)
@pytest.mark.parametrize("soft", [False, True])
def test_wrong_cross_entropy_gradient_rejected(name, soft, seed):
    for shape in [(4, 3), SQUARE]:
        assert not check_cross_entropy(seed, shape, soft=soft, backward=WRONG_CE[name])[1]


def test_summed_loss_rejected(seed):
    assert not check_cross_entropy(seed, (4, 3), loss=summed_loss)[0]


@pytest.mark.parametrize("name", WRONG_HVP)
@pytest.mark.parametrize("shape", [(4, 3), SQUARE])
def test_wrong_hvp_rejected(name, shape, seed):
    assert not check_hvp(seed, shape, hvp=WRONG_HVP[name])[0]


def test_hvp_is_the_jacobian_of_the_gradient_for_one_sample(seed):
    Z, _, _, _, V = softmax_inputs(seed, (1, 5))
    p = softmax(Z)[0]
    assert np.allclose(
        cross_entropy_hvp(Z, V)[0], softmax_jacobian(p) @ V[0], rtol=1e-14, atol=1e-15
    )
    assert np.allclose(
        softmax_backward(V, softmax(Z))[0], softmax_jacobian(p) @ V[0], rtol=1e-14, atol=1e-15
    )


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda Z, T: softmax(Z.astype(int)), TypeError, "Z must be a floating-point"),
        (lambda Z, T: softmax(Z[0]), ValueError, r"Z must have shape \(N, K\)"),
        (lambda Z, T: logsumexp(np.full((2, 2), np.nan)), ValueError, "Z contains NaN"),
        (lambda Z, T: softmax_backward(Z[:, :2], softmax(Z)), ValueError, "dP must have the shape"),
        (lambda Z, T: cross_entropy(Z, T[:, :2]), ValueError, "T must have the shape"),
        (lambda Z, T: cross_entropy(Z, 2 * T), ValueError, "probability vector"),
        (lambda Z, T: cross_entropy_backward(Z, -T + 2 / Z.shape[1]), ValueError, "probability"),
        (lambda Z, T: cross_entropy(Z, T.astype(int)), TypeError, "T must be a floating-point"),
        (lambda Z, T: cross_entropy_hvp(Z, Z[:1]), ValueError, "V must have the shape"),
        (lambda Z, T: softmax_jacobian(np.array([1, 0])), TypeError, "p must be a floating-point"),
    ],
)
def test_bad_input_is_refused(call, error, match):
    Z, _, T, _, _ = softmax_inputs(0, (4, 3))
    with pytest.raises(error, match=match):
        call(Z, T)
