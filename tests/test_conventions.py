"""The conventions page: Frobenius product, column-major vec, gradient layout."""

import numpy as np
import pytest

from snippets.checks.conventions import (
    check_frobenius_forms,
    check_layouts,
    check_vec_is_column_major,
)
from snippets.conventions import frobenius

RECTANGLES = [(3, 5), (5, 3), (4, 4), (1, 6)]


@pytest.mark.parametrize("rect", RECTANGLES)
def test_frobenius_forms_agree(seed, rect):
    assert all(check_frobenius_forms(seed, rect))


@pytest.mark.parametrize("rect", RECTANGLES)
def test_vec_is_column_major(rect):
    assert all(check_vec_is_column_major(rect))


def test_layouts(seed, shape):
    assert all(check_layouts(seed, shape))


@pytest.mark.parametrize("rect", [(3, 5), (4, 4)])
def test_row_major_vec_is_rejected(rect):
    def row_major(A):
        return A.reshape(-1)

    assert not all(check_vec_is_column_major(rect, to_vector=row_major))


@pytest.mark.parametrize(
    "wrong",
    [lambda A, B: float(np.sum(A * B.T)), lambda A, B: 2 * frobenius(A, B)],
    ids=["A : Bᵀ", "factor 2"],
)
def test_wrong_frobenius_rejected_on_square(wrong, seed):
    assert not all(check_frobenius_forms(seed, (4, 4), product=wrong))


def test_frobenius_refuses_different_shapes():
    with pytest.raises(ValueError, match=r"equal shapes.*\(3, 5\).*\(5, 3\)"):
        frobenius(np.ones((3, 5)), np.ones((5, 3)))
