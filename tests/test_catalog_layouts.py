"""The layouts page (snippets/catalog/layouts.py and its checks)."""

import numpy as np
import pytest

from snippets.catalog.layouts import gradient_from_numerator, gradient_from_row
from snippets.checks.catalog.layouts import (
    check_chain_rule,
    check_numerator_to_gradient,
    check_row_derivative,
    check_tensor_jacobian,
)

SHAPES4 = [(2, 3, 4, 5), (3, 3, 3, 3)]
NUMERATOR_IDS = ["determinants.det", "determinants.det_A_xxt", "inverses.tr_AXinvB",
                 "inverses.xAinvx", "determinants.det_XtX"]  # fmt: skip


@pytest.mark.parametrize("id", NUMERATOR_IDS)
def test_numerator_conversion(seed, id):
    assert check_numerator_to_gradient(seed, id=id)


def test_numerator_unconverted_rejected():
    assert not check_numerator_to_gradient(convert=lambda N: N)  # square X: same shape, wrong


def test_row_derivative(seed):
    assert all(check_row_derivative(seed))
    assert not check_row_derivative(seed, convert=lambda Df, shape: Df.reshape(shape))[1]


@pytest.mark.parametrize("shape", SHAPES4)
def test_chain_rule(seed, shape):
    assert check_chain_rule(seed, shape)
    if len(set(shape)) == 1:  # J vec G has the right length only when all sizes agree

        def no_transpose(J, dY, s):
            return (J @ dY.reshape(-1, order="F")).reshape(s, order="F")

        assert not check_chain_rule(seed, shape, backprop=no_transpose)


@pytest.mark.parametrize("shape", SHAPES4)
def test_tensor_jacobian(seed, shape):
    assert all(check_tensor_jacobian(seed, shape))

    def row_major(T, k):
        return T.reshape(int(np.prod(T.shape[:k])), -1)

    assert not any(check_tensor_jacobian(seed, shape, convert=row_major))


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="2-D"):
        gradient_from_numerator(np.ones(3))
    with pytest.raises(ValueError, match=r"shape \(1, 6\)"):
        gradient_from_row(np.ones((6, 1)), (2, 3))
