"""Norms identities (snippets/catalog/norms.py): right on every seed and size, and the usual
mistakes are rejected, on square inputs too. The registry tests check every entry against an
independent finite difference and in exact arithmetic."""

from pathlib import Path

import numpy as np
import pytest
from catalog_wrong import GENERIC, SQUARE, mutated, rejected, symmetric_on_square

from snippets.catalog import norms
from snippets.catalog.registry import anchor, by_id
from snippets.checks.catalog.identity import check_identity

ENTRIES = norms.IDENTITIES
PAGE = Path(__file__).resolve().parent.parent / "docs" / "catalog" / "norms.md"


def test_family_has_its_entries():
    assert len(ENTRIES) >= 14
    assert all(e.family == "norms" for e in ENTRIES)


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
    assert symmetric == {e.id for e in ENTRIES if e.variable == "x"}


WRONG = {
    "norms.fro2": {"X (missing 2)": lambda X: X, "2Xᵀ": lambda X: 2 * X.T},
    "norms.fro": {
        "X / ‖X‖² (squared norm)": lambda X: X / np.sum(X * X),
        "2X / ‖X‖": lambda X: 2 * X / np.sqrt(np.sum(X * X)),
    },
    "norms.X_minus_A": {"2(A − X)": lambda X, A: 2 * (A - X), "2X": lambda X, A: 2 * X},
    "norms.AX_minus_B": {
        "2(AX − B)Aᵀ (factor on the wrong side)": lambda X, A, B: 2 * (A @ X - B) @ A.T,
        "2A(AX − B) (A not transposed)": lambda X, A, B: 2 * A @ (A @ X - B),
    },
    "norms.XA_minus_B": {
        "2Aᵀ(XA − B)": lambda X, A, B: 2 * A.T @ (X @ A - B),
        "2(XA − B)A (A not transposed)": lambda X, A, B: 2 * (X @ A - B) @ A,
    },
    "norms.XA": {"2XAᵀA": lambda X, A: 2 * X @ A.T @ A, "2XA": lambda X, A: 2 * X @ A},
    "norms.AXB_minus_C": {
        "2A(AXB − C)B (no transposes)": lambda X, A, B, C: 2 * A @ (A @ X @ B - C) @ B,
        "2Bᵀ(AXB − C)ᵀAᵀ": lambda X, A, B, C: 2 * B.T @ (A @ X @ B - C).T @ A.T,
    },
    "norms.AoX": {"2A ∘ X (A once)": lambda X, A: 2 * A * X, "2X": lambda X, A: 2 * X},
    "norms.XtX": {
        "2XXᵀX (missing 2)": lambda X: 2 * X @ X.T @ X,
        "4XᵀXXᵀ": lambda X: 4 * X.T @ X @ X.T,
    },
    "norms.XXt_minus_A": {
        "4EX (only for symmetric A)": lambda X, A: 4 * (X @ X.T - A) @ X,
        "2EX (one term)": lambda X, A: 2 * (X @ X.T - A) @ X,
    },
    "norms.x": {
        "x / ‖x‖²": lambda x: x / (x @ x),
        "x": lambda x: x,
    },
    "norms.x_minus_a": {
        "(a − x) / ‖x − a‖": lambda x, a: (a - x) / np.sqrt((x - a) @ (x - a)),
        "x / ‖x‖": lambda x, a: x / np.sqrt(x @ x),
    },
    "norms.Ax_minus_b": {
        "2A(Ax − b) (A not transposed)": lambda x, A, b: 2 * A @ (A @ x - b),
        "Aᵀ(Ax − b) (missing 2)": lambda x, A, b: A.T @ (A @ x - b),
    },
    "norms.Ax_minus_b_norm": {
        "2Aᵀ(Ax − b) / ‖Ax − b‖": lambda x, A, b: (
            2 * A.T @ (A @ x - b) / np.sqrt((A @ x - b) @ (A @ x - b))
        ),
        "Aᵀ(Ax − b) (not normalised)": lambda x, A, b: A.T @ (A @ x - b),
    },
    "norms.Ax_minus_b_W": {
        "2AᵀWᵀ(Ax + b) (sign of b)": lambda x, A, b, W: 2 * A.T @ W @ (A @ x + b),
        "2Aᵀ(Ax − b) (weight forgotten)": lambda x, A, b, W: 2 * A.T @ (A @ x - b),
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
        assert f'norms.py:{entry.id.split(".")[1]}"' in text, f"{entry.id}: code not shown"
