"""The claims page: every verdict reproduced over seeds and shapes, wrong claims rejected.

Shapes come from conftest.py as (m, q, n): distinct dimensions, square (4, 4, 4), and a
single row W (1, 3, 2), where some claims become literally true and the tests say so.
"""

import re
from pathlib import Path

import numpy as np
import pytest
from blocks_alone import run_blocks_alone
from page_includes import section_text

from snippets.checks.claims import (
    WHERE_WRONG_RULES_RUN,
    check_block_matrix,
    check_dW_rule,
    check_dX_rule,
    check_entry_counts,
    check_four_index,
    check_kron_W,
    check_kron_X,
    check_numerator_layout,
    check_ravel,
    check_row_major,
    check_sum_reading,
    check_trace_differential,
    check_trace_reading,
    check_vec_identity,
    check_vector_cases,
    check_where_rules_run,
)
from snippets.claims import (
    blocks_delta_Xt,
    dW_dD_X,
    dW_rule,
    dW_Xt_dD,
    dX_dD_Wt,
    dX_rule,
    dX_W_dD,
    kron_I_Xt,
    kron_X_I,
    kron_Xt_I,
    note_dD_dW,
    numerator_dphi_dW,
    trace_dW,
)
from snippets.gradcheck import GradientCheckError, vec

SQUARE = (4, 4, 4)
PAGE = Path(__file__).resolve().parent.parent / "docs" / "claims.md"


def passed(results):
    return all(results) if isinstance(results, list) else bool(results)


# --- 1. the note, read literally ------------------------------------------------------------


def test_literal_reading_has_too_few_entries(seed, shape):
    m, _, n = shape
    count_W, count_X = check_entry_counts(seed, shape)
    # The counts agree only when W is a single row: m·n·m·q = n·q exactly when m = 1.
    assert bool(count_W) == (m == 1)
    assert n > 1
    assert not count_X


def test_vector_cases_pass(seed, shape):
    assert passed(check_vector_cases(seed, shape))


@pytest.mark.parametrize(
    ("claim_W", "claim_X"),
    [
        (lambda W, X: X, None),
        (lambda W, X: -X.T, None),
        (None, lambda W, X: W),
        (None, lambda W, X: 2 * W.T),
    ],
    ids=["Xᵀ untransposed", "Xᵀ sign", "Wᵀ untransposed", "Wᵀ factor 2"],
)
def test_wrong_vector_cases_rejected_on_square(claim_W, claim_X, seed):
    kwargs = {k: v for k, v in {"claim_W": claim_W, "claim_X": claim_X}.items() if v}
    assert not passed(check_vector_cases(seed, SQUARE, **kwargs))


# --- 2. the four-index array ----------------------------------------------------------------


def test_four_index_passes(seed, shape):
    assert passed(check_four_index(seed, shape))


WRONG_TENSORS = {
    "X instead of Xᵀ: δ_ik X_jl": lambda W, X: np.einsum("ik,jl->ijkl", np.eye(W.shape[0]), X),
    "axes in denominator order": lambda W, X: np.einsum(
        "ik,lj->ijkl", np.eye(W.shape[0]), X
    ).transpose(2, 3, 0, 1),
    "delta dropped": lambda W, X: np.einsum("ik,lj->ijkl", np.ones((W.shape[0],) * 2), X),
    "wrong sign": lambda W, X: -np.einsum("ik,lj->ijkl", np.eye(W.shape[0]), X),
}


@pytest.mark.parametrize("wrong", WRONG_TENSORS.values(), ids=WRONG_TENSORS.keys())
def test_wrong_four_index_rejected_on_square(wrong, seed):
    assert not passed(check_four_index(seed, SQUARE, tensor=wrong))


def test_four_index_with_distinct_dims_rejects_a_wrong_shape():
    with pytest.raises(GradientCheckError, match="shapes differ"):
        check_four_index(0, (3, 4, 5), tensor=WRONG_TENSORS["axes in denominator order"])


# --- 3. Kronecker products ------------------------------------------------------------------


def test_vec_identity_passes(seed, shape):
    assert check_vec_identity(seed, shape)


WRONG_VEC_IDENTITY = {
    "A ⊗ Bᵀ, factors swapped": lambda A, B: np.kron(A, B.T),
    "B ⊗ A, transpose forgotten": lambda A, B: np.kron(B, A),
    "A ⊗ B": lambda A, B: np.kron(A, B),
}


@pytest.mark.parametrize("wrong", WRONG_VEC_IDENTITY.values(), ids=WRONG_VEC_IDENTITY.keys())
def test_wrong_vec_identity_rejected_on_square(wrong, seed):
    assert not check_vec_identity(seed, SQUARE, kron=wrong)


def test_kronecker_jacobians_pass(seed, shape):
    assert check_kron_W(seed, shape)
    assert check_kron_X(seed, shape)


def test_kron_X_I_rejected_when_shapes_agree(seed):
    for shape in [SQUARE, (3, 4, 4)]:
        assert not check_kron_W(seed, shape, jacobian=kron_X_I)


def test_kron_X_I_has_the_wrong_shape_when_q_differs_from_n():
    with pytest.raises(GradientCheckError, match="must have shape"):
        check_kron_W(0, (3, 4, 5), jacobian=kron_X_I)


def test_wrong_kronecker_order_rejected_column_major(seed, shape):
    m = shape[0]
    # With m = 1, I_m ⊗ Xᵀ and Xᵀ ⊗ I_m are the same matrix, Xᵀ: both orders are right.
    assert bool(check_kron_W(seed, shape, jacobian=kron_I_Xt)) == (m == 1)


def test_ravel_is_vec_of_the_transpose(seed, shape):
    assert check_ravel(seed, shape)


@pytest.mark.parametrize(
    "wrong",
    [vec, lambda A: A.T.ravel(), lambda A: A.reshape(-1, order="F")],
    ids=["vec", "transpose-ravel", "reshape-F"],
)
def test_ravel_is_not_vec(wrong, seed, shape):
    m, q, _ = shape
    # With a single row (m = 1), row by row and column by column are the same order.
    assert bool(check_ravel(seed, shape, flattened=wrong)) == (m == 1 or q == 1)


def test_row_major_jacobian_passes(seed, shape):
    assert check_row_major(seed, shape)


def test_column_major_jacobian_rejected_row_major(seed, shape):
    m = shape[0]
    assert bool(check_row_major(seed, shape, jacobian=kron_Xt_I)) == (m == 1)


WRONG_KRON_X = {
    "W ⊗ I_n": lambda W, X: np.kron(W, np.eye(X.shape[1])),
    "I_n ⊗ Wᵀ": lambda W, X: np.kron(np.eye(X.shape[1]), W.T),
}


@pytest.mark.parametrize("wrong", WRONG_KRON_X.values(), ids=WRONG_KRON_X.keys())
def test_wrong_kron_X_rejected_on_square(wrong, seed):
    assert not check_kron_X(seed, SQUARE, jacobian=wrong)


@pytest.mark.parametrize("factor", [2.0, -1.0])
def test_scaled_kron_W_rejected(factor, seed, shape):
    assert not check_kron_W(seed, shape, jacobian=lambda W, X: factor * kron_Xt_I(W, X))


# --- 4. the trace and the sum ---------------------------------------------------------------


def test_trace_reading_passes(seed, shape):
    m, q, _ = shape
    assert passed(check_trace_reading(seed, (m, q, m)))


WRONG_TRACE = {
    "X instead of Xᵀ": {"grad_W": lambda W, X: X},
    "wrong sign": {"grad_W": lambda W, X: -X.T},
    "W instead of Wᵀ": {"grad_X": lambda W, X: W},
    "factor 2": {"grad_X": lambda W, X: 2 * W.T},
}


@pytest.mark.parametrize("wrong", WRONG_TRACE.values(), ids=WRONG_TRACE.keys())
def test_wrong_trace_gradients_rejected_on_square(wrong, seed):
    assert not passed(check_trace_reading(seed, SQUARE, **wrong))


def test_trace_reading_needs_a_square_product():
    with pytest.raises(ValueError, match="n = m"):
        check_trace_reading(0, (3, 4, 5))


def test_sum_gradient_passes(seed, shape):
    assert check_sum_reading(seed, shape)


def test_note_is_not_the_gradient_of_the_sum(seed, shape):
    m, q, _ = shape
    # With m = n = 1, D is a single number, its sum is itself, and Xᵀ is right.
    assert bool(check_sum_reading(seed, (m, q, m), grad_W=note_dD_dW)) == (m == 1)
    assert not check_sum_reading(seed, SQUARE, grad_W=trace_dW)


# --- 5. in code -----------------------------------------------------------------------------


def test_backward_rules_pass(seed, shape):
    assert check_dW_rule(seed, shape)
    assert check_dX_rule(seed, shape)


WRONG_DW = {
    "Xᵀ dD": dW_Xt_dD,
    "dD X": dW_dD_X,
    "transposed result": lambda dD, X: (dD @ X.T).T,
    "factor 2": lambda dD, X: 2 * dW_rule(dD, X),
    "wrong sign": lambda dD, X: -dW_rule(dD, X),
    "numerator layout X Gᵀ": numerator_dphi_dW,
}
WRONG_DX = {
    "dD Wᵀ": dX_dD_Wt,
    "W dD": dX_W_dD,
    "transposed result": lambda dD, W: (W.T @ dD).T,
    "factor 2": lambda dD, W: 2 * dX_rule(dD, W),
    "wrong sign": lambda dD, W: -dX_rule(dD, W),
}


@pytest.mark.parametrize("wrong", WRONG_DW.values(), ids=WRONG_DW.keys())
def test_wrong_dW_rejected_on_square(wrong, seed):
    assert not check_dW_rule(seed, SQUARE, dW=wrong)


@pytest.mark.parametrize("wrong", WRONG_DX.values(), ids=WRONG_DX.keys())
def test_wrong_dX_rejected_on_square(wrong, seed):
    assert not check_dX_rule(seed, SQUARE, dX=wrong)


@pytest.mark.parametrize("wrong", [dW_Xt_dD, dW_dD_X])
def test_wrong_dW_does_not_run_on_distinct_dims(wrong):
    with pytest.raises(ValueError, match=r"matmul: .* mismatch"):
        check_dW_rule(0, (3, 4, 5), dW=wrong)


@pytest.mark.parametrize("wrong", [dX_dD_Wt, dX_W_dD])
def test_wrong_dX_does_not_run_on_distinct_dims(wrong):
    with pytest.raises(ValueError, match=r"matmul: .* mismatch"):
        check_dX_rule(0, (3, 4, 5), dX=wrong)


def test_numerator_layout_has_the_transposed_shape_on_distinct_dims():
    with pytest.raises(GradientCheckError, match="transposed"):
        check_dW_rule(0, (3, 4, 5), dW=numerator_dphi_dW)


# --- 6. block matrices and traces -----------------------------------------------------------


def test_block_matrix_is_the_row_major_jacobian(seed, shape):
    assert check_block_matrix(seed, shape)
    assert check_row_major(seed, shape, jacobian=blocks_delta_Xt)


def test_block_matrix_rejected_column_major(seed, shape):
    m = shape[0]
    assert bool(check_kron_W(seed, shape, jacobian=blocks_delta_Xt)) == (m == 1)


def _blocks_with_X(W, X):
    m = W.shape[0]
    zero = np.zeros(X.shape)
    return np.block([[X if i == k else zero for k in range(m)] for i in range(m)])


def test_blocks_of_X_instead_of_Xt_rejected_on_square(seed):
    assert not check_block_matrix(seed, SQUARE, blocks=_blocks_with_X)
    assert not check_row_major(seed, SQUARE, jacobian=_blocks_with_X)


def test_trace_differential_passes(seed, shape):
    assert passed(check_trace_differential(seed, shape))


WRONG_DIFFERENTIALS = {
    "G untransposed": lambda G, dW, X: np.trace(G @ dW @ X),
    "wrong sign": lambda G, dW, X: -np.trace(G.T @ dW @ X),
    "X transposed": lambda G, dW, X: np.trace(G.T @ dW @ X.T),
}


@pytest.mark.parametrize("wrong", WRONG_DIFFERENTIALS.values(), ids=WRONG_DIFFERENTIALS.keys())
def test_wrong_differentials_rejected_on_square(wrong, seed):
    assert not passed(check_trace_differential(seed, SQUARE, differential=wrong))


def test_numerator_layout_is_the_transposed_gradient(seed, shape):
    assert check_numerator_layout(seed, shape)


def test_gradient_is_not_the_numerator_layout_on_square(seed):
    assert not check_numerator_layout(seed, SQUARE, derivative=dW_rule)


# --- the summary table ----------------------------------------------------------------------


def table_rows():
    rows = re.findall(r"^\| (.+?) \| (.+?) \| \[[^\]]+\]\(#([\w-]+)\) \|$", PAGE.read_text(), re.M)
    assert rows, "the summary table of docs/claims.md has no rows"
    return rows


def section(anchor):
    text = PAGE.read_text()
    start = text.index(f"{{#{anchor}}}")
    following = re.search(r"^#{1,6} ", text[start:], re.M)
    return text[start : start + following.start()] if following else text[start:]


@pytest.mark.parametrize(("claim", "verdict", "anchor"), table_rows(), ids=lambda v: v[:40])
def test_every_verdict_is_backed_by_a_check(claim, verdict, anchor):
    body = section(anchor)
    assert "right" in verdict or "wrong" in verdict, f"no verdict for {claim!r}"
    if "right" in verdict:
        assert "print(expect_pass(" in body, f"{claim!r} is called right; #{anchor} passes nothing"
    if "wrong" in verdict:
        assert "print(expect_reject(" in body, (
            f"{claim!r} is called wrong; #{anchor} rejects nothing"
        )


# --- the snippets shown on the page run alone ---------------------------------------------


def shown_blocks():
    """The code blocks titled snippets/claims.py on the page, with their includes expanded."""
    blocks = re.findall(r'^```python title="snippets/claims.py"\n(.*?)^```', PAGE.read_text(),
                        re.M | re.S)  # fmt: skip
    source = PAGE.parent.parent / "snippets" / "claims.py"
    sections = set(re.findall(r"# --8<-- \[start:(\w+)\]", source.read_text()))
    shown = {name for block in blocks for name in INCLUDE_LINE.findall(block)}
    assert shown == sections, f"sections of snippets/claims.py not shown: {sections - shown}"
    return [
        (f"block {number} ({', '.join(INCLUDE_LINE.findall(block))})",
         "".join(section_text(source, name) for name in INCLUDE_LINE.findall(block)))
        for number, block in enumerate(blocks, 1)
    ]  # fmt: skip


INCLUDE_LINE = re.compile(r'^--8<-- "snippets/claims.py:(\w+)"$', re.M)


def test_every_section_shown_runs_alone(tmp_path):
    assert run_blocks_alone(shown_blocks(), tmp_path) == []


def test_a_section_without_its_import_fails_alone(tmp_path):
    """The runner has teeth: the four-index section without `import numpy as np` fails."""
    source = PAGE.parent.parent / "snippets" / "claims.py"
    code = section_text(source, "four_index") + "dD_dW_four_index(np.ones((2, 3)), np.ones((3, 4)))"
    failures = run_blocks_alone([("four_index alone", code)], tmp_path)
    assert len(failures) == 1
    assert "NameError" in failures[0]


# --- where the wrong rules run ----------------------------------------------------------------


def test_where_wrong_rules_run_as_stated():
    assert passed(check_where_rules_run())


def test_run_only_on_square_shapes_is_rejected():
    only_square = ("m = q = n", lambda m, q, n: m == q == n) * 2
    for result in check_where_rules_run(
        conditions=dict.fromkeys(WHERE_WRONG_RULES_RUN, only_square)
    ):
        assert not result


@pytest.mark.parametrize(
    ("rule", "runs"),
    [(dW_dD_X, lambda m, q, n: m == q), (dX_W_dD, lambda m, q, n: q == n)],
    ids=["dD X with q = m", "W dD with q = n"],
)
def test_a_wrong_condition_for_one_rule_is_rejected(rule, runs):
    text, _, fits_text, fits = WHERE_WRONG_RULES_RUN[rule]
    (result,) = check_where_rules_run(conditions={rule: (text, runs, fits_text, fits)})
    assert not result


def test_wrong_rules_rejected_where_they_run_with_the_right_shape(seed):
    for shape in [(3, 4, 4), (2, 5, 5)]:  # q = n
        assert not check_dW_rule(seed, shape, dW=dW_dD_X)
    for shape in [(4, 4, 5), (5, 5, 2)]:  # m = q
        assert not check_dX_rule(seed, shape, dX=dX_W_dD)
