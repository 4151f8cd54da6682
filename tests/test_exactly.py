"""snippets/checks/exactly.py: exact agreement said in words, the rest as gradcheck says it."""

import numpy as np
import pytest

from snippets.checks.exactly import compare
from snippets.gradcheck import GradientCheckError
from snippets.gradcheck import compare as compare_numbers


def test_bit_equal_arrays_are_said_in_words():
    A = np.arange(12.0).reshape(3, 4)
    result = compare(A, A.copy(), label="A = A")
    assert result
    assert str(result) == "passed   A = A: all 12 entries exactly equal (two formulas, same inputs)"


def test_a_bit_equal_scalar():
    assert "A: exactly equal" in str(compare(2.0, 2.0, label="A"))


def test_a_small_error_is_printed_as_gradcheck_prints_it():
    a = np.ones(3)
    b = a * (1 + 1e-14)
    assert str(compare(a, b, label="near")) == str(compare_numbers(a, b, label="near"))
    assert "exactly" not in str(compare(a, b, label="near"))


@pytest.mark.parametrize("wrong", [lambda a: 2 * a, lambda a: -a, lambda a: a.T.copy()])
def test_wrong_values_are_still_rejected(wrong):
    a = np.random.default_rng(0).standard_normal((4, 4))
    result = compare(wrong(a), a, label="wrong")
    assert not result
    assert str(result).startswith("REJECTED")


def test_shapes_that_differ_are_still_refused():
    with pytest.raises(GradientCheckError, match="shapes differ"):
        compare(np.ones((3, 4)), np.ones((4, 3)), label="transposed")
