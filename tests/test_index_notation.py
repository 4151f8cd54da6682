"""Index notation (snippets/index_notation.py): the einsum forms pass, and wrong indices fail.

Every wrong formula below is rejected on square shapes (4, 4, 4), where it runs and has
the right shape, so only the numbers can reveal it.
"""

import numpy as np
import pytest

from snippets.checks.index_notation import (
    READING_RULES,
    check_D,
    check_dW,
    check_dX,
    check_entry_derivatives,
    check_gram,
    check_gram_entries,
    check_reading_rules,
    check_self_derivative,
    check_square_loss,
    check_summing_rule,
    random_inputs,
)
from snippets.gradcheck import GradientCheckError
from snippets.index_notation import D_einsum, dW_einsum, dX_einsum, gram_entry_derivatives

SQUARE = (4, 4, 4)

# --- the formulas pass ------------------------------------------------------------------------


def test_D_passes(seed, shape):
    assert check_D(seed, shape)


def test_summing_rule_passes(seed, shape):
    assert all(check_summing_rule(seed, shape))


def test_self_derivative_passes(seed, shape):
    assert check_self_derivative(seed, shape)


def test_gram_entries_pass(seed, shape):
    assert check_gram_entries(seed, shape)


def test_entry_derivatives_pass(seed, shape):
    assert all(check_entry_derivatives(seed, shape))


def test_dW_passes(seed, shape):
    assert all(check_dW(seed, shape))


def test_dX_passes(seed, shape):
    assert all(check_dX(seed, shape))


def test_reading_rules_pass(seed, shape):
    assert all(check_reading_rules(seed, shape))


def test_square_loss_passes(seed, shape):
    assert all(check_square_loss(seed, shape))


def test_gram_passes(seed, shape):
    assert all(check_gram(seed, shape))


def test_gradients_have_the_shapes_of_their_variables(shape):
    W, X, G = random_inputs(0, shape)
    m, _, n = shape
    assert D_einsum(W, X).shape == (m, n)
    assert dW_einsum(G, X).shape == W.shape
    assert dX_einsum(G, W).shape == X.shape


# --- wrong formulas are rejected --------------------------------------------------------------

WRONG_D = {
    "W Xᵀ: ik,jk->ij": lambda W, X: np.einsum("ik,jk->ij", W, X),
    "transposed result: ik,kj->ji": lambda W, X: np.einsum("ik,kj->ji", W, X),
    "Wᵀ X: ki,kj->ij": lambda W, X: np.einsum("ki,kj->ij", W, X),
}


@pytest.mark.parametrize("wrong", WRONG_D.values(), ids=WRONG_D.keys())
def test_wrong_D_rejected_on_square_shapes(wrong, seed):
    assert not check_D(seed, SQUARE, product=wrong)


def _entries(wrong_W=None, wrong_X=None):
    """entry_derivatives with one of the two 4-index arrays replaced by a wrong one."""

    def derivatives(W, X):
        m, n = W.shape[0], X.shape[1]
        right_W = np.einsum("il,tj->ijlt", np.eye(m), X)
        right_X = np.einsum("il,jt->ijlt", W, np.eye(n))
        return (
            right_W if wrong_W is None else wrong_W(W, X),
            right_X if wrong_X is None else wrong_X(W, X),
        )

    return derivatives


WRONG_SUMMING = {
    "ij,ij->ij read as a matrix product": {"ij,ij->ij": ("A B", lambda A, B: A @ B)},
    "ij,ij-> read as tr(AB)": {"ij,ij->": ("tr(AB)", lambda A, B: np.trace(A @ B))},
    "ij,ij-> read as the sum of A B": {"ij,ij->": ("Σ (A B)", lambda A, B: np.sum(A @ B))},
}


@pytest.mark.parametrize("wrong", WRONG_SUMMING.values(), ids=WRONG_SUMMING.keys())
def test_wrong_summing_rule_rejected_on_square_shapes(wrong, seed):
    assert not any(check_summing_rule(seed, SQUARE, rules=wrong))


def test_entrywise_product_read_as_a_sum_is_a_shape_error():
    rules = {"ij,ij->ij": ("Σ_ij A_ij B_ij", lambda A, B: np.sum(A * B))}
    with pytest.raises(GradientCheckError, match="shapes differ"):
        check_summing_rule(0, SQUARE, rules=rules)


WRONG_SELF_DERIVATIVE = {
    "indices paired wrongly: δ_ik δ_λθ": lambda m, q: np.einsum(
        "ik,lt->iklt", np.eye(m, q), np.eye(m, q)
    ),
    "transposed: δ_iθ δ_kλ": lambda m, q: np.einsum("it,kl->iklt", np.eye(m, q), np.eye(q, m)),
    "all ones": lambda m, q: np.ones((m, q, m, q)),
    "factor 2": lambda m, q: 2 * np.einsum("il,kt->iklt", np.eye(m), np.eye(q)),
}


@pytest.mark.parametrize("wrong", WRONG_SELF_DERIVATIVE.values(), ids=WRONG_SELF_DERIVATIVE.keys())
@pytest.mark.parametrize("shape_", [SQUARE, (3, 4, 5)], ids=["square", "3x4x5"])
def test_wrong_self_derivative_rejected(wrong, shape_, seed):
    assert not check_self_derivative(seed, shape_, derivative=wrong)


WRONG_GRAM_ENTRIES = {
    "left factor only: δ_iλ W_jθ": lambda W: np.einsum("il,jt->ijlt", np.eye(len(W)), W),
    "right factor only: W_iθ δ_jλ": lambda W: np.einsum("it,jl->ijlt", W, np.eye(len(W))),
    "one term twice: 2 δ_iλ W_jθ": lambda W: 2 * np.einsum("il,jt->ijlt", np.eye(len(W)), W),
    "wrong sign on one term": lambda W: (
        gram_entry_derivatives(W) - 2 * np.einsum("it,jl->ijlt", W, np.eye(len(W)))
    ),
}


@pytest.mark.parametrize("wrong", WRONG_GRAM_ENTRIES.values(), ids=WRONG_GRAM_ENTRIES.keys())
@pytest.mark.parametrize("shape_", [SQUARE, (3, 4, 5)], ids=["square", "3x4x5"])
def test_wrong_gram_entries_rejected(wrong, shape_, seed):
    assert not check_gram_entries(seed, shape_, derivative=wrong)


WRONG_DD_DW = {
    "Kronecker on the wrong pair: δ_iθ X_λj": lambda W, X: np.einsum(
        "it,lj->ijlt", np.eye(len(W)), X
    ),
    "X transposed: δ_iλ X_jθ": lambda W, X: np.einsum("il,jt->ijlt", np.eye(len(W)), X),
    "wrong sign: −δ_iλ X_θj": lambda W, X: -np.einsum("il,tj->ijlt", np.eye(len(W)), X),
}
WRONG_DD_DX = {
    "Kronecker on the wrong pair: W_iθ δ_jλ": lambda W, X: np.einsum(
        "it,jl->ijlt", W, np.eye(X.shape[1])
    ),
    "W transposed: W_λi δ_jθ": lambda W, X: np.einsum("li,jt->ijlt", W, np.eye(X.shape[1])),
    "factor 2: 2 W_iλ δ_jθ": lambda W, X: 2 * np.einsum("il,jt->ijlt", W, np.eye(X.shape[1])),
}


@pytest.mark.parametrize("wrong", WRONG_DD_DW.values(), ids=WRONG_DD_DW.keys())
def test_wrong_dD_dW_rejected_on_square_shapes(wrong, seed):
    by_W, by_X = check_entry_derivatives(seed, SQUARE, derivatives=_entries(wrong_W=wrong))
    assert not by_W
    assert by_X  # the other half is untouched and still passes


@pytest.mark.parametrize("wrong", WRONG_DD_DX.values(), ids=WRONG_DD_DX.keys())
def test_wrong_dD_dX_rejected_on_square_shapes(wrong, seed):
    by_W, by_X = check_entry_derivatives(seed, SQUARE, derivatives=_entries(wrong_X=wrong))
    assert by_W
    assert not by_X


WRONG_DW = {
    "wrong index: lj,jt->lt (G X)": lambda G, X: np.einsum("lj,jt->lt", G, X),
    "transposed result: lj,tj->tl": lambda G, X: np.einsum("lj,tj->tl", G, X),
    "wrong sign": lambda G, X: -np.einsum("lj,tj->lt", G, X),
    "factor 2": lambda G, X: 2 * np.einsum("lj,tj->lt", G, X),
}
WRONG_DX = {
    "wrong index: li,it->lt (W G)": lambda G, W: np.einsum("li,it->lt", W, G),
    "transposed result: il,it->tl": lambda G, W: np.einsum("il,it->tl", W, G),
    "wrong sign": lambda G, W: -np.einsum("il,it->lt", W, G),
    "factor 2": lambda G, W: 2 * np.einsum("il,it->lt", W, G),
}


@pytest.mark.parametrize("wrong", WRONG_DW.values(), ids=WRONG_DW.keys())
def test_wrong_dW_rejected_on_square_shapes(wrong, seed):
    # Both halves reject it: the matrix form and the finite differences.
    assert not any(check_dW(seed, SQUARE, dW_formula=wrong))


@pytest.mark.parametrize("wrong", WRONG_DX.values(), ids=WRONG_DX.keys())
def test_wrong_dX_rejected_on_square_shapes(wrong, seed):
    assert not any(check_dX(seed, SQUARE, dX_formula=wrong))


@pytest.mark.parametrize("wrong", [WRONG_DW["wrong sign"], WRONG_DW["factor 2"]])
def test_wrong_dW_rejected_on_non_square_shapes(wrong, seed):
    assert not any(check_dW(seed, (3, 4, 5), dW_formula=wrong))


def test_wrong_index_does_not_even_run_on_non_square_shapes():
    # "dj,jc" asks G's columns (n = 5) and X's rows (q = 4) to be the same index.
    with pytest.raises(ValueError, match="could not be broadcast"):
        check_dW(0, (3, 4, 5), dW_formula=WRONG_DW["wrong index: lj,jt->lt (G X)"])


WRONG_RULES = {
    "as,bs->ab read as A B": {"ik,jk->ij": ("A B", lambda A, B: A @ B)},
    "sa,sb->ab read as A Bᵀ": {"ki,kj->ij": ("A Bᵀ", lambda A, B: A @ B.T)},
    "sa,bs->ab read as B A": {"ki,jk->ij": ("B A", lambda A, B: B @ A)},
    "as,sb->ba read as A B": {"ik,kj->ji": ("A B", lambda A, B: A @ B)},
}


@pytest.mark.parametrize("wrong", WRONG_RULES.values(), ids=WRONG_RULES.keys())
def test_wrong_reading_rule_rejected_on_square_shapes(wrong, seed):
    assert not any(check_reading_rules(seed, SQUARE, rules=wrong))


def test_reading_rules_cover_every_position_of_the_summed_index():
    inputs = {s.split("->")[0] for s in READING_RULES}
    assert inputs == {"ik,kj", "ik,jk", "ki,kj", "ki,jk"}


def _square_loss(scale_W=2.0, scale_X=2.0, transpose_W=False, index_W="lj,tj->lt"):
    def grads(W, X):
        D = W @ X
        dW = scale_W * np.einsum(index_W, D, X)
        dX = scale_X * np.einsum("il,it->lt", W, D)
        return (dW.T if transpose_W else dW), dX

    return grads


WRONG_SQUARE_LOSS = {
    "missing factor 2 in dW": _square_loss(scale_W=1.0),
    "missing factor 2 in dX": _square_loss(scale_X=1.0),
    "wrong sign in dW": _square_loss(scale_W=-2.0),
    "wrong sign in dX": _square_loss(scale_X=-2.0),
    "transposed dW": _square_loss(transpose_W=True),
    "wrong index in dW: dj,jc->dc": _square_loss(index_W="lj,jt->lt"),
}


@pytest.mark.parametrize("wrong", WRONG_SQUARE_LOSS.values(), ids=WRONG_SQUARE_LOSS.keys())
def test_wrong_square_loss_rejected_on_square_shapes(wrong, seed):
    assert not all(check_square_loss(seed, SQUARE, grads=wrong))


@pytest.mark.parametrize("scale", [1.0, -2.0], ids=["missing factor 2", "wrong sign"])
def test_wrong_square_loss_rejected_on_non_square_shapes(scale, seed):
    G_of_the_loss, *results = check_square_loss(
        seed, (3, 4, 5), grads=_square_loss(scale_W=scale, scale_X=scale)
    )
    assert G_of_the_loss  # ∂φ/∂D = 2 D does not depend on the formula under test
    assert not any(results)


WRONG_GRAM = {
    "one path only: G W": lambda G, W: G @ W,
    "one path only: Gᵀ W": lambda G, W: G.T @ W,
    "both paths equal: 2 G W": lambda G, W: 2 * G @ W,
    "wrong sign on one path: G W − Gᵀ W": lambda G, W: G @ W - G.T @ W,
}


@pytest.mark.parametrize("wrong", WRONG_GRAM.values(), ids=WRONG_GRAM.keys())
@pytest.mark.parametrize("shape_", [SQUARE, (3, 4, 5)], ids=["square", "3x4x5"])
def test_wrong_gram_rejected(wrong, shape_, seed):
    assert not any(check_gram(seed, shape_, dW_formula=wrong))


def test_self_derivative_with_axes_in_the_wrong_order_is_refused():
    # δ_iλ δ_kθ stored as T[c, d, k, i] has shape (q, m, q, m): flattened, it is the same
    # identity matrix, so only the shape can tell; as_jacobian checks it.
    def axes_reversed(m, q):
        return np.einsum("il,kt->tlki", np.eye(m), np.eye(q))

    with pytest.raises(ValueError, match=r"shape \(4, 3, 4, 3\); expected \(3, 4, 3, 4\)"):
        check_self_derivative(0, (3, 4, 5), derivative=axes_reversed)
