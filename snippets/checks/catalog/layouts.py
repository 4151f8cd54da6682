"""Checks of the layouts page (snippets/catalog/layouts.py): each conversion against numbers.

Each check draws its inputs from a seed and takes the conversion under test as a keyword
argument, so tests hand it a wrong conversion and see it rejected.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.catalog.layouts import (
    backprop_through_jacobian,
    gradient_from_numerator,
    gradient_from_row,
    jacobian_from_tensor,
)
from snippets.catalog.registry import by_id
from snippets.catalog.sample import default_sizes
from snippets.gradcheck import (
    check_gradient,
    check_jacobian,
    compare,
    expect_pass,
    expect_reject,
    numerical_jacobian,
)

# --8<-- [end:setup]


# --8<-- [start:check_numerator_to_gradient]
def check_numerator_to_gradient(seed=0, id="determinants.det", convert=gradient_from_numerator):
    """A numerator-layout formula (the entry's `numerator`), converted, is the gradient of f."""
    entry = by_id(id)
    with default_sizes():  # a square X of size 1 would hide a missing transpose
        inputs = entry.sample(np.random.default_rng(seed))
    X = inputs[entry.variable]
    G = convert(entry.numerator(**inputs))

    def f(V):
        return entry.f(**{**inputs, entry.variable: V})

    return check_gradient(f, G, X, label=f"{id}: numerator form, converted")


# --8<-- [end:check_numerator_to_gradient]


# --8<-- [start:check_row_derivative]
def check_row_derivative(seed=0, convert=gradient_from_row):
    """Magnus–Neudecker: D det(X) = det(X) vec(X⁻ᵀ)ᵀ, a 1 × n² row; converted, the gradient."""
    with default_sizes():
        X = by_id("determinants.det").sample(np.random.default_rng(seed))["X"]
    Df = np.linalg.det(X) * np.linalg.inv(X).T.reshape(1, -1, order="F")
    return [
        check_jacobian(lambda V: np.linalg.det(V)[None], Df, X, label="D det(X) as a 1 × n² row"),
        check_gradient(np.linalg.det, convert(Df, X.shape), X, label="the row, converted"),
    ]


# --8<-- [end:check_row_derivative]


# --8<-- [start:check_chain_rule]
def check_chain_rule(seed=0, shape=(2, 3, 4, 5), backprop=backprop_through_jacobian):
    """Goodfellow et al.: ∇_X z = Jᵀ ∇_Y z for Y = A X B, J = Bᵀ ⊗ A, z = G : Y (G random)."""
    s, p, r, t = shape
    rng = np.random.default_rng(seed)
    A, X, B = (rng.standard_normal(k) for k in ((s, p), (p, r), (r, t)))
    G = rng.standard_normal((s, t))
    claimed = backprop(np.kron(B.T, A), G, X.shape)
    return check_gradient(lambda V: np.sum(G * (A @ V @ B)), claimed, X, label="∇X z = Jᵀ ∇Y z")


# --8<-- [end:check_chain_rule]


# --8<-- [start:check_tensor_jacobian]
def check_tensor_jacobian(seed=0, shape=(2, 3, 4, 5), convert=jacobian_from_tensor):
    """The tensor T[i, j, k, c] = ∂Y_ij/∂X_kc of Y = A X B, flattened by `convert`, is Bᵀ ⊗ A.

    T is built by central differences, one entry of X at a time, as an autograd library's
    jacobian would return it: shape Y.shape + X.shape.
    """
    s, p, r, t = shape
    rng = np.random.default_rng(seed)
    A, X, B = (rng.standard_normal(k) for k in ((s, p), (p, r), (r, t)))
    T = np.empty((s, t, p, r))
    for k, c in np.ndindex(p, r):
        E = np.zeros((p, r))
        E[k, c] = 1.0
        T[:, :, k, c] = (A @ (X + E) @ B - A @ (X - E) @ B) / 2  # exact: Y is linear in X
    J = numerical_jacobian(lambda V: A @ V @ B, X)
    return [
        compare(convert(T, 2), np.kron(B.T, A), label="T flattened = Bᵀ ⊗ A", tolerance=1e-12),
        compare(convert(T, 2), J, label="T flattened = numerical Jacobian", tolerance=1e-8),
    ]


# --8<-- [end:check_tensor_jacobian]
