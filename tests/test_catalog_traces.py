"""Trace identities (snippets/catalog/traces.py): the mistakes typical of traces are rejected.

Transposes in the wrong place (A for Aᵀ), product orders reversed, one of two terms of a
quadratic in X dropped, Hadamard and matrix products confused: each is tried on every seed with
square inputs, where only the numbers can tell, and once on the entry's own distinct sizes.
What every catalogue entry must pass and refuse, and its page, are in test_catalog_entries.py.
"""

import numpy as np
import pytest
from catalog_wrong import mistakes

from snippets.catalog import traces

WRONG = {
    "traces.X": {
        "all ones": lambda X: np.ones(X.shape),
        "X": lambda X: X,
    },
    "traces.AX": {"A instead of Aᵀ": lambda X, A: A},
    "traces.XA": {"A instead of Aᵀ": lambda X, A: A},
    "traces.XtA": {"Aᵀ instead of A": lambda X, A: A.T},
    "traces.AXt": {"Aᵀ instead of A": lambda X, A: A.T},
    "traces.AXB": {
        "BᵀAᵀ (order reversed)": lambda X, A, B: B.T @ A.T,
        "BA (numerator layout)": lambda X, A, B: B @ A,
        "AB": lambda X, A, B: A @ B,
    },
    "traces.AXtB": {
        "AᵀBᵀ": lambda X, A, B: A.T @ B.T,
        "AB": lambda X, A, B: A @ B,
    },
    "traces.XtX": {"X (missing 2)": lambda X: X, "2Xᵀ": lambda X: 2 * X.T},
    "traces.XtAX": {
        "2AX (only for symmetric A)": lambda X, A: 2 * A @ X,
        "AX (one term)": lambda X, A: A @ X,
        "(A + Aᵀ)Xᵀ": lambda X, A: (A + A.T) @ X.T,
    },
    "traces.XtAX_sym": {"AX (missing 2)": lambda X, A: A @ X, "2XA": lambda X, A: 2 * X @ A},
    "traces.XAXt": {
        "2XA (only for symmetric A)": lambda X, A: 2 * X @ A,
        "XA (one term)": lambda X, A: X @ A,
        "(A + Aᵀ)X": lambda X, A: (A + A.T) @ X,
    },
    "traces.XtBXC": {
        "2BXC": lambda X, B, C: 2 * B @ X @ C,
        "BXC (one term)": lambda X, B, C: B @ X @ C,
        "BXC + BᵀXC (Cᵀ forgotten)": lambda X, B, C: B @ X @ C + B.T @ X @ C,
    },
    "traces.AXBX": {
        "2AᵀXᵀBᵀ": lambda X, A, B: 2 * A.T @ X.T @ B.T,
        "AᵀXᵀBᵀ (one term)": lambda X, A, B: A.T @ X.T @ B.T,
        "BXA + AXB (numerator layout)": lambda X, A, B: B @ X @ A + A @ X @ B,
    },
    "traces.AXBXtC": {
        "AᵀCᵀXBᵀ (one term)": lambda X, A, B, C: A.T @ C.T @ X @ B.T,
        "AᵀCᵀXB + CAXBᵀ (B's transposes swapped)": lambda X, A, B, C: (
            A.T @ C.T @ X @ B + C @ A @ X @ B.T
        ),
        "2CAXB": lambda X, A, B, C: 2 * C @ A @ X @ B,
    },
    "traces.X2": {"2X (no transpose)": lambda X: 2 * X, "Xᵀ (missing 2)": lambda X: X.T},
    "traces.X3": {"3X² (no transpose)": lambda X: 3 * X @ X, "3XᵀX": lambda X: 3 * X.T @ X},
    "traces.AX2": {
        "2AᵀXᵀ (as if A and X commute)": lambda X, A: 2 * A.T @ X.T,
        "XA + AX (numerator layout)": lambda X, A: X @ A + A @ X,
    },
    "traces.XkronA": {
        "size of A instead of its trace": lambda X, A: A.shape[0] * np.eye(X.shape[0]),
        "tr(A) times all ones": lambda X, A: np.trace(A) * np.ones(X.shape),
        "tr(X) I": lambda X, A: np.trace(X) * np.eye(X.shape[0]),
    },
    "traces.hadamard": {
        "A ∘ B (no transpose)": lambda X, A, B: A * B,
        "AB (matrix product)": lambda X, A, B: A @ B,
    },
    "traces.A_XoX": {
        "2A ∘ X (no transpose)": lambda X, A: 2 * A * X,
        "Aᵀ ∘ X (missing 2)": lambda X, A: A.T * X,
    },
    "traces.Xk": {
        "k̄ Xᵏ̄⁻¹ (no transpose)": lambda X, k: k * np.linalg.matrix_power(X, k - 1),
        "(Xᵏ̄⁻¹)ᵀ (missing k̄)": lambda X, k: np.linalg.matrix_power(X, k - 1).T,
        "k̄ (Xᵏ̄)ᵀ (power not lowered)": lambda X, k: k * np.linalg.matrix_power(X, k).T,
    },
    "traces.AXk": {
        "k̄ Aᵀ(Xᵏ̄⁻¹)ᵀ (as if A and X commute)": lambda X, A, k: (
            k * A.T @ np.linalg.matrix_power(X, k - 1).T
        ),
        "Σ XⁱAXᵏ̄⁻¹⁻ⁱ (numerator layout)": lambda X, A, k: sum(
            np.linalg.matrix_power(X, i) @ A @ np.linalg.matrix_power(X, k - 1 - i)
            for i in range(k)
        ),
    },
    "traces.BtXtCXXtCXB": {
        "two terms (C taken symmetric), doubled": lambda X, B, C: (
            2 * (C @ X @ X.T @ C @ X @ B @ B.T + C @ X @ B @ B.T @ X.T @ C @ X)
        ),
        "Cᵀ dropped in the last two terms": lambda X, B, C: (
            C @ X @ X.T @ C @ X @ B @ B.T
            + C.T @ X @ B @ B.T @ X.T @ C.T @ X
            + C @ X @ B @ B.T @ X.T @ C @ X
            + C @ X @ X.T @ C @ X @ B @ B.T
        ),
    },
    "traces.XtCXinv_A": {
        "the Cookbook's −CX𝓜⁻¹(A + Aᵀ)𝓜⁻¹ (C taken symmetric)": lambda X, A, C: (
            -C @ X @ np.linalg.inv(X.T @ C @ X) @ (A + A.T) @ np.linalg.inv(X.T @ C @ X)
        ),
        "sign lost: CX𝓜⁻¹A𝓜⁻¹ + CᵀX𝓜⁻ᵀAᵀ𝓜⁻ᵀ": lambda X, A, C: (
            C @ X @ np.linalg.inv(X.T @ C @ X) @ A @ np.linalg.inv(X.T @ C @ X)
            + C.T @ X @ np.linalg.inv(X.T @ C @ X).T @ A.T @ np.linalg.inv(X.T @ C @ X).T
        ),
    },
    "traces.XtCXinv_XtBX": {
        "the Cookbook's 2BX𝓜⁻¹ − 2CX𝓜⁻¹XᵀBX𝓜⁻¹ (B, C taken symmetric)": lambda X, B, C: (
            2 * B @ X @ np.linalg.inv(X.T @ C @ X)
            - 2 * C @ X @ np.linalg.inv(X.T @ C @ X) @ X.T @ B @ X @ np.linalg.inv(X.T @ C @ X)
        ),
        "only the numerator's terms": lambda X, B, C: (
            B @ X @ np.linalg.inv(X.T @ C @ X) + B.T @ X @ np.linalg.inv(X.T @ C @ X).T
        ),
    },
    "traces.AplusXtCXinv_XtBX": {
        "the Cookbook's (127), with B, C symmetrized": lambda X, A, B, C: (
            (B + B.T) @ X @ np.linalg.inv(A + X.T @ C @ X)
            - (C + C.T)
            @ X
            @ np.linalg.inv(A + X.T @ C @ X)
            @ X.T
            @ (B + B.T)
            / 2
            @ X
            @ np.linalg.inv(A + X.T @ C @ X)
        ),
        "only the numerator's terms": lambda X, A, B, C: (
            B @ X @ np.linalg.inv(A + X.T @ C @ X) + B.T @ X @ np.linalg.inv(A + X.T @ C @ X).T
        ),
    },
    "traces.sinX": {
        "cos X (no transpose)": lambda X: _by_eig(np.cos, X),
        "sin X": lambda X: _by_eig(np.sin, X).T,
        "cos applied entry by entry": lambda X: np.cos(X).T,
    },
    "traces.expX": {
        "e^X (no transpose)": lambda X: _by_eig(np.exp, X),
        "exp applied entry by entry": lambda X: np.exp(X).T,
    },
    "traces.XkronX": {
        "tr(X) I (missing 2)": lambda X: np.trace(X) * np.eye(len(X)),
        "2X (as if tr(X ⊗ X) were ‖X‖²)": lambda X: 2 * X,
        "2 tr(X) times all ones": lambda X: 2 * np.trace(X) * np.ones(X.shape),
    },
}


def _by_eig(function, X):
    """function(X) for a matrix X, through its eigendecomposition (real part)."""
    lam, V = np.linalg.eig(X)
    return np.real(V @ np.diag(function(lam)) @ np.linalg.inv(V))


@pytest.mark.parametrize("mistake", mistakes(WRONG, family=traces), ids=str)
def test_typical_mistakes_rejected(mistake):
    assert not mistake.failures(), f"{mistake}: passed at (seed, square) {mistake.failures()}"


def test_every_trace_identity_is_in_a_matrix_X():
    assert all(e.variable == "X" for e in traces.IDENTITIES)


@pytest.mark.parametrize("k", [1, 2, 3, 4, 5, 7])
def test_trace_of_a_power_for_every_k(k):
    # The page states ∂ tr(Xᵏ)/∂X = k (Xᵏ⁻¹)ᵀ for every k ≥ 1 and checks several k.
    from snippets.catalog.code.traces import f_Xk, grad_Xk
    from snippets.gradcheck import check_gradient

    X = np.random.default_rng(k).standard_normal((4, 4)) / 2
    assert check_gradient(lambda X: f_Xk(X, k), grad_Xk(X, k), X)
    if k > 2:  # the transpose forgotten (for k = 1 the gradient I is symmetric)
        wrong = k * np.linalg.matrix_power(X, k - 1)  # the transpose forgotten
        assert not check_gradient(lambda X: f_Xk(X, k), wrong, X)
    if k == 2:
        assert not check_gradient(lambda X: f_Xk(X, k), 2 * X, X)
