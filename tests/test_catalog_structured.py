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

ENTRIES = structured.IDENTITIES
IDS = [e.id for e in ENTRIES]


def close(a, b, rtol):
    """max|a − b| relative to the larger of max|a|, max|b|."""
    return np.max(np.abs(a - b)) / max(np.max(np.abs(a)), np.max(np.abs(b))) < rtol


def test_every_entry_is_within_symmetric_matrices():
    assert all(e.structure == "symmetric" for e in ENTRIES)


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
