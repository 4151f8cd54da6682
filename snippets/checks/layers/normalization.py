"""Checks of layer norm and batch norm (snippets/layers/normalization.py).

Each check builds its inputs from a seed and takes the formula under test as a
keyword argument, so tests can hand it a wrong formula and see it rejected. The
normalisation the gradients are checked against is written out here with the
centering matrix C = I − 11ᵀ/k, independently of the snippet.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.gradcheck import check_gradient, compare, expect_pass, expect_reject
from snippets.layers.normalization import (
    batchnorm_backward,
    batchnorm_forward,
    layernorm_backward,
    layernorm_forward,
)

EPS = 1e-5


def norm_inputs(seed: int = 0, shape: tuple[int, int] = (4, 6)):
    """X (n, p) with rows and columns of different means and scales, gain γ (p,), shift β (p,)
    and a random upstream gradient G (n, p), for shape = (n, p)."""
    n, p = shape
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) * rng.uniform(0.5, 2.0, (n, 1)) + rng.standard_normal(p)
    gamma, beta = rng.uniform(0.5, 1.5, p), rng.standard_normal(p)
    return X, gamma, beta, rng.standard_normal((n, p))


def normalize_rows(X, eps=EPS):
    """Each row x of X: C x / √(‖C x‖² / p + ε), C = I − 11ᵀ/p, from the formula."""
    p = X.shape[1]
    C = np.eye(p) - np.ones((p, p)) / p
    Xc = X @ C  # C is symmetric: row i of X C is C x_i
    return Xc / np.sqrt(np.sum(Xc * Xc, axis=1, keepdims=True) / p + eps)


def layernorm_phi(X, gamma, beta, G):
    """φ = G : (X̂ diag(γ) + 1βᵀ), X̂ normalised by rows."""
    return np.sum(G * (normalize_rows(X) @ np.diag(gamma) + np.outer(np.ones(len(X)), beta)))


def batchnorm_phi(X, gamma, beta, G):
    """φ = G : (X̂ diag(γ) + 1βᵀ), X̂ normalised by columns: the rows of Xᵀ."""
    return np.sum(G * (normalize_rows(X.T).T @ np.diag(gamma) + np.outer(np.ones(len(X)), beta)))


def gradient_checks(phi, backward, X, gamma, beta, G, name):
    """dX, dγ and dβ from `backward` against central differences of phi."""
    dX, dgamma, dbeta = backward(G, X, gamma, EPS)
    return [
        check_gradient(lambda X: phi(X, gamma, beta, G), dX, X, label=f"dX, {name}"),
        check_gradient(lambda g: phi(X, g, beta, G), dgamma, gamma, label=f"dgamma, {name}"),
        check_gradient(lambda b: phi(X, gamma, b, G), dbeta, beta, label=f"dbeta, {name}"),
    ]


# --8<-- [end:setup]


# --8<-- [start:check_layernorm_forward]
def check_layernorm_forward(seed=0, shape=(4, 6), forward=layernorm_forward, context=""):
    """The forward pass must equal X̂ diag(γ) + 1βᵀ with each row x̂ = C x / σ."""
    X, gamma, beta, _ = norm_inputs(seed, shape)
    expected = normalize_rows(X) @ np.diag(gamma) + np.outer(np.ones(len(X)), beta)
    return compare(forward(X, gamma, beta, EPS), expected, label="layer norm forward" + context)


# --8<-- [end:check_layernorm_forward]


# --8<-- [start:check_layernorm_backward]
def check_layernorm_backward(seed=0, shape=(4, 6), backward=layernorm_backward, context=""):
    """φ = G : LN(X) for a random G: dX, dγ, dβ against central differences. `context` is
    appended to the labels, to say what was changed."""
    X, gamma, beta, G = norm_inputs(seed, shape)
    return gradient_checks(layernorm_phi, backward, X, gamma, beta, G, "layer norm" + context)


# --8<-- [end:check_layernorm_backward]


# --8<-- [start:check_batchnorm_forward]
def check_batchnorm_forward(seed=0, shape=(4, 6), forward=batchnorm_forward, context=""):
    """The forward pass must equal X̂ diag(γ) + 1βᵀ with each column of X̂ = C x / σ."""
    X, gamma, beta, _ = norm_inputs(seed, shape)
    expected = normalize_rows(X.T).T @ np.diag(gamma) + np.outer(np.ones(len(X)), beta)
    return compare(forward(X, gamma, beta, EPS), expected, label="batch norm forward" + context)


# --8<-- [end:check_batchnorm_forward]


# --8<-- [start:check_batchnorm_backward]
def check_batchnorm_backward(seed=0, shape=(4, 6), backward=batchnorm_backward, context=""):
    """φ = G : BN(X) for a random G: dX, dγ, dβ against central differences. `context` is
    appended to the labels, to say what was changed."""
    X, gamma, beta, G = norm_inputs(seed, shape)
    return gradient_checks(batchnorm_phi, backward, X, gamma, beta, G, "batch norm" + context)


# --8<-- [end:check_batchnorm_backward]


# --8<-- [start:wrong_passes]
def forward_with(axis, ddof=0):
    """The normalisation over `axis`, with the variance divided by (count − ddof)."""

    def forward(X, gamma, beta, eps):
        Xc = X - X.mean(axis=axis, keepdims=True)
        var = (Xc**2).sum(axis=axis, keepdims=True) / (X.shape[axis] - ddof)
        return Xc / np.sqrt(var + eps) * gamma + beta

    return forward


def backward_with(
    axis, mean_term=1.0, var_term=1.0, var_over_k=True, dgamma_from_X=False, dbeta_mean=False
):
    """The normalisation backward pass over `axis`, with parts scaled away or replaced."""

    def backward(dY, X, gamma, eps):
        Xc = X - X.mean(axis=axis, keepdims=True)
        sigma = np.sqrt((Xc**2).mean(axis=axis, keepdims=True) + eps)
        Xhat, dXhat = Xc / sigma, dY * gamma
        k = X.shape[axis]
        dX = (
            dXhat
            - mean_term * dXhat.mean(axis=axis, keepdims=True)
            - var_term
            * Xhat
            * (dXhat * Xhat).sum(axis=axis, keepdims=True)
            / (k if var_over_k else 1)
        ) / sigma
        dgamma = (dY * (X if dgamma_from_X else Xhat)).sum(axis=0)
        dbeta = dY.mean(axis=0) if dbeta_mean else dY.sum(axis=0)
        return dX, dgamma, dbeta

    return backward


#: (layer norm's changes, batch norm's changes) to the forward pass
WRONG_FORWARD = {
    "statistics over the wrong axis": ({"axis": 0}, {"axis": 1}),
    "variance over count - 1": ({"axis": 1, "ddof": 1}, {"axis": 0, "ddof": 1}),
}

#: (changes to the backward pass, index of the result it must make wrong: 0 dX, 1 dγ, 2 dβ)
WRONG_BACKWARD = {
    "mu and sigma constant": ({"mean_term": 0.0, "var_term": 0.0}, 0),
    "mean term dropped": ({"mean_term": 0.0}, 0),
    "variance term dropped": ({"var_term": 0.0}, 0),
    "variance term without 1/k": ({"var_over_k": False}, 0),
    "dgamma from X, not X hat": ({"dgamma_from_X": True}, 1),
    "dbeta a mean, not a sum": ({"dbeta_mean": True}, 2),
}


# --8<-- [end:wrong_passes]
