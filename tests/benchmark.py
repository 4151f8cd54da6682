"""Measured performance: ratios timed side by side in one run, and the site's budgets.

    .venv/bin/python tests/benchmark.py [--quick]

Prints, all from one run on this machine:

1. time(backward) / time(forward) for D = W X and for the layers of snippets/layers/
   (linear, softmax cross-entropy, attention, convolution), next to the usual rule of
   thumb that a backward pass costs 2-3 forward passes. Where PyTorch is importable, the
   same ratios for its autograd on the CPU (optional: skipped with a message otherwise).
2. The gradient checker on the softplus loss of D = W X (W has the p parameters, X has 64
   columns): cost(directional check) / cost(one evaluation of f) at 10², 10⁴ and 10⁶
   parameters (should stay flat: 8 evaluations, plus the directions' own work), and
   cost(five-point differences) / cost(f) at small sizes (grows like 4p + 1). Then, at
   10², 10⁴ and 10⁶ entries, the evaluations of f of the default check and the smallest
   relative error it rejects; the same for torch.autograd.gradcheck(fast_mode=True) and
   jax.test_util.check_grads where they are importable (optional, never required).
3. The site: a strict build of the whole site, and a rebuild after editing one page;
   the test suite without the browser tests.
4. PASS/FAIL against the budgets: strict build < 30 s, tests without browser < 60 s.

1b. (between 1 and 2) The autodiff engine of snippets/autodiff/engine.py: time(phi.backward())
   over time(the hand-written backward pass of snippets/two_layer_net.py) on the two-layer
   network at batch 256 (goal ≤ 1.3), and PyTorch autograd over the same hand-written pass
   written in PyTorch, where PyTorch is importable.

Only ratios are reported for the code: the forward and the backward pass (or the check and
f) are timed alternately, repeat after repeat, and each ratio is of the two medians, so a
machine that slows down during the run slows both. The timed code runs with one BLAS
thread (BENCHMARK_THREADS=n to choose, 0 for the library's default). Absolute times are
printed for the build and the tests only, because their budgets are absolute; those run
with the caller's environment.
"""

import argparse
import importlib
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: The environment of the build and the tests, as the caller set it.
CALLER_ENV = dict(os.environ)
# One BLAS thread for the timed code: on a busy 2-core machine a multi-threaded product
# waits for descheduled threads, and the ratios then measure scheduling, not work.
# (BENCHMARK_THREADS=0 keeps the BLAS default.)
if os.environ.get("BENCHMARK_THREADS", "1") != "0":
    for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[_name] = os.environ.get("BENCHMARK_THREADS", "1")

import numpy as np  # noqa: E402 - after the thread settings above

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from snippets.gradcheck import (  # noqa: E402 - after the path above
    DEFAULT_DIRECTIONS,
    FULL_CHECK_MAX_SIZE,
    check_gradient,
)

BUDGETS = {"strict build of the whole site": 30.0, "test suite without browser tests": 60.0}
RULE_OF_THUMB = (2.0, 3.0)  # backward / forward, the usual estimate


# --- timing ----------------------------------------------------------------------------------


def calibrated(call, target=0.02) -> int:
    """How many calls of `call` take about `target` seconds (at least 1)."""
    n = 1
    while True:
        start = time.perf_counter()
        for _ in range(n):
            call()
        elapsed = time.perf_counter() - start
        if elapsed >= target or n >= 2**20:
            return max(1, round(n * target / max(elapsed, 1e-9)))
        n *= 4


def interleaved_ratio(numerator, denominator, repeats=15) -> tuple[float, float]:
    """median time of numerator / median time of denominator, timed alternately.

    Each repeat calls the two one after the other, call by call, as many times as fill about
    20 ms of the slower one, and records the mean time per call of each; the ratio is of the
    medians over the repeats. Alternating call by call makes both see the same machine: a
    busy moment slows both. Returns (ratio, spread): spread is the upper over the lower
    quartile of the per-repeat ratios, a rough measure of the noise.
    """
    n = min(calibrated(numerator), calibrated(denominator))
    clock = time.perf_counter
    num, den = [], []
    for _ in range(repeats):
        t_num = t_den = 0.0
        for _ in range(n):
            t0 = clock()
            numerator()
            t1 = clock()
            denominator()
            t2 = clock()
            t_num += t1 - t0
            t_den += t2 - t1
        num.append(t_num / n)
        den.append(t_den / n)
    per_repeat = sorted(a / b for a, b in zip(num, den, strict=True))
    q1, q3 = per_repeat[len(per_repeat) // 4], per_repeat[(3 * len(per_repeat)) // 4]
    return statistics.median(num) / statistics.median(den), q3 / q1


# --- 1. backward / forward -------------------------------------------------------------------


def cases(rng):
    """(name, forward, backward) for each operation; a layer whose module is missing, or
    whose functions have another signature, is reported as skipped."""
    found, skipped = [], []

    def add(name, build):
        try:
            forward, backward = build()
            backward()  # a first call, so that a wrong signature shows here
            forward()
            found.append((name, forward, backward))
        except Exception as exc:  # a layer being written: say so and go on
            skipped.append((name, f"{type(exc).__name__}: {exc}"))

    def matmul():
        from snippets.matmul import matmul_backward, matmul_forward

        W, X = rng.standard_normal((512, 512)), rng.standard_normal((512, 256))
        G = rng.standard_normal((512, 256))
        return (lambda: matmul_forward(W, X)), (lambda: matmul_backward(G, W, X))

    def linear():
        layer = importlib.import_module("snippets.layers.linear")
        X, W = rng.standard_normal((256, 512)), rng.standard_normal((512, 512))
        b, dY = rng.standard_normal(512), rng.standard_normal((256, 512))
        return (
            (lambda: layer.linear_forward(X, W, b)),
            (lambda: layer.linear_backward(dY, X, W)),
        )

    def softmax_cross_entropy():
        layer = importlib.import_module("snippets.layers.softmax")
        Z = rng.standard_normal((256, 1000))
        T = np.eye(1000)[rng.integers(0, 1000, 256)]
        return (
            (lambda: layer.cross_entropy(Z, T)),
            (lambda: layer.cross_entropy_backward(Z, T)),
        )

    def attention():
        layer = importlib.import_module("snippets.layers.attention")
        Q, K, V = (rng.standard_normal((256, 64)) for _ in range(3))
        dO = rng.standard_normal((256, 64))
        return (
            (lambda: layer.attention_forward(Q, K, V)),
            (lambda: layer.attention_backward(dO, Q, K, V)),
        )

    def convolution():
        layer = importlib.import_module("snippets.layers.convolution")
        X, W = rng.standard_normal((8, 16, 32, 32)), rng.standard_normal((32, 16, 3, 3))
        b, dY = rng.standard_normal(32), rng.standard_normal((8, 32, 32, 32))
        return (
            (lambda: layer.conv2d_forward(X, W, b, padding=1)),
            (lambda: layer.conv2d_backward(dY, X, W, padding=1)),
        )

    add("matmul D = W X (512×512 · 512×256)", matmul)
    add("linear, X (256, 512), W (512, 512)", linear)
    add("softmax cross-entropy, Z (256, 1000)", softmax_cross_entropy)
    add("attention, n = m = 256, h = v = 64", attention)
    add("convolution 3×3, (8, 16, 32, 32) → 32", convolution)
    return found, skipped


def where(ratio: float) -> str:
    low, high = RULE_OF_THUMB
    if ratio < low:
        return f"below {low:g}×"
    if ratio <= high:
        return f"within {low:g}–{high:g}×"
    return f"above {high:g}×"


def backward_forward(repeats: int) -> None:
    print("1. time(backward) / time(forward), medians of interleaved repeats")
    found, skipped = cases(np.random.default_rng(0))
    for name, forward, backward in found:
        ratio, spread = interleaved_ratio(backward, forward, repeats)
        print(f"   {name:42} {ratio:5.2f}  ({where(ratio)}; quartile spread ×{spread:.2f})")
    for name, why in skipped:
        print(f"   {name:42} skipped: {why}")
    torch_ratios(repeats)


def torch_ratios(repeats: int) -> None:
    try:
        torch = importlib.import_module("torch")
    except ImportError:
        print("   PyTorch: not importable here, so no autograd comparison (optional)")
        return
    if os.environ.get("BENCHMARK_THREADS", "1") != "0":
        torch.set_num_threads(int(os.environ.get("BENCHMARK_THREADS", "1")))
    torch.manual_seed(0)
    W = torch.randn(512, 512, dtype=torch.float64, requires_grad=True)
    X = torch.randn(512, 256, dtype=torch.float64, requires_grad=True)  # dW and dX, as numpy
    G = torch.randn(512, 256, dtype=torch.float64)
    Z = torch.randn(256, 1000, dtype=torch.float64, requires_grad=True)
    t = torch.randint(0, 1000, (256,))  # targets as class indices
    Q, K, V = (torch.randn(256, 64, dtype=torch.float64, requires_grad=True) for _ in range(3))
    dO = torch.randn(256, 64, dtype=torch.float64)
    F = torch.nn.functional
    XL = torch.randn(256, 512, dtype=torch.float64, requires_grad=True)
    WL = torch.randn(512, 512, dtype=torch.float64, requires_grad=True)
    bL = torch.randn(512, dtype=torch.float64, requires_grad=True)
    dYL = torch.randn(256, 512, dtype=torch.float64)
    XC = torch.randn(8, 16, 32, 32, dtype=torch.float64, requires_grad=True)
    WC = torch.randn(32, 16, 3, 3, dtype=torch.float64, requires_grad=True)
    bC = torch.randn(32, dtype=torch.float64, requires_grad=True)
    dYC = torch.randn(8, 32, 32, 32, dtype=torch.float64)
    ops = {
        "matmul": lambda: (W @ X, G),
        "linear": lambda: (F.linear(XL, WL, bL), dYL),
        "softmax cross-entropy": lambda: (F.cross_entropy(Z, t), None),
        "attention": lambda: (torch.softmax(Q @ K.T / 8.0, dim=1) @ V, dO),
        "convolution": lambda: (F.conv2d(XC, WC, bC, padding=1), dYC),
    }
    for name, op in ops.items():

        def forward(op=op):
            with torch.no_grad():
                op()

        def forward_and_backward(op=op):
            out, grad = op()
            out.backward(grad)

        both, _ = interleaved_ratio(forward_and_backward, forward, repeats)
        # (forward + backward) / forward − 1; the forward pass here runs without autograd
        print(f"   PyTorch autograd, {name:28} {both - 1:5.2f}  ({where(both - 1)})")


# --- 1b. the autodiff engine ------------------------------------------------------------------

#: The two-layer network of the benchmark: (q inputs, m1 hidden units, m outputs, batch n).
ENGINE_NET = (128, 256, 10, 256)
ENGINE_GOAL = 1.3  # engine backward / hand-written backward, the goal of issue 15


def engine_ratio(repeats: int) -> None:
    """time(phi.backward()) of snippets/autodiff/engine.py over the hand-written backward
    pass of snippets/two_layer_net.py, both from φ to every gradient (dX included), on one
    graph built once; and PyTorch autograd over the same hand-written pass in PyTorch."""
    print("1b. the autodiff engine: time(engine backward) / time(hand-written backward)")
    try:
        from snippets.autodiff.engine import Tensor  # noqa: F401 - importable, or skip
        from snippets.checks.autodiff.engine import engine_net
        from snippets.checks.math_to_code import net_inputs
        from snippets.two_layer_net import net_backward, net_forward
    except ImportError as exc:
        print(f"   skipped: {exc}")
        return
    n = ENGINE_NET[3]
    params, X, T = net_inputs(0, ENGINE_NET)
    phi, _ = engine_net(params, X, T)
    Y, cache = net_forward(params, X)

    def by_hand():
        net_backward((Y - T) / n, cache)  # dY = (Y − T) / n, then the five gradients

    ratio, spread = interleaved_ratio(phi.backward, by_hand, repeats)
    verdict = "within" if ratio <= ENGINE_GOAL else "above"
    print(
        f"   engine, two-layer net (q, m1, m, n) = {ENGINE_NET}: {ratio:5.2f}"
        f"  ({verdict} the goal of {ENGINE_GOAL}; quartile spread ×{spread:.2f})"
    )
    torch_engine_ratio(params, X, T, repeats)


def torch_engine_ratio(params, X, T, repeats: int) -> None:
    try:
        torch = importlib.import_module("torch")
    except ImportError:
        print("   PyTorch: not importable here, so no autograd comparison (optional)")
        return
    if os.environ.get("BENCHMARK_THREADS", "1") != "0":
        torch.set_num_threads(int(os.environ.get("BENCHMARK_THREADS", "1")))
    p = {k: torch.from_numpy(v).requires_grad_(True) for k, v in params.items()}
    x, t = torch.from_numpy(X).requires_grad_(True), torch.from_numpy(T)
    n = X.shape[1]
    H = torch.tanh(p["W1"] @ x + p["b1"][:, None])
    Y = p["W2"] @ H + p["b2"][:, None]
    phi = 0.5 * ((Y - t) ** 2).sum() / n
    leaves = [*p.values(), x]
    Hd, Yd = H.detach(), Y.detach()
    W1, W2 = p["W1"].detach(), p["W2"].detach()

    def autograd():
        for leaf in leaves:
            leaf.grad = None  # fresh gradients each time, as the engine's backward()
        phi.backward(retain_graph=True)

    def by_hand():
        dY = (Yd - t) / n
        _ = dY @ Hd.T, dY.sum(dim=1)
        dA = (W2.T @ dY) * (1.0 - Hd * Hd)
        _ = dA @ x.detach().T, dA.sum(dim=1), W1.T @ dA

    ratio, spread = interleaved_ratio(autograd, by_hand, repeats)
    print(
        f"   PyTorch autograd over the same hand-written pass in PyTorch: {ratio:5.2f}"
        f"  (quartile spread ×{spread:.2f})"
    )


# --- 2. the checker --------------------------------------------------------------------------


def loss(W, X, Y):
    """φ = Σ softplus(−Y ∘ (W X)): the softplus loss of the checking page."""
    return np.sum(np.logaddexp(0.0, -Y * (W @ X)))


def loss_grad(W, X, Y):
    return (-Y / (1.0 + np.exp(Y * (W @ X)))) @ X.T


def checker_costs(repeats: int, quick: bool) -> None:
    print("2. cost of checking a gradient, over the cost of one evaluation of f")
    rng = np.random.default_rng(0)
    sizes = [(10, 10), (100, 100), (1000, 1000)]
    directional = 4 * DEFAULT_DIRECTIONS
    for label, method, shapes, expected in [
        (
            f"directional, {DEFAULT_DIRECTIONS} directions",
            "directional",
            sizes,
            lambda p: directional,
        ),
        ("five-point, every entry", "central", [(5, 2), (10, 10), (20, 25)], lambda p: 4 * p + 1),
    ]:
        for m, q in shapes:
            n = 64  # samples: one evaluation of f costs 64 multiply-adds per parameter
            W, X = rng.standard_normal((m, q)), rng.standard_normal((q, n)) / np.sqrt(q)
            Y = rng.choice([-1.0, 1.0], size=(m, n))
            g = loss_grad(W, X, Y)

            def f(W, X=X, Y=Y):
                return loss(W, X, Y)

            def check(f=f, g=g, W=W, method=method):
                assert check_gradient(f, g, W, method=method)

            reps = max(5, repeats // 3) if (quick or m * q >= 10**6) else repeats
            ratio, spread = interleaved_ratio(check, lambda f=f, W=W: f(W), reps)
            p = m * q
            print(
                f"   {label:26} p = {p:>9,}: {ratio:9.1f} evaluations' worth"
                f"  (counted evaluations {expected(p):,}; ratio / count {ratio / expected(p):.2f};"
                f" spread ×{spread:.2f})"
            )


#: Relative errors tried, from large to small: half decades from 1e-3 to 1e-10.
ERRORS = [10.0 ** (-k / 2) for k in range(6, 21)]


def smallest_rejected(check, g: np.ndarray, seeds=range(5)) -> float:
    """The smallest relative error ε of ERRORS such that g + ε·max|g|·(random signs) is
    rejected for every seed, and so is every larger ε tried; nan if even 1e-3 passes."""
    smallest = float("nan")
    for eps in ERRORS:
        for seed in seeds:
            signs = np.random.default_rng(100 + seed).choice([-1.0, 1.0], size=g.shape)
            if check(g + eps * np.max(np.abs(g)) * signs, seed):
                return smallest
        smallest = eps
    return smallest


def sensitivity(quick: bool) -> None:
    """Evaluations of f and the smallest relative error rejected, at 10², 10⁴ and 10⁶ entries."""
    print("2b. evaluations of f and the smallest relative error rejected (in all of 5 seeds)")
    rng = np.random.default_rng(1)
    for p in [10**2, 10**4, 10**6]:
        x = rng.standard_normal(p)
        g = 1.0 / (1.0 + np.exp(-x))

        def f(x):
            return np.sum(np.logaddexp(0.0, x))

        calls = 0

        def counted(x):
            nonlocal calls
            calls += 1
            return f(x)

        assert check_gradient(counted, g, x)
        name = "central" if p <= FULL_CHECK_MAX_SIZE else f"directional, {DEFAULT_DIRECTIONS}"

        def ours(claim, seed, x=x, f=f):
            return bool(check_gradient(f, claim, x, seed=seed))

        found = smallest_rejected(ours, g)
        print(f"   ours, default ({name:14}) p = {p:>9,}: {calls:>5} evaluations,"
              f" smallest error rejected {found:.0e}")  # fmt: skip
        for other in ("torch", "jax"):
            if importlib.util.find_spec(other) is not None:
                {"torch": torch_gradcheck, "jax": jax_check_grads}[other](x, g)
    for other in ("torch", "jax"):
        if importlib.util.find_spec(other) is None:
            print(f"   {other}: not importable here, so no comparison (optional)")


def torch_gradcheck(x: np.ndarray, g: np.ndarray) -> None:
    """torch.autograd.gradcheck(fast_mode=True) on the same f, with a claimed gradient
    injected through a custom backward (optional: only where PyTorch is importable)."""
    try:
        torch = importlib.import_module("torch")
    except ImportError:
        print(f"   {'torch gradcheck(fast_mode=True)':30} not importable here (optional)")
        return
    calls = 0

    def check(claim, seed):
        nonlocal calls
        calls = 0
        torch.manual_seed(seed)
        claimed = torch.from_numpy(claim)

        class F(torch.autograd.Function):
            @staticmethod
            def forward(ctx, t):
                nonlocal calls
                calls += 1
                return torch.logaddexp(torch.zeros_like(t), t).sum()

            @staticmethod
            def backward(ctx, out):
                return out * claimed

        t = torch.from_numpy(x.copy()).requires_grad_(True)
        return torch.autograd.gradcheck(F.apply, (t,), fast_mode=True, raise_exception=False)

    found = smallest_rejected(check, g)
    check(g, 0)
    print(f"   {'torch gradcheck(fast_mode=True)':30} p = {x.size:>9,}: {calls:>5} evaluations,"
          f" smallest error rejected {found:.0e}")  # fmt: skip


def jax_check_grads(x: np.ndarray, g: np.ndarray) -> None:
    """jax.test_util.check_grads (order 1, reverse mode) on the same f, with the claimed
    gradient injected through a custom VJP (optional: only where JAX is importable)."""
    try:
        jax = importlib.import_module("jax")
        test_util = importlib.import_module("jax.test_util")
    except ImportError:
        print(f"   {'jax check_grads':30} not importable here (optional)")
        return
    jax.config.update("jax_enable_x64", True)
    jnp = importlib.import_module("jax.numpy")
    calls = 0

    def check(claim, seed):
        nonlocal calls
        calls = 0

        @jax.custom_vjp
        def f(t):
            return jnp.sum(jnp.logaddexp(0.0, t))

        def f_fwd(t):
            return f(t), None

        def f_bwd(_, out):
            return (out * jnp.asarray(claim),)

        f.defvjp(f_fwd, f_bwd)

        def counted(t):
            nonlocal calls
            calls += 1
            return f(t)

        try:
            test_util.check_grads(counted, (jnp.asarray(x),), order=1, modes=("rev",))
        except AssertionError:
            return False
        return True

    found = smallest_rejected(check, g)
    check(g, 0)
    print(f"   {'jax check_grads (order 1, rev)':30} p = {x.size:>9,}: {calls:>5} evaluations,"
          f" smallest error rejected {found:.0e}")  # fmt: skip


# --- 3. the site -----------------------------------------------------------------------------


def timed_run(command: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    run = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**CALLER_ENV, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    return time.perf_counter() - start, run


REBUILD = """
import sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

page = Path("docs/checking.md")
timings = []
for attempt in range(2):
    # not strict: a warning should not stop the timing (the strict build is timed above)
    config = load_config(config_file="mkdocs.yml", strict=False, site_dir=sys.argv[1])
    if attempt == 1:
        page.touch()  # what an editor's save does; serve then rebuilds in the same process
    start = time.perf_counter()
    build(config)
    timings.append(time.perf_counter() - start)
print(*timings)
"""


def site(results: dict[str, tuple[float, bool, str]]) -> None:
    print("3. the site")
    with tempfile.TemporaryDirectory() as tmp:
        python = sys.executable
        seconds, run = timed_run(
            [python, "-m", "mkdocs", "build", "--strict", "--site-dir", f"{tmp}/site"]
        )
        ok = run.returncode == 0
        why = "" if ok else last_problem(run)
        results["strict build of the whole site"] = (seconds, ok, why)
        print(f"   strict build, new process:             {seconds:6.1f} s {why}")

        _, run = timed_run([python, "-c", REBUILD, f"{tmp}/rebuild"])
        if run.returncode == 0:
            first, second = (float(v) for v in run.stdout.split()[-2:])
            print(f"   build inside one process, first:      {first:6.1f} s")
            print(f"   rebuild after touching checking.md:   {second:6.1f} s  (as `mkdocs serve`)")
        else:
            print(f"   rebuild: the build failed, {last_problem(run)}")

    seconds, run = timed_run(
        [
            python,
            "-m",
            "pytest",
            "-q",
            "-n",
            "auto",
            "-p",
            "no:cacheprovider",
            "--ignore=tests/browser",
            "--ignore=tests/page_downloads",
        ]
    )
    ok = run.returncode == 0
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    results["test suite without browser tests"] = (seconds, ok, "" if ok else f"({summary})")
    print(f"   pytest -n auto without tests/browser:   {seconds:6.1f} s  {summary}")


def last_problem(run: subprocess.CompletedProcess) -> str:
    lines = [
        line
        for line in (run.stderr + run.stdout).splitlines()
        if "WARNING" in line or "Error" in line
    ]
    return f"(failed: {lines[-1].strip()[:150]})" if lines else f"(exit code {run.returncode})"


def budgets(results: dict[str, tuple[float, bool, str]]) -> int:
    print("4. budgets")
    failed = 0
    for name, limit in BUDGETS.items():
        seconds, ran_ok, why = results[name]
        within = ran_ok and seconds < limit
        failed += not within
        verdict = "PASS" if within else "FAIL"
        note = "" if ran_ok else f" but it did not succeed {why}"
        print(f"   {verdict}  {name}: {seconds:.1f} s, budget {limit:g} s{note}")
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (noisier)")
    args = parser.parse_args()
    repeats = 7 if args.quick else 15
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"numpy {np.__version__}, {os.cpu_count()} cores, load average {load} at the start")
    threads = os.environ.get("OPENBLAS_NUM_THREADS", "default")
    print(f"ratios are of medians over {repeats} repeats, BLAS threads: {threads}")
    start = time.perf_counter()
    backward_forward(repeats)
    engine_ratio(repeats)
    checker_costs(repeats, args.quick)
    sensitivity(args.quick)
    results: dict[str, tuple[float, bool, str]] = {}
    site(results)
    failed = budgets(results)
    print(f"benchmark took {time.perf_counter() - start:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
