"""The inverse family (snippets/catalog/inverses.py): its own mistakes. What every entry must
pass and refuse, and its page, are tested in tests/test_catalog_entries.py."""

import numpy as np
import pytest
from catalog_wrong import mistakes

from snippets.catalog import inverses
from snippets.catalog.linalg import inv

# This family's own mistakes: X⁻¹ where X⁻ᵀ belongs in one factor, a symmetry assumed, terms
# forgotten. The whole gradient transposed, a dropped minus sign and factors of 2 are tried on
# every entry in tests/test_catalog_entries.py.
WRONG = {
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


@pytest.mark.parametrize("mistake", mistakes(WRONG), ids=str)
def test_mistakes_rejected(mistake):
    assert not mistake.failures(), f"{mistake}: passed at (seed, square) {mistake.failures()}"


def test_every_entry_has_its_own_mistake():
    ids = {e.id for e in inverses.IDENTITIES}
    assert set(WRONG) | {"inverses.tr_Xinv", "inverses.tr_XplusA_inv"} == ids
