"""The inverse family (snippets/catalog/inverses.py) and its page."""

import numpy as np
import pytest
from catalog_b_support import assert_exact, central_gradient, close, page_text, tex_problems

from snippets.catalog import inverses
from snippets.catalog.linalg import inv
from snippets.checks.catalog.identity import check_identity

ENTRIES = inverses.IDENTITIES
IDS = [e.id for e in ENTRIES]
SQUARE = [None, 3]


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
@pytest.mark.parametrize("square", SQUARE)
def test_entry_passes(entry, seed, square):
    inputs = entry.sample(np.random.default_rng(seed), square=square)
    results = check_identity(entry, seed, inputs=inputs)
    assert all(results), [str(r) for r in results]


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_independent_finite_differences_agree(entry):
    inputs = entry.sample(np.random.default_rng(7))
    X = inputs[entry.variable]
    reference = central_gradient(lambda V: entry.f(**{**inputs, entry.variable: V}), X)
    G = entry.grad(**inputs)
    assert G.shape == X.shape
    N = entry.numerator(**inputs)
    if entry.id == "inverses.tr_XinvAX":  # f does not depend on X: both sides are ~0
        assert np.max(np.abs(reference)) < 1e-6
        assert not np.any(G)
        assert not np.any(N)
        return
    assert close(G, reference)
    assert close(N.reshape(X.shape) if X.ndim == 1 else N.T, reference)


# The two mistakes of this family: X⁻¹ where X⁻ᵀ belongs (the whole gradient transposed, or one
# factor), and a dropped minus sign; plus factors of 2 and terms forgotten.
SPECIFIC = {
    "inverses.aXinvb": {"X⁻¹ for X⁻ᵀ": lambda X, a, b: -np.outer(inv(X) @ a, b @ inv(X))},
    "inverses.aXinvtb": {
        "as if it were aᵀX⁻¹b": lambda X, a, b: -np.outer(inv(X).T @ a, b @ inv(X).T),
    },
    "inverses.xXinvx": {"X symmetric assumed": lambda X, x: -np.outer(inv(X) @ x, x @ inv(X))},
    "inverses.xAinvx": {"2A⁻¹x, A symmetric assumed": lambda x, A: 2 * inv(A) @ x},
    "inverses.tr_AXinvB": {
        "Aᵀ and Bᵀ swapped": lambda X, A, B: -inv(X).T @ B @ A @ inv(X).T,
    },
    "inverses.fro_Xinv": {"all transposed": lambda X: -2 * inv(X).T @ inv(X).T @ inv(X).T},
    "inverses.tr_XinvtA": {"A transposed": lambda X, A: -inv(X).T @ A.T @ inv(X).T},
    "inverses.tr_XinvAXinvB": {
        "one term only": lambda X, A, B: -(inv(X) @ A @ inv(X) @ B @ inv(X)).T,
    },
    "inverses.b_XtXinv_b": {
        "(XᵀX)⁻¹ on one side only": lambda X, b: -2 * X @ inv(X.T @ X) @ np.outer(b, b),
    },
    "inverses.tr_XtXinv": {"one inverse too few": lambda X: -2 * X @ inv(X.T @ X)},
    "inverses.tr_XinvAX": {
        "the second term only": lambda X, A: (inv(X) @ A).T,
        "the first term only": lambda X, A: -(A @ inv(X)).T,
    },
}


def mistakes(entry, inputs):
    G = entry.grad(**inputs)
    wrong = {"negated": -G, "doubled": 2 * G, "halved": G / 2}
    if G.ndim == 2 and G.shape[0] == G.shape[1]:
        wrong["transposed"] = G.T
    if not np.any(G):
        wrong = {}
    wrong.update({k: v(**inputs) for k, v in SPECIFIC.get(entry.id, {}).items()})
    return wrong


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
@pytest.mark.parametrize("square", SQUARE)
def test_mistakes_rejected(entry, square):
    inputs = entry.sample(np.random.default_rng(0), square=square)
    wrong = mistakes(entry, inputs)
    assert wrong
    for name, G in wrong.items():
        result = check_identity(entry, 0, grad=lambda G=G, **_: G, inputs=inputs)[0]
        assert not result, f"{entry.id}: {name} passed"


def test_every_entry_has_its_own_mistake():
    assert set(SPECIFIC) | {"inverses.tr_Xinv", "inverses.tr_XplusA_inv"} == set(IDS)


EXACT = [e for e in ENTRIES if e.exact]


@pytest.mark.parametrize("entry", EXACT, ids=[e.id for e in EXACT])
def test_exact_formulas_stay_exact(entry):
    assert_exact(entry, (entry.f, entry.grad, entry.numerator))


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_page_states_and_checks_the_entry(entry):
    text = page_text("inverses.md")
    assert f"$$\n{entry.tex}\n$$" in text
    assert "{#" + entry.id.replace(".", "-") + "}" in text
    assert f'check_identity(by_id("{entry.id}"))' in text
    for condition in entry.conditions:
        assert condition in text
    assert tex_problems(entry.tex) == []
    assert tex_problems(entry.tex_numerator) == []


def test_ids_are_family_dot_name():
    assert all(e.id.startswith("inverses.") and e.family == "inverses" for e in ENTRIES)
    assert len(set(IDS)) == len(IDS)
