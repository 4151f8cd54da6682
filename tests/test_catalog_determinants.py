"""The determinant family (snippets/catalog/determinants.py): its own mistakes, samplers and
input errors. What every entry must pass and refuse, and its page, are tested in
tests/test_catalog_entries.py."""

import numpy as np
import pytest
from catalog_wrong import distinct_sizes_only, mistakes

from snippets.catalog import determinants
from snippets.catalog.determinants import dims, full_rank, invertible
from snippets.catalog.linalg import det, inv
from snippets.catalog.sample import KAPPA_MAX
from snippets.checks.catalog.identity import check_identity
from snippets.gradcheck import GradientCheckError

#: For a square invertible X, det(XᵀAX) = det(X)² det(A) and both "symmetric A" formulas reduce to
#: the right 2 det(M) X⁻ᵀ whatever A: only a non-square X can tell them apart.
WRONG = {
    "determinants.det": {"adjugate, not cofactor: det(X) X⁻¹": lambda X: det(X) * inv(X)},
    "determinants.det_AXB": {
        "(AXB)⁻¹ not transposed": lambda X, A, B: det(A @ X @ B) * (A.T @ inv(A @ X @ B) @ B.T),
    },
    "determinants.det_Xk": {"k dropped": lambda X: det(X) ** 3 * inv(X).T},
    "determinants.det_X2": {"det(X) X⁻ᵀ instead of det(X)²": lambda X: 2 * det(X) * inv(X).T},
    "determinants.det_inv": {"det X, not 1/det X": lambda X: -det(X) * inv(X).T},
    "determinants.det_XtAX": {
        "formula for symmetric A": distinct_sizes_only(
            lambda X, A: 2 * det(X.T @ A @ X) * (A @ X @ inv(X.T @ A @ X))
        ),
    },
    "determinants.det_XAXt": {
        "formula for symmetric A": distinct_sizes_only(
            lambda X, A: 2 * det(X @ A @ X.T) * (inv(X @ A @ X.T) @ X @ A)
        ),
    },
    "determinants.det_A_xxt": {
        "2 det(M) M⁻¹ x, as if A were symmetric": lambda x, A: (
            2 * det(A + np.outer(x, x)) * (inv(A + np.outer(x, x)) @ x)
        ),
    },
    "determinants.logdet_XtX": {"2 dropped": lambda X: X @ inv(X.T @ X)},
}


@pytest.mark.parametrize("mistake", mistakes(WRONG), ids=str)
def test_mistakes_rejected(mistake):
    assert not mistake.failures(), f"{mistake}: passed at (seed, square) {mistake.failures()}"


def test_samplers_keep_matrices_within_their_condition_number():
    # What the draws cover over many seeds is tested in tests/test_samplers.py.
    rng = np.random.default_rng(0)
    assert np.linalg.cond(invertible(rng, 5)) <= KAPPA_MAX * (1 + 1e-6)
    assert np.linalg.cond(invertible(rng, 5, kappa_max=2.0)) <= 2 * (1 + 1e-9)
    assert np.linalg.det(invertible(rng, 4, sign=-1)) < 0
    assert np.linalg.det(invertible(rng, 4, sign=1)) > 0
    assert np.linalg.matrix_rank(full_rank(rng, 5, 3)) == 3
    assert dims(None, 3, 4) == (3, 4)
    assert dims(2, 3, 4) == (2, 2)


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="square"):
        determinants.DET.f(np.ones((2, 3), dtype=object))
    entry = determinants.DET_XTX
    with pytest.raises(GradientCheckError, match="transposed shape"):
        check_identity(entry, grad=lambda X: entry.grad(X).T)
