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
from snippets.catalog.determinants import dims, invertible
from snippets.catalog.entry import Identity
from snippets.catalog.linalg import exact_capable

#: The copyable functions (snippets/catalog/code/eigenvalues.py), bound as the other families'
#: are; none is exact (eigenvalues are roots of a polynomial, not rational in X).
code = exact_capable(copyable)

FAMILY = "eigenvalues"


# --8<-- [start:samples]
def symmetric_distinct(rng: np.random.Generator, n: int) -> np.ndarray:
    """A symmetric n × n matrix Q diag(s) Qᵀ, Q orthogonal, with eigenvalues s of both signs
    at least 0.5 apart: every eigenvalue is simple, so each is a smooth function of X."""
    Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    s = np.sort(rng.uniform(-0.25, 0.25, n) + np.arange(n) - (n - 1) / 2)
    return Q @ np.diag(s) @ Q.T


def real_distinct(rng: np.random.Generator, n: int) -> np.ndarray:
    """A non-symmetric n × n matrix S diag(s) S⁻¹ with S of condition number at most 2 and
    real eigenvalues s of both signs, at least 0.5 apart."""
    S = invertible(rng, n, sign=int(rng.choice([-1, 1])))
    s = np.sort(rng.uniform(-0.25, 0.25, n) + np.arange(n) - (n - 1) / 2)
    return S @ np.diag(s) @ np.linalg.inv(S)


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
    sample=lambda rng, square=None: {"X": symmetric_distinct(rng, *dims(square, 4))},
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
    sample=lambda rng, square=None: {
        "X": symmetric_distinct(rng, *dims(square, 4)),
        "c": rng.standard_normal(dims(square, 4)),
    },
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
    sample=lambda rng, square=None: {"X": real_distinct(rng, *dims(square, 4))},
)


IDENTITIES: list[Identity] = [SYM, SYM_VECTOR, GENERAL]
