# --8<-- [start:doc]
"""The claims about D = W X on the claims page, one function per formula (numpy only).

Shapes: W (m, q), X (q, n), D = W X (m, n), and G = dD = ∂φ/∂D (m, n) for a
scalar loss φ. A Jacobian is ∂vec D/∂vec W, of shape (m·n, m·q), with vec
stacking columns, unless the docstring says "row-major". Functions whose
docstring starts with WRONG are mistaken claims, kept so that the page and
the tests can show them rejected. Each section of this file, shown on its own on the page,
runs alone after the line `import numpy as np`, which the page shows with it.
"""

# --8<-- [end:doc]
# --8<-- [start:imports]
import numpy as np

# --8<-- [end:imports]


# --8<-- [start:literal]
def note_dD_dW(W, X):
    """The note's ∂D/∂W = Xᵀ, an (n, q) matrix. W: (m, q), X: (q, n)."""
    return X.T


def note_dD_dX(W, X):
    """The note's ∂D/∂X = Wᵀ, a (q, m) matrix. W: (m, q), X: (q, n)."""
    return W.T


# --8<-- [end:literal]


# --8<-- [start:four_index]
def dD_dW_four_index(W, X):
    """∂D_ij/∂W_kl = δ_ik X_lj, an array of shape (m, n, m, q) indexed [i, j, k, l].

    W: (m, q), X: (q, n).
    """
    m = W.shape[0]
    return np.einsum("ik,lj->ijkl", np.eye(m), X)


# --8<-- [end:four_index]


# --8<-- [start:kronecker]
def kron_Xt_I(W, X):
    """∂vec D/∂vec W = Xᵀ ⊗ I_m, shape (m·n, m·q). W: (m, q), X: (q, n)."""
    return np.kron(X.T, np.eye(W.shape[0]))


def kron_I_W(W, X):
    """∂vec D/∂vec X = I_n ⊗ W, shape (m·n, q·n). W: (m, q), X: (q, n)."""
    return np.kron(np.eye(X.shape[1]), W)


def kron_X_I(W, X):
    """WRONG (transpose forgotten): X ⊗ I_m, shape (q·m, n·m), for ∂vec D/∂vec W."""
    return np.kron(X, np.eye(W.shape[0]))


def kron_I_Xt(W, X):
    """I_m ⊗ Xᵀ, shape (m·n, m·q): ∂ D.ravel()/∂ W.ravel(), D and W flattened row by row.

    WRONG as ∂vec D/∂vec W with column-major vec (factors in the wrong order).
    """
    return np.kron(np.eye(W.shape[0]), X.T)


# --8<-- [end:kronecker]


# --8<-- [start:trace]
def trace_dW(W, X):
    """∂ tr(W X)/∂W = Xᵀ, shape (m, q). W: (m, q), X: (q, m): D = W X must be square."""
    return X.T


def trace_dX(W, X):
    """∂ tr(W X)/∂X = Wᵀ, shape (q, m). W: (m, q), X: (q, m)."""
    return W.T


def sum_dW(W, X):
    """∂ (Σᵢⱼ Dᵢⱼ)/∂W = 1_m 1_nᵀ Xᵀ, shape (m, q): G is all ones. W: (m, q), X: (q, n)."""
    m, n = W.shape[0], X.shape[1]
    return np.ones((m, n)) @ X.T


# --8<-- [end:trace]


# --8<-- [start:code]
def dW_rule(dD, X):
    """dW = dD Xᵀ, shape (m, q). dD: (m, n), X: (q, n)."""
    return dD @ X.T


def dX_rule(dD, W):
    """dX = Wᵀ dD, shape (q, n). dD: (m, n), W: (m, q)."""
    return W.T @ dD


def dW_Xt_dD(dD, X):
    """WRONG (factors swapped): dW = Xᵀ dD. Runs only when q = m; it is then (n, n), W's shape
    only when m = q = n."""
    return X.T @ dD


def dW_dD_X(dD, X):
    """WRONG (transpose forgotten): dW = dD X. Runs only when q = n, and then has W's shape."""
    return dD @ X


def dX_dD_Wt(dD, W):
    """WRONG (factors swapped): dX = dD Wᵀ. Runs only when n = q; it is then (m, m), X's shape
    only when m = q = n."""
    return dD @ W.T


def dX_W_dD(dD, W):
    """WRONG (transpose forgotten): dX = W dD. Runs only when m = q, and then has X's shape."""
    return W @ dD


# --8<-- [end:code]


# --8<-- [start:blocks]
def blocks_delta_Xt(W, X):
    """The m × m grid of (n, q) blocks whose block (i, k) is δ_ik Xᵀ; shape (m·n, m·q).

    Rows are ordered (i, j) with j fastest, columns (k, l) with l fastest:
    row-major flattening of D and W. W: (m, q), X: (q, n).
    """
    m = W.shape[0]
    zero = np.zeros(X.T.shape)
    return np.block([[X.T if i == k else zero for k in range(m)] for i in range(m)])


# --8<-- [end:blocks]


# --8<-- [start:trace_differential]
def trace_differential(G, dW, X):
    """dφ = tr(Gᵀ dW X), the first-order change of φ when W changes by dW.

    G: (m, n), dW: (m, q), X: (q, n).
    """
    return np.trace(G.T @ dW @ X)


def numerator_dphi_dW(G, X):
    """X Gᵀ, shape (q, m): the numerator-layout ∂φ/∂W, the transpose of the gradient.

    WRONG as the gradient ∂φ/∂W, which has W's shape (m, q) and is G Xᵀ.
    G: (m, n), X: (q, n).
    """
    return X @ G.T


# --8<-- [end:trace_differential]
