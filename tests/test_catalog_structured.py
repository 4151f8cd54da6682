"""The symmetric-variable family (snippets/catalog/structured.py), its checks and its page."""

import numpy as np
import pytest
from catalog_b_support import assert_exact, close, page_text, tex_problems

from snippets.catalog import structured
from snippets.catalog.structured import entrywise, sym, symmetric
from snippets.checks.catalog.identity import check_identity
from snippets.checks.catalog.structured import check_entrywise

ENTRIES = structured.IDENTITIES
IDS = [e.id for e in ENTRIES]
SQUARE = [None, 3]


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
@pytest.mark.parametrize("square", SQUARE)
def test_entry_passes(entry, seed, square):
    inputs = entry.sample(np.random.default_rng(seed), square=square)
    results = check_identity(entry, seed, inputs=inputs)
    assert all(results), [str(r) for r in results]


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


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
@pytest.mark.parametrize("square", SQUARE)
def test_mistakes_rejected(entry, square):
    """Under symmetric perturbations: the entrywise matrix D = 2S − S∘I, a sign dropped, a 2
    added, and (where it is not symmetric) the free gradient are all rejected."""
    inputs = entry.sample(np.random.default_rng(0), square=square)
    S = entry.grad(**inputs)
    wrong = {"entrywise D": entrywise(S), "negated": -S, "doubled": 2 * S}
    free = FREE.get(entry.id)
    if free is not None:
        G = free(**inputs)
        assert close(sym(G), S)  # the entry is the symmetric part of the free gradient ...
        assert not close(G, S)  # ... which is not symmetric itself
        wrong["free gradient, not symmetrised"] = G
    for name, W in wrong.items():
        result = check_identity(entry, 0, grad=lambda W=W, **_: W, inputs=inputs)[0]
        assert not result, f"{entry.id}: {name} passed"


#: Free gradients that are not symmetric at a symmetric X (formulas in our layout).
FREE = {
    "structured.tr_AX_sym": lambda X, A: A.T,
    "structured.aXb_sym": lambda X, a, b: np.outer(a, b),
    "structured.tr_AXinv_spd": lambda X, A: -np.linalg.inv(X) @ A.T @ np.linalg.inv(X),
    "structured.fro_XminusA_sym": lambda X, A: 2 * (X - A),
    "structured.tr_XAX_sym": lambda X, A: X @ A.T + A.T @ X,
}


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


EXACT = [e for e in ENTRIES if e.exact]


@pytest.mark.parametrize("entry", EXACT, ids=[e.id for e in EXACT])
def test_exact_formulas_stay_exact(entry):
    assert_exact(entry, (entry.f, entry.grad, entry.numerator))


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_page_states_and_checks_the_entry(entry):
    text = page_text("structured.md")
    assert f"$$\n{entry.tex}\n$$" in text
    assert "{#" + entry.id.replace(".", "-") + "}" in text
    assert f'check_identity(by_id("{entry.id}"))' in text
    for condition in entry.conditions:
        assert condition in text
    assert tex_problems(entry.tex) == []
    assert entry.structure == "symmetric"


def test_ids_are_family_dot_name():
    assert all(e.id.startswith("structured.") and e.family == "structured" for e in ENTRIES)
    assert len(set(IDS)) == len(IDS)
