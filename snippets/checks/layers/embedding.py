"""Checks of the embedding lookup and its scatter-add backward pass
(snippets/layers/embedding.py).

shape = (V, d, N): a table E of V rows of d entries, N lookups. Each check builds its inputs
from a seed and takes the formula under test as a keyword argument, so tests can hand it a
wrong formula and see it rejected. The reference is the lookup written as a product with a
one-hot matrix, Y = R E.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.gradcheck import check_gradient, compare, expect_pass, expect_reject
from snippets.layers.embedding import embedding_backward, embedding_forward


def embedding_inputs(seed=0, shape=(5, 3, 8), repeats=True):
    """E (V, d), indices idx (N,) and upstream G = ∂φ/∂Y (N, d). With repeats=True idx uses
    some row at least twice (idx[-1] = idx[0]); with repeats=False all N indices differ."""
    V, d, N = shape
    rng = np.random.default_rng(seed)
    E, G = rng.standard_normal((V, d)), rng.standard_normal((N, d))
    if repeats:
        idx = rng.integers(0, V, N)
        idx[-1] = idx[0]
    else:
        idx = rng.permutation(V)[:N]  # needs N ≤ V
    return E, idx, G


def one_hot(idx, V):
    """R (N, V) with R[i, j] = 1 if idx[i] = j, else 0: the lookup E[idx] is R E."""
    return (idx[:, None] == np.arange(V)[None, :]).astype(float)


# --8<-- [end:setup]


# --8<-- [start:check_embedding_forward]
def check_embedding_forward(seed=0, shape=(5, 3, 8), forward=embedding_forward, claim=None):
    """Y = E[idx] against the product R E with the one-hot matrix R (N, V)."""
    E, idx, _ = embedding_inputs(seed, shape)
    label = claim or "Y = E[idx] = R E"
    return compare(forward(E, idx), one_hot(idx, E.shape[0]) @ E, label=label)


# --8<-- [end:check_embedding_forward]


# --8<-- [start:check_embedding_backward]
def check_embedding_backward(
    seed=0,
    shape=(5, 3, 8),
    repeats=True,
    backward=embedding_backward,
    claim="np.add.at(dE, idx, dY)",
):
    """dE (V, d) against finite differences of φ(E) = G : (R E), and against Rᵀ G.
    `claim` names the formula under test in the printed result."""
    E, idx, G = embedding_inputs(seed, shape, repeats)
    R = one_hot(idx, E.shape[0])  # the one-hot matrix of the page
    dE = backward(G, idx, E.shape[0])
    which = "with repeated indices" if repeats else "all indices distinct"
    return [
        check_gradient(lambda E: np.sum(G * (R @ E)), dE, E, label=f"{claim}, {which}"),
        compare(dE, R.T @ G, label=f"{claim} against R.T @ dY, {which}"),
    ]


# --8<-- [end:check_embedding_backward]


# --8<-- [start:wrong_backward]
def buffered(dY, idx, V):
    dE = np.zeros((V, dY.shape[-1]))
    dE[idx] += dY  # one write survives per repeated index
    return dE


def assigned(dY, idx, V):
    dE = np.zeros((V, dY.shape[-1]))
    dE[idx] = dY  # assigns: the last write wins
    return dE


def averaged(dY, idx, V):
    counts = np.bincount(idx, minlength=V)
    return embedding_backward(dY, idx, V) / np.maximum(counts, 1)[:, None]


WRONG_BACKWARD = {
    "dE[idx] += dY": buffered,
    "dE[idx] = dY": assigned,
    "repeated rows averaged": averaged,
    "np.add.at with a wrong sign": lambda dY, idx, V: -embedding_backward(dY, idx, V),
}


def columns_looked_up(E, idx):
    return E.T[idx]  # runs when the table is square, V = d


# --8<-- [end:wrong_backward]
