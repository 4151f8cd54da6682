"""The pre-norm transformer block: the end-to-end checks pass, and broken steps are rejected."""

import numpy as np
import pytest

from snippets.checks.layers.transformer_block import (
    NAMES,
    WRONG,
    backward_with,
    block_inputs,
    check_block_backward,
    check_block_forward,
    check_key_bias_has_no_effect,
)
from snippets.layers.attention import softmax_rows
from snippets.layers.transformer_block import (
    block_backward,
    block_forward,
)

#: (N, q, r, w): tokens, model width, head width, MLP width. All different, both orders of
#: p and h, a head wider than the model, and square (every transposed gradient fits).
BLOCK_SHAPES = [(5, 6, 4, 7), (3, 8, 2, 5), (6, 3, 5, 2), (4, 4, 4, 4)]
SQUARE = (4, 4, 4, 4)


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


def test_backward_helper_is_the_snippet(seed, block_shape):
    params, X, G = block_inputs(seed, block_shape)
    cache = block_forward(params, X)[1]
    ours, snippet = backward_with()(G, params, cache), block_backward(G, params, cache)
    assert all(np.array_equal(ours[k], snippet[k]) for k in snippet)


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
        ValueError, match=r"WO must have shape \(6, 4\) \(q, r = 6, 4\); got \(4, 6\)"
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


def test_the_blocks_own_layers_are_the_layer_pages_layers():
    """transformer_block.py carries its own short copies of four layers, so that it runs
    alone; they must compute what the layer modules compute, forward and backward."""
    from snippets.layers import activations, attention, linear, normalization
    from snippets.layers import transformer_block as tb

    rng = np.random.default_rng(0)
    X, W, b = rng.standard_normal((5, 4)), rng.standard_normal((3, 4)), rng.standard_normal(3)
    dY, gamma, beta = rng.standard_normal((5, 3)), rng.uniform(0.5, 1.5, 4), rng.standard_normal(4)
    dX4 = rng.standard_normal((5, 4))
    Q, K, V = rng.standard_normal((5, 2)), rng.standard_normal((5, 2)), rng.standard_normal((5, 3))
    x = np.concatenate([rng.uniform(-6, 6, 50), [-1e300, -40.0, 0.0, 40.0, 1e300]])
    M = tb.causal_mask(5)
    pairs = [
        (tb.linear_forward(X, W, b), linear.linear_forward(X, W, b)),
        (tb.linear_backward(dY, X, W), linear.linear_backward(dY, X, W)),
        (tb.layernorm_forward(X, gamma, beta), normalization.layernorm_forward(X, gamma, beta)),
        (tb.layernorm_backward(dX4, X, gamma), normalization.layernorm_backward(dX4, X, gamma)),
        (M, attention.causal_mask(5)),
        (tb.attention_forward(Q, K, V, M), attention.attention_forward(Q, K, V, M)),
        (tb.attention_backward(dY, Q, K, V, M), attention.attention_backward(dY, Q, K, V, M)),
        (tb.gelu(x), activations.gelu(x)),
        (tb.gelu_backward(np.ones_like(x), x), activations.gelu_backward(np.ones_like(x), x)),
    ]
    for mine, theirs in pairs:
        for a, b_ in zip(np.atleast_1d(mine) if isinstance(mine, np.ndarray) else mine,
                         np.atleast_1d(theirs) if isinstance(theirs, np.ndarray) else theirs,
                         strict=True):  # fmt: skip
            np.testing.assert_allclose(a, b_, rtol=1e-13, atol=1e-300)


def test_the_block_runs_alone_in_an_empty_folder(tmp_path):
    """Copied on its own into a folder where the project is not importable, the file runs."""
    import subprocess
    import sys
    from pathlib import Path

    source = Path(__file__).parents[1] / "snippets/layers/transformer_block.py"
    (tmp_path / "block.py").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    run = (  # `snippets` blocked, in case an install of the project is on the path
        "import sys; sys.modules['snippets'] = None; sys.path.insert(0, '.')\n"
        "import numpy as np, block\n"
        "rng = np.random.default_rng(0)\n"
        "sizes = {'q': 6, 'r': 4, 'w': 7}\n"
        "P = {k: rng.standard_normal(tuple(sizes[d] for d in dims))"
        " for k, dims in block.PARAMETER_SHAPES.items()}\n"
        "Y, cache = block.block_forward(P, rng.standard_normal((5, 6)))\n"
        "print(sorted(block.block_backward(np.ones_like(Y), P, cache)) == sorted("
        "['dX'] + ['d' + k for k in P]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", run], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
