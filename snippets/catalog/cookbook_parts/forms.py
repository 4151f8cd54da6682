"""The Matrix Cookbook (2012), §2.4: derivatives of matrices, vectors and scalar forms, eqs 69-98.

Site machinery: records of snippets/catalog/cookbook.py; it imports the site's own modules.

Every printed formula is evaluated literally and set beside the true derivative, which comes
from five-point central differences of the function itself (snippets/gradcheck.py), never from
the formula. The book's letters are renamed into the site's notation table (each record's
`reading` says how): the variable is x or X, constants are a, b, c (vectors) and A, B, C
(matrices), a power of X is k̄, the entry we differentiate by is (λ, θ), the book's single-entry
matrix J^{ij} is 𝒥^{λθ}.

Numbers: 69-72, 77, 78 and 81-83 are anchored by SymPy's tests, which cite them; the others are
counted line by line between those anchors and (99), the first trace identity. Between 83 and
99 there are fifteen numbered lines; the count assumes (92) is one number over two printed lines
and the quotient of (94)-(95) two, as its two lines are.

Sizes are drawn afresh for every draw (2 to 5 per dimension), so some draws are square and
most are not: a transposed result fails on the shape or, for square draws, on the numbers.
"""

import numpy as np

from snippets.catalog.cookbook import NOT_A_DERIVATIVE, RIGHT, WRONG, Equation
from snippets.gradcheck import numerical_gradient, numerical_jacobian, vec

FIRST = "2.4.1 First Order"
SECOND = "2.4.2 Second Order"
HIGHER = "2.4.3 Higher-order and non-linear"
HESSIAN = "2.4.4 Gradient and Hessian"

RENAMED_ENTRY = (
    "The book's entry indices (i, j) of the variable are written (λ, θ) here, and its"
    " indices of the result (k, l) or (i, j) are written (i, j)."
)


# --- helpers: sizes, inputs and true derivatives by central differences ---------------------
def _sizes(rng, count):
    return [int(v) for v in rng.integers(2, 6, size=count)]


def _normal(rng, *shape):
    return rng.standard_normal(shape)


def _symmetric(rng, n):
    M = rng.standard_normal((n, n))
    return (M + M.T) / 2


def _gradient(f, X):
    """The true ∂f/∂X, of X's shape, by five-point central differences of f."""
    return numerical_gradient(f, X)


def _single_entry(shape, row, col):
    """𝒥^{λθ}: 1 at (λ, θ), zeros elsewhere."""
    E = np.zeros(shape)
    E[row, col] = 1.0
    return E


def _columns(derivative_by_entry, X):
    """The Jacobian ∂vec F/∂vec X whose column λ + θp is vec of ∂F/∂X_λθ (column-major vec)."""
    p, r = X.shape
    return np.column_stack(
        [
            vec(np.asarray(derivative_by_entry(lam, th), dtype=float))
            for th in range(r)
            for lam in range(p)
        ]
    )


def _entrywise(formula, F_shape, X):
    """The Jacobian from an index formula: formula(i, j, λ, θ) = ∂F_ij/∂X_λθ."""
    p_F, r_F = F_shape

    def derivative_by_entry(lam, th):
        return [[formula(i, j, lam, th) for j in range(r_F)] for i in range(p_F)]

    return _columns(derivative_by_entry, X)


def _delta(i, j):
    return 1.0 if i == j else 0.0


def _power(X, k):
    return np.linalg.matrix_power(X, k)


# --- 2.4.1 First Order ------------------------------------------------------------------------
def _eq69(rng):
    (p,) = _sizes(rng, 1)
    x, a = _normal(rng, p), _normal(rng, p)
    printed = np.concatenate([a, a])
    true = np.concatenate([_gradient(lambda v: v @ a, x), _gradient(lambda v: a @ v, x)])
    return printed, true


def _eq70(rng):
    p, r = _sizes(rng, 2)
    X, a, b = _normal(rng, p, r), _normal(rng, p), _normal(rng, r)
    return np.outer(a, b), _gradient(lambda V: a @ V @ b, X)


def _eq71(rng):
    p, r = _sizes(rng, 2)
    X, a, b = _normal(rng, p, r), _normal(rng, r), _normal(rng, p)
    return np.outer(b, a), _gradient(lambda V: a @ V.T @ b, X)


def _eq72(rng):
    (p,) = _sizes(rng, 1)
    X, a = _normal(rng, p, p), _normal(rng, p)
    printed = np.concatenate([np.outer(a, a), np.outer(a, a)])
    true = np.concatenate([_gradient(lambda V: a @ V @ a, X), _gradient(lambda V: a @ V.T @ a, X)])
    return printed, true


def _eq73(rng):
    p, r = _sizes(rng, 2)
    X = _normal(rng, p, r)
    printed = _columns(lambda lam, th: _single_entry(X.shape, lam, th), X)
    return printed, numerical_jacobian(lambda V: V, X)


def _eq74(rng):
    p, r, s = _sizes(rng, 3)
    X, A = _normal(rng, p, r), _normal(rng, r, s)
    by_delta = _entrywise(lambda i, j, lam, th: _delta(i, lam) * A[th, j], (p, s), X)
    by_single_entry = _columns(lambda lam, th: _single_entry(X.shape, lam, th) @ A, X)
    true = numerical_jacobian(lambda V: V @ A, X)
    return np.concatenate([by_delta, by_single_entry]), np.concatenate([true, true])


def _eq75(rng):
    p, r, s = _sizes(rng, 3)
    X, A = _normal(rng, p, r), _normal(rng, p, s)
    by_delta = _entrywise(lambda i, j, lam, th: _delta(i, th) * A[lam, j], (r, s), X)
    by_single_entry = _columns(lambda lam, th: _single_entry((r, p), th, lam) @ A, X)
    true = numerical_jacobian(lambda V: V.T @ A, X)
    return np.concatenate([by_delta, by_single_entry]), np.concatenate([true, true])


# --- 2.4.2 Second Order -----------------------------------------------------------------------
def _eq76(rng):
    p, r = _sizes(rng, 2)
    X = _normal(rng, p, r)
    printed = np.full(X.shape, 2 * X.sum())
    return printed, _gradient(lambda V: np.einsum("ij,kl->", V, V), X)


def _eq77(rng):
    p, r = _sizes(rng, 2)
    X, b, c = _normal(rng, p, r), _normal(rng, r), _normal(rng, r)
    printed = X @ (np.outer(b, c) + np.outer(c, b))
    return printed, _gradient(lambda V: b @ V.T @ V @ c, X)


def _eq78(rng):
    p, s, t = _sizes(rng, 3)
    x = _normal(rng, p)
    A, b, C, B, e = (
        _normal(rng, s, p),
        _normal(rng, s),
        _normal(rng, s, t),
        _normal(rng, t, p),
        _normal(rng, t),
    )
    printed = A.T @ C @ (B @ x + e) + B.T @ C.T @ (A @ x + b)
    return printed, _gradient(lambda v: (A @ v + b) @ C @ (B @ v + e), x)


def _eq79(rng):
    p, r = _sizes(rng, 2)
    X, B = _normal(rng, p, r), _normal(rng, p, p)
    XtB, BX = X.T @ B, B @ X
    printed = _entrywise(
        lambda i, j, lam, th: _delta(j, th) * XtB[i, lam] + _delta(i, th) * BX[lam, j], (r, r), X
    )
    return printed, numerical_jacobian(lambda V: V.T @ B @ V, X)


def _eq80(rng):
    p, r = _sizes(rng, 2)
    X, B = _normal(rng, p, r), _normal(rng, p, p)
    printed = _columns(
        lambda lam, th: (
            X.T @ B @ _single_entry((p, r), lam, th) + _single_entry((r, p), th, lam) @ B @ X
        ),
        X,
    )
    return printed, numerical_jacobian(lambda V: V.T @ B @ V, X)


def _eq81(rng):
    (p,) = _sizes(rng, 1)
    x, B = _normal(rng, p), _normal(rng, p, p)
    return (B + B.T) @ x, _gradient(lambda v: v @ B @ v, x)


def _eq82(rng):
    p, r = _sizes(rng, 2)
    X, b, c, C = _normal(rng, p, r), _normal(rng, r), _normal(rng, r), _normal(rng, p, p)
    printed = C.T @ X @ np.outer(b, c) + C @ X @ np.outer(c, b)
    return printed, _gradient(lambda V: b @ V.T @ C @ V @ c, X)


def _eq83(rng):
    p, r = _sizes(rng, 2)
    X, b, c, C = _normal(rng, p, r), _normal(rng, r), _normal(rng, p), _normal(rng, p, p)
    printed = np.outer((C + C.T) @ (X @ b + c), b)
    return printed, _gradient(lambda V: (V @ b + c) @ C @ (V @ b + c), X)


def _weighted(rng):
    """Inputs of eqs 84-88: a symmetric weight C (the book assumes it), A: s × p."""
    p, s = _sizes(rng, 2)
    return _normal(rng, p), _normal(rng, s), _normal(rng, s, p), _symmetric(rng, s)


def _eq84(rng):
    x, a, A, C = _weighted(rng)
    printed = -2 * A.T @ C @ (a - A @ x)
    return printed, _gradient(lambda v: (a - A @ v) @ C @ (a - A @ v), x)


def _eq85(rng):
    _, a, _, C = _weighted(rng)
    x = _normal(rng, a.size)
    return 2 * C @ (x - a), _gradient(lambda v: (v - a) @ C @ (v - a), x)


def _eq86(rng):
    _, a, _, C = _weighted(rng)
    x = _normal(rng, a.size)
    return -2 * C @ (a - x), _gradient(lambda v: (a - v) @ C @ (a - v), x)


def _eq87(rng):
    a, x, A, C = _weighted(rng)  # here a (length p) is the book's s, x (length s) the variable
    return 2 * C @ (x - A @ a), _gradient(lambda v: (v - A @ a) @ C @ (v - A @ a), x)


def _eq88(rng):
    b, a, X, C = _weighted(rng)  # X: s × p is the variable, b (length p) the book's s
    printed = -2 * np.outer(C @ (a - X @ b), b)
    return printed, _gradient(lambda V: (a - V @ b) @ C @ (a - V @ b), X)


def _complex_inputs(rng):
    (p,) = _sizes(rng, 1)
    x = _normal(rng, p) + 1j * _normal(rng, p)
    b = _normal(rng, p) + 1j * _normal(rng, p)
    upsilon = complex(rng.standard_normal(), rng.standard_normal())
    return x, b, upsilon


def _complex_gradient(g, x):
    """The book's complex gradient (§4.1), ∂g/∂Re x + i ∂g/∂Im x, by central differences.

    g may be complex-valued: its real and imaginary parts are differentiated separately.
    """
    parts = []
    for part in (np.real, np.imag):
        d_re = _gradient(lambda u, part=part: float(part(g(u + 1j * x.imag))), x.real)
        d_im = _gradient(lambda u, part=part: float(part(g(x.real + 1j * u))), x.imag)
        parts.append((d_re, d_im))
    (re_by_re, re_by_im), (im_by_re, im_by_im) = parts
    by_re = re_by_re + 1j * im_by_re
    by_im = re_by_im + 1j * im_by_im
    return by_re + 1j * by_im


def _as_real(z):
    return np.concatenate([np.real(z), np.imag(z)])


def _eq89_printed_rhs(x, b, upsilon):
    return -2 * b * np.conj(upsilon - np.conj(x) @ b)


def _eq89(rng):
    """The literal square (υ − xᴴb)², differentiated by the book's complex gradient."""
    x, b, upsilon = _complex_inputs(rng)
    true = _complex_gradient(lambda v: (upsilon - np.conj(v) @ b) ** 2, x)
    return _as_real(_eq89_printed_rhs(x, b, upsilon)), _as_real(true)


def _eq89_modulus(rng):
    """The squared modulus |υ − xᴴb|² (what the LMS algorithm minimises), same gradient."""
    x, b, upsilon = _complex_inputs(rng)
    true = _complex_gradient(lambda v: abs(upsilon - np.conj(v) @ b) ** 2, x)
    return _as_real(_eq89_printed_rhs(x, b, upsilon)), _as_real(true)


# --- 2.4.3 Higher-order and non-linear --------------------------------------------------------
def _power_inputs(rng):
    (n,) = _sizes(rng, 1)
    k_bar = int(rng.integers(1, 5))
    return _normal(rng, n, n) / np.sqrt(n), k_bar


def _eq90(rng):
    X, k_bar = _power_inputs(rng)
    printed = _columns(
        lambda lam, th: sum(
            _power(X, k) @ _single_entry(X.shape, lam, th) @ _power(X, k_bar - 1 - k)
            for k in range(k_bar)
        ),
        X,
    )
    return printed, numerical_jacobian(lambda V: _power(V, k_bar), X)


def _eq91(rng):
    X, k_bar = _power_inputs(rng)
    a, b = _normal(rng, len(X)), _normal(rng, len(X))
    printed = sum(
        _power(X, k).T @ np.outer(a, b) @ _power(X, k_bar - 1 - k).T for k in range(k_bar)
    )
    return printed, _gradient(lambda V: a @ _power(V, k_bar) @ b, X)


def _eq92_inputs(rng):
    X, k_bar = _power_inputs(rng)
    return X, k_bar, _normal(rng, len(X)), _normal(rng, len(X))


def _eq92_true(X, k_bar, a, b):
    return _gradient(lambda V: a @ _power(V, k_bar).T @ _power(V, k_bar) @ b, X)


def _eq92(rng):
    X, k_bar, a, b = _eq92_inputs(rng)
    Xk = _power(X, k_bar)
    printed = sum(
        _power(X, k_bar - 1 - k) @ np.outer(a, b) @ Xk.T @ _power(X, k)
        + _power(X, k).T @ Xk @ np.outer(a, b) @ _power(X, k_bar - 1 - k).T
        for k in range(k_bar)
    )
    return printed, _eq92_true(X, k_bar, a, b)


def _eq92_corrected(rng):
    X, k_bar, a, b = _eq92_inputs(rng)
    Xk = _power(X, k_bar)
    corrected = sum(
        _power(X, k).T @ Xk @ (np.outer(a, b) + np.outer(b, a)) @ _power(X, k_bar - 1 - k).T
        for k in range(k_bar)
    )
    return corrected, _eq92_true(X, k_bar, a, b)


def _eq93(rng):
    """Φ(x) = tanh(Px), Ψ(x) = sin(Qx): two non-linear vector functions of x, and A constant."""
    p, s, t = _sizes(rng, 3)
    x, P, Q, A = _normal(rng, p), _normal(rng, s, p), _normal(rng, t, p), _normal(rng, s, t)
    Phi, Psi = np.tanh(P @ x), np.sin(Q @ x)
    d_Phi = (1 - Phi**2)[:, None] * P  # [∂Φ_i/∂x_j], the book's layout for ∂(vector)/∂(vector)
    d_Psi = np.cos(Q @ x)[:, None] * Q
    printed = d_Phi.T @ A @ Psi + d_Psi.T @ A.T @ Phi
    return printed, _gradient(lambda v: np.tanh(P @ v) @ A @ np.sin(Q @ v), x)


def _rayleigh_inputs(rng, square_B):
    p, s, t = _sizes(rng, 3)
    x, A = _normal(rng, p), _normal(rng, s, p)
    B = _normal(rng, p, p) if square_B else _normal(rng, t, p)
    return x, A, B


def _eq94(rng):
    x, A, B = _rayleigh_inputs(rng, square_B=False)
    as_written = _gradient(lambda v: (A @ v) @ (A @ v) / ((B @ v) @ (B @ v)), x)
    rewritten = _gradient(lambda v: v @ A.T @ A @ v / (v @ B.T @ B @ v), x)
    return rewritten, as_written


def _rayleigh_rhs(x, A, B, middle):
    """2AᵀAx/(xᵀ·middle·x) − 2 (xᵀAᵀAx) BᵀBx/(xᵀBᵀBx)²."""
    num, den = x @ A.T @ A @ x, x @ B.T @ B @ x
    return 2 * A.T @ A @ x / (x @ middle @ x) - 2 * num * B.T @ B @ x / den**2


def _eq95(rng):
    x, A, B = _rayleigh_inputs(rng, square_B=True)  # B B needs a square B
    true = _gradient(lambda v: v @ A.T @ A @ v / (v @ B.T @ B @ v), x)
    return _rayleigh_rhs(x, A, B, B @ B), true


def _eq95_corrected(rng):
    x, A, B = _rayleigh_inputs(rng, square_B=False)
    true = _gradient(lambda v: v @ A.T @ A @ v / (v @ B.T @ B @ v), x)
    return _rayleigh_rhs(x, A, B, B.T @ B), true


# --- 2.4.4 Gradient and Hessian ---------------------------------------------------------------
def _quadratic_inputs(rng):
    (p,) = _sizes(rng, 1)
    return _normal(rng, p), _normal(rng, p, p), _normal(rng, p)


def _eq97(rng):
    x, A, b = _quadratic_inputs(rng)
    return (A + A.T) @ x + b, _gradient(lambda v: v @ A @ v + b @ v, x)


def _eq98(rng):
    x, A, b = _quadratic_inputs(rng)
    # The true Hessian: central differences of the true gradient (itself by differences of f),
    # taken as a Jacobian of a gradient, so the formula's (A + Aᵀ) is never used.
    hessian = numerical_jacobian(lambda v: _gradient(lambda u: u @ A @ u + b @ u, v), x)
    return A + A.T, hessian


EQUATIONS: list[Equation] = [
    # 2.4.1 First Order
    Equation(
        69, FIRST,
        r"\frac{\partial x^\top a}{\partial x} = \frac{\partial a^\top x}{\partial x} = a",
        RIGHT, entries=("forms.xa", "forms.ax"), printed_value=_eq69,
    ),
    Equation(
        70, FIRST, r"\frac{\partial a^\top X b}{\partial X} = a b^\top",
        RIGHT, entries=("forms.aXb",), printed_value=_eq70,
    ),
    Equation(
        71, FIRST, r"\frac{\partial a^\top X^\top b}{\partial X} = b a^\top",
        RIGHT, entries=("forms.aXtb",), printed_value=_eq71,
    ),
    Equation(
        72, FIRST,
        r"\frac{\partial a^\top X a}{\partial X} = \frac{\partial a^\top X^\top a}{\partial X}"
        r" = a a^\top",
        RIGHT, entries=("forms.aXa",), printed_value=_eq72,
    ),
    Equation(
        73, FIRST, r"\frac{\partial X}{\partial X_{\lambda\theta}} = \mathcal{J}^{\lambda\theta}",
        RIGHT, entries=("matrix_valued.X",),
        reading="𝒥^{λθ} is the book's single-entry matrix J^{ij} (1 at (λ, θ), 0 elsewhere). "
        + RENAMED_ENTRY,
        printed_value=_eq73,
    ),
    Equation(
        74, FIRST,
        r"\frac{\partial (XA)_{ij}}{\partial X_{\lambda\theta}} = \delta_{i\lambda} A_{\theta j}"
        r" = (\mathcal{J}^{\lambda\theta} A)_{ij}",
        RIGHT, entries=("matrix_valued.XA",),
        reading="Both printed forms are checked, entry by entry. " + RENAMED_ENTRY,
        printed_value=_eq74,
    ),
    Equation(
        75, FIRST,
        r"\frac{\partial (X^\top A)_{ij}}{\partial X_{\lambda\theta}}"
        r" = \delta_{i\theta} A_{\lambda j}"
        r" = (\mathcal{J}^{\theta\lambda} A)_{ij}",
        RIGHT, entries=("matrix_valued.XtA",),
        reading="Both printed forms are checked, entry by entry; 𝒥^{θλ} has the shape of Xᵀ. "
        + RENAMED_ENTRY,
        printed_value=_eq75,
    ),
    # 2.4.2 Second Order
    Equation(
        76, SECOND,
        r"\frac{\partial}{\partial X_{\lambda\theta}} \sum_{ijkl} X_{ij} X_{kl}"
        r" = 2 \sum_{ij} X_{ij}",
        RIGHT, entries=("forms.sum_squared",),
        reading="The quadruple sum is (Σ_ij X_ij)², so the right side is the same number for"
        " every entry (λ, θ). " + RENAMED_ENTRY,
        printed_value=_eq76,
    ),
    Equation(
        77, SECOND, r"\frac{\partial b^\top X^\top X c}{\partial X} = X (b c^\top + c b^\top)",
        RIGHT, entries=("forms.aXtXb",), printed_value=_eq77,
    ),
    Equation(
        78, SECOND,
        r"\begin{aligned}&\frac{\partial (Ax + b)^\top C (Bx + e)}{\partial x} \\"
        r"&\quad = A^\top C (Bx + e) + B^\top C^\top (Ax + b)\end{aligned}",
        RIGHT, entries=("forms.affine",),
        reading="The book's (Bx + b)ᵀC(Dx + d) is written (Ax + b)ᵀC(Bx + e): on this site D is"
        " only the product WX and d only a differential.",
        printed_value=_eq78,
    ),
    Equation(
        79, SECOND,
        r"\frac{\partial (X^\top B X)_{ij}}{\partial X_{\lambda\theta}}"
        r" = \delta_{j\theta} (X^\top B)_{i\lambda} + \delta_{i\theta} (BX)_{\lambda j}",
        RIGHT, entries=("matrix_valued.XtBX",),
        reading=RENAMED_ENTRY, printed_value=_eq79,
    ),
    Equation(
        80, SECOND,
        r"\frac{\partial (X^\top B X)}{\partial X_{\lambda\theta}}"
        r" = X^\top B \mathcal{J}^{\lambda\theta} + \mathcal{J}^{\theta\lambda} B X",
        RIGHT, entries=("matrix_valued.XtBX",),
        reading="𝒥 is the book's single-entry matrix J, of the shape of X (𝒥^{λθ}) or of Xᵀ"
        " (𝒥^{θλ}). " + RENAMED_ENTRY,
        printed_value=_eq80,
    ),
    Equation(
        81, SECOND, r"\frac{\partial x^\top B x}{\partial x} = (B + B^\top) x",
        RIGHT, entries=("forms.xAx",), printed_value=_eq81,
    ),
    Equation(
        82, SECOND,
        r"\frac{\partial b^\top X^\top C X c}{\partial X} = C^\top X b c^\top + C X c b^\top",
        RIGHT, entries=("forms.bXtCXc",),
        reading="The book's D is written C (on this site D is only the product WX).",
        printed_value=_eq82,
    ),
    Equation(
        83, SECOND,
        r"\frac{\partial (Xb + c)^\top C (Xb + c)}{\partial X} = (C + C^\top)(Xb + c)\, b^\top",
        RIGHT, entries=("forms.Xbc_quadratic",),
        reading="The book's D is written C (on this site D is only the product WX).",
        printed_value=_eq83,
    ),
    Equation(
        84, SECOND,
        r"\frac{\partial (a - Ax)^\top C (a - Ax)}{\partial x} = -2 A^\top C (a - Ax)",
        RIGHT, entries=("forms.weighted_residual",),
        reading="The book assumes its weight W symmetric for eqs 84-88; it is written C, its"
        " variable s is x and its x is a (on this site W is a layer's weights).",
        printed_value=_eq84,
    ),
    Equation(
        85, SECOND,
        r"\frac{\partial (x - a)^\top C (x - a)}{\partial x} = 2 C (x - a)",
        RIGHT, entries=("forms.weighted_distance",),
        reading="The book's symmetric W is written C and its s is a.",
        printed_value=_eq85,
    ),
    Equation(
        86, SECOND,
        r"\frac{\partial (a - x)^\top C (a - x)}{\partial x} = -2 C (a - x)",
        RIGHT, entries=("forms.weighted_distance",),
        reading="The book's symmetric W is written C; its variable s is x and its x is a.",
        printed_value=_eq86,
    ),
    Equation(
        87, SECOND,
        r"\frac{\partial (x - Aa)^\top C (x - Aa)}{\partial x} = 2 C (x - Aa)",
        RIGHT, entries=("forms.weighted_distance",),
        reading="The book's symmetric W is written C and its s is a; Aa is a constant vector,"
        " so forms.weighted_distance checks it.",
        printed_value=_eq87,
    ),
    Equation(
        88, SECOND,
        r"\frac{\partial (a - Xb)^\top C (a - Xb)}{\partial X} = -2 C (a - Xb)\, b^\top",
        RIGHT, entries=("forms.Xbc_quadratic",),
        reading="The book's symmetric W is written C, its variable A is X, its x is a and its s"
        " is b; forms.Xbc_quadratic checks it with c = −a.",
        printed_value=_eq88,
    ),
    Equation(
        89, SECOND,
        r"\frac{\partial (\upsilon - x^{\mathrm{H}} b)^2}{\partial x}"
        r" = -2 b\, \overline{(\upsilon - x^{\mathrm{H}} b)}",
        WRONG, entries=("forms.lms",),
        reading="x and b are complex vectors, υ (the book's a) a complex number, ᴴ the conjugate"
        " transpose. The book does not say which complex derivative it means; read with the"
        " complex gradient of its §4.1, ∂/∂Re x + i ∂/∂Im x, the true value of the literal"
        " square is −4b(υ − xᴴb). Its other two derivatives miss too: ∂/∂x gives 0 (the square"
        " depends on x only through its conjugate) and ∂/∂x̄ gives −2b(υ − xᴴb), without the"
        " conjugate. The printed right side is the complex gradient of the squared modulus"
        " |υ − xᴴb|², the cost of the LMS algorithm the book names."
        " The catalogue entry holds the real case, where the two agree; the complex"
        " statements are checked here, on real and imaginary parts by central differences.",
        correction=r"\nabla_x \lvert \upsilon - x^{\mathrm{H}} b \rvert^2"
        r" = -2 b\, \overline{(\upsilon - x^{\mathrm{H}} b)}",
        condition="(·)² is a squared modulus |·|², and ∂/∂x the complex gradient (§4.1)",
        printed_value=_eq89,
        under=_eq89_modulus,
    ),
    # 2.4.3 Higher-order and non-linear
    Equation(
        90, HIGHER,
        r"\frac{\partial (X^{\bar{k}})_{ij}}{\partial X_{\lambda\theta}}"
        r" = \sum_{k=0}^{\bar{k}-1} (X^k \mathcal{J}^{\lambda\theta} X^{\bar{k}-1-k})_{ij}",
        RIGHT, entries=("matrix_valued.cube",),
        reading="The book's power n is k̄ and its summation index r is k. Checked for k̄ = 1 to 4"
        " here; the catalogue entry holds k̄ = 3. " + RENAMED_ENTRY,
        printed_value=_eq90,
    ),
    Equation(
        91, HIGHER,
        r"\frac{\partial a^\top X^{\bar{k}} b}{\partial X}"
        r" = \sum_{k=0}^{\bar{k}-1} (X^k)^\top a b^\top (X^{\bar{k}-1-k})^\top",
        RIGHT, entries=("forms.aXkb",),
        reading="The book's power n is k̄ and its summation index r is k; checked for k̄ = 1 to 4"
        " (the catalogue entry holds k̄ = 3).",
        printed_value=_eq91,
    ),
    Equation(
        92, HIGHER,
        r"\begin{aligned}&\frac{\partial a^\top (X^{\bar{k}})^\top X^{\bar{k}} b}{\partial X} \\"
        r"&\quad = \sum_{k=0}^{\bar{k}-1} \Big[X^{\bar{k}-1-k} a b^\top (X^{\bar{k}})^\top X^k \\"
        r"&\qquad + (X^k)^\top X^{\bar{k}} a b^\top (X^{\bar{k}-1-k})^\top\Big]\end{aligned}",
        WRONG, entries=("forms.aXktXkb",),
        reading="The book's power n is k̄ and its summation index r is k. The first term of the"
        " bracket is the transpose of the right one, with a and b swapped: f is"
        " (X^k̄ a)ᵀ(X^k̄ b), symmetric in a and b, and so must its gradient be; the printed"
        " form is not. Already wrong at k̄ = 1, where it gives abᵀXᵀ + Xabᵀ instead of"
        " X(abᵀ + baᵀ) (eq 77).",
        correction=r"\begin{aligned}&\frac{\partial a^\top (X^{\bar{k}})^\top X^{\bar{k}} b}"
        r"{\partial X} \\&\quad = \sum_{k=0}^{\bar{k}-1} (X^k)^\top X^{\bar{k}}"
        r" (a b^\top + b a^\top) (X^{\bar{k}-1-k})^\top\end{aligned}",
        condition="the first term's transpose: (X^k)ᵀ X^k̄ b aᵀ (X^{k̄−1−k})ᵀ",
        printed_value=_eq92,
        under=_eq92_corrected,
    ),
    Equation(
        93, HIGHER,
        r"\frac{\partial\, \Phi^\top A \Psi}{\partial x}"
        r" = \Big[\frac{\partial \Phi}{\partial x}\Big]^\top A \Psi"
        r" + \Big[\frac{\partial \Psi}{\partial x}\Big]^\top A^\top \Phi",
        RIGHT, entries=("forms.affine",),
        reading="Φ(x) and Ψ(x) are the book's vector functions s(x) and r(x); ∂Φ/∂x is the"
        " book's [∂Φ_i/∂x_j] (numerator layout), so the transposes make the result a column."
        " Checked here with non-linear Φ = tanh(Px), Ψ = sin(Qx); the catalogue's affine"
        " entry checks the case Φ, Ψ affine (the book's eq 78).",
        printed_value=_eq93,
    ),
    Equation(
        94, HIGHER,
        r"\frac{\partial}{\partial x} \frac{(Ax)^\top (Ax)}{(Bx)^\top (Bx)}"
        r" = \frac{\partial}{\partial x} \frac{x^\top A^\top A x}{x^\top B^\top B x}",
        RIGHT, entries=("forms.rayleigh_AB",),
        reading="A rewriting of the quotient before differentiating: both sides are"
        " differentiated by central differences and compared.",
        printed_value=_eq94,
    ),
    Equation(
        95, HIGHER,
        r"\begin{aligned}&\frac{\partial}{\partial x} \frac{x^\top A^\top A x}{x^\top B^\top B x}"
        r" \\&\quad = 2 \frac{A^\top A x}{x^\top B B x}"
        r" - 2 \frac{x^\top A^\top A x\, B^\top B x}{(x^\top B^\top B x)^2}\end{aligned}",
        WRONG, entries=("forms.rayleigh_AB",),
        reading="The first denominator is printed xᵀBBx, not xᵀBᵀBx; read literally (it needs"
        " a square B) it is a different number unless B is symmetric, which the book does not"
        " assume (the second term has BᵀB).",
        correction=r"\begin{aligned}&\frac{\partial}{\partial x}"
        r" \frac{x^\top A^\top A x}{x^\top B^\top B x} \\&\quad = 2 \frac{A^\top A x}"
        r"{x^\top B^\top B x} - 2 \frac{x^\top A^\top A x\, B^\top B x}"
        r"{(x^\top B^\top B x)^2}\end{aligned}",
        condition="xᵀBᵀBx in the first denominator (the printed xᵀBBx is right only for a"
        " symmetric B)",
        printed_value=_eq95,
        under=_eq95_corrected,
    ),
    # 2.4.4 Gradient and Hessian
    Equation(
        96, HESSIAN, r"f = x^\top A x + b^\top x",
        NOT_A_DERIVATIVE,
        reading="The definition of the f that eqs 97 and 98 differentiate.",
    ),
    Equation(
        97, HESSIAN,
        r"\nabla_x f = \frac{\partial f}{\partial x} = (A + A^\top) x + b",
        RIGHT, entries=("forms.xAx", "forms.ax"),
        reading="f = xᵀAx + bᵀx (eq 96): the gradient is the sum of the two catalogue entries'.",
        printed_value=_eq97,
    ),
    Equation(
        98, HESSIAN, r"\frac{\partial^2 f}{\partial x \partial x^\top} = A + A^\top",
        RIGHT, entries=("hessians.xAx",),
        reading="The Hessian of f = xᵀAx + bᵀx (eq 96); the true one here is the Jacobian of"
        " the gradient, both by central differences.",
        printed_value=_eq98,
    ),
]  # fmt: skip
