"""Checks of D = W X's backward pass (snippets/matmul.py) against finite differences.

Each check builds its inputs from a seed and takes the formula under test as
an argument, so tests can hand it a wrong formula and see it rejected.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.checks.inputs import random_inputs
from snippets.gradcheck import check_gradient, check_jacobian, compare, expect_pass, expect_reject
from snippets.matmul import matmul_backward

# --8<-- [end:setup]


# --8<-- [start:check_dW]
def check_dW(seed=0, shape=(3, 4, 5), backward=matmul_backward):
    """φ(W) = G : (W X) has ∂φ/∂D = G; its ∂φ/∂W must equal dW = G Xᵀ."""
    W, X, G = random_inputs(seed, shape)
    dW, _ = backward(G, W, X)
    return check_gradient(lambda W: np.sum(G * (W @ X)), dW, W, label="dW = dD @ X.T")


# --8<-- [end:check_dW]


# --8<-- [start:check_dX]
def check_dX(seed=0, shape=(3, 4, 5), backward=matmul_backward):
    """φ(X) = G : (W X) has ∂φ/∂D = G; its ∂φ/∂X must equal dX = Wᵀ G."""
    W, X, G = random_inputs(seed, shape)
    _, dX = backward(G, W, X)
    return check_gradient(lambda X: np.sum(G * (W @ X)), dX, X, label="dX = W.T @ dD")


# --8<-- [end:check_dX]


# --8<-- [start:small_example]
def small_example_dW(G, X):
    """∂φ/∂W for W (2, 3) and X (3, 2), each entry written out as on the home page.

    Entry (λ, θ) is G_λ1 X_θ1 + G_λ2 X_θ2; numpy counts from 0, so W_12 is W[0, 1].
    """
    return np.array(
        [
            [
                G[0, 0] * X[0, 0] + G[0, 1] * X[0, 1],  # ∂φ/∂W_11
                G[0, 0] * X[1, 0] + G[0, 1] * X[1, 1],  # ∂φ/∂W_12
                G[0, 0] * X[2, 0] + G[0, 1] * X[2, 1],  # ∂φ/∂W_13
            ],
            [
                G[1, 0] * X[0, 0] + G[1, 1] * X[0, 1],  # ∂φ/∂W_21
                G[1, 0] * X[1, 0] + G[1, 1] * X[1, 1],  # ∂φ/∂W_22
                G[1, 0] * X[2, 0] + G[1, 1] * X[2, 1],  # ∂φ/∂W_23
            ],
        ]
    )


def check_small_example(seed=0, written_out=small_example_dW):
    """The six written-out entries are ∂φ/∂W for φ = G : (W X), and together they are G Xᵀ."""
    W, X, G = random_inputs(seed, (2, 3, 2))
    dW = written_out(G, X)
    return [
        check_gradient(lambda W: np.sum(G * (W @ X)), dW, W, label="the six entries = ∂φ/∂W"),
        compare(dW, G @ X.T, label="the six entries = G Xᵀ"),
    ]


# --8<-- [end:small_example]


# --8<-- [start:check_kronecker]
def kronecker_W(X, m):
    """Xᵀ ⊗ I_m, claimed to be ∂vec D/∂vec W (mn × mq)."""
    return np.kron(X.T, np.eye(m))


def kronecker_X(W, n):
    """I_n ⊗ W, claimed to be ∂vec D/∂vec X (mn × qn)."""
    return np.kron(np.eye(n), W)


def check_kronecker_jacobians(seed=0, shape=(3, 4, 5), of_W=kronecker_W, of_X=kronecker_X):
    """∂vec D/∂vec W = Xᵀ ⊗ I_m and ∂vec D/∂vec X = I_n ⊗ W, against finite differences."""
    W, X, _ = random_inputs(seed, shape)
    m, _, n = shape
    return [
        check_jacobian(lambda W: W @ X, of_W(X, m), W, label="∂vec D/∂vec W = Xᵀ ⊗ I_m"),
        check_jacobian(lambda X: W @ X, of_X(W, n), X, label="∂vec D/∂vec X = I_n ⊗ W"),
    ]


# --8<-- [end:check_kronecker]
