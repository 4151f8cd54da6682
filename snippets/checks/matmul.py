"""Checks of D = W X's backward pass (snippets/matmul.py) against finite differences.

Each check builds its inputs from a seed and takes the formula under test as
an argument, so tests can hand it a wrong formula and see it rejected.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.checks.inputs import random_inputs
from snippets.gradcheck import check_gradient, expect_pass, expect_reject
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
