"""Checks of the index formulas in snippets/index_notation.py.

Each einsum form is compared with its matrix form (same inputs, float64 rounding
only) and, where it is a derivative, with finite differences. Each check builds
its inputs from a seed and takes the formula under test as a keyword argument,
so tests can hand it a wrong formula and see it rejected.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.checks.inputs import random_inputs
from snippets.gradcheck import check_gradient, check_jacobian, compare, expect_pass, expect_reject
from snippets.index_notation import (
    D_einsum,
    dW_einsum,
    dX_einsum,
    entry_derivatives,
    gram_dW,
    gram_entry_derivatives,
    self_derivative,
    square_loss_grads,
)


def as_jacobian(T: np.ndarray, output_shape: tuple, variable_shape: tuple) -> np.ndarray:
    """A 4-index array T[i, j, l, t] = ∂D_ij/∂V_λθ as the Jacobian ∂vec D/∂vec V.

    T must have the shape of D followed by the shape of V; column-major on both
    sides. Counting from 0 as numpy does: row i + j·m, column l + t·(rows of V).
    """
    expected = (*output_shape, *variable_shape)
    if T.shape != expected:
        raise ValueError(f"the 4-index array has shape {T.shape}; expected {expected}")
    return T.reshape((np.prod(output_shape), np.prod(variable_shape)), order="F")


# --8<-- [end:setup]


# --8<-- [start:check_D]
def check_D(seed=0, shape=(3, 4, 5), product=D_einsum):
    """The index formula D_ij = Σ_k W_ik X_kj computes the matrix product W X."""
    W, X, _ = random_inputs(seed, shape)
    return compare(product(W, X), W @ X, label=f"{product.__name__}(W, X) = W @ X")


# --8<-- [end:check_D]


# --8<-- [start:check_summing_rule]
#: Two einsum strings over the same letters: einsum sums exactly the letters missing
#: after the arrow. einsum string -> (what it computes in words, the same in numpy).
SUMMING_RULES = {
    "ij,ij->ij": ("A ∘ B, nothing summed", lambda A, B: A * B),
    "ij,ij->": ("Σ_ij A_ij B_ij, both summed", lambda A, B: np.sum(A * B)),
}


def check_summing_rule(seed=0, shape=(3, 4, 5), rules=SUMMING_RULES):
    """Each einsum string computes what the table says, for A and B of shape (m, n)."""
    m, _, n = shape
    rng = np.random.default_rng(seed)
    A, B = rng.standard_normal((m, n)), rng.standard_normal((m, n))
    return [
        compare(np.einsum(subscripts, A, B), computed(A, B), label=f'"{subscripts}" = {name}')
        for subscripts, (name, computed) in rules.items()
    ]


# --8<-- [end:check_summing_rule]


# --8<-- [start:check_self_derivative]
def check_self_derivative(seed=0, shape=(3, 4, 5), derivative=self_derivative):
    """∂W_ik/∂W_λθ = δ_iλ δ_kθ, against central differences of the map W ↦ W."""
    m, q, _ = shape
    W = np.random.default_rng(seed).standard_normal((m, q))
    T = derivative(m, q)
    return check_jacobian(
        lambda W: W, as_jacobian(T, W.shape, W.shape), W, label="∂W_ik/∂W_λθ = δ_iλ δ_kθ"
    )


# --8<-- [end:check_self_derivative]


# --8<-- [start:check_entry_derivatives]
def check_entry_derivatives(seed=0, shape=(3, 4, 5), derivatives=entry_derivatives):
    """∂D_ij/∂W_λθ = δ_iλ X_θj and ∂D_ij/∂X_λθ = W_iλ δ_jθ, against central differences
    of every entry of D = W X by every entry of W and of X."""
    W, X, _ = random_inputs(seed, shape)
    D = W @ X
    dD_dW, dD_dX = derivatives(W, X)
    return [
        check_jacobian(
            lambda W: W @ X,
            as_jacobian(dD_dW, D.shape, W.shape),
            W,
            label="∂D_ij/∂W_λθ = δ_iλ X_θj",
        ),
        check_jacobian(
            lambda X: W @ X,
            as_jacobian(dD_dX, D.shape, X.shape),
            X,
            label="∂D_ij/∂X_λθ = W_iλ δ_jθ",
        ),
    ]


# --8<-- [end:check_entry_derivatives]


# --8<-- [start:check_dW]
def check_dW(seed=0, shape=(3, 4, 5), dW_formula=dW_einsum):
    """Σ_j G_λj X_θj equals (G Xᵀ)_λθ, and is ∂φ/∂W for φ(W) = Σ_ij G_ij (W X)_ij."""
    W, X, G = random_inputs(seed, shape)
    dW, name = dW_formula(G, X), dW_formula.__name__
    return [
        compare(dW, G @ X.T, label=f"{name}(G, X) = G @ X.T"),
        check_gradient(lambda W: np.sum(G * (W @ X)), dW, W, label=f"{name}(G, X) = ∂φ/∂W"),
    ]


# --8<-- [end:check_dW]


# --8<-- [start:check_dX]
def check_dX(seed=0, shape=(3, 4, 5), dX_formula=dX_einsum):
    """Σ_i W_iλ G_iθ equals (Wᵀ G)_λθ, and is ∂φ/∂X for φ(X) = Σ_ij G_ij (W X)_ij."""
    W, X, G = random_inputs(seed, shape)
    dX, name = dX_formula(G, W), dX_formula.__name__
    return [
        compare(dX, W.T @ G, label=f"{name}(G, W) = W.T @ G"),
        check_gradient(lambda X: np.sum(G * (W @ X)), dX, X, label=f"{name}(G, W) = ∂φ/∂X"),
    ]


# --8<-- [end:check_dX]


# --8<-- [start:check_reading_rules]
#: Where the summed index s sits, and the matrix product it spells:
#: einsum string -> (the matrix form in words, the matrix form in code).
READING_RULES = {
    "ik,kj->ij": ("A B", lambda A, B: A @ B),
    "ik,jk->ij": ("A Bᵀ", lambda A, B: A @ B.T),
    "ki,kj->ij": ("Aᵀ B", lambda A, B: A.T @ B),
    "ki,jk->ij": ("Aᵀ Bᵀ", lambda A, B: A.T @ B.T),
    "ik,kj->ji": ("(A B)ᵀ", lambda A, B: (A @ B).T),
}


def check_reading_rules(seed=0, shape=(3, 4, 5), rules=READING_RULES):
    """Each einsum string equals the matrix product the table gives for it.

    shape = (size of a, size of s, size of b); each operand's shape follows its letters.
    """
    size = dict(zip("ikj", shape, strict=True))
    rng = np.random.default_rng(seed)
    results = []
    for subscripts, (name, matrix_form) in rules.items():
        inputs, _ = subscripts.split("->")
        A, B = (rng.standard_normal([size[c] for c in term]) for term in inputs.split(","))
        results.append(
            compare(
                np.einsum(subscripts, A, B), matrix_form(A, B), label=f'"{subscripts}" = {name}'
            )
        )
    return results


# --8<-- [end:check_reading_rules]


# --8<-- [start:check_square_loss]
def check_square_loss(seed=0, shape=(3, 4, 5), grads=square_loss_grads):
    """φ = Σ_ij D_ij² with D = W X: ∂φ/∂D = 2 D, then dW = 2 D Xᵀ and dX = 2 Wᵀ D,
    against the matrix forms and against central differences.

    The first result checks ∂φ/∂D = 2 D alone; the others check `grads`.
    """
    W, X, _ = random_inputs(seed, shape)
    (dW, dX), name = grads(W, X), grads.__name__
    D = W @ X
    return [
        check_gradient(lambda D: np.sum(D**2), 2 * D, D, label="∂φ/∂D = 2 D, the G of this loss"),
        compare(dW, 2 * D @ X.T, label=f"dW of {name} = 2 D @ X.T"),
        compare(dX, 2 * W.T @ D, label=f"dX of {name} = 2 W.T @ D"),
        check_gradient(lambda W: np.sum((W @ X) ** 2), dW, W, label=f"dW of {name} = ∂φ/∂W"),
        check_gradient(lambda X: np.sum((W @ X) ** 2), dX, X, label=f"dX of {name} = ∂φ/∂X"),
    ]


# --8<-- [end:check_square_loss]


# --8<-- [start:check_gram_entries]
def check_gram_entries(seed=0, shape=(3, 4, 5), derivative=gram_entry_derivatives):
    """D = W Wᵀ: ∂D_ij/∂W_λθ = δ_iλ W_jθ + W_iθ δ_jλ, against central differences.

    Uses m and q from shape: W is (m, q), D is (m, m), the array (m, m, m, q).
    """
    m, q, _ = shape
    W = np.random.default_rng(seed).standard_normal((m, q))
    T = derivative(W)
    return check_jacobian(
        lambda W: W @ W.T,
        as_jacobian(T, (W.shape[0], W.shape[0]), W.shape),
        W,
        label="D = WWᵀ: ∂D_ij/∂W_λθ = δ_iλ W_jθ + W_iθ δ_jλ",
    )


# --8<-- [end:check_gram_entries]


# --8<-- [start:check_gram]
def check_gram(seed=0, shape=(3, 4, 5), dW_formula=gram_dW):
    """D = W Wᵀ (m, m), φ = Σ_ij G_ij D_ij: dW = G W + Gᵀ W, against the matrix form
    and central differences. Uses m and q from shape; G is a random (m, m) matrix."""
    m, q, _ = shape
    rng = np.random.default_rng(seed)
    W, G = rng.standard_normal((m, q)), rng.standard_normal((m, m))
    dW, name = dW_formula(G, W), dW_formula.__name__
    return [
        compare(dW, (G + G.T) @ W, label=f"{name}(G, W) = (G + G.T) @ W"),
        check_gradient(lambda W: np.sum(G * (W @ W.T)), dW, W, label=f"{name}(G, W) = ∂φ/∂W"),
    ]


# --8<-- [end:check_gram]
