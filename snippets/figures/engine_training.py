"""Figure: the two-layer network's loss while it trains, with the engine and by hand.

Site machinery: it draws with matplotlib in the site's style (style.py) from the autodiff
page's training code (snippets/checks/autodiff/engine.py), so it does not run alone.

Both runs start from the same parameters and take the same 300 gradient steps on the same
synthetic data; one gets its gradients from the engine, the other from the hand-written
backward pass of snippets/two_layer_net.py. The two curves lie on each other.
"""

import numpy as np

from snippets.checks.autodiff.engine import trained
from snippets.figures.style import COLORS, in_style, inline_svg, new_figure


@in_style
def engine_training_svg(runs=None) -> str:
    """The figure as SVG text: φ against the step, log scale, for the two runs."""
    runs = runs or trained()
    fig, ax = new_figure(6.4, 3.4)
    engine_losses, hand_losses = runs["engine"][1], runs["by hand"][1]
    steps = np.arange(engine_losses.size)
    ax.semilogy(steps, engine_losses, color=COLORS["blue"], label="engine: phi.backward()")
    ax.semilogy(
        steps[::15], hand_losses[::15], "o", color=COLORS["orange"], markersize=4,
        label="by hand: net_backward",
    )  # fmt: skip
    ax.set_xlabel("gradient step")
    ax.set_ylabel("loss φ")
    ax.grid(True, which="major")
    ax.minorticks_off()
    ax.legend(loc="upper right", fontsize=9)
    fig.tight_layout()
    return inline_svg(
        fig,
        name="figure-engine-training",
        title="The loss of the two-layer network while it trains",
        desc=(
            "The loss phi of the two-layer network on a log scale against 300 gradient"
            f" steps: it falls from {engine_losses[0]:.2f} to {engine_losses[-1]:.3f}. The"
            " line is the run whose gradients come from the autodiff engine; the dots, every"
            " 15th step of the run whose gradients come from the hand-written backward pass,"
            " lie on the line."
        ),
    )
