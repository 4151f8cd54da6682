"""Misuse of the gradient checker gets a clear error that names the fix, never a silent answer.

Each case is one a new user runs into (issue 11): a forgotten star in expect_pass, a bool or
a text handed to it, NaN in a comparison, a NaN or negative tolerance, a gradient function of
the wrong signature, f failing only where the check moved x, a callable Jacobian, f in
float32, complex x.
"""

import numpy as np
import pytest

from snippets.gradcheck import (
    CheckResult,
    GradientCheckError,
    check_gradient,
    check_jacobian,
    compare,
    expect_pass,
    expect_reject,
    relative_error,
)

X = np.random.default_rng(0).standard_normal((3, 4))


def square(x):
    return np.sum(x**2)


def good():
    return check_gradient(square, 2 * X, X, label="Σ x²")


def bad():
    return check_gradient(square, -2 * X, X, label="−2x")


# --- expect_pass and expect_reject take results, one per argument ---------------------------


@pytest.mark.parametrize("expect", [expect_pass, expect_reject])
@pytest.mark.parametrize("container", [list, tuple])
def test_a_forgotten_star_is_named(expect, container):
    results = container([good(), bad()])
    with pytest.raises(TypeError, match=r"unpack it with a star.*\(\*results\).*forgotten"):
        expect(results)


@pytest.mark.parametrize("expect", [expect_pass, expect_reject])
@pytest.mark.parametrize("value", [True, False, np.True_])
def test_a_bool_is_refused_with_the_fix(expect, value):
    with pytest.raises(TypeError, match=r"the bool (True|False): pass the CheckResult itself"):
        expect(value)


@pytest.mark.parametrize("text", ["REJECTED", "passed"])
def test_a_text_is_refused_with_the_fix(text):
    with pytest.raises(TypeError, match=rf"the text '{text}': pass the CheckResult itself"):
        expect_pass(text)


def test_another_object_is_refused_with_its_type_and_position():
    with pytest.raises(TypeError, match=r"as argument 2, float 0\.5: it takes CheckResults"):
        expect_pass(good(), 0.5)


def test_results_still_work_and_subclasses_too():
    assert expect_pass(good()) == str(good())
    assert expect_reject(bad()) == str(bad())

    class Custom(CheckResult):
        pass

    assert expect_pass(Custom(True, 0.0, 0.0, "exact", "custom"))


# --- comparisons with NaN or inf never pass ---------------------------------------------------


@pytest.mark.parametrize("bad_value", [np.nan, np.inf, -np.inf])
def test_compare_with_nan_or_inf_never_passes(bad_value):
    zeros, other = np.zeros(3), np.zeros(3)
    other[1] = bad_value
    for a, b in [(zeros, other), (other, zeros), (other, other)]:
        result = compare(a, b, label="x", tolerance=1.0)
        assert not result
        assert relative_error(a, b) == np.inf
        assert "NaN or infinite" in str(result)
        with pytest.raises(AssertionError):
            expect_pass(result)


@pytest.mark.parametrize("tolerance", [np.nan, -1.0, -1e-12, np.inf, "1e-8", True])
def test_a_nan_negative_or_non_number_tolerance_is_refused(tolerance):
    for call in [
        lambda: compare(np.ones(2), np.ones(2), label="x", tolerance=tolerance),
        lambda: check_gradient(square, 2 * X, X, tolerance=tolerance),
        lambda: check_jacobian(lambda x: 2 * x, 2 * np.eye(X.size), X, tolerance=tolerance),
    ]:
        with pytest.raises(GradientCheckError, match=r"tolerance must be a (finite )?number ≥ 0"):
            call()


def test_compare_refuses_a_none_tolerance():
    with pytest.raises(GradientCheckError, match=r"tolerance must be a number ≥ 0; got None"):
        compare(np.ones(2), np.ones(2), label="x", tolerance=None)


def test_a_zero_tolerance_is_allowed():
    assert compare(np.ones(2), np.ones(2), label="x", tolerance=0.0)


# --- functions of the wrong signature ----------------------------------------------------------


def test_a_gradient_function_of_the_wrong_signature_names_its_parameters():
    def grad(W, X, Y):
        return 2 * W

    with pytest.raises(
        GradientCheckError,
        match=r"must take x alone; its signature is \(W, X, Y\).*lambda x: grad\(x, \.\.\.\)",
    ):
        check_gradient(square, grad, X)


def test_an_f_of_the_wrong_signature_names_its_parameters():
    def f(W, X):
        return np.sum(W * X)

    with pytest.raises(GradientCheckError, match=r"f must take x alone.*\(W, X\)"):
        check_gradient(f, 2 * X, X)


def test_arguments_in_the_wrong_order_are_named():
    with pytest.raises(GradientCheckError, match=r"f must be a function.*order f, claimed, x"):
        check_gradient(2 * X, square, X)


def test_functions_with_defaults_or_builtins_are_accepted():
    def f(x, scale=1.0):
        return scale * np.sum(x**2)

    assert check_gradient(f, lambda x, *rest: 2 * x, X)
    assert check_gradient(np.sin, np.cos, 0.3)


# --- f failing where the check moved x --------------------------------------------------------


@pytest.mark.parametrize("method", ["central", "directional"])
def test_f_raising_near_x_says_that_x_was_moved(method):
    x0 = X.copy()

    def fragile(x):
        if not np.array_equal(x, x0):
            raise ValueError("only defined at x0")
        return square(x)

    with pytest.raises(
        GradientCheckError, match=r"f raised ValueError: only defined at x0 at a point near x"
    ) as info:
        check_gradient(fragile, 2 * x0, x0, method=method)
    assert "the check moved x by a small step" in str(info.value)
    assert "At x itself f runs" in str(info.value)


def test_f_raising_at_x_raises_its_own_error():
    def broken(x):
        raise KeyError("a bug in f")

    for method in ["central", "directional"]:
        with pytest.raises(KeyError, match="a bug in f"):
            check_gradient(broken, 2 * X, X, method=method)


# --- check_jacobian takes a callable, as check_gradient does --------------------------------


def test_check_jacobian_accepts_a_callable_jacobian():
    A = np.random.default_rng(1).standard_normal((2, 3))

    def F(X):
        return A @ X

    def J(X):
        return np.kron(np.eye(X.shape[1]), A)

    assert check_jacobian(F, J, X)
    assert not check_jacobian(F, lambda X: 2 * J(X), X)
    with pytest.raises(GradientCheckError, match=r"the Jacobian function must take x alone"):
        check_jacobian(F, lambda X, A: J(X), X)


# --- precision and type hints ----------------------------------------------------------------


def test_a_float32_f_gets_a_hint():
    def f32(x):
        return np.sum(x.astype(np.float32) ** 2)

    with pytest.raises(GradientCheckError, match=r"f returned a float32 number.*Compute f in"):
        check_gradient(f32, 2 * X, X)


def test_f_computing_in_float32_inside_is_rejected_with_a_hint():
    W32 = np.random.default_rng(2).standard_normal((4, 4)).astype(np.float32)

    def f(x):
        return float(np.sum((W32 @ x.astype(np.float32)) ** 2))

    x = np.random.default_rng(3).standard_normal((4, 3))
    W = W32.astype(np.float64)
    result = check_gradient(f, 2 * W.T @ (W @ x), x)
    assert not result
    assert "float32 inside f" in str(result)


def test_complex_x_gets_its_own_message():
    with pytest.raises(GradientCheckError, match=r"complex128.*real functions of real arrays"):
        check_gradient(square, np.zeros(3), np.ones(3, dtype=complex))
    with pytest.raises(GradientCheckError, match=r"complex128.*real and imaginary parts"):
        check_gradient(square, np.zeros(3, dtype=complex), np.ones(3))


def test_directions_must_be_a_whole_number():
    for directions in [2.5, True, "2"]:
        with pytest.raises(GradientCheckError, match=r"directions must be a whole number"):
            check_gradient(square, 2 * X, X, method="directional", directions=directions)
