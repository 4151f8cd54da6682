"""Adjoint (dot-product) tests of every backward pass: ⟨v, J u⟩ = ⟨Jᵀ v, u⟩.

Every backward pass of the site passes over several seeds; wrong backward passes (a transpose
on square inputs, a bias not summed, a missing term) are rejected.
"""

from dataclasses import replace

import numpy as np
import pytest

from snippets.checks.proofs import BACKWARD_PASSES, LAYER_PASSES, _draw, check_adjoint
from snippets.exact.adjoint import adjoint_test, forward_derivative, inner
from snippets.layers import linear, normalization, softmax

ALL = [*BACKWARD_PASSES, *LAYER_PASSES]
BY_NAME = {bp.name: bp for bp in ALL}


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_every_backward_pass_is_the_adjoint_of_its_forward_derivative(seed):
    results = check_adjoint(seed, ALL)
    assert all(results), [str(r) for r in results if not r]


def test_polynomial_passes_are_exact_and_the_others_say_how():
    results = {bp.name: adjoint_test(bp) for bp in ALL}
    assert results["matmul"].max_rel_error == 0.0
    assert "fractions" in results["matmul"].method
    assert results["two-layer net"].method.startswith("complex step")
    assert results["layer norm"].method.startswith("central differences")


SQUARE = {
    "matmul": _draw(W=(3, 3), X=(3, 3)),
    "linear layer (D = WX + b1ᵀ)": _draw(W=(3, 3), X=(3, 3), b=(3,)),
    "linear, weights (out, in)": _draw(X=(4, 4), W=(4, 4), b=(4,)),
}

WRONG = {
    "matmul": lambda v, W, X: {"W": v @ X, "X": W.T @ v},  # transpose forgotten
    "linear layer (D = WX + b1ᵀ)": lambda v, W, X, b: {
        "W": v @ X.T, "X": W.T @ v, "b": v[:, 0]},  # bias not summed over the samples
    "linear, weights (out, in)": lambda v, X, W, b: {
        "X": v @ W, "W": X.T @ v, "b": v.sum(axis=0)},  # dW transposed
    "two-layer net": lambda v, W1, b1, W2, b2, X: {
        "W2": v @ np.tanh(W1 @ X + b1[:, None]).T, "b2": v.sum(axis=1), "X": 0 * X,
        "W1": 0 * W1, "b1": 0 * b1},  # the first layer forgotten
    "softmax": lambda v, Z: {"Z": softmax.softmax(Z) * v},  # the ⟨g, p⟩ term missing
    "layer norm": lambda v, X, gamma, beta: {
        "X": (v * gamma) / np.sqrt(X.var(axis=1, keepdims=True) + 1e-5),  # mean/var terms
        "gamma": normalization.layernorm_backward(v, X, gamma)[1], "beta": v.sum(axis=0)},
    "cross-entropy": lambda v, Z, T: {"Z": v * (softmax.softmax(Z) - T)},  # 1/N missing
}  # fmt: skip


@pytest.mark.parametrize("name", WRONG)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_wrong_backward_passes_are_rejected(name, seed):
    bp = BY_NAME[name]
    if name in SQUARE:
        bp = replace(bp, sample=SQUARE[name])
    result = adjoint_test(bp, seed, backward=WRONG[name])
    assert not result, str(result)


def test_right_backward_pass_passes_on_square_inputs_too():
    bp = replace(BY_NAME["linear, weights (out, in)"], sample=SQUARE["linear, weights (out, in)"])
    right = lambda v, X, W, b: dict(zip("XWb", linear.linear_backward(v, X, W), strict=True))  # noqa: E731
    assert adjoint_test(bp, 0, backward=right)


def test_inner_product_refuses_mismatched_shapes():
    with pytest.raises(ValueError, match="equal shapes"):
        inner(np.ones((2, 3)), np.ones((3, 2)))


def test_forward_derivative_falls_back_when_complex_input_is_refused():
    bp = BY_NAME["tanh"]
    x = {"x": np.array([[0.5, -1.0]])}
    u = {"x": np.array([[1.0, 2.0]])}
    Ju, method = forward_derivative(bp, x, u)
    assert method == "central differences along u"
    assert np.allclose(Ju, (1 - np.tanh(x["x"]) ** 2) * u["x"], rtol=1e-9)
    net = BY_NAME["two-layer net"]
    inputs = net.sample(np.random.default_rng(0))
    directions = {k: np.ones_like(v) for k, v in inputs.items()}
    assert forward_derivative(net, inputs, directions)[1] == "complex step"
