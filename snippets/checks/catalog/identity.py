"""Checks of catalogue entries (snippets/catalog/entry.py) against numerical differentiation.

One function checks any scalar identity, another any matrix-valued one, a third any Hessian.
Inputs come from the entry's own sampler and a seed; the formula under test can be replaced
(`grad=`, `numerator=`, `jacobian=`), so tests hand in a wrong formula and see it rejected.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.catalog.registry import HESSIAN_IDENTITIES, IDENTITIES, MATRIX_IDENTITIES, by_id
from snippets.catalog.structured import PROJECTIONS
from snippets.gradcheck import (
    GradientCheckError,
    check_gradient,
    check_jacobian,
    expect_pass,
    expect_reject,
)

# --8<-- [end:setup]


# --8<-- [start:check_identity]
def check_identity(entry, seed=0, grad=None, numerator=None, inputs=None):
    """Check ∂f/∂X = G (gradient layout) and its numerator-layout form against f itself.

    The inputs are entry.sample(np.random.default_rng(seed)) unless given as `inputs`.
    Both formulas are compared with central differences of f: the gradient must have X's
    shape; the numerator form must have the transposed shape (1 × n for a vector x of length
    n) and hold the same numbers. For a symmetric X (entry.structure == "symmetric"), f is
    moved only along symmetric directions: the reference is the gradient of
    Y ↦ f((Y + Yᵀ)/2) at Y = X, the one symmetric S with df = S : dX for every symmetric dX.
    Likewise for a diagonal, Toeplitz or symmetric Toeplitz X, with the orthogonal projection
    onto those matrices (snippets/catalog/structured.py, PROJECTIONS) in place of (Y + Yᵀ)/2.
    """
    rng = np.random.default_rng(seed)
    inputs = entry.sample(rng) if inputs is None else inputs
    grad = entry.grad if grad is None else grad
    numerator = entry.numerator if numerator is None else numerator
    name, X = entry.variable, inputs[entry.variable]

    def f(V):
        return entry.f(**{**inputs, name: V})

    if entry.structure == "symmetric":
        if X.ndim != 2 or X.shape[0] != X.shape[1] or not np.allclose(X, X.T):
            raise GradientCheckError(f"{entry.id}: {name} must be a symmetric matrix")
        f_free = f

        def f(V):
            return f_free((V + V.T) / 2)

    elif entry.structure in PROJECTIONS:
        project = PROJECTIONS[entry.structure]
        if X.ndim != 2 or X.shape[0] != X.shape[1] or not np.allclose(X, project(X)):
            raise GradientCheckError(f"{entry.id}: {name} must be a {entry.structure} matrix")
        f_free = f

        def f(V):
            return f_free(project(V))

    elif entry.structure is not None:
        raise GradientCheckError(f"{entry.id}: unknown structure {entry.structure!r}")

    N = np.asarray(numerator(**inputs))
    numerator_shape = (1, X.size) if X.ndim == 1 else X.shape[::-1]
    if N.shape != numerator_shape:
        raise GradientCheckError(
            f"{entry.id}: the numerator-layout derivative has shape {N.shape}; for {name} of"
            f" shape {X.shape} it must have shape {numerator_shape}"
        )
    N_as_gradient = N.reshape(X.shape) if X.ndim == 1 else N.T
    return [
        check_gradient(f, grad(**inputs), X, label=f"{entry.id}: gradient"),
        check_gradient(f, N_as_gradient, X, label=f"{entry.id}: numerator layout"),
    ]


# --8<-- [end:check_identity]


# --8<-- [start:check_matrix_identity]
def check_matrix_identity(entry, seed=0, jacobian=None, inputs=None):
    """Check the Kronecker form J = ∂vec F/∂vec X against central differences of F.

    vec stacks columns on both sides, so J has shape (F.size, X.size).
    """
    rng = np.random.default_rng(seed)
    inputs = entry.sample(rng) if inputs is None else inputs
    jacobian = entry.jacobian if jacobian is None else jacobian
    name = entry.variable

    def F(V):
        return entry.F(**{**inputs, name: V})

    return check_jacobian(F, jacobian(**inputs), inputs[name], label=f"{entry.id}: Jacobian")


# --8<-- [end:check_matrix_identity]


# --8<-- [start:check_hessian_identity]
def check_hessian_identity(entry, seed=0, hessian=None, inputs=None):
    """Check a Hessian entry: its gradient against central differences of f, then its Hessian
    H = ∂vec(∇f)/∂vec X against central differences of that (checked) gradient.

    vec stacks columns, so H has shape (X.size, X.size); H must also be symmetric, which the
    comparison with the Jacobian of the gradient enforces (that Jacobian is symmetric up to
    the differences' error).
    """
    rng = np.random.default_rng(seed)
    inputs = entry.sample(rng) if inputs is None else inputs
    hessian = entry.hessian if hessian is None else hessian
    name, X = entry.variable, inputs[entry.variable]

    def f(V):
        return entry.f(**{**inputs, name: V})

    def gradient(V):
        return entry.grad(**{**inputs, name: V})

    return [
        check_gradient(f, entry.grad(**inputs), X, label=f"{entry.id}: gradient"),
        check_jacobian(gradient, hessian(**inputs), X, label=f"{entry.id}: Hessian"),
    ]


# --8<-- [end:check_hessian_identity]
