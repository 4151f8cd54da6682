"""A Markdown extension: keyboard users reach and scroll displayed formulas and tables.

A display formula wider than the column scrolls sideways inside its
<div class="math-display"> (Chromium does not break MathML lines). A reader with a mouse
or a touch screen can scroll it; a keyboard user can only scroll what can take the focus.
So every display container gets `tabindex="0"` (arrow keys then scroll it), and, as an
element that takes the focus must say what it is, `role="group"` with the name "Formula".
The formula itself is read from its MathML (and its `alttext`, see mathml.py).

Tables scroll sideways too on a phone (Material wraps each in a scrolling box when the page
loads), so each <table> also takes the focus; the arrow keys then scroll the box around it.
"""

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

# A display container made by mathml.py (other classes may follow its own) that has not
# been given these attributes yet: markdown-exec converts its output with these extensions
# too, so a page may pass twice.
CONTAINER = re.compile(r'<div class="math-display(?: [^"]*)?"(?=[\s>])(?![^>]*tabindex)')
ATTRIBUTES = ' tabindex="0" role="group" aria-label="Formula"'
TABLE = re.compile(r"<table(?=[\s>])(?![^>]*tabindex)")


class ScrollableMathExtension(Extension):
    def extendMarkdown(self, md):
        # Priority below mathml's 5: runs after the containers are made.
        md.postprocessors.register(FocusableFormulas(md), "focusable_formulas", 4.5)


class FocusableFormulas(Postprocessor):
    def run(self, text: str) -> str:
        text = CONTAINER.sub(lambda m: m.group(0) + ATTRIBUTES, text)
        return TABLE.sub('<table tabindex="0"', text)
