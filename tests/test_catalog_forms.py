"""Forms identities (snippets/catalog/forms.py): right on every seed and size, and the usual
mistakes are rejected, on square inputs too. The registry tests check every entry against an
independent finite difference and in exact arithmetic."""

from pathlib import Path

import numpy as np
import pytest
from catalog_wrong import GENERIC, SQUARE, mutated, rejected, symmetric_on_square

from snippets.catalog import forms
from snippets.catalog.registry import anchor, by_id
from snippets.checks.catalog.identity import check_identity

ENTRIES = forms.IDENTITIES
PAGE = Path(__file__).resolve().parent.parent / "docs" / "catalog" / "forms.md"


def test_family_has_its_entries():
    assert len(ENTRIES) >= 17
    assert all(e.family == "forms" for e in ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_entry_passes_on_square_inputs(entry, seed):
    inputs = entry.sample(np.random.default_rng(seed), square=SQUARE)
    assert all(check_identity(entry, seed, inputs=inputs))


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
@pytest.mark.parametrize("mistake", GENERIC, ids=str)
def test_generic_mistakes_rejected(entry, mistake):
    # A scaled gradient is wrong at every point: one seed is enough.
    seed = 0
    wrong = mutated(entry, GENERIC[mistake])
    assert rejected(entry, seed, grad=wrong)
    assert rejected(entry, seed, grad=wrong, square=SQUARE)


# Vectors have no transpose to get wrong; nor has a symmetric gradient.
NOT_SYMMETRIC = [e for e in ENTRIES if not symmetric_on_square(e, 0)]


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("entry", NOT_SYMMETRIC, ids=lambda e: e.id)
def test_transposed_gradient_and_untransposed_numerator_rejected(entry, seed):
    transposed = mutated(entry, lambda G: G.T)
    for square in (None, SQUARE):
        assert rejected(entry, seed, grad=transposed, square=square)
        assert rejected(entry, seed, numerator=entry.grad, square=square)


def test_symmetric_gradients_are_the_ones_expected():
    symmetric = {e.id for e in ENTRIES if symmetric_on_square(e, 0)}
    assert symmetric == {e.id for e in ENTRIES if e.variable == "x"} | {"forms.aXa"}


WRONG = {
    "forms.ax": {"aᵀ x (a times x)": lambda x, a: a * x, "2a": lambda x, a: 2 * a + 0 * x},
    "forms.xa": {"x": lambda x, a: x},
    "forms.xx": {"x (missing 2)": lambda x: x},
    "forms.aAx": {"Aa (A not transposed)": lambda x, a, A: A @ a, "Aᵀx": lambda x, a, A: A.T @ x},
    "forms.xAb": {"Aᵀb": lambda x, A, b: A.T @ b},
    "forms.xAx": {
        "2Ax (only for symmetric A)": lambda x, A: 2 * A @ x,
        "Ax (one term)": lambda x, A: A @ x,
    },
    "forms.xAx_sym": {"Ax (missing 2)": lambda x, A: A @ x},
    "forms.quadratic": {
        "Ax + b (sign)": lambda x, A, b: A @ x + b,
        "2Ax − b (½ forgotten)": lambda x, A, b: 2 * A @ x - b,
    },
    "forms.affine": {
        "AᵀC(Dx + e) (one term)": lambda x, A, b, C, D, e: A.T @ C @ (D @ x + e),
        "AᵀC(Dx + e) + DᵀC(Ax + b) (Cᵀ forgotten)": lambda x, A, b, C, D, e: (
            A.T @ C @ (D @ x + e) + D.T @ C @ (A @ x + b)
        ),
    },
    "forms.axxb": {
        "2abᵀx": lambda x, a, b: 2 * np.outer(a, b) @ x,
        "abᵀx (one term)": lambda x, a, b: np.outer(a, b) @ x,
    },
    "forms.a_xox": {"a ∘ x (missing 2)": lambda x, a: a * x, "2x": lambda x, a: 2 * x},
    "forms.xAx_squared": {
        "2(A + Aᵀ)x (inner derivative only)": lambda x, A: 2 * (A + A.T) @ x,
        "2(xᵀAx)Ax": lambda x, A: 2 * (x @ A @ x) * A @ x,
    },
    "forms.rayleigh": {
        "2Ax / xᵀx (quotient rule half done)": lambda x, A: 2 * A @ x / (x @ x),
        "2(Ax − ρx) (not divided by xᵀx)": lambda x, A: 2 * (A @ x - (x @ A @ x) / (x @ x) * x),
    },
    "forms.aXb": {
        "baᵀ": lambda X, a, b: np.outer(b, a),
        "abᵀX": lambda X, a, b: np.outer(a, b) @ X,
    },
    "forms.aXtb": {"abᵀ": lambda X, a, b: np.outer(a, b)},
    "forms.aXa": {"2aaᵀ": lambda X, a: 2 * np.outer(a, a), "aaᵀX": lambda X, a: np.outer(a, a) @ X},
    "forms.aXtXb": {
        "2Xabᵀ (as if a = b)": lambda X, a, b: 2 * X @ np.outer(a, b),
        "(abᵀ + baᵀ)X": lambda X, a, b: (np.outer(a, b) + np.outer(b, a)) @ X,
    },
    "forms.aXXtb": {
        "2abᵀX (as if a = b)": lambda X, a, b: 2 * np.outer(a, b) @ X,
        "X(abᵀ + baᵀ)": lambda X, a, b: X @ (np.outer(a, b) + np.outer(b, a)),
    },
    "forms.bXtDXc": {
        "DXcbᵀ (one term)": lambda X, b, c, D: D @ X @ np.outer(c, b),
        "DXcbᵀ + DXbcᵀ (Dᵀ forgotten)": lambda X, b, c, D: (
            D @ X @ np.outer(c, b) + D @ X @ np.outer(b, c)
        ),
        "2DXcbᵀ": lambda X, b, c, D: 2 * D @ X @ np.outer(c, b),
    },
}
CASES = [(i, name, wrong) for i, ws in WRONG.items() for name, wrong in ws.items()]


@pytest.mark.parametrize(("entry_id", "mistake", "wrong"), CASES, ids=[c[1] for c in CASES])
def test_typical_mistakes_rejected_on_square_inputs(entry_id, mistake, wrong, seed):
    assert rejected(by_id(entry_id), seed, grad=wrong, square=SQUARE), mistake


def test_every_entry_has_its_own_mistakes():
    assert set(WRONG) == {e.id for e in ENTRIES}


def test_page_states_every_entry_under_its_anchor():
    text = PAGE.read_text()
    for entry in ENTRIES:
        assert f"{{#{anchor(entry)}}}" in text, f"no heading for {entry.id}"
        assert entry.tex in text, f"{entry.id}: the page does not state {entry.tex}"
        assert f'by_id("{entry.id}")' in text, f"{entry.id} is not checked on the page"
        assert f'forms.py:{entry.id.split(".")[1]}"' in text, f"{entry.id}: code not shown"
