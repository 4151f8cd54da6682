"""Checks of the autodiff engine (snippets/autodiff/engine.py).

Every operation's backward pass against finite differences (the site's checker); whole
graphs (the two-layer network of math-to-code.md, the transformer block) against the
hand-written backward passes of the layer pages; accumulation and topological order on
small graphs where getting them wrong changes the answer; bad input refused; and training,
step by step the same as with the hand-written backward pass. The engine is looked up in
its module when a check runs, so tests can swap in a broken one and see it rejected.
"""

# --8<-- [start:setup]
import contextlib
import inspect

import numpy as np

from snippets.autodiff import engine
from snippets.autodiff.engine import Tensor
from snippets.checks.layers.transformer_block import block_inputs
from snippets.checks.math_to_code import net_inputs
from snippets.gradcheck import CheckResult, check_gradient, compare, expect_pass, expect_reject
from snippets.layers.transformer_block import block_backward, block_forward
from snippets.two_layer_net import net_backward, net_forward, net_loss


def gradients_against_differences(build, arrays, seed=0, label=""):
    """φ = ⟨G, build(tensors)⟩ for a random G of the output's shape, so ∂φ/∂output = G:
    the engine's gradient of every input, from backward(seed=G), against finite differences."""
    tensors = [Tensor(a) for a in arrays]
    out = build(*tensors)
    G = np.random.default_rng(seed + 1).standard_normal(out.shape)
    out.backward(seed=G)
    names, results = list(inspect.signature(build).parameters), []
    for k, t in enumerate(tensors):

        def phi(x, k=k):
            moved = [Tensor(x) if i == k else Tensor(a) for i, a in enumerate(arrays)]
            return float(np.sum(G * build(*moved).data))

        results.append(check_gradient(phi, t.grad, arrays[k], label=f"{label}: d{names[k]}"))
    return results


# --8<-- [end:setup]


# --8<-- [start:check_operations]
def operation_cases(rng, shape=(3, 4, 5)):
    """(label, build, input arrays) for every operation; distinct sizes m, q, n."""
    m, q, n = shape
    normal = rng.standard_normal
    away_from_0 = lambda s: (0.2 + rng.random(s)) * rng.choice([-1.0, 1.0], s)  # noqa: E731
    T = np.exp(normal((n, m)))
    return [
        ("A @ B", lambda A, B: A @ B, [normal((m, q)), normal((q, n))]),
        ("A + B", lambda A, B: A + B, [normal((m, n)), normal((m, n))]),
        ("A + b, b (n,) on every row", lambda A, b: A + b, [normal((m, n)), normal(n)]),
        ("A + b, b (1, n) on every row", lambda A, b: A + b, [normal((m, n)), normal((1, n))]),
        ("A + b, b (m, 1) on every column", lambda A, b: A + b, [normal((m, n)), normal((m, 1))]),
        ("A ∘ B", lambda A, B: A * B, [normal((m, n)), normal((m, n))]),
        ("A - B", lambda A, B: A - B, [normal((m, n)), normal((m, n))]),
        ("2.5 A", lambda A: 2.5 * A, [normal((m, n))]),
        ("A.T", lambda A: A.T, [normal((m, n))]),
        ("A.reshape", lambda A: A.reshape(n, m), [normal((m, n))]),
        ("A.sum()", lambda A: A.sum(), [normal((m, n))]),
        ("A.sum(axis=0)", lambda A: A.sum(axis=0), [normal((m, n))]),
        ("A.sum(axis=1)", lambda A: A.sum(axis=1), [normal((m, n))]),
        ("A.mean()", lambda A: A.mean(), [normal((m, n))]),
        ("A.mean(axis=0)", lambda A: A.mean(axis=0), [normal((m, n))]),
        ("tanh", lambda A: A.tanh(), [normal((m, n))]),
        ("relu", lambda A: A.relu(), [away_from_0((m, n))]),
        ("sigmoid", lambda A: A.sigmoid(), [normal((m, n))]),
        ("exp", lambda A: A.exp(), [normal((m, n))]),
        ("log", lambda A: A.log(), [np.exp(normal((m, n)))]),
        ("softmax", lambda Z: Z.softmax(), [normal((n, m))]),
        ("cross_entropy", lambda Z: Z.cross_entropy(T / T.sum(1, keepdims=True)), [normal((n, m))]),
        (
            "layer_norm",
            lambda X, gamma, beta: X.layer_norm(gamma, beta),
            [normal((n, m)), rng.uniform(0.5, 1.5, m), normal(m)],
        ),
    ]


def check_operations(seed=0, shape=(3, 4, 5)):
    """Every operation, every input, against finite differences: a list of CheckResults."""
    rng = np.random.default_rng(seed)
    results = []
    for label, build, arrays in operation_cases(rng, shape):
        results += gradients_against_differences(build, arrays, seed, label)
    return results


# --8<-- [end:check_operations]


# --8<-- [start:net]
def engine_net(params, X, T):
    """The two-layer network of math-to-code.md in the engine, samples as columns:
    φ = ½ ‖W2 tanh(W1 X + b1 1ᵀ) + b2 1ᵀ − T‖²_F / n. Returns φ and the leaf tensors."""
    leaves = {name: Tensor(value) for name, value in params.items()} | {"X": Tensor(X)}
    W1, b1, W2, b2 = (leaves[k] for k in ("W1", "b1", "W2", "b2"))
    H = (W1 @ leaves["X"] + b1.reshape(-1, 1)).tanh()  # b1 (m1,) as a column: one per row
    Y = W2 @ H + b2.reshape(-1, 1)
    R = Y - Tensor(T)
    phi = (R * R).sum() * (0.5 / X.shape[1])
    return phi, leaves


# --8<-- [end:net]


# --8<-- [start:check_two_layer_net]
def check_two_layer_net(seed=0, shapes=((4, 6, 3, 5), (4, 4, 4, 4))):
    """φ and dW1, db1, dW2, db2, dX from the engine against net_backward of
    snippets/two_layer_net.py, to 1e-12; distinct sizes (q, m1, m, n), then all equal."""
    results = []
    for shape in shapes:
        params, X, T = net_inputs(seed, shape)
        phi, leaves = engine_net(params, X, T)
        phi.backward()
        Y, cache = net_forward(params, X)
        phi_by_hand, dY = net_loss(Y, T)
        by_hand = net_backward(dY, cache)
        results.append(compare(phi.data, np.array(phi_by_hand), label=f"φ, shape {shape}"))
        for name, t in leaves.items():
            results.append(compare(t.grad, by_hand["d" + name], label=f"d{name}, shape {shape}"))
    return results


# --8<-- [end:check_two_layer_net]


# --8<-- [start:check_transformer_block]
def engine_block(P, X):
    """The pre-norm block of layers/transformer-block.md, tokens as rows, in the engine.
    P: dict of parameter Tensors; X: Tensor (N, q). GELU is composed: x σ(2c(x + a x³))."""
    N, r = X.shape[0], P["WQ"].shape[0]
    mask = Tensor(np.where(np.tri(N, dtype=bool), 0.0, -np.inf))  # causal

    def lin(A, name):
        return A @ P["W" + name].T + P["b" + name]

    def gelu(x):
        c, a = np.sqrt(2.0 / np.pi), 0.044715
        return x * ((x + x * x * x * a) * (2.0 * c)).sigmoid()

    X1 = X.layer_norm(P["gamma1"], P["beta1"])
    Q, K, V = lin(X1, "Q"), lin(X1, "K"), lin(X1, "V")  # X1 used three times
    attn = ((Q @ K.T) * (1.0 / np.sqrt(r)) + mask).softmax() @ V
    Y1 = X + lin(attn, "O")  # X used twice: the residual
    return Y1 + lin(gelu(lin(Y1.layer_norm(P["gamma2"], P["beta2"]), "1")), "2")


def check_transformer_block(seed=0, shape=(5, 6, 4, 7)):
    """Y and every gradient from the engine, with ∂φ/∂Y = G as the seed, against
    block_backward of snippets/layers/transformer_block.py, to 1e-12."""
    params, X, G = block_inputs(seed, shape)
    P = {name: Tensor(value) for name, value in params.items()}
    x = Tensor(X)
    Y = engine_block(P, x)
    Y.backward(seed=G)
    Y_by_hand, cache = block_forward(params, X)
    by_hand = block_backward(G, params, cache)
    results = [compare(Y.data, Y_by_hand, label="Y")]
    for name, t in (P | {"X": x}).items():
        if name != "bK":
            results.append(compare(t.grad, by_hand["d" + name], label="d" + name))
    # dbK is 0 in exact arithmetic (the softmax ignores the shift q_t · b_K of row t): both
    # sides are rounding, held to 1e-12 of the size of the other key gradient, dWK.
    size = np.abs(by_hand["dWK"]).max()
    rounding = max(np.abs(P["bK"].grad).max(), np.abs(by_hand["dbK"]).max()) / size
    method = "max |dbK| of both over max |dWK|"
    return [*results, CheckResult(bool(rounding <= 1e-12), rounding, 1e-12, method, "dbK = 0")]


# --8<-- [end:check_transformer_block]


# --8<-- [start:check_reuse_and_order]
def used_twice(A, B):
    """A used by two operations: φ = Σ (A B) ∘ A, so dA has two terms, G Bᵀ + (A B)."""
    return ((A @ B) * A).sum()


def diamond(x):
    """u = tanh(x) feeds two branches that meet again: φ = Σ σ(u) ∘ exp(u). u's backward
    may run only when both branches have sent their part of ∂φ/∂u."""
    u = x.tanh()
    return (u.sigmoid() * u.exp()).sum()


def deep_diamond(x):
    """A chain of diamonds, v ← tanh(v) + v, eight deep, then φ = Σ v."""
    v = x
    for _ in range(8):
        v = v.tanh() + v
    return v.sum()


def check_reuse_and_order(seed=0):
    """Gradients of the graphs above against finite differences."""
    rng = np.random.default_rng(seed)
    A, B, x = rng.standard_normal((3, 3)), rng.standard_normal((3, 3)), rng.standard_normal((3, 4))
    results = []
    for label, build, arrays in (
        ("A used twice, Σ (A B) ∘ A", used_twice, [A, B]),
        ("diamond, Σ σ(tanh x) ∘ exp(tanh x)", diamond, [x]),
        ("eight diamonds, v ← tanh(v) + v", deep_diamond, [x]),
    ):
        results += gradients_against_differences(build, arrays, seed, label)
    return results


# --8<-- [end:check_reuse_and_order]


# --8<-- [start:refusals]
def refusals():
    """Bad input and the engine's error for each: (what was tried, the message)."""
    rng = np.random.default_rng(0)
    A, b = Tensor(rng.standard_normal((3, 4))), Tensor(rng.standard_normal(3))
    tries = {
        "backward() from a (3, 4) tensor, no seed": lambda: (A * 2.0).backward(),
        "a seed of shape (4, 3) for a (3, 4) tensor": lambda: A.T.T.backward(np.ones((4, 3))),
        "y (3,) - t (3, 1), which numpy makes (3, 3)": lambda: b - Tensor(np.ones((3, 1))),
        "A (4, 1) + B (1, 3), which numpy makes (4, 3)": lambda: (
            Tensor(np.ones((4, 1))) + b.reshape(1, 3)
        ),
        "A (3, 4) + B (1, 3, 4)": lambda: A + Tensor(np.ones((1, 3, 4))),
        "Aᵀ (4, 3) @ b (3,), a vector": lambda: A.T @ b,
        "integer data": lambda: Tensor(np.arange(6).reshape(2, 3)),
        "NaN in the data": lambda: Tensor(np.array([1.0, np.nan])),
        "an array added to a Tensor": lambda: A + np.ones((3, 4)),
    }
    said = {}
    for what, attempt in tries.items():
        try:
            attempt()
        except (TypeError, ValueError) as error:
            said[what] = f"{type(error).__name__}: {error}"
        else:
            raise AssertionError(f"the engine accepted {what}")
    return said


# --8<-- [end:refusals]


# --8<-- [start:training]
def synthetic_data(seed=0, shape=(3, 16, 2, 64)):
    """X (q, n) from a seed, targets T = sin(A X) (m, n) for a fixed random A: learnable."""
    q, _, m, n = shape
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((q, n))
    return X, np.sin(rng.standard_normal((m, q)) @ X)


def train(params, X, T, gradients, steps=300, eta=0.2):
    """Gradient descent, W ← W − η ∂φ/∂W for every parameter; `gradients(params, X, T)`
    returns (φ, {name: ∂φ/∂name}). Returns the trained parameters and φ at every step."""
    params, losses = dict(params), []
    for _ in range(steps):
        phi, grads = gradients(params, X, T)
        losses.append(phi)
        params = {name: value - eta * grads[name] for name, value in params.items()}
    return params, np.array(losses)


def engine_gradients(params, X, T):
    phi, leaves = engine_net(params, X, T)
    phi.backward()
    return float(phi.data), {name: leaves[name].grad for name in params}


def hand_gradients(params, X, T):
    Y, cache = net_forward(params, X)
    phi, dY = net_loss(Y, T)
    return phi, {k[1:]: v for k, v in net_backward(dY, cache).items() if k != "dX"}


def trained(seed=0, shape=(3, 16, 2, 64), steps=300):
    """Train the same start twice, with the engine's and the hand-written gradients."""
    X, T = synthetic_data(seed, shape)
    start, _, _ = net_inputs(seed, shape)
    runs = {
        way: train(start, X, T, grads, steps)
        for way, grads in (("engine", engine_gradients), ("by hand", hand_gradients))
    }
    return runs


def check_training(runs=None, fall=0.1):
    """The loss falls to below `fall` times its start; the parameters and every loss
    after training are the same with the engine and by hand, to 1e-12."""
    runs = runs or trained()
    (params, losses), (params_hand, losses_hand) = runs["engine"], runs["by hand"]
    ratio = losses[-1] / losses[0]
    method = f"φ after {losses.size} steps / φ at the start"
    words = f"φ fell to {ratio:.1e} of its start, {'≤' if ratio <= fall else '>'} {fall:g}"
    results = [
        CheckResult(bool(ratio <= fall), ratio, fall, method, "the loss falls", detail=words)
    ]
    results.append(compare(losses, losses_hand, label="φ at every step, engine and by hand"))
    for name in params:
        results.append(compare(params[name], params_hand[name], label=f"{name} after training"))
    return results


# --8<-- [end:training]


# --8<-- [start:broken_engines]
def overwrite(t, g):
    """Wrong: the last use's gradient replaces the others instead of adding to them."""
    t.grad = g


def mean_over_broadcast(g, axis, shape):
    """Wrong: the bias gradient averaged over the rows (or columns) instead of summed."""
    return g.mean(axis=axis).reshape(shape)


def no_sum_over_broadcast(g, axis, shape):
    """Wrong: the bias gets the whole (N, m) gradient, not summed at all."""
    return g


def depth_first_order(root):
    """Wrong: each tensor as soon as one of its users is reached, depth first, before the
    other users have sent their part of its gradient."""
    order, seen, stack = [], set(), [root]
    while stack:
        t = stack.pop()
        if id(t) not in seen:
            seen.add(id(t))
            order.append(t)
            stack.extend(t.parents)
    return order


@contextlib.contextmanager
def broken_engine(**replaced):
    """The engine with some of its functions replaced (accumulate, sum_over_broadcast,
    topological_order), for the checks to run on; restored afterwards."""
    saved = {name: getattr(engine, name) for name in replaced}
    try:
        for name, function in replaced.items():
            setattr(engine, name, function)
        yield
    finally:
        for name, function in saved.items():
            setattr(engine, name, function)


# --8<-- [end:broken_engines]
