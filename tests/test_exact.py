"""Exact checks (snippets/exact/, snippets/checks/proofs.py): dual numbers over fractions.

Every identity of part 1 and every catalogue entry with `exact` set passes at random integer
points; wrong formulas are rejected with tolerance zero, on square inputs too.
"""

from dataclasses import replace
from fractions import Fraction

import numpy as np
import pytest

from snippets.catalog.linalg import det, inv
from snippets.checks.proofs import (
    JACOBIANS,
    PART_ONE,
    check_catalog_exact,
    check_exact,
    check_schwartz_zippel,
    check_slightly_wrong,
    exact_entries,
    exact_matrix_entries,
    on_free_variable,
)
from snippets.claims import kron_I_Xt
from snippets.exact.dual import Dual, directional_derivative, dual_array, slope_of, value_of
from snippets.exact.exact_check import (
    as_fractions,
    at_random_point,
    check_gradient_exactly,
    compare_exactly,
    exact_inputs,
)

BY_ID = {c.id: c for c in [*PART_ONE, *JACOBIANS]}


def square(claim, k=3):
    """The claim with every dimension of its sample equal to k: transposes keep their shape."""
    return replace(claim, sample=lambda rng: claim.sample(rng, square=k))


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_part_one_is_exact(seed):
    results = check_exact(seed)
    assert len(results) == len(PART_ONE) + len(JACOBIANS)
    assert all(results), [str(r) for r in results if not r]
    assert all(r.max_rel_error == 0.0 for r in results)


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_part_one_is_exact_on_square_inputs(seed):
    results = check_exact(seed, [square(c) for c in PART_ONE], [square(c) for c in JACOBIANS])
    assert all(results), [str(r) for r in results if not r]


@pytest.mark.parametrize("seed", [1])  # the page checks seed 0: a second independent point
def test_catalogue_is_exact(seed):
    results = check_catalog_exact(seed)
    assert len(results) == len(exact_entries()) + len(exact_matrix_entries())
    assert all(results), [str(r) for r in results if not r]


MISTAKES = {
    "matmul: dW = dD Xᵀ": lambda W, X, G: G.T @ X.T,  # factors swapped and transposed
    "matmul: dX = Wᵀ dD": lambda W, X, G: W @ G,  # transpose forgotten
    "linear layer: db = dD 1": lambda W, X, b, G: G.sum(axis=1) / G.shape[1],  # a mean, not a sum
    "∂ tr(AX)/∂X = Aᵀ": lambda X, A: A,  # numerator layout
    "∂ tr(XᵀAX)/∂X = (A + Aᵀ)X": lambda X, A: 2 * A @ X,  # symmetrisation missing
    "‖WX − Y‖²: dW = 2(WX − Y)Xᵀ": lambda W, X, Y: (W @ X - Y) @ X.T,  # factor 2 missing
    "Σ D²: dX = 2 Wᵀ D": lambda W, X: -2 * W.T @ (W @ X),  # wrong sign
    "D = W Wᵀ: dW = G W + Gᵀ W": lambda W, G: 2 * G @ W,  # G assumed symmetric
    "∂ det X/∂X = det(X) X⁻ᵀ": lambda X: det(X) * inv(X),  # X⁻¹ for X⁻ᵀ
    "two-layer net loss: dY = (Y − T)/n": lambda Y, T: Y - T,  # 1/n missing
}


@pytest.mark.parametrize("claim_id", MISTAKES)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_wrong_formulas_rejected_exactly_on_square_inputs(claim_id, seed):
    wrong = replace(square(BY_ID[claim_id]), grad=MISTAKES[claim_id])
    (result,) = check_exact(seed, [wrong], [])
    assert not result, str(result)
    assert "≠" in str(result)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_row_major_kronecker_rejected_exactly_on_square_inputs(seed):
    claim = square(BY_ID["∂vec(WX)/∂vec W = Xᵀ ⊗ I"])
    (result,) = check_exact(seed, [], [replace(claim, jacobian=kron_I_Xt)])
    assert not result, str(result)


@pytest.mark.parametrize("entry", exact_entries(), ids=lambda e: e.id)
def test_catalogue_wrong_sign_and_transpose_rejected_exactly(entry):
    _f, grad, sample = on_free_variable(entry)
    template = sample(np.random.default_rng(0))
    G = np.asarray(grad(**template))
    negated = replace(entry, grad=lambda **a: -entry.grad(**a))
    results = [] if np.allclose(G, 0) else check_exact(0, [negated], [])  # tr(X⁻¹AX): G = 0
    if G.ndim == 2 and G.shape[0] == G.shape[1] and not np.allclose(G, G.T):
        results += check_exact(0, [replace(entry, grad=lambda **a: entry.grad(**a).T)], [])
    assert results or np.allclose(G, 0)
    assert not any(results), [str(r) for r in results if r]


def test_a_formula_wrong_by_1e_9_passes_numerically_but_not_exactly():
    numerical, exact = check_slightly_wrong()
    assert numerical
    assert numerical.max_rel_error < 1e-8
    assert not exact
    right_numerical, right_exact = check_slightly_wrong(backward=lambda G, W, X: G @ X.T)
    assert right_numerical
    assert right_exact


def test_schwartz_zippel_bound_holds_and_is_tight_enough_to_see():
    result = check_schwartz_zippel()
    assert result, str(result)
    assert 0.4 < result.max_rel_error <= 2 / 3  # the exact probability is 5/9
    large = check_schwartz_zippel(bound=10_000, draws=100)
    assert large
    assert large.passes == 0
    right = check_schwartz_zippel(claim=lambda X, A: A.T, draws=50)
    assert right.passes == right.draws  # the right gradient passes everywhere


def test_new_registry_entries_are_covered_without_change():
    entry = exact_entries()[0]
    twin = replace(entry, id="test.twin")
    results = check_catalog_exact(0, entries=[entry, twin], matrix_entries=[])
    assert [r.label for r in results] == [entry.id, "test.twin"]
    assert all(results)


# --- the dual numbers themselves --------------------------------------------------------------


def test_dual_arithmetic_follows_epsilon_squared_zero():
    x, y = Dual(3, 1), Dual(Fraction(1, 2), 4)
    assert x * y == Dual(Fraction(3, 2), 12 + Fraction(1, 2))
    assert x / y == Dual(6, (Fraction(1, 2) - 3 * 4) / Fraction(1, 4))
    assert x**3 == Dual(27, 27)  # d/dt (3 + t)³ = 3·3²
    assert x**-1 == Dual(Fraction(1, 3), Fraction(-1, 9))
    assert 2 - x == Dual(-1, -1)
    assert 1.5 * x == Dual(Fraction(9, 2), Fraction(3, 2))  # floats enter exactly


def test_dual_refuses_what_would_round_or_is_undefined():
    with pytest.raises(TypeError, match="left exact arithmetic"):
        float(Dual(1, 2))
    with pytest.raises(ZeroDivisionError, match="value 0"):
        Dual(1) / Dual(0, 1)
    with pytest.raises(TypeError, match="rational"):
        Dual(1j)
    with pytest.raises(TypeError, match="integer powers"):
        Dual(2) ** 0.5
    with pytest.raises(ValueError, match="finite"):
        Dual(float("nan"))


def test_dual_numbers_run_through_numpy_object_arrays():
    A = dual_array(np.array([[1, 2], [3, 4]]), np.array([[1, 0], [0, 0]]))
    value, slope = value_of(A @ A), slope_of(A @ A)
    assert value[0, 0] == 7
    assert slope[0, 0] == 2
    assert slope_of(np.trace(A @ np.eye(2)))[()] == 1


def test_directional_derivative_needs_the_variables_shape():
    inputs = {"X": np.array([[Fraction(1), Fraction(2)]], dtype=object)}
    with pytest.raises(ValueError, match="shape"):
        directional_derivative(lambda X: np.sum(X), inputs, "X", np.ones((2, 1), dtype=int))


def test_exact_inputs_keep_structure_and_bounds():
    rng = np.random.default_rng(0)
    S = rng.standard_normal((4, 4))
    template = {"S": S + S.T, "D": np.diag([1.0, 2.0, 3.0]), "idx": np.array([0, 2])}
    out = exact_inputs(template, rng, bound=50)
    assert all(x == y for x, y in zip(out["S"].flat, out["S"].T.flat, strict=True))
    assert all(out["D"][i, j] == 0 for i in range(3) for j in range(3) if i != j)
    assert all(isinstance(x, Fraction) and abs(x) <= 50 for x in out["S"].flat)
    assert out["idx"] is template["idx"]
    with pytest.raises(TypeError, match="float or integer"):
        exact_inputs({"Z": np.array([1j])}, rng)


def test_comparison_is_exact_and_reports_the_first_difference():
    a = np.array([Fraction(1, 3), Fraction(2)], dtype=object)
    b = np.array([Fraction(1, 3), Fraction(2) + Fraction(1, 10**30)], dtype=object)
    result = compare_exactly(a, b, label="tiny")
    assert not result
    assert result.equal == 1
    assert result.entries == 2
    assert "[1]" in result.shown
    assert "≠" in result.shown
    with pytest.raises(ValueError, match="shapes differ"):
        compare_exactly(a, a[:1], label="shapes")
    with pytest.raises(ValueError, match="nonzero slope"):
        as_fractions(np.array([Dual(1, 1)], dtype=object))


def test_gradient_of_the_wrong_shape_is_an_error_not_a_pass():
    inputs = {"X": np.array([[Fraction(1), Fraction(2)]], dtype=object)}
    U = np.array([[Fraction(1), Fraction(1)]], dtype=object)
    with pytest.raises(ValueError, match="shape"):
        check_gradient_exactly(lambda X: np.sum(X), lambda X: X.T, inputs, "X", U, label="T")


def test_singular_points_are_redrawn_and_then_reported():
    rng_template = {"X": np.ones((2, 2))}
    calls = []

    def always_singular(inputs, rng):
        calls.append(1)
        raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError, match="zero denominator"):
        at_random_point(always_singular, rng_template)
    assert len(calls) == 6
