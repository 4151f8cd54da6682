"""The checker at every scale (issue 11): no silent pass, no false rejection, and a check of a
million entries in at most 8 evaluations of f that still rejects a 1e-6 relative error.

The grid is the one of tests/gradcheck_sweep.py (which prints the same counts): 4 functions
× 19 scale settings × 4 methods × (the correct gradient and five mistakes).
"""

import numpy as np
import pytest

from snippets.gradcheck import (
    DEFAULT_DIRECTIONS,
    GradientCheckError,
    check_gradient,
    expect_pass,
    expect_reject,
)
from tests.gradcheck_sweep import METHODS, MISTAKES, sweep, tally


@pytest.fixture(scope="module")
def grid():
    return list(sweep())


def test_the_grid_has_the_issues_1520_cases_and_one_entry_off_on_top(grid):
    assert len(grid) == 1520 + 304
    assert {row[3] for row in grid} == set(METHODS)
    assert {row[4] for row in grid} == {"correct", *MISTAKES}


def test_no_mistake_passes_anywhere_on_the_grid(grid):
    silent = [row for row in grid if row[5] and row[4] != "correct" and row[6] == "passed"]
    assert silent == []


def test_no_correct_gradient_is_rejected_anywhere_on_the_grid(grid):
    false = [row for row in grid if row[5] and row[4] == "correct" and row[6] == "rejected"]
    assert false == []


def test_the_grid_is_decided_where_float64_holds_the_values(grid):
    counts = tally(grid)
    # Every representable case gets a verdict: a refusal there would be allowed, but today
    # there is none, and a new one should be looked at.
    assert counts["clear refusals"] == 0, counts
    assert counts["mistakes rejected"] == 5 * counts["correct passed"] > 0


def test_out_of_range_cases_are_refused_or_decided_never_crash(grid):
    outcomes = {row[6].split(":")[0] for row in grid if not row[5]}
    assert outcomes <= {"passed", "rejected", "refused"}


# --- the cases the issue names, one by one ----------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_the_1e_12_scaled_wrong_sign_is_rejected(method):
    X = np.random.default_rng(0).standard_normal((3, 4))

    def f(X):
        return 1e-12 * np.sum(X**2)

    assert expect_pass(check_gradient(f, 2e-12 * X, X, method=method))
    assert expect_reject(check_gradient(f, -2e-12 * X, X, method=method))


@pytest.mark.parametrize("method", METHODS)
def test_a_linear_f_at_x_of_scale_1e12_rejects_2A_and_minus_A(method):
    rng = np.random.default_rng(1)
    A, X = rng.standard_normal((3, 4)), 1e12 * rng.standard_normal((3, 4))

    def f(X):
        return np.sum(A * X)

    assert check_gradient(f, A, X, method=method)
    assert not check_gradient(f, 2 * A, X, method=method)
    assert not check_gradient(f, -A, X, method=method)


@pytest.mark.parametrize("scale", [1e-30, 1e-100, 1e-200])
def test_complex_step_accepts_log_at_tiny_x(scale):
    x = scale * np.exp(np.random.default_rng(2).standard_normal(5))

    def f(x):
        return np.sum(np.log(x))

    assert check_gradient(f, 1 / x, x, method="complex")
    assert not check_gradient(f, -1 / x, x, method="complex")


def test_f_that_underflows_to_zero_is_refused_not_rejected():
    X = 1e-200 * np.ones((2, 2))

    def f(X):
        return 1e300 * np.sum(X**2)  # X² underflows to 0: f is 0 everywhere near X

    with pytest.raises(GradientCheckError, match=r"f is exactly 0 at x.*underflow"):
        check_gradient(f, 2e300 * X, X)


def test_f_that_overflows_is_refused_with_the_word():
    X = 1e200 * np.ones((2, 2))
    with np.errstate(over="ignore"), pytest.raises(GradientCheckError, match=r"overflow"):
        check_gradient(lambda X: np.sum(X**2), 2 * X, X)


def test_a_stationary_point_passes_and_says_so_in_words():
    c = np.random.default_rng(3).standard_normal(6)
    result = check_gradient(lambda x: np.sum((x - c) ** 2) + 1.0, np.zeros(6), c.copy())
    assert result
    assert "all 6 claimed entries are exactly zero" in str(result)


def test_exact_agreement_is_said_in_words():
    from snippets.gradcheck import compare

    text = str(compare(np.zeros((3, 40)), np.zeros((3, 40)), label="dB"))
    assert "all 120 entries are exactly zero on both sides" in text
    assert "0.0e+00" not in text


# --- a million entries in at most 8 evaluations ---------------------------------------------


class Counted:
    def __init__(self, f):
        self.f, self.calls = f, 0

    def __call__(self, x):
        self.calls += 1
        return self.f(x)


def test_a_million_entries_cost_8_evaluations_and_a_1e6_error_is_rejected():
    rng = np.random.default_rng(4)
    x = rng.standard_normal(10**6)
    g = 1 / (1 + np.exp(-x))

    def softplus(x):
        return np.sum(np.logaddexp(0.0, x))

    counted = Counted(softplus)
    assert check_gradient(counted, g, x)
    assert counted.calls == 4 * DEFAULT_DIRECTIONS <= 8
    signs = rng.choice([-1.0, 1.0], size=x.size)
    off = check_gradient(softplus, g + 1e-6 * np.max(g) * signs, x)
    assert not off
    assert off.max_rel_error > 1e-7


# --- regressions: cases that broke the checker while it was rewritten --------------------------


def test_directions_are_not_the_numbers_x_was_drawn_with():
    # x drawn with default_rng(0) and directions seeded 0 once drew the same z: u = s ⊙ x,
    # along which ⟨g, u⟩ is far larger than typical and hid a 1e-6 error.
    x = np.random.default_rng(0).standard_normal(10_000)
    g = 1 / (1 + np.exp(-x))
    signs = np.random.default_rng(10_000).choice([-1.0, 1.0], size=x.size)
    off = check_gradient(lambda x: np.sum(np.logaddexp(0.0, x)), g + 1e-6 * signs, x, seed=0)
    assert not off
    assert off.max_rel_error > 1e-7


def test_a_zero_gradient_computed_through_cancelling_terms_passes():
    # tr(X⁻¹ A X) = tr(A): f is constant, but computed from terms much larger than f, so its
    # numerical gradient is noise above eps·|f|; the spread of f's values accounts for it.
    rng = np.random.default_rng(2)
    X = 2 * np.eye(4) + rng.standard_normal((4, 4)) / 2
    A = rng.standard_normal((4, 4))
    A -= np.trace(A) / 4 * np.eye(4)  # tr A = 0: f is near 0, its terms are not
    result = check_gradient(lambda X: np.trace(np.linalg.solve(X, A @ X)), np.zeros((4, 4)), X)
    assert result
    assert "exactly zero" in str(result)


def test_a_gradient_at_rounding_level_on_both_sides_passes_as_zero_by_complex_step():
    # A bias that f ignores in exact arithmetic (softmax is shift-invariant): the backward
    # pass gives rounding noise, and so does the complex step.
    rng = np.random.default_rng(3)
    Z, w = rng.standard_normal((3, 5)), rng.standard_normal((3, 5))

    def f(b):
        S = Z + b  # the same shift for every entry of a row
        E = np.exp(S - np.max(S.real, axis=1, keepdims=True))
        return np.sum(w * E / np.sum(E, axis=1, keepdims=True))

    b = rng.standard_normal((3, 1))
    noise = 1e-17 * rng.standard_normal((3, 1))
    result = check_gradient(f, noise, b, method="complex")
    assert result
    assert "zero to f's rounding level" in str(result)
