"""Symbolic checks (snippets/symbolic/symbolic_check.py): identities as equalities of rational
functions, at every size up to the bound, and wrong formulas refuted at some size."""

from dataclasses import replace

import numpy as np
import pytest

from snippets.catalog.linalg import det, inv
from snippets.checks.proofs import (
    JACOBIANS,
    LARGEST,
    PART_ONE,
    check_catalog_symbolic,
    check_symbolic,
    exact_entries,
    exact_matrix_entries,
)
from snippets.claims import kron_I_Xt
from snippets.symbolic.symbolic_check import (
    check_gradient_symbolically,
    dimensions,
    structure_of,
    symbol_inputs,
)

BY_ID = {c.id: c for c in [*PART_ONE, *JACOBIANS]}


def test_part_one_proved_for_every_size_up_to_the_bound():
    results = check_symbolic()
    assert all(results), [str(r) for r in results if not r]
    matmul = results[0]
    assert len(matmul.shapes) == 27  # m, q, n each 1, 2, 3
    assert {s["W"] for s in matmul.shapes} == {(m, q) for m in (1, 2, 3) for q in (1, 2, 3)}


def test_catalogue_proved_for_every_size_up_to_the_bound():
    results = check_catalog_symbolic()
    assert len(results) == len(exact_entries()) + len(exact_matrix_entries())
    assert all(results), [str(r) for r in results if not r]
    assert all(len(r.shapes) >= 2 for r in results)


MISTAKES = {
    "matmul: dW = dD Xᵀ": lambda W, X, G: G @ X,  # transpose forgotten: runs where q = n
    "∂ tr(XᵀAX)/∂X = (A + Aᵀ)X": lambda X, A: 2 * A @ X,  # symmetrisation missing
    "∂ tr(AXB)/∂X = AᵀBᵀ": lambda X, A, B: B.T @ A.T if B.shape[0] == A.shape[1] else A.T,
    "∂ det X/∂X = det(X) X⁻ᵀ": lambda X: det(X) * inv(X),  # X⁻¹ for X⁻ᵀ
    "linear layer: db = dD 1": lambda W, X, b, G: G[:, 0],  # one sample, not the sum
}


@pytest.mark.parametrize("claim_id", MISTAKES)
def test_wrong_formulas_refuted_at_some_size(claim_id):
    wrong = replace(BY_ID[claim_id], grad=MISTAKES[claim_id])
    (result,) = check_symbolic(identities=[wrong], jacobians=[])
    assert not result, str(result)
    assert result.failed_at
    assert "NOT equal" in str(result)


def test_row_major_kronecker_refuted():
    claim = replace(BY_ID["∂vec(WX)/∂vec W = Xᵀ ⊗ I"], jacobian=kron_I_Xt)
    (result,) = check_symbolic(identities=[], jacobians=[claim])
    assert not result
    assert result.failed_at


def test_bounds_are_per_kind_and_reported():
    assert LARGEST == {"polynomial": 3, "rational": 2}
    det_claim = BY_ID["∂ det X/∂X = det(X) X⁻ᵀ"]
    (result,) = check_symbolic(identities=[det_claim], jacobians=[])
    assert [s["X"] for s in result.shapes] == [(1, 1), (2, 2)]
    assert "1–2" in str(result)
    assert result.seconds >= 0


def test_rational_functions_compare_as_functions():
    X = symbol_inputs({"X": np.array([[1.0, 2.0]])}, {"X": (1, 2)})["X"]
    x, y = X[0, 0], X[0, 1]
    assert (x + y) ** 2 == x * x + 2 * x * y + y * y
    assert (x * x - y * y) / (x - y) == x + y
    assert x / 3 + 0.5 == (2 * x + 3) / 6  # floats enter exactly
    with pytest.raises(TypeError, match="left exact arithmetic"):
        float(x)
    with pytest.raises(TypeError, match="integer powers"):
        x**0.5


def test_structure_is_kept_when_sizes_change():
    rng = np.random.default_rng(0)
    S = rng.standard_normal((3, 3))
    template = {"S": S + S.T, "D": np.diag([1.0, 2.0, 3.0]), "x": rng.standard_normal(4)}
    assert structure_of(template["S"]) == "symmetric"
    assert structure_of(template["D"]) == "diagonal"
    assert dimensions(template) == [3, 4]
    inputs = symbol_inputs(template, {"S": (2, 2), "D": (2, 2), "x": (3,)})
    assert inputs["S"][0, 1] == inputs["S"][1, 0]
    assert inputs["S"][0, 0] != inputs["S"][1, 1]
    assert inputs["D"][0, 1] == 0
    assert inputs["D"][1, 1] != 0


def test_explicit_sizes_are_the_ones_proved_and_a_wrong_sign_is_refuted_there_too():
    """Given `sizes`, the proof tries exactly those and says so; a wrong sign of
    tr((A + XᵀCX)⁻¹XᵀBX)'s gradient is refuted at them."""
    from snippets.catalog.traces import AplusXtCXinv_XtBX as entry

    template = entry.sample(np.random.default_rng(0))
    sizes = [dict(zip(dimensions(template), s, strict=True)) for s in ((1, 1), (1, 2), (2, 1))]

    def prove(grad):
        return check_gradient_symbolically(
            entry.f, grad, template, "X", largest=2, label=entry.id, sizes=sizes
        )

    result = prove(entry.grad)
    assert result, str(result)
    assert len(result.shapes) == 3
    assert "the sizes (1, 1), (1, 2), (2, 1)" in result.method

    def wrong_sign(X, A, B, C):  # the C terms added, not subtracted
        M_inv = inv(A + X.T @ C @ X)
        K = M_inv @ X.T @ B @ X @ M_inv
        return B @ X @ M_inv + B.T @ X @ M_inv.T + C @ X @ K + C.T @ X @ K.T

    refuted = prove(wrong_sign)
    assert not refuted, str(refuted)
    assert refuted.failed_at
