"""Checks of scaled dot-product attention (snippets/layers/attention.py).

Each check builds its inputs from a seed and takes the formula under test as a
keyword argument, so tests can hand it a wrong formula and see it rejected. The
attention the gradients are checked against is written out here with einsum,
independently of the snippet.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.gradcheck import (
    GradientCheckError,
    check_gradient,
    check_jacobian,
    compare,
    expect_pass,
    expect_reject,
)
from snippets.layers.attention import (
    attention_backward,
    attention_forward,
    softmax_rows,
    softmax_rows_backward,
)


def shifted_causal_mask(n, m):
    """M (n, m): 0 where key j ≤ i + max(m − n, 0), −inf after. With m ≥ n, query i sees the
    keys up to its own position when the n queries are the last n of m positions; with m = n
    it is the causal mask."""
    i, j = np.arange(n)[:, None], np.arange(m)[None, :]
    return np.where(j <= i + max(m - n, 0), 0.0, -np.inf)


def attention_inputs(seed: int = 0, shape=(4, 6, 3, 5), mask="causal"):
    """Q (n, h), K (m, h), V (m, v), a mask M (n, m) and a random upstream gradient G (n, v),
    for shape = (n, m, h, v). mask="causal": shifted_causal_mask; "bias": finite random
    entries, so every score is shifted; "none": zeros."""
    n, m, h, v = shape
    rng = np.random.default_rng(seed)
    Q, K, V = (rng.standard_normal(s) for s in [(n, h), (m, h), (m, v)])
    G = rng.standard_normal((n, v))
    M = {
        "causal": shifted_causal_mask(n, m),
        "bias": rng.standard_normal((n, m)),
        "none": np.zeros((n, m)),
    }[mask]
    return Q, K, V, M, G


def attention_by_index(Q, K, V, M):
    """O_il = Σ_j P_ij V_jl, P_ij = exp(S_ij) / Σ_k exp(S_ik), S_ij = Σ_c Q_ic K_jc / √h + M_ij."""
    S = np.einsum("ic,jc->ij", Q, K) / np.sqrt(Q.shape[1]) + M
    E = np.exp(S)  # exp(−inf) = 0: a masked key gets no weight
    return np.einsum("ij,jl->il", E / E.sum(axis=1, keepdims=True), V)


# --8<-- [end:setup]


# --8<-- [start:check_softmax_backward]
def check_softmax_backward(seed=0, shape=(4, 6), backward=softmax_rows_backward, context=""):
    """For S (n, m) and P = softmax_rows(S): (1) the Jacobian of one row's softmax is
    diag(y) − y yᵀ (y a row of P), against central differences; (2) the claimed
    dS = backward(dP, P) equals that Jacobian applied to each row of dP; (3) dS against
    central differences of φ(S) = dP : softmax_rows(S), for a random dP."""
    n, m = shape
    rng = np.random.default_rng([seed, 7])
    S, dP = rng.standard_normal((n, m)), rng.standard_normal((n, m))
    P = softmax_rows(S)
    y = P[0]
    jacobian = np.diag(y) - np.outer(y, y)  # ∂y/∂z for one row z of S, symmetric
    by_jacobian = np.stack([(np.diag(P[i]) - np.outer(P[i], P[i])).T @ dP[i] for i in range(n)])
    dS = backward(dP, P)
    return [
        check_jacobian(softmax_rows, jacobian, S[:1], label="∂y/∂z = diag(y) − y yᵀ, one row"),
        compare(
            dS, by_jacobian, label="dS = P ∘ (dP − rowsum(dP ∘ P)) = Jᵀ ȳ, row by row" + context
        ),
        check_gradient(lambda S: np.sum(dP * softmax_rows(S)), dS, S, label="dS" + context),
    ]


# --8<-- [end:check_softmax_backward]


# --8<-- [start:check_attention_forward]
def check_attention_forward(seed=0, shape=(4, 6, 3, 5), forward=attention_forward, mask="causal"):
    """The forward pass must equal softmax(Q Kᵀ / √h + M) V written with indices."""
    Q, K, V, M, _ = attention_inputs(seed, shape, mask)
    return compare(forward(Q, K, V, M), attention_by_index(Q, K, V, M), label="O = P V")


# --8<-- [end:check_attention_forward]


# --8<-- [start:check_attention_backward]
def check_attention_backward(
    seed=0, shape=(4, 6, 3, 5), backward=attention_backward, mask="causal", context=""
):
    """φ = G : attention(Q, K, V, M) for a random G: dQ, dK and dV against central
    differences. `context` is appended to the labels, to say what was changed."""
    Q, K, V, M, G = attention_inputs(seed, shape, mask)
    dQ, dK, dV = backward(G, Q, K, V, M)

    def phi(Q, K, V):
        return np.sum(G * attention_by_index(Q, K, V, M))

    return [
        check_gradient(lambda Q: phi(Q, K, V), dQ, Q, label="dQ" + context),
        check_gradient(lambda K: phi(Q, K, V), dK, K, label="dK" + context),
        check_gradient(lambda V: phi(Q, K, V), dV, V, label="dV" + context),
    ]


# --8<-- [end:check_attention_backward]


# --8<-- [start:wrong_passes]
WRONG_SOFTMAX = {
    "column-wise": lambda dP, P: P * (dP - np.sum(dP * P, axis=0, keepdims=True)),
    "no row-sum term": lambda dP, P: P * dP,
    "Jacobian skipped": lambda dP, P: dP,
    "row sum of dP, not dP ∘ P": lambda dP, P: P * (dP - dP.sum(axis=1, keepdims=True)),
}


def backward_with(softmax_axis=1, scale="1/sqrt(h)", mask=True, dK="dS.T Q", dQ="dS K", dV="P.T G"):
    """The attention backward pass with one part replaced."""

    def backward(dO, Q, K, V, M):
        h = Q.shape[1]
        c = {"1/sqrt(h)": 1 / np.sqrt(h), "1": 1.0, "1/h": 1 / h}[scale]
        P = softmax_rows(Q @ K.T / np.sqrt(h) + (M if mask else 0.0))
        dP = dO @ V.T
        dS = P * (dP - np.sum(dP * P, axis=softmax_axis, keepdims=True))
        grads = {
            "dS K": lambda: dS @ K,
            "dS.T K": lambda: dS.T @ K,
            "dS.T Q": lambda: dS.T @ Q,
            "dS Q": lambda: dS @ Q,
            "(dS.T Q).T": lambda: (dS.T @ Q).T,
            "P.T G": lambda: P.T @ dO,
            "P G": lambda: P @ dO,
            "(P.T G).T": lambda: (P.T @ dO).T,
        }
        return grads[dQ]() * c, grads[dK]() * c, grads[dV]()  # only these are computed

    return backward


MASKS = ["causal", "bias", "none"]

#: (replacement, indices of the gradients it must make wrong: 0 dQ, 1 dK, 2 dV, masks it needs)
WRONG = {
    "softmax Jacobian column-wise": ({"softmax_axis": 0}, [0, 1], MASKS),
    "scale 1/√r missing in the backward pass": ({"scale": "1"}, [0, 1], MASKS),
    "scale 1/r instead of 1/√r": ({"scale": "1/h"}, [0, 1], MASKS),
    "mask not applied in the backward pass": ({"mask": False}, [0, 1, 2], ["causal", "bias"]),
}

#: On a square shape, where the wrong formulas have the right shapes: (replacement, index)
WRONG_SQUARE = {
    "dK = dS Q, not dSᵀ Q": ({"dK": "dS Q"}, 1),
    "dK transposed": ({"dK": "(dS.T Q).T"}, 1),
    "dQ = dSᵀ K": ({"dQ": "dS.T K"}, 0),
    "dV = P G": ({"dV": "P G"}, 2),
    "dV transposed": ({"dV": "(P.T G).T"}, 2),
}


# --8<-- [end:wrong_passes]
