"""Checks of the Kronecker-product page (snippets/kronecker.py).

Each check builds its inputs from a seed and takes the formula under test as a
keyword argument, so tests can hand it a wrong formula and see it rejected.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.checks.inputs import random_inputs
from snippets.four_index import dD_dW
from snippets.gradcheck import (
    check_jacobian,
    compare,
    expect_pass,
    expect_reject,
    numerical_jacobian,
)
from snippets.kronecker import (
    backward_cost,
    gradient_from_jacobian,
    jacobian_AXB,
    jacobian_D_wrt_W,
    jacobian_D_wrt_W_row_major,
    jacobian_D_wrt_X,
    jacobian_nonzeros,
    jacobian_size,
    vec,
)

# --8<-- [end:setup]


# --8<-- [start:check_kron_blocks]
def check_kron_blocks(seed=0, shape=(3, 4, 5), kron=np.kron):
    """A ⊗ B, for A (a, b) and B (c, d), is the (a·c, b·d) block matrix whose block (i, j)
    is A[i, j] B; entry by entry, (A ⊗ B)[i·c + r, j·d + s] = A[i, j] B[r, s]."""
    m, q, n = shape
    rng = np.random.default_rng(seed)
    A, B = rng.standard_normal((m, q)), rng.standard_normal((q, n))
    (a, b), (c, d) = A.shape, B.shape
    blocks = np.block([[A[i, j] * B for j in range(b)] for i in range(a)])
    by_entry = np.empty((a * c, b * d))
    for i, j, r, s in np.ndindex(a, b, c, d):
        by_entry[i * c + r, j * d + s] = A[i, j] * B[r, s]
    return [
        compare(kron(A, B), blocks, label=f"A ⊗ B = blocks A[i, j] B, shape {blocks.shape}"),
        compare(kron(A, B), by_entry, label="(A ⊗ B)[i·c + r, j·d + s] = A[i, j] B[r, s]"),
    ]


# --8<-- [end:check_kron_blocks]


# --8<-- [start:check_vec_AXB]
def check_vec_AXB(seed=0, shape=(3, 4, 5), jacobian=jacobian_AXB, to_vector=vec):
    """vec(A X B) = (Bᵀ ⊗ A) vec X, and Bᵀ ⊗ A is the Jacobian of X ↦ A X B.

    A (m, q), X (q, n), B (n, q): A X B is (m, q) and Bᵀ ⊗ A is (q·m, n·q).
    """
    m, q, n = shape
    rng = np.random.default_rng(seed)
    A, X, B = (rng.standard_normal(s) for s in [(m, q), (q, n), (n, q)])
    J = jacobian(A, B)
    return [
        check_jacobian(lambda X: A @ X @ B, J, X, label="∂vec(AXB)/∂vec X = Bᵀ ⊗ A"),
        compare(J @ to_vector(X), to_vector(A @ X @ B), label="(Bᵀ ⊗ A) vec X = vec(AXB)"),
    ]


# --8<-- [end:check_vec_AXB]


# --8<-- [start:check_D_wrt_W]
def check_D_wrt_W(seed=0, shape=(3, 4, 5), jacobian=jacobian_D_wrt_W):
    """∂vec D/∂vec W = Xᵀ ⊗ I_m, shape (m·n, m·q): against finite differences, and against
    the 4-index derivative ∂D[i, j]/∂W[k, l] reshaped column-major."""
    W, X, _ = random_inputs(seed, shape)
    (m, q), n = W.shape, X.shape[1]
    J = jacobian(X, m)
    T = dD_dW(X, m)  # the 4-index array of the ∂D/∂W page
    return [
        check_jacobian(lambda W: W @ X, J, W, label=f"∂vec D/∂vec W = Xᵀ ⊗ I_m, {J.shape}"),
        compare(T.reshape(m * n, m * q, order="F"), J, label="4-index ∂D/∂W, order F = Xᵀ ⊗ I_m"),
    ]


# --8<-- [end:check_D_wrt_W]


# --8<-- [start:check_D_wrt_X]
def check_D_wrt_X(seed=0, shape=(3, 4, 5), jacobian=jacobian_D_wrt_X):
    """∂vec D/∂vec X = I_n ⊗ W, shape (m·n, q·n), against finite differences."""
    W, X, _ = random_inputs(seed, shape)
    J = jacobian(W, X.shape[1])
    return check_jacobian(lambda X: W @ X, J, X, label=f"∂vec D/∂vec X = I_n ⊗ W, {J.shape}")


# --8<-- [end:check_D_wrt_X]


# --8<-- [start:check_gradients]
def check_gradients_from_jacobians(seed=0, shape=(3, 4, 5), gradient=gradient_from_jacobian):
    """vec(∂φ/∂W) = (Xᵀ ⊗ I_m)ᵀ vec G = (X ⊗ I_m) vec G = vec(G Xᵀ), and
    vec(∂φ/∂X) = (I_n ⊗ W)ᵀ vec G = (I_n ⊗ Wᵀ) vec G = vec(Wᵀ G); and the rule used,
    (A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ, for two rectangular factors."""
    W, X, G = random_inputs(seed, shape)
    m, n = G.shape
    J_W, J_X = jacobian_D_wrt_W(X, m), jacobian_D_wrt_X(W, n)
    X_kron_I, I_kron_WT = np.kron(X, np.eye(m)), np.kron(np.eye(n), W.T)
    return [
        compare(J_W.T, X_kron_I, label="(Xᵀ ⊗ I_m)ᵀ = X ⊗ I_m"),
        compare(X_kron_I @ vec(G), vec(G @ X.T), label="(X ⊗ I_m) vec G = vec(G Xᵀ)"),
        compare(gradient(J_W, G, W.shape), G @ X.T, label="unvec((Xᵀ ⊗ I_m)ᵀ vec G) = G Xᵀ"),
        compare(J_X.T, I_kron_WT, label="(I_n ⊗ W)ᵀ = I_n ⊗ Wᵀ"),
        compare(I_kron_WT @ vec(G), vec(W.T @ G), label="(I_n ⊗ Wᵀ) vec G = vec(Wᵀ G)"),
        compare(gradient(J_X, G, X.shape), W.T @ G, label="unvec((I_n ⊗ W)ᵀ vec G) = Wᵀ G"),
        compare(np.kron(W, X).T, np.kron(W.T, X.T), label="(A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ, for A = W, B = X"),
    ]


# --8<-- [end:check_gradients]


# --8<-- [start:check_numpy_flatten]
def check_numpy_flatten(seed=0, shape=(3, 4, 5), flatten=np.ravel):
    """numpy flattens row by row: np.ravel(G) = G.reshape(-1) = G.flatten() = vec(Gᵀ), for
    G (m, n), and so even for an array stored column by column."""
    _, _, G = random_inputs(seed, shape)
    G_F = np.asfortranarray(G)
    return [
        compare(flatten(G), vec(G.T), label="np.ravel(G) = vec(Gᵀ)"),
        compare(G.reshape(-1), flatten(G), label="G.reshape(-1) = np.ravel(G)"),
        compare(G.flatten(), flatten(G), label="G.flatten() = np.ravel(G)"),
        compare(
            G_F.reshape(-1), flatten(G), label="stored column-major: G.reshape(-1) = np.ravel(G)"
        ),
    ]


# --8<-- [end:check_numpy_flatten]


# --8<-- [start:check_row_major]
def check_row_major(seed=0, shape=(3, 4, 5), jacobian=jacobian_D_wrt_W_row_major):
    """With numpy's row-major flattening on both sides, the Jacobian of D = W X by W is
    I_m ⊗ Xᵀ, shape (m·n, m·q), and Jᵀ applied to G.reshape(-1), reshaped, is G Xᵀ."""
    W, X, G = random_inputs(seed, shape)
    m, q = W.shape
    n = X.shape[1]
    J = jacobian(X, m)
    name = f"J = {jacobian.__name__}(X, m)"

    def D_flat(w):  # numpy's flattening on both sides: w is W.reshape(-1)
        return (w.reshape(m, q) @ X).reshape(-1)

    T = dD_dW(X, m)  # the 4-index array of the ∂D/∂W page
    dW = (J.T @ G.reshape(-1)).reshape(m, q)
    return [
        check_jacobian(D_flat, J, W.reshape(-1), label=f"∂ D.reshape(-1)/∂ W.reshape(-1): {name}"),
        compare(T.reshape(m * n, m * q), J, label=f"4-index ∂D/∂W, numpy reshape: {name}"),
        compare(dW, G @ X.T, label=f"(J.T @ G.reshape(-1)).reshape(m, q) = G Xᵀ: {name}"),
    ]


# --8<-- [end:check_row_major]


# --8<-- [start:check_nonzeros]
def check_nonzeros(seed=0, shape=(3, 4, 5), nonzeros=jacobian_nonzeros):
    """jacobian_nonzeros(m, q, n) matches np.count_nonzero of the Jacobians built from a random
    X and W (whose entries are all nonzero), and is 1/m of Xᵀ ⊗ I_m and 1/n of I_n ⊗ W."""
    W, X, _ = random_inputs(seed, shape)
    (m, q), n = W.shape, X.shape[1]
    claimed = nonzeros(m, q, n)
    J_W, J_X = jacobian_D_wrt_W(X, m), jacobian_D_wrt_X(W, n)
    return [
        compare(
            float(claimed["Xᵀ ⊗ I_m"]),
            float(np.count_nonzero(J_W)),
            label=f"Xᵀ ⊗ I_m: {np.count_nonzero(J_W)} of {J_W.size} entries nonzero",
        ),
        compare(float(J_W.size / claimed["Xᵀ ⊗ I_m"]), float(m), label=f"a fraction 1/m = 1/{m}"),
        compare(
            float(claimed["I_n ⊗ W"]),
            float(np.count_nonzero(J_X)),
            label=f"I_n ⊗ W: {np.count_nonzero(J_X)} of {J_X.size} entries nonzero",
        ),
        compare(float(J_X.size / claimed["I_n ⊗ W"]), float(n), label=f"a fraction 1/n = 1/{n}"),
    ]


# --8<-- [end:check_nonzeros]


# --8<-- [start:check_sizes]
def check_jacobian_size(seed=0, shape=(3, 4, 5), size=jacobian_size):
    """jacobian_size(m, q, n) matches the .size and .nbytes of the arrays actually built."""
    W, X, G = random_inputs(seed, shape)
    (m, q), n = W.shape, X.shape[1]
    claimed = size(m, q, n)
    built = {
        "Xᵀ ⊗ I_m": jacobian_D_wrt_W(X, m),
        "I_n ⊗ W": jacobian_D_wrt_X(W, n),
        "∂φ/∂W": G @ X.T,
        "∂φ/∂X": W.T @ G,
    }
    return [
        compare(
            np.array(claimed[name], dtype=float),
            np.array([A.size, A.nbytes], dtype=float),
            label=f"{name}: {A.size} entries, {A.nbytes} bytes",
        )
        for name, A in built.items()
    ]


def check_backward_cost(seed=0, shape=(3, 4, 5), cost=backward_cost):
    """A dense Jᵀ vec G does one multiply-add per entry of J; each entry of G Xᵀ is a sum
    of n products, each entry of Wᵀ G a sum of m products."""
    W, X, G = random_inputs(seed, shape)
    (m, q), n = W.shape, X.shape[1]
    claimed = cost(m, q, n)
    J_W, J_X = jacobian_D_wrt_W(X, m), jacobian_D_wrt_X(W, n)
    counted = {
        "(Xᵀ ⊗ I_m)ᵀ vec G": J_W.size,
        "G Xᵀ": (G @ X.T).size * n,
        "(I_n ⊗ W)ᵀ vec G": J_X.size,
        "Wᵀ G": (W.T @ G).size * m,
    }
    return [
        compare(float(claimed[name]), float(count), label=f"{name}: {count} multiply-adds")
        for name, count in counted.items()
    ]


# --8<-- [end:check_sizes]


# --8<-- [start:check_routes]
def check_routes_agree(seed=0, shape=(64, 64, 32), gradient=gradient_from_jacobian):
    """Both routes to ∂φ/∂W: build Xᵀ ⊗ I_m and apply its transpose to vec G, or G Xᵀ. They
    give the same matrix, and the Jacobian built takes the bytes jacobian_size states."""
    W, X, G = random_inputs(seed, shape)
    (m, q), n = W.shape, X.shape[1]
    J = jacobian_D_wrt_W(X, m)
    _, nbytes = jacobian_size(m, q, n)["Xᵀ ⊗ I_m"]
    return [
        compare(gradient(J, G, W.shape), G @ X.T, label="both routes give the same ∂φ/∂W"),
        compare(
            float(J.nbytes),
            float(nbytes),
            label=f"Xᵀ ⊗ I_m as built: {J.shape}, {J.nbytes / 2**20:g} MiB",
        ),
    ]


# --8<-- [end:check_routes]
