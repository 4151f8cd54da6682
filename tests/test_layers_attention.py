"""Scaled dot-product attention: the checks pass, and the plausible mistakes are rejected."""

import numpy as np
import pytest

from snippets.checks.layers.attention import (
    MASKS,
    WRONG,
    WRONG_SOFTMAX,
    WRONG_SQUARE,
    attention_inputs,
    backward_with,
    check_attention_backward,
    check_attention_forward,
    check_softmax_backward,
    shifted_causal_mask,
)
from snippets.gradcheck import GradientCheckError, relative_error
from snippets.layers.attention import (
    attention_backward,
    attention_forward,
    causal_mask,
    softmax_rows,
    softmax_rows_backward,
)

#: (n, m, h, v): queries, keys, head width, value width. Distinct, fewer keys than queries,
#: a single query, and square, where every wrong answer has the right shape.
ATTENTION_SHAPES = [(4, 6, 3, 5), (5, 3, 4, 2), (1, 3, 2, 2), (4, 4, 4, 4)]
SQUARE = (4, 4, 4, 4)


@pytest.fixture(params=ATTENTION_SHAPES, ids=lambda s: "x".join(map(str, s)))
def att_shape(request):
    return request.param


@pytest.fixture(params=MASKS)
def mask(request):
    return request.param


def test_softmax_backward_passes(seed, att_shape):
    n, m, _, _ = att_shape
    assert all(check_softmax_backward(seed, (n, m)))


def test_forward_passes(seed, att_shape, mask):
    assert check_attention_forward(seed, att_shape, mask=mask)


def test_backward_passes(seed, att_shape, mask):
    results = check_attention_backward(seed, att_shape, mask=mask)
    assert len(results) == 3
    assert all(results)


def test_masked_keys_get_no_weight_and_no_gradient(seed):
    Q, K, V, M, G = attention_inputs(seed, (4, 6, 3, 5), "causal")
    P = softmax_rows(Q @ K.T / np.sqrt(3) + M)
    assert np.all(P[np.isneginf(M)] == 0.0)
    assert np.allclose(P.sum(axis=1), 1.0, rtol=0, atol=1e-15)
    dS = softmax_rows_backward(G @ V.T, P)
    assert np.all(dS[np.isneginf(M)] == 0.0)


def test_causal_mask_is_the_shifted_mask_with_as_many_keys_as_queries():
    assert np.array_equal(causal_mask(5), shifted_causal_mask(5, 5))
    assert np.isneginf(causal_mask(3)[0, 1])
    assert causal_mask(3)[1, 0] == 0.0


# --- wrong softmax backward passes ---------------------------------------------------------------


@pytest.mark.parametrize("wrong", WRONG_SOFTMAX.values(), ids=WRONG_SOFTMAX.keys())
@pytest.mark.parametrize("shape", [(4, 6), (5, 5), (6, 3)], ids=str)
def test_wrong_softmax_backward_rejected(wrong, shape, seed):
    _, by_jacobian, by_differences = check_softmax_backward(seed, shape, backward=wrong)
    assert not by_jacobian
    assert not by_differences


# --- wrong attention backward passes -------------------------------------------------------------


def test_backward_helper_is_the_snippet(seed, att_shape, mask):
    Q, K, V, M, G = attention_inputs(seed, att_shape, mask)
    ours, snippet = backward_with()(G, Q, K, V, M), attention_backward(G, Q, K, V, M)
    assert all(relative_error(a, b) < 1e-13 for a, b in zip(ours, snippet, strict=True))


@pytest.mark.parametrize(("wrong", "broken", "masks"), WRONG.values(), ids=WRONG.keys())
def test_wrong_backward_rejected(wrong, broken, masks, seed, att_shape):
    n, m, _, _ = att_shape
    if not np.isneginf(shifted_causal_mask(n, m)).any():  # one query that sees every key
        masks = [k for k in masks if k != "causal"]
    for mask in masks:
        results = check_attention_backward(seed, att_shape, backward_with(**wrong), mask)
        assert not any(results[i] for i in broken), mask


@pytest.mark.parametrize(("wrong", "broken"), WRONG_SQUARE.values(), ids=WRONG_SQUARE.keys())
def test_wrong_backward_rejected_on_square_shapes(wrong, broken, seed, mask):
    # n = m = h = v: the wrong formulas have the right shapes, only the numbers differ.
    assert not check_attention_backward(seed, SQUARE, backward_with(**wrong), mask)[broken]


def test_transposed_dK_is_a_shape_error_on_distinct_shapes():
    with pytest.raises(GradientCheckError, match="transposed"):
        check_attention_backward(0, (4, 6, 3, 5), backward_with(dK="(dS.T Q).T"))


# --- bad input -----------------------------------------------------------------------------------


def good():
    rng = np.random.default_rng(0)
    return {
        "Q": rng.standard_normal((4, 3)),
        "K": rng.standard_normal((6, 3)),
        "V": rng.standard_normal((6, 5)),
        "M": shifted_causal_mask(4, 6),
    }


BAD = {
    "Q and K of different widths": ({"K": np.ones((6, 2))}, ValueError, "same width h"),
    "V with another number of rows": ({"V": np.ones((5, 5))}, ValueError, "one row per key"),
    "mask of the wrong shape": ({"M": np.zeros((6, 4))}, ValueError, r"shape \(n, m\) = \(4, 6\)"),
    "mask with NaN": ({"M": np.full((4, 6), np.nan)}, ValueError, "NaN or \\+inf"),
    "mask hiding every key": ({"M": np.full((4, 6), -np.inf)}, ValueError, "every key"),
    # Only query 2 is blind; every key is still seen by some query, so a check over the
    # wrong axis would miss it.
    "mask hiding every key from one query": (
        {"M": np.where(np.arange(4)[:, None] == 2, -np.inf, 0.0) * np.ones((4, 6))},
        ValueError,
        "every key from query row 2",
    ),
    "integer Q": ({"Q": np.ones((4, 3), dtype=int)}, TypeError, "Q must be a floating-point"),
    "integer mask": ({"M": np.zeros((4, 6), dtype=int)}, TypeError, "M must be a floating-point"),
    "one-dimensional K": ({"K": np.ones(3)}, ValueError, "K must have 2 axes"),
}


@pytest.mark.parametrize(("change", "error", "message"), BAD.values(), ids=BAD.keys())
def test_bad_input_refused(change, error, message):
    args = {**good(), **change}
    with pytest.raises(error, match=message):
        attention_forward(**args)
    with pytest.raises(error, match=message):
        attention_backward(np.ones((4, 5)), **args)


def test_upstream_gradient_of_the_wrong_shape_refused():
    with pytest.raises(ValueError, match=r"dO must have the shape of O, \(4, 5\); got \(5, 4\)"):
        attention_backward(np.ones((5, 4)), **good())


def test_no_mask_is_a_zero_mask(seed):
    Q, K, V, M, G = attention_inputs(seed, (4, 6, 3, 5), "none")
    assert np.array_equal(attention_forward(Q, K, V), attention_forward(Q, K, V, M))
    for a, b in zip(attention_backward(G, Q, K, V), attention_backward(G, Q, K, V, M), strict=True):
        assert np.array_equal(a, b)


def test_large_scores_do_not_overflow():
    """Scores of order 1e3 would overflow exp: the softmax subtracts each row's maximum."""
    Q, K, V, M, G = attention_inputs(0, (4, 6, 3, 5), "causal")
    output = attention_forward(1e3 * Q, K, V, M)
    grads = attention_backward(G, 1e3 * Q, K, V, M)
    assert np.isfinite(output).all()
    assert all(np.isfinite(g).all() for g in grads)
