"""Trace gradients and layout (snippets/traces.py), and the mistakes the checks catch."""

import numpy as np
import pytest

from snippets.checks.traces import (
    CANDIDATES,
    check_backward_rule,
    check_half_square_at_identity,
    check_linear_steps,
    check_note_as_trace,
    check_numerator_layout,
    check_numerator_layout_trace,
    check_quadratic_steps,
    check_shape_rule,
    check_site_layout,
    check_tr_AX,
    check_tr_AXB,
    check_tr_XA,
    check_tr_XAXt,
    check_tr_XtA,
    check_tr_XtAX,
    check_trace_rules,
    note_claim_refused,
    numerator_from_jacobian,
    random_matrices,
    swap_two_factors,
)
from snippets.gradcheck import GradientCheckError, compare

SQUARE = (4, 4, 4)
NON_SQUARE = (3, 4, 5)

IDENTITIES = [check_tr_XA, check_tr_AX, check_tr_XtA, check_tr_AXB, check_tr_XtAX, check_tr_XAXt]


def rejected(results) -> bool:
    """True if at least one result did not pass."""
    results = results if isinstance(results, list) else [results]
    return not all(results)


def rejected_or_refused(check, **kwargs) -> bool:
    """True if the check rejects the formula, or refuses it for its shape."""
    try:
        return rejected(check(**kwargs))
    except (GradientCheckError, ValueError):  # wrong shape, or a product that is not defined
        return True


# --- the trace rules ------------------------------------------------------------------------


def test_swapping_two_factors_is_not_a_rotation(seed):
    # The rule has teeth: on square matrices, where every order is defined, a swap changes the
    # trace, and the same comparison that passes the rotations rejects it.
    A, B, C = random_matrices(seed, (4, 4), (4, 4), (4, 4))
    assert not compare(np.trace(A @ C @ B), np.trace(A @ B @ C), label="tr(ACB) = tr(ABC)")
    assert not swap_two_factors(seed)


def colon_without_transpose(A, B):
    # A plausible slip: A : B taken as tr(AB) instead of tr(AᵀB).
    return float(np.trace(A @ B))


def colon_summing_a_product(A, B):
    # Another: A : B taken as the sum of the entries of the matrix product A Bᵀ.
    return float(np.sum(A @ B.T))


WRONG_COLON = {"tr(AB)": colon_without_transpose, "sum(A Bᵀ)": colon_summing_a_product}
STEP_CHECKS = [check_trace_rules, check_linear_steps, check_quadratic_steps]


@pytest.mark.parametrize("check", STEP_CHECKS, ids=lambda c: c.__name__)
def test_steps_pass(check, seed, shape):
    results = check(seed, shape)
    assert results
    assert all(results), "\n".join(str(r) for r in results if not r)


@pytest.mark.parametrize("check", STEP_CHECKS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("wrong", WRONG_COLON.values(), ids=WRONG_COLON.keys())
def test_wrong_colon_rejected_on_square_shapes(check, wrong, seed):
    # Every step that reads off M : dX fails when ":" is computed the wrong way.
    results = check(seed, SQUARE, colon=wrong)
    steps_with_colon = [r for r in results if ":" in r.label]
    assert steps_with_colon
    assert not any(steps_with_colon)


WRONG_STEPS = {
    "tr(dXᵀAX) = AᵀX : dX (terms swapped)": lambda X, dX, A: (
        np.trace(dX.T @ A @ X),
        np.sum(A.T @ X * dX),
    ),
    "tr(dXᵀAX) = tr(XᵀA dX) (transpose dropped)": lambda X, dX, A: (
        np.trace(dX.T @ A @ X),
        np.trace(X.T @ A @ dX),
    ),
    "d tr(XᵀAX) = 2 tr(XᵀA dX) (one term doubled)": lambda X, dX, A: (
        (np.trace((X + dX).T @ A @ (X + dX)) - np.trace((X - dX).T @ A @ (X - dX))) / 2,
        2 * np.trace(X.T @ A @ dX),
    ),
}


@pytest.mark.parametrize("wrong", WRONG_STEPS.values(), ids=WRONG_STEPS.keys())
def test_wrong_quadratic_steps_rejected_on_square_shapes(wrong, seed):
    # The comparison the step checks use rejects the slips a derivation can make.
    X, dX, A = random_matrices(seed, (4, 4), (4, 4), (4, 4))
    assert not compare(*wrong(X, dX, A), label="a wrong step")


# --- the six identities ---------------------------------------------------------------------


@pytest.mark.parametrize("check", IDENTITIES, ids=lambda c: c.__name__)
def test_identity_passes(check, seed, shape):
    assert check(seed, shape)


WRONG = [
    (check_tr_XA, "A instead of Aᵀ", lambda X, A: A),
    (check_tr_XA, "wrong sign", lambda X, A: -A.T),
    (check_tr_AX, "A instead of Aᵀ", lambda X, A: A),
    (check_tr_AX, "wrong sign", lambda X, A: -A.T),
    (check_tr_XtA, "Aᵀ instead of A", lambda X, A: A.T),
    (check_tr_XtA, "wrong sign", lambda X, A: -A),
    (check_tr_AXB, "B A (transposed)", lambda X, A, B: B @ A),
    (check_tr_AXB, "Bᵀ Aᵀ (order)", lambda X, A, B: B.T @ A.T),
    (check_tr_AXB, "A B", lambda X, A, B: A @ B),
    (check_tr_AXB, "wrong sign", lambda X, A, B: -A.T @ B.T),
    (check_tr_XtAX, "2AX", lambda X, A: 2 * A @ X),
    (check_tr_XtAX, "2AᵀX", lambda X, A: 2 * A.T @ X),
    (check_tr_XtAX, "AX (one term)", lambda X, A: A @ X),
    (check_tr_XtAX, "X(A + Aᵀ) (side)", lambda X, A: X @ (A + A.T)),
    (check_tr_XtAX, "wrong sign", lambda X, A: -(A + A.T) @ X),
    (check_tr_XAXt, "2XA", lambda X, A: 2 * X @ A),
    (check_tr_XAXt, "2XAᵀ", lambda X, A: 2 * X @ A.T),
    (check_tr_XAXt, "XA (one term)", lambda X, A: X @ A),
    (check_tr_XAXt, "(A + Aᵀ)X (side)", lambda X, A: (A + A.T) @ X),
    (check_tr_XAXt, "wrong sign", lambda X, A: -X @ (A + A.T)),
]
WRONG_IDS = [f"{check.__name__}: {name}" for check, name, _ in WRONG]


@pytest.mark.parametrize(("check", "name", "wrong"), WRONG, ids=WRONG_IDS)
def test_wrong_identity_rejected_on_square_shapes(check, name, wrong, seed):
    # Square: every wrong form has the right shape, so only the numbers can reject it.
    assert rejected(check(seed, SQUARE, grad=wrong)), name


@pytest.mark.parametrize(("check", "name", "wrong"), WRONG, ids=WRONG_IDS)
def test_wrong_identity_rejected_on_non_square_shapes(check, name, wrong, seed):
    assert rejected_or_refused(check, seed=seed, shape=NON_SQUARE, grad=wrong), name


def test_transposed_gradient_on_non_square_shapes_is_a_shape_error():
    with pytest.raises(GradientCheckError, match="transposed"):
        check_tr_XA(0, NON_SQUARE, grad=lambda X, A: A)


def test_2AX_is_right_only_for_symmetric_A(seed):
    # The rejection of 2AX is about A's asymmetry, not a slip in the check: for a symmetric A
    # the two forms are the same matrix.
    X, A = random_matrices(seed, (3, 4), (3, 3))
    S = A + A.T
    assert compare(2 * S @ X, (S + S.T) @ X, label="2SX = (S + Sᵀ)X")
    assert not compare(2 * A @ X, (A + A.T) @ X, label="2AX = (A + Aᵀ)X")


# --- the note's claim as a trace ------------------------------------------------------------


def test_note_as_trace(seed, shape):
    assert all(check_note_as_trace(seed, shape[:2]))


@pytest.mark.parametrize(
    "wrong",
    [lambda W, X: X, lambda W, X: -X.T, lambda W, X: 2 * X.T],
    ids=["numerator layout X", "wrong sign", "factor 2"],
)
def test_note_as_trace_rejects_wrong_forms_on_square_shapes(wrong, seed):
    assert rejected(check_note_as_trace(seed, (4, 4), grad=wrong))


@pytest.mark.parametrize("shape", [(3, 4, 5), (5, 2, 3), (1, 3, 2)])
def test_Xt_is_refused_as_a_gradient_when_D_is_not_square(shape):
    m, q, n = shape
    message = note_claim_refused(0, shape)
    assert f"shape {(n, q)}" in message
    assert f"x has shape {(m, q)}" in message


def test_Xt_is_not_refused_when_D_is_square():
    with pytest.raises(AssertionError, match="accepted"):
        note_claim_refused(0, SQUARE)


def test_backward_rule(seed, shape):
    assert all(check_backward_rule(seed, shape))


WRONG_BACKWARD = {
    "Xᵀ alone, ignoring G": lambda dD, W, X: (X.T, W.T @ dD),
    "X instead of X.T": lambda dD, W, X: (dD @ X, W.T @ dD),
    "Xᵀ G (order)": lambda dD, W, X: (X.T @ dD, W.T @ dD),
    "wrong sign": lambda dD, W, X: (-dD @ X.T, W.T @ dD),
}


@pytest.mark.parametrize("wrong", WRONG_BACKWARD.values(), ids=WRONG_BACKWARD.keys())
def test_wrong_backward_rule_rejected_for_random_G(wrong, seed):
    # Checked for the random G: with G = I, Xᵀ alone and Xᵀ G would pass on square shapes.
    random_G, *_ = check_backward_rule(seed, SQUARE, backward=wrong)
    assert not random_G


def test_identity_G_hides_the_order_that_random_G_reveals(seed):
    # Why the checks use a random G: the G = I case accepts Xᵀ G, the random G rejects it.
    random_G, identity_G, *_ = check_backward_rule(
        seed, SQUARE, backward=WRONG_BACKWARD["Xᵀ G (order)"]
    )
    assert identity_G
    assert not random_G


# --- numerator layout -----------------------------------------------------------------------


def test_numerator_layout_trace(seed, shape):
    assert all(check_numerator_layout_trace(seed, shape[:2]))


def test_numerator_layout(seed, shape):
    assert all(check_numerator_layout(seed, shape))


def test_numerator_from_jacobian_has_the_transposed_shape():
    W, X, G = random_matrices(0, (3, 4), (4, 5), (3, 5))
    N = numerator_from_jacobian(lambda W: np.sum(G * (W @ X)), W)
    assert N.shape == (4, 3)


WRONG_NUMERATOR = {
    "gradient layout (no transpose)": lambda dW: dW,
    "wrong sign": lambda dW: -dW.T,
}


@pytest.mark.parametrize("wrong", WRONG_NUMERATOR.values(), ids=WRONG_NUMERATOR.keys())
def test_wrong_numerator_layout_rejected_on_square_shapes(wrong, seed):
    assert rejected(check_numerator_layout_trace(seed, (4, 4), to_numerator=wrong))
    assert rejected(check_numerator_layout(seed, SQUARE, to_numerator=wrong))


def test_layout_swap_on_non_square_shapes_is_a_shape_error():
    with pytest.raises(GradientCheckError, match="shapes differ"):
        check_numerator_layout(
            0, NON_SQUARE, to_numerator=WRONG_NUMERATOR["gradient layout (no transpose)"]
        )


# --- the shape rule -------------------------------------------------------------------------


def test_shape_rule_keeps_the_gradient_and_every_other_product_it_keeps_is_rejected(seed, shape):
    right, *wrong = check_shape_rule(seed, shape)
    assert right.label.startswith("dW = G Xᵀ,")
    assert right
    assert not any(wrong)


@pytest.mark.parametrize("shape", [(3, 4, 5), (5, 2, 3), (1, 3, 2)])
def test_shape_rule_keeps_only_the_gradient_for_distinct_dimensions(shape, seed):
    results = check_shape_rule(seed, shape)
    assert [r.label for r in results] == [f"dW = G Xᵀ, (m, q, n) = {shape}"]
    assert results[0]


def test_shape_rule_keeps_all_eight_for_square_shapes_and_one_passes(seed):
    results = check_shape_rule(seed, SQUARE)
    assert len(results) == len(CANDIDATES) == 8
    assert [bool(r) for r in results] == [True] + [False] * 7
    assert results[0].label == f"dW = G Xᵀ, (m, q, n) = {SQUARE}"


def test_shape_rule_keeps_two_when_m_equals_q(seed):
    results = check_shape_rule(seed, (4, 4, 5))
    assert [r.label.split(",")[0] for r in results] == ["dW = G Xᵀ", "dW = X Gᵀ"]
    assert [bool(r) for r in results] == [True, False]


def test_shape_rule_candidates_are_rejected_alone(seed):
    wrong_only = {name: f for name, f in CANDIDATES.items() if name != "G Xᵀ"}
    results = check_shape_rule(seed, SQUARE, candidates=wrong_only)
    assert len(results) == 7
    assert not any(results)


# --- other scalars whose G is the identity, and the site's layout ---------------------------


@pytest.mark.parametrize("shape", [(3, 4), (2, 5), (4, 4)])
def test_half_square_gradient_is_Xt_where_WX_is_identity(seed, shape):
    assert all(check_half_square_at_identity(seed, shape))


def test_half_square_gradient_is_not_Xt_at_a_random_point(seed):
    for shape in [(3, 4), (4, 4)]:
        assert rejected(check_half_square_at_identity(seed, shape, at_identity=False))


@pytest.mark.parametrize(
    "wrong",
    [lambda W, X: X, lambda W, X: -X.T, lambda W, X: 2 * X.T],
    ids=["X", "wrong sign", "factor 2"],
)
def test_wrong_gradients_rejected_where_WX_is_identity(wrong, seed):
    assert rejected(check_half_square_at_identity(seed, (4, 4), grad=wrong))


@pytest.mark.parametrize("shape", [(3, 4), (5, 2), (4, 4)])
def test_site_layout_is_mixed(seed, shape):
    assert all(check_site_layout(seed, shape))


@pytest.mark.parametrize(
    ("jacobian", "gradient"),
    [
        (lambda A: A.T, lambda W, X: X.T),  # gradient layout throughout
        (lambda A: A, lambda W, X: X),  # numerator layout throughout
    ],
    ids=["denominator layout", "numerator layout"],
)
def test_one_layout_throughout_is_not_the_site(jacobian, gradient, seed):
    assert rejected(check_site_layout(seed, (4, 4), jacobian=jacobian, gradient=gradient))


def test_denominator_jacobian_has_the_wrong_shape_on_rectangles():
    with pytest.raises(GradientCheckError, match="shapes differ"):
        check_site_layout(0, (3, 4), jacobian=lambda A: A.T)
