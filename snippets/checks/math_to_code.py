"""Checks of the code on the math-to-code page: the matmul pairing, the linear layer with bias
(snippets/linear_layer.py) and the two-layer network (snippets/two_layer_net.py).

Each check builds its inputs from a seed and takes the formula under test as a
keyword argument, so tests can hand it a wrong formula and see it rejected.
The losses φ the gradients are checked against are written out here from the
formulas, independently of the snippets' forward functions.
"""

# --8<-- [start:setup]
import numpy as np

from snippets.gradcheck import check_gradient, compare, expect_pass, expect_reject
from snippets.linear_layer import linear_backward, linear_forward
from snippets.matmul import matmul_backward
from snippets.two_layer_net import net_backward, net_forward, net_loss, tanh_backward


def linear_inputs(seed: int = 0, shape: tuple[int, int, int] = (3, 4, 5)):
    """W (m, q), X (q, n), b (m,) and a random upstream gradient G (m, n), from one seed."""
    m, q, n = shape
    rng = np.random.default_rng(seed)
    W, X = rng.standard_normal((m, q)), rng.standard_normal((q, n))
    b, G = rng.standard_normal(m), rng.standard_normal((m, n))
    return W, X, b, G


def net_inputs(seed: int = 0, shape: tuple[int, int, int, int] = (4, 6, 3, 5)):
    """Parameters W1 (m1, q), b1 (m1,), W2 (m, m1), b2 (m,), input X (q, n) and random targets
    T (m, n), for shape = (q, m1, m, n): m1 is the hidden width. Weights are scaled by
    1/√fan-in so tanh is not flat."""
    q, m1, m, n = shape
    rng = np.random.default_rng(seed)
    params = {
        "W1": rng.standard_normal((m1, q)) / np.sqrt(q),
        "b1": rng.standard_normal(m1),
        "W2": rng.standard_normal((m, m1)) / np.sqrt(m1),
        "b2": rng.standard_normal(m),
    }
    return params, rng.standard_normal((q, n)), rng.standard_normal((m, n))


def net_phi(W1, b1, W2, b2, X, T):
    """φ = ½ ‖Y − T‖²_F / n, for H = tanh(W1 X + b1 1ᵀ) and Y = W2 H + b2 1ᵀ, from the formulas."""
    ones = np.ones(X.shape[1])
    H = np.tanh(W1 @ X + np.outer(b1, ones))
    Y = W2 @ H + np.outer(b2, ones)
    return 0.5 * np.sum((Y - T) ** 2) / X.shape[1]


# --8<-- [end:setup]


# --8<-- [start:check_pairing]
def check_pairing(seed=0, shape=(3, 4, 5), backward=matmul_backward, changes=3):
    """For changes ΔW (m, q) and ΔX (q, n) of W and X, D = W X changes by ΔW X + W ΔX (to first
    order), and G : (ΔW X + W ΔX) must equal dW : ΔW + dX : ΔX, with dW = ∂φ/∂W and
    dX = ∂φ/∂X from the backward pass. Exact, so checked to rounding."""
    m, q, n = shape
    rng = np.random.default_rng(seed)
    W, X, G = rng.standard_normal((m, q)), rng.standard_normal((q, n)), rng.standard_normal((m, n))
    dW, dX = backward(G, W, X)  # in code, dW and dX are the gradients: fixed matrices
    by_dD, by_gradients = [], []
    for _ in range(changes):  # the differentials of the math: arbitrary changes of W and X
        change_W, change_X = rng.standard_normal((m, q)), rng.standard_normal((q, n))
        by_dD.append(np.sum(G * (change_W @ X + W @ change_X)))
        by_gradients.append(np.sum(dW * change_W) + np.sum(dX * change_X))
    return compare(by_gradients, by_dD, label="G : (ΔW X + W ΔX) = dW : ΔW + dX : ΔX")


# --8<-- [end:check_pairing]


# --8<-- [start:check_move_factor]
def check_move_factor(
    seed=0, shape=(3, 4, 5), right=lambda A, C: A @ C.T, left=lambda A, B: B.T @ A, draws=3
):
    """A : (B C) = (A Cᵀ) : B = (Bᵀ A) : C, for random A (m, n), B (m, q), C (q, n):
    a factor moves to the other side of the Frobenius product, transposed. `right(A, C)` and
    `left(A, B)` are the claimed moved factors. Exact, so checked to rounding."""
    m, q, n = shape
    rng = np.random.default_rng([seed, 2])
    products, by_B, by_C = [], [], []
    for _ in range(draws):
        A, B, C = (rng.standard_normal(s) for s in [(m, n), (m, q), (q, n)])
        products.append(np.sum(A * (B @ C)))
        by_B.append(np.sum(right(A, C) * B))
        by_C.append(np.sum(left(A, B) * C))
    return [
        compare(by_B, products, label="A : (B C) = (A Cᵀ) : B"),
        compare(by_C, products, label="A : (B C) = (Bᵀ A) : C"),
    ]


# --8<-- [end:check_move_factor]


# --8<-- [start:check_bias_pairing]
def check_bias_pairing(seed=0, shape=(3, 4, 5), backward=linear_backward, changes=3):
    """A change Δb of b changes D = W X + b 1ᵀ by Δb 1ᵀ, and G : (Δb 1ᵀ) must equal db · Δb,
    with db = G 1 from the backward pass. Exact, so checked to rounding."""
    W, X, b, G = linear_inputs(seed, shape)
    _, cache = linear_forward(W, X, b)
    _, _, db = backward(G, cache)
    rng = np.random.default_rng(seed + 1000)
    ones = np.ones(X.shape[1])
    by_dD, by_gradient = [], []
    for _ in range(changes):
        change_b = rng.standard_normal(b.shape)
        by_dD.append(np.sum(G * np.outer(change_b, ones)))
        by_gradient.append(db @ change_b)
    return compare(by_gradient, by_dD, label="G : (Δb 1ᵀ) = db · Δb")


# --8<-- [end:check_bias_pairing]


# --8<-- [start:check_linear_forward]
def check_linear_forward(seed=0, shape=(3, 4, 5), forward=linear_forward):
    """The forward pass must return D = W X + b 1ᵀ, (m, n): b added to every column."""
    W, X, b, _ = linear_inputs(seed, shape)
    D, _ = forward(W, X, b)
    ones = np.ones(X.shape[1])
    return compare(D, W @ X + np.outer(b, ones), label="D = W @ X + b[:, None]")


# --8<-- [end:check_linear_forward]


# --8<-- [start:check_linear_dW]
def check_linear_dW(seed=0, shape=(3, 4, 5), backward=linear_backward):
    """φ(W) = G : (W X + b 1ᵀ) has ∂φ/∂D = G; its ∂φ/∂W must equal dW = G Xᵀ."""
    W, X, b, G = linear_inputs(seed, shape)
    dW, _, _ = backward(G, linear_forward(W, X, b)[1])
    ones = np.ones(X.shape[1])
    return check_gradient(
        lambda W: np.sum(G * (W @ X + np.outer(b, ones))), dW, W, label="dW = dD @ X.T"
    )


# --8<-- [end:check_linear_dW]


# --8<-- [start:check_linear_dX]
def check_linear_dX(seed=0, shape=(3, 4, 5), backward=linear_backward):
    """φ(X) = G : (W X + b 1ᵀ) has ∂φ/∂D = G; its ∂φ/∂X must equal dX = Wᵀ G."""
    W, X, b, G = linear_inputs(seed, shape)
    _, dX, _ = backward(G, linear_forward(W, X, b)[1])
    ones = np.ones(X.shape[1])
    return check_gradient(
        lambda X: np.sum(G * (W @ X + np.outer(b, ones))), dX, X, label="dX = W.T @ dD"
    )


# --8<-- [end:check_linear_dX]


# --8<-- [start:check_linear_db]
def check_linear_db(seed=0, shape=(3, 4, 5), backward=linear_backward, label="db = dD.sum(axis=1)"):
    """φ(b) = G : (W X + b 1ᵀ) has ∂φ/∂D = G; its ∂φ/∂b must equal db = G 1 (G summed over n).
    `label` names the claim under test in the printed result."""
    W, X, b, G = linear_inputs(seed, shape)
    _, _, db = backward(G, linear_forward(W, X, b)[1])
    ones = np.ones(X.shape[1])
    return check_gradient(lambda b: np.sum(G * (W @ X + np.outer(b, ones))), db, b, label=label)


# --8<-- [end:check_linear_db]


# --8<-- [start:check_loss]
def half_mean_squared_error(Y, T):
    """φ = ½ ‖Y − T‖²_F / n for Y and T of shape (m, n), written from the formula."""
    return 0.5 * np.sum((Y - T) ** 2) / Y.shape[1]


def loss_inputs(seed=0, shape=(3, 5)):
    """Outputs Y and targets T of shape (m, n)."""
    rng = np.random.default_rng(seed)
    return rng.standard_normal(shape), rng.standard_normal(shape)


def check_loss_value(seed=0, shape=(3, 5), loss=net_loss):
    """The loss returns φ = ½ ‖Y − T‖²_F / n, half the squared error averaged over the n samples."""
    Y, T = loss_inputs(seed, shape)
    phi, _ = loss(Y, T)
    return compare(phi, half_mean_squared_error(Y, T), label="φ = ½ ‖Y − T‖² / n")


def check_loss_gradient(seed=0, shape=(3, 5), loss=net_loss, label="dY = (Y − T) / n"):
    """The gradient the loss returns is ∂φ/∂Y = (Y − T) / n, of shape (m, n).
    `label` names the claim under test in the printed result."""
    Y, T = loss_inputs(seed, shape)
    _, dY = loss(Y, T)
    return check_gradient(lambda Y: half_mean_squared_error(Y, T), dY, Y, label=label)


# --8<-- [end:check_loss]


# --8<-- [start:check_tanh_backward]
def check_tanh_backward(seed=0, shape=(6, 5), backward=tanh_backward, changes=3):
    """H = tanh(A), A (m1, n), with a random upstream gradient dH = ∂φ/∂H: the claimed
    dA = backward(dH, H) against finite differences of φ(A) = dH : tanh(A); and, for random
    changes ΔA, dH : ((1 − H ∘ H) ∘ ΔA) = dA : ΔA, the entrywise factor moved across the
    Frobenius product (exact, so checked to rounding)."""
    rng = np.random.default_rng([seed, 3])
    A, dH = rng.standard_normal(shape), rng.standard_normal(shape)
    H = np.tanh(A)
    dA = backward(dH, H)
    by_dH, by_gradient = [], []
    for _ in range(changes):
        change_A = rng.standard_normal(shape)
        by_dH.append(np.sum(dH * ((1.0 - H * H) * change_A)))
        by_gradient.append(np.sum(dA * change_A))
    return [
        check_gradient(lambda A: np.sum(dH * np.tanh(A)), dA, A, label="dA = dH * (1 - H * H)"),
        compare(by_gradient, by_dH, label="dH : ((1 − H∘H) ∘ ΔA) = dA : ΔA"),
    ]


# --8<-- [end:check_tanh_backward]


# --8<-- [start:check_net_gradients]
NET_LABELS = {
    "W1": "dW1 = dA @ X.T",
    "b1": "db1 = dA.sum(axis=1)",
    "W2": "dW2 = dY @ H.T",
    "b2": "db2 = dY.sum(axis=1)",
    "X": "dX = W1.T @ dA",
}


def check_net_gradients(
    seed=0, shape=(4, 6, 3, 5), backward=net_backward, loss=net_loss, context=""
):
    """End to end, for shape = (q, m1, m, n): the hand-written backward pass of the two-layer
    network against finite differences of φ, one check per parameter and one for X.
    `context` is appended to each label, to say what was changed."""
    params, X, T = net_inputs(seed, shape)
    Y, cache = net_forward(params, X)
    _, dY = loss(Y, T)
    grads = backward(dY, cache)
    point = {**params, "X": X}
    results = []
    for name, label in NET_LABELS.items():

        def phi(value, name=name):
            return net_phi(**{**point, name: value}, T=T)

        results.append(check_gradient(phi, grads["d" + name], point[name], label=label + context))
    return results


# --8<-- [end:check_net_gradients]
