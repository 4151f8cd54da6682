"""The Kronecker page: vec(AXB), the Jacobians of D = W X, and the mistakes the checks catch."""

import numpy as np
import pytest

from snippets.checks.kronecker import (
    check_backward_cost,
    check_D_wrt_W,
    check_D_wrt_X,
    check_gradients_from_jacobians,
    check_jacobian_size,
    check_kron_blocks,
    check_nonzeros,
    check_numpy_flatten,
    check_routes_agree,
    check_row_major,
    check_vec_AXB,
    random_inputs,
)
from snippets.gradcheck import GradientCheckError, compare
from snippets.kronecker import (
    jacobian_D_wrt_W,
    jacobian_D_wrt_W_row_major,
    jacobian_D_wrt_X,
    unvec,
    vec,
)

SQUARE = (4, 4, 4)
NON_SQUARE = (3, 4, 5)


def as_list(result):
    return result if isinstance(result, list) else [result]


# --- the formulas pass --------------------------------------------------------------------------

CHECKS = [
    check_kron_blocks,
    check_vec_AXB,
    check_D_wrt_W,
    check_D_wrt_X,
    check_gradients_from_jacobians,
    check_numpy_flatten,
    check_row_major,
    check_jacobian_size,
    check_backward_cost,
    check_nonzeros,
    check_routes_agree,
]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_check_passes(check, seed, shape):
    results = as_list(check(seed, shape))
    assert results
    assert all(results), "\n".join(str(r) for r in results if not r)


def test_vec_and_unvec_are_column_major_and_inverse(shape):
    _, _, G = random_inputs(0, shape)
    m, n = G.shape
    assert np.array_equal(vec(G), np.array([G[i, j] for j in range(n) for i in range(m)]))
    assert np.array_equal(unvec(vec(G), G.shape), G)


def test_jacobians_have_the_stated_shapes(shape):
    m, q, n = shape
    W, X, _ = random_inputs(0, shape)
    assert jacobian_D_wrt_W(X, m).shape == (m * n, m * q)
    assert jacobian_D_wrt_X(W, n).shape == (m * n, q * n)
    assert jacobian_D_wrt_W_row_major(X, m).shape == (m * n, m * q)


def test_routes_agree_at_the_page_size():
    # The page runs check_routes_agree at (64, 64, 32), where the Jacobian is 64 MiB.
    results = check_routes_agree()
    assert all(results), "\n".join(str(r) for r in results)
    assert "(2048, 4096), 64 MiB" in results[1].label


# --- wrong Kronecker products are rejected -----------------------------------------------------

WRONG_KRON = {
    "B ⊗ A": lambda A, B: np.kron(B, A),
    "A ⊗ Bᵀ": lambda A, B: np.kron(A, B.T),
    "Aᵀ ⊗ B": lambda A, B: np.kron(A.T, B),
}


@pytest.mark.parametrize("wrong", WRONG_KRON.values(), ids=WRONG_KRON.keys())
def test_wrong_kron_rejected_on_square_shapes(wrong, seed):
    assert not any(check_kron_blocks(seed, SQUARE, kron=wrong))


def test_swapped_kron_rejected_on_non_square_shapes(seed):
    # A (3, 4) and B (4, 5): B ⊗ A has the shape of A ⊗ B, so only the numbers reject it.
    assert not any(check_kron_blocks(seed, NON_SQUARE, kron=WRONG_KRON["B ⊗ A"]))


WRONG_AXB = {
    "B ⊗ Aᵀ": lambda A, B: np.kron(B, A.T),
    "A ⊗ Bᵀ": lambda A, B: np.kron(A, B.T),
    "B ⊗ A": lambda A, B: np.kron(B, A),
    "Bᵀ ⊗ Aᵀ": lambda A, B: np.kron(B.T, A.T),
    "Aᵀ ⊗ B": lambda A, B: np.kron(A.T, B),
}


@pytest.mark.parametrize("wrong", WRONG_AXB.values(), ids=WRONG_AXB.keys())
def test_wrong_vec_AXB_rejected_on_square_shapes(wrong, seed):
    assert not any(check_vec_AXB(seed, SQUARE, jacobian=wrong))


def test_row_order_A_kron_BT_rejected_on_non_square_shapes(seed):
    # A ⊗ Bᵀ is the identity for a row-major vec; it has the shape of Bᵀ ⊗ A here.
    assert not any(check_vec_AXB(seed, NON_SQUARE, jacobian=WRONG_AXB["A ⊗ Bᵀ"]))


def test_B_kron_AT_on_non_square_shapes_is_a_shape_error():
    with pytest.raises(GradientCheckError, match="must have shape"):
        check_vec_AXB(0, NON_SQUARE, jacobian=WRONG_AXB["B ⊗ Aᵀ"])


@pytest.mark.parametrize("shape_", [SQUARE, NON_SQUARE])
def test_row_major_vec_rejected_in_vec_AXB(shape_, seed):
    def row_major(A):
        return A.reshape(-1)

    results = check_vec_AXB(seed, shape_, to_vector=row_major)
    assert not all(results)
    assert not results[1]


# --- wrong Jacobians of D = W X are rejected ---------------------------------------------------

WRONG_D_WRT_W = {
    "I_m ⊗ Xᵀ": lambda X, m: np.kron(np.eye(m), X.T),
    "X ⊗ I_m": lambda X, m: np.kron(X, np.eye(m)),
    "I_m ⊗ X": lambda X, m: np.kron(np.eye(m), X),
    "Xᵀ ⊗ I_m, sign flipped": lambda X, m: -np.kron(X.T, np.eye(m)),
}
WRONG_D_WRT_X = {
    "W ⊗ I_n": lambda W, n: np.kron(W, np.eye(n)),
    "I_n ⊗ Wᵀ": lambda W, n: np.kron(np.eye(n), W.T),
    "Wᵀ ⊗ I_n": lambda W, n: np.kron(W.T, np.eye(n)),
    "I_n ⊗ W, factor 2": lambda W, n: 2 * np.kron(np.eye(n), W),
}


@pytest.mark.parametrize("wrong", WRONG_D_WRT_W.values(), ids=WRONG_D_WRT_W.keys())
def test_wrong_D_wrt_W_rejected_on_square_shapes(wrong, seed):
    # Square: every wrong form has the right shape, so only the numbers can reject it.
    assert not any(check_D_wrt_W(seed, SQUARE, jacobian=wrong))


@pytest.mark.parametrize("wrong", WRONG_D_WRT_X.values(), ids=WRONG_D_WRT_X.keys())
def test_wrong_D_wrt_X_rejected_on_square_shapes(wrong, seed):
    assert not check_D_wrt_X(seed, SQUARE, jacobian=wrong)


def test_row_major_order_rejected_on_non_square_shapes(seed, shape):
    # I_m ⊗ Xᵀ has the shape of Xᵀ ⊗ I_m, (m·n, m·q), so no shape error warns of it. With
    # m = 1 the two are the same matrix: a one-row W flattens the same way in both orders.
    m = shape[0]
    if m == 1:
        X = random_inputs(seed, shape)[1]
        assert np.array_equal(WRONG_D_WRT_W["I_m ⊗ Xᵀ"](X, m), jacobian_D_wrt_W(X, m))
    else:
        assert not any(check_D_wrt_W(seed, shape, jacobian=WRONG_D_WRT_W["I_m ⊗ Xᵀ"]))


def test_W_kron_I_rejected_on_non_square_shapes(seed):
    # W ⊗ I_n has the shape of I_n ⊗ W, (m·n, q·n).
    assert not check_D_wrt_X(seed, NON_SQUARE, jacobian=WRONG_D_WRT_X["W ⊗ I_n"])


def test_untransposed_X_on_non_square_shapes_is_a_shape_error():
    with pytest.raises(GradientCheckError, match="must have shape"):
        check_D_wrt_W(0, NON_SQUARE, jacobian=WRONG_D_WRT_W["X ⊗ I_m"])


# --- wrong ways from Jacobian to gradient are rejected -----------------------------------------


def jacobian_not_transposed(J, G, shape):
    return unvec(J @ vec(G), shape)


def row_major_unvec(J, G, shape):
    return (J.T @ vec(G)).reshape(shape)


def row_major_vec_of_G(J, G, shape):
    return unvec(J.T @ G.reshape(-1), shape)


def numpy_flatten_throughout(J, G, shape):
    # numpy's defaults with the column-major Jacobian: the conventions mixed.
    return (J.T @ G.reshape(-1)).reshape(shape)


WRONG_GRADIENT = {
    "row-major unvec": row_major_unvec,
    "row-major vec of G": row_major_vec_of_G,
    "numpy flatten throughout": numpy_flatten_throughout,
}


@pytest.mark.parametrize("wrong", WRONG_GRADIENT.values(), ids=WRONG_GRADIENT.keys())
@pytest.mark.parametrize("shape_", [SQUARE, NON_SQUARE])
def test_wrong_gradient_from_jacobian_rejected(wrong, shape_, seed):
    results = check_gradients_from_jacobians(seed, shape_, gradient=wrong)
    assert not results[2], "the gradient for W should be rejected"
    assert not results[5], "the gradient for X should be rejected"


def test_transpose_rule_is_checked_on_rectangular_factors(seed, shape):
    results = check_gradients_from_jacobians(seed, shape)
    assert results[6].label.startswith("(A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ")
    assert results[6]
    W, X, _ = random_inputs(seed, shape)
    # Swapping the factors while transposing them is the mistake the rule warns against.
    assert not compare(np.kron(W, X).T, np.kron(X.T, W.T), label="(A ⊗ B)ᵀ = Bᵀ ⊗ Aᵀ")


def test_jacobian_not_transposed_rejected_on_square_shapes(seed):
    results = check_gradients_from_jacobians(seed, SQUARE, gradient=jacobian_not_transposed)
    assert not results[2]
    assert not results[5]


# --- mixing numpy's row-major flattening with column-major formulas ----------------------------


@pytest.mark.parametrize("shape_", [SQUARE, NON_SQUARE, (5, 2, 3)])
def test_column_major_jacobian_with_numpy_flatten_rejected(shape_, seed):
    assert not any(check_row_major(seed, shape_, jacobian=jacobian_D_wrt_W))


@pytest.mark.parametrize("shape_", [SQUARE, NON_SQUARE])
def test_column_major_flatten_is_not_numpy_flatten(shape_, seed):
    def column_major(A):
        return A.reshape(-1, order="F")

    assert not any(check_numpy_flatten(seed, shape_, flatten=column_major))


# --- wrong ways to count the nonzeros, and the wrong route, are rejected ------------------------


def nonzeros_swapped_fractions(m, q, n):
    # 1/n of Xᵀ ⊗ I_m and 1/m of I_n ⊗ W: the fractions exchanged.
    return {"Xᵀ ⊗ I_m": m * m * q, "I_n ⊗ W": n * q * n}


def nonzeros_all_of_it(m, q, n):
    return {"Xᵀ ⊗ I_m": (m * n) * (m * q), "I_n ⊗ W": (m * n) * (q * n)}


@pytest.mark.parametrize("shape_", [SQUARE, NON_SQUARE])
def test_nonzeros_counted_as_dense_rejected(shape_, seed):
    results = check_nonzeros(seed, shape_, nonzeros=nonzeros_all_of_it)
    assert not any(results)


@pytest.mark.parametrize("shape_", [NON_SQUARE, (5, 2, 3)])
def test_exchanged_fractions_rejected(shape_, seed):
    # With m = n the exchanged fractions are the same, so this mistake needs m ≠ n to show.
    results = check_nonzeros(seed, shape_, nonzeros=nonzeros_swapped_fractions)
    assert not any(results)


@pytest.mark.parametrize("wrong", WRONG_GRADIENT.values(), ids=WRONG_GRADIENT.keys())
@pytest.mark.parametrize("shape_", [SQUARE, NON_SQUARE])
def test_wrong_route_rejected(wrong, shape_, seed):
    assert not check_routes_agree(seed, shape_, gradient=wrong)[0]


# --- wrong sizes and costs are rejected --------------------------------------------------------


def size_missing_a_factor(m, q, n):
    entries = {"Xᵀ ⊗ I_m": m * n * q, "I_n ⊗ W": m * n * q, "∂φ/∂W": m * q, "∂φ/∂X": q * n}
    return {name: (count, 8 * count) for name, count in entries.items()}


def size_in_float32(m, q, n):
    entries = {
        "Xᵀ ⊗ I_m": (m * n) * (m * q),
        "I_n ⊗ W": (m * n) * (q * n),
        "∂φ/∂W": m * q,
        "∂φ/∂X": q * n,
    }
    return {name: (count, 4 * count) for name, count in entries.items()}


@pytest.mark.parametrize("wrong", [size_missing_a_factor, size_in_float32])
@pytest.mark.parametrize("shape_", [SQUARE, NON_SQUARE])
def test_wrong_sizes_rejected(wrong, shape_):
    results = check_jacobian_size(0, shape_, size=wrong)
    assert not results[0]
    assert not results[1]


def cost_as_if_the_jacobian_were_small(m, q, n):
    names = ["(Xᵀ ⊗ I_m)ᵀ vec G", "G Xᵀ", "(I_n ⊗ W)ᵀ vec G", "Wᵀ G"]
    return dict.fromkeys(names, m * q * n)


@pytest.mark.parametrize("shape_", [SQUARE, NON_SQUARE])
def test_wrong_cost_rejected(shape_):
    results = check_backward_cost(0, shape_, cost=cost_as_if_the_jacobian_were_small)
    assert not results[0]
    assert not results[2]
