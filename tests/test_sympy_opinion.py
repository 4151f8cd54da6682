"""SymPy's second opinion (snippets/catalog/sympy_opinion.py, docs/catalog/published.md):
every verdict on SymPy is the recorded one, and the judge refuses wrong answers.

SymPy is asked once for the module (about 2.5 s of CPU for 84 spellings); the judge's teeth
are tested on hand-written wrong answers, which cost a few milliseconds each.
"""

import pytest
import sympy as sp

from snippets.catalog import sympy_opinion as so


@pytest.fixture(scope="module")
def found():
    return so.opinions()


def test_every_verdict_on_sympy_is_the_recorded_one(found):
    assert not so.changed(found), "\n".join(so.changed(found))
    assert len(found) == len(so.SPELLINGS)
    counts = so.counts(found)
    assert counts[so.AGREES] >= 50, counts  # the bulk of the catalogue is confirmed
    for o in found:
        if o.verdict in (so.AGREES, so.AGREES_AS_ARRAY):
            assert len(o.errors) == len(so.SIZE_SETS), o  # confirmed at both size sets
            assert max(o.errors) <= so.AGREE, o
        if o.verdict in (so.WRONG, so.RETURNS_ZERO):
            assert min(o.errors) > 1e-3, o  # wrong at every size set, not by rounding


def test_what_the_issue_asked_about(found):
    """∂ log det X/∂X comes back 0, ∂ det X/∂X unevaluated (SymPy 1.14.0)."""
    by = {(o.spelling.id, o.spelling.note): o for o in found}
    assert by[("determinants.logabsdet", "spelled log det X (the same derivative)")].answer == "0"
    assert by[("determinants.det", "")].answer == "Derivative(Determinant(X), X)"


def _spelling(id):
    return next(s for s in so.SPELLINGS if s.id == id and not s.note)


def test_the_judge_refuses_wrong_answers():
    """Plausible wrong answers, written as SymPy would: each must be judged wrong or 0."""
    wrong = {
        "traces.AX": lambda X, A: A,  # transposed (shapes differ)
        "traces.X2": lambda X: 2 * X,  # transpose lost: square, only the numbers tell
        "traces.AXtB": lambda X, A, B: (B * A).T,  # transposed, on square inputs too
        "forms.xAx": lambda x, A: 2 * A * x,  # as if A were symmetric
        "norms.fro2": lambda X: X,  # factor 2 lost
        "inverses.tr_Xinv": lambda X: sp.Inverse(X).T * sp.Inverse(X).T,  # sign lost
        "determinants.det": lambda X: sp.Inverse(X).T,  # det(X) factor lost
        "forms.aXBXtc": lambda X, a, c, B: a * c.T * X * B + c * a.T * X * B.T,  # B, Bᵀ swapped
    }
    passed = []
    for id, answer in wrong.items():
        spelling = _spelling(id)
        symbols = so._symbols(spelling)
        verdict = so.judge_answer(spelling, answer(**symbols)).verdict
        if verdict not in (so.WRONG, so.RETURNS_ZERO):
            passed.append(f"{id}: {verdict}")
    zero = _spelling("determinants.logabsdet")
    assert so.judge_answer(zero, sp.ZeroMatrix(*so._symbols(zero)["X"].shape)).verdict == (
        so.RETURNS_ZERO
    )
    assert not passed, "wrong answers judged right: " + ", ".join(passed)
