"""Figure: what a check of 10⁶ parameters costs, against the smallest error it rejects.

Site machinery: it draws with the site's figure style (snippets/figures/style.py), so it
does not run alone; the checking page's download carries it.

Costs are evaluations of f, counted (snippets/figures/check_costs.py). The smallest error
rejected is read off the checker's own error measure and tolerance tol, for x of
size(x) entries:

    five-point differences, every entry   4 size(x) + 1 evaluations   any error above tol = 1e-8
    complex step, every entry               size(x) + 1 evaluations   any error above tol = 1e-10
    d random directions                     4d evaluations            an error rel with probability
                                                                      1 − erf(tol / (rel √2))^d

where, for the directions, rel = ‖s ⊙ δ‖ / ‖s ⊙ g‖ is the size of the error δ of the claimed
gradient g in the checker's scaled norm (docs/checking.md). For d directions the figure
marks the rel rejected with probability 99 % and 50 %; the checker's default is d = 2.
"""

import math

from snippets.figures.style import COLORS, in_style, inline_svg, new_figure
from snippets.gradcheck import DEFAULT_DIRECTIONS, DEFAULT_TOLERANCE

P = 10**6
DIRECTIONS = (1, 2, 3, 4, 6, 8, 12, 16)
CONFIDENCES = (0.99, 0.5)


def erfinv(y: float) -> float:
    """The x with erf(x) = y, for 0 < y < 1, by bisection (math has erf, not its inverse)."""
    low, high = 0.0, 10.0
    for _ in range(200):
        mid = (low + high) / 2
        low, high = (mid, high) if math.erf(mid) < y else (low, mid)
    return (low + high) / 2


def rejected_with(confidence: float, directions: int, tolerance: float) -> float:
    """The error rel that d directions reject with the given probability:
    erf(tol / (rel √2))^d = 1 − confidence, with tol the tolerance."""
    return tolerance / (math.sqrt(2.0) * erfinv((1.0 - confidence) ** (1.0 / directions)))


def points(p: int = P):
    """(label, evaluations, smallest error rejected) for each method, at p parameters."""
    tau = DEFAULT_TOLERANCE["directional"]
    rows = [
        ("five-point, every entry", 4 * p + 1, DEFAULT_TOLERANCE["central"]),
        ("complex step, every entry", p + 1, DEFAULT_TOLERANCE["complex"]),
    ]
    for confidence in CONFIDENCES:
        for d in DIRECTIONS:
            r = rejected_with(confidence, d, tau)
            rows.append((f"{d} directions, {confidence:.0%}", 4 * d, r))
    return rows


@in_style
def check_sensitivity_svg() -> str:
    """The figure as SVG text: evaluations against the smallest error rejected, log–log."""
    fig, ax = new_figure(6.4, 3.8)
    rows = points()
    full = rows[:2]
    for (name, cost, error), color in zip(full, [COLORS["orange"], COLORS["purple"]], strict=True):
        ax.loglog([cost], [error], "s", color=color, label=name)
    for confidence, style in zip(CONFIDENCES, ["-o", "--o"], strict=True):
        mine = [(c, e) for name, c, e in rows[2:] if name.endswith(f"{confidence:.0%}")]
        costs, errors = zip(*mine, strict=True)
        ax.loglog(
            costs,
            errors,
            style,
            color=COLORS["blue"],
            ms=4,
            label=f"directions, rejected with probability {confidence:.0%}",
        )
    default = rejected_with(0.99, DEFAULT_DIRECTIONS, DEFAULT_TOLERANCE["directional"])
    ax.annotate(
        f"default: {DEFAULT_DIRECTIONS} directions,\n{4 * DEFAULT_DIRECTIONS} evaluations",
        xy=(4 * DEFAULT_DIRECTIONS, default),
        xytext=(14, 18),
        textcoords="offset points",
        fontsize=9,
        arrowprops={"arrowstyle": "-", "color": COLORS["grey"]},
    )
    ax.set_xlabel(f"evaluations of f, for size(x) = {P:,} parameters")
    ax.set_ylabel("smallest error rejected")
    ax.set_xlim(2, 2e7)
    ax.set_ylim(3e-11, 1e-3)
    ax.grid(True, which="major")
    ax.minorticks_off()
    ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    return inline_svg(
        fig,
        name="figure-check-sensitivity",
        title="Evaluations of f against the smallest error a check rejects",
        desc=(
            "Log-log plot for a gradient of one million entries. Five-point differences"
            " cost about four million evaluations and reject any error above 1e-8; the"
            " complex step costs one million and rejects any error above 1e-10. Random"
            " directions cost four evaluations each: with 2 directions (8 evaluations, the"
            " default) an error of 8e-8 is rejected with probability 99 % and one of 1e-8"
            " with probability 50 %; more directions bring the 99 % line down towards 1e-8."
        ),
    )
