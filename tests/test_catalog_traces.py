"""Trace identities (snippets/catalog/traces.py): right on every seed and size, and the usual
mistakes are rejected, on square inputs too. The registry tests check every entry against an
independent finite difference and in exact arithmetic."""

from pathlib import Path

import numpy as np
import pytest
from catalog_wrong import GENERIC, SQUARE, mutated, rejected, symmetric_on_square

from snippets.catalog import traces
from snippets.catalog.registry import anchor, by_id
from snippets.checks.catalog.identity import check_identity

ENTRIES = traces.IDENTITIES
PAGE = Path(__file__).resolve().parent.parent / "docs" / "catalog" / "traces.md"


def test_family_has_its_entries():
    assert len(ENTRIES) >= 18
    assert all(e.family == "traces" and e.variable == "X" for e in ENTRIES)


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


# Where the right gradient is symmetric (I, tr(A) I), its transpose is no mistake.
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
    assert symmetric == {"traces.X", "traces.XkronA"}


WRONG = {
    "traces.X": {
        "all ones": lambda X: np.ones(X.shape),
        "X": lambda X: X,
    },
    "traces.AX": {"A instead of Aᵀ": lambda X, A: A},
    "traces.XA": {"A instead of Aᵀ": lambda X, A: A},
    "traces.XtA": {"Aᵀ instead of A": lambda X, A: A.T},
    "traces.AXt": {"Aᵀ instead of A": lambda X, A: A.T},
    "traces.AXB": {
        "BᵀAᵀ (order reversed)": lambda X, A, B: B.T @ A.T,
        "BA (numerator layout)": lambda X, A, B: B @ A,
        "AB": lambda X, A, B: A @ B,
    },
    "traces.AXtB": {
        "AᵀBᵀ": lambda X, A, B: A.T @ B.T,
        "AB": lambda X, A, B: A @ B,
    },
    "traces.XtX": {"X (missing 2)": lambda X: X, "2Xᵀ": lambda X: 2 * X.T},
    "traces.XtAX": {
        "2AX (only for symmetric A)": lambda X, A: 2 * A @ X,
        "AX (one term)": lambda X, A: A @ X,
        "(A + Aᵀ)Xᵀ": lambda X, A: (A + A.T) @ X.T,
    },
    "traces.XtAX_sym": {"AX (missing 2)": lambda X, A: A @ X, "2XA": lambda X, A: 2 * X @ A},
    "traces.XAXt": {
        "2XA (only for symmetric A)": lambda X, A: 2 * X @ A,
        "XA (one term)": lambda X, A: X @ A,
        "(A + Aᵀ)X": lambda X, A: (A + A.T) @ X,
    },
    "traces.XtBXC": {
        "2BXC": lambda X, B, C: 2 * B @ X @ C,
        "BXC (one term)": lambda X, B, C: B @ X @ C,
        "BXC + BᵀXC (Cᵀ forgotten)": lambda X, B, C: B @ X @ C + B.T @ X @ C,
    },
    "traces.AXBX": {
        "2AᵀXᵀBᵀ": lambda X, A, B: 2 * A.T @ X.T @ B.T,
        "AᵀXᵀBᵀ (one term)": lambda X, A, B: A.T @ X.T @ B.T,
        "BXA + AXB (numerator layout)": lambda X, A, B: B @ X @ A + A @ X @ B,
    },
    "traces.AXBXtC": {
        "AᵀCᵀXBᵀ (one term)": lambda X, A, B, C: A.T @ C.T @ X @ B.T,
        "AᵀCᵀXB + CAXBᵀ (B's transposes swapped)": lambda X, A, B, C: (
            A.T @ C.T @ X @ B + C @ A @ X @ B.T
        ),
        "2CAXB": lambda X, A, B, C: 2 * C @ A @ X @ B,
    },
    "traces.X2": {"2X (no transpose)": lambda X: 2 * X, "Xᵀ (missing 2)": lambda X: X.T},
    "traces.X3": {"3X² (no transpose)": lambda X: 3 * X @ X, "3XᵀX": lambda X: 3 * X.T @ X},
    "traces.AX2": {
        "2AᵀXᵀ (as if A and X commute)": lambda X, A: 2 * A.T @ X.T,
        "XA + AX (numerator layout)": lambda X, A: X @ A + A @ X,
    },
    "traces.XkronA": {
        "size of A instead of its trace": lambda X, A: A.shape[0] * np.eye(X.shape[0]),
        "tr(A) times all ones": lambda X, A: np.trace(A) * np.ones(X.shape),
        "tr(X) I": lambda X, A: np.trace(X) * np.eye(X.shape[0]),
    },
    "traces.hadamard": {
        "A ∘ B (no transpose)": lambda X, A, B: A * B,
        "AB (matrix product)": lambda X, A, B: A @ B,
    },
    "traces.A_XoX": {
        "2A ∘ X (no transpose)": lambda X, A: 2 * A * X,
        "Aᵀ ∘ X (missing 2)": lambda X, A: A.T * X,
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
        assert f'traces.py:{entry.id.split(".")[1]}"' in text, f"{entry.id}: code not shown"
