"""Shared by the tests of cat-B's catalogue families (determinants, inverses, structured,
matrix_valued): an independent finite-difference routine, page lookups and TeX validation.

The finite differences here are deliberately NOT snippets.gradcheck: a plain two-point central
difference with its own step, so that a bug in the site's checker cannot hide a wrong entry.
"""

import sys
from pathlib import Path

import numpy as np
from latex2mathml.converter import convert

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "_build"))

from mathml import problems  # noqa: E402 - the build's own TeX validator, found on the path above

STEP = 1e-6


def central_gradient(f, X):
    """∂f/∂X_ij by (f(X + hE_ij) − f(X − hE_ij)) / 2h, entry by entry, h = 1e-6·max(1, |X_ij|)."""
    G = np.empty_like(X)
    for index in np.ndindex(X.shape):
        h = STEP * max(1.0, abs(X[index]))
        Xp, Xm = X.copy(), X.copy()
        Xp[index] += h
        Xm[index] -= h
        G[index] = (f(Xp) - f(Xm)) / (2 * h)
    return G


def central_jacobian(F, X):
    """∂vec F/∂vec X with column-major vec on both sides, by two-point central differences."""
    columns = []
    for j, i in np.ndindex(X.shape[::-1]):  # column-major order of the entries of X
        h = STEP * max(1.0, abs(X[i, j]))
        Xp, Xm = X.copy(), X.copy()
        Xp[i, j] += h
        Xm[i, j] -= h
        columns.append(((F(Xp) - F(Xm)) / (2 * h)).reshape(-1, order="F"))
    return np.array(columns).T


def close(a, b, rtol=1e-6):
    """Entries agree to rtol relative to the largest entry (two-point differences: ~1e-9)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    scale = max(np.max(np.abs(a)), np.max(np.abs(b)), 1e-300)
    return a.shape == b.shape and np.max(np.abs(a - b)) / scale < rtol


def page_text(page: str) -> str:
    return (ROOT / "docs" / "catalog" / page).read_text()


def tex_problems(tex: str) -> list[str]:
    return problems(tex, convert(tex))


def assert_exact(entry, formulas):
    """Each formula, on inputs rounded to Fractions, returns Fractions (or ints) only, equal to
    its value on the same inputs as floats: the formula uses nothing that leaves exact numbers."""
    from fractions import Fraction

    inputs = entry.sample(np.random.default_rng(0), square=3)
    exact = {
        k: np.vectorize(lambda v: Fraction(v).limit_denominator(50), otypes=[object])(v)
        for k, v in inputs.items()
    }
    if getattr(entry, "structure", None) == "symmetric":
        X = exact[entry.variable]
        exact[entry.variable] = (X + X.T) / 2
    floats = {k: v.astype(float) for k, v in exact.items()}
    for formula in formulas:
        value = np.asarray(formula(**exact))
        assert all(isinstance(v, Fraction | int) for v in value.ravel()), formula
        assert close(value.astype(float), formula(**floats), rtol=1e-9)
