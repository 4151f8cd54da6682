"""Checks of the 4-index derivatives of D = W X (snippets/four_index.py).

Each check builds its inputs from a seed and takes the formula under test as a
keyword argument, so tests can hand it a wrong formula and see it rejected.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.checks.inputs import random_inputs
from snippets.conventions import frobenius, vec
from snippets.four_index import (
    apply,
    as_jacobian,
    by_finite_differences,
    contract,
    dD_dW,
    dD_dX,
)
from snippets.gradcheck import check_gradient, check_jacobian, compare, expect_pass, expect_reject

# --8<-- [end:setup]


# --8<-- [start:check_dD_dW]
def check_dD_dW(seed=0, shape=(3, 4, 5), derivative=dD_dW):
    """∂D_ij/∂W_λθ = δ_iλ X_θj, shape (m, n, m, q), against a difference per entry of W."""
    W, X, _ = random_inputs(seed, shape)
    m = W.shape[0]
    T = derivative(X, m)
    return compare(
        T,
        by_finite_differences(lambda W: W @ X, W),
        tolerance=1e-8,
        method="central differences, one entry of W at a time",
        label=f"∂D_ij/∂W_λθ = δ_iλ X_θj, shape {T.shape}",
    )


# --8<-- [end:check_dD_dW]


# --8<-- [start:check_dD_dX]
def check_dD_dX(seed=0, shape=(3, 4, 5), derivative=dD_dX):
    """∂D_ij/∂X_λθ = W_iλ δ_jθ, shape (m, n, q, n), against a difference per entry of X."""
    W, X, _ = random_inputs(seed, shape)
    n = X.shape[1]
    T = derivative(W, n)
    return compare(
        T,
        by_finite_differences(lambda X: W @ X, X),
        tolerance=1e-8,
        method="central differences, one entry of X at a time",
        label=f"∂D_ij/∂X_λθ = W_iλ δ_jθ, shape {T.shape}",
    )


# --8<-- [end:check_dD_dX]


# --8<-- [start:check_counts]
def check_counts(seed=0, shape=(3, 4, 5), derivative_W=dD_dW, derivative_X=dD_dX):
    """∂D/∂W has m·n·m·q entries, ∂D/∂X has m·n·q·n; each has only m·n·q nonzeros."""
    W, X, _ = random_inputs(seed, shape)
    m, q, n = shape
    TW, TX = derivative_W(X, m), derivative_X(W, n)
    counts = {  # label: (counted, formula)
        f"∂D/∂W: m·n·m·q = {m * n * m * q} entries": (TW.size, m * n * m * q),
        f"∂D/∂W: m·n·q = {m * n * q} nonzeros": (np.count_nonzero(TW), m * n * q),
        f"∂D/∂X: m·n·q·n = {m * n * q * n} entries": (TX.size, m * n * q * n),
        f"∂D/∂X: m·n·q = {m * n * q} nonzeros": (np.count_nonzero(TX), m * n * q),
    }
    return [
        compare(counted, formula, label=label, method="counted: T.size, np.count_nonzero(T)")
        for label, (counted, formula) in counts.items()
    ]


# --8<-- [end:check_counts]


# --8<-- [start:check_blocks_dW]
def check_blocks_dW(seed=0, shape=(3, 4, 5), derivative=dD_dW):
    """Row i of D by row k of W: the (n, q) block ∂D[i, :]/∂W[k, :] is Xᵀ if i = k, else 0."""
    _, X, _ = random_inputs(seed, shape)
    m, q, n = shape
    blocks = derivative(X, m).transpose(0, 2, 1, 3)  # blocks[i, k] = T[i, :, k, :], (n, q)
    same_row = np.eye(m, dtype=bool)
    return [
        compare(
            blocks[same_row],
            np.broadcast_to(X.T, (m, n, q)),
            label="∂D[i, :]/∂W[i, :] = Xᵀ, shape (n, q), for every i",
        ),
        compare(
            blocks[~same_row],
            np.zeros((m * m - m, n, q)),
            label=f"∂D[i, :]/∂W[k, :] = 0 for i ≠ k ({m * m - m} blocks)",
        ),
    ]


# --8<-- [end:check_blocks_dW]


# --8<-- [start:check_blocks_dX]
def check_blocks_dX(seed=0, shape=(3, 4, 5), derivative=dD_dX):
    """Column j of D by column l of X: the (m, q) block ∂D[:, j]/∂X[:, l] is W if j = l, else 0."""
    W, _, _ = random_inputs(seed, shape)
    m, q, n = shape
    blocks = derivative(W, n).transpose(1, 3, 0, 2)  # blocks[j, l] = T[:, j, :, l], (m, q)
    same_column = np.eye(n, dtype=bool)
    return [
        compare(
            blocks[same_column],
            np.broadcast_to(W, (n, m, q)),
            label="∂D[:, j]/∂X[:, j] = W, shape (m, q), for every j",
        ),
        compare(
            blocks[~same_column],
            np.zeros((n * n - n, m, q)),
            label=f"∂D[:, j]/∂X[:, l] = 0 for j ≠ l ({n * n - n} blocks)",
        ),
    ]


# --8<-- [end:check_blocks_dX]


# --8<-- [start:check_contract_dW]
def check_contract_dW(seed=0, shape=(3, 4, 5), derivative=dD_dW, contraction=contract):
    """Σ_ij G_ij ∂D_ij/∂W_λθ is ∂φ/∂W for φ(W) = G : (W X), and equals G Xᵀ."""
    W, X, G = random_inputs(seed, shape)
    m = W.shape[0]
    dW = contraction(derivative(X, m), G)
    return [
        check_gradient(lambda W: np.sum(G * (W @ X)), dW, W, label="Σ_ij G_ij ∂D_ij/∂W = ∂φ/∂W"),
        compare(dW, G @ X.T, label="Σ_ij G_ij ∂D_ij/∂W = G Xᵀ"),
    ]


# --8<-- [end:check_contract_dW]


# --8<-- [start:check_contract_dX]
def check_contract_dX(seed=0, shape=(3, 4, 5), derivative=dD_dX, contraction=contract):
    """Σ_ij G_ij ∂D_ij/∂X_λθ is ∂φ/∂X for φ(X) = G : (W X), and equals Wᵀ G."""
    W, X, G = random_inputs(seed, shape)
    n = X.shape[1]
    dX = contraction(derivative(W, n), G)
    return [
        check_gradient(lambda X: np.sum(G * (W @ X)), dX, X, label="Σ_ij G_ij ∂D_ij/∂X = ∂φ/∂X"),
        compare(dX, W.T @ G, label="Σ_ij G_ij ∂D_ij/∂X = Wᵀ G"),
    ]


# --8<-- [end:check_contract_dX]


# --8<-- [start:check_as_jacobian]
def check_as_jacobian(seed=0, shape=(3, 4, 5), to_jacobian=as_jacobian):
    """Reshaped column-major, ∂D/∂W is ∂vec D/∂vec W = Xᵀ ⊗ I_m and ∂D/∂X is I_n ⊗ W."""
    W, X, _ = random_inputs(seed, shape)
    m, _, n = shape
    JW, JX = to_jacobian(dD_dW(X, m)), to_jacobian(dD_dX(W, n))
    return [
        check_jacobian(lambda W: W @ X, JW, W, label="∂vec D/∂vec W from ∂D/∂W"),
        compare(JW, np.kron(X.T, np.eye(m)), label="∂vec D/∂vec W = Xᵀ ⊗ I_m"),
        check_jacobian(lambda X: W @ X, JX, X, label="∂vec D/∂vec X from ∂D/∂X"),
        compare(JX, np.kron(np.eye(n), W), label="∂vec D/∂vec X = I_n ⊗ W"),
    ]


# --8<-- [end:check_as_jacobian]


# --8<-- [start:check_linear_map]
def kronecker_matrix(X, m):
    """Xᵀ ⊗ I_m, the matrix of ℒ: dW ↦ dW X in column-major vec coordinates."""
    return np.kron(X.T, np.eye(m))


def check_linear_map(seed=0, shape=(3, 4, 5), matrix=kronecker_matrix, adjoint=contract):
    """The derivative of D = W X in W is the linear map ℒ: dW ↦ dW X, and its adjoint under
    the Frobenius product is ℒ*: G ↦ G Xᵀ. The 4-index array and Xᵀ ⊗ I_m are coordinates
    of ℒ; the contraction with G, and the transposed matrix, are ℒ*."""
    W, X, G = random_inputs(seed, shape)
    m = W.shape[0]
    delta_W = np.random.default_rng(seed + 1).standard_normal(W.shape)  # a change of W
    T, J = dD_dW(X, m), matrix(X, m)
    return [
        compare(apply(T, delta_W), delta_W @ X, label="Σ_λθ T_ijλθ dW_λθ = (dW X)_ij"),
        compare(J @ vec(delta_W), vec(delta_W @ X), label="(Xᵀ ⊗ I_m) vec(dW) = vec(dW X)"),
        compare(adjoint(T, G), G @ X.T, label="Σ_ij G_ij T_ijλθ = (G Xᵀ)_λθ"),
        compare(J.T @ vec(G), vec(G @ X.T), label="(Xᵀ ⊗ I_m)ᵀ vec(G) = vec(G Xᵀ)"),
        compare(
            frobenius(G, apply(T, delta_W)),
            frobenius(adjoint(T, G), delta_W),
            label="G : ℒ(dW) = ℒ*(G) : dW",
        ),
    ]


# --8<-- [end:check_linear_map]
