"""Displayed formulas can take the keyboard focus (docs/_build/scrollable.py).

A formula wider than the column scrolls sideways; a keyboard user scrolls it with the arrow
keys once it has the focus, and a screen reader names what has the focus. The browser tests
check the built site with axe-core; this checks the extension on its own.
"""

import sys
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "_build"))

from mathml import MathMLExtension  # noqa: E402 - the build's own extensions, found above
from scrollable import ScrollableMathExtension  # noqa: E402

FOCUSABLE = '<div class="math-display" tabindex="0" role="group" aria-label="Formula">'


def to_html(text: str) -> str:
    md = markdown.Markdown(
        extensions=["tables", "pymdownx.arithmatex", MathMLExtension(), ScrollableMathExtension()],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )
    return md.convert(text)


def test_each_display_formula_and_table_is_focusable_once():
    html = to_html("$$\nD = W X\n$$\n\nand $x$ inline, then\n\n$$\n\\phi(D)\n$$\n")
    assert html.count(FOCUSABLE) == 2
    assert html.count("tabindex") == 2  # inline formulas are not tab stops
    # So is each table (Material wraps it in a box that scrolls sideways on a phone).
    table = to_html("| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert table.count('<table tabindex="0">') == 1
    # Converting the page's HTML again (markdown-exec output passes twice) adds nothing.
    md = markdown.Markdown(extensions=[ScrollableMathExtension()])
    other_class = md.postprocessors["focusable_formulas"].run('<div class="math-display wide">')
    assert other_class == '<div class="math-display wide"' + FOCUSABLE.removeprefix(
        '<div class="math-display"'
    )
    for page in (html, table):
        assert md.postprocessors["focusable_formulas"].run(page) == page
