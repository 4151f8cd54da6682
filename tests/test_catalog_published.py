"""The published-formulas page (snippets/catalog/published.py and its checks)."""

import numpy as np
import pytest

from snippets.catalog import published
from snippets.checks.catalog.published import (
    check_course_note,
    check_layout_formula,
    check_quadratic,
    check_row_major_vec,
    check_symmetric_formula,
)

SYMMETRIC = ["structured.logdet_spd", "structured.tr_AX_sym"]


@pytest.mark.parametrize("id", SYMMETRIC)
def test_symmetric_formulas_right_only_as_partial_derivatives(seed, id):
    assert check_symmetric_formula(seed, id=id, reading="entries")
    assert not check_symmetric_formula(seed, id=id, reading="gradient")


def test_quadratic(seed):
    assert check_quadratic(seed, W_symmetric=True)
    assert not check_quadratic(seed, W_symmetric=False)
    assert check_quadratic(seed, W_symmetric=False, formula=published.quadratic_any_W)
    assert check_quadratic(seed, W_symmetric=True, formula=published.quadratic_any_W)


def test_layout(seed):
    assert check_layout_formula(seed, layout="numerator")
    assert not check_layout_formula(seed, layout="gradient")


@pytest.mark.parametrize("shape", [(2, 3, 4, 5), (3, 3, 3, 3)])
def test_row_major_vec(seed, shape):
    assert check_row_major_vec(seed, shape, order="C")
    assert not check_row_major_vec(seed, shape, order="F")

    def column_major(A, B):
        return np.kron(B.T, A)

    assert check_row_major_vec(seed, shape, formula=column_major, order="F")
    assert not check_row_major_vec(seed, shape, formula=column_major, order="C")


def test_course_note(seed):
    assert check_course_note(seed, phi="trace")
    assert not check_course_note(seed, phi="weighted")
