"""Checks of the linear layer (snippets/layers/linear.py) in its three layouts.

shape = (m, q, n): m outputs, q inputs, n samples, as in the site's D = W X. Each check
builds its inputs from a seed and takes the formula under test as a keyword argument, so
tests can hand it a wrong formula and see it rejected. The losses φ the gradients are
checked against are written here from the formulas, with the bias spread over the samples
by an explicit outer product with a ones vector, not by numpy broadcasting.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.gradcheck import check_gradient, compare, expect_pass, expect_reject
from snippets.layers.linear import (
    linear_backward,
    linear_columns_backward,
    linear_columns_forward,
    linear_forward,
    linear_rows_backward,
    linear_rows_forward,
    mean_squared_error,
)
from snippets.linear_layer import linear_backward as part1_backward
from snippets.linear_layer import linear_forward as part1_forward


def layer_inputs(seed=0, shape=(3, 4, 5)):
    """Samples as rows: X (n, q), W (m, q) stored (out, in), b (m,), upstream G = ∂φ/∂Y (n, m)."""
    m, q, n = shape
    rng = np.random.default_rng(seed)
    X, W = rng.standard_normal((n, q)), rng.standard_normal((m, q))
    return X, W, rng.standard_normal(m), rng.standard_normal((n, m))


# --8<-- [end:setup]


# --8<-- [start:check_linear_forward]
def check_linear_forward(seed=0, shape=(3, 4, 5), forward=linear_forward, claim="Y = X @ W.T + b"):
    """Y = X Wᵀ + 1 bᵀ, (N, m): the broadcast `X @ W.T + b` against the outer product 1 bᵀ."""
    X, W, b, _ = layer_inputs(seed, shape)
    ones = np.ones(X.shape[0])
    return compare(forward(X, W, b), X @ W.T + np.outer(ones, b), label=claim)


# --8<-- [end:check_linear_forward]


# --8<-- [start:check_linear_backward]
BACKWARD_CLAIMS = {"dX": "dX = dY @ W", "dW": "dW = dY.T @ X", "db": "db = dY.sum(axis=0)"}


def check_linear_backward(seed=0, shape=(3, 4, 5), backward=linear_backward, claims=None):
    """φ = G : (X Wᵀ + 1 bᵀ) has ∂φ/∂Y = G. Finite differences of φ against the claimed
    dX = G W, dW = Gᵀ X, db = Gᵀ 1; and dW against the index form Σ_i G_iu X_iv (einsum).
    `claims` renames what is checked in the printed result, e.g. {"dW": "dW = X.T @ dY"}."""
    X, W, b, G = layer_inputs(seed, shape)
    ones = np.ones(X.shape[0])
    label = {**BACKWARD_CLAIMS, **(claims or {})}

    def phi(X, W, b):
        return np.sum(G * (X @ W.T + np.outer(ones, b)))

    dX, dW, db = backward(G, X, W)
    return [
        check_gradient(lambda X: phi(X, W, b), dX, X, label=label["dX"]),
        check_gradient(lambda W: phi(X, W, b), dW, W, label=label["dW"]),
        check_gradient(lambda b: phi(X, W, b), db, b, label=label["db"]),
        compare(
            dW, np.einsum("iu,iv->uv", G, X), label=label["dW"] + " against Σ_i dY[i, u] X[i, v]"
        ),
    ]


# --8<-- [end:check_linear_backward]


# --8<-- [start:check_linear_rows]
def check_linear_rows(
    seed=0, shape=(3, 4, 5), forward=linear_rows_forward, backward=linear_rows_backward, claims=None
):
    """Weights stored (in, out): Y = X W + 1 bᵀ with W (q, m). The forward pass against the
    formula, and dX = G Wᵀ, dW = Xᵀ G, db = Gᵀ 1 against finite differences of G : Y.
    `claims` renames what is checked (keys Y, dX, dW, db) in the printed result."""
    label = {"Y": "Y = X @ W + b", "dX": "dX = dY @ W.T", "dW": "dW = X.T @ dY"}
    label = {**label, "db": "db = dY.sum(axis=0)", **(claims or {})}
    X, Wt, b, G = layer_inputs(seed, shape)
    W = Wt.T.copy()  # (q, m)
    ones = np.ones(X.shape[0])

    def phi(X, W, b):
        return np.sum(G * (X @ W + np.outer(ones, b)))

    dX, dW, db = backward(G, X, W)
    return [
        compare(forward(X, W, b), X @ W + np.outer(ones, b), label=label["Y"]),
        check_gradient(lambda X: phi(X, W, b), dX, X, label=label["dX"]),
        check_gradient(lambda W: phi(X, W, b), dW, W, label=label["dW"]),
        check_gradient(lambda b: phi(X, W, b), db, b, label=label["db"]),
    ]


# --8<-- [end:check_linear_rows]


# --8<-- [start:check_linear_columns]
def check_linear_columns(
    seed=0,
    shape=(3, 4, 5),
    forward=linear_columns_forward,
    backward=linear_columns_backward,
    claims=None,
):
    """Samples as columns: D = W X + b 1ᵀ with X (q, n), built here by transposing the rows
    layout. Its forward and backward passes against those of snippets/linear_layer.py, which
    the math-to-code page checks against finite differences. `claims` renames what is
    checked (keys D, dX, dW, db) in the printed result."""
    label = {"D": "D = (X.T @ W.T + b).T", "dX": "dX = W.T @ dD", "dW": "dW = dD @ X.T"}
    label = {**label, "db": "db = dD.sum(axis=1)", **(claims or {})}
    Xr, W, b, Gr = layer_inputs(seed, shape)
    X, G = Xr.T.copy(), Gr.T.copy()  # (q, n) and (m, n): one sample per column
    D_part1, cache = part1_forward(W, X, b)
    dW_part1, dX_part1, db_part1 = part1_backward(G, cache)
    dX, dW, db = backward(G, W, X)
    return [
        compare(forward(W, X, b), D_part1, label=label["D"]),
        compare(dX, dX_part1, label=label["dX"]),
        compare(dW, dW_part1, label=label["dW"]),
        compare(db, db_part1, label=label["db"]),
    ]


# --8<-- [end:check_linear_columns]


# --8<-- [start:check_linear_leading_axes]
def check_linear_leading_axes(seed=0, shape=(3, 4, 5), batch=2, backward=linear_backward):
    """X of shape (batch, n, q), as a batch of sequences: every row is a sample, and dW, db
    sum over all batch·n of them. Finite differences of φ = G : (X Wᵀ + 1 bᵀ)."""
    m, q, n = shape
    rng = np.random.default_rng([seed, 7])
    X, W = rng.standard_normal((batch, n, q)), rng.standard_normal((m, q))
    b, G = rng.standard_normal(m), rng.standard_normal((batch, n, m))

    def phi(X, W, b):
        return np.sum(G * (np.einsum("tnk,jk->tnj", X, W) + b))

    dX, dW, db = backward(G, X, W)
    return [
        check_gradient(lambda X: phi(X, W, b), dX, X, label="dX = dY @ W, X of shape (B, N, q)"),
        check_gradient(lambda W: phi(X, W, b), dW, W, label="dW = dY.T @ X summed over B and N"),
        check_gradient(lambda b: phi(X, W, b), db, b, label="db = dY summed over B and N"),
    ]


# --8<-- [end:check_linear_leading_axes]


# --8<-- [start:check_mean_loss]
def check_mean_loss(
    seed=0, shape=(3, 4, 5), loss=mean_squared_error, backward=linear_backward, context=""
):
    """A linear layer under the mean loss φ = ‖X Wᵀ + 1 bᵀ − T‖²_F / (2n): the loss value,
    and the gradients the loss and the layer return together, against finite differences of
    φ written from the formula. `context` is appended to each label."""
    X, W, b, _ = layer_inputs(seed, shape)
    T = np.random.default_rng([seed, 5]).standard_normal((X.shape[0], W.shape[0]))
    ones = np.ones(X.shape[0])

    def phi(X, W, b):
        return np.sum((X @ W.T + np.outer(ones, b) - T) ** 2) / (2 * X.shape[0])

    value, dY = loss(X @ W.T + np.outer(ones, b), T)
    dX, dW, db = backward(dY, X, W)
    return [
        compare(value, phi(X, W, b), label="φ = ‖Y − T‖² / (2N)" + context),
        check_gradient(lambda X: phi(X, W, b), dX, X, label="dX, mean loss" + context),
        check_gradient(lambda W: phi(X, W, b), dW, W, label="dW, mean loss" + context),
        check_gradient(lambda b: phi(X, W, b), db, b, label="db, mean loss" + context),
    ]


# --8<-- [end:check_mean_loss]


# --8<-- [start:wrong_passes]
def replace(backward, position, wrong):
    """backward with its output number `position` (0 dX, 1 dW, 2 db) replaced by wrong(...)."""

    def changed(*args):
        out = list(backward(*args))
        out[position] = wrong(*args)
        return tuple(out)

    return changed


# (out, in) weights, samples as rows: dX = dY W, dW = dYᵀ X, db = dYᵀ 1.
WRONG = {
    "dX = dY @ W.T": (0, lambda dY, X, W: dY @ W.T),
    "dX wrong sign": (0, lambda dY, X, W: -dY @ W),
    "dW = X.T @ dY, the (in, out) formula": (1, lambda dY, X, W: X.T @ dY),
    "dW transposed": (1, lambda dY, X, W: (dY.T @ X).T),
    "dW wrong sign": (1, lambda dY, X, W: -dY.T @ X),
    "db not summed: one sample": (2, lambda dY, X, W: dY[0]),
    "db averaged": (2, lambda dY, X, W: dY.mean(axis=0)),
    "db summed over features": (2, lambda dY, X, W: dY.sum(axis=1)),
}

# (in, out) weights: dX = dY Wᵀ, dW = Xᵀ dY.
WRONG_ROWS = {
    "dX = dY @ W": (0, lambda dY, X, W: dY @ W),
    "dW = dY.T @ X, the (out, in) formula": (1, lambda dY, X, W: dY.T @ X),
    "db one sample": (2, lambda dY, X, W: dY[0]),
}

# Samples as columns: dX = Wᵀ dD, dW = dD Xᵀ, db = dD 1 (arguments (dD, W, X)).
WRONG_COLUMNS = {
    "dX = W @ dD": (0, lambda dD, W, X: W @ dD),
    "dW = dD @ X, X not transposed": (1, lambda dD, W, X: dD @ X),
    "dW transposed": (1, lambda dD, W, X: (dD @ X.T).T),
    "db summed over outputs": (2, lambda dD, W, X: dD.sum(axis=0)),
}

WRONG_FORWARD = {  # the bias along the wrong axis; runs when N = m
    "Y = X @ W.T + b[:, None]": lambda X, W, b: X @ W.T + b[:, None],
    "Y = X @ W + b, (in, out) on (out, in) weights": lambda X, W, b: X @ W + b,
}


# --8<-- [end:wrong_passes]
