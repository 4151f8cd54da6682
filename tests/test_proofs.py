"""The statements of the proofs page about tolerances, the Schwartz–Zippel bound and its
2 × 2 example, each reproduced and shown to reject a wrong version."""

from types import SimpleNamespace

import pytest

from snippets.checks.proofs import (
    _first_pair,
    _off_diagonal_pairs,
    check_agreement_condition,
    check_tolerance_is_a_choice,
    degree_bound,
)
from snippets.exact.exact_check import SIZE_OF_S


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_numerical_methods_beat_the_default_tolerance(seed):
    five_point, complex_step, wrong = check_tolerance_is_a_choice(seed)
    assert five_point
    assert five_point.max_rel_error < 1e-10
    assert complex_step
    assert complex_step.max_rel_error < 1e-13
    assert not wrong  # off by 1e-9: the complex step at 1e-12 sees it


def test_a_tolerance_still_lets_a_smaller_error_through():
    """The point of the page: below its tolerance, a wrong formula passes any numerical check."""
    _, _, off_by_1e_13 = check_tolerance_is_a_choice(
        backward=lambda dD, W, X: (dD @ X.T) * (1 + 1e-13)
    )
    assert off_by_1e_13


def test_two_by_two_condition_holds_at_two_by_two_only():
    assert check_agreement_condition(2, _first_pair)
    for k in (3, 4):
        assert not check_agreement_condition(k, _first_pair)


@pytest.mark.parametrize("k", [1, 2, 3, 4, 5])
def test_general_condition_holds_at_every_size(k):
    assert check_agreement_condition(k, _off_diagonal_pairs)


@pytest.mark.parametrize(
    "wrong",
    [
        lambda A, U: -_off_diagonal_pairs(A, U),
        lambda A, U: 2 * _off_diagonal_pairs(A, U),
        lambda A, U: sum((A[i, j] - A[j, i]) * U[i, j] for i in range(3) for j in range(i + 1, 3)),
    ],
    ids=["wrong sign", "factor 2", "U not antisymmetrized"],
)
def test_wrong_conditions_rejected(wrong):
    assert not check_agreement_condition(3, wrong)


def _measured(*degrees):
    return [SimpleNamespace(degree=d) for d in degrees]


def test_degree_bound_passes_below_and_prints_the_bound():
    result = degree_bound(_measured(3, 12, 7))
    assert result
    assert result.degree == 12
    text = str(result)
    assert f"12/{SIZE_OF_S}" in text
    assert f"{(12 / SIZE_OF_S) ** 5:.1e}" in text


@pytest.mark.parametrize("top", [25, 41])
def test_degree_bound_rejects_a_degree_not_below(top):
    assert not degree_bound(_measured(2, top))


def test_degree_bound_passes_just_below():
    assert degree_bound(_measured(2, 24))
