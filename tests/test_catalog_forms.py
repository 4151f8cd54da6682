"""Linear and quadratic forms (snippets/catalog/forms.py).

Mistakes of this family, all rejected (square inputs, every seed; distinct sizes, seed 0):
2Ax where A is not symmetric, a bilinear term counted once, outer products in the wrong order.
Generic checks for every entry and its page: tests/test_catalog_entries.py.
"""

import numpy as np
import pytest
from catalog_wrong import mistakes

from snippets.catalog import forms

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
        "AᵀC(Bx + e) (one term)": lambda x, A, b, C, B, e: A.T @ C @ (B @ x + e),
        "AᵀC(Bx + e) + BᵀC(Ax + b) (Cᵀ forgotten)": lambda x, A, b, C, B, e: (
            A.T @ C @ (B @ x + e) + B.T @ C @ (A @ x + b)
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
    "forms.bXtCXc": {
        "CXcbᵀ (one term)": lambda X, b, c, C: C @ X @ np.outer(c, b),
        "CXcbᵀ + CXbcᵀ (Cᵀ forgotten)": lambda X, b, c, C: (
            C @ X @ np.outer(c, b) + C @ X @ np.outer(b, c)
        ),
        "2CXcbᵀ": lambda X, b, c, C: 2 * C @ X @ np.outer(c, b),
    },
    "forms.sum_squared": {
        "(1ᵀX1) 11ᵀ (missing 2)": lambda X: X.sum() * np.ones_like(X),
        "2X (each entry alone)": lambda X: 2 * X,
    },
    "forms.Xbc_quadratic": {
        "2C(Xb + c)bᵀ (only for symmetric C)": lambda X, b, c, C: 2 * np.outer(C @ (X @ b + c), b),
    },
    "forms.weighted_residual": {
        "2AᵀC(a − Ax) (sign)": lambda x, a, A, C: 2 * A.T @ C @ (a - A @ x),
        "−AᵀC(a − Ax) (missing 2)": lambda x, a, A, C: -A.T @ C @ (a - A @ x),
    },
    "forms.weighted_distance": {"2C(a − x) (sign)": lambda x, a, C: 2 * C @ (a - x)},
    "forms.aXkb": {
        "3(X²)ᵀabᵀ (as for a number)": lambda X, a, b: 3 * (X @ X).T @ np.outer(a, b),
    },
    "forms.aXktXkb": {
        "the Cookbook's (92) as printed, first term transposed": lambda X, a, b: (
            X @ np.outer(a, b) @ (X @ X).T
            + np.outer(a, b) @ (X @ X).T @ X
            + X @ X @ np.outer(a, b) @ X.T
            + X.T @ X @ X @ np.outer(a, b)
        ),
    },
    "forms.rayleigh_AB": {
        "the Cookbook's (95) as printed, xᵀBBx": lambda x, A, B: (
            2 * A.T @ A @ x / (x @ B @ B @ x)
            - 2 * (x @ A.T @ A @ x) * B.T @ B @ x / (x @ B.T @ B @ x) ** 2
        ),
    },
    "forms.lms": {
        "2b(υ − xᵀb) (sign)": lambda x, b, upsilon: 2 * b * (upsilon - x @ b),
        "−b(υ − xᵀb) (missing 2)": lambda x, b, upsilon: -b * (upsilon - x @ b),
    },
    "forms.aXBXtc": {
        "acᵀXBᵀ (one term)": lambda X, a, c, B: np.outer(a, c) @ X @ B.T,
        "acᵀXB + caᵀXBᵀ (B, Bᵀ swapped)": lambda X, a, c, B: (
            np.outer(a, c) @ X @ B + np.outer(c, a) @ X @ B.T
        ),
        "2acᵀXB (as if a = c, B symmetric)": lambda X, a, c, B: 2 * np.outer(a, c) @ X @ B,
    },
}


@pytest.mark.parametrize("mistake", mistakes(WRONG, family=forms), ids=str)
def test_typical_mistakes_rejected(mistake):
    assert not mistake.failures(), f"{mistake}: passed at (seed, square) {mistake.failures()}"
