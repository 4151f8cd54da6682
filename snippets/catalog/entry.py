"""What one catalogue entry is: an identity, the conditions it needs, and the code that checks it.

Every page of the catalogue, the cheat sheet and the tests read these records; nothing about an
identity is written down twice.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Inputs = dict[str, np.ndarray]


@dataclass(frozen=True)
class Identity:
    """∂f/∂X = G for a scalar function f of one matrix (or vector) variable.

    Attributes:
        id: stable identifier, "family.name" (e.g. "traces.AX"); used in anchors and test ids.
        family: the family the identity is derived under (one page per family).
        title: a few words naming the identity.
        tex: the identity in TeX in our layout: the gradient has the variable's shape.
        tex_numerator: the same derivative in numerator layout (the transposed shape).
        conditions: what the inputs must satisfy ("X square", "X invertible", "A symmetric").
        variable: the name of the variable among the inputs ("X" or "x").
        f: f(**inputs) -> float.
        grad: grad(**inputs) -> array of the variable's shape: the gradient G, G_ij = ∂f/∂X_ij.
        numerator: numerator(**inputs) -> the numerator-layout derivative, written as its own
            formula (a vector's derivative is a row, 1 × n; a matrix's is r × p for X: p × r).
        sample: sample(rng) -> inputs satisfying the conditions, with distinct, non-square
            dimensions wherever the identity allows them.
        exact: "polynomial" or "rational" when f and grad use only +, −, ×, @, .T, traces and
            snippets.catalog.linalg (so they also run on matrices of Fractions and of
            symbols, snippets/symbolic); None otherwise (logarithms, square roots, ...).
        structure: None for a free variable; "symmetric" when X is constrained to be symmetric
            and grad is the gradient within symmetric matrices.
    """

    id: str
    family: str
    title: str
    tex: str
    tex_numerator: str
    conditions: tuple[str, ...]
    variable: str
    f: Callable[..., float]
    grad: Callable[..., np.ndarray]
    numerator: Callable[..., np.ndarray]
    sample: Callable[[np.random.Generator], Inputs]
    exact: str | None = None
    structure: str | None = None


@dataclass(frozen=True)
class MatrixIdentity:
    """d vec(F) = J d vec(X) for a matrix-valued F(X), with J written in Kronecker form.

    Attributes:
        id, family, title, conditions, variable, sample, exact: as for Identity.
        tex: the differential and its vec form in TeX, e.g. d(X⁻¹) = −X⁻¹ dX X⁻¹ and
            ∂vec(X⁻¹)/∂vec(X) = −X⁻ᵀ ⊗ X⁻¹.
        F: F(**inputs) -> matrix.
        jacobian: jacobian(**inputs) -> the explicit (size of F) × (size of X) matrix,
            with vec stacking columns (column-major), as on the Kronecker page.
    """

    id: str
    family: str
    title: str
    tex: str
    conditions: tuple[str, ...]
    variable: str
    F: Callable[..., np.ndarray]
    jacobian: Callable[..., np.ndarray]
    sample: Callable[[np.random.Generator], Inputs]
    exact: str | None = None


@dataclass(frozen=True)
class HessianIdentity:
    """∂²f/∂vec X ∂vec Xᵀ = H for a scalar f of one matrix (or vector) variable, H in
    Kronecker form.

    The Hessian is the Jacobian of the gradient: H = ∂vec(∇f)/∂vec X, of shape
    (X.size, X.size), with vec stacking columns (column-major) on both sides. It is symmetric,
    so the gradient layout and the numerator layout give the same matrix.

    Attributes:
        id, family, title, conditions, variable, sample, exact: as for Identity.
        tex: the Hessian in TeX, in Kronecker form.
        f: f(**inputs) -> float.
        grad: grad(**inputs) -> the gradient, of the variable's shape.
        hessian: hessian(**inputs) -> the (X.size) × (X.size) matrix H,
            H[a, b] = ∂²f/∂vec(X)_a ∂vec(X)_b.
    """

    id: str
    family: str
    title: str
    tex: str
    conditions: tuple[str, ...]
    variable: str
    f: Callable[..., float]
    grad: Callable[..., np.ndarray]
    hessian: Callable[..., np.ndarray]
    sample: Callable[[np.random.Generator], Inputs]
    exact: str | None = None
