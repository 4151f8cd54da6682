"""Catalogue family "eigenvalues": gradients of a simple eigenvalue and of an eigenvector.

Site machinery: the family's registry records, which point at the copyable functions in
snippets/catalog/code/; it imports the site's own modules, so it does not run alone.

Every identity here follows from differentiating X v = λ v. For a simple eigenvalue λ with
right eigenvector v and left eigenvector u (uᵀX = λuᵀ), multiplying d(Xv) = d(λv) by uᵀ gives
dλ = uᵀ dX v / (uᵀv); for a symmetric X, u = v. None of these is polynomial or rational in X,
so none is marked exact. Gradients are in our layout; `numerator` is the transpose.
"""

import numpy as np

from snippets.catalog.code import eigenvalues as copyable
from snippets.catalog.entry import Identity
from snippets.catalog.linalg import exact_capable
from snippets.catalog.sample import dims, orthogonal

#: The copyable functions (snippets/catalog/code/eigenvalues.py), bound as the other families'
#: are; none is exact (eigenvalues are roots of a polynomial, not rational in X).
code = exact_capable(copyable)

FAMILY = "eigenvalues"


# --8<-- [start:samples]
def distinct_eigenvalues(rng: np.random.Generator, n: int) -> np.ndarray:
    """n real numbers in increasing order, consecutive ones at least 0.5 apart: the numbers
    0, 1, …, n − 1 about their middle, each moved by up to ±0.25, then all shifted by one
    offset uniform on [−(n + 1)/2, (n + 1)/2]. So every eigenvalue is simple, and a draw has
    them all positive, all negative (each about 1 draw in 5 for n = 4) or of both signs."""
    s = np.sort(np.arange(n) - (n - 1) / 2 + rng.uniform(-0.25, 0.25, n))
    return s + rng.uniform(-(n + 1) / 2, (n + 1) / 2)


def symmetric_distinct(rng: np.random.Generator, n: int) -> np.ndarray:
    """A symmetric n × n matrix Q diag(s) Qᵀ, exactly symmetric, Q Haar orthogonal, s from
    `distinct_eigenvalues`: positive definite, negative definite or indefinite, every
    eigenvalue simple, so each is a smooth function of X."""
    Q = orthogonal(rng, n)
    M = Q @ np.diag(distinct_eigenvalues(rng, n)) @ Q.T
    return (M + M.T) / 2


#: The largest condition number of the eigenvector matrix V of `real_distinct`: the larger
#: κ(V), the more an eigenvalue moves under a change of X (by up to κ(V) times the change),
#: and the more digits a finite-difference check loses.
KAPPA_EIGENVECTORS = 10.0


def real_distinct(rng: np.random.Generator, n: int) -> np.ndarray:
    """A non-symmetric n × n matrix V diag(s) V⁻¹ with real eigenvalues s from
    `distinct_eigenvalues` (so det X of either sign; where s has both signs, so has the
    symmetric part of X). V = U diag(σ) Wᵀ, U and W Haar orthogonal, has condition number
    κ = KAPPA_EIGENVECTORS^u, u uniform on [0.3, 1] (κ from about 2 to 10: far from orthogonal,
    so X is not nearly symmetric): σ holds 1 and κ, the others log-uniform between."""
    kappa = KAPPA_EIGENVECTORS ** rng.uniform(0.3, 1.0)
    sigma = np.exp(rng.uniform(0.0, np.log(kappa), n))
    if n >= 2:
        sigma[:2] = 1.0, kappa
    V = orthogonal(rng, n) @ np.diag(sigma) @ orthogonal(rng, n).T
    return V @ np.diag(distinct_eigenvalues(rng, n)) @ np.linalg.inv(V)


def sample_symmetric(rng: np.random.Generator, square: int | None = None, vector: bool = False):
    """{"X": `symmetric_distinct`} (and {"c": a standard normal n-vector} with `vector`);
    n = 4, or 1 in about 1 draw in 6 (`dims`), or `square`."""
    (n,) = dims(square, 4, rng=rng)
    inputs = {"X": symmetric_distinct(rng, n)}
    if vector:
        inputs["c"] = rng.standard_normal(n)
    return inputs


def sample_general(rng: np.random.Generator, square: int | None = None):
    """{"X": `real_distinct`}; n = 4, or 1 in about 1 draw in 6 (`dims`), or `square`."""
    (n,) = dims(square, 4, rng=rng)
    return {"X": real_distinct(rng, n)}


# --8<-- [end:samples]


SYM = Identity(
    id="eigenvalues.sym",
    family=FAMILY,
    title="the largest eigenvalue of a symmetric matrix",
    tex=r"\frac{\partial \hat{\lambda}}{\partial X} = \hat{v} \hat{v}^\top",
    tex_numerator=r"\frac{\partial \hat{\lambda}}{\partial X} = \hat{v} \hat{v}^\top",
    conditions=("X: n × n, symmetric", "λ̂ its largest eigenvalue, simple; v̂ of norm 1"),
    variable="X",
    f=code.f_sym,
    grad=code.grad_sym,
    numerator=code.numerator_sym,
    sample=sample_symmetric,
)


SYM_VECTOR = Identity(
    id="eigenvalues.sym_vector",
    family=FAMILY,
    title="an eigenvector of a symmetric matrix, read along c",
    tex=r"\frac{\partial\, c^\top \hat{v}}{\partial X}"
    r" = (\hat{\lambda} I - X)^{+} c\, \hat{v}^\top",
    tex_numerator=r"\frac{\partial\, c^\top \hat{v}}{\partial X}"
    r" = \hat{v} c^\top (\hat{\lambda} I - X)^{+}",
    conditions=(
        "X: n × n, symmetric",
        "λ̂ its largest eigenvalue, simple; v̂ of norm 1, signed so that cᵀv̂ > 0",
        "c: n",
    ),
    variable="X",
    f=code.f_sym_vector,
    grad=code.grad_sym_vector,
    numerator=code.numerator_sym_vector,
    sample=lambda rng, square=None: sample_symmetric(rng, square, vector=True),
)


GENERAL = Identity(
    id="eigenvalues.general",
    family=FAMILY,
    title="a simple eigenvalue of a general matrix",
    tex=r"\frac{\partial \hat{\lambda}}{\partial X}"
    r" = \frac{\hat{u} \hat{v}^\top}{\hat{u}^\top \hat{v}}",
    tex_numerator=r"\frac{\partial \hat{\lambda}}{\partial X}"
    r" = \frac{\hat{v} \hat{u}^\top}{\hat{u}^\top \hat{v}}",
    conditions=(
        "X: n × n, real, not symmetric",
        "λ̂ its largest eigenvalue, real and simple; Xv̂ = λ̂v̂ and ûᵀX = λ̂ûᵀ",
    ),
    variable="X",
    f=code.f_general,
    grad=code.grad_general,
    numerator=code.numerator_general,
    sample=sample_general,
)


IDENTITIES: list[Identity] = [SYM, SYM_VECTOR, GENERAL]
