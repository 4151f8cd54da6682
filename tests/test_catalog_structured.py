"""The symmetric-variable family (snippets/catalog/structured.py), its checks and its own
mistakes. What every entry must pass and refuse, and its page, are tested in
tests/test_catalog_entries.py."""

import numpy as np
import pytest
from catalog_wrong import SIZES, mistakes, mutated

from snippets.catalog import structured
from snippets.catalog.registry import by_id
from snippets.catalog.structured import entrywise, sym, symmetric
from snippets.checks.catalog.structured import check_entrywise

#: The entries with a symmetric variable; the diagonal and Toeplitz ones are tested at the end.
ENTRIES = [e for e in structured.IDENTITIES if e.structure == "symmetric"]
IDS = [e.id for e in ENTRIES]
OTHER_STRUCTURES = [e for e in structured.IDENTITIES if e.structure != "symmetric"]


def close(a, b, rtol):
    """max|a − b| relative to the larger of max|a|, max|b|."""
    return np.max(np.abs(a - b)) / max(np.max(np.abs(a)), np.max(np.abs(b))) < rtol


def test_every_entry_is_within_a_structure():
    assert {e.structure for e in structured.IDENTITIES} == {
        "symmetric",
        "diagonal",
        "toeplitz",
        "symmetric toeplitz",
    }


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_independent_symmetric_directions_agree(entry):
    """For each symmetric direction E (E_ii, or E_ij + E_ji), df along E equals S : E, by a
    two-point difference written here; S is symmetric and has the variable's shape."""
    inputs = entry.sample(np.random.default_rng(7))
    X = inputs[entry.variable]
    S = entry.grad(**inputs)
    assert S.shape == X.shape
    assert close(S, S.T, rtol=1e-12)
    h = 1e-6
    for i, j in zip(*np.triu_indices(len(X)), strict=True):
        E = np.zeros_like(X)
        E[i, j] = E[j, i] = 1.0
        along = (
            entry.f(**{**inputs, entry.variable: X + h * E})
            - entry.f(**{**inputs, entry.variable: X - h * E})
        ) / (2 * h)
        assert abs(along - np.sum(S * E)) <= 1e-6 * max(1.0, np.max(np.abs(S)))


#: Free gradients that are not symmetric at a symmetric X (formulas in our layout).
FREE = {
    "structured.tr_AX_sym": lambda X, A: A.T,
    "structured.aXb_sym": lambda X, a, b: np.outer(a, b),
    "structured.tr_AXinv_spd": lambda X, A: -np.linalg.inv(X) @ A.T @ np.linalg.inv(X),
    "structured.fro_XminusA_sym": lambda X, A: 2 * (X - A),
    "structured.tr_XAX_sym": lambda X, A: X @ A.T + A.T @ X,
}

#: Under symmetric perturbations: the entrywise matrix D = 2S − S∘I, and (where it is not
#: symmetric) the free gradient, are both rejected.
WRONG = {
    e.id: {
        "entrywise D": mutated(e, entrywise),
        **({"free gradient, not symmetrised": FREE[e.id]} if e.id in FREE else {}),
    }
    for e in ENTRIES
}


def _diagonal_sums(M):
    """Written here: the Toeplitz matrix whose diagonal k holds the SUM of M's diagonal k."""
    n = len(M)
    out = np.zeros((n, n))
    for i, j in np.ndindex(n, n):
        out[i, j] = sum(M[a, a + j - i] for a in range(n) if 0 <= a + j - i < n)
    return out


#: Diagonal and Toeplitz variables: the free gradient, the transpose, and the Matrix
#: Cookbook's (142)-(144) read as gradients (sums over a diagonal, not means) are rejected.
WRONG.update(
    {
        "structured.tr_AX_diag": {
            "free gradient Aᵀ": lambda X, A: A.T,
            "all of A's diagonal sum on the diagonal": lambda X, A: np.trace(A) * np.eye(len(A)),
        },
        "structured.tr_AX_toeplitz": {
            "free gradient Aᵀ": lambda X, A: A.T,
            "the Cookbook's α(A): sums, not means": lambda X, A: _diagonal_sums(A.T),
            "means of A's diagonals (transposed)": lambda X, A: structured.PROJECTIONS["toeplitz"](
                A
            ),
        },
        "structured.tr_AX_toeplitz_sym": {
            "the Cookbook's α + αᵀ − α ∘ I": lambda X, A: (
                _diagonal_sums(A.T) + _diagonal_sums(A.T).T - _diagonal_sums(A.T) * np.eye(len(A))
            ),
            "Toeplitz but not symmetrized": lambda X, A: structured.PROJECTIONS["toeplitz"](A.T),
        },
    }
)


@pytest.mark.parametrize("mistake", mistakes(WRONG, family=structured), ids=str)
def test_mistakes_rejected(mistake):
    assert not mistake.failures(), f"{mistake}: passed at (seed, square) {mistake.failures()}"


@pytest.mark.parametrize("entry_id", FREE)
def test_free_gradient_is_not_symmetric_and_symmetrises_to_the_entry(entry_id):
    entry = by_id(entry_id)
    for square in SIZES:
        inputs = entry.sample(np.random.default_rng(0), square=square)
        S, G = entry.grad(**inputs), FREE[entry_id](**inputs)
        assert close(sym(G), S, rtol=1e-6)  # the entry is the symmetric part of G ...
        assert not close(G, S, rtol=1e-6)  # ... which is not symmetric itself


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_the_other_convention(entry, seed):
    """Partial derivatives by the distinct entries: D passes, S is rejected."""
    assert check_entrywise(entry, seed)
    assert not check_entrywise(entry, seed, claimed=entry.grad)


def test_entrywise_matches_its_formula():
    rng = np.random.default_rng(0)
    S = symmetric(rng, 4, definite=False)
    N = rng.standard_normal((4, 4))
    G = S + N - N.T  # a free gradient whose symmetric part is S
    assert close(entrywise(sym(G)), G + G.T - G * np.eye(4), rtol=1e-13)


def test_samplers():
    rng = np.random.default_rng(0)
    X = symmetric(rng, 5)
    assert np.array_equal(X, X.T)
    assert np.all(np.linalg.eigvalsh(X) > 0)
    assert np.any(np.linalg.eigvalsh(symmetric(rng, 5, definite=False)) < 0)


def test_structured_directions_agree_and_the_cookbook_sums_are_parameter_derivatives():
    """For diagonal and Toeplitz X: the gradient S lies in the structure and df along every
    basis direction B of it (one per free parameter, written here) is S : B; and the derivative
    by the free parameter itself, df along the unnormalised B, is the Cookbook's sum."""
    h = 1e-6
    for entry in OTHER_STRUCTURES:
        inputs = entry.sample(np.random.default_rng(7))
        X, A = inputs["X"], inputs["A"]
        n = len(X)
        S = entry.grad(**inputs)
        if entry.structure == "diagonal":
            directions = [np.diag(np.eye(n)[i]) for i in range(n)]
        elif entry.structure == "toeplitz":
            directions = [np.eye(n, k=k) for k in range(1 - n, n)]
        else:
            directions = [np.eye(n)] + [np.eye(n, k=k) + np.eye(n, k=-k) for k in range(1, n)]
        assert close(S, sum(np.sum(S * B) / np.sum(B * B) * B for B in directions), 1e-12)
        for B in directions:
            along = (
                entry.f(**{**inputs, "X": X + h * B}) - entry.f(**{**inputs, "X": X - h * B})
            ) / (2 * h)
            assert abs(along - np.sum(S * B)) <= 1e-6 * max(1.0, np.abs(S).max()), entry.id
            assert abs(along - np.sum(A.T * B)) <= 1e-6 * max(1.0, np.abs(A).max()), entry.id
