"""The same names in PyTorch, JAX and TensorFlow: what each framework returns for dD, dW, dX
equals the site's numpy backward passes to 1e-12 in float64 (docs/autodiff/frameworks.md).

PyTorch comes with the optional extra `frameworks` (pip install -e ".[frameworks]"). Without
it its tests skip with a message saying so; with REQUIRE_FRAMEWORKS=1, which .ci/run sets
after installing the extra, a missing PyTorch is an error instead. JAX and TensorFlow are in no
extra (each is hundreds of MB): their tests run where they are installed and skip otherwise,
whatever REQUIRE_FRAMEWORKS says.

Each test loops over seeds and shapes inside one test function (cheap: one pytest test, one
framework import) and names the failing case in its message. Each comparison that passes is
also shown to reject a plausible wrong answer: a transposed gradient on square shapes, a bias
gradient not summed over the batch, a mean loss without its 1/N.

Where no framework is installed, the module is skipped as a whole, with one line saying how
to install PyTorch. The numpy side of the page is tested in tests/test_frameworks_page.py.
"""

import importlib
import importlib.util
import os

import numpy as np
import pytest
from page_includes import ROOT
from seeds_and_shapes import SEEDS, SHAPES
from standalone import run_alone

from snippets.checks.layers.transformer_block import block_inputs
from snippets.four_index import contract, dD_dW
from snippets.gradcheck import compare, expect_pass, expect_reject
from snippets.layers.attention import attention_backward, causal_mask
from snippets.layers.linear import linear_backward, linear_rows_backward
from snippets.layers.normalization import layernorm_backward
from snippets.layers.softmax import cross_entropy, cross_entropy_backward, softmax
from snippets.layers.transformer_block import block_backward, block_forward
from snippets.matmul import matmul_backward
from snippets.two_layer_net import net_backward, net_forward, net_loss, tanh_backward

SQUARE = (4, 4, 4)
INSTALL = {
    "torch": 'PyTorch is not installed: `.venv/bin/pip install -e ".[frameworks]"` (CPU build)',
    "jax": "JAX is not installed (it is in no extra: `pip install jax` to run these)",
    "tensorflow": "TensorFlow is not installed (it is in no extra: `pip install tensorflow`)",
}
FILES = {
    "torch": "snippets/frameworks/torch_names.py",
    "jax": "snippets/frameworks/jax_names.py",
    "tensorflow": "snippets/frameworks/tensorflow_names.py",
}


#: The frameworks whose tests run here: those installed.
INSTALLED = [f for f in FILES if importlib.util.find_spec(f) is not None]
if "torch" not in INSTALLED and os.environ.get("REQUIRE_FRAMEWORKS") == "1":
    raise RuntimeError(f"REQUIRE_FRAMEWORKS=1 but {INSTALL['torch']}")
if not INSTALLED:
    pytest.skip(INSTALL["torch"], allow_module_level=True)


def names_module(framework: str):
    """snippets.frameworks.<framework>_names, or a skip if the framework is not installed."""
    if framework not in INSTALLED:
        pytest.skip(INSTALL[framework])
    return importlib.import_module(f"snippets.frameworks.{framework}_names")


@pytest.fixture(scope="module")
def torch_names():
    return names_module("torch")


@pytest.fixture(scope="module", params=INSTALLED)
def names(request):
    """The module of one framework: the tests that take it run for each framework installed."""
    return names_module(request.param)


def test_every_framework_is_installed_or_said_not_to_be():
    """One line in pytest's summary for the frameworks whose tests did not run."""
    missing = [f for f in FILES if f not in INSTALLED]
    if missing:
        pytest.skip("; ".join(INSTALL[f] for f in missing))
    assert list(FILES) == INSTALLED


def matmul_inputs(seed, shape):
    m, q, n = shape
    rng = np.random.default_rng([seed, 15])
    return rng.standard_normal((m, q)), rng.standard_normal((q, n)), rng.standard_normal((m, n))


def net_inputs(seed, shape, hidden=None):
    """The two-layer network of snippets/two_layer_net.py: m outputs, q inputs, n samples,
    hidden width m + q unless given."""
    m, q, n = shape
    rng = np.random.default_rng([seed, 16])
    m1 = hidden or m + q
    params = {
        "W1": rng.standard_normal((m1, q)) / np.sqrt(q),
        "b1": rng.standard_normal(m1),
        "W2": rng.standard_normal((m, m1)) / np.sqrt(m1),
        "b2": rng.standard_normal(m),
    }
    return params, rng.standard_normal((q, n)), rng.standard_normal((m, n))


def cases():
    return [(seed, shape) for seed in SEEDS for shape in SHAPES]


# --- D = W X: the seed G, the scalar loss G : D, the four-index Jacobian (every framework) ---


def test_seeded_backward_is_the_sites_backward(names):
    results = []
    for seed, shape in cases():
        W, X, G = matmul_inputs(seed, shape)
        dW, dX = matmul_backward(G, W, X)
        got = names.matmul_grads(W, X, G)
        scalar = names.matmul_grads_scalar_loss(W, X, G)
        where = f" ({names.__name__}, seed {seed}, shape {shape})"
        results += [
            compare(got["dW"], dW, label="dW = G @ X.T" + where),
            compare(got["dX"], dX, label="dX = W.T @ G" + where),
            compare(scalar["dD"], G, label="dD of φ = G : D is G" + where),
            *([compare(got["D"], W @ X, label="D from jax.vjp" + where)] if "D" in got else []),
            compare(scalar["dW"], dW, label="dW from φ = G : D" + where),
            compare(scalar["dX"], dX, label="dX from φ = G : D" + where),
        ]
    expect_pass(*results)


def test_seeded_backward_rejects_the_transposes(names):
    """On square shapes the transposed formulas have the right shape, and are rejected."""
    W, X, G = matmul_inputs(0, SQUARE)
    got = names.matmul_grads(W, X, G)
    expect_reject(
        compare(got["dW"], (G @ X.T).T, label="dW = X @ G.T"),
        compare(got["dW"], G @ X, label="dW = G @ X"),
        compare(got["dX"], W @ G, label="dX = W @ G"),
        compare(got["dX"], (W.T @ G).T, label="dX = G.T @ W"),
    )


def test_the_jacobian_is_the_four_index_array(names):
    results = []
    for seed, shape in cases():
        W, X, G = matmul_inputs(seed, shape)
        m, q, n = shape
        J = names.matmul_jacobian(W, X)
        assert J.shape == (m, n, m, q), f"{names.__name__}: shape {J.shape}, not D's then W's"
        where = f" ({names.__name__}, shape {shape})"
        results += [
            compare(J, dD_dW(X, m), label="jacobian = δ_iλ X_θj" + where),
            compare(contract(J, G), G @ X.T, label="Σ_ij G_ij J_ijλθ = G Xᵀ" + where),
            compare(J.reshape(m * n, m * q), np.kron(np.eye(m), X.T), label="rows: I ⊗ Xᵀ" + where),
        ]
    expect_pass(*results)
    W, X, G = matmul_inputs(0, SQUARE)
    J = names.matmul_jacobian(W, X)
    expect_reject(
        compare(J.reshape(16, 16), np.kron(X.T, np.eye(4)), label="row-major reshape is Xᵀ ⊗ I"),
        compare(contract(J, G), G @ X, label="the contraction is G X"),
    )


def test_the_two_layer_network(names):
    results = []
    for seed, shape in cases():
        params, X, T = net_inputs(seed, shape)
        Y, cache = net_forward(params, X)
        phi, dY = net_loss(Y, T)
        expected = net_backward(dY, cache)
        got = names.two_layer_net_grads(params, X, T)
        where = f" ({names.__name__}, seed {seed}, shape {shape})"
        results.append(compare(got["phi"], phi, label="φ" + where))
        results += [compare(got[k], v, label=k + where) for k, v in expected.items()]
        if "dA" in got:  # PyTorch keeps the intermediate gradients with retain_grad()
            _, H, _, W2 = cache
            dH = W2.T @ dY
            results += [
                compare(got["dY"], dY, label="dY = (Y − T) / n" + where),
                compare(got["dH"], dH, label="dH = W2.T @ dY" + where),
                compare(got["dA"], tanh_backward(dH, H), label="dA = dH ∘ (1 − H ∘ H)" + where),
            ]
    expect_pass(*results)
    params, X, T = net_inputs(0, SQUARE, hidden=4)  # every weight 4 × 4: transposes fit
    Y, cache = net_forward(params, X)
    got = names.two_layer_net_grads(params, X, T)
    dY = net_loss(Y, T)[1]
    right = net_backward(dY, cache)
    expect_reject(
        compare(got["db2"], dY[:, 0], label="db2 one sample, not summed"),
        compare(got["db2"], dY.sum(axis=0), label="db2 summed over the outputs"),
        compare(got["dW2"], right["dW2"] * X.shape[1], label="dW2 without the 1/n"),
        compare(got["dW1"], right["dW1"].T, label="dW1 transposed"),
    )


def test_tensorflow_dense_layout():
    """Keras stores a Dense kernel (in, out): Y = X W + 1 bᵀ, the linear page's second layout."""
    names = names_module("tensorflow")
    keras = importlib.import_module("keras")
    layer = keras.layers.Dense(5)
    layer.build((None, 3))
    assert tuple(layer.kernel.shape) == (3, 5), "Keras's kernel is not (in, out)"
    results = []
    for seed, (m, q, N) in cases():
        X, Wt, b, dY = linear_inputs(seed, (m, q, N))
        W = Wt.T.copy()  # (q, m): stored (in, out)
        got = names.dense_grads(X, W, b, dY)
        expected = linear_rows_backward(dY, X, W)
        for name, value in zip(("dX", "dW", "db"), expected, strict=True):
            label = f"Dense {name} (seed {seed}, m, q, N = {m}, {q}, {N})"
            results.append(compare(got[name], value, label=label))
    expect_pass(*results)
    X, Wt, b, dY = linear_inputs(0, SQUARE)
    got = names.dense_grads(X, Wt.T.copy(), b, dY)
    expect_reject(compare(got["dW"], dY.T @ X, label="dW = dY.T @ X, the (out, in) formula"))


# --- PyTorch only: the layers, the transformer block, accumulation, bad input, run alone ---


def linear_inputs(seed, shape):
    """Samples as rows, weights stored (out, in): X (N, q), W (m, q), b (m,), dY (N, m)."""
    m, q, N = shape
    rng = np.random.default_rng([seed, 17])
    return tuple(rng.standard_normal(s) for s in ((N, q), (m, q), (m,), (N, m)))


def test_the_linear_layer(names):
    if not hasattr(names, "linear_grads"):
        pytest.skip(f"{names.__name__} shows no linear layer")
    results = []
    for seed, shape in cases():
        X, W, b, dY = linear_inputs(seed, shape)
        got = names.linear_grads(X, W, b, dY)
        for name, value in zip(("dX", "dW", "db"), linear_backward(dY, X, W), strict=True):
            label = f"linear {name} ({names.__name__}, seed {seed}, m, q, N = {shape})"
            results.append(compare(got[name], value, label=label))
    expect_pass(*results)
    X, W, b, dY = linear_inputs(0, SQUARE)
    got = names.linear_grads(X, W, b, dY)
    expect_reject(
        compare(got["dW"], X.T @ dY, label="dW = X.T @ dY, the (in, out) formula"),
        compare(got["dX"], dY @ W.T, label="dX = dY @ W.T"),
        compare(got["db"], dY[0], label="db one sample"),
        compare(got["db"], dY.sum(axis=1), label="db summed over the outputs"),
    )


def test_torch_layers(torch_names):
    results = []
    for seed, (m, q, N) in cases():
        rng = np.random.default_rng([seed, 18])
        where = f" (seed {seed}, m, q, N = {m}, {q}, {N})"
        Z = 3 * rng.standard_normal((N, m))
        T = softmax(rng.standard_normal((N, m)))  # each row a probability vector
        got = torch_names.cross_entropy_grads(Z, T)
        results.append(compare(got["phi"], cross_entropy(Z, T), label="cross-entropy" + where))
        results.append(compare(got["dZ"], cross_entropy_backward(Z, T), label="dZ" + where))
        p = q + 1  # layer norm of a single feature is constant: at least two
        Xn, gamma, beta, dYn = (rng.standard_normal(s) for s in ((N, p), (p,), (p,), (N, p)))
        got = torch_names.layernorm_grads(Xn, gamma, beta, dYn)
        expected = layernorm_backward(dYn, Xn, gamma)
        for name, value in zip(("dX", "dgamma", "dbeta"), expected, strict=True):
            results.append(compare(got[name], value, label=f"layer norm {name}" + where))
        Q, K, V, dO = (rng.standard_normal(s) for s in ((N, q), (N, q), (N, m), (N, m)))
        got = torch_names.attention_grads(Q, K, V, dO)
        expected = attention_backward(dO, Q, K, V, causal_mask(N))
        for name, value in zip(("dQ", "dK", "dV"), expected, strict=True):
            results.append(compare(got[name], value, label=f"causal attention {name}" + where))
    expect_pass(*results)
    rng = np.random.default_rng(19)
    Z, T = rng.standard_normal((4, 4)), softmax(rng.standard_normal((4, 4)))
    Xn, gamma, beta, dYn = (rng.standard_normal(s) for s in ((4, 4), (4,), (4,), (4, 4)))
    Q, K, V, dO = (rng.standard_normal((4, 4)) for _ in range(4))
    ln = torch_names.layernorm_grads(Xn, gamma, beta, dYn)
    expect_reject(
        compare(torch_names.cross_entropy_grads(Z, T)["dZ"], softmax(Z) - T, label="dZ, no 1/N"),
        compare(ln["dgamma"], dYn.sum(axis=0) * gamma, label="dgamma = Σ dY ∘ γ"),
        compare(ln["dX"], dYn * gamma, label="dX = dY ∘ γ, normalisation ignored"),
        compare(
            torch_names.attention_grads(Q, K, V, dO)["dV"],
            attention_backward(dO, Q, K, V)[2],
            label="dV without the causal mask",
        ),
    )


def test_torch_transformer_block(torch_names):
    results = []
    for seed in SEEDS[:2]:
        for shape in [(5, 6, 4, 7), (4, 4, 4, 4)]:
            params, X, dY = block_inputs(seed, shape)
            expected = block_backward(dY, params, block_forward(params, X)[1])
            got = torch_names.transformer_block_grads(params, X, dY)
            assert set(got) == set(expected), sorted(set(got) ^ set(expected))
            where = f" (seed {seed}, N, q, r, w = {shape})"
            # The key bias shifts every score of a row by one number, which softmax ignores:
            # its gradient is 0 (the transformer page checks it), rounding noise on both sides.
            for side, dbK in (("PyTorch", got.pop("dbK")), ("numpy", expected.pop("dbK"))):
                noise = np.abs(dbK).max() / np.abs(got["dWK"]).max()
                assert noise < 1e-13, f"{side}'s dbK is not 0 to rounding: {noise:.1e}" + where
            results += [compare(got[k], v, label=k + where) for k, v in expected.items()]
    expect_pass(*results)


def test_torch_grad_adds_up_over_backward_calls(torch_names):
    """The trap the page warns of: a second backward without zeroing doubles .grad."""
    torch = importlib.import_module("torch")
    W, X, G = matmul_inputs(0, (3, 4, 5))
    Wt = torch_names.leaf(W)
    for _ in range(2):
        (Wt @ torch.tensor(X)).backward(gradient=torch.tensor(G))
    expect_pass(compare(Wt.grad.numpy(), 2 * G @ X.T, label="W.grad after two backward calls"))
    expect_reject(compare(Wt.grad.numpy(), G @ X.T, label="W.grad after two calls is dW"))


def test_torch_intermediate_has_no_grad_without_retain_grad(torch_names):
    """The page's second trap: D.grad is None (with a warning) unless D.retain_grad() ran."""
    torch = importlib.import_module("torch")
    W, X, G = (torch.tensor(A) for A in matmul_inputs(0, (3, 4, 5)))
    W.requires_grad_(True)
    D = W @ X
    (G * D).sum().backward()
    with pytest.warns(UserWarning, match="not a leaf"):
        assert D.grad is None
    got = torch_names.matmul_grads_scalar_loss(*(A.detach().numpy() for A in (W, X, G)))
    expect_pass(compare(got["dD"], G.numpy(), label="D.grad after D.retain_grad() is G"))


def test_torch_refuses_what_it_would_compute_less_precisely(torch_names):
    W, X, G = matmul_inputs(0, (3, 4, 5))
    with pytest.raises(TypeError, match="float64"):
        torch_names.matmul_grads(W.astype(np.float32), X, G)
    with pytest.raises(TypeError, match="float64"):
        torch_names.leaf(np.arange(6).reshape(2, 3))


def test_the_names_files_run_alone(names):
    """What a reader copies runs in an empty folder with numpy and the framework."""
    path = FILES[names.__name__.rsplit(".", 1)[-1].removesuffix("_names")]
    run = run_alone((ROOT / path).read_text(), path.rsplit("/", 1)[-1])
    assert run.returncode == 0, f"{path} does not run alone:\n{run.stderr[-2000:]}"
    assert run.stdout.count(": True") == 2, run.stdout
    assert "(3, 5, 3, 4)" in run.stdout, run.stdout


def test_torch_linear_stores_its_weight_out_by_in(torch_names):
    """The page says nn.Linear stores W as (outputs, inputs), the layout linear_grads uses."""
    torch = importlib.import_module("torch")
    assert tuple(torch.nn.Linear(3, 5).weight.shape) == (5, 3)
