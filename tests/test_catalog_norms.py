"""Norm identities (snippets/catalog/norms.py): the usual mistakes with squared norms
(the 2 lost, a factor on the wrong side of the residual, a weight or a normalisation forgotten)
are rejected on square inputs on every seed and on distinct sizes. The checks every entry must
pass, and its page, live in test_catalog_entries.py.
"""

import numpy as np
import pytest
from catalog_wrong import mistakes

from snippets.catalog import norms

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
    "norms.c_unit_x_minus_a": {
        "c/‖x − a‖ (second term dropped)": lambda x, a, c: c / np.sqrt((x - a) @ (x - a)),
        "sign of the second term flipped": lambda x, a, c: (
            c / np.sqrt((x - a) @ (x - a))
            + (x - a) * ((x - a) @ c) / np.sqrt((x - a) @ (x - a)) ** 3
        ),
        "‖x − a‖² for ‖x − a‖³": lambda x, a, c: (
            c / np.sqrt((x - a) @ (x - a)) - (x - a) * ((x - a) @ c) / ((x - a) @ (x - a))
        ),
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


@pytest.mark.parametrize("mistake", mistakes(WRONG, family=norms), ids=str)
def test_typical_mistakes_rejected(mistake):
    assert not mistake.failures(), f"{mistake}: passed at (seed, square) {mistake.failures()}"
