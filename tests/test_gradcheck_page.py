"""The checks of the checking page that issue 11 added: the scaled wrong sign rejected by
every method, misuse refused with its message, and the chance of missing an error with
random directions, by formula and by count."""

import math

import pytest

from snippets.checks.checking import (
    check_miss_probability,
    check_scaled_square,
    check_sensitivity,
    f_underflows,
    gradient_of_three_arguments,
    miss_probability,
    results_in_a_list,
)
from snippets.figures.check_sensitivity import points, rejected_with
from snippets.gradcheck import METHODS


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
    ("c", "s"), [(1e-12, 1.0), (1e-300, 1.0), (1e290, 1.0), (1.0, 1e-150), (1.0, 1e150)]
)
def test_scaled_square_passes_right_and_rejects_the_wrong_sign(method, c, s):
    assert check_scaled_square(c, s, method=method)
    assert not check_scaled_square(c, s, sign=-1, method=method)


def test_misuse_messages_name_the_fix():
    assert "unpack it with a star, expect_pass(*results)" in results_in_a_list()
    assert "must take x alone" in gradient_of_three_arguments()
    assert "did f underflow?" in f_underflows()


def test_miss_probability_formula():
    assert miss_probability(1e-6, 2) == pytest.approx((math.erf(1e-2 / math.sqrt(2))) ** 2)
    assert miss_probability(1e-6, 2) < 1e-4 < miss_probability(1e-7, 2)
    assert miss_probability(1e-6, 4) < miss_probability(1e-6, 2) < miss_probability(1e-6, 1)


def test_counted_misses_agree_with_the_formula_and_a_wrong_formula_is_caught():
    assert check_miss_probability()
    assert check_miss_probability(directions=1)

    def uniform(rel, directions):  # as if |ξ| were uniform on [0, 1]: misses tol/rel per direction
        return min(1.0, 1e-8 / rel) ** directions

    assert not check_miss_probability(formula=uniform)


def test_sensitivity_figure_checks_pass_and_its_points_are_the_formula():
    assert all(check_sensitivity())
    rows = {name: (cost, error) for name, cost, error in points()}
    assert rows["2 directions, 99%"][0] == 8
    assert rows["2 directions, 99%"][1] == pytest.approx(rejected_with(0.99, 2, 1e-8))
    assert 5e-8 < rows["2 directions, 99%"][1] < 1e-7
    assert rows["five-point, every entry"] == (4 * 10**6 + 1, 1e-8)
