"""Checks of the published formulas (snippets/catalog/published.py), each under a stated
convention: a formula is right, right only under its own convention, or wrong.
"""

# --8<-- [start:setup]
from dataclasses import replace

import numpy as np

from snippets.catalog import published
from snippets.catalog.registry import by_id
from snippets.catalog.sample import default_sizes
from snippets.checks.catalog.identity import check_identity
from snippets.checks.catalog.structured import check_entrywise
from snippets.gradcheck import check_gradient, check_jacobian, expect_pass, expect_reject
from snippets.layers.softmax import cross_entropy, cross_entropy_backward

# --8<-- [end:setup]


# --8<-- [start:check_symmetric_formula]
def check_symmetric_formula(seed=0, id="structured.logdet_spd", formula=None, reading="entries"):
    """A formula for a symmetric X, read as partial derivatives by the distinct entries
    (reading="entries") or as the gradient within symmetric matrices (reading="gradient")."""
    formula = (
        formula
        or {
            "structured.logdet_spd": published.cookbook_logdet_symmetric,
            "structured.tr_AX_sym": published.cookbook_trAX_symmetric,
        }[id]
    )
    entry = by_id(id)
    label = f"{formula.__name__} read as {reading}"
    if reading == "entries":
        return check_entrywise(entry, seed, claimed=formula, label=label)
    with default_sizes():  # the two readings differ only off the diagonal
        inputs = entry.sample(np.random.default_rng(seed))
    return check_identity(entry, seed, grad=formula, inputs=inputs)[0]


# --8<-- [end:check_symmetric_formula]


# --8<-- [start:check_quadratic]
def check_quadratic(
    seed=0, n=4, W_symmetric=True, formula=published.cookbook_quadratic_symmetric_W
):
    """∂ (x − s)ᵀW(x − s)/∂x, with a symmetric W or a general one."""
    rng = np.random.default_rng(seed)
    x, s, W = rng.standard_normal(n), rng.standard_normal(n), rng.standard_normal((n, n))
    if W_symmetric:
        W = (W + W.T) / 2
    kind = "symmetric" if W_symmetric else "general"
    return check_gradient(
        lambda x: (x - s) @ W @ (x - s), formula(x, s, W), x, label=f"{formula.__name__}, {kind} W"
    )


# --8<-- [end:check_quadratic]


# --8<-- [start:check_layout_formula]
def check_layout_formula(seed=0, formula=published.minka_logdet, layout="numerator"):
    """log|det X| with a non-symmetric X: the formula read in numerator layout (its transpose
    must be our gradient) or as our gradient directly."""
    with default_sizes():  # a 1 × 1 X would hide the transpose
        X = by_id("determinants.logabsdet").sample(np.random.default_rng(seed))["X"]
    claimed = formula(X).T if layout == "numerator" else formula(X)
    return check_gradient(
        lambda V: np.log(abs(np.linalg.det(V))),
        claimed,
        X,
        label=f"{formula.__name__} read in {layout} layout",
    )


# --8<-- [end:check_layout_formula]


# --8<-- [start:check_row_major_vec]
def check_row_major_vec(seed=0, shape=(2, 3, 4, 5), formula=published.row_major_AXB, order="C"):
    """The Jacobian of X ↦ AXB when vec stacks rows (order="C") or columns (order="F")."""
    s, p, r, t = shape
    rng = np.random.default_rng(seed)
    A, X, B = (rng.standard_normal(k) for k in ((s, p), (p, r), (r, t)))

    def flat(v):
        return (A @ v.reshape(p, r, order=order) @ B).reshape(-1, order=order)

    return check_jacobian(
        flat,
        formula(A, B),
        X.reshape(-1, order=order),
        label=f"{formula.__name__} with vec in {order} order",
    )


# --8<-- [end:check_row_major_vec]


# --8<-- [start:check_course_note]
def check_course_note(seed=0, shape=(3, 4, 3), formula=published.course_note_dD_dW, phi="trace"):
    """Xᵀ as ∂φ/∂W for φ = tr(WX) (D square) or for φ = G : (WX) with a random G."""
    m, q, n = shape
    rng = np.random.default_rng(seed)
    W, X, G = rng.standard_normal((m, q)), rng.standard_normal((q, n)), rng.standard_normal((m, n))
    f = (lambda W: np.trace(W @ X)) if phi == "trace" else (lambda W: np.sum(G * (W @ X)))
    return check_gradient(f, formula(X), W, label=f"{formula.__name__} as ∂φ/∂W, φ = {phi}")


# --8<-- [end:check_course_note]


# --8<-- [start:check_inverse_differential]
def check_inverse_differential(seed=0, n=4, formula=published.inverse_differential_no_minus):
    """A differential d(X⁻¹) = formula(X, dX), turned into the Jacobian ∂vec(X⁻¹)/∂vec(X)
    (column b is vec of formula(X, E_b), E_b the b-th unit matrix in vec order) and compared
    with central differences of X ↦ X⁻¹."""
    X = by_id("matrix_valued.inv").sample(np.random.default_rng(seed), square=n)["X"]
    units = np.eye(n * n).reshape(n * n, n, n).transpose(0, 2, 1)  # E_b: vec(E_b) = e_b
    J = np.column_stack([formula(X, E).reshape(-1, order="F") for E in units])
    return check_jacobian(np.linalg.inv, J, X, label=f"{formula.__name__} as d(X⁻¹)")


# --8<-- [end:check_inverse_differential]


# --8<-- [start:check_numerator_formula]
def check_numerator_formula(seed=0, id="forms.aXb", formula=None, reading="numerator", square=None):
    """A numerator-layout formula (the shape of Xᵀ), read as numerator layout (its transpose
    must be our gradient) or used as our gradient directly; square=k draws every input k × k,
    where the two readings have the same shape and only the numbers can tell them apart."""
    formula = (
        formula
        or {
            "forms.aXb": published.numerator_aXb,
            "traces.AXB": published.numerator_trAXB,
        }[id]
    )
    entry = by_id(id)
    inputs = entry.sample(np.random.default_rng(seed), square=square)
    if reading == "numerator":
        result = check_identity(entry, seed, numerator=formula, inputs=inputs)[1]
    else:
        result = check_identity(entry, seed, grad=formula, inputs=inputs)[0]
    X = inputs[entry.variable]
    size = f"X {X.shape[0]} × {X.shape[1]}"
    return replace(result, label=f"{formula.__name__} read in {reading} layout, {size}")


# --8<-- [end:check_numerator_formula]


# --8<-- [start:check_least_squares]
def check_least_squares(
    seed=0, shape=(5, 3), formula=published.half_least_squares_gradient, loss="half"
):
    """A claimed gradient by x of ½‖Ax − b‖² (loss="half") or of ‖Ax − b‖² (loss="full");
    A: (s, p) with (s, p) = shape."""
    s, p = shape
    rng = np.random.default_rng(seed)
    A, x, b = rng.standard_normal((s, p)), rng.standard_normal(p), rng.standard_normal(s)
    scale = 0.5 if loss == "half" else 1.0

    def f(x):
        r = A @ x - b
        return scale * (r @ r)

    return check_gradient(f, formula(x, A, b), x, label=f"{formula.__name__}, {loss} loss")


# --8<-- [end:check_least_squares]


# --8<-- [start:check_cross_entropy_batch]
def check_cross_entropy_batch(
    seed=0, shape=(4, 3), formula=published.per_sample_cross_entropy_gradient, loss="sum"
):
    """A claimed ∂φ/∂Z for N samples of K logits (shape = (N, K)), one-hot targets T, for the
    summed loss φ = Σ_n ℓ_n (loss="sum") or the mean φ = (1/N) Σ_n ℓ_n (loss="mean")."""
    N, K = shape
    rng = np.random.default_rng(seed)
    Z, T = rng.standard_normal((N, K)), np.eye(K)[rng.integers(0, K, N)]
    scale = N if loss == "sum" else 1

    def f(Z):
        return scale * cross_entropy(Z, T)

    return check_gradient(f, formula(Z, T), Z, label=f"{formula.__name__}, {loss} over N = {N}")


# --8<-- [end:check_cross_entropy_batch]


# --8<-- [start:check_transpose_jacobian]
def check_transpose_jacobian(
    seed=0, shape=(3, 4), formula=published.transpose_jacobian_as_identity
):
    """A claimed Jacobian ∂vec(Xᵀ)/∂vec(X) for X of the given shape, column-major vec."""
    X = np.random.default_rng(seed).standard_normal(shape)
    return check_jacobian(
        lambda V: V.T, formula(X), X, label=f"{formula.__name__}, X {shape[0]} × {shape[1]}"
    )


# --8<-- [end:check_transpose_jacobian]
