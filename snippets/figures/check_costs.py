"""Figure: what checking a gradient costs, against the number of parameters size(x).

Site machinery: it draws with matplotlib in the site's style (style.py) and runs the
site's checker, so it does not run alone; a page's download carries it with both.

Costs are counted, not timed: in evaluations of f, the scalar function whose gradient is
checked. The checker (snippets/gradcheck.py) evaluates f once at x and then

    method="central"       4 times per entry:              4 size(x) + 1
    method="complex"       once per entry, complex x:       size(x) + 1
    method="directional"   4 times per direction (d = 2):   4d = 8, whatever size(x) (no f(x))

For φ(W) = G : (W X), or any loss of D = W X, one evaluation costs m·q·n multiply-adds, the
product; the reverse-mode gradient costs that forward product plus the backward product
dW = G Xᵀ, another m·q·n: two evaluations' worth. Counts are exact and the same on every
machine; times are measured by tests/benchmark.py.
"""

import numpy as np

from snippets.figures.style import COLORS, in_style, inline_svg, new_figure
from snippets.gradcheck import DEFAULT_DIRECTIONS, FULL_CHECK_MAX_SIZE, check_gradient

DIRECTIONS = DEFAULT_DIRECTIONS  # the checker's default

#: Evaluations of f (or their multiply-add equivalent) per check, as functions of p = size(x).
COSTS = {
    "five-point differences, every entry": lambda p: 4 * p + 1,
    "complex step, every entry": lambda p: p + 1,
    f"directional check, {DIRECTIONS} directions": lambda p: 4 * DIRECTIONS + 0 * p,
    "the gradient itself (forward + backward)": lambda p: 2 + 0 * p,
}

METHOD_OF = {
    "five-point differences, every entry": "central",
    "complex step, every entry": "complex",
    f"directional check, {DIRECTIONS} directions": "directional",
}


def counted_evaluations(method: str, shape=(3, 4, 5), seed=0, directions=DIRECTIONS) -> int:
    """Run check_gradient on φ(W) = G : (W X), W (m, q), and count the calls to φ."""
    m, q, n = shape
    rng = np.random.default_rng(seed)
    W, X, G = rng.standard_normal((m, q)), rng.standard_normal((q, n)), rng.standard_normal((m, n))
    calls = 0

    def phi(W):
        nonlocal calls
        calls += 1
        return np.sum(G * (W @ X))

    result = check_gradient(phi, G @ X.T, W, method=method, directions=directions)
    if not result:
        raise AssertionError(f"the correct gradient was rejected: {result}")
    return calls


def counted_matmul_ratio(shape=(3, 4, 5)) -> float:
    """Multiply-adds of forward (W X) plus backward (G Xᵀ), over those of the forward."""
    m, q, n = shape
    forward = m * q * n  # D = W X: one multiply-add per (i, p, j)
    backward = m * n * q  # dW = G Xᵀ: one per (i, j, p)
    return (forward + backward) / forward


@in_style
def check_costs_svg() -> str:
    """The figure as SVG text: cost against p on log–log axes, the "auto" switch marked."""
    p = np.logspace(1, 7, 61)
    fig, ax = new_figure(6.4, 3.8)
    colors = [COLORS["orange"], COLORS["purple"], COLORS["blue"], COLORS["green"]]
    for (name, cost), color in zip(COSTS.items(), colors, strict=True):
        dash = "--" if "complex" in name else "-"
        ax.loglog(p, cost(p), dash, color=color, label=name)
    ax.axvline(
        FULL_CHECK_MAX_SIZE, color=COLORS["grey"], ls=":", lw=1.2, ymax=0.66
    )  # stops below the legend
    ax.annotate(
        f'method="auto" switches\nat size(x) = {FULL_CHECK_MAX_SIZE}',
        xy=(FULL_CHECK_MAX_SIZE, 1.2e2),
        xytext=(6, 0),
        textcoords="offset points",
        fontsize=9,
        va="bottom",
    )
    ax.set_xlabel("size(x), the number of entries of x (parameters)")
    ax.set_ylabel("cost, in evaluations of f")
    ax.set_ylim(1, 1e8)
    ax.grid(True, which="major")
    ax.minorticks_off()  # fewer tick objects: a faster build, a plainer figure
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    return inline_svg(
        fig,
        name="figure-check-costs",
        title="Cost of checking a gradient against the number of parameters",
        desc=(
            "Log-log plot of the cost of a check, in evaluations of f, against the number of"
            " parameters size(x) from 10 to 10 million. Five-point differences cost"
            " 4 size(x) + 1 evaluations and the complex step size(x) + 1: straight lines of"
            f" slope 1. The directional check costs {4 * DIRECTIONS} evaluations at every"
            " size(x), and the"
            " reverse-mode gradient about 2 (one forward and one backward product): flat"
            " lines. A dotted line marks size(x) = 2000, where method auto switches from"
            " differences entry by entry to directions."
        ),
    )
