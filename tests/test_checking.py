"""The page "Checking your own gradients": its examples pass, its wrong claims are rejected,
its error messages name the problem and the shapes, and its table says what the prose says."""

import re

import numpy as np
import pytest

from snippets.checks.checking import (
    EPS,
    LOGDET_MISTAKES,
    SOFTPLUS_MISTAKES,
    STEPS,
    check_det,
    check_error_measure,
    check_inverse_backward,
    check_logdet,
    check_refuses_complex_step_on_real_only_f,
    check_refuses_float32_x,
    check_refuses_integer_x,
    check_refuses_nan_x,
    check_refuses_non_scalar_f,
    check_refuses_transposed_gradient,
    check_softplus_G,
    check_softplus_loss,
    check_stencil_orders,
    det_grad,
    error_measure,
    inverse_backward,
    logdet_grad,
    loss_inputs,
    random_invertible,
    refusal,
    softplus_loss,
    softplus_loss_G,
    softplus_loss_grad,
    stencil_errors,
)
from snippets.gradcheck import CheckFailedError, check_gradient, relative_error

BIG = (100, 200, 300)


def sizes(shape):
    """The square sizes n a shape (m, q, n) offers: each of its dimensions."""
    return sorted(set(shape))


# --- the examples pass ---------------------------------------------------------------------


def test_logdet_passes(seed, shape):
    for n in sizes(shape):
        assert check_logdet(seed, n)
        assert check_logdet(seed, n, symmetric=True)


def test_logdet_grad_is_the_inverse_transposed(seed):
    X = random_invertible(seed, 4)
    assert logdet_grad(X).shape == X.shape
    assert relative_error(logdet_grad(X) @ X.T, np.eye(4)) < 1e-12


def test_random_invertible_is_well_conditioned(seed):
    for n in [1, 3, 4, 5]:
        assert np.linalg.cond(random_invertible(seed, n)) < 10
        S = random_invertible(seed, n, symmetric=True)
        assert np.array_equal(S, S.T)
        assert np.linalg.eigvalsh(S).min() >= 1 - 1e-12


def test_softplus_loss_passes(seed, shape):
    assert check_softplus_loss(seed, shape)


@pytest.mark.parametrize("method", ["central", "complex", "directional"])
def test_softplus_loss_passes_by_every_method(seed, shape, method):
    result = check_softplus_loss(seed, shape, method=method)
    assert result
    assert result.method.startswith(method[:7])


def test_softplus_loss_gradient_has_the_shape_of_W(shape):
    W, X, T = loss_inputs(0, shape)
    m, q, n = shape
    assert W.shape == (m, q)
    assert X.shape == (q, n)
    assert T.shape == (m, n)
    assert set(np.unique(T)) <= {-1.0, 1.0}
    assert softplus_loss_grad(W, X, T).shape == (m, q)
    assert np.shape(softplus_loss(W, X, T)) == ()


def test_softplus_loss_by_index_notation(seed, shape):
    # ∂φ/∂W_ik = Σ_j G_ij X_kj with G_ij = −T_ij σ(−T_ij D_ij), written out with einsum.
    W, X, T = loss_inputs(seed, shape)
    D = np.einsum("ik,kj->ij", W, X)
    G = -T / (1 + np.exp(T * D))
    assert relative_error(softplus_loss_grad(W, X, T), np.einsum("ij,kj->ik", G, X)) < 1e-13


def test_softplus_loss_on_a_large_W_uses_directions_and_passes(seed):
    result = check_softplus_loss(seed, BIG)
    assert result
    assert result.method.startswith("directional")


def test_inverse_backward_passes(seed, shape):
    for n in sizes(shape):
        assert check_inverse_backward(seed, n)
        assert check_inverse_backward(seed, n, upstream="ones")


def test_det_passes(seed, shape):
    for n in sizes(shape):
        assert check_det(seed, n)


def test_softplus_G_passes(seed, shape):
    assert check_softplus_G(seed, shape)


def test_error_measure_passes(seed, shape):
    for n in sizes(shape):
        assert all(check_error_measure(seed, n))


def test_stencil_orders_pass():
    for x in [-1.0, 0.5, 2.0]:
        assert all(check_stencil_orders(x))


# --- wrong answers are rejected ------------------------------------------------------------


@pytest.mark.parametrize("mistake", LOGDET_MISTAKES, ids=str)
def test_logdet_mistakes_rejected(seed, shape, mistake):
    for n in sizes(shape):
        if n == 1 and mistake == "X⁻¹":
            continue  # a 1 × 1 matrix is its own transpose: nothing to catch
        assert not check_logdet(seed, n, grad=LOGDET_MISTAKES[mistake], label=mistake)


def test_logdet_transposed_rejected_on_square_non_symmetric_x(seed):
    for n in [2, 3, 4, 5]:
        assert not check_logdet(seed, n, grad=np.linalg.inv)


@pytest.mark.parametrize("mistake", SOFTPLUS_MISTAKES, ids=str)
def test_softplus_mistakes_rejected(seed, shape, mistake):
    wrong = SOFTPLUS_MISTAKES[mistake]
    W, X, T = loss_inputs(seed, shape)
    if relative_error(wrong(W, X, T), softplus_loss_grad(W, X, T)) < 1e-12:
        # Dropping −T is harmless only if every label is −1, possible on the 1 × 2 labels of
        # shape (1, 3, 2); the check must then pass, and the mistake is caught elsewhere.
        assert mistake == "σ(−T ⊙ D) Xᵀ"
        assert np.all(T == -1.0)
        assert check_softplus_loss(seed, shape, grad=wrong)
        return
    assert not check_softplus_loss(seed, shape, grad=wrong, label=mistake)


@pytest.mark.parametrize("mistake", SOFTPLUS_MISTAKES, ids=str)
def test_softplus_mistakes_rejected_on_page_shape_and_square(seed, mistake):
    for shape in [(3, 4, 5), (4, 4, 4)]:
        assert not check_softplus_loss(seed, shape, grad=SOFTPLUS_MISTAKES[mistake])


def test_softplus_transposed_rejected_on_square_shapes(seed):
    def transposed(W, X, T):
        return softplus_loss_grad(W, X, T).T

    for shape in [(4, 4, 4), (3, 3, 5)]:
        assert not check_softplus_loss(seed, shape, grad=transposed)


def test_softplus_X_instead_of_X_transposed_rejected_on_square_shapes(seed):
    def with_X(W, X, T):
        return (-T * (1 / (1 + np.exp(T * (W @ X))))) @ X

    assert not check_softplus_loss(seed, (4, 4, 4), grad=with_X)


@pytest.mark.parametrize("method", ["complex", "directional"])
@pytest.mark.parametrize("mistake", SOFTPLUS_MISTAKES, ids=str)
def test_softplus_mistakes_rejected_by_every_method(seed, mistake, method):
    assert not check_softplus_loss(seed, (3, 4, 5), grad=SOFTPLUS_MISTAKES[mistake], method=method)


def test_softplus_gradient_off_by_1e6_rejected_on_a_large_W(seed):
    def slightly_off(W, X, T):
        return softplus_loss_grad(W, X, T) * (1 + 1e-6)

    result = check_softplus_loss(seed, BIG, grad=slightly_off)
    assert not result
    assert result.method.startswith("directional")


def with_G_transposed(dF, X):
    return inverse_backward(dF.T, X)


INVERSE_MISTAKES = {
    "G transposed": with_G_transposed,
    "X⁻¹ for X⁻ᵀ": lambda dF, X: -np.linalg.inv(X) @ dF @ np.linalg.inv(X),
    "wrong sign": lambda dF, X: -inverse_backward(dF, X),
    "factor 2": lambda dF, X: 2 * inverse_backward(dF, X),
}


@pytest.mark.parametrize("mistake", INVERSE_MISTAKES, ids=str)
def test_inverse_backward_mistakes_rejected_with_a_random_G(seed, shape, mistake):
    for n in sizes(shape):
        if n == 1 and mistake in ("G transposed", "X⁻¹ for X⁻ᵀ"):
            continue  # 1 × 1: transposing changes nothing
        assert not check_inverse_backward(seed, n, backward=INVERSE_MISTAKES[mistake])


def test_all_ones_G_hides_a_transposed_G(seed):
    # What the page shows: the same wrong backward pass, rejected with a random G and
    # passed with the all-ones G that F.sum() amounts to.
    for n in [2, 3, 4, 5]:
        assert not check_inverse_backward(seed, n, backward=with_G_transposed)
        assert check_inverse_backward(seed, n, backward=with_G_transposed, upstream="ones")


def test_all_ones_G_still_catches_mistakes_that_do_not_transpose_it(seed):
    for mistake in ["X⁻¹ for X⁻ᵀ", "wrong sign", "factor 2"]:
        wrong = INVERSE_MISTAKES[mistake]
        assert not check_inverse_backward(seed, 4, backward=wrong, upstream="ones")


def test_symmetric_x_hides_the_transposed_logdet_gradient(seed):
    for n in [2, 3, 4, 5]:
        assert check_logdet(seed, n, grad=LOGDET_MISTAKES["X⁻¹"], symmetric=True)
        assert not check_logdet(seed, n, grad=LOGDET_MISTAKES["X⁻¹"])


DET_MISTAKES = {
    "X⁻ᵀ, the log forgotten": lambda X: np.linalg.inv(X).T,
    "det(X) X⁻¹, transposed": lambda X: np.linalg.det(X) * np.linalg.inv(X),
    "−det(X) X⁻ᵀ": lambda X: -det_grad(X),
}


@pytest.mark.parametrize("mistake", DET_MISTAKES, ids=str)
def test_det_mistakes_rejected_on_square_non_symmetric_x(seed, mistake):
    for n in [2, 3, 4, 5]:
        assert not check_det(seed, n, grad=DET_MISTAKES[mistake])


SOFTPLUS_G_MISTAKES = {
    "−T dropped": lambda D, T: sigmoid_of(-T * D),
    "σ(T ⊙ D)": lambda D, T: -T * sigmoid_of(T * D),
    "wrong sign": lambda D, T: -softplus_loss_G(D, T),
    "transposed": lambda D, T: softplus_loss_G(D, T).T,
}


def sigmoid_of(z):
    return 1.0 / (1.0 + np.exp(-z))


@pytest.mark.parametrize("mistake", SOFTPLUS_G_MISTAKES, ids=str)
def test_softplus_G_mistakes_rejected_on_square(seed, mistake):
    assert not check_softplus_G(seed, (4, 4, 4), G=SOFTPLUS_G_MISTAKES[mistake])


WRONG_ERROR_MEASURES = {
    "entry by entry": lambda g, h: np.max(np.abs(g - h) / np.abs(h)),
    "relative to the claim only": lambda g, h: np.max(np.abs(g - h)) / np.max(np.abs(g)),
    "mean, not max": lambda g, h: np.mean(np.abs(g - h)) / max(np.abs(g).max(), np.abs(h).max()),
}


@pytest.mark.parametrize("wrong", WRONG_ERROR_MEASURES.values(), ids=WRONG_ERROR_MEASURES.keys())
def test_wrong_error_measures_rejected(seed, wrong):
    assert not all(check_error_measure(seed, 4, error=wrong))


@pytest.mark.parametrize(("two", "five"), [(1.0, 4.0), (2.0, 2.0), (2.0, 5.0), (4.0, 4.0)])
def test_wrong_stencil_orders_rejected(two, five):
    assert not all(check_stencil_orders(two_point=two, five_point=five))


def test_error_measure_is_the_checkers_relative_error(seed):
    g, h = np.random.default_rng(seed).standard_normal((2, 3, 4))
    assert error_measure(g, h) == relative_error(g, h)


# --- the error messages --------------------------------------------------------------------


def shape_text(shape):
    return re.escape(str(tuple(shape)))


def test_integer_x_refused(seed, shape):
    m, q, _ = shape
    message = check_refuses_integer_x(seed, shape)
    assert message.startswith("GradientCheckError: ")
    assert re.search(
        rf"x must be a float64 array; got dtype int64, shape {shape_text((m, q))}", message
    )
    assert ".astype(float)" in message


def test_float32_x_refused(seed, shape):
    m, q, _ = shape
    message = check_refuses_float32_x(seed, shape)
    assert re.search(rf"float64 array; got dtype float32, shape {shape_text((m, q))}", message)


def test_nan_x_refused(seed, shape):
    m, q, _ = shape
    message = check_refuses_nan_x(seed, shape)
    assert re.search(
        rf"x has 1 non-finite entry \(NaN or inf\), the first at index \(0, 1\),"
        rf" in an array of shape {shape_text((m, q))}",
        message,
    )


def test_transposed_gradient_refused_on_non_square_W(seed, shape):
    m, q, _ = shape
    if m == q:
        # Square W: the transposed gradient has the right shape, so there is nothing to
        # refuse; the check rejects it by its values instead.
        with pytest.raises(CheckFailedError, match="should have been refused"):
            check_refuses_transposed_gradient(seed, shape)
        return
    message = check_refuses_transposed_gradient(seed, shape)
    assert re.search(
        rf"the claimed gradient has shape {shape_text((q, m))} but x has shape"
        rf" {shape_text((m, q))} \(the transposed shape: is the gradient transposed\?\)",
        message,
    )


def test_non_scalar_f_refused(seed, shape):
    m, q, n = shape
    message = check_refuses_non_scalar_f(seed, shape)
    assert re.search(
        rf"f must return a scalar; it returned an array of shape {shape_text((m, n))}"
        rf" for x of shape {shape_text((m, q))}",
        message,
    )


def test_complex_step_on_real_only_f_refused(seed, shape):
    m, q, _ = shape
    message = check_refuses_complex_step_on_real_only_f(seed, shape)
    assert re.search(
        rf"method='complex' calls f with complex x of shape {shape_text((m, q))},"
        r" and f raised TypeError: .*logaddexp.*Use method='central'",
        message,
    )


def test_refusal_fails_when_the_input_is_accepted():
    W, X, T = loss_inputs(0, (3, 4, 5))
    with pytest.raises(CheckFailedError, match="accepted, but it should have been refused"):
        refusal(check_gradient, lambda W: softplus_loss(W, X, T), softplus_loss_grad(W, X, T), W)


def test_refusal_lets_other_errors_through():
    def broken(W):
        raise ZeroDivisionError("not a bad input, a bug")

    with pytest.raises(ZeroDivisionError):
        refusal(check_gradient, broken, np.zeros(3), np.ones(3))


# --- the step-size table ---------------------------------------------------------------------


def rows_by_step():
    return {h: (two, five) for h, two, five in stencil_errors()}


def test_table_contains_the_two_optimal_steps():
    assert EPS**0.2 in STEPS
    assert EPS ** (1 / 3) in STEPS
    assert [h for h, _, _ in stencil_errors()] == list(STEPS)


def test_five_point_truncation_error_falls_like_h4_and_two_point_like_h2():
    rows = rows_by_step()
    two_ratio = rows[1e-1][0] / rows[1e-2][0]
    five_ratio = rows[1e-1][1] / rows[1e-2][1]
    assert 10**1.8 < two_ratio < 10**2.2
    assert 10**3.8 < five_ratio < 10**4.2


def test_five_point_is_best_near_1e_3_and_beats_two_point():
    rows = stencil_errors()
    best_two = min(rows, key=lambda r: r[1])
    best_five = min(rows, key=lambda r: r[2])
    assert 1e-4 <= best_five[0] <= 1e-2
    assert 1e-6 <= best_two[0] <= 1e-4
    assert best_five[2] < best_two[1] / 10
    assert rows_by_step()[EPS**0.2][1] < 1e-12


def test_rounding_takes_over_at_small_steps():
    rows = rows_by_step()
    assert rows[1e-8][1] > 100 * rows[EPS**0.2][1]
    assert rows[1e-8][0] > rows[EPS ** (1 / 3)][0]


@pytest.mark.parametrize("x", [-1.0, 0.5, 2.0])
def test_stencil_table_holds_at_other_points(x):
    rows = {h: five for h, _, five in stencil_errors(x)}
    assert rows[EPS**0.2] < 1e-12
    assert rows[1e-1] / rows[1e-2] > 10**3.5
