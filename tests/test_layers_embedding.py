"""The embedding lookup of snippets/layers/embedding.py, its scatter-add backward pass, and the
mistakes the checks catch. shape = (V, d, N): V table rows of d entries, N lookups."""

import numpy as np
import pytest

from snippets.checks.layers.embedding import (
    WRONG_BACKWARD,
    check_embedding_backward,
    check_embedding_forward,
    columns_looked_up,
    embedding_inputs,
    one_hot,
)
from snippets.layers.embedding import embedding_backward, embedding_forward

#: N > V (repeats certain), N = V, N < V, a single lookup.
SHAPES = [(5, 3, 8), (4, 4, 4), (7, 2, 3), (3, 5, 1)]


@pytest.fixture(params=SHAPES, ids=lambda s: "x".join(map(str, s)))
def emb_shape(request):
    return request.param


def test_checks_pass(seed, emb_shape):
    assert check_embedding_forward(seed, emb_shape)
    assert all(check_embedding_backward(seed, emb_shape))


@pytest.mark.parametrize("shape", [(6, 3, 4), (4, 4, 4), (9, 2, 1)])
def test_checks_pass_with_distinct_indices(seed, shape):
    assert all(check_embedding_backward(seed, shape, repeats=False))


WRONG = WRONG_BACKWARD


@pytest.mark.parametrize("name", WRONG)
@pytest.mark.parametrize("shape", [(5, 3, 8), (4, 4, 4), (7, 2, 3)])
def test_wrong_backward_rejected_with_repeats(name, shape, seed):
    finite_differences, against_OT_G = check_embedding_backward(seed, shape, backward=WRONG[name])
    assert not finite_differences
    assert not against_OT_G


@pytest.mark.parametrize("name", ["dE[idx] += dY", "dE[idx] = dY", "repeated rows averaged"])
def test_scatter_mistakes_hide_without_repeats(name, seed):
    # Why the check must use repeated indices: with distinct ones these mistakes are right.
    assert all(check_embedding_backward(seed, (6, 3, 4), repeats=False, backward=WRONG[name]))


def test_wrong_forward_rejected(seed):
    assert not check_embedding_forward(seed, (4, 4, 4), forward=columns_looked_up)


def test_indices_of_any_shape(seed):
    V, d = 5, 3
    rng = np.random.default_rng(seed)
    E, idx = rng.standard_normal((V, d)), rng.integers(0, V, (2, 4))
    dY = rng.standard_normal((2, 4, d))
    assert embedding_forward(E, idx).shape == (2, 4, d)
    dE = embedding_backward(dY, idx, V)
    O = one_hot(idx.reshape(-1), V)  # noqa: E741
    assert np.allclose(dE, O.T @ dY.reshape(-1, d), rtol=1e-14, atol=1e-15)


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (
            lambda E, idx, G: embedding_forward(E, idx.astype(float)),
            TypeError,
            "idx must be an integer",
        ),
        (lambda E, idx, G: embedding_forward(E, idx > 1), TypeError, "idx must be an integer"),
        (lambda E, idx, G: embedding_forward(E, idx - 1 - idx.max()), IndexError, r"\[0, 5\)"),
        (lambda E, idx, G: embedding_forward(E, idx + 5), IndexError, r"\[0, 5\)"),
        (lambda E, idx, G: embedding_forward(E.astype(int), idx), TypeError, "E must be a float"),
        (lambda E, idx, G: embedding_forward(E[0], idx), TypeError, r"shape \(V, d\)"),
        (lambda E, idx, G: embedding_backward(G[:3], idx, 5), ValueError, "dY must have shape"),
        (lambda E, idx, G: embedding_backward(G, idx, 2), IndexError, r"\[0, 2\)"),
        (lambda E, idx, G: embedding_backward(G.astype(int), idx, 5), TypeError, "dY must be"),
    ],
)
def test_bad_input_is_refused(call, error, match):
    E, idx, G = embedding_inputs(0, (5, 3, 8))
    with pytest.raises(error, match=match):
        call(E, idx, G)
