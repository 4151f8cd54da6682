"""The determinant family (snippets/catalog/determinants.py) and its page."""

import numpy as np
import pytest
from catalog_b_support import assert_exact, central_gradient, close, page_text, tex_problems

from snippets.catalog import determinants
from snippets.catalog.determinants import dims, full_rank, invertible
from snippets.catalog.linalg import det, inv
from snippets.checks.catalog.identity import check_identity
from snippets.gradcheck import GradientCheckError

ENTRIES = determinants.IDENTITIES
IDS = [e.id for e in ENTRIES]
SQUARE = [None, 3]  # the entry's own distinct sizes, and every dimension 3


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
    assert close(G, reference)
    N = entry.numerator(**inputs)
    assert close(N.reshape(X.shape) if X.ndim == 1 else N.T, reference)


def mistakes(entry, inputs):
    """Plausible wrong gradients: transposed, sign dropped, factor 2 off, plus the entry's own."""
    G = entry.grad(**inputs)
    wrong = {"negated": -G, "doubled": 2 * G, "halved": G / 2}
    if G.ndim == 2 and G.shape[0] == G.shape[1]:
        wrong["transposed"] = G.T
    wrong.update({k: v(**inputs) for k, v in SPECIFIC.get(entry.id, {}).items()})
    return wrong


SPECIFIC = {
    "determinants.det": {"adjugate, not cofactor: det(X) X⁻¹": lambda X: det(X) * inv(X)},
    "determinants.det_AXB": {
        "(AXB)⁻¹ not transposed": lambda X, A, B: det(A @ X @ B) * (A.T @ inv(A @ X @ B) @ B.T),
    },
    "determinants.det_Xk": {"k dropped": lambda X: det(X) ** 3 * inv(X).T},
    "determinants.det_X2": {"det(X) X⁻ᵀ instead of det(X)²": lambda X: 2 * det(X) * inv(X).T},
    "determinants.det_inv": {"det X, not 1/det X": lambda X: -det(X) * inv(X).T},
    "determinants.det_XtAX": {
        "formula for symmetric A": lambda X, A: 2 * det(X.T @ A @ X) * (A @ X @ inv(X.T @ A @ X)),
    },
    "determinants.det_XAXt": {
        "formula for symmetric A": lambda X, A: 2 * det(X @ A @ X.T) * (inv(X @ A @ X.T) @ X @ A),
    },
    "determinants.det_A_xxt": {
        "2 det(M) M⁻¹ x, as if A were symmetric": lambda x, A: (
            2 * det(A + np.outer(x, x)) * (inv(A + np.outer(x, x)) @ x)
        ),
    },
    "determinants.logdet_XtX": {"2 dropped": lambda X: X @ inv(X.T @ X)},
}


#: For a square invertible X, det(XᵀAX) = det(X)² det(A) and both "symmetric A" formulas reduce to
#: the right 2 det(M) X⁻ᵀ whatever A: only a non-square X can tell them apart (tested above).
EXACT_WHEN_SQUARE = {"formula for symmetric A"}


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
@pytest.mark.parametrize("square", SQUARE)
def test_mistakes_rejected(entry, square):
    inputs = entry.sample(np.random.default_rng(0), square=square)
    for name, G in mistakes(entry, inputs).items():
        if square and name in EXACT_WHEN_SQUARE:
            continue
        result = check_identity(entry, 0, grad=lambda G=G, **_: G, inputs=inputs)[0]
        assert not result, f"{entry.id}: {name} passed"


def test_wrong_numerator_rejected():
    entry = determinants.DET
    inputs = entry.sample(np.random.default_rng(0))
    # the gradient-layout formula passed as the numerator-layout one: transposed, rejected
    assert not check_identity(entry, numerator=entry.grad, inputs=inputs)[1]


EXACT = [e for e in ENTRIES if e.exact]


@pytest.mark.parametrize("entry", EXACT, ids=[e.id for e in EXACT])
def test_exact_formulas_stay_exact(entry):
    assert_exact(entry, (entry.f, entry.grad, entry.numerator))


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_page_states_and_checks_the_entry(entry):
    text = page_text("determinants.md")
    assert f"$$\n{entry.tex}\n$$" in text
    assert "{#" + entry.id.replace(".", "-") + "}" in text
    assert f'check_identity(by_id("{entry.id}"))' in text
    for condition in entry.conditions:
        assert condition in text
    assert tex_problems(entry.tex) == []
    assert tex_problems(entry.tex_numerator) == []


def test_ids_are_family_dot_name():
    assert all(e.id.startswith("determinants.") and e.family == "determinants" for e in ENTRIES)
    assert len(set(IDS)) == len(IDS)


def test_samplers_keep_matrices_well_conditioned():
    rng = np.random.default_rng(0)
    assert np.linalg.cond(invertible(rng, 5)) <= 2 + 1e-9
    assert np.linalg.det(invertible(rng, 4, sign=-1)) < 0
    assert np.linalg.matrix_rank(full_rank(rng, 5, 3)) == 3
    assert dims(None, 3, 4) == (3, 4)
    assert dims(2, 3, 4) == (2, 2)


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="square"):
        determinants.DET.f(np.ones((2, 3), dtype=object))
    entry = determinants.DET_XTX
    with pytest.raises(GradientCheckError, match="transposed shape"):
        check_identity(entry, grad=lambda X: entry.grad(X).T)
