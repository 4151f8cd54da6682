"""The eigenvalue family (snippets/catalog/eigenvalues.py): its own mistakes. What every entry
must pass and refuse, and its page, are tested in tests/test_catalog_entries.py."""

import numpy as np
import pytest
from catalog_wrong import mistakes

from snippets.catalog import eigenvalues


def _top(X):
    values, vectors = np.linalg.eigh((X + X.T) / 2)
    return values, vectors


# This family's own mistakes: the wrong eigenvector, a symmetry assumed where there is none,
# the normalisation or the pseudo-inverse forgotten. Sign, factor 2 and the transpose are tried
# on every entry in tests/test_catalog_entries.py.
WRONG = {
    "eigenvalues.sym": {
        "the smallest eigenvalue's vector": lambda X: np.outer(_top(X)[1][:, 0], _top(X)[1][:, 0]),
        "the identity, as for a sum of eigenvalues": lambda X: np.eye(len(X)),
    },
    "eigenvalues.sym_vector": {
        "(λ̂I − X) for its pseudo-inverse": lambda X, c: np.outer(
            (_top(X)[0][-1] * np.eye(len(X)) - X) @ c,
            _top(X)[1][:, -1] * np.sign(c @ _top(X)[1][:, -1]),
        ),
        "c vᵀ, the pseudo-inverse forgotten": lambda X, c: np.outer(
            c, _top(X)[1][:, -1] * np.sign(c @ _top(X)[1][:, -1])
        ),
    },
    "eigenvalues.general": {
        "v vᵀ, X taken as symmetric": lambda X: np.outer(*[_right(X)] * 2),
        "u vᵀ, not divided by uᵀv": lambda X: np.outer(*_left_right(X)),
    },
}


def _right(X):
    values, vectors = np.linalg.eig(X)
    return vectors[:, np.argmax(values.real)].real


def _left_right(X):
    return eigenvalues.code.eigenvectors(X)


@pytest.mark.parametrize("mistake", mistakes(WRONG, eigenvalues), ids=str)
def test_mistakes_rejected(mistake):
    assert not mistake.failures(), f"{mistake}: passed at (seed, square) {mistake.failures()}"


def test_every_entry_has_its_own_mistake():
    assert set(WRONG) == {e.id for e in eigenvalues.IDENTITIES}


def test_samplers_keep_eigenvalues_apart_and_draw_what_the_conditions_allow():
    gaps, signs, asymmetry = [], set(), []
    for seed in range(10):
        rng = np.random.default_rng(seed)
        S = eigenvalues.symmetric_distinct(rng, 4)
        G = eigenvalues.real_distinct(rng, 4)
        for M in (S, G):
            values = np.sort(np.linalg.eigvals(M).real)
            gaps.append(np.min(np.diff(values)))
            signs |= set(np.sign(values))
        assert np.allclose(S, S.T)
        asymmetry.append(np.linalg.norm(G - G.T))
    assert min(gaps) >= 0.49, f"eigenvalues closer than 0.5: {min(gaps)}"
    assert signs == {-1.0, 1.0}, "both signs of eigenvalues are drawn"
    assert min(asymmetry) > 0.1, "the general sampler draws non-symmetric matrices"
