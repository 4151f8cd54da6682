"""Figure: the 4-index ∂D/∂W laid out as a matrix, two ways (docs/kronecker.md).

Site machinery: it draws with matplotlib in the site's style (style.py), so it does not
run alone; a page's download carries it with the style.

T[i, j, k, l] = ∂D_ij/∂W_kl = δ_ik X_lj has shape (m, n, m, q). Flattened to (m·n, m·q):

    column-major, T.reshape(m*n, m*q, order="F")   =  Xᵀ ⊗ I_m   (the site's vec)
    row-major,    T.reshape(m*n, m*q)  (default)   =  I_m ⊗ Xᵀ   (numpy's C order)

X holds the numbers 1, 2, ..., q·n (row by row), so every nonzero cell can show which entry
of X it is.
"""

import numpy as np
from matplotlib.patches import Rectangle

from snippets.figures.style import COLORS, in_style, inline_svg, new_figure
from snippets.four_index import as_jacobian, dD_dW

SHAPE = (2, 3, 4)  # (m, q, n): distinct, and small enough to read every cell


def kron_layouts(shape=SHAPE):
    """X (q, n) and the two (m·n, m·q) layouts of dD_dW(X, m): column-major, row-major."""
    m, q, n = shape
    X = np.arange(1.0, q * n + 1).reshape(q, n)
    T = dD_dW(X, m)
    return X, as_jacobian(T), T.reshape(m * n, m * q)


def _sub(number: int) -> str:
    """The number in subscript digits: 2 becomes ₂."""
    return str(number).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def _draw(ax, J, block, title, color):
    rows, cols = J.shape
    for r, c in np.ndindex(J.shape):
        value = J[r, c]
        if value:
            ax.add_patch(
                Rectangle((c, r), 1, 1, facecolor=color, alpha=0.15 + 0.45 * value / J.max())
            )
            ax.text(c + 0.5, r + 0.5, f"{value:g}", ha="center", va="center", fontsize=9)
    for c in range(cols + 1):
        major = c % block[1] == 0
        ax.plot([c, c], [0, rows], color=COLORS["grey"], lw=1.4 if major else 0.4)
    for r in range(rows + 1):
        major = r % block[0] == 0
        ax.plot([0, cols], [r, r], color=COLORS["grey"], lw=1.4 if major else 0.4)
    ax.set_xlim(-0.05, cols + 0.05)
    ax.set_ylim(rows + 0.05, -0.05)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(title, fontsize=10)


@in_style
def kron_layouts_svg(shape=SHAPE) -> str:
    """The figure as SVG text: Xᵀ ⊗ I_m and I_m ⊗ Xᵀ side by side, blocks outlined."""
    m, q, n = shape
    X, column_major, row_major = kron_layouts(shape)
    fig, (left, right) = new_figure(6.4, 4.2, ncols=2)
    _draw(
        left,
        column_major,
        (m, m),
        f'order="F": Xᵀ ⊗ I{_sub(m)}\n{n}×{q} blocks Xₗⱼ·I{_sub(m)}',
        COLORS["blue"],
    )
    _draw(
        right,
        row_major,
        (n, q),
        f"numpy default: I{_sub(m)} ⊗ Xᵀ\n{m}×{m} blocks, Xᵀ on the diagonal",
        COLORS["orange"],
    )
    fig.tight_layout()
    rows = "; ".join(", ".join(f"{v:g}" for v in row) for row in X)
    return inline_svg(
        fig,
        name="figure-kron-layouts",
        title=f"∂D/∂W for m, q, n = {m}, {q}, {n}, flattened two ways",
        desc=(
            f"Two {m * n} by {m * q} grids of cells; empty cells are zero, the others show the"
            f" entry of X (rows {rows}) they hold. Left, the column-major reshape, which is"
            f" the Kronecker product of X transposed with the {m} by {m} identity: {n} by {q}"
            f" blocks, each an entry of X times the identity, so every block is diagonal."
            f" Right, numpy's default row-major reshape, the identity Kronecker X transposed:"
            f" {m} copies of X transposed on the block diagonal and zero blocks elsewhere."
            " Same numbers, different places."
        ),
    )
