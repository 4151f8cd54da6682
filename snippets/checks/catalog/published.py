"""Checks of the published formulas (snippets/catalog/published.py), each under a stated
convention: a formula is right, right only under its own convention, or wrong.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.catalog import published
from snippets.catalog.registry import by_id
from snippets.checks.catalog.identity import check_identity
from snippets.checks.catalog.structured import check_entrywise
from snippets.gradcheck import check_gradient, check_jacobian, expect_pass, expect_reject

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
    return check_identity(entry, seed, grad=formula)[0]


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
