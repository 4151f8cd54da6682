"""Checks of the claims on the claims page (snippets/claims.py), against finite differences.

Each check builds its inputs from a seed and takes the formula under test as a
keyword argument, so that a test (or the page) can hand it a wrong formula and
see it rejected. Labels start with the name of the formula under test.
"""

# --8<-- [start:setup]
from dataclasses import dataclass
from itertools import product

import numpy as np

from snippets.checks.inputs import random_inputs
from snippets.claims import (
    blocks_delta_Xt,
    dD_dW_four_index,
    dW_dD_X,
    dW_rule,
    dW_Xt_dD,
    dX_dD_Wt,
    dX_rule,
    dX_W_dD,
    kron_I_W,
    kron_I_Xt,
    kron_X_I,
    kron_Xt_I,
    note_dD_dW,
    note_dD_dX,
    numerator_dphi_dW,
    sum_dW,
    trace_differential,
    trace_dW,
    trace_dX,
)
from snippets.gradcheck import (
    DEFAULT_TOLERANCE,
    CheckResult,
    check_gradient,
    check_jacobian,
    compare,
    expect_pass,
    expect_reject,
    numerical_gradient,
    numerical_jacobian,
    vec,
)

FD_TOLERANCE = DEFAULT_TOLERANCE["central"]


# --8<-- [end:setup]


# --8<-- [start:check_entry_counts]
def check_entry_counts(seed=0, shape=(3, 4, 5), claim_W=note_dD_dW, claim_X=note_dD_dX):
    """Read literally, ∂D/∂W holds every ∂D_ij/∂W_kl. Count the numbers in the
    finite-difference Jacobians and in the claimed matrices."""
    W, X, _ = random_inputs(seed, shape)
    J_W = numerical_jacobian(lambda W: W @ X, W)  # (m·n, m·q)
    J_X = numerical_jacobian(lambda X: W @ X, X)  # (m·n, q·n)
    results = []
    for claim, J, name in [(claim_W, J_W, "∂D/∂W"), (claim_X, J_X, "∂D/∂X")]:
        claimed = claim(W, X).size
        results.append(
            compare(
                np.float64(claimed),
                np.float64(J.size),
                label=f"{claim.__name__}: {claimed} entries, {name} has {J.size}",
                method="entry counts",
            )
        )
    return results


# --8<-- [end:check_entry_counts]


# --8<-- [start:check_vector_cases]
def check_vector_cases(seed=0, shape=(3, 4, 5), claim_W=note_dD_dW, claim_X=note_dD_dX):
    """W one row (m = 1): the (n, q) Jacobian ∂vec D/∂vec W is Xᵀ.
    X one column (n = 1): the (m, q) Jacobian ∂vec D/∂vec X is W; Wᵀ is its transpose."""
    m, q, n = shape
    w, X, _ = random_inputs(seed, (1, q, n))  # w: (1, q)
    W, x, _ = random_inputs(seed, (m, q, 1))  # x: (q, 1)
    J_x = numerical_jacobian(lambda x: W @ x, x)
    return [
        check_jacobian(
            lambda w: w @ X, claim_W(w, X), w, label=f"{claim_W.__name__}, m = 1: ∂vec D/∂vec W"
        ),
        check_jacobian(lambda x: W @ x, W, x, label="W, n = 1: ∂vec D/∂vec X"),
        compare(
            claim_X(W, x),
            J_x.T,
            tolerance=FD_TOLERANCE,
            method="central differences",
            label=f"{claim_X.__name__}, n = 1: (∂vec D/∂vec X)ᵀ, denominator layout",
        ),
    ]


# --8<-- [end:check_vector_cases]


# --8<-- [start:check_four_index]
def check_four_index(seed=0, shape=(3, 4, 5), tensor=dD_dW_four_index):
    """The claimed T[i, j, k, l] = ∂D_ij/∂W_kl against finite differences; and
    Σᵢⱼ G_ij T[i, j, :, :] against the gradient of φ = G : (W X)."""
    m, q, n = shape
    W, X, G = random_inputs(seed, shape)
    T = tensor(W, X)
    # J[i + j·m, k + l·m] = ∂D_ij/∂W_kl; a column-major reshape puts it at [i, j, k, l].
    T_fd = numerical_jacobian(lambda W: W @ X, W).reshape((m, n, m, q), order="F")
    return [
        compare(
            T,
            T_fd,
            tolerance=FD_TOLERANCE,
            method="central differences",
            label=f"{tensor.__name__}: ∂D_ij/∂W_kl, shape {T.shape}",
        ),
        check_gradient(
            lambda W: np.sum(G * (W @ X)),
            np.einsum("ij,ijkl->kl", G, T),
            W,
            label=f"Σ_ij G_ij {tensor.__name__}[i, j]: ∂φ/∂W",
        ),
    ]


# --8<-- [end:check_four_index]


# --8<-- [start:check_vec_identity]
def check_vec_identity(seed=0, shape=(3, 4, 5), kron=lambda A, B: np.kron(B.T, A)):
    """vec(A Y B) = (Bᵀ ⊗ A) vec(Y) with column-major vec, for random A (m, q), Y (q, n),
    B (n, m); `kron(A, B)` is the claimed matrix. Exact, so checked to rounding."""
    m, q, n = shape
    rng = np.random.default_rng([seed, 4])
    A, Y, B = rng.standard_normal((m, q)), rng.standard_normal((q, n)), rng.standard_normal((n, m))
    return compare(kron(A, B) @ vec(Y), vec(A @ Y @ B), label="vec(A Y B) = (Bᵀ ⊗ A) vec(Y)")


# --8<-- [end:check_vec_identity]


# --8<-- [start:check_kron]
def check_kron_W(seed=0, shape=(3, 4, 5), jacobian=kron_Xt_I):
    """The claimed Jacobian of D = W X with respect to W, column-major vec on both sides."""
    W, X, _ = random_inputs(seed, shape)
    return check_jacobian(
        lambda W: W @ X, jacobian(W, X), W, label=f"{jacobian.__name__}: ∂vec D/∂vec W"
    )


def check_kron_X(seed=0, shape=(3, 4, 5), jacobian=kron_I_W):
    """The claimed Jacobian of D = W X with respect to X, column-major vec on both sides."""
    W, X, _ = random_inputs(seed, shape)
    return check_jacobian(
        lambda X: W @ X, jacobian(W, X), X, label=f"{jacobian.__name__}: ∂vec D/∂vec X"
    )


# --8<-- [end:check_kron]


# --8<-- [start:check_ravel]
def check_ravel(seed=0, shape=(3, 4, 5), flattened=lambda A: A.ravel()):
    """Flattening A (m, q) row by row, as numpy's ravel() does, gives vec(Aᵀ)."""
    m, q, _ = shape
    A = np.random.default_rng([seed, 5]).standard_normal((m, q))
    return compare(flattened(A), vec(A.T), label="A.ravel() = vec(Aᵀ)")


# --8<-- [end:check_ravel]


# --8<-- [start:check_row_major]
def check_row_major(seed=0, shape=(3, 4, 5), jacobian=kron_I_Xt):
    """The claimed Jacobian of D.ravel() with respect to W.ravel(): numpy's row-major flattening."""
    m, q, _ = shape
    W, X, _ = random_inputs(seed, shape)
    return check_jacobian(
        lambda w: (w.reshape(m, q) @ X).ravel(),  # w is W.ravel(), of length m·q
        jacobian(W, X),
        W.ravel(),
        label=f"{jacobian.__name__}: ∂ D.ravel()/∂ W.ravel()",
    )


# --8<-- [end:check_row_major]


# --8<-- [start:check_trace_reading]
def check_trace_reading(seed=0, shape=(3, 4, 3), grad_W=trace_dW, grad_X=trace_dX):
    """φ = tr(W X), for which D must be square (n = m): the claimed gradients against
    finite differences, and Xᵀ as G Xᵀ with G = ∂ tr(D)/∂D = I."""
    m, _, n = shape
    if n != m:
        raise ValueError(f"tr(W X) needs a square D, so shape (m, q, n) with n = m; got {shape}")
    W, X, _ = random_inputs(seed, shape)
    return [
        check_gradient(
            lambda W: np.trace(W @ X), grad_W(W, X), W, label=f"{grad_W.__name__}: ∂ tr(WX)/∂W"
        ),
        check_gradient(
            lambda X: np.trace(W @ X), grad_X(W, X), X, label=f"{grad_X.__name__}: ∂ tr(WX)/∂X"
        ),
        check_gradient(np.trace, np.eye(m), W @ X, label="I: G = ∂ tr(D)/∂D"),
        compare(grad_W(W, X), dW_rule(np.eye(m), X), label=f"{grad_W.__name__} = G Xᵀ, G = I"),
    ]


# --8<-- [end:check_trace_reading]


# --8<-- [start:check_sum_reading]
def check_sum_reading(seed=0, shape=(3, 4, 5), grad_W=sum_dW):
    """φ = Σᵢⱼ Dᵢⱼ, the sum of all entries of D = W X: the claimed ∂φ/∂W."""
    W, X, _ = random_inputs(seed, shape)
    return check_gradient(
        lambda W: np.sum(W @ X), grad_W(W, X), W, label=f"{grad_W.__name__}: ∂ sum(WX)/∂W"
    )


# --8<-- [end:check_sum_reading]


# --8<-- [start:check_rules]
def check_dW_rule(seed=0, shape=(3, 4, 5), dW=dW_rule):
    """φ = G : (W X) has ∂φ/∂D = G = dD; the claimed dW(dD, X) must be ∂φ/∂W."""
    W, X, G = random_inputs(seed, shape)
    return check_gradient(lambda W: np.sum(G * (W @ X)), dW(G, X), W, label=f"{dW.__name__}: ∂φ/∂W")


def check_dX_rule(seed=0, shape=(3, 4, 5), dX=dX_rule):
    """φ = G : (W X) has ∂φ/∂D = G = dD; the claimed dX(dD, W) must be ∂φ/∂X."""
    W, X, G = random_inputs(seed, shape)
    return check_gradient(lambda X: np.sum(G * (W @ X)), dX(G, W), X, label=f"{dX.__name__}: ∂φ/∂X")


# --8<-- [end:check_rules]


# --8<-- [start:check_block_matrix]
def check_block_matrix(seed=0, shape=(3, 4, 5), blocks=blocks_delta_Xt):
    """Block (i, k) of the claimed matrix must hold T[i, :, k, :] of the four-index
    array T[i, j, k, l] = ∂D_ij/∂W_kl, which is T flattened row by row."""
    m, q, n = shape
    W, X, _ = random_inputs(seed, shape)
    T = dD_dW_four_index(W, X)
    return compare(
        blocks(W, X),
        T.reshape(m * n, m * q),
        label=f"{blocks.__name__}: block (i, k) = T[i, :, k, :]",
    )


# --8<-- [end:check_block_matrix]


# --8<-- [start:check_trace_differential]
def check_trace_differential(seed=0, shape=(3, 4, 5), differential=trace_differential):
    """For φ(W) = G : (W X) and a random change dW: the claimed dφ against the rate of
    change of φ along dW, against the cycled trace tr(X Gᵀ dW), and against (X Gᵀ)ᵀ : dW,
    the form the gradient is read from."""
    W, X, G = random_inputs(seed, shape)
    dW = np.random.default_rng([seed, 1]).standard_normal(W.shape)

    def phi(W):
        return np.sum(G * (W @ X))

    rate = numerical_gradient(lambda t: phi(W + t[0] * dW), np.zeros(1))[0]
    claimed = differential(G, dW, X)
    return [
        compare(
            claimed,
            rate,
            tolerance=FD_TOLERANCE,
            method="central differences",
            label=f"{differential.__name__}: rate of change of φ along dW",
        ),
        compare(
            claimed,
            np.trace(X @ G.T @ dW),
            label=f"{differential.__name__} = tr(X Gᵀ dW), the trace cycled",
        ),
        compare(
            claimed,
            np.sum((X @ G.T).T * dW),
            label=f"{differential.__name__} = (X Gᵀ)ᵀ : dW",
        ),
    ]


# --8<-- [end:check_trace_differential]


# --8<-- [start:check_numerator_layout]
def check_numerator_layout(seed=0, shape=(3, 4, 5), derivative=numerator_dphi_dW):
    """For φ(W) = G : (W X): the claimed numerator-layout derivative, shape (q, m),
    against the transpose of the finite-difference gradient."""
    W, X, G = random_inputs(seed, shape)
    gradient = numerical_gradient(lambda W: np.sum(G * (W @ X)), W)
    return compare(
        derivative(G, X),
        gradient.T,
        tolerance=FD_TOLERANCE,
        method="central differences",
        label=f"{derivative.__name__}: (∂φ/∂W)ᵀ, numerator layout",
    )


# --8<-- [end:check_numerator_layout]


# --8<-- [start:check_where_rules_run]
def _runs_and_fits(rule, shape):
    """(does numpy run rule(dD, ·) at this (m, q, n)?, is the result the variable's shape?)"""
    W, X, G = random_inputs(0, shape)
    other, variable = (X, W) if rule.__name__.startswith("dW") else (W, X)
    try:
        result = rule(G, other)
    except ValueError:  # numpy: "matmul: Input operand 1 has a mismatch in its core dimension"
        return False, False
    return True, result.shape == variable.shape


#: Where each wrong rule runs, and where its result has the shape of the variable, as the
#: claims page states it: (the condition in words, the condition as code), twice.
WHERE_WRONG_RULES_RUN = {
    dW_Xt_dD: ("q = m", lambda m, q, n: q == m, "m = q = n", lambda m, q, n: m == q == n),
    dW_dD_X: ("q = n", lambda m, q, n: q == n, "q = n", lambda m, q, n: q == n),
    dX_dD_Wt: ("n = q", lambda m, q, n: n == q, "m = q = n", lambda m, q, n: m == q == n),
    dX_W_dD: ("m = q", lambda m, q, n: m == q, "m = q", lambda m, q, n: m == q),
}


@dataclass(frozen=True)
class ShapesResult(CheckResult):
    """A statement about where code runs, tried at many shapes: how many shapes disagree."""

    disagree: int = 0
    tried: int = 0

    def __str__(self) -> str:
        verdict = "passed  " if self.passed else "REJECTED"
        found = (
            f"as stated at all {self.tried} shapes"
            if self.disagree == 0
            else f"not as stated at {self.disagree} of {self.tried} shapes"
        )
        return f"{verdict} {self.label}: {found} ({self.method})"


def check_where_rules_run(sizes=(1, 2, 3, 4), conditions=WHERE_WRONG_RULES_RUN):
    """For every shape (m, q, n) with m, q, n in `sizes`, run each rule: where numpy runs it,
    and where its result has the variable's shape, must be where the stated conditions say."""
    shapes = list(product(sizes, repeat=3))
    results = []
    for rule, (runs_text, runs, fits_text, fits) in conditions.items():
        disagree = sum(
            _runs_and_fits(rule, shape) != (runs(*shape), fits(*shape)) for shape in shapes
        )
        results.append(
            ShapesResult(
                disagree == 0,
                disagree / len(shapes),
                0.0,
                f"m, q, n each from {min(sizes)} to {max(sizes)}",
                f"{rule.__name__} runs exactly when {runs_text},"
                f" with the variable's shape exactly when {fits_text}",
                disagree,
                len(shapes),
            )
        )
    return results


# --8<-- [end:check_where_rules_run]
