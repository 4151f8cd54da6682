"""The published-formulas page (snippets/catalog/published.py and its checks)."""

import numpy as np
import pytest

from snippets.catalog import published
from snippets.catalog.registry import by_id
from snippets.checks.catalog.published import (
    check_course_note,
    check_cross_entropy_batch,
    check_inverse_differential,
    check_layout_formula,
    check_least_squares,
    check_numerator_formula,
    check_quadratic,
    check_row_major_vec,
    check_symmetric_formula,
    check_transpose_jacobian,
)
from snippets.gradcheck import GradientCheckError
from snippets.layers.softmax import cross_entropy_backward

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


@pytest.mark.parametrize("n", [1, 2, 4])
def test_inverse_differential(seed, n):
    assert check_inverse_differential(seed, n, formula=published.inverse_differential)
    assert not check_inverse_differential(seed, n)

    def transposed_inverses(X, dX):
        Y = np.linalg.inv(X).T
        return -Y @ dX @ Y

    def transposed_direction(X, dX):
        return published.inverse_differential(X, dX.T)

    if n > 1:  # for n = 1 every transpose is the number itself
        assert not check_inverse_differential(seed, n, formula=transposed_inverses)
        assert not check_inverse_differential(seed, n, formula=transposed_direction)


@pytest.mark.parametrize("id", ["forms.aXb", "traces.AXB"])
@pytest.mark.parametrize("square", [None, 3, 4])
def test_numerator_formulas(seed, id, square):
    entry = by_id(id)
    assert check_numerator_formula(seed, id=id, square=square)
    assert check_numerator_formula(
        seed, id=id, formula=entry.grad, reading="gradient", square=square
    )
    if square is None:  # distinct dimensions: the shape alone refuses either swapped reading
        with pytest.raises(GradientCheckError, match="transposed shape"):
            check_numerator_formula(seed, id=id, reading="gradient")
        with pytest.raises(GradientCheckError, match="numerator-layout derivative has shape"):
            check_numerator_formula(seed, id=id, formula=entry.grad)
    else:
        assert not check_numerator_formula(seed, id=id, reading="gradient", square=square)
        assert not check_numerator_formula(seed, id=id, formula=entry.grad, square=square)


def full_least_squares_gradient(x, A, b):
    return 2 * A.T @ (A @ x - b)


@pytest.mark.parametrize("shape", [(5, 3), (2, 4), (3, 3), (4, 4)])
def test_least_squares(seed, shape):
    assert check_least_squares(seed, shape, loss="half")
    assert not check_least_squares(seed, shape, loss="full")
    assert check_least_squares(seed, shape, formula=full_least_squares_gradient, loss="full")
    assert not check_least_squares(seed, shape, formula=full_least_squares_gradient, loss="half")

    def negated(x, A, b):
        return -published.half_least_squares_gradient(x, A, b)

    assert not check_least_squares(seed, shape, formula=negated, loss="half")


@pytest.mark.parametrize("n", [3, 4])
def test_least_squares_A_not_transposed_rejected_on_square_A(seed, n):
    def A_not_transposed(x, A, b):
        return A @ (A @ x - b)

    assert not check_least_squares(seed, (n, n), formula=A_not_transposed, loss="half")
    assert not check_least_squares(seed, (n, n), formula=A_not_transposed, loss="full")


@pytest.mark.parametrize("shape", [(4, 3), (2, 5), (3, 3)])
def test_cross_entropy_batch(seed, shape):
    assert check_cross_entropy_batch(seed, shape, loss="sum")
    assert not check_cross_entropy_batch(seed, shape, loss="mean")
    assert check_cross_entropy_batch(seed, shape, formula=cross_entropy_backward, loss="mean")
    assert not check_cross_entropy_batch(seed, shape, formula=cross_entropy_backward, loss="sum")

    def softmax_over_columns(Z, T):
        return published.per_sample_cross_entropy_gradient(Z.T, T.T).T

    assert not check_cross_entropy_batch(seed, shape, formula=softmax_over_columns, loss="sum")


def test_cross_entropy_batch_of_one_needs_no_1_over_N(seed):
    assert check_cross_entropy_batch(seed, (1, 4), loss="mean")


def commutation_K(X):
    return by_id("matrix_valued.transpose").jacobian(X=X)


@pytest.mark.parametrize("shape", [(1, 4), (4, 1), (1, 1)])
def test_transpose_jacobian_is_identity_for_vectors(seed, shape):
    assert check_transpose_jacobian(seed, shape)
    assert check_transpose_jacobian(seed, shape, formula=commutation_K)


@pytest.mark.parametrize("shape", [(3, 4), (4, 3), (2, 2), (3, 3)])
def test_transpose_jacobian_is_commutation_for_matrices(seed, shape):
    assert not check_transpose_jacobian(seed, shape)
    assert check_transpose_jacobian(seed, shape, formula=commutation_K)

    def K_transposed_shape(X):  # K_nm where K_mn belongs
        return by_id("matrix_valued.transpose").jacobian(X=X.T)

    if shape[0] != shape[1]:
        assert not check_transpose_jacobian(seed, shape, formula=K_transposed_shape)
