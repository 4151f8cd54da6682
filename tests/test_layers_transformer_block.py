"""The pre-norm transformer block: the end-to-end checks pass, and broken steps are rejected."""

import numpy as np
import pytest

from snippets.checks.layers.transformer_block import (
    block_inputs,
    check_block_backward,
    check_block_forward,
    check_key_bias_has_no_effect,
)
from snippets.layers.activations import gelu, gelu_backward
from snippets.layers.attention import attention_backward, softmax_rows
from snippets.layers.linear import linear_backward
from snippets.layers.normalization import layernorm_backward
from snippets.layers.transformer_block import PARAMETER_SHAPES, block_backward, block_forward

#: (n, p, h, f): tokens, model width, head width, MLP width. All different, both orders of
#: p and h, a head wider than the model, and square (every transposed gradient fits).
BLOCK_SHAPES = [(5, 6, 4, 7), (3, 8, 2, 5), (6, 3, 5, 2), (4, 4, 4, 4)]
SQUARE = (4, 4, 4, 4)
NAMES = ["X", *PARAMETER_SHAPES]


@pytest.fixture(params=BLOCK_SHAPES, ids=lambda s: "x".join(map(str, s)))
def block_shape(request):
    return request.param


@pytest.fixture(params=[0, 1])
def few_seeds(request):
    """Two seeds for the wrong answers: each costs 17 gradient checks."""
    return request.param


def by_name(results):
    assert len(results) == len(NAMES)
    return dict(zip(NAMES, results, strict=True))


def test_forward_passes(seed, block_shape):
    assert check_block_forward(seed, block_shape)


def test_backward_passes(seed, block_shape):
    results = check_block_backward(seed, block_shape)
    assert len(results) == 17
    assert all(results)


def test_gradients_have_the_shapes_of_their_variables(block_shape):
    params, X, G = block_inputs(0, block_shape)
    grads = block_backward(G, params, block_forward(params, X)[1])
    assert {k: v.shape for k, v in grads.items()} == {
        "d" + k: v.shape for k, v in {"X": X, **params}.items()
    }


def test_key_bias_has_no_effect(seed, block_shape):
    assert check_key_bias_has_no_effect(seed, block_shape)
    params, X, G = block_inputs(seed, block_shape)
    grads = block_backward(G, params, block_forward(params, X)[1])
    assert np.max(np.abs(grads["dbK"])) <= 1e-12 * np.max(np.abs(grads["dbQ"]))


def test_a_forward_pass_that_ignores_the_key_bias_is_not_caught_by_it(seed):
    # What the page says: the key-bias check cannot tell b_K's presence from its absence.
    def without_bK(params, X):
        return block_forward({**params, "bK": np.zeros_like(params["bK"])}, X)

    assert check_key_bias_has_no_effect(seed, forward=without_bK)
    assert check_block_forward(seed, forward=without_bK)


# --- a backward pass with replaceable steps ------------------------------------------------------

CORRECT = {
    "residual2": True,
    "residual1": True,
    "dH1_sum": True,
    "attention": attention_backward,
    "layernorm": layernorm_backward,
    "gelu": lambda dS, U: gelu_backward(dS, U),
    "weight": lambda dW: dW,
}


def backward_with(**wrong):
    part = {**CORRECT, **wrong}

    def backward(dY, P, c):
        g = {}
        dS, dW2, g["db2"] = linear_backward(dY, gelu(c["U"]), P["W2"])
        g["dW2"] = part["weight"](dW2)
        dU = part["gelu"](dS, c["U"])
        dH2, g["dW1"], g["db1"] = linear_backward(dU, c["H2"], P["W1"])
        dZ_norm, g["dgamma2"], g["dbeta2"] = part["layernorm"](dH2, c["Z"], P["gamma2"])
        dZ = dY + dZ_norm if part["residual2"] else dZ_norm
        dA, g["dWO"], g["dbO"] = linear_backward(dZ, c["A"], P["WO"])
        dQ, dK, dV = part["attention"](dA, c["Q"], c["K"], c["V"], c["M"])
        dH1 = 0
        for name, d in (("Q", dQ), ("K", dK), ("V", dV)):
            dH1_part, g["dW" + name], g["db" + name] = linear_backward(d, c["H1"], P["W" + name])
            if part["dH1_sum"] or name == "Q":
                dH1 = dH1 + dH1_part
        dX_norm, g["dgamma1"], g["dbeta1"] = part["layernorm"](dH1, c["X"], P["gamma1"])
        g["dX"] = dZ + dX_norm if part["residual1"] else dX_norm
        return g

    return backward


def test_backward_helper_is_the_snippet(seed, block_shape):
    params, X, G = block_inputs(seed, block_shape)
    cache = block_forward(params, X)[1]
    ours, snippet = backward_with()(G, params, cache), block_backward(G, params, cache)
    assert all(np.array_equal(ours[k], snippet[k]) for k in snippet)


def attention_no_mask(dO, Q, K, V, M):
    return attention_backward(dO, Q, K, V, np.zeros_like(M))


def attention_no_scale(dO, Q, K, V, M):
    dQ, dK, dV = attention_backward(dO, Q, K, V, M)
    return dQ * np.sqrt(Q.shape[1]), dK * np.sqrt(Q.shape[1]), dV


def layernorm_constant_statistics(dH, X, gamma):
    _, dgamma, dbeta = layernorm_backward(dH, X, gamma)
    sigma = np.sqrt(X.var(axis=1, keepdims=True) + 1e-5)
    return dH * gamma / sigma, dgamma, dbeta


UPSTREAM_OF_Z = ["X", "gamma1", "beta1", "WQ", "bQ", "WK", "WV", "bV", "WO", "bO"]
#: Not b_V: rows of P sum to 1, so P (V + 1 b_Vᵀ) = P V + 1 b_Vᵀ, and ∂φ/∂b_V = dAᵀ 1 whatever P.
UPSTREAM_OF_ATTENTION = ["X", "gamma1", "beta1", "WQ", "bQ", "WK", "WV"]

#: (replacement, the gradients it must make wrong)
WRONG = {
    "second residual dropped": ({"residual2": False}, UPSTREAM_OF_Z),
    "first residual dropped": ({"residual1": False}, ["X"]),
    "dH1 from the query map only": ({"dH1_sum": False}, ["X", "gamma1", "beta1"]),
    "mask missing in attention backward": ({"attention": attention_no_mask}, UPSTREAM_OF_ATTENTION),
    "1/sqrt(h) missing in attention backward": (
        {"attention": attention_no_scale},
        ["X", "gamma1", "beta1", "WQ", "bQ", "WK"],
    ),
    "layer norm mu, sigma constant": (
        {"layernorm": layernorm_constant_statistics},
        UPSTREAM_OF_Z,
    ),
    "GELU derivative left out": ({"gelu": lambda dS, U: dS}, ["W1", "b1", "X"]),
    "GELU derivative at the output": (
        {"gelu": lambda dS, U: gelu_backward(dS, gelu(U))},
        ["W1", "b1", "X"],
    ),
}


@pytest.mark.parametrize(("wrong", "broken"), WRONG.values(), ids=WRONG.keys())
def test_wrong_backward_rejected(wrong, broken, few_seeds, block_shape):
    results = by_name(check_block_backward(few_seeds, block_shape, backward_with(**wrong)))
    assert not any(results[name] for name in broken)


def test_dropping_the_second_residual_leaves_the_mlp_right(few_seeds, block_shape):
    results = by_name(check_block_backward(few_seeds, block_shape, backward_with(residual2=False)))
    assert all(results[k] for k in ["W2", "b2", "W1", "b1", "gamma2", "beta2"])


def test_transposed_weight_gradient_rejected_on_square_shapes(few_seeds):
    results = by_name(
        check_block_backward(few_seeds, SQUARE, backward_with(weight=lambda dW: dW.T))
    )
    assert not results["W2"]


def test_masked_weights_are_zero_in_the_block(seed, block_shape):
    params, X, _ = block_inputs(seed, block_shape)
    c = block_forward(params, X)[1]
    P = softmax_rows(c["Q"] @ c["K"].T / np.sqrt(c["Q"].shape[1]) + c["M"])
    assert np.all(np.triu(P, k=1) == 0.0)


# --- bad input -----------------------------------------------------------------------------------


def test_parameter_of_the_wrong_shape_refused():
    params, X, _ = block_inputs(0)
    with pytest.raises(
        ValueError, match=r"WO must have shape \(6, 4\) \(p, h = 6, 4\); got \(4, 6\)"
    ):
        block_forward({**params, "WO": params["WO"].T}, X)
    with pytest.raises(ValueError, match=r"b1 must have shape \(7,\)"):
        block_forward({**params, "b1": np.ones(6)}, X)


def test_missing_parameter_refused():
    params, X, _ = block_inputs(0)
    del params["gamma2"]
    with pytest.raises(ValueError, match="parameters missing: gamma2"):
        block_forward(params, X)


def test_input_of_the_wrong_width_refused():
    params, _, _ = block_inputs(0)
    with pytest.raises(ValueError, match=r"gamma1 must have shape \(5,\)"):
        block_forward(params, np.ones((5, 5)))


def test_upstream_gradient_of_the_wrong_shape_refused():
    params, X, _ = block_inputs(0)
    cache = block_forward(params, X)[1]
    with pytest.raises(ValueError, match=r"dY must have the shape of Y, \(5, 6\); got \(6, 5\)"):
        block_backward(np.ones((6, 5)), params, cache)


def test_integer_input_refused():
    params, X, _ = block_inputs(0)
    with pytest.raises(TypeError, match="floating-point"):
        block_forward(params, X.astype(int))
