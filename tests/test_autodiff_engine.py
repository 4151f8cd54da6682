"""The autodiff engine (snippets/autodiff/engine.py): the page's checks pass, broken engines
are rejected on the whole graphs, bad input is refused with a message naming the problem.

Cheap by design: each test loops over its cases and says which one failed; the training
runs once for the module.
"""

import numpy as np
import pytest

from snippets.autodiff import engine
from snippets.autodiff.engine import Tensor, topological_order
from snippets.checks.autodiff.engine import (
    broken_engine,
    check_operations,
    check_reuse_and_order,
    check_training,
    check_transformer_block,
    check_two_layer_net,
    depth_first_order,
    engine_net,
    mean_over_broadcast,
    no_sum_over_broadcast,
    overwrite,
    refusals,
    trained,
)
from snippets.checks.math_to_code import net_inputs
from snippets.gradcheck import expect_pass, expect_reject


@pytest.fixture(scope="module")
def runs():
    return trained()


def rejected(results) -> list[str]:
    return [r.label for r in results if not r.passed]


def test_every_operation_passes_at_two_seeds_and_shapes():
    for seed, shape in ((0, (3, 4, 5)), (1, (4, 4, 4))):
        expect_pass(*check_operations(seed, shape))


def test_whole_graphs_equal_the_hand_written_passes():
    expect_pass(*check_two_layer_net(seed=1))
    expect_pass(*check_transformer_block(seed=1))
    expect_pass(*check_transformer_block(seed=2, shape=(4, 4, 4, 4)))
    expect_pass(*check_reuse_and_order(seed=1))


def test_overwriting_engine_is_rejected_everywhere_a_tensor_is_reused():
    with broken_engine(accumulate=overwrite):
        reuse = check_reuse_and_order()
        net, block = check_two_layer_net(), check_transformer_block()
    assert rejected(reuse) == [r.label for r in reuse if "dB" not in r.label], reuse
    # R = Y − T is used twice in R ∘ R: every gradient below it is half what it should be
    assert len(rejected(net)) == 10, net
    assert {"dX", "dgamma1", "dWQ", "dWK", "dWV"} <= set(rejected(block)), block


def test_averaged_bias_gradient_is_rejected():
    with broken_engine(sum_over_broadcast=mean_over_broadcast):
        ops, net, block = check_operations(), check_two_layer_net(), check_transformer_block()
    assert rejected(ops) == [
        r.label for r in ops if r.label.startswith("A + b") and r.label.endswith("db")
    ]
    assert {"db1, shape (4, 6, 3, 5)", "db2, shape (4, 4, 4, 4)"} <= set(rejected(net)), net
    assert {"dbQ", "dbV", "dbO", "db1", "db2"} <= set(rejected(block)), block


def test_unsummed_bias_gradient_stops_with_a_shape_error():
    with broken_engine(sum_over_broadcast=no_sum_over_broadcast):
        params, X, T = net_inputs(0)
        phi, _ = engine_net(params, X, T)
        with pytest.raises(ValueError, match=r"add's backward gave a gradient of shape \(3, 5\)"):
            phi.backward()


def test_depth_first_visit_is_rejected_on_diamonds():
    with broken_engine(topological_order=depth_first_order):
        reuse, block = check_reuse_and_order(), check_transformer_block()
    assert rejected(reuse) == [reuse[2].label, reuse[3].label], reuse
    assert "dX" in rejected(block), block


def test_broken_engine_is_restored_even_after_an_error():
    with pytest.raises(RuntimeError), broken_engine(accumulate=overwrite):
        raise RuntimeError
    assert engine.accumulate is not overwrite
    expect_pass(*check_reuse_and_order())


def test_topological_order_lists_every_tensor_before_its_inputs():
    x = Tensor(np.random.default_rng(0).standard_normal((3, 4)))
    v = x
    for _ in range(5):
        v = v.tanh() + v * v.sigmoid()
    order = topological_order(v.sum())
    position = {id(t): k for k, t in enumerate(order)}
    assert len(position) == len(order), "a tensor listed twice"
    for t in order:
        for p in t.parents:
            assert position[id(p)] > position[id(t)], f"{p} listed before its user {t}"


def test_backward_twice_gives_the_same_gradients():
    params, X, T = net_inputs(0)
    phi, leaves = engine_net(params, X, T)
    phi.backward()
    first = {name: t.grad.copy() for name, t in leaves.items()}
    phi.backward()
    for name, t in leaves.items():
        assert np.array_equal(t.grad, first[name]), f"{name}: the second backward() differs"


def test_seed_scales_the_gradients():
    A = Tensor(np.random.default_rng(0).standard_normal((3, 4)))
    phi = (A * A).sum()
    phi.backward(seed=np.array(3.0))
    assert np.allclose(A.grad, 6.0 * A.data, rtol=1e-15, atol=0)


def test_refusals_name_the_problem():
    said = refusals()
    expected = {
        "backward() from a (3, 4) tensor, no seed": "needs seed=",
        "a seed of shape (4, 3) for a (3, 4) tensor": "seed must have the tensor's shape (3, 4)",
        "y (3,) - t (3, 1), which numpy makes (3, 3)": "cannot add shapes (3,) and (3, 1)",
        "A (4, 1) + B (1, 3), which numpy makes (4, 3)": "cannot add shapes (4, 1) and (1, 3)",
        "A (3, 4) + B (1, 3, 4)": "cannot add shapes (3, 4) and (1, 3, 4)",
        "Aᵀ (4, 3) @ b (3,), a vector": "matmul needs (a, k) @ (k, c) matrices",
        "integer data": "floating-point data; got dtype int64",
        "NaN in the data": "NaN",
        "an array added to a Tensor": "wrap arrays in Tensor",
    }
    assert set(said) == set(expected)
    for what, words in expected.items():
        assert words in said[what], f"{what}: {said[what]!r} does not say {words!r}"


def test_more_refusals():
    rng = np.random.default_rng(0)
    Z = Tensor(rng.standard_normal((4, 3)))
    cases = {
        "targets of another shape": (lambda: Z.cross_entropy(np.full((3, 4), 0.25)), "shape"),
        "targets not probabilities": (lambda: Z.cross_entropy(np.ones((4, 3))), "probability"),
        "log of a negative": (lambda: (Z * -1.0).exp().log() + (Z * 0.0).log(), "positive"),
        "entrywise product of two shapes": (lambda: Z * Tensor(np.ones((3, 4))), "entrywise"),
        "gamma of the wrong size": (
            lambda: Z.layer_norm(Tensor(np.ones(4)), Tensor(np.ones(4))),
            "gamma and beta (p,)",
        ),
        "transpose of a vector": (lambda: Tensor(np.ones(3)).T, "transposes a matrix"),
        "a seed with NaN": (lambda: Z.backward(np.full((4, 3), np.nan)), "no NaN"),
    }
    for what, (attempt, words) in cases.items():
        with pytest.raises((TypeError, ValueError)) as error:
            attempt()
        assert words in str(error.value), f"{what}: {error.value}"


def test_square_bias_goes_on_rows_as_in_numpy():
    """For a square A, a bias (m,) is added to every row, as numpy does; (m, 1) to columns."""
    rng = np.random.default_rng(0)
    A, b = rng.standard_normal((3, 3)), rng.standard_normal(3)
    assert np.array_equal((Tensor(A) + Tensor(b)).data, A + b[None, :])
    assert np.array_equal((Tensor(A) + Tensor(b.reshape(3, 1))).data, A + b[:, None])


def test_training_matches_and_the_loss_falls(runs):
    expect_pass(*check_training(runs))


def test_training_check_rejects_a_run_that_differs(runs):
    (params, losses), hand = runs["engine"], runs["by hand"]
    nudged = dict(params, W1=params["W1"] * (1 + 1e-10))
    results = check_training({"engine": (nudged, losses), "by hand": hand})
    assert rejected(results) == ["W1 after training"], results
    flat = {"engine": (params, np.full(300, losses[0])), "by hand": hand}
    assert "the loss falls" in rejected(check_training(flat))


def test_training_with_a_broken_engine_drifts_away():
    with broken_engine(accumulate=overwrite):
        results = check_training(trained(steps=20))
    expect_reject(*(r for r in results if "after training" in r.label))
