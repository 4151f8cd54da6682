"""What the site's figures share: colours, fonts, and the SVG written inline into a page.

Each figure module draws with matplotlib (Agg, no display) and hands its Figure to
`inline_svg`, which returns SVG text to print from an executed block with html="on".

- Deterministic: `svg.hashsalt` is fixed (one salt per figure, so that the ids of two
  figures on one page differ) and the date is left out, so two builds write the same bytes.
- Readable in both palettes: the background is transparent, text and axes are drawn in
  `currentColor` (the colour of the surrounding text), and each line colour becomes a CSS
  variable, `var(--mcv-figure-blue, #2f6db5)`, which docs/assets/site.css sets per palette;
  the hex value after the comma is used where the variable is not defined.
- Accessible: a <title> and a <desc> inside the <svg>; with role="img", the title is its
  name (aria-labelledby) and the desc, which says what the figure shows, its description
  (aria-describedby), so a screen reader says the short name first.
"""

import functools
import io
import re
from html import escape

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # after matplotlib.use: no display needed

#: Drawn for text, axes and ticks, then replaced by currentColor.
FOREGROUND = "#010203"

#: Line colours with their CSS variable names; the hex values are the light-palette ones.
COLORS = {
    "blue": "#2f6db5",
    "orange": "#c75c00",
    "green": "#1b8a5a",
    "purple": "#9d4fb0",
    "grey": "#7a7a7a",
}

RC = {
    "svg.fonttype": "none",  # text stays text: the page's font, searchable, selectable
    "font.family": "sans-serif",
    "font.size": 10,
    "text.color": FOREGROUND,
    "axes.edgecolor": FOREGROUND,
    "axes.labelcolor": FOREGROUND,
    "axes.facecolor": "none",
    "figure.facecolor": "none",
    "savefig.facecolor": "none",
    "xtick.color": FOREGROUND,
    "ytick.color": FOREGROUND,
    "grid.color": FOREGROUND,
    "grid.alpha": 0.15,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "lines.linewidth": 1.8,
    "svg.image_inline": True,
}

_HEX = re.compile(r"#[0-9a-f]{6}(?![0-9a-z])")


def in_style(draw):
    """Decorator: run a figure function with the site's matplotlib settings (RC) in force."""

    @functools.wraps(draw)
    def drawn(*args, **kwargs):
        with plt.rc_context(RC):
            return draw(*args, **kwargs)

    return drawn


def new_figure(width: float, height: float, **subplots):
    """A matplotlib Figure and its axes, sizes in inches (call inside an `in_style` function)."""
    return plt.subplots(figsize=(width, height), **subplots)


def inline_svg(fig, *, name: str, title: str, desc: str) -> str:
    """The figure as SVG text for an HTML page: no XML prolog, title and desc, CSS colours.

    name is a short identifier (letters, digits, '-'), unique on the site: it salts the
    ids matplotlib writes and prefixes the ids of <title> and <desc>.
    """
    if not re.fullmatch(r"[a-z0-9-]+", name):
        raise ValueError(f"name must be lower-case letters, digits and '-'; got {name!r}")
    buffer = io.StringIO()
    with plt.rc_context({**RC, "svg.hashsalt": f"mcv-{name}"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None}, transparent=True)
    plt.close(fig)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # drop <?xml ...?> and <!DOCTYPE ...>
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    svg = re.sub(r"\s*<defs>\s*<style.*?</style>\s*</defs>", "", svg, flags=re.DOTALL)
    svg = re.sub(r"font-family: [^;\"]*;?\s*", "", svg)  # text takes the page's font
    svg = _unreferenced_ids_removed(svg)
    svg = _HEX.sub(_css_color, svg)
    opening = re.match(r"<svg[^>]*>", svg).group(0)
    view_box = re.search(r'viewBox="([^"]+)"', opening).group(1)
    new_opening = (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        f' viewBox="{view_box}" width="100%" class="mcv-figure-svg" role="img"'
        f' aria-labelledby="{name}-title" aria-describedby="{name}-desc"'
        ' stroke-linejoin="round" stroke-linecap="butt">'
        f'\n<title id="{name}-title">{escape(title)}</title>'
        f'\n<desc id="{name}-desc">{escape(desc)}</desc>'
    )
    return new_opening + svg[len(opening) :]


def _unreferenced_ids_removed(svg: str) -> str:
    """Drop the ids nothing points to (figure_1, axes_1, ...): two figures on a page would
    repeat them. The ids that are referenced carry the figure's salt and differ."""
    referenced = set(re.findall(r'(?:url\(#|href="#)([^)"]+)', svg))
    return re.sub(r' id="([^"]+)"', lambda m: m.group(0) if m.group(1) in referenced else "", svg)


def _css_color(match: re.Match) -> str:
    hex_value = match.group(0)
    if hex_value == FOREGROUND:
        return "currentColor"
    for color_name, value in COLORS.items():
        if value == hex_value:
            return f"var(--mcv-figure-{color_name}, {value})"
    return hex_value
