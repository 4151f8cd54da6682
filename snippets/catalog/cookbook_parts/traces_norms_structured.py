"""The Matrix Cookbook (November 15, 2012), equations 99-144: traces, norms, structured matrices.

Site machinery: records of snippets/catalog/cookbook.py; it imports the site's own modules, so
it does not run alone.

Book sections: 2.5 Derivatives of Traces (2.5.1 First Order 99-105, 2.5.2 Second Order 106-120,
2.5.3 Higher Order 121-123, 2.5.4 Other 124-128), 2.6 Derivatives of vector norms (2.6.1
Two-norm 129-131), 2.7 Derivatives of matrix norms (2.7.1 Frobenius norm 132), 2.8 Derivatives
of Structured Matrices (133-134; 2.8.1 The Chain Rule 135-137; 2.8.2 Symmetric 138-141; 2.8.3
Diagonal 142; 2.8.4 Toeplitz 143-144).

Formulas are written in the site's letters: tr for the book's Tr, a power k̄ for its k, Y for
its U = f(X), φ for its g, X for its A and T (the variable), 𝒯(A) for its α(A).

The true side of every comparison is computed without the formula: by complex-step
differences, Im f(X + ih E)/h for a tiny h, which are exact to rounding for the analytic
functions here (no subtraction, so no cancellation), or by the gradient of a checked catalogue
entry. A structured variable's derivatives are taken along the directions its structure allows.
"""

import numpy as np

from snippets.catalog.cookbook import (
    NEEDS_CONDITION,
    NOT_A_DERIVATIVE,
    RIGHT,
    RIGHT_UNDER_CONVENTION,
    Equation,
)
from snippets.catalog.registry import by_id

S25 = "2.5 Derivatives of Traces"
S251 = "2.5.1 First Order"
S252 = "2.5.2 Second Order"
S253 = "2.5.3 Higher Order"
S254 = "2.5.4 Other"
S261 = "2.6.1 Two-norm"
S271 = "2.7.1 Frobenius norm"
S28 = "2.8 Derivatives of Structured Matrices"
S281 = "2.8.1 The Chain Rule"
S282 = "2.8.2 Symmetric"
S283 = "2.8.3 Diagonal"
S284 = "2.8.4 Toeplitz"

#: Complex step: small enough that h² terms vanish below rounding, and no cancellation.
STEP = 1e-30


# --- the true side: complex-step derivatives --------------------------------------------------


def along(f, X, E):
    """The derivative of f at X along the direction E, Im f(X + ih E)/h (f analytic)."""
    return float(np.imag(f(X + 1j * STEP * E)) / STEP)


def gradient(f, X):
    """∂f/∂X of shape X.shape, one complex step per entry."""
    G = np.zeros(X.shape)
    for index in np.ndindex(*X.shape):
        E = np.zeros(X.shape)
        E[index] = 1.0
        G[index] = along(f, X, E)
    return G


def jacobian(F, x):
    """[∂F_i/∂x_j] (numerator layout) of a vector function of a vector, by complex steps."""
    columns = []
    for j in range(x.size):
        e = np.zeros(x.size)
        e[j] = 1.0
        columns.append(np.imag(F(x + 1j * STEP * e)) / STEP)
    return np.column_stack(columns)


def within(f, X, basis):
    """The gradient within a subspace of matrices: Σ_b (∂f along b) b over an orthonormal basis,
    the one S in the subspace with df = S : dX for every dX in it."""
    return sum(along(f, X, B) * B for B in basis)


def per_parameter(f, X, structure):
    """The matrix whose (λ, θ) entry is ∂f/∂X_λθ with X_λθ a free parameter of the structure:
    the derivative along the structure matrix ∂X/∂X_λθ (the book's S^ij)."""
    out = np.zeros(X.shape)
    for index in np.ndindex(*X.shape):
        E = structure(X.shape[0], *index)
        out[index] = along(f, X, E) if E.any() else 0.0
    return out


# --- structures: the structure matrix ∂X/∂X_λθ and an orthonormal basis -----------------------


def symmetric_structure(n, i, j):
    """∂X/∂X_ij for symmetric X: E_ij + E_ji − δ_ij E_ii (moving X_ij moves X_ji too)."""
    E = np.zeros((n, n))
    E[i, j] = E[j, i] = 1.0
    return E


def diagonal_structure(n, i, j):
    """∂X/∂X_ij for diagonal X: E_ii on the diagonal, nothing off it (X_ij = 0 is fixed)."""
    E = np.zeros((n, n))
    if i == j:
        E[i, i] = 1.0
    return E


def toeplitz_structure(n, i, j):
    """∂X/∂X_ij for Toeplitz X (X_ij = t_(i−j)): ones on the whole diagonal i − j."""
    return np.eye(n, k=j - i)


def symmetric_toeplitz_structure(n, i, j):
    """∂X/∂X_ij for symmetric Toeplitz X (X_ij = t_|i−j|): ones on the diagonals ±(i − j)."""
    E = np.eye(n, k=j - i)
    return np.sign(E + E.T) if i != j else E


def basis(structure, n):
    """An orthonormal basis of the matrices with the structure: one per distinct parameter."""
    seen, out = set(), []
    for i, j in np.ndindex(n, n):
        E = structure(n, i, j)
        key = E.tobytes()
        if E.any() and key not in seen:
            seen.add(key)
            out.append(E / np.linalg.norm(E))
    return out


# --- inputs ------------------------------------------------------------------------------------


def sizes(rng, count):
    """`count` distinct sizes from 2..5, or, one draw in three, all equal (a square case, where
    only the numbers can reveal a transposed factor)."""
    if rng.random() < 1 / 3:
        return [int(rng.integers(2, 6))] * count
    return [int(v) for v in rng.permutation([2, 3, 4, 5])[:count]]


def normal(rng, *shape):
    return rng.standard_normal(shape)


def sym(M):
    return (M + M.T) / 2


def symmetric_matrix(rng, n, negative=0):
    """Q diag(s) Qᵀ with |s| in [1, 2] and `negative` negative eigenvalues: well conditioned."""
    Q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    s = rng.uniform(1.0, 2.0, n)
    s[:negative] *= -1
    return sym(Q @ np.diag(s) @ Q.T)


def toeplitz(rng, n, symmetric=False):
    """A random n × n Toeplitz matrix (symmetric if asked)."""
    t = rng.standard_normal(2 * n - 1)
    if symmetric:
        t[: n - 1] = t[n:][::-1]
    return sum(t[n - 1 + k] * np.eye(n, k=-k) for k in range(-(n - 1), n))


def power(X, k):
    """Xᵏ by repeated products (X⁰ = I): runs on complex input for the complex step."""
    out = np.eye(X.shape[0], dtype=X.dtype)
    for _ in range(k):
        out = out @ X
    return out


def sin_series(X, terms=30):
    """sin X by its Taylor series, summed in a scaled form: X/2^s, then the double-angle pair
    sin 2Y = 2 sin Y cos Y, cos 2Y = I − 2 sin² Y, s times. Shares nothing with an
    eigendecomposition; analytic in X, so complex steps go through it."""
    s = max(0, int(np.ceil(np.log2(max(np.abs(X).sum(axis=0).max(), 1e-300)))) + 1)
    Y = X / 2**s
    term, S, C = Y.copy(), Y.copy(), np.eye(len(X), dtype=X.dtype)
    cterm = np.eye(len(X), dtype=X.dtype)
    for k in range(1, terms):
        cterm = -cterm @ Y @ Y / ((2 * k - 1) * (2 * k))
        C = C + cterm
        term = -term @ Y @ Y / ((2 * k) * (2 * k + 1))
        S = S + term
    for _ in range(s):
        S, C = 2 * S @ C, np.eye(len(X)) - 2 * S @ S
    return S


def cos_eig(X):
    """cos X through an eigendecomposition X = V diag(λ) V⁻¹ (real for real X)."""
    lam, V = np.linalg.eig(X)
    return np.real(V @ np.diag(np.cos(lam)) @ np.linalg.inv(V))


def cut(M, i, j):
    """[M]_ij, the book's submatrix: M with row i and column j deleted (1-based)."""
    return np.delete(np.delete(M, i - 1, axis=0), j - 1, axis=1)


def diagonal_sums(M):
    """The Toeplitz matrix whose diagonal k holds the sum of M's diagonal k."""
    n = len(M)
    return sum(np.trace(M, offset=k) * np.eye(n, k=k) for k in range(-(n - 1), n))


def diagonal_means(M):
    """The Toeplitz matrix whose diagonal k holds the mean of M's diagonal k: the projection of
    M onto the Toeplitz matrices (Frobenius)."""
    n = len(M)
    return sum(np.trace(M, offset=k) / (n - abs(k)) * np.eye(n, k=k) for k in range(-(n - 1), n))


def catalog_gradient(entry_id, **inputs):
    """The gradient of a catalogue entry (checked against differences by the catalogue)."""
    return by_id(entry_id).grad(**inputs)


# --- 2.5 traces ----------------------------------------------------------------------------------


def trace_rule(formula, f, shapes):
    """printed(rng): draw the inputs named in `shapes` (name -> size indices), then compare
    formula(**inputs) with the complex-step gradient of f in X."""

    def printed(rng):
        dims = sizes(rng, 1 + max(max(s) for s in shapes.values()))
        inputs = {name: normal(rng, *(dims[k] for k in spec)) for name, spec in shapes.items()}
        X = inputs.pop("X")
        return formula(X=X, **inputs), gradient(lambda V: f(X=V, **inputs), X)

    return printed


tr = np.trace


def _eq105(rng):
    p, r = sizes(rng, 2)
    X, A = normal(rng, p, p), normal(rng, r, r)
    return tr(A) * np.eye(p), gradient(lambda V: tr(np.kron(A, V)), X)


def _eq115(rng):
    p, r = sizes(rng, 2)
    X = normal(rng, p, r)
    return (
        np.stack([2 * X, 2 * X]),
        np.stack([gradient(lambda V: tr(V.T @ V), X), gradient(lambda V: tr(V @ V.T), X)]),
    )


def _eq120(rng):
    (p,) = sizes(rng, 1)
    X = normal(rng, p, p)
    return (
        np.stack([2 * tr(X) * np.eye(p), 2 * tr(X) * np.eye(p)]),
        np.stack([gradient(lambda V: tr(np.kron(V, V)), X), gradient(lambda V: tr(V) * tr(V), X)]),
    )


def _eq121(rng):
    (p,) = sizes(rng, 1)
    k = int(rng.integers(1, 8))
    X = normal(rng, p, p) / np.sqrt(p)
    return k * power(X, k - 1).T, gradient(lambda V: tr(power(V, k)), X)


def _eq122(rng):
    (p,) = sizes(rng, 1)
    k = int(rng.integers(1, 8))
    X, A = normal(rng, p, p) / np.sqrt(p), normal(rng, p, p)
    printed = sum((power(X, r) @ A @ power(X, k - r - 1)).T for r in range(k))
    return printed, gradient(lambda V: tr(A @ power(V, k)), X)


def _eq123(rng):
    p, r, s = sizes(rng, 3)
    X, B, C = normal(rng, p, r), normal(rng, r, s), normal(rng, p, p)
    printed = (
        C @ X @ X.T @ C @ X @ B @ B.T
        + C.T @ X @ B @ B.T @ X.T @ C.T @ X
        + C @ X @ B @ B.T @ X.T @ C @ X
        + C.T @ X @ X.T @ C.T @ X @ B @ B.T
    )
    return printed, gradient(lambda V: tr(B.T @ V.T @ C @ V @ V.T @ C @ V @ B), X)


def _eq124(rng):
    p, s = sizes(rng, 2)
    X = normal(rng, p, p) + 2 * np.sqrt(p) * np.eye(p)
    A, B = normal(rng, s, p), normal(rng, p, s)
    Xi = np.linalg.inv(X)
    true = gradient(lambda V: tr(A @ np.linalg.inv(V) @ B), X)
    return np.stack([-(Xi @ B @ A @ Xi).T, -Xi.T @ A.T @ B.T @ Xi.T]), np.stack([true, true])


def _xcx_inputs(rng, symmetric_A):
    """X: p × r with p > r, C and B symmetric p × p (the book assumes it), A: r × r, general
    unless `symmetric_A`. (A square invertible X would make (126) constant: tr(C⁻¹B).)"""
    r = int(rng.integers(1, 4))
    p = r + int(rng.integers(1, 3))
    X = normal(rng, p, r)
    C = symmetric_matrix(rng, p)
    B = sym(normal(rng, p, p))
    A = normal(rng, r, r)
    return X, C, B, (sym(A) + r * np.eye(r) if symmetric_A else A + r * np.eye(r))


def _eq125(rng):
    X, C, _, A = _xcx_inputs(rng, symmetric_A=False)
    Mi = np.linalg.inv(X.T @ C @ X)
    printed = -(C @ X @ Mi) @ (A + A.T) @ Mi
    return printed, gradient(lambda V: tr(np.linalg.inv(V.T @ C @ V) @ A), X)


def _eq126(rng):
    X, C, B, _ = _xcx_inputs(rng, symmetric_A=False)
    Mi = np.linalg.inv(X.T @ C @ X)
    printed = -2 * C @ X @ Mi @ X.T @ B @ X @ Mi + 2 * B @ X @ Mi
    return printed, gradient(lambda V: tr(np.linalg.inv(V.T @ C @ V) @ (V.T @ B @ V)), X)


def _eq127(symmetric_A):
    def printed(rng):
        X, C, B, A = _xcx_inputs(rng, symmetric_A)
        Mi = np.linalg.inv(A + X.T @ C @ X)
        value = -2 * C @ X @ Mi @ X.T @ B @ X @ Mi + 2 * B @ X @ Mi
        f = lambda V: tr(np.linalg.inv(A + V.T @ C @ V) @ (V.T @ B @ V))  # noqa: E731
        return value, gradient(f, X)

    return printed


def _eq127_corrected(rng):
    X, C, B, A = _xcx_inputs(rng, symmetric_A=False)
    Mi = np.linalg.inv(A + X.T @ C @ X)
    K = Mi @ X.T @ B @ X @ Mi
    value = -C @ X @ (K + K.T) + B @ X @ (Mi + Mi.T)
    return value, gradient(lambda V: tr(np.linalg.inv(A + V.T @ C @ V) @ (V.T @ B @ V)), X)


def _eq128(rng):
    (p,) = sizes(rng, 1)
    X = normal(rng, p, p)
    return cos_eig(X).T, gradient(lambda V: tr(sin_series(V)), X)


# --- 2.6, 2.7 norms ------------------------------------------------------------------------------


def _norm(v):
    """‖v‖₂ as √(vᵀv): analytic, so complex steps go through it."""
    return np.sqrt(v @ v)


def _eq129(rng):
    (p,) = sizes(rng, 1)
    x, a = normal(rng, p), normal(rng, p)
    return (x - a) / _norm(x - a), gradient(lambda v: _norm(v - a), x)


def _eq130(rng):
    (p,) = sizes(rng, 1)
    x, a = normal(rng, p), normal(rng, p)
    d = x - a
    printed = np.eye(p) / _norm(d) - np.outer(d, d) / _norm(d) ** 3
    return printed, jacobian(lambda v: (v - a) / _norm(v - a), x)


def _eq131(rng):
    (p,) = sizes(rng, 1)
    x = normal(rng, p)
    true = np.stack([gradient(lambda v: v @ v, x), gradient(lambda v: np.sqrt((v @ v) ** 2), x)])
    return np.stack([2 * x, 2 * x]), true


def _eq132(rng):
    p, r = sizes(rng, 2)
    X = normal(rng, p, r)
    true = np.stack([gradient(lambda V: np.sum(V * V), X), gradient(lambda V: tr(V @ V.T), X)])
    return np.stack([2 * X, 2 * X]), true


# --- 2.8 structured matrices ---------------------------------------------------------------------


def _structured_f(rng, n):
    """A test function of a square X with a non-symmetric free gradient: tr(A X B X) + aᵀX b,
    and its free gradient from the catalogue (traces.AXBX) plus a bᵀ."""
    A, B, a, b = normal(rng, n, n), normal(rng, n, n), normal(rng, n), normal(rng, n)

    def f(X):
        return tr(A @ X @ B @ X) + a @ X @ b

    def free(X):
        return catalog_gradient("traces.AXBX", X=X, A=A, B=B) + np.outer(a, b)

    return f, free


def _eq133(rng):
    """df/dX_λθ along the structure matrix (symmetric or Toeplitz X) against tr(Gᵀ S^λθ)."""
    (n,) = sizes(rng, 1)
    structure, X = (
        (symmetric_structure, symmetric_matrix(rng, n))
        if rng.random() < 0.5
        else (toeplitz_structure, toeplitz(rng, n))
    )
    f, free = _structured_f(rng, n)
    G = free(X)
    printed = np.array([[tr(G.T @ structure(n, i, j)) for j in range(n)] for i in range(n)])
    return printed, per_parameter(f, X, structure)


def _eq136(rng):
    """Y = A X B, φ(Y) = tr(Yᵀ C Y): the double sum of ∂φ/∂Y_kl ∂Y_kl/∂X_λθ, entry by entry."""
    p, r, s = sizes(rng, 3)
    X, A, B, C = normal(rng, p, r), normal(rng, s, p), normal(rng, r, s), normal(rng, s, s)

    def phi(Y):
        return tr(Y.T @ C @ Y)

    Y = A @ X @ B
    dphi_dY = gradient(phi, Y)
    printed = np.zeros(X.shape)
    for lam, theta in np.ndindex(*X.shape):
        E = np.zeros(X.shape)
        E[lam, theta] = 1.0
        dY = A @ E @ B  # ∂Y/∂X_λθ, exact: Y is linear in X
        printed[lam, theta] = sum(dphi_dY[k, ell] * dY[k, ell] for k, ell in np.ndindex(*Y.shape))
    return printed, gradient(lambda V: phi(A @ V @ B), X)


def _eq137(rng):
    """Y = X Xᵀ A (not linear), φ(Y) = ‖Y − C‖²: tr((∂φ/∂Y)ᵀ ∂Y/∂X_λθ) entry by entry."""
    p, r = sizes(rng, 2)
    X, A, C = normal(rng, p, r), normal(rng, p, p), normal(rng, p, p)

    def F(V):
        return V @ V.T @ A

    def phi(Y):
        return np.sum((Y - C) * (Y - C))

    dphi_dY = gradient(phi, F(X))
    printed = np.zeros(X.shape)
    for lam, theta in np.ndindex(*X.shape):
        E = np.zeros(X.shape)
        E[lam, theta] = 1.0
        dY = np.imag(F(X + 1j * STEP * E)) / STEP
        printed[lam, theta] = tr(dphi_dY.T @ dY)
    return printed, gradient(lambda V: phi(F(V)), X)


def _sym_rule(printed_of, f_of, draw_X, convention):
    """A comparison for 138-141: the printed matrix against, as `convention` says, the matrix of
    derivatives by the free parameters X_λθ = X_θλ ("parameter") or the gradient within the
    symmetric matrices ("gradient", what the site calls ∂f/∂X for a symmetric X)."""

    def printed(rng):
        (n,) = sizes(rng, 1)
        X = draw_X(rng, n)
        f = f_of(rng, n)
        value = printed_of(X, f)
        if convention == "parameter":
            return value, per_parameter(f, X, symmetric_structure)
        return value, within(f, X, basis(symmetric_structure, n))

    return printed


def _sym_general(X, f):
    G = f.free(X)
    return G + G.T - G * np.eye(len(X))


def _sym_general_f(rng, n):
    f, free = _structured_f(rng, n)
    f.free = free
    return f


def _sym_trAX_f(rng, n):
    A = normal(rng, n, n)
    f = lambda V: tr(A @ V)  # noqa: E731
    f.A = A
    return f


def _sym_trAX(X, f):
    return f.A + f.A.T - f.A * np.eye(len(X))


def _sym_det(X, f):
    Xi = np.linalg.inv(X)
    return np.linalg.det(X) * (2 * Xi - Xi * np.eye(len(X)))


def _sym_logdet(X, f):
    Xi = np.linalg.inv(X)
    return 2 * Xi - Xi * np.eye(len(X))


def _det_f(rng, n):
    return np.linalg.det


def _logdet_f(rng, n):
    return lambda V: np.log(np.linalg.det(V))


def _any_symmetric(rng, n):
    return symmetric_matrix(rng, n, negative=int(rng.integers(0, n + 1)))


def _positive_det_symmetric(rng, n):
    """Symmetric with det X > 0, so that ln det X is real: an even number of negative
    eigenvalues (indefinite when n ≥ 2 allows it)."""
    return symmetric_matrix(rng, n, negative=2 * int(rng.integers(0, n // 2 + 1)))


def _eq142(rng):
    (n,) = sizes(rng, 1)
    X, A = np.diag(normal(rng, n)), normal(rng, n, n)
    f = lambda V: tr(A @ V)  # noqa: E731
    printed = A * np.eye(n)
    return np.stack([printed, printed]), np.stack(
        [per_parameter(f, X, diagonal_structure), within(f, X, basis(diagonal_structure, n))]
    )


def _alpha(A):
    """The book's α(A) for 143, built from its printed entries: Tr(A) on the diagonal,
    Tr([Aᵀ]_n1) on the first superdiagonal, Tr([Aᵀ]_1n) on the first subdiagonal, A_n1 in the
    top-right corner, A_1n (by the same rule, the transpose's corner) bottom-left; the other
    diagonals by the rule the book states in words: diagonal k holds the sum of Aᵀ's
    diagonal k."""
    n = len(A)
    alpha = diagonal_sums(A.T)
    if n >= 2:
        alpha += (tr(A) - alpha[0, 0]) * np.eye(n)
        alpha += (tr(cut(A.T, n, 1)) - alpha[0, 1]) * np.eye(n, k=1)
        alpha += (tr(cut(A.T, 1, n)) - alpha[1, 0]) * np.eye(n, k=-1)
        alpha[0, n - 1] = A[n - 1, 0]
    return alpha


def _toeplitz_rule(symmetric, convention):
    def printed(rng):
        (n,) = sizes(rng, 1)
        X, A = toeplitz(rng, n, symmetric), normal(rng, n, n)
        structure = symmetric_toeplitz_structure if symmetric else toeplitz_structure
        alpha = _alpha(A)
        value = alpha + alpha.T - alpha * np.eye(n) if symmetric else alpha
        both = np.stack([value, value])
        fs = (lambda V: tr(A @ V), lambda V: tr(V @ A))
        if convention == "parameter":
            return both, np.stack([per_parameter(f, X, structure) for f in fs])
        return both, np.stack([within(f, X, basis(structure, n)) for f in fs])

    return printed


# --- the records ---------------------------------------------------------------------------------

_SYM_CONVENTION = (
    "the (λ, θ) entry is the partial derivative by the free parameter X_λθ = X_θλ, which moves "
    "both entries at once (the book's structure matrix S^λθ, stated at (133)-(134)); "
    "this matrix is not a gradient: its Frobenius product with a symmetric dX is not df. The "
    "gradient within the symmetric matrices, what the site writes ∂f/∂X for symmetric X, is "
    "(G + Gᵀ)/2 with G the free gradient"
)

_SYM_MEANS = (
    "Measured: against the gradient within symmetric matrices the printed matrix misses by "
    "its doubled off-diagonal entries (it is 2S − S ∘ I where S is that gradient)."
)

EQUATIONS: list[Equation] = [
    Equation(
        99,
        S251,
        r"\frac{\partial}{\partial X} \operatorname{tr}(X) = I",
        RIGHT,
        ("traces.X",),
        printed_value=trace_rule(lambda X: np.eye(len(X)), lambda X: tr(X), {"X": (0, 0)}),
    ),
    Equation(
        100,
        S251,
        r"\frac{\partial}{\partial X} \operatorname{tr}(XA) = A^\top",
        RIGHT,
        ("traces.XA",),
        printed_value=trace_rule(
            lambda X, A: A.T, lambda X, A: tr(X @ A), {"X": (0, 1), "A": (1, 0)}
        ),
    ),
    Equation(
        101,
        S251,
        r"\frac{\partial}{\partial X} \operatorname{tr}(AXB) = A^\top B^\top",
        RIGHT,
        ("traces.AXB",),
        printed_value=trace_rule(
            lambda X, A, B: A.T @ B.T,
            lambda X, A, B: tr(A @ X @ B),
            {"X": (0, 1), "A": (2, 0), "B": (1, 2)},
        ),
    ),
    Equation(
        102,
        S251,
        r"\frac{\partial}{\partial X} \operatorname{tr}(AX^\top B) = BA",
        RIGHT,
        ("traces.AXtB",),
        printed_value=trace_rule(
            lambda X, A, B: B @ A,
            lambda X, A, B: tr(A @ X.T @ B),
            {"X": (0, 1), "A": (2, 1), "B": (0, 2)},
        ),
    ),
    Equation(
        103,
        S251,
        r"\frac{\partial}{\partial X} \operatorname{tr}(X^\top A) = A",
        RIGHT,
        ("traces.XtA",),
        printed_value=trace_rule(
            lambda X, A: A, lambda X, A: tr(X.T @ A), {"X": (0, 1), "A": (0, 1)}
        ),
    ),
    Equation(
        104,
        S251,
        r"\frac{\partial}{\partial X} \operatorname{tr}(AX^\top) = A",
        RIGHT,
        ("traces.AXt",),
        printed_value=trace_rule(
            lambda X, A: A, lambda X, A: tr(A @ X.T), {"X": (0, 1), "A": (0, 1)}
        ),
    ),
    Equation(
        105,
        S251,
        r"\frac{\partial}{\partial X} \operatorname{tr}(A \otimes X) = \operatorname{tr}(A)\, I",
        RIGHT,
        ("traces.XkronA",),
        reading="A ⊗ X and X ⊗ A differ, but their traces are both tr(A) tr(X); the catalogue "
        "entry is written with X first.",
        printed_value=_eq105,
    ),
    Equation(
        106,
        S252,
        r"\frac{\partial}{\partial X} \operatorname{tr}(X^2) = 2X^\top",
        RIGHT,
        ("traces.X2",),
        printed_value=trace_rule(lambda X: 2 * X.T, lambda X: tr(X @ X), {"X": (0, 0)}),
    ),
    Equation(
        107,
        S252,
        r"\frac{\partial}{\partial X} \operatorname{tr}(X^2 B) = (XB + BX)^\top",
        RIGHT,
        ("traces.AX2",),
        reading="tr(X²B) = tr(BX²): the catalogue entry tr(AX²) with A = B.",
        printed_value=trace_rule(
            lambda X, B: (X @ B + B @ X).T,
            lambda X, B: tr(X @ X @ B),
            {"X": (0, 0), "B": (0, 0)},
        ),
    ),
    Equation(
        108,
        S252,
        r"\frac{\partial}{\partial X} \operatorname{tr}(X^\top B X) = BX + B^\top X",
        RIGHT,
        ("traces.XtAX",),
        printed_value=trace_rule(
            lambda X, B: B @ X + B.T @ X,
            lambda X, B: tr(X.T @ B @ X),
            {"X": (0, 1), "B": (0, 0)},
        ),
    ),
    Equation(
        109,
        S252,
        r"\frac{\partial}{\partial X} \operatorname{tr}(B X X^\top) = BX + B^\top X",
        RIGHT,
        ("traces.XtAX",),
        reading="tr(BXXᵀ) = tr(XᵀBX): the catalogue entry tr(XᵀAX) with A = B.",
        printed_value=trace_rule(
            lambda X, B: B @ X + B.T @ X,
            lambda X, B: tr(B @ X @ X.T),
            {"X": (0, 1), "B": (0, 0)},
        ),
    ),
    Equation(
        110,
        S252,
        r"\frac{\partial}{\partial X} \operatorname{tr}(X X^\top B) = BX + B^\top X",
        RIGHT,
        ("traces.XtAX",),
        reading="tr(XXᵀB) = tr(XᵀBX): the catalogue entry tr(XᵀAX) with A = B.",
        printed_value=trace_rule(
            lambda X, B: B @ X + B.T @ X,
            lambda X, B: tr(X @ X.T @ B),
            {"X": (0, 1), "B": (0, 0)},
        ),
    ),
    Equation(
        111,
        S252,
        r"\frac{\partial}{\partial X} \operatorname{tr}(X B X^\top) = X B^\top + X B",
        RIGHT,
        ("traces.XAXt",),
        printed_value=trace_rule(
            lambda X, B: X @ B.T + X @ B,
            lambda X, B: tr(X @ B @ X.T),
            {"X": (0, 1), "B": (1, 1)},
        ),
    ),
    Equation(
        112,
        S252,
        r"\frac{\partial}{\partial X} \operatorname{tr}(B X^\top X) = X B^\top + X B",
        RIGHT,
        ("traces.XAXt",),
        reading="tr(BXᵀX) = tr(XBXᵀ): the catalogue entry tr(XAXᵀ) with A = B.",
        printed_value=trace_rule(
            lambda X, B: X @ B.T + X @ B,
            lambda X, B: tr(B @ X.T @ X),
            {"X": (0, 1), "B": (1, 1)},
        ),
    ),
    Equation(
        113,
        S252,
        r"\frac{\partial}{\partial X} \operatorname{tr}(X^\top X B) = X B^\top + X B",
        RIGHT,
        ("traces.XAXt",),
        reading="tr(XᵀXB) = tr(XBXᵀ): the catalogue entry tr(XAXᵀ) with A = B.",
        printed_value=trace_rule(
            lambda X, B: X @ B.T + X @ B,
            lambda X, B: tr(X.T @ X @ B),
            {"X": (0, 1), "B": (1, 1)},
        ),
    ),
    Equation(
        114,
        S252,
        r"\frac{\partial}{\partial X} \operatorname{tr}(AXBX)"
        r" = A^\top X^\top B^\top + B^\top X^\top A^\top",
        RIGHT,
        ("traces.AXBX",),
        printed_value=trace_rule(
            lambda X, A, B: A.T @ X.T @ B.T + B.T @ X.T @ A.T,
            lambda X, A, B: tr(A @ X @ B @ X),
            {"X": (0, 1), "A": (1, 0), "B": (1, 0)},
        ),
    ),
    Equation(
        115,
        S252,
        r"\frac{\partial}{\partial X} \operatorname{tr}(X^\top X)"
        r" = \frac{\partial}{\partial X} \operatorname{tr}(X X^\top) = 2X",
        RIGHT,
        ("traces.XtX", "norms.fro2"),
        printed_value=_eq115,
    ),
    Equation(
        116,
        S252,
        r"\frac{\partial}{\partial X} \operatorname{tr}(B^\top X^\top C X B)"
        r" = C^\top X B B^\top + C X B B^\top",
        RIGHT,
        ("traces.XtBXC",),
        reading="tr(BᵀXᵀCXB) = tr(XᵀCX BBᵀ): the catalogue entry tr(XᵀBXC) with B = C and C = BBᵀ.",
        printed_value=trace_rule(
            lambda X, B, C: C.T @ X @ B @ B.T + C @ X @ B @ B.T,
            lambda X, B, C: tr(B.T @ X.T @ C @ X @ B),
            {"X": (0, 1), "B": (1, 2), "C": (0, 0)},
        ),
    ),
    Equation(
        117,
        S252,
        r"\frac{\partial}{\partial X} \operatorname{tr}(X^\top B X C) = BXC + B^\top X C^\top",
        RIGHT,
        ("traces.XtBXC",),
        printed_value=trace_rule(
            lambda X, B, C: B @ X @ C + B.T @ X @ C.T,
            lambda X, B, C: tr(X.T @ B @ X @ C),
            {"X": (0, 1), "B": (0, 0), "C": (1, 1)},
        ),
    ),
    Equation(
        118,
        S252,
        r"\frac{\partial}{\partial X} \operatorname{tr}(A X B X^\top C)"
        r" = A^\top C^\top X B^\top + C A X B",
        RIGHT,
        ("traces.AXBXtC",),
        printed_value=trace_rule(
            lambda X, A, B, C: A.T @ C.T @ X @ B.T + C @ A @ X @ B,
            lambda X, A, B, C: tr(A @ X @ B @ X.T @ C),
            {"X": (0, 1), "A": (2, 0), "B": (1, 1), "C": (0, 2)},
        ),
    ),
    Equation(
        119,
        S252,
        r"\begin{aligned}&\frac{\partial}{\partial X}"
        r" \operatorname{tr}\big((AXB + C)(AXB + C)^\top\big)\\"
        r"&\quad = 2 A^\top (AXB + C) B^\top\end{aligned}",
        RIGHT,
        ("norms.AXB_minus_C",),
        reading="tr(MMᵀ) = ‖M‖²_F: the catalogue entry ‖AXB − C‖²_F with C replaced by −C.",
        printed_value=trace_rule(
            lambda X, A, B, C: 2 * A.T @ (A @ X @ B + C) @ B.T,
            lambda X, A, B, C: tr((A @ X @ B + C) @ (A @ X @ B + C).T),
            {"X": (0, 1), "A": (2, 0), "B": (1, 3), "C": (2, 3)},
        ),
    ),
    Equation(
        120,
        S252,
        r"\frac{\partial}{\partial X} \operatorname{tr}(X \otimes X)"
        r" = \frac{\partial}{\partial X} \operatorname{tr}(X) \operatorname{tr}(X)"
        r" = 2 \operatorname{tr}(X)\, I",
        RIGHT,
        ("traces.XkronX",),
        printed_value=_eq120,
    ),
    Equation(
        121,
        S253,
        r"\frac{\partial}{\partial X} \operatorname{tr}(X^{\bar{k}})"
        r" = \bar{k} (X^{\bar{k}-1})^\top",
        RIGHT,
        ("traces.Xk",),
        reading="k̄ is a positive integer (the book's k); X⁰ = I.",
        printed_value=_eq121,
    ),
    Equation(
        122,
        S253,
        r"\frac{\partial}{\partial X} \operatorname{tr}(A X^{\bar{k}})"
        r" = \sum_{k=0}^{\bar{k}-1} (X^k A X^{\bar{k}-k-1})^\top",
        RIGHT,
        ("traces.AXk",),
        reading="k̄ is a positive integer (the book's k; its summation index r is k here).",
        printed_value=_eq122,
    ),
    Equation(
        123,
        S253,
        r"\begin{aligned}&\frac{\partial}{\partial X}"
        r" \operatorname{tr}(B^\top X^\top C X X^\top C X B)\\"
        r"&\quad = C X X^\top C X B B^\top\\"
        r"&\qquad + C^\top X B B^\top X^\top C^\top X\\"
        r"&\qquad + C X B B^\top X^\top C X\\"
        r"&\qquad + C^\top X X^\top C^\top X B B^\top\end{aligned}",
        RIGHT,
        ("traces.BtXtCXXtCXB",),
        printed_value=_eq123,
    ),
    Equation(
        124,
        S254,
        r"\begin{aligned}\frac{\partial}{\partial X} \operatorname{tr}(A X^{-1} B)"
        r" &= -(X^{-1} B A X^{-1})^\top\\ &= -X^{-\top} A^\top B^\top X^{-\top}\end{aligned}",
        RIGHT,
        ("inverses.tr_AXinvB",),
        reading="Both printed forms are checked.",
        printed_value=_eq124,
    ),
    Equation(
        125,
        S254,
        r"\begin{aligned}&\frac{\partial}{\partial X}"
        r" \operatorname{tr}\big((X^\top C X)^{-1} A\big)\\"
        r"&\quad = -C X (X^\top C X)^{-1} (A + A^\top) (X^\top C X)^{-1}\end{aligned}",
        RIGHT,
        ("traces.XtCXinv_A",),
        reading="Under the book's stated assumption that B and C are symmetric; A is any square "
        "matrix (the formula symmetrizes it); XᵀCX invertible, as the function itself needs.",
        printed_value=_eq125,
    ),
    Equation(
        126,
        S254,
        r"\begin{aligned}&\frac{\partial}{\partial X}"
        r" \operatorname{tr}\big((X^\top C X)^{-1} (X^\top B X)\big)\\"
        r"&\quad = -2 C X (X^\top C X)^{-1} X^\top B X (X^\top C X)^{-1}\\"
        r"&\qquad + 2 B X (X^\top C X)^{-1}\end{aligned}",
        RIGHT,
        ("traces.XtCXinv_XtBX",),
        reading="Under the book's stated assumption that B and C are symmetric.",
        printed_value=_eq126,
    ),
    Equation(
        127,
        S254,
        r"\begin{aligned}&\frac{\partial}{\partial X}"
        r" \operatorname{tr}\big((A + X^\top C X)^{-1} (X^\top B X)\big)\\"
        r"&\quad = -2 C X (A + X^\top C X)^{-1} X^\top B X (A + X^\top C X)^{-1}\\"
        r"&\qquad + 2 B X (A + X^\top C X)^{-1}\end{aligned}",
        NEEDS_CONDITION,
        ("traces.AplusXtCXinv_XtBX",),
        reading="The book assumes B and C symmetric, and says nothing of A.",
        correction=r"\begin{aligned}&\frac{\partial}{\partial X}"
        r" \operatorname{tr}\big(\mathcal{M}^{-1} X^\top B X\big)"
        r" = B X (\mathcal{M}^{-1} + \mathcal{M}^{-\top})\\"
        r"&\quad - C X (\mathcal{M}^{-1} X^\top B X \mathcal{M}^{-1}"
        r" + \mathcal{M}^{-\top} X^\top B X \mathcal{M}^{-\top}),\\"
        r"&\quad \mathcal{M} = A + X^\top C X\end{aligned}",
        condition="A symmetric (as well as B and C): then 𝓜 = A + XᵀCX is symmetric and the two "
        "halves of each pair are equal, which is what the factors 2 assume.",
        printed_value=_eq127(symmetric_A=False),
        under=_eq127(symmetric_A=True),
    ),
    Equation(
        128,
        S254,
        r"\frac{\partial \operatorname{tr}(\sin X)}{\partial X} = (\cos X)^\top",
        RIGHT,
        ("traces.sinX",),
        reading="sin and cos of a matrix are the power series; the printed side is computed "
        "through an eigendecomposition, the true side by complex steps through a scaled "
        "Taylor series of sin.",
        printed_value=_eq128,
    ),
    Equation(
        129,
        S261,
        r"\frac{\partial}{\partial x} \lVert x - a \rVert_2"
        r" = \frac{x - a}{\lVert x - a \rVert_2}",
        RIGHT,
        ("norms.x_minus_a",),
        reading="At x ≠ a, where the norm is differentiable (the formula divides by it).",
        printed_value=_eq129,
    ),
    Equation(
        130,
        S261,
        r"\frac{\partial}{\partial x} \frac{x - a}{\lVert x - a \rVert_2}"
        r" = \frac{I}{\lVert x - a \rVert_2}"
        r" - \frac{(x - a)(x - a)^\top}{\lVert x - a \rVert_2^3}",
        RIGHT,
        ("norms.c_unit_x_minus_a",),
        reading="A vector by a vector: the book's layout [∂y_i/∂x_j]; the matrix is symmetric, "
        "so the layouts agree. The catalogue checks it as the gradient of cᵀ(x − a)/‖x − a‖, "
        "the matrix times a random c.",
        printed_value=_eq130,
    ),
    Equation(
        131,
        S261,
        r"\frac{\partial \lVert x \rVert_2^2}{\partial x}"
        r" = \frac{\partial \lVert x^\top x \rVert_2}{\partial x} = 2x",
        RIGHT,
        ("forms.xx",),
        reading="xᵀx is a number, and its 2-norm its absolute value, xᵀx again.",
        printed_value=_eq131,
    ),
    Equation(
        132,
        S271,
        r"\frac{\partial}{\partial X} \lVert X \rVert_F^2"
        r" = \frac{\partial}{\partial X} \operatorname{tr}(X X^{\mathrm{H}}) = 2X",
        RIGHT,
        ("norms.fro2", "traces.XtX"),
        reading="X real, so Xᴴ = Xᵀ (the site's scope).",
        printed_value=_eq132,
    ),
    Equation(
        133,
        S28,
        r"\begin{aligned}\frac{d f}{d X_{\lambda\theta}}"
        r" &= \sum_{k l} \frac{\partial f}{\partial X_{k l}}"
        r" \frac{\partial X_{k l}}{\partial X_{\lambda\theta}}\\"
        r" &= \operatorname{tr}\Big[\Big[\frac{\partial f}{\partial X}\Big]^\top"
        r" \frac{\partial X}{\partial X_{\lambda\theta}}\Big]\end{aligned}",
        RIGHT,
        ("structured.tr_AX_sym", "structured.det_sym"),
        reading="∂f/∂X is the gradient of f with X free; ∂X/∂X_λθ the structure matrix (134). "
        "Checked for symmetric and for Toeplitz X: the derivative along the structure "
        "matrix against tr(Gᵀ S), entry by entry.",
        printed_value=_eq133,
    ),
    Equation(
        134,
        S28,
        r"\frac{\partial X}{\partial X_{\lambda\theta}} = \mathcal{J}^{\lambda\theta}",
        NOT_A_DERIVATIVE,
        reading="Defines the structure matrix 𝒥^λθ (the book's S^ij); with no structure it "
        "is the single-entry matrix.",
    ),
    Equation(
        135,
        S281,
        r"\frac{\partial \phi(Y)}{\partial X} = \frac{\partial \phi(F(X))}{\partial X}",
        NOT_A_DERIVATIVE,
        reading="Names the goal of the chain rule, Y = F(X) (the book's U = f(X), g(U)): "
        "a substitution, nothing to differentiate.",
    ),
    Equation(
        136,
        S281,
        r"\frac{\partial \phi(Y)}{\partial X} = \frac{\partial \phi(Y)}{\partial X_{\lambda\theta}}"
        r" = \sum_{k=1}^{m} \sum_{l=1}^{n} \frac{\partial \phi(Y)}{\partial Y_{k l}}"
        r" \frac{\partial Y_{k l}}{\partial X_{\lambda\theta}}",
        RIGHT,
        ("norms.AXB_minus_C",),
        reading="The first equality names the (λ, θ) entry of the matrix on its left; Y is "
        "m × n. Checked with Y = AXB, φ(Y) = tr(YᵀCY), the sum taken entry by entry.",
        printed_value=_eq136,
    ),
    Equation(
        137,
        S281,
        r"\frac{\partial \phi(Y)}{\partial X_{\lambda\theta}}"
        r" = \operatorname{tr}\Big[\Big(\frac{\partial \phi(Y)}{\partial Y}\Big)^\top"
        r" \frac{\partial Y}{\partial X_{\lambda\theta}}\Big]",
        RIGHT,
        ("norms.XXt_minus_A",),
        reading="Checked with the non-linear Y = XXᵀA and φ(Y) = ‖Y − C‖²_F.",
        printed_value=_eq137,
    ),
    Equation(
        138,
        S282,
        r"\frac{d f}{d X} = \Big[\frac{\partial f}{\partial X}\Big]"
        r" + \Big[\frac{\partial f}{\partial X}\Big]^\top"
        r" - \operatorname{diag}\Big[\frac{\partial f}{\partial X}\Big]",
        RIGHT_UNDER_CONVENTION,
        ("structured.tr_XAX_sym", "structured.tr_AX_sym"),
        reading="X symmetric; ∂f/∂X = G is the gradient with X free; diag[G] is the diagonal "
        "matrix G ∘ I. Checked on f = tr(AXBX) + aᵀXb.",
        correction=r"\begin{aligned}\nabla_{\mathrm{sym}} f"
        r" &= \frac{\nabla f + (\nabla f)^\top}{2},"
        r"\\ E = \nabla f + (\nabla f)^\top - \nabla f \circ I"
        r" &= 2\nabla_{\mathrm{sym}} f - \nabla_{\mathrm{sym}} f \circ I\end{aligned}",
        condition=_SYM_CONVENTION + ". " + _SYM_MEANS,
        printed_value=_sym_rule(_sym_general, _sym_general_f, _any_symmetric, "gradient"),
        under=_sym_rule(_sym_general, _sym_general_f, _any_symmetric, "parameter"),
    ),
    Equation(
        139,
        S282,
        r"\frac{\partial \operatorname{tr}(AX)}{\partial X} = A + A^\top - (A \circ I)",
        RIGHT_UNDER_CONVENTION,
        ("structured.tr_AX_sym",),
        reading="X symmetric, A any square matrix.",
        correction=r"\nabla_{\mathrm{sym}} \operatorname{tr}(AX) = \frac{A + A^\top}{2}",
        condition=_SYM_CONVENTION + ". " + _SYM_MEANS,
        printed_value=_sym_rule(_sym_trAX, _sym_trAX_f, _any_symmetric, "gradient"),
        under=_sym_rule(_sym_trAX, _sym_trAX_f, _any_symmetric, "parameter"),
    ),
    Equation(
        140,
        S282,
        r"\frac{\partial \det X}{\partial X} = \det(X) \big(2 X^{-1} - (X^{-1} \circ I)\big)",
        RIGHT_UNDER_CONVENTION,
        ("structured.det_sym",),
        reading="X symmetric and invertible (the formula uses X⁻¹), definite or not.",
        correction=r"\nabla_{\mathrm{sym}} \det X = \det(X)\, X^{-1}",
        condition=_SYM_CONVENTION + ". " + _SYM_MEANS,
        printed_value=_sym_rule(_sym_det, _det_f, _any_symmetric, "gradient"),
        under=_sym_rule(_sym_det, _det_f, _any_symmetric, "parameter"),
    ),
    Equation(
        141,
        S282,
        r"\frac{\partial \ln \det X}{\partial X} = 2 X^{-1} - (X^{-1} \circ I)",
        RIGHT_UNDER_CONVENTION,
        ("structured.logdet_spd",),
        reading="X symmetric with det X > 0, so that ln det X is real (drawn indefinite too).",
        correction=r"\nabla_{\mathrm{sym}} \ln \det X = X^{-1}",
        condition=_SYM_CONVENTION + ". " + _SYM_MEANS,
        printed_value=_sym_rule(_sym_logdet, _logdet_f, _positive_det_symmetric, "gradient"),
        under=_sym_rule(_sym_logdet, _logdet_f, _positive_det_symmetric, "parameter"),
    ),
    Equation(
        142,
        S283,
        r"\frac{\partial \operatorname{tr}(AX)}{\partial X} = A \circ I",
        RIGHT,
        ("structured.tr_AX_diag",),
        reading="X diagonal. Both readings agree here: the derivatives by the free diagonal "
        "entries, and the gradient within diagonal matrices (the projection of Aᵀ).",
        printed_value=_eq142,
    ),
    Equation(
        143,
        S284,
        r"\frac{\partial \operatorname{tr}(AX)}{\partial X}"
        r" = \frac{\partial \operatorname{tr}(XA)}{\partial X} = \mathcal{T}(A)",
        RIGHT_UNDER_CONVENTION,
        ("structured.tr_AX_toeplitz",),
        reading="X Toeplitz (the book's T), X_λθ = t_(λ−θ); 𝒯(A) is the book's α(A), the "
        "Toeplitz matrix whose diagonal k holds the sum of the diagonal k of Aᵀ. The record "
        "builds it from the entries the book prints unambiguously (tr A on the diagonal, "
        "tr([Aᵀ]_n1) and tr([Aᵀ]_1n) beside it, A_n1 in the corner) and the rule its text "
        "states for the rest; the subscripts of the printed middle entries are not read.",
        correction=r"\text{gradient within Toeplitz matrices: diagonal } k"
        r" \text{ holds the mean of the diagonal } k \text{ of } A^\top",
        condition="each entry is the partial derivative by the parameter t_(λ−θ) shared by a "
        "whole diagonal (the book's structure matrix): the sum over that diagonal. The "
        "gradient within the Toeplitz matrices (the one Toeplitz S with df = S : dX) holds "
        "the mean instead, so the printed matrix misses by the diagonal lengths.",
        printed_value=_toeplitz_rule(symmetric=False, convention="gradient"),
        under=_toeplitz_rule(symmetric=False, convention="parameter"),
    ),
    Equation(
        144,
        S284,
        r"\frac{\partial \operatorname{tr}(AX)}{\partial X}"
        r" = \frac{\partial \operatorname{tr}(XA)}{\partial X}"
        r" = \mathcal{T}(A) + \mathcal{T}(A)^\top - \mathcal{T}(A) \circ I",
        RIGHT_UNDER_CONVENTION,
        ("structured.tr_AX_toeplitz_sym",),
        reading="X symmetric Toeplitz, X_λθ = t_|λ−θ|.",
        correction=r"\text{gradient within symmetric Toeplitz matrices: diagonals } \pm k"
        r" \text{ hold the mean of the diagonals } \pm k \text{ of } A^\top",
        condition="each entry is the partial derivative by the parameter t_|λ−θ| shared by the "
        "diagonals ±(λ − θ): their two sums added. The gradient within symmetric Toeplitz "
        "matrices holds the mean over both diagonals instead.",
        printed_value=_toeplitz_rule(symmetric=True, convention="gradient"),
        under=_toeplitz_rule(symmetric=True, convention="parameter"),
    ),
]
