"""Figure: the error of finite differences against the step h (docs/checking.md).

Site machinery: it draws with matplotlib in the site's style (style.py) from the checking
page's functions, so it does not run alone; a page's download carries it with them.

The function is the softplus loss of D = W X from the checking page,
φ(W) = Σ_ij softplus(−T_ij (W X)_ij) with W (3, 4), X (4, 5), T (3, 5). (φ = G : (W X)
itself is linear in W, so its finite differences have no truncation error to show.)
For each base step h, entry i of W is moved by h·max(|W_i|, ρ/1000) (ρ the root mean square
of W), as the checker does (`step_sizes`), and
the whole numerical gradient is compared with the exact one by the checker's error
measure (max relative error). Four methods:

    forward       (φ(W + h e_i) − φ(W)) / h                          error ≈ trunc·h + round·ε/h
    two-point     (φ(W + h e_i) − φ(W − h e_i)) / 2h                 error ≈ trunc·h² + round·ε/h
    five-point    the checker's "central" stencil                    error ≈ trunc·h⁴ + round·ε/h
    complex step  Im φ(W + i h e_i) / h                              error ≈ trunc·h², no ε/h
"""

import numpy as np

from snippets.checks.checking import loss_inputs, softplus_loss, softplus_loss_grad
from snippets.figures.style import COLORS, in_style, inline_svg, new_figure
from snippets.gradcheck import EPS, relative_error, step_sizes

#: The checker's base step for the five-point stencil (snippets/gradcheck.py, `_steps`).
CHECKER_STEP = EPS**0.2

#: Errors below this are rounding of the exact gradient itself; they are drawn at this value.
FLOOR = 1e-17


def steps() -> np.ndarray:
    """Base steps from 1e-14 to 1, eight per decade, and the checker's step."""
    return np.sort(np.append(np.logspace(-14, 0, 113), CHECKER_STEP))


def step_errors(seed=0, shape=(3, 4, 5)):
    """For every base step h of `steps`: the max relative error of each method's gradient.

    Returns (h, errors) with errors a dict of arrays, one per method, each of h's length.
    """
    W, X, T = loss_inputs(seed, shape)
    exact = softplus_loss_grad(W, X, T)

    def f(W):
        return softplus_loss(W, X, T)

    scale = step_sizes(W) / CHECKER_STEP
    f0 = f(W)
    h_all = steps()
    errors = {
        name: np.empty(h_all.size)
        for name in ("forward", "two-point", "five-point", "complex step")
    }
    for k, h in enumerate(h_all):
        estimates = {name: np.empty(W.shape) for name in errors}
        for i in np.ndindex(W.shape):
            hi = h * scale[i]

            def at(t, i=i):
                moved = W.astype(complex) if isinstance(t, complex) else W.copy()
                moved[i] += t
                return f(moved)

            estimates["forward"][i] = (at(hi) - f0) / hi
            estimates["two-point"][i] = (at(hi) - at(-hi)) / (2 * hi)
            estimates["five-point"][i] = (-at(2 * hi) + 8 * at(hi) - 8 * at(-hi) + at(-2 * hi)) / (
                12 * hi
            )
            estimates["complex step"][i] = at(1j * hi).imag / hi
        for name in errors:
            errors[name][k] = relative_error(estimates[name], exact)
    return h_all, errors


@in_style
def fd_steps_svg(seed=0) -> str:
    """The figure as SVG text: error against h on log–log axes, the checker's step marked."""
    h, errors = step_errors(seed)
    fig, ax = new_figure(6.4, 3.9)
    styles = {
        "forward": (COLORS["orange"], "-"),
        "two-point": (COLORS["purple"], "-"),
        "five-point": (COLORS["blue"], "-"),
        "complex step": (COLORS["green"], "--"),
    }
    for name, (color, dash) in styles.items():
        label = "five-point (the checker)" if name == "five-point" else name
        ax.loglog(h, np.maximum(errors[name], FLOOR), dash, color=color, label=label)
    ax.axvline(CHECKER_STEP, color=COLORS["grey"], linestyle=":", linewidth=1.2)
    ax.annotate(
        "checker's step\nh = ε^(1/5) ≈ 7.4e-4",
        xy=(CHECKER_STEP, 1e-16),
        xytext=(6, 0),
        textcoords="offset points",
        fontsize=9,
        va="bottom",
    )
    ax.set_xlabel("base step h (entry i moves by h·max(|Wᵢ|, ρ))")
    ax.set_ylabel("max relative error of the gradient")
    ax.set_ylim(FLOOR / 2, 10)
    ax.set_xlim(1e-14, 1)
    ax.grid(True, which="major")
    ax.minorticks_off()  # fewer tick objects: a faster build, a plainer figure
    ax.legend(loc="upper center", ncols=2, fontsize=9)
    fig.tight_layout()
    return inline_svg(
        fig,
        name="figure-fd-steps",
        title="Error of finite differences against the step h",
        desc=(
            "Log-log plot of the max relative error of the numerical gradient of the softplus"
            " loss of D = WX against the base step h, from 1e-14 to 1. The forward, two-point"
            " and five-point differences each form a V: the error falls as h shrinks"
            " (truncation), reaches a minimum, then rises again like 1/h (rounding). The"
            " five-point V is lowest, with its minimum near the checker's step"
            " h = eps^(1/5), about 7.4e-4. The complex step has no rounding arm: its error"
            " falls with h and stays at the level of rounding for all small h."
        ),
    )
