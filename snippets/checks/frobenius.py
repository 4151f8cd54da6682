"""Checks of the Frobenius rules and of gradients read off differentials (snippets/frobenius.py).

Each check builds its inputs from a seed and a shape (m, q, n), and takes the
formula under test as an argument, so tests can hand it a wrong formula and see
it rejected. The rules are identities between two numbers computed in two ways
(compare); the gradients are checked against finite differences (check_gradient).
"""

# --8<-- [start:setup]
import numpy as np

from snippets.frobenius import (
    adjoint_in_W,
    bilinear_gradient,
    derivative_in_W,
    frobenius,
    frobenius_differential,
    least_squares_gradients,
    move_left_factor,
    move_right_factor,
    product_differential,
    product_gradients,
    quadratic_form_gradient,
    quadratic_form_gradient_symmetric,
)
from snippets.gradcheck import (
    check_gradient,
    compare,
    expect_pass,
    expect_reject,
    numerical_jacobian,
)


def random_matrices(seed, *shapes):
    """One standard normal float64 array per shape, all drawn from one seeded generator."""
    rng = np.random.default_rng(seed)
    return [rng.standard_normal(s) for s in shapes]


# --8<-- [end:setup]


# --8<-- [start:check_symmetry]
def check_symmetry(seed=0, shape=(3, 4, 5), product=frobenius):
    """A : B = B : A, and both equal tr(Bᵀ A). A, B: (m, n)."""
    m, _, n = shape
    A, B = random_matrices(seed, (m, n), (m, n))
    return [
        compare(product(A, B), product(B, A), label="A : B = B : A"),
        compare(product(A, B), np.trace(B.T @ A), label="A : B = tr(BᵀA)"),
    ]


# --8<-- [end:check_symmetry]


# --8<-- [start:check_linearity]
def check_linearity(seed=0, shape=(3, 4, 5), product=frobenius):
    """A : (x B + y C) = x A : B + y A : C for numbers x, y, and the same in the first argument.

    A, B, C: (m, n).
    """
    m, _, n = shape
    A, B, C, (x, y) = random_matrices(seed, (m, n), (m, n), (m, n), 2)
    mixed = x * B + y * C
    return [
        compare(
            product(A, mixed),
            x * product(A, B) + y * product(A, C),
            label="linear in the second factor",
        ),
        compare(
            product(mixed, A),
            x * product(B, A) + y * product(C, A),
            label="linear in the first factor",
        ),
    ]


# --8<-- [end:check_linearity]


# --8<-- [start:check_cyclic_trace]
def check_cyclic_trace(seed=0, shape=(3, 4, 5), orders=("ABC", "BCA", "CAB")):
    """tr(ABC) = tr(BCA) = tr(CAB) = Σ_ikj A_ik B_kj C_ji: each order is the same sum.

    A: (m, q), B: (q, n), C: (n, m); each product is square, of size m, q or n.
    """
    m, q, n = shape
    A, B, C = random_matrices(seed, (m, q), (q, n), (n, m))
    factors = {"A": A, "B": B, "C": C}

    def trace_of(order):
        first, second, third = (factors[name] for name in order)
        return np.trace(first @ second @ third)

    triple_sum = np.einsum("ik,kj,ji->", A, B, C)  # Σ_ikj A_ik B_kj C_ji
    return [
        compare(trace_of(order), triple_sum, label=f"tr({order}) = Σ A_ik B_kj C_ji")
        for order in orders
    ]


# --8<-- [end:check_cyclic_trace]


# --8<-- [start:check_move_factors]
def check_move_factors(
    seed=0, shape=(3, 4, 5), move_right=move_right_factor, move_left=move_left_factor
):
    """A : BC = ACᵀ : B = BᵀA : C. A: (m, n), B: (m, q), C: (q, n)."""
    m, q, n = shape
    A, B, C = random_matrices(seed, (m, n), (m, q), (q, n))
    return [
        compare(frobenius(A, B @ C), frobenius(move_right(A, C), B), label="A : BC = ACᵀ : B"),
        compare(frobenius(A, B @ C), frobenius(move_left(A, B), C), label="A : BC = BᵀA : C"),
    ]


# --8<-- [end:check_move_factors]


# --8<-- [start:check_transpose_rule]
def check_transpose_rule(seed=0, shape=(3, 4, 5), claimed=lambda A, B: frobenius(A.T, B)):
    """A : Bᵀ = Aᵀ : B, and both equal tr(AB). A: (m, n), B: (n, m).

    `claimed(A, B)` is the number claimed to equal A : Bᵀ.
    """
    m, _, n = shape
    A, B = random_matrices(seed, (m, n), (n, m))
    return [
        compare(frobenius(A, B.T), claimed(A, B), label="A : Bᵀ = Aᵀ : B"),
        compare(np.trace(A @ B), claimed(A, B), label="tr(AB) = Aᵀ : B"),
    ]


# --8<-- [end:check_transpose_rule]


# --8<-- [start:check_product_differential]
def check_product_differential(seed=0, shape=(3, 4, 5), differential=product_differential):
    """dD = dW X + W dX for D = W X, checked twice.

    Exactly: (W + dW)(X + dX) − W X − dD = dW dX, for changes of any size.
    To first order: the derivative of s ↦ (W + s dW)(X + s dX) at s = 0, by
    finite differences (numerical_jacobian), equals dD.
    W, dW: (m, q); X, dX: (q, n).
    """
    m, q, n = shape
    W, X, delta_W, delta_X = random_matrices(seed, (m, q), (q, n), (m, q), (q, n))
    dD = differential(W, X, delta_W, delta_X)

    def D_along(s):  # s: an array of one number
        return (W + s[0] * delta_W) @ (X + s[0] * delta_X)

    jacobian = numerical_jacobian(D_along, np.zeros(1))  # (m·n, 1): vec of the rate at s = 0
    return [
        compare(
            (W + delta_W) @ (X + delta_X) - W @ X - dD,
            delta_W @ delta_X,
            label="(W + dW)(X + dX) − WX − dD = dW dX",
        ),
        compare(
            dD.reshape(-1, order="F"),
            jacobian[:, 0],
            tolerance=1e-8,
            method="finite differences",
            label="dD = rate of change of D along (dW, dX)",
        ),
    ]


# --8<-- [end:check_product_differential]


# --8<-- [start:check_frobenius_product_rule]
def check_frobenius_product_rule(seed=0, shape=(3, 4, 5), differential=frobenius_differential):
    """d(A : B) = dA : B + A : dB, checked twice. A, B, dA, dB: (m, n).

    Exactly: (A + dA) : (B + dB) − A : B − d(A : B) = dA : dB, for changes of any size.
    To first order: the derivative of s ↦ (A + s dA) : (B + s dB) at s = 0.
    """
    m, _, n = shape
    A, B, delta_A, delta_B = random_matrices(seed, (m, n), (m, n), (m, n), (m, n))
    claimed = differential(A, B, delta_A, delta_B)

    def along(s):  # s: an array of one number
        return np.array([frobenius(A + s[0] * delta_A, B + s[0] * delta_B)])

    derivative = numerical_jacobian(along, np.zeros(1))[0, 0]
    return [
        compare(
            frobenius(A + delta_A, B + delta_B) - frobenius(A, B) - claimed,
            frobenius(delta_A, delta_B),
            label="(A + dA) : (B + dB) − A : B − d(A : B) = dA : dB",
        ),
        compare(
            claimed,
            derivative,
            tolerance=1e-8,
            method="finite differences",
            label="d(A : B) = rate of change of A : B along (dA, dB)",
        ),
    ]


# --8<-- [end:check_frobenius_product_rule]


# --8<-- [start:check_product_gradients]
def check_product_gradients(seed=0, shape=(3, 4, 5), gradients=product_gradients):
    """φ = G : (W X), with a random G (m, n): ∂φ/∂W = G Xᵀ (m, q), ∂φ/∂X = Wᵀ G (q, n)."""
    m, q, n = shape
    W, X, G = random_matrices(seed, (m, q), (q, n), (m, n))
    dW, dX = gradients(G, W, X)
    return [
        check_gradient(lambda W: np.sum(G * (W @ X)), dW, W, label="∂φ/∂W = G Xᵀ"),
        check_gradient(lambda X: np.sum(G * (W @ X)), dX, X, label="∂φ/∂X = Wᵀ G"),
    ]


# --8<-- [end:check_product_gradients]


# --8<-- [start:check_least_squares]
def check_least_squares(seed=0, shape=(3, 4, 5), gradients=least_squares_gradients):
    """φ = ‖WX − B‖²_F: ∂φ/∂W = 2(WX − B)Xᵀ, ∂φ/∂X = 2Wᵀ(WX − B). B: (m, n)."""
    m, q, n = shape
    W, X, B = random_matrices(seed, (m, q), (q, n), (m, n))
    dW, dX = gradients(W, X, B)
    return [
        check_gradient(
            lambda W: np.sum((W @ X - B) ** 2), dW, W, label="‖WX − B‖²: ∂φ/∂W = 2(WX − B)Xᵀ"
        ),
        check_gradient(
            lambda X: np.sum((W @ X - B) ** 2), dX, X, label="‖WX − B‖²: ∂φ/∂X = 2Wᵀ(WX − B)"
        ),
    ]


# --8<-- [end:check_least_squares]


# --8<-- [start:check_least_squares_G]
def check_least_squares_G(seed=0, shape=(3, 4, 5), gradients=least_squares_gradients):
    """φ = ‖D − B‖²_F has ∂φ/∂D = 2(D − B), and the least-squares gradients are those
    of D = W X (product_gradients) with that G. D, B: (m, n).
    """
    m, q, n = shape
    W, X, B = random_matrices(seed, (m, q), (q, n), (m, n))
    D = W @ X
    G = 2 * (D - B)
    dW, dX = gradients(W, X, B)
    dW_product, dX_product = product_gradients(G, W, X)
    return [
        check_gradient(lambda D: np.sum((D - B) ** 2), G, D, label="‖D − B‖²: ∂φ/∂D = 2(D − B)"),
        compare(dW, dW_product, label="∂φ/∂W = G Xᵀ with G = 2(WX − B)"),
        compare(dX, dX_product, label="∂φ/∂X = Wᵀ G with G = 2(WX − B)"),
    ]


# --8<-- [end:check_least_squares_G]


# --8<-- [start:check_quadratic_form]
def check_quadratic_form(
    seed=0, shape=(3, 4, 5), gradient=quadratic_form_gradient, symmetric=False
):
    """φ = tr(Wᵀ A W) with W: (m, q) and a square A: (m, m), symmetric or not."""
    m, q, _ = shape
    W, A = random_matrices(seed, (m, q), (m, m))
    if symmetric:
        A = (A + A.T) / 2
    kind = "symmetric" if symmetric else "not symmetric"
    return check_gradient(
        lambda W: np.trace(W.T @ A @ W),
        gradient(W, A),
        W,
        label=f"tr(WᵀAW), A {kind}: ∂φ/∂W by {gradient.__name__}",
    )


# --8<-- [end:check_quadratic_form]


# --8<-- [start:check_bilinear]
def check_bilinear(seed=0, shape=(3, 4, 5), gradient=bilinear_gradient):
    """φ = aᵀ W b with a: (m,), W: (m, q), b: (q,): ∂φ/∂W = a bᵀ."""
    m, q, _ = shape
    a, W, b = random_matrices(seed, m, (m, q), q)
    return check_gradient(lambda W: a @ W @ b, gradient(a, b), W, label="aᵀWb: ∂φ/∂W = a bᵀ")


# --8<-- [end:check_bilinear]


# --8<-- [start:check_adjoint]
def check_adjoint(seed=0, shape=(3, 4, 5), derivative=derivative_in_W, adjoint=adjoint_in_W):
    """G : ℒ(dW) = ℒ*(G) : dW for random G and dW (three pairs), and ℒ is the derivative of
    D = W X in W: its value at dW is the first-order change of D, by finite differences."""
    m, q, n = shape
    W, X = random_matrices(seed, (m, q), (q, n))
    results = []
    for pair in range(3):
        G, delta_W = random_matrices(seed + 1 + pair, (m, n), (m, q))
        results.append(
            compare(
                frobenius(G, derivative(delta_W, X)),
                frobenius(adjoint(G, X), delta_W),
                label=f"G : ℒ(dW) = ℒ*(G) : dW, random pair {pair + 1}",
            )
        )
    G, delta_W = random_matrices(seed + 1, (m, n), (m, q))
    rate = numerical_jacobian(lambda a: (W + a[0] * delta_W) @ X, np.zeros(1))[:, 0]
    results.append(
        compare(
            derivative(delta_W, X).reshape(-1, order="F"),
            rate,
            tolerance=1e-8,
            method="central differences",
            label="ℒ(dW) = rate of change of W X along dW",
        )
    )
    return results


# --8<-- [end:check_adjoint]
