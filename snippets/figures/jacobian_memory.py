"""Figure: memory of the explicit Jacobian ∂vec D/∂vec W against the gradient ∂φ/∂W.

Site machinery: it draws with matplotlib in the site's style (style.py), so it does not
run alone; a page's download carries it with the style.

D = W X with W (s, s) and X (s, s), for s = 2, 4, ..., 4096: the Jacobian Xᵀ ⊗ I_s has
s²·s² entries, the gradient s². Bytes in float64, from `jacobian_size` of
snippets/kronecker.py: computed from the shapes, nothing is allocated.
"""

import numpy as np

from snippets.figures.style import COLORS, in_style, inline_svg, new_figure
from snippets.kronecker import jacobian_size

SIZES = tuple(2**k for k in range(1, 13))  # s = 2 ... 4096

UNITS = {"KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40, "PiB": 2**50}


def memory_table(sizes=SIZES):
    """Rows (s, bytes of Xᵀ ⊗ I_s, bytes of ∂φ/∂W) for W and X of shape (s, s)."""
    rows = []
    for s in sizes:
        table = jacobian_size(s, s, s)
        rows.append((s, table["Xᵀ ⊗ I_m"][1], table["∂φ/∂W"][1]))
    return rows


@in_style
def jacobian_memory_svg(sizes=SIZES) -> str:
    """The figure as SVG text: bytes against s, both axes logarithmic, units marked."""
    s, jacobian, gradient = np.array(memory_table(sizes), dtype=float).T
    fig, ax = new_figure(6.4, 3.6)
    ax.loglog(
        s, jacobian, "o-", color=COLORS["orange"], ms=4, label="Jacobian Xᵀ ⊗ Iₛ  (8 s⁴ bytes)"
    )
    ax.loglog(s, gradient, "o-", color=COLORS["blue"], ms=4, label="gradient ∂φ/∂W  (8 s² bytes)")
    ax.set_yticks([1, *UNITS.values()], ["1 B", *(f"1 {unit}" for unit in UNITS)])
    ax.grid(True, axis="y", which="major")
    ax.set_xscale("log", base=2)
    ax.set_xticks(s, [f"{int(v)}" for v in s])
    ax.set_xlabel("s, with W and X of shape s × s")
    ax.minorticks_off()
    ax.set_ylabel("memory (float64)")
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    return inline_svg(
        fig,
        name="figure-jacobian-memory",
        title="Memory of the explicit Jacobian against the gradient",
        desc=(
            "Log-log plot of bytes against s, for D = WX with W and X of shape s by s, s from"
            f" {sizes[0]} to {sizes[-1]}. The Jacobian of vec D by vec W takes 8 s^4 bytes, the"
            " gradient 8 s^2: the gap is a factor s^2, the number of entries of D. At"
            f" s = {sizes[-1]} the gradient takes {8 * sizes[-1] ** 2 / 2**20:g} MiB and the"
            f" Jacobian {8 * sizes[-1] ** 4 / 2**50:g} PiB."
        ),
    )
