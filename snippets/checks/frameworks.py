"""The numpy side of the dictionary on docs/autodiff/frameworks.md, checked at build time.

What PyTorch, JAX and TensorFlow return for D = W X is run by tests/test_frameworks.py (the
frameworks are not needed to build the site). Here the site's own numpy code stands for
them: each check states what a framework's call computes, in the site's terms, and checks
that statement with the gradient checker. Each takes the formula under test as a keyword
argument, so the tests and the page can hand it a wrong one and see it rejected.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.checks.inputs import random_inputs
from snippets.four_index import by_finite_differences, contract
from snippets.gradcheck import check_gradient, compare, expect_pass, expect_reject
from snippets.matmul import matmul_backward

# --8<-- [end:setup]


# --8<-- [start:check_seeded_backward]
def check_seeded_backward(seed=0, shape=(3, 4, 5), backward=matmul_backward, context=""):
    """D.backward(gradient=G), vjp_fn(G) and tape.gradient(D, [W, X], output_gradients=G)
    return the gradients of the scalar φ = G : D. The site's backward pass (dW, dX) against
    finite differences of that φ, and ∂φ/∂D against G (what D.grad holds). `context` is
    appended to each label."""
    W, X, G = random_inputs(seed, shape)
    dW, dX = backward(G, W, X)
    phi_W, phi_X = (lambda W: np.sum(G * (W @ X))), (lambda X: np.sum(G * (W @ X)))
    return [
        check_gradient(lambda D: np.sum(G * D), G, W @ X, label="dD = G" + context),
        check_gradient(phi_W, dW, W, label="dW of φ = G : WX" + context),
        check_gradient(phi_X, dX, X, label="dX of φ = G : WX" + context),
    ]


# --8<-- [end:check_seeded_backward]


# --8<-- [start:check_jacobian_layout]
def check_jacobian_layout(seed=0, shape=(3, 4, 5), backward=matmul_backward):
    """jacobian(lambda W: W @ X, W) returns D's axes, then W's: an (m, n, m, q) array. Measured
    here one entry of W at a time; contracting it with G over D's axes gives dW, which is why
    a backward pass never needs it. Reshaped row by row (as numpy and the frameworks do) it is
    I_m ⊗ Xᵀ, numerator layout for the row-major flattening."""
    W, X, G = random_inputs(seed, shape)
    m, q, n = shape
    J = by_finite_differences(lambda W: W @ X, W)
    assert J.shape == (m, n, m, q), J.shape
    dW, _ = backward(G, W, X)
    fd = "central differences, one entry of W at a time"
    return [
        compare(contract(J, G), dW, tolerance=1e-8, method=fd, label="Σ_ij G_ij J[i, j] = dW"),
        compare(
            J.reshape(m * n, m * q),
            np.kron(np.eye(m), X.T),
            tolerance=1e-8,
            method=fd,
            label=f"J.reshape({m * n}, {m * q}) = I ⊗ Xᵀ",
        ),
    ]


# --8<-- [end:check_jacobian_layout]


# --8<-- [start:check_ones_seed]
def check_ones_seed(seed=0, shape=(4, 4, 4), ones=False, claimed=None, claim="dW = dD @ X.T"):
    """A claimed dW formula against the site's dW = G Xᵀ, for a random G or, with ones=True,
    the all-ones G that D.sum().backward() seeds. `claimed(G, W, X)` defaults to the right
    one; `claim` says in the printed result which formula was checked."""
    W, X, G = random_inputs(seed, shape)
    if ones:
        G = np.ones_like(G)
    claimed = claimed or (lambda G, W, X: G @ X.T)
    seed_name = "the all-ones seed of D.sum()" if ones else "a random G"
    dW, _ = matmul_backward(G, W, X)
    return compare(claimed(G, W, X), dW, label=f"{claim}, {seed_name}")


# --8<-- [end:check_ones_seed]
