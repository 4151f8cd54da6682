"""The Matrix Cookbook (2012), equations 32-68: rules, determinants, inverses, eigenvalues.

Site machinery: records of snippets/catalog/cookbook.py; they import the site's own modules,
so they do not run alone.

Sections 2 (the opening assumption and the rules for differentials), 2.1 (derivatives of a
determinant), 2.2 (of an inverse) and 2.3 (of eigenvalues). Each record's `printed_value`
evaluates the formula as printed, literally, and beside it the true value computed without the
formula: central differences of the function itself (along a random direction dX for the
rules, which are statements about differentials; entry by entry for a gradient), or the exact
derivative of a polynomial found by interpolation (equations 46 and 48).

Numbering. The 2012 edition numbers each line of a display; the SymPy anchors 33 and 61-64 fix
the count. The display of the vector forms after (32) and the unnamed-function rule
∂J/∂A = −A⁻ᵀ (∂J/∂W) A⁻ᵀ after (64) carry no number.
"""

import numpy as np

from snippets import gradcheck
from snippets.catalog.cookbook import NEEDS_CONDITION, NOT_A_DERIVATIVE, RIGHT, Equation
from snippets.catalog.determinants import full_rank, invertible
from snippets.catalog.eigenvalues import symmetric_distinct

#: Step of the central differences. The functions are smooth and their inputs well conditioned
#: (singular values in [1, 2]), so the error, h² |f'''| + ε |f| / h, sits near 1e-10: a
#: thousand times below cookbook.AGREE.
STEP = 1e-5

RULES = "2 Derivatives (the basic assumption and rules)"
GENERAL = "2.1.1 Derivatives of a determinant: general form"
LINEAR = "2.1.2 Derivatives of a determinant: linear forms"
SQUARE = "2.1.3 Derivatives of a determinant: square forms"
NONLINEAR = "2.1.4 Derivatives of a determinant: other nonlinear forms"
INVERSE = "2.2 Derivatives of an inverse"
EIGEN = "2.3 Derivatives of eigenvalues"


# --- how the truth is computed --------------------------------------------------------------


def directional(F, dX, *X):
    """(F(X + h dX) − F(X − h dX)) / 2h: the differential of F at X along dX, numerically.

    With several arguments, X and dX are tuples and each argument moves along its own direction.
    """
    up = F(*(x + STEP * d for x, d in zip(X, dX, strict=True)))
    down = F(*(x - STEP * d for x, d in zip(X, dX, strict=True)))
    return (np.asarray(up) - np.asarray(down)) / (2 * STEP)


def numerical_gradient(f, X):
    """The matrix of ∂f/∂X_ij by central differences, one entry at a time (the shape of X)."""
    G = np.zeros(X.shape)
    for index in np.ndindex(X.shape):
        E = np.zeros(X.shape)
        E[index] = 1.0
        G[index] = directional(f, (E,), X)
    return G


def polynomial_derivatives(f, x0, degree, radius=1.0):
    """(f'(x0), f''(x0)) for a polynomial f of at most `degree`, exactly up to rounding.

    f is sampled at degree + 1 points within `radius` of x0 and interpolated; the interpolant is
    f itself, so its derivatives are f's, with no step to choose.
    """
    points = x0 + radius * np.cos(np.pi * (np.arange(degree + 1) + 0.5) / (degree + 1))
    values = [f(x) for x in points]
    poly = np.polynomial.Polynomial.fit(points, values, degree)
    return poly.deriv(1)(x0), poly.deriv(2)(x0)


def _sign(rng):
    """+1 or −1 at random: both signs of a determinant are drawn."""
    return int(rng.choice([-1, 1]))


def _curve(rng, n):
    """Y(x) = Y₀ + x Y₁ + x² Y₂, a matrix function of a scalar x, and Y'(x), Y''(x)."""
    Y0 = invertible(rng, n, _sign(rng))
    Y1, Y2 = 0.3 * rng.standard_normal((2, n, n))
    return (
        lambda x: Y0 + x * Y1 + x**2 * Y2,
        lambda x: Y1 + 2 * x * Y2,
        lambda x: 2 * Y2,
    )


def adjugate(X):
    """adj(X): the transposed matrix of cofactors, from minors (defined for singular X too)."""
    n = len(X)
    cofactors = np.empty_like(X)
    for i in range(n):
        for j in range(n):
            minor = np.delete(np.delete(X, i, axis=0), j, axis=1)
            cofactors[i, j] = (-1) ** (i + j) * np.linalg.det(minor)
    return cofactors.T


def eigenpairs(A):
    """Eigenvalues in ascending order and unit eigenvectors of a (nearly) symmetric matrix.

    np.linalg.eig reads the whole matrix (eigh would read one triangle), so a non-symmetric
    direction dA moves these as it moves A.
    """
    values, vectors = np.linalg.eig(A)
    order = np.argsort(values.real)
    return values.real[order], vectors.real[:, order]


# --- 2: the basic assumption and the rules for differentials (32-45) ------------------------


def _rule(rng, F, dF, shapes):
    """(the printed differential dF(X, dX), the directional difference of F along dX)."""
    X = tuple(rng.standard_normal(s) for s in shapes)
    dX = tuple(rng.standard_normal(s) for s in shapes)
    return dF(*X, *dX), directional(F, dX, *X)


def _p33(rng):
    A = rng.standard_normal((3, 4))
    return _rule(rng, lambda X: A + 0 * X, lambda X, dX: np.zeros_like(A), [(3, 4)])


def _p34(rng):
    alpha = rng.standard_normal()
    return _rule(rng, lambda X: alpha * X, lambda X, dX: alpha * dX, [(3, 4)])


def _p35(rng):
    return _rule(rng, lambda X, Y: X + Y, lambda X, Y, dX, dY: dX + dY, [(3, 4), (3, 4)])


def _p36(rng):
    return _rule(rng, np.trace, lambda X, dX: np.trace(dX), [(4, 4)])


def _p37(rng):
    return _rule(rng, lambda X, Y: X @ Y, lambda X, Y, dX, dY: dX @ Y + X @ dY, [(3, 4), (4, 5)])


def _p38(rng):
    return _rule(rng, lambda X, Y: X * Y, lambda X, Y, dX, dY: dX * Y + X * dY, [(3, 4), (3, 4)])


def _p39(rng):
    return _rule(
        rng,
        np.kron,
        lambda X, Y, dX, dY: np.kron(dX, Y) + np.kron(X, dY),
        [(2, 3), (3, 2)],
    )


def _p40(rng):
    X, dX = invertible(rng, 4, _sign(rng)), rng.standard_normal((4, 4))
    Y = np.linalg.inv(X)
    return -Y @ dX @ Y, directional(np.linalg.inv, (dX,), X)


def _p41(rng):
    """On a singular X (rank n − 1), where only the adjugate form can be evaluated."""
    X, dX = full_rank(rng, 4, 3) @ full_rank(rng, 3, 4), rng.standard_normal((4, 4))
    return np.trace(adjugate(X) @ dX), _det_along(X, dX)


def _det_along(X, dX):
    """d det X along dX, exactly: det(X + τ dX) is a polynomial of degree n in τ."""
    return polynomial_derivatives(lambda t: np.linalg.det(X + t * dX), 0.0, len(X), 0.1)[0]


def _p42(rng):
    X, dX = invertible(rng, 4, _sign(rng)), rng.standard_normal((4, 4))
    printed = np.linalg.det(X) * np.trace(np.linalg.inv(X) @ dX)
    return printed, _det_along(X, dX)


def _p43(rng):
    """ln det X where det X > 0; where det X < 0, ln |det X| (the reading the record states)."""
    X, dX = invertible(rng, 4, _sign(rng)), rng.standard_normal((4, 4))
    printed = np.trace(np.linalg.inv(X) @ dX)
    return printed, _det_along(X, dX) / np.linalg.det(X)  # d ln|u| = du / u


def _p44(rng):
    return _rule(rng, np.transpose, lambda X, dX: dX.T, [(3, 4)])


def _p45(rng):
    """Complex X and dX; the step along dX is real. Real and imaginary parts stacked."""
    X = rng.standard_normal((3, 4)) + 1j * rng.standard_normal((3, 4))
    dX = rng.standard_normal((3, 4)) + 1j * rng.standard_normal((3, 4))
    true = directional(lambda M: M.conj().T, (dX,), X)
    printed = dX.conj().T
    return np.stack([printed.real, printed.imag]), np.stack([true.real, true.imag])


# --- 2.1 determinants (46-58) ---------------------------------------------------------------


def _p46(rng):
    Y, dY, _ = _curve(rng, 3)
    x0 = rng.uniform(-0.2, 0.2)
    printed = np.linalg.det(Y(x0)) * np.trace(np.linalg.inv(Y(x0)) @ dY(x0))
    first, _ = polynomial_derivatives(lambda x: np.linalg.det(Y(x)), x0, 6)
    return printed, first


def _cofactor_sum(rng):
    """Σ_k (∂ det X/∂X_ik) X_jk with the gradient by differences, against δ_ij det X."""
    X = invertible(rng, 4, _sign(rng))
    return numerical_gradient(np.linalg.det, X) @ X.T, np.linalg.det(X) * np.eye(4)


def _p48(rng):
    Y, dY, ddY = _curve(rng, 3)
    x0 = rng.uniform(-0.2, 0.2)
    Yinv = np.linalg.inv(Y(x0))
    P = Yinv @ dY(x0)
    printed = np.linalg.det(Y(x0)) * (
        np.trace(Yinv @ ddY(x0)) + np.trace(P) * np.trace(P) - np.trace(P @ P)
    )
    _, second = polynomial_derivatives(lambda x: np.linalg.det(Y(x)), x0, 6)
    return printed, second


def _p49(rng):
    X = invertible(rng, 4, _sign(rng))
    return np.linalg.det(X) * np.linalg.inv(X).T, numerical_gradient(np.linalg.det, X)


def _det_AXB(A, X, B):
    """(the printed (51): det(AXB) X⁻ᵀ, the true gradient by differences)."""
    printed = np.linalg.det(A @ X @ B) * np.linalg.inv(X).T
    return printed, numerical_gradient(lambda M: np.linalg.det(A @ M @ B), X)


def _p51(rng):
    """A: 3 × 4, X: 4 × 4 invertible (so X⁻¹ exists), B: 4 × 3: AXB is 3 × 3 and invertible."""
    return _det_AXB(full_rank(rng, 3, 4), invertible(rng, 4, _sign(rng)), full_rank(rng, 4, 3))


def _u51(rng):
    """The condition: A and B square (here invertible, of either determinant sign)."""
    A, X, B = (invertible(rng, 4, _sign(rng)) for _ in range(3))
    return _det_AXB(A, X, B)


def _f_det_XtAX(A):
    return lambda X: np.linalg.det(X.T @ A @ X)


def _p52(rng):
    """X square and invertible, A any square matrix (not symmetric)."""
    X, A = invertible(rng, 4, _sign(rng)), rng.standard_normal((4, 4))
    printed = 2 * np.linalg.det(X.T @ A @ X) * np.linalg.inv(X).T
    return printed, numerical_gradient(_f_det_XtAX(A), X)


def _p53(rng):
    """X: 5 × 3, A symmetric and indefinite."""
    X, S = full_rank(rng, 5, 3), invertible(rng, 5, _sign(rng))
    A = S + S.T
    M = X.T @ A @ X
    printed = 2 * np.linalg.det(M) * A @ X @ np.linalg.inv(M)
    return printed, numerical_gradient(_f_det_XtAX(A), X)


def _p54(rng):
    """X: 5 × 3, A general (its symmetric part indefinite too)."""
    X, A = full_rank(rng, 5, 3), invertible(rng, 5, _sign(rng)) + rng.standard_normal((5, 5))
    M = X.T @ A @ X
    printed = np.linalg.det(M) * (A @ X @ np.linalg.inv(M) + A.T @ X @ np.linalg.inv(X.T @ A.T @ X))
    return printed, numerical_gradient(_f_det_XtAX(A), X)


def _p55(rng):
    X = full_rank(rng, 5, 3)
    printed = 2 * np.linalg.pinv(X).T
    return printed, numerical_gradient(lambda M: np.log(np.linalg.det(M.T @ M)), X)


def _p56(rng):
    """The same function of Z = X⁺ (3 × 5): X = Z⁺, so f(Z) = ln det(Z⁺ᵀ Z⁺)."""
    X = full_rank(rng, 5, 3)
    Z = np.linalg.pinv(X)

    def f(Z):
        W = np.linalg.pinv(Z)
        return np.log(np.linalg.det(W.T @ W))

    return -2 * X.T, numerical_gradient(f, Z)


def _p57(rng):
    X = invertible(rng, 4, _sign(rng))
    return np.linalg.inv(X).T, numerical_gradient(lambda M: np.log(abs(np.linalg.det(M))), X)


def _p58(rng):
    X, k = invertible(rng, 4, _sign(rng)), 3
    printed = k * np.linalg.det(np.linalg.matrix_power(X, k)) * np.linalg.inv(X).T
    # det(X³) has the condition of X cubed: differences of nearby values lose digits, and the
    # checker's complex step takes none.
    true = gradcheck.numerical_gradient(
        lambda M: np.linalg.det(np.linalg.matrix_power(M, k)), X, method="complex"
    )
    return printed, true


# --- 2.2 inverses (59-64) -------------------------------------------------------------------


def _p59(rng):
    Y, dY, _ = _curve(rng, 4)
    x0 = rng.uniform(-0.2, 0.2)
    Yinv = np.linalg.inv(Y(x0))
    true = directional(lambda x: np.linalg.inv(Y(x)), (1.0,), x0)
    return -Yinv @ dY(x0) @ Yinv, true


def _p60(rng):
    """The four-index array T[k, l, i, j] = ∂(X⁻¹)_kl/∂X_ij, one column of differences per X_ij."""
    X = invertible(rng, 4, _sign(rng))
    Y = np.linalg.inv(X)
    T = np.zeros((4, 4, 4, 4))
    for i, j in np.ndindex(4, 4):
        E = np.zeros((4, 4))
        E[i, j] = 1.0
        T[:, :, i, j] = directional(np.linalg.inv, (E,), X)
    return -np.einsum("ki,jl->klij", Y, Y), T


def _p61(rng):
    X, a, b = invertible(rng, 4, _sign(rng)), rng.standard_normal(4), rng.standard_normal(4)
    Xit = np.linalg.inv(X).T
    printed = -Xit @ np.outer(a, b) @ Xit
    return printed, numerical_gradient(lambda M: a @ np.linalg.inv(M) @ b, X)


def _p62(rng):
    X = invertible(rng, 4, _sign(rng))
    Y = np.linalg.inv(X)
    printed = -np.linalg.det(Y) * Y.T
    return printed, numerical_gradient(lambda M: np.linalg.det(np.linalg.inv(M)), X)


def _p63(rng):
    X, A, B = (
        invertible(rng, 4, _sign(rng)),
        rng.standard_normal((3, 4)),
        rng.standard_normal((4, 3)),
    )
    Y = np.linalg.inv(X)
    printed = -(Y @ B @ A @ Y).T
    return printed, numerical_gradient(lambda M: np.trace(A @ np.linalg.inv(M) @ B), X)


def _p64(rng):
    A = rng.standard_normal((4, 4))
    X = invertible(rng, 4, _sign(rng)) - A
    Y = np.linalg.inv(X + A)
    return -(Y @ Y).T, numerical_gradient(lambda M: np.trace(np.linalg.inv(M + A)), X)


# --- 2.3 eigenvalues (65-68) ----------------------------------------------------------------


def _p65(rng):
    """A general X: its eigenvalues may be complex; their sum is real."""
    X = rng.standard_normal((4, 4))
    return np.eye(4), numerical_gradient(lambda M: np.sum(np.linalg.eigvals(M)).real, X)


def _p66(rng):
    X = invertible(rng, 4, _sign(rng))
    printed = np.linalg.det(X) * np.linalg.inv(X).T
    return printed, numerical_gradient(lambda M: np.prod(np.linalg.eigvals(M)).real, X)


def _p67(rng):
    """Symmetric A with distinct eigenvalues; dA any direction (symmetric or not)."""
    A, dA = symmetric_distinct(rng, 4), rng.standard_normal((4, 4))
    _, vectors = eigenpairs(A)
    printed = np.array([v @ dA @ v for v in vectors.T])
    return printed, directional(lambda M: eigenpairs(M)[0], (dA,), A)


def _p68(rng):
    """Every unit eigenvector, its sign held to the one at A; dA any direction. (λI − A)⁺ is
    numpy's pseudo-inverse, singular values below 1e-8 of the largest cut off."""
    A, dA = symmetric_distinct(rng, 4), rng.standard_normal((4, 4))
    values, vectors = eigenpairs(A)

    def aligned(M):
        V = eigenpairs(M)[1]
        return V * np.sign(np.sum(V * vectors, axis=0))

    def pseudo_inverse(M):
        # M is singular by construction; its computed zero singular value (about ε ‖M‖) must
        # be cut off, which numpy's default cutoff (also about ε ‖M‖) does not guarantee.
        return np.linalg.pinv(M, rtol=1e-8, hermitian=True)

    pairs = zip(values, vectors.T, strict=True)
    printed = np.stack([pseudo_inverse(lam * np.eye(4) - A) @ dA @ v for lam, v in pairs], axis=1)
    return printed, directional(aligned, (dA,), A)


# --- the records ----------------------------------------------------------------------------

EQUATIONS: list[Equation] = [
    Equation(
        32,
        RULES,
        r"\frac{\partial X_{kl}}{\partial X_{ij}} = \delta_{ik}\,\delta_{lj}",
        NOT_A_DERIVATIVE,
        reading="The book's basic assumption, not a result: the entries of X are independent "
        "(X has no structure), which every later equation of the chapter takes for granted.",
    ),
    Equation(
        33,
        RULES,
        r"\partial A = 0",
        RIGHT,
        ("matrix_valued.AXB",),
        printed_value=_p33,
        reading="A is a constant: its differential vanishes.",
    ),
    Equation(
        34,
        RULES,
        r"\partial(\alpha X) = \alpha\, \partial X",
        RIGHT,
        ("matrix_valued.AXB",),
        printed_value=_p34,
    ),
    Equation(
        35,
        RULES,
        r"\partial(X + Y) = \partial X + \partial Y",
        RIGHT,
        ("inverses.tr_XplusA_inv",),
        printed_value=_p35,
        reading="X and Y both move, each along its own direction.",
    ),
    Equation(
        36,
        RULES,
        r"\partial \operatorname{Tr}(X) = \operatorname{Tr}(\partial X)",
        RIGHT,
        ("traces.X",),
        printed_value=_p36,
    ),
    Equation(
        37,
        RULES,
        r"\partial(XY) = (\partial X)\, Y + X\, (\partial Y)",
        RIGHT,
        ("matrix_valued.square", "matrix_valued.XtX"),
        printed_value=_p37,
    ),
    Equation(
        38,
        RULES,
        r"\partial(X \circ Y) = (\partial X) \circ Y + X \circ (\partial Y)",
        RIGHT,
        ("matrix_valued.hadamard_square",),
        printed_value=_p38,
    ),
    Equation(
        39,
        RULES,
        r"\partial(X \otimes Y) = (\partial X) \otimes Y + X \otimes (\partial Y)",
        RIGHT,
        ("matrix_valued.kron_XA", "matrix_valued.kron_AX"),
        printed_value=_p39,
    ),
    Equation(
        40,
        RULES,
        r"\partial(X^{-1}) = -X^{-1} (\partial X) X^{-1}",
        RIGHT,
        ("matrix_valued.inv",),
        printed_value=_p40,
    ),
    Equation(
        41,
        RULES,
        r"\partial(\det X) = \operatorname{Tr}(\operatorname{adj}(X)\, \partial X)",
        RIGHT,
        ("determinants.det",),
        printed_value=_p41,
        reading="Checked on singular X (rank n − 1), where the adjugate form is the only "
        "one defined.",
    ),
    Equation(
        42,
        RULES,
        r"\partial(\det X) = \det(X) \operatorname{Tr}(X^{-1} \partial X)",
        RIGHT,
        ("determinants.det",),
        printed_value=_p42,
        reading="X⁻¹ appears, so X is invertible; determinants of both signs are drawn.",
    ),
    Equation(
        43,
        RULES,
        r"\partial(\ln \det X) = \operatorname{Tr}(X^{-1} \partial X)",
        RIGHT,
        ("determinants.logabsdet",),
        printed_value=_p43,
        reading="ln det X is real where det X > 0; where det X < 0 the same differential "
        "holds for ln |det X|, which is how the check reads it.",
    ),
    Equation(
        44,
        RULES,
        r"\partial X^\top = (\partial X)^\top",
        RIGHT,
        ("matrix_valued.transpose",),
        printed_value=_p44,
    ),
    Equation(
        45,
        RULES,
        r"\partial X^{H} = (\partial X)^{H}",
        RIGHT,
        ("matrix_valued.transpose",),
        printed_value=_p45,
        reading="X and dX complex, the step along dX real: the conjugate transpose is "
        "linear over the reals. The catalogue entry checks the real case, Xᴴ = Xᵀ.",
    ),
    Equation(
        46,
        GENERAL,
        r"\frac{\partial \det Y}{\partial x} = \det(Y) \operatorname{Tr}"
        r"\left[Y^{-1} \frac{\partial Y}{\partial x}\right]",
        RIGHT,
        ("determinants.det",),
        printed_value=_p46,
        reading="Y(x) is an invertible matrix function of a scalar x; the check takes Y "
        "quadratic in x, so det Y(x) is a polynomial and its derivative is exact.",
    ),
    Equation(
        47,
        GENERAL,
        r"\sum_k \frac{\partial \det X}{\partial X_{ik}} X_{jk} = \delta_{ij} \det X",
        RIGHT,
        ("determinants.det",),
        printed_value=_cofactor_sum,
        reading="The gradient of det by differences times Xᵀ, against det(X) I.",
    ),
    Equation(
        48,
        GENERAL,
        r"\frac{\partial^2 \det Y}{\partial x^2} = \det(Y) \Big[\operatorname{Tr}"
        r"\big[Y^{-1} \tfrac{\partial^2 Y}{\partial x^2}\big]"
        r" + \operatorname{Tr}\big[Y^{-1} \tfrac{\partial Y}{\partial x}\big]^2"
        r" - \operatorname{Tr}\big[\big(Y^{-1} \tfrac{\partial Y}{\partial x}\big)^2\big]\Big]",
        RIGHT,
        ("determinants.det",),
        printed_value=_p48,
        reading="As (46); the second derivative of the interpolated polynomial det Y(x). No "
        "catalogue entry states a second derivative: the determinant entry checks the first-order "
        "rule this one is built from, and this page checks the second.",
    ),
    Equation(
        49,
        LINEAR,
        r"\frac{\partial \det X}{\partial X} = \det(X)\, (X^{-1})^\top",
        RIGHT,
        ("determinants.det",),
        printed_value=_p49,
    ),
    Equation(
        50,
        LINEAR,
        r"\sum_k \frac{\partial \det X}{\partial X_{ik}} X_{jk} = \delta_{ij} \det X",
        RIGHT,
        ("determinants.det",),
        printed_value=_cofactor_sum,
        reading="(47) printed again.",
    ),
    Equation(
        51,
        LINEAR,
        r"\frac{\partial \det(AXB)}{\partial X} = \det(AXB)\, (X^{-1})^\top"
        r" = \det(AXB)\, (X^\top)^{-1}",
        NEEDS_CONDITION,
        ("determinants.det_AXB",),
        reading="X⁻¹ appears, so X is square and invertible; nothing is said of A and B.",
        correction=r"\frac{\partial \det(AXB)}{\partial X} = \det(AXB)\, A^\top (AXB)^{-\top}"
        r" B^\top",
        condition="A and B square (then det(AXB) = det A det X det B). With A: s × n and "
        "B: n × s for s < n, AXB is still square and invertible but the printed form is wrong; "
        "the corrected form holds for every shape.",
        printed_value=_p51,
        under=_u51,
    ),
    Equation(
        52,
        SQUARE,
        r"\frac{\partial \det(X^\top A X)}{\partial X} = 2 \det(X^\top A X)\, X^{-\top}",
        RIGHT,
        ("determinants.det_XtAX",),
        printed_value=_p52,
        reading="The book's condition: X square and invertible. A need not be symmetric.",
    ),
    Equation(
        53,
        SQUARE,
        r"\frac{\partial \det(X^\top A X)}{\partial X}"
        r" = 2 \det(X^\top A X)\, A X (X^\top A X)^{-1}",
        RIGHT,
        ("determinants.det_XtAX",),
        printed_value=_p53,
        reading="The book's condition: X not square, A symmetric (drawn indefinite).",
    ),
    Equation(
        54,
        SQUARE,
        r"\frac{\partial \det(X^\top A X)}{\partial X} = \det(X^\top A X)"
        r" \big(A X (X^\top A X)^{-1} + A^\top X (X^\top A^\top X)^{-1}\big)",
        RIGHT,
        ("determinants.det_XtAX",),
        printed_value=_p54,
        reading="The book's condition: X not square, A not symmetric.",
    ),
    Equation(
        55,
        NONLINEAR,
        r"\frac{\partial \ln \det(X^\top X)}{\partial X} = 2 (X^{+})^\top",
        RIGHT,
        ("determinants.logdet_XtX",),
        printed_value=_p55,
        reading="X⁺ is the pseudo-inverse; X of full column rank (det(XᵀX) > 0 for the "
        "logarithm). A stray bar after det(XᵀX) in the book is read as a misprint.",
    ),
    Equation(
        56,
        NONLINEAR,
        r"\frac{\partial \ln \det(X^\top X)}{\partial X^{+}} = -2 X^\top",
        RIGHT,
        ("determinants.logdet_XtX", "determinants.det_XXt"),
        printed_value=_p56,
        reading="The function written in Z = X⁺ (X = Z⁺, full rank), differentiated by Z: "
        "ln det(Z⁺ᵀ Z⁺) = −ln det(Z Zᵀ).",
    ),
    Equation(
        57,
        NONLINEAR,
        r"\frac{\partial \ln \lvert\det X\rvert}{\partial X} = (X^{-1})^\top = (X^\top)^{-1}",
        RIGHT,
        ("determinants.logabsdet",),
        printed_value=_p57,
    ),
    Equation(
        58,
        NONLINEAR,
        r"\frac{\partial \det(X^k)}{\partial X} = k \det(X^k)\, X^{-\top}",
        RIGHT,
        ("determinants.det_Xk",),
        printed_value=_p58,
        reading="k a positive integer, checked at k = 3.",
    ),
    Equation(
        59,
        INVERSE,
        r"\frac{\partial Y^{-1}}{\partial x} = -Y^{-1} \frac{\partial Y}{\partial x} Y^{-1}",
        RIGHT,
        ("matrix_valued.inv",),
        printed_value=_p59,
        reading="Y(x) an invertible matrix function of a scalar x.",
    ),
    Equation(
        60,
        INVERSE,
        r"\frac{\partial (X^{-1})_{kl}}{\partial X_{ij}} = -(X^{-1})_{ki} (X^{-1})_{jl}",
        RIGHT,
        ("matrix_valued.inv",),
        printed_value=_p60,
    ),
    Equation(
        61,
        INVERSE,
        r"\frac{\partial a^\top X^{-1} b}{\partial X} = -X^{-\top} a b^\top X^{-\top}",
        RIGHT,
        ("inverses.aXinvb",),
        printed_value=_p61,
    ),
    Equation(
        62,
        INVERSE,
        r"\frac{\partial \det(X^{-1})}{\partial X} = -\det(X^{-1})\, (X^{-1})^\top",
        RIGHT,
        ("determinants.det_inv",),
        printed_value=_p62,
    ),
    Equation(
        63,
        INVERSE,
        r"\frac{\partial \operatorname{Tr}(A X^{-1} B)}{\partial X}"
        r" = -(X^{-1} B A X^{-1})^\top",
        RIGHT,
        ("inverses.tr_AXinvB",),
        printed_value=_p63,
        reading="A: s × n and B: n × s, s ≠ n (the book does not make them square).",
    ),
    Equation(
        64,
        INVERSE,
        r"\frac{\partial \operatorname{Tr}((X + A)^{-1})}{\partial X}"
        r" = -\big((X + A)^{-1} (X + A)^{-1}\big)^\top",
        RIGHT,
        ("inverses.tr_XplusA_inv",),
        printed_value=_p64,
    ),
    Equation(
        65,
        EIGEN,
        r"\frac{\partial}{\partial X} \sum \operatorname{eig}(X)"
        r" = \frac{\partial}{\partial X} \operatorname{Tr}(X) = I",
        RIGHT,
        ("traces.X",),
        printed_value=_p65,
        reading="X general: complex eigenvalues come in conjugate pairs and the sum is real.",
    ),
    Equation(
        66,
        EIGEN,
        r"\frac{\partial}{\partial X} \prod \operatorname{eig}(X)"
        r" = \frac{\partial}{\partial X} \det X = \det(X)\, X^{-\top}",
        RIGHT,
        ("determinants.det",),
        printed_value=_p66,
    ),
    Equation(
        67,
        EIGEN,
        r"\partial \lambda_i = v_i^\top\, \partial(A)\, v_i",
        RIGHT,
        ("eigenvalues.sym",),
        printed_value=_p67,
        reading="The book's conditions: A real symmetric, its eigenvalues distinct, "
        "vᵢᵀvᵢ = 1. Every eigenvalue at once; the direction dA need not be symmetric.",
    ),
    Equation(
        68,
        EIGEN,
        r"\partial v_i = (\lambda_i I - A)^{+}\, \partial(A)\, v_i",
        RIGHT,
        ("eigenvalues.sym_vector",),
        printed_value=_p68,
        reading="As (67), each unit eigenvector's sign held fixed; (λᵢI − A)⁺ is the "
        "pseudo-inverse.",
    ),
]
