"""The Frobenius page: the rules, dD = dW X + W dX, and gradients read off differentials.

Every check passes over all seeds and shapes; each plausible wrong formula is rejected on
square shapes, where it has the right shape and only the numbers can catch it, and
non-square shapes reject the ones that still multiply.
"""

import numpy as np
import pytest

from snippets.checks.frobenius import (
    check_adjoint,
    check_bilinear,
    check_cyclic_trace,
    check_frobenius_product_rule,
    check_least_squares,
    check_least_squares_G,
    check_linearity,
    check_move_factors,
    check_product_differential,
    check_product_gradients,
    check_quadratic_form,
    check_symmetry,
    check_transpose_rule,
    random_matrices,
)
from snippets.frobenius import (
    frobenius,
    move_left_factor,
    move_right_factor,
    product_gradients,
    quadratic_form_gradient,
    quadratic_form_gradient_symmetric,
)
from snippets.gradcheck import GradientCheckError
from snippets.matmul import matmul_backward

SQUARE = (4, 4, 4)
NON_SQUARE = (3, 4, 5)


def as_list(result):
    return result if isinstance(result, list) else [result]


ALL_CHECKS = [
    check_symmetry,
    check_linearity,
    check_cyclic_trace,
    check_move_factors,
    check_transpose_rule,
    check_product_differential,
    check_frobenius_product_rule,
    check_product_gradients,
    check_least_squares,
    check_least_squares_G,
    check_quadratic_form,
    check_bilinear,
]


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda f: f.__name__)
def test_check_passes(check, seed, shape):
    results = as_list(check(seed, shape))
    assert results
    assert all(results), "\n".join(str(r) for r in results)


def test_quadratic_form_shortcut_passes_for_symmetric_A(seed, shape):
    assert check_quadratic_form(seed, shape, symmetric=True)
    assert check_quadratic_form(
        seed, shape, gradient=quadratic_form_gradient_symmetric, symmetric=True
    )


def test_frobenius_refuses_to_broadcast():
    # np.sum(A * B) would broadcast (1, 3) against (3, 3) and return a number.
    with pytest.raises(ValueError, match=r"equal shapes.*\(1, 3\).*\(3, 3\)"):
        frobenius(np.ones((1, 3)), np.ones((3, 3)))


def test_the_moves_give_the_matmul_backward_of_the_home_page(seed, shape):
    m, q, n = shape
    W, X, G = random_matrices(seed, (m, q), (q, n), (m, n))
    for ours, home in zip(product_gradients(G, W, X), matmul_backward(G, W, X), strict=True):
        assert ours.shape == home.shape
        assert np.allclose(ours, home, rtol=1e-13, atol=0)


# --- the rules reject wrong products, orders and moves ---------------------------------------

NOT_SYMMETRIC = {
    "@ instead of *": lambda A, B: float(np.sum(A @ B)),
    "tr(AB) without the transpose": lambda A, B: float(np.trace(A @ B)),
    "factor 2": lambda A, B: 2 * frobenius(A, B),
}


@pytest.mark.parametrize("wrong", NOT_SYMMETRIC.values(), ids=NOT_SYMMETRIC.keys())
def test_symmetry_rejects_wrong_products(wrong, seed):
    assert not all(check_symmetry(seed, SQUARE, product=wrong))


NOT_LINEAR = {
    "plus a constant": lambda A, B: frobenius(A, B) + 1.0,
    "absolute values": lambda A, B: float(np.sum(np.abs(A * B))),
    "norm of the entrywise product": lambda A, B: float(np.linalg.norm(A * B)),
}


@pytest.mark.parametrize("wrong", NOT_LINEAR.values(), ids=NOT_LINEAR.keys())
@pytest.mark.parametrize("rect", [SQUARE, NON_SQUARE])
def test_linearity_rejects_forms_that_are_not_linear(wrong, rect, seed):
    results = check_linearity(seed, rect, product=wrong)
    assert not any(results)


@pytest.mark.parametrize("order", ["ACB", "BAC", "CBA"])
def test_cyclic_trace_rejects_swaps_on_square(order, seed):
    assert not any(check_cyclic_trace(seed, SQUARE, orders=(order,)))


@pytest.mark.parametrize("order", ["ACB", "BAC", "CBA"])
def test_swaps_do_not_even_multiply_on_non_square(order):
    with pytest.raises(ValueError, match="matmul"):
        check_cyclic_trace(0, NON_SQUARE, orders=(order,))


WRONG_MOVE_RIGHT = {
    "no transpose: A C": lambda A, C: A @ C,
    "wrong side: Cᵀ A": lambda A, C: C.T @ A,
    "transposed result: C Aᵀ": lambda A, C: C @ A.T,
}
WRONG_MOVE_LEFT = {
    "no transpose: B A": lambda A, B: B @ A,
    "wrong side: A Bᵀ": lambda A, B: A @ B.T,
    "transposed result: Aᵀ B": lambda A, B: A.T @ B,
}


@pytest.mark.parametrize("wrong", WRONG_MOVE_RIGHT.values(), ids=WRONG_MOVE_RIGHT.keys())
def test_wrong_right_move_rejected_on_square(wrong, seed):
    right, left = check_move_factors(seed, SQUARE, move_right=wrong)
    assert not right
    assert left  # the other rule is untouched


@pytest.mark.parametrize("wrong", WRONG_MOVE_LEFT.values(), ids=WRONG_MOVE_LEFT.keys())
def test_wrong_left_move_rejected_on_square(wrong, seed):
    right, left = check_move_factors(seed, SQUARE, move_left=wrong)
    assert right
    assert not left


@pytest.mark.parametrize(
    ("move_right", "move_left"),
    [(w, move_left_factor) for w in WRONG_MOVE_RIGHT.values()]
    + [(move_right_factor, w) for w in WRONG_MOVE_LEFT.values()],
)
def test_wrong_moves_fail_on_shapes_when_non_square(move_right, move_left):
    # A product that does not multiply, or a Frobenius product of unequal shapes.
    with pytest.raises(ValueError, match=r"matmul|equal shapes"):
        check_move_factors(0, NON_SQUARE, move_right=move_right, move_left=move_left)


WRONG_TRANSPOSE_RULE = {
    "transpose dropped: A : B": lambda A, B: frobenius(A, B),
    "both transposed: Aᵀ : Bᵀ": lambda A, B: frobenius(A.T, B.T),
    "wrong sign": lambda A, B: -frobenius(A.T, B),
}


@pytest.mark.parametrize("wrong", WRONG_TRANSPOSE_RULE.values(), ids=WRONG_TRANSPOSE_RULE.keys())
def test_transpose_rule_rejects_wrong_claims_on_square(wrong, seed):
    assert not any(check_transpose_rule(seed, SQUARE, claimed=wrong))


def test_dropped_transpose_is_a_shape_error_on_non_square():
    with pytest.raises(ValueError, match="equal shapes"):
        check_transpose_rule(
            0, NON_SQUARE, claimed=WRONG_TRANSPOSE_RULE["transpose dropped: A : B"]
        )


# --- dD = dW X + W dX -----------------------------------------------------------------------

WRONG_DIFFERENTIAL = {
    "only dW X": lambda W, X, dW, dX: dW @ X,
    "only W dX": lambda W, X, dW, dX: W @ dX,
    "second-order term kept": lambda W, X, dW, dX: dW @ X + W @ dX + dW @ dX,
    "wrong sign": lambda W, X, dW, dX: dW @ X - W @ dX,
    "factor 2": lambda W, X, dW, dX: 2 * (dW @ X + W @ dX),
    "factors commuted: X dW + dX W": lambda W, X, dW, dX: X @ dW + dX @ W,
}


@pytest.mark.parametrize("wrong", WRONG_DIFFERENTIAL.values(), ids=WRONG_DIFFERENTIAL.keys())
def test_wrong_differential_rejected_on_square(wrong, seed):
    assert not any(check_product_differential(seed, SQUARE, differential=wrong))


@pytest.mark.parametrize(
    "name", ["only dW X", "only W dX", "second-order term kept", "wrong sign", "factor 2"]
)
def test_wrong_differential_rejected_on_non_square(name, seed):
    assert not any(
        check_product_differential(seed, NON_SQUARE, differential=WRONG_DIFFERENTIAL[name])
    )


# --- the product rule d(A : B) = dA : B + A : dB ---------------------------------------------

WRONG_PRODUCT_RULE = {
    "only dA : B": lambda A, B, dA, dB: frobenius(dA, B),
    "only A : dB": lambda A, B, dA, dB: frobenius(A, dB),
    "second-order term kept": lambda A, B, dA, dB: (
        frobenius(dA, B) + frobenius(A, dB) + frobenius(dA, dB)
    ),
    "wrong sign": lambda A, B, dA, dB: frobenius(dA, B) - frobenius(A, dB),
    "factor 2": lambda A, B, dA, dB: 2 * (frobenius(dA, B) + frobenius(A, dB)),
    "dA : dB": lambda A, B, dA, dB: frobenius(dA, dB),
}


@pytest.mark.parametrize("wrong", WRONG_PRODUCT_RULE.values(), ids=WRONG_PRODUCT_RULE.keys())
@pytest.mark.parametrize("rect", [SQUARE, NON_SQUARE], ids=["square", "non-square"])
def test_wrong_frobenius_product_rule_rejected(wrong, rect, seed):
    assert not any(check_frobenius_product_rule(seed, rect, differential=wrong))


# --- gradients read off: D = W X ------------------------------------------------------------

WRONG_DW = {
    "Xᵀ on the wrong side: Xᵀ G": lambda G, W, X: X.T @ G,
    "X without transpose: G X": lambda G, W, X: G @ X,
    "transposed result": lambda G, W, X: (G @ X.T).T,
    "factor 2": lambda G, W, X: 2 * G @ X.T,
    "wrong sign": lambda G, W, X: -G @ X.T,
}
WRONG_DX = {
    "Wᵀ on the wrong side: G Wᵀ": lambda G, W, X: G @ W.T,
    "W without transpose: W G": lambda G, W, X: W @ G,
    "transposed result": lambda G, W, X: (W.T @ G).T,
    "factor 2": lambda G, W, X: 2 * W.T @ G,
    "wrong sign": lambda G, W, X: -W.T @ G,
}


@pytest.mark.parametrize("wrong", WRONG_DW.values(), ids=WRONG_DW.keys())
def test_wrong_product_dW_rejected_on_square(wrong, seed):
    def gradients(G, W, X):
        return wrong(G, W, X), W.T @ G

    on_W, on_X = check_product_gradients(seed, SQUARE, gradients=gradients)
    assert not on_W
    assert on_X


@pytest.mark.parametrize("wrong", WRONG_DX.values(), ids=WRONG_DX.keys())
def test_wrong_product_dX_rejected_on_square(wrong, seed):
    def gradients(G, W, X):
        return G @ X.T, wrong(G, W, X)

    on_W, on_X = check_product_gradients(seed, SQUARE, gradients=gradients)
    assert on_W
    assert not on_X


def test_transposed_product_dW_is_a_shape_error_on_non_square():
    def gradients(G, W, X):
        return (G @ X.T).T, W.T @ G

    with pytest.raises(GradientCheckError, match="transposed"):
        check_product_gradients(0, NON_SQUARE, gradients=gradients)


# --- least squares --------------------------------------------------------------------------

WRONG_LEAST_SQUARES_DW = {
    "missing factor 2": lambda R, W, X: R @ X.T,
    "wrong sign: 2(Y − WX)Xᵀ": lambda R, W, X: -2 * R @ X.T,
    "Xᵀ on the wrong side": lambda R, W, X: 2 * X.T @ R,
    "transposed result": lambda R, W, X: 2 * X @ R.T,
}
WRONG_LEAST_SQUARES_DX = {
    "missing factor 2": lambda R, W, X: W.T @ R,
    "wrong sign: 2Wᵀ(Y − WX)": lambda R, W, X: -2 * W.T @ R,
    "Wᵀ on the wrong side": lambda R, W, X: 2 * R @ W.T,
    "transposed result": lambda R, W, X: 2 * R.T @ W,
}


@pytest.mark.parametrize(
    "wrong", WRONG_LEAST_SQUARES_DW.values(), ids=WRONG_LEAST_SQUARES_DW.keys()
)
def test_wrong_least_squares_dW_rejected_on_square(wrong, seed):
    def gradients(W, X, Y):
        R = W @ X - Y
        return wrong(R, W, X), 2 * W.T @ R

    on_W, on_X = check_least_squares(seed, SQUARE, gradients=gradients)
    assert not on_W
    assert on_X


@pytest.mark.parametrize(
    "wrong", WRONG_LEAST_SQUARES_DX.values(), ids=WRONG_LEAST_SQUARES_DX.keys()
)
def test_wrong_least_squares_dX_rejected_on_square(wrong, seed):
    def gradients(W, X, Y):
        R = W @ X - Y
        return 2 * R @ X.T, wrong(R, W, X)

    on_W, on_X = check_least_squares(seed, SQUARE, gradients=gradients)
    assert on_W
    assert not on_X


@pytest.mark.parametrize("name", ["missing factor 2", "wrong sign: 2(Y − WX)Xᵀ"])
def test_wrong_least_squares_dW_rejected_on_non_square(name, seed):
    def gradients(W, X, Y):
        R = W @ X - Y
        return WRONG_LEAST_SQUARES_DW[name](R, W, X), 2 * W.T @ R

    on_W, _ = check_least_squares(seed, NON_SQUARE, gradients=gradients)
    assert not on_W


@pytest.mark.parametrize(
    "wrong", WRONG_LEAST_SQUARES_DW.values(), ids=WRONG_LEAST_SQUARES_DW.keys()
)
def test_least_squares_G_rejects_a_wrong_dW_on_square(wrong, seed):
    def gradients(W, X, Y):
        R = W @ X - Y
        return wrong(R, W, X), 2 * W.T @ R

    G_of_the_loss, on_W, on_X = check_least_squares_G(seed, SQUARE, gradients=gradients)
    assert G_of_the_loss  # ∂φ/∂D = 2(D − Y) does not depend on the formula under test
    assert not on_W
    assert on_X


@pytest.mark.parametrize(
    "wrong", WRONG_LEAST_SQUARES_DX.values(), ids=WRONG_LEAST_SQUARES_DX.keys()
)
def test_least_squares_G_rejects_a_wrong_dX_on_square(wrong, seed):
    def gradients(W, X, Y):
        R = W @ X - Y
        return 2 * R @ X.T, wrong(R, W, X)

    _, on_W, on_X = check_least_squares_G(seed, SQUARE, gradients=gradients)
    assert on_W
    assert not on_X


# --- the quadratic form tr(Wᵀ A W) ---------------------------------------------------------

WRONG_QUADRATIC = {
    "2AW for a non-symmetric A": quadratic_form_gradient_symmetric,
    "A W only": lambda W, A: A @ W,
    "Aᵀ W only": lambda W, A: A.T @ W,
    "wrong sign": lambda W, A: -(A + A.T) @ W,
    "A on the wrong side": lambda W, A: W @ (A + A.T),
}


@pytest.mark.parametrize("wrong", WRONG_QUADRATIC.values(), ids=WRONG_QUADRATIC.keys())
def test_wrong_quadratic_form_gradient_rejected_on_square(wrong, seed):
    assert not check_quadratic_form(seed, SQUARE, gradient=wrong)


@pytest.mark.parametrize(
    "name", ["2AW for a non-symmetric A", "A W only", "Aᵀ W only", "wrong sign"]
)
def test_wrong_quadratic_form_gradient_rejected_on_non_square(name, seed):
    assert not check_quadratic_form(seed, NON_SQUARE, gradient=WRONG_QUADRATIC[name])


def test_correct_quadratic_form_gradient_is_not_the_symmetric_shortcut(seed):
    # The two formulas agree only for symmetric A: the check must tell them apart.
    assert check_quadratic_form(seed, NON_SQUARE, gradient=quadratic_form_gradient)
    assert not check_quadratic_form(seed, NON_SQUARE, gradient=quadratic_form_gradient_symmetric)


# --- the bilinear form aᵀ W b --------------------------------------------------------------

WRONG_BILINEAR = {
    "transposed: b aᵀ": lambda a, b: np.outer(b, a),
    "wrong sign": lambda a, b: -np.outer(a, b),
    "factor 2": lambda a, b: 2 * np.outer(a, b),
}


@pytest.mark.parametrize("wrong", WRONG_BILINEAR.values(), ids=WRONG_BILINEAR.keys())
def test_wrong_bilinear_gradient_rejected_on_square(wrong, seed):
    assert not check_bilinear(seed, SQUARE, gradient=wrong)


def test_transposed_bilinear_gradient_is_a_shape_error_on_non_square():
    with pytest.raises(GradientCheckError, match="transposed"):
        check_bilinear(0, NON_SQUARE, gradient=WRONG_BILINEAR["transposed: b aᵀ"])


# --- The derivative of D = W X in W as a linear map L, and its adjoint L* ---


def test_adjoint_passes(seed, shape):
    assert all(check_adjoint(seed, shape))


WRONG_ADJOINTS = {
    "transposed: (G Xᵀ)ᵀ": lambda G, X: (G @ X.T).T,
    "wrong side: Xᵀ G": lambda G, X: X.T @ G,
    "X instead of Xᵀ": lambda G, X: G @ X,
    "factor 2": lambda G, X: 2 * G @ X.T,
}


@pytest.mark.parametrize("wrong", WRONG_ADJOINTS.values(), ids=WRONG_ADJOINTS.keys())
def test_wrong_adjoint_rejected_on_square_shapes(wrong, seed):
    # Square: every wrong adjoint has the right shape; the adjoint identity alone rejects it.
    assert not any(check_adjoint(seed, (4, 4, 4), adjoint=wrong)[:3])


def test_wrong_derivative_rejected(seed):
    # X dW has the shape of D only when W is square; the rate of change rejects it.
    results = check_adjoint(seed, (4, 4, 4), derivative=lambda delta_W, X: X @ delta_W)
    assert not results[3]


def test_transposed_adjoint_on_non_square_shapes_is_a_shape_error():
    with pytest.raises(ValueError, match="equal shapes"):
        check_adjoint(0, (3, 4, 5), adjoint=WRONG_ADJOINTS["transposed: (G Xᵀ)ᵀ"])
