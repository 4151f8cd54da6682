"""Checks of the pre-norm transformer block (snippets/layers/transformer_block.py).

The block the gradients are checked against is written out here from the formulas,
with einsum, without any of the layer modules, so a mistake shared by a layer's forward
and backward pass cannot hide. Each check takes the backward pass as a keyword
argument, so tests can hand it a wrong one and see it rejected.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.gradcheck import check_gradient, compare, expect_pass, expect_reject
from snippets.layers.transformer_block import (
    PARAMETER_SHAPES,
    attention_backward,
    block_backward,
    block_forward,
    gelu,
    gelu_backward,
    layernorm_backward,
    linear_backward,
)


def block_inputs(seed: int = 0, shape=(5, 6, 4, 7)):
    """Parameters, input X (N, q) and a random upstream gradient G (N, q), for
    shape = (N, q, r, w): tokens, model width, head width, MLP width. Weights are scaled by
    1/√fan-in and gains drawn around 1, so that no part of the block is flat or saturated."""
    N, q, r, w = shape
    sizes = {"q": q, "r": r, "w": w}
    rng = np.random.default_rng(seed)
    params = {}
    for name, dims in PARAMETER_SHAPES.items():
        size = tuple(sizes[d] for d in dims)
        if name.startswith("gamma"):
            params[name] = rng.uniform(0.5, 1.5, size)
        elif name.startswith("W"):
            params[name] = rng.standard_normal(size) / np.sqrt(size[1])
        else:
            params[name] = 0.5 * rng.standard_normal(size)
    return params, rng.standard_normal((N, q)), rng.standard_normal((N, q))


def block_by_formula(
    X, gamma1, beta1, WQ, bQ, WK, bK, WV, bV, WO, bO, gamma2, beta2, W1, b1, W2, b2
):
    """Y from the formulas, with indices: t, u tokens; i, j features; c head; e MLP unit."""

    def layer_norm(X, gamma, beta):
        Xc = X - np.einsum("ti->t", X)[:, None] / X.shape[1]
        var = np.einsum("ti,ti->t", Xc, Xc) / X.shape[1]
        return Xc / np.sqrt(var + 1e-5)[:, None] * gamma[None, :] + beta[None, :]

    N, r = X.shape[0], WQ.shape[0]
    X1 = layer_norm(X, gamma1, beta1)
    Q, K, V = (np.einsum("ti,ci->tc", X1, W) + b for W, b in ((WQ, bQ), (WK, bK), (WV, bV)))
    S = np.einsum("tc,uc->tu", Q, K) / np.sqrt(r)
    E = np.exp(S) * np.tri(N)  # causal: token t attends to tokens u ≤ t
    attn = np.einsum("tu,uc->tc", E / np.einsum("tu->t", E)[:, None], V)
    Y1 = X + np.einsum("tc,ic->ti", attn, WO) + bO
    X3 = np.einsum("ti,ei->te", layer_norm(Y1, gamma2, beta2), W1) + b1
    gelu_X3 = 0.5 * X3 * (1 + np.tanh(np.sqrt(2 / np.pi) * (X3 + 0.044715 * X3**3)))
    return Y1 + np.einsum("te,ie->ti", gelu_X3, W2) + b2


# --8<-- [end:setup]


# --8<-- [start:check_block_forward]
def check_block_forward(seed=0, shape=(5, 6, 4, 7), forward=block_forward):
    """The block's forward pass, assembled from the layer modules, against the formulas."""
    params, X, _ = block_inputs(seed, shape)
    Y, _ = forward(params, X)
    return compare(Y, block_by_formula(X, **params), label="Y, block_forward = formulas")


# --8<-- [end:check_block_forward]


# --8<-- [start:check_block_backward]
def check_block_backward(seed=0, shape=(5, 6, 4, 7), backward=block_backward, context=""):
    """φ = G : block(X) for a random G: the gradient of X and of each of the 16 parameters
    against the complex-step derivative of block_by_formula, which is accurate to rounding
    even where a row of X or Z has a small spread and layer norm curves sharply (there, central
    differences lose digits). `context` is appended to the labels."""
    params, X, G = block_inputs(seed, shape)
    _, cache = block_forward(params, X)
    grads = backward(G, params, cache)
    point = {"X": X, **params}
    results = []
    for name, value in point.items():

        def phi(v, name=name):
            return np.sum(G * block_by_formula(**{**point, name: v}))

        label = f"d{name}{context}"
        results.append(check_gradient(phi, grads["d" + name], value, method="complex", label=label))
    return results


# --8<-- [end:check_block_backward]


# --8<-- [start:check_key_bias_has_no_effect]
def check_key_bias_has_no_effect(seed=0, shape=(5, 6, 4, 7), forward=block_forward):
    """Changing b_K adds q_t · Δb_K to every score of row t, a shift the softmax ignores: Y must
    not change (to rounding), so ∂φ/∂b_K = 0 for every loss."""
    params, X, _ = block_inputs(seed, shape)
    change = np.random.default_rng([seed, 3]).standard_normal(params["bK"].shape)
    moved = {**params, "bK": params["bK"] + change}
    return compare(forward(moved, X)[0], forward(params, X)[0], label="Y unchanged by b_K")


# --8<-- [end:check_key_bias_has_no_effect]


# --8<-- [start:wrong_passes]
#: The variables whose gradients check_block_backward returns, in its order.
NAMES = ["X", *PARAMETER_SHAPES]

CORRECT = {
    "residual2": True,
    "residual1": True,
    "dX1_sum": True,
    "attention": attention_backward,
    "layernorm": layernorm_backward,
    "gelu": gelu_backward,
    "weight": lambda dW: dW,
}


def backward_with(**wrong):
    """block_backward, step for step, with the steps named in `wrong` replaced."""
    part = {**CORRECT, **wrong}

    def backward(dY, P, c):
        g = {}
        dS, dW2, g["db2"] = linear_backward(dY, gelu(c["X3"]), P["W2"])
        g["dW2"] = part["weight"](dW2)
        dX3 = part["gelu"](dS, c["X3"])
        dX2, g["dW1"], g["db1"] = linear_backward(dX3, c["X2"], P["W1"])
        dY1_norm, g["dgamma2"], g["dbeta2"] = part["layernorm"](dX2, c["Y1"], P["gamma2"])
        dY1 = dY + dY1_norm if part["residual2"] else dY1_norm
        dO, g["dWO"], g["dbO"] = linear_backward(dY1, c["O"], P["WO"])
        dQ, dK, dV = part["attention"](dO, c["Q"], c["K"], c["V"], c["M"])
        dX1 = 0
        for name, d in (("Q", dQ), ("K", dK), ("V", dV)):
            dX1_part, g["dW" + name], g["db" + name] = linear_backward(d, c["X1"], P["W" + name])
            if part["dX1_sum"] or name == "Q":
                dX1 = dX1 + dX1_part
        dX_norm, g["dgamma1"], g["dbeta1"] = part["layernorm"](dX1, c["X"], P["gamma1"])
        g["dX"] = dY1 + dX_norm if part["residual1"] else dX_norm
        return g

    return backward


def attention_no_mask(dO, Q, K, V, M):
    return attention_backward(dO, Q, K, V, np.zeros_like(M))


def attention_no_scale(dO, Q, K, V, M):
    dQ, dK, dV = attention_backward(dO, Q, K, V, M)
    return dQ * np.sqrt(Q.shape[1]), dK * np.sqrt(Q.shape[1]), dV


def layernorm_constant_statistics(dX, X, gamma):
    _, dgamma, dbeta = layernorm_backward(dX, X, gamma)
    s = np.sqrt(X.var(axis=1, keepdims=True) + 1e-5)
    return dX * gamma / s, dgamma, dbeta


UPSTREAM_OF_Y1 = ["X", "gamma1", "beta1", "WQ", "bQ", "WK", "WV", "bV", "WO", "bO"]
#: Not b_V: rows of P sum to 1, so P (V + 1 b_Vᵀ) = P V + 1 b_Vᵀ, and ∂φ/∂b_V = dOᵀ 1 whatever P.
UPSTREAM_OF_ATTENTION = ["X", "gamma1", "beta1", "WQ", "bQ", "WK", "WV"]

#: (replacement, the gradients it must make wrong)
WRONG = {
    "second residual dropped": ({"residual2": False}, UPSTREAM_OF_Y1),
    "first residual dropped": ({"residual1": False}, ["X"]),
    "dX1 from the query map only": ({"dX1_sum": False}, ["X", "gamma1", "beta1"]),
    "mask missing in attention backward": ({"attention": attention_no_mask}, UPSTREAM_OF_ATTENTION),
    "1/√r missing in attention backward": (
        {"attention": attention_no_scale},
        ["X", "gamma1", "beta1", "WQ", "bQ", "WK"],
    ),
    "layer norm's μ and s constant": ({"layernorm": layernorm_constant_statistics}, UPSTREAM_OF_Y1),
    "GELU' left out": ({"gelu": lambda dS, X3: dS}, ["W1", "b1", "X"]),
    "GELU' at the output": (
        {"gelu": lambda dS, X3: gelu_backward(dS, gelu(X3))},
        ["W1", "b1", "X"],
    ),
}


# --8<-- [end:wrong_passes]
