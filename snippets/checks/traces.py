"""Checks of the trace gradients and the layout claims (snippets/traces.py).

Shapes: the trace identities take shape = (p, r, s), with X of shape (p, r); the
layout checks take (m, q, n) as on the conventions page, or (m, q) where D = W X
must be square (X is then (q, m)). Each check builds its inputs from a seed and
takes the formula under test as an argument, so tests can hand it a wrong one.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.gradcheck import (
    DEFAULT_TOLERANCE,
    CheckResult,
    GradientCheckError,
    check_gradient,
    compare,
    expect_pass,
    expect_reject,
    numerical_jacobian,
)
from snippets.matmul import matmul_backward
from snippets.traces import (
    grad_tr_AX,
    grad_tr_AXB,
    grad_tr_XA,
    grad_tr_XAXt,
    grad_tr_XtA,
    grad_tr_XtAX,
    numerator_layout,
)


def random_matrices(seed: int, *shapes: tuple[int, int]) -> list[np.ndarray]:
    """One standard-normal float64 matrix per shape, all from one seed."""
    rng = np.random.default_rng(seed)
    return [rng.standard_normal(s) for s in shapes]


def colon(A: np.ndarray, B: np.ndarray) -> float:
    """A : B = Σ_ij A[i, j] B[i, j], the Frobenius product, computed entry by entry."""
    return float(np.sum(A * B))


# --8<-- [end:setup]


# --8<-- [start:check_trace_rules]
def check_trace_rules(seed=0, shape=(3, 4, 5), colon=colon):
    """The trace is linear: tr(aF + bH) = a tr(F) + b tr(H). tr(ABC) = tr(BCA) = tr(CAB) for
    A (m, q), B (q, n), C (n, m): traces of an m×m, a q×q and an n×n matrix that agree.
    tr(Mᵀ) = tr(M). And the move they add up to: tr(C dX) = Cᵀ : dX, with C_move (q, m) as C
    and dX (m, q)."""
    m, q, n = shape
    A, B, C, F, H, C_move, dX = random_matrices(
        seed, (m, q), (q, n), (n, m), (m, m), (m, m), (q, m), (m, q)
    )
    a, b = 2.5, -0.75
    M = A @ B @ C
    return [
        compare(np.trace(a * F + b * H), a * np.trace(F) + b * np.trace(H), label="tr is linear"),
        compare(np.trace(B @ C @ A), np.trace(A @ B @ C), label="tr(BCA) = tr(ABC)"),
        compare(np.trace(C @ A @ B), np.trace(A @ B @ C), label="tr(CAB) = tr(ABC)"),
        compare(np.trace(M.T), np.trace(M), label="tr(Mᵀ) = tr(M)"),
        compare(colon(C_move.T, dX), np.trace(C_move @ dX), label="tr(C dX) = Cᵀ : dX"),
    ]


def swap_two_factors(seed=0, n=4) -> CheckResult:
    """The claim tr(ACB) = tr(ABC), for square A, B, C (n, n): a swap, not a rotation."""
    A, B, C = random_matrices(seed, (n, n), (n, n), (n, n))
    return compare(np.trace(A @ C @ B), np.trace(A @ B @ C), label="tr(ACB) = tr(ABC), square")


# --8<-- [end:check_trace_rules]


# --8<-- [start:check_tr_XA]
def check_tr_XA(seed=0, shape=(3, 4, 5), grad=grad_tr_XA, label="∂ tr(XA)/∂X = Aᵀ"):
    """∂ tr(X A)/∂X = Aᵀ, X (p, r), A (r, p)."""
    p, r, _ = shape
    X, A = random_matrices(seed, (p, r), (r, p))
    return check_gradient(lambda X: np.trace(X @ A), grad(X, A), X, label=label)


# --8<-- [end:check_tr_XA]


# --8<-- [start:check_linear]
def check_tr_AX(seed=0, shape=(3, 4, 5), grad=grad_tr_AX, label="∂ tr(AX)/∂X = Aᵀ"):
    """∂ tr(A X)/∂X = Aᵀ, X (p, r), A (r, p)."""
    p, r, _ = shape
    X, A = random_matrices(seed, (p, r), (r, p))
    return check_gradient(lambda X: np.trace(A @ X), grad(X, A), X, label=label)


def check_tr_XtA(seed=0, shape=(3, 4, 5), grad=grad_tr_XtA, label="∂ tr(XᵀA)/∂X = A"):
    """∂ tr(Xᵀ A)/∂X = A, X (p, r), A (p, r)."""
    p, r, _ = shape
    X, A = random_matrices(seed, (p, r), (p, r))
    return check_gradient(lambda X: np.trace(X.T @ A), grad(X, A), X, label=label)


def check_tr_AXB(seed=0, shape=(3, 4, 5), grad=grad_tr_AXB, label="∂ tr(AXB)/∂X = AᵀBᵀ"):
    """∂ tr(A X B)/∂X = Aᵀ Bᵀ, A (s, p), X (p, r), B (r, s)."""
    p, r, s = shape
    X, A, B = random_matrices(seed, (p, r), (s, p), (r, s))
    return check_gradient(lambda X: np.trace(A @ X @ B), grad(X, A, B), X, label=label)


def check_linear_steps(seed=0, shape=(3, 4, 5), colon=colon):
    """Each step of the three derivations above, for a random change dX (p, r); both sides
    are linear in dX, so they agree to rounding. A (r, p) for tr(AX), (p, r) for tr(XᵀA);
    A (s, p) and B (r, s) for tr(AXB)."""
    p, r, s = shape
    dX, A, A2, A3, B = random_matrices(seed, (p, r), (r, p), (p, r), (s, p), (r, s))
    return [
        compare(np.trace(A @ dX), colon(A.T, dX), label="tr(A dX) = Aᵀ : dX"),
        compare(np.trace(dX.T @ A2), np.trace(A2.T @ dX), label="tr(dXᵀ A) = tr(Aᵀ dX)"),
        compare(np.trace(A2.T @ dX), colon(A2, dX), label="tr(Aᵀ dX) = A : dX"),
        compare(np.trace(A3 @ dX @ B), np.trace(B @ A3 @ dX), label="tr(A dX B) = tr(BA dX)"),
        compare(np.trace(B @ A3 @ dX), colon((B @ A3).T, dX), label="tr(BA dX) = (BA)ᵀ : dX"),
        compare((B @ A3).T, A3.T @ B.T, label="(BA)ᵀ = Aᵀ Bᵀ"),
    ]


# --8<-- [end:check_linear]


# --8<-- [start:check_quadratic]
def check_tr_XtAX(seed=0, shape=(3, 4, 5), grad=grad_tr_XtAX, label="∂ tr(XᵀAX)/∂X = (A + Aᵀ)X"):
    """∂ tr(Xᵀ A X)/∂X = (A + Aᵀ) X, X (p, r), A (p, p) not symmetric."""
    p, r, _ = shape
    X, A = random_matrices(seed, (p, r), (p, p))
    return check_gradient(lambda X: np.trace(X.T @ A @ X), grad(X, A), X, label=label)


def check_tr_XAXt(seed=0, shape=(3, 4, 5), grad=grad_tr_XAXt, label="∂ tr(XAXᵀ)/∂X = X(A + Aᵀ)"):
    """∂ tr(X A Xᵀ)/∂X = X (A + Aᵀ), X (p, r), A (r, r) not symmetric."""
    p, r, _ = shape
    X, A = random_matrices(seed, (p, r), (r, r))
    return check_gradient(lambda X: np.trace(X @ A @ X.T), grad(X, A), X, label=label)


def check_quadratic_steps(seed=0, shape=(3, 4, 5), colon=colon):
    """Each step of the two derivations above, for a random X (p, r), change dX (p, r) and
    A, (p, p) for tr(XᵀAX) and (r, r) for tr(XAXᵀ). The product rule is checked exactly:
    for a quadratic φ, (φ(X + dX) − φ(X − dX))/2 is its first-order change, with no error."""
    p, r, _ = shape
    X, dX, A, A2 = random_matrices(seed, (p, r), (p, r), (p, p), (r, r))

    def first_order(phi):
        return (phi(X + dX) - phi(X - dX)) / 2

    exact = "(φ(X + dX) − φ(X − dX))/2, exact for a quadratic"
    return [
        compare(
            np.trace(dX.T @ A @ X) + np.trace(X.T @ A @ dX),
            first_order(lambda X: np.trace(X.T @ A @ X)),
            method=exact,
            label="d tr(XᵀAX) = tr(dXᵀ A X) + tr(Xᵀ A dX)",
        ),
        compare(np.trace(dX.T @ A @ X), np.trace(X.T @ A.T @ dX), label="tr(dXᵀAX) = tr(XᵀAᵀdX)"),
        compare(np.trace(X.T @ A.T @ dX), colon(A @ X, dX), label="tr(XᵀAᵀ dX) = AX : dX"),
        compare(np.trace(X.T @ A @ dX), colon(A.T @ X, dX), label="tr(XᵀA dX) = AᵀX : dX"),
        compare(
            np.trace(dX @ A2 @ X.T) + np.trace(X @ A2 @ dX.T),
            first_order(lambda X: np.trace(X @ A2 @ X.T)),
            method=exact,
            label="d tr(XAXᵀ) = tr(dX A Xᵀ) + tr(X A dXᵀ)",
        ),
        compare(np.trace(dX @ A2 @ X.T), np.trace(A2 @ X.T @ dX), label="tr(dXAXᵀ) = tr(AXᵀdX)"),
        compare(np.trace(A2 @ X.T @ dX), colon(X @ A2.T, dX), label="tr(AXᵀ dX) = XAᵀ : dX"),
        compare(np.trace(X @ A2 @ dX.T), np.trace(A2.T @ X.T @ dX), label="tr(XAdXᵀ) = tr(AᵀXᵀdX)"),
        compare(np.trace(A2.T @ X.T @ dX), colon(X @ A2, dX), label="tr(AᵀXᵀ dX) = XA : dX"),
    ]


# --8<-- [end:check_quadratic]


# --8<-- [start:check_note_as_trace]
def check_note_as_trace(seed=0, shape=(3, 4), grad=grad_tr_XA):
    """With W (m, q) and X (q, m), D = W X is square and φ = tr(D) has ∂φ/∂W = Xᵀ:
    tr(XA) with W in the place of X. It is also the backward rule with G = I_m."""
    m, q = shape
    W, X = random_matrices(seed, (m, q), (q, m))

    def phi(W):
        return np.trace(W @ X)

    dW_from_identity, _ = matmul_backward(np.eye(m), W, X)
    return [
        check_gradient(phi, grad(W, X), W, label="∂ tr(WX)/∂W = Xᵀ (D square)"),
        check_gradient(phi, dW_from_identity, W, label="dW = G Xᵀ with G = I"),
    ]


# --8<-- [end:check_note_as_trace]


# --8<-- [start:check_other_scalars]
def check_half_square_at_identity(seed=0, shape=(3, 4), at_identity=True, grad=lambda W, X: X.T):
    """φ = ½‖W X‖², whose gradient at D is G = D: at a point where W X = I_m (X the
    pseudo-inverse of W, q ≥ m) its gradient by W is Xᵀ, as for tr(W X); at a random X not."""
    m, q = shape
    W, X = random_matrices(seed, (m, q), (q, m))
    if at_identity:
        X = np.linalg.pinv(W)  # (q, m), W X = I_m
    where = "where WX = I" if at_identity else "at a random X"
    gradient = check_gradient(lambda W: 0.5 * np.sum((W @ X) ** 2), grad(W, X), W,
                              label=f"∂ ½‖WX‖²/∂W = Xᵀ {where}")  # fmt: skip
    if not at_identity:
        return [gradient]
    return [compare(W @ X, np.eye(m), label="WX = I_m"), gradient]


# --8<-- [end:check_other_scalars]


# --8<-- [start:note_claim_refused]
def note_claim_refused(seed=0, shape=(3, 4, 5)) -> str:
    """For m ≠ n, offer Xᵀ (n, q) as the gradient of φ = G : (W X) by W (m, q);
    return the checker's refusal."""
    m, q, n = shape
    W, X, G = random_matrices(seed, (m, q), (q, n), (m, n))
    try:
        check_gradient(lambda W: np.sum(G * (W @ X)), X.T, W)
    except GradientCheckError as refusal:
        return str(refusal)
    raise AssertionError("Xᵀ was accepted as a gradient candidate")


# --8<-- [end:note_claim_refused]


# --8<-- [start:check_backward_rule]
def check_backward_rule(seed=0, shape=(3, 4, 5), backward=matmul_backward):
    """For any D = W X, square or not, dW = G Xᵀ: for a random G, and for the G of
    numpy's np.trace(D), which sums D[i, i] even when D is not square: np.eye(m, n)."""
    m, q, n = shape
    W, X, G = random_matrices(seed, (m, q), (q, n), (m, n))
    dW, _ = backward(G, W, X)
    dW_trace, _ = backward(np.eye(m, n), W, X)
    D = W @ X
    k = min(m, n)
    return [
        check_gradient(lambda W: np.sum(G * (W @ X)), dW, W, label="dW = G Xᵀ, random G"),
        check_gradient(
            lambda W: np.trace(W @ X), dW_trace, W, label="np.trace(W @ X): dW = eye(m, n) Xᵀ"
        ),
        compare(
            np.trace(D), np.sum(D[range(k), range(k)]), label=f"np.trace(D) = Σ D[i, i], i < {k}"
        ),
        compare(np.trace(D), colon(np.eye(m, n), D), label="np.trace(D) = eye(m, n) : D"),
    ]


# --8<-- [end:check_backward_rule]


# --8<-- [start:check_numerator_layout]
def numerator_from_jacobian(phi, W: np.ndarray) -> np.ndarray:
    """The numerator-layout ∂φ/∂W (q, m), filled entry by entry from the 1 × m·q Jacobian.

    Column i + k·m of the Jacobian row is ∂φ/∂W[i, k] (column-major vec);
    numerator layout puts it at row k, column i.
    """
    m, q = W.shape
    row = numerical_jacobian(lambda W: np.array([phi(W)]), W)[0]
    N = np.empty((q, m))
    for i in range(m):
        for k in range(q):
            N[k, i] = row[i + k * m]
    return N


def check_numerator_layout_trace(seed=0, shape=(3, 4), to_numerator=numerator_layout):
    """φ = tr(W X), W (m, q), X (q, m): in numerator layout ∂φ/∂W is X (q, m),
    the transpose of the gradient Xᵀ."""
    m, q = shape
    W, X = random_matrices(seed, (m, q), (q, m))
    N = numerator_from_jacobian(lambda W: np.trace(W @ X), W)
    tol, method = DEFAULT_TOLERANCE["central"], "Jacobian by central differences, rearranged"
    return [
        compare(
            to_numerator(grad_tr_XA(W, X)),
            N,
            tolerance=tol,
            method=method,
            label="∂ tr(WX)/∂W in numerator layout = (Xᵀ)ᵀ",
        ),
        compare(X, N, tolerance=tol, method=method, label="∂ tr(WX)/∂W in numerator layout = X"),
    ]


def check_numerator_layout(seed=0, shape=(3, 4, 5), to_numerator=numerator_layout):
    """φ = G : (W X), random G (m, n): in numerator layout ∂φ/∂W is (G Xᵀ)ᵀ = X Gᵀ (q, m)."""
    m, q, n = shape
    W, X, G = random_matrices(seed, (m, q), (q, n), (m, n))
    N = numerator_from_jacobian(lambda W: np.sum(G * (W @ X)), W)
    dW, _ = matmul_backward(G, W, X)
    tol, method = DEFAULT_TOLERANCE["central"], "Jacobian by central differences, rearranged"
    return [
        compare(
            to_numerator(dW),
            N,
            tolerance=tol,
            method=method,
            label="∂(G : WX)/∂W in numerator layout = (G Xᵀ)ᵀ",
        ),
        compare(
            X @ G.T,
            N,
            tolerance=tol,
            method=method,
            label="∂(G : WX)/∂W in numerator layout = X Gᵀ",
        ),
    ]


# --8<-- [end:check_numerator_layout]


# --8<-- [start:check_site_layout]
def check_site_layout(
    seed=0, shape=(3, 4), jacobian=lambda A: A, gradient=lambda W, X: X.T, names=("A", "Xᵀ")
):
    """This site's layout, as its checker computes derivatives: the Jacobian of y = A x
    (A: a × b) is a × b, entry (r, c) = ∂y_r/∂x_c, so it is A (numerator layout); the gradient
    of tr(W X) by W (m × q, X: q × m) has W's shape, Xᵀ (not numerator layout's X).
    Numerator-layout Jacobians with variable-shaped gradients: the mixed layout."""
    a, b = shape
    A, x, W, X = random_matrices(seed, (a, b), (b, 1), (a, b), (b, a))
    return [
        compare(jacobian(A), numerical_jacobian(lambda x: A @ x, x), tolerance=1e-8,
                method="central differences", label=f"∂y/∂x for y = Ax (A: a × b) is {names[0]}"),
        check_gradient(lambda W: np.trace(W @ X), gradient(W, X), W,
                       label=f"∂ tr(WX)/∂W is {names[1]}"),
    ]  # fmt: skip


# --8<-- [end:check_site_layout]


# --8<-- [start:check_shape_rule]
#: Every product of G or Gᵀ with X or Xᵀ, in either order; the right one first.
CANDIDATES = {
    "G Xᵀ": lambda G, X: G @ X.T,
    "G X": lambda G, X: G @ X,
    "Gᵀ X": lambda G, X: G.T @ X,
    "Gᵀ Xᵀ": lambda G, X: G.T @ X.T,
    "X G": lambda G, X: X @ G,
    "X Gᵀ": lambda G, X: X @ G.T,
    "Xᵀ G": lambda G, X: X.T @ G,
    "Xᵀ Gᵀ": lambda G, X: X.T @ G.T,
}


def fit_by_shape(G, X, shape_of_W, candidates=CANDIDATES) -> dict[str, np.ndarray]:
    """The shape rule: keep the products that are defined and have W's shape."""
    fits = {}
    for name, product in candidates.items():
        try:
            value = product(G, X)
        except ValueError:  # inner dimensions differ: the product is not defined
            continue
        if value.shape == shape_of_W:
            fits[name] = value
    return fits


def check_shape_rule(seed=0, shape=(3, 4, 5), candidates=CANDIDATES):
    """Check every product the shape rule keeps as ∂φ/∂W, for φ = G : (W X)."""
    m, q, n = shape
    W, X, G = random_matrices(seed, (m, q), (q, n), (m, n))
    return [
        check_gradient(
            lambda W: np.sum(G * (W @ X)), dW, W, label=f"dW = {name}, (m, q, n) = {shape}"
        )
        for name, dW in fit_by_shape(G, X, W.shape, candidates).items()
    ]


# --8<-- [end:check_shape_rule]
