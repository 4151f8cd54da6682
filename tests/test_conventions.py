"""The conventions page: Frobenius product, column-major vec, the operations, layouts."""

import numpy as np
import pytest

from snippets.checks.conventions import (
    check_frobenius_forms,
    check_layouts,
    check_numerator_layout,
    check_symbols,
    check_vec_is_column_major,
)
from snippets.conventions import entrywise, frobenius, kron, sym

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


def test_numerator_layout_is_the_transposed_gradient(seed, shape):
    assert check_numerator_layout(seed, shape)


def test_our_gradient_is_not_the_numerator_layout_on_square_shapes(seed):
    assert not check_numerator_layout(seed, (4, 4, 4), numerator=lambda G, X: G @ X.T)


@pytest.mark.parametrize("rect", RECTANGLES)
def test_symbols_pass(seed, rect):
    assert all(check_symbols(seed, rect))


def test_kronecker_in_the_wrong_order_is_rejected(seed):
    assert not check_symbols(seed, (3, 3), kronecker=lambda A, B: kron(B, A))[1]


def test_inverse_without_transpose_is_rejected(seed):
    results = check_symbols(seed, (4, 4), inverse_T=np.linalg.inv)
    assert not results[4]
    assert not results[5]


def test_sym_without_the_half_is_rejected(seed, monkeypatch):
    import snippets.checks.conventions as checks

    monkeypatch.setattr(checks, "sym", lambda A: A + A.T)
    assert not check_symbols(seed, (4, 4))[3]


@pytest.mark.parametrize(
    ("function", "args", "message"),
    [
        (entrywise, (np.ones((2, 3)), np.ones((3, 2))), r"A ∘ B needs equal shapes"),
        (sym, (np.ones((2, 3)),), r"sym\(A\) needs a square matrix; got shape \(2, 3\)"),
    ],
)
def test_symbols_refuse_bad_shapes(function, args, message):
    with pytest.raises(ValueError, match=message):
        function(*args)
