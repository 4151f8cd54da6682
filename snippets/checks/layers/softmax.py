"""Checks of softmax, log-sum-exp and cross-entropy (snippets/layers/softmax.py).

shape = (N, K): N samples, K classes. Each check builds its inputs from a seed and takes
the formula under test as a keyword argument, so tests can hand it a wrong formula and see
it rejected. The reference formulas here are the textbook ones, exp(z) / Σ exp(z) and
−Σ t log p, without the max shift: fine for the moderate logits the checks draw.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.gradcheck import (
    CheckResult,
    check_gradient,
    check_jacobian,
    compare,
    expect_pass,
    expect_reject,
)
from snippets.layers.softmax import (
    cross_entropy,
    cross_entropy_backward,
    cross_entropy_hvp,
    logsumexp,
    softmax,
    softmax_backward,
    softmax_jacobian,
)


def softmax_inputs(seed=0, shape=(4, 3)):
    """Logits Z (N, K), upstream gradient G (N, K), one-hot targets, soft targets (rows of
    probabilities) and a direction V (N, K), from one seed."""
    N, K = shape
    rng = np.random.default_rng(seed)
    Z, G, V = (rng.standard_normal(shape) for _ in range(3))
    one_hot = np.eye(K)[rng.integers(0, K, N)]
    soft = rng.dirichlet(np.ones(K), N)
    return Z, G, one_hot, soft, V


def naive_softmax(Z):
    """exp(Z) / Σ_k exp(Z), row by row, with no shift: overflows for large logits."""
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)


def naive_logsumexp(Z):
    """log Σ_k exp(Z_nk), row by row, with no shift: inf once some exp(Z_nk) overflows."""
    with np.errstate(over="ignore"):
        return np.log(np.exp(Z).sum(axis=1))


# --8<-- [end:setup]


# --8<-- [start:check_softmax_forward]
def check_softmax_forward(seed=0, shape=(4, 3), forward=softmax, claim="P = softmax(Z), by row"):
    """P = softmax of each row of Z, against exp(Z) / Σ exp(Z) along each row."""
    Z = softmax_inputs(seed, shape)[0]
    return compare(forward(Z), naive_softmax(Z), label=claim)


# --8<-- [end:check_softmax_forward]


# --8<-- [start:check_softmax_jacobian]
def check_softmax_jacobian(seed=0, K=4, jacobian=softmax_jacobian, claim="diag(y) − y yᵀ"):
    """For one sample z (K,): ∂p/∂z = diag(p) − p pᵀ against finite differences, and its
    symmetry."""
    z = np.random.default_rng([seed, 11]).standard_normal(K)
    J = jacobian(softmax(z[None, :])[0])
    return [
        check_jacobian(lambda z: naive_softmax(z[None, :])[0], J, z, label="∂y/∂z = " + claim),
        compare(J, J.T, label="∂y/∂z is symmetric"),
    ]


# --8<-- [end:check_softmax_jacobian]


# --8<-- [start:check_softmax_backward]
def check_softmax_backward(
    seed=0, shape=(4, 3), backward=softmax_backward, claim="dZ = P * (dP - <dP, P> per row)"
):
    """dZ = P ∘ (G − ⟨G_n, P_n⟩ per row) against finite differences of φ = G : softmax(Z), and
    against the Jacobian route, row by row: dz_n = (diag(p_n) − p_n p_nᵀ) g_n. `claim` names
    the formula under test in the printed result."""
    Z, G, *_ = softmax_inputs(seed, shape)
    P = softmax(Z)
    dZ = backward(G, P)
    by_jacobian = np.stack([softmax_jacobian(p).T @ g for p, g in zip(P, G, strict=True)])
    return [
        check_gradient(lambda Z: np.sum(G * naive_softmax(Z)), dZ, Z, label=claim),
        compare(dZ, by_jacobian, label=claim + " against Jₙᵀ gₙ, row by row"),
    ]


# --8<-- [end:check_softmax_backward]


# --8<-- [start:check_batch_jacobian]
def block_diagonal_jacobian(P):
    """The Jacobian of Z ↦ softmax(Z) (N, K) with entries taken sample by sample: N·K × N·K,
    one block diag(p_n) − p_n p_nᵀ per sample, zero between samples."""
    N, K = P.shape
    J = np.zeros((N * K, N * K))
    for n, p in enumerate(P):
        J[n * K : (n + 1) * K, n * K : (n + 1) * K] = softmax_jacobian(p)
    return J


def check_batch_jacobian(
    seed=0, shape=(4, 3), batch_jacobian=block_diagonal_jacobian, claim="one block per sample"
):
    """Finite differences of Z ↦ softmax(Z) over the whole batch, entries in sample order
    (vec of Zᵀ), against the claimed N·K × N·K Jacobian; `claim` names it when printed."""
    Z = softmax_inputs(seed, shape)[0]
    return check_jacobian(
        lambda Zt: naive_softmax(Zt.T).T,  # Zt = Zᵀ (K, N): its vec lists Z sample by sample
        batch_jacobian(softmax(Z)),
        Z.T.copy(),
        label="batch Jacobian: " + claim,
    )


# --8<-- [end:check_batch_jacobian]


# --8<-- [start:check_logsumexp]
def check_logsumexp(seed=0, shape=(4, 3), shift=0.0, lse=logsumexp, claim=""):
    """lse(Z + c) = lse(Z) + c row by row, for a large shift c, with lse(Z) from the naive
    formula at moderate Z; and ∂ lse(z)/∂z = softmax(z) against finite differences."""
    Z, G, *_ = softmax_inputs(seed, shape)
    g = G[:, 0]  # one upstream gradient per row, for the scalar φ = Σ_n g_n lse(z_n)
    value = lse(Z + shift)
    label = f"{claim}lse(Z + {shift:g}) = lse(Z) + {shift:g}"
    if not np.all(np.isfinite(value)):
        method = "two formulas, same inputs: the claim is not finite"
        return [CheckResult(False, float("inf"), 1e-12, method, label)]
    return [
        compare(value, naive_logsumexp(Z) + shift, label=label),
        check_gradient(
            lambda Z: np.sum(g * naive_logsumexp(Z)),
            g[:, None] * softmax(Z),
            Z,
            label="∂ lse(z)/∂z = softmax(z)",
        ),
    ]


# --8<-- [end:check_logsumexp]


# --8<-- [start:check_cross_entropy]
def check_cross_entropy(
    seed=0,
    shape=(4, 3),
    soft=False,
    loss=cross_entropy,
    backward=cross_entropy_backward,
    claim="dZ = (P - T) / N",
    loss_claim="φ = −mean Σ T log P",
):
    """φ = −(1/N) Σ T ∘ log softmax(Z), for one-hot targets T (or soft ones, rows of
    probabilities): the value, and the gradient (P − T)/N against finite differences.
    `claim` names the gradient formula under test in the printed result."""
    Z, _, one_hot, soft_targets, _ = softmax_inputs(seed, shape)
    T = soft_targets if soft else one_hot

    def phi(Z):
        return -np.sum(T * np.log(naive_softmax(Z))) / Z.shape[0]

    targets = "soft" if soft else "one-hot"
    return [
        compare(loss(Z, T), phi(Z), label=f"{loss_claim}, {targets} T"),
        check_gradient(phi, backward(Z, T), Z, label=f"{claim}, {targets} T"),
    ]


# --8<-- [end:check_cross_entropy]


# --8<-- [start:check_hvp]
def check_hvp(seed=0, shape=(4, 3), hvp=cross_entropy_hvp, claim="H V = (P∘V − P∘<P, V>) / N"):
    """H V for the mean cross-entropy, against finite differences of the gradient:
    H V = ∂/∂Z ⟨∇φ(Z), V⟩ (H is symmetric), with ∇φ(Z) = (softmax(Z) − T)/N written out.
    And for one sample, the gradient's Jacobian against H = diag(p) − p pᵀ."""
    Z, _, T, _, V = softmax_inputs(seed, shape)
    N = Z.shape[0]

    def grad(Z):
        return (naive_softmax(Z) - T) / N

    z, t = Z[0], T[0]
    p = softmax(z[None, :])[0]
    return [
        check_gradient(lambda Z: np.sum(grad(Z) * V), hvp(Z, V), Z, label=claim),
        check_jacobian(
            lambda z: naive_softmax(z[None, :])[0] - t,
            np.diag(p) - np.outer(p, p),
            z,
            label="one sample: H = diag(y) − y yᵀ",
        ),
        compare(
            hvp(z[None, :], V[:1]),
            (p * V[0] - p * (p @ V[0]))[None, :],
            label="one sample: Hv = y∘v − y (yᵀv)",
        ),
    ]


# --8<-- [end:check_hvp]


# --8<-- [start:wrong_formulas]
def over_columns(Z):
    E = np.exp(Z - Z.max(axis=0))
    return E / E.sum(axis=0)  # a softmax down each column: over the samples


def whole_batch(P):
    p = P.reshape(-1)  # the batch as one vector
    return np.diag(p) - np.outer(p, p)


def forgot_the_max(Z):
    mu = Z.max(axis=1)
    return np.log(np.exp(Z - mu[:, None]).sum(axis=1))  # the shift not added back


def summed_loss(Z, T):
    return cross_entropy(Z, T) * Z.shape[0]


WRONG_FORWARD = {"softmax over the columns": over_columns}

WRONG_JACOBIAN = {
    "diag(y)": np.diag,
    "diag(y) + y yᵀ": lambda p: np.diag(p) + np.outer(p, p),
    "y yᵀ − diag(y)": lambda p: np.outer(p, p) - np.diag(p),
}

WRONG_BACKWARD = {
    "one inner product for the batch": lambda dP, P: P * (dP - np.sum(dP * P)),
    "row-wise sum left out": lambda dP, P: P * (dP - dP * P),
    "y ∘ g alone": lambda dP, P: P * dP,
    "sum over the wrong axis": lambda dP, P: P * (dP - np.sum(dP * P, axis=0, keepdims=True)),
    "wrong sign": lambda dP, P: -P * (dP - np.sum(dP * P, axis=1, keepdims=True)),
}

WRONG_CE = {
    "P - T without 1/N": lambda Z, T: softmax(Z) - T,
    "T - P": lambda Z, T: (T - softmax(Z)) / Z.shape[0],
    "softmax over the wrong axis": lambda Z, T: (over_columns(Z) - T) / Z.shape[0],
    "1/N twice": lambda Z, T: (softmax(Z) - T) / Z.shape[0] ** 2,
}


def _hvp_terms(Z, V):
    """P ∘ V and P ∘ ⟨P, V⟩ per row: the two terms of N · H V."""
    P = softmax(Z)
    return P * V, P * np.sum(P * V, axis=1, keepdims=True)


WRONG_HVP = {
    "H V without 1/N": lambda Z, V: cross_entropy_hvp(Z, V) * Z.shape[0],
    "H V without the y yᵀ term": lambda Z, V: _hvp_terms(Z, V)[0] / Z.shape[0],
    "H V with + y yᵀ": lambda Z, V: sum(_hvp_terms(Z, V)) / Z.shape[0],
    "H V, one inner product for the batch": lambda Z, V: (
        (softmax(Z) * V - softmax(Z) * np.sum(softmax(Z) * V)) / Z.shape[0]
    ),
}


# --8<-- [end:wrong_formulas]
