"""A Markdown extension that turns the site's TeX into MathML when the page is built.

pymdownx.arithmatex (generic mode) wraps each formula in
<span class="arithmatex">\\(...\\)</span> or <div class="arithmatex">\\[...\\]</div>.
This postprocessor replaces each wrapper's TeX with MathML from latex2mathml,
keeping the TeX as an annotation, so pages show mathematics with no script and
no network. latex2mathml passes unknown macros through as text; such a formula
is reported as a warning naming the page and the formula, which fails a strict
build.
"""

import html
import logging
import re

from latex2mathml.converter import convert
from markdown import Extension
from markdown.postprocessors import Postprocessor

log = logging.getLogger("mkdocs.plugins.mathml")

INLINE = re.compile(r'<span class="arithmatex">\\\((.*?)\\\)</span>', re.DOTALL)
DISPLAY = re.compile(r'<div class="arithmatex">\\\[(.*?)\\\]</div>', re.DOTALL)
LEFTOVER_MACRO = re.compile(r">(\\[A-Za-z]+)<")
# latex2mathml does not know aligned, gathered or eqnarray either: their column
# separators come out as a literal "&" identifier. (split and align work.)
STRAY_AMPERSAND = "<mi>&</mi>"


class MathMLExtension(Extension):
    """Register the postprocessor; `page` names the page being built, for messages."""

    def __init__(self, **kwargs):
        self.page = "?"
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.postprocessors.register(MathMLPostprocessor(md, self), "mathml", 5)


class MathMLPostprocessor(Postprocessor):
    def __init__(self, md, extension: MathMLExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        text = DISPLAY.sub(lambda m: self.to_mathml(m.group(1), "block"), text)
        return INLINE.sub(lambda m: self.to_mathml(m.group(1), "inline"), text)

    def to_mathml(self, escaped_tex: str, display: str) -> str:
        tex = html.unescape(escaped_tex).strip()
        try:
            mathml = convert(tex, display=display)
        except Exception as exc:  # latex2mathml raises several types for malformed TeX
            log.warning("%s: cannot convert formula %r: %s", self.extension.page, tex, exc)
            return f"<code>{html.escape(tex)}</code>"
        unknown = LEFTOVER_MACRO.findall(mathml)
        if unknown:
            log.warning(
                "%s: unknown TeX macro %s in formula %r", self.extension.page, ", ".join(unknown), tex
            )
        if STRAY_AMPERSAND in mathml:
            log.warning(
                "%s: formula %r has an '&' outside an environment latex2mathml knows"
                " (use split or align, not aligned)",
                self.extension.page,
                tex,
            )
        head, _, rest = mathml.partition(">")
        body = rest.removesuffix("</math>")
        annotation = f'<annotation encoding="application/x-tex">{html.escape(tex)}</annotation>'
        math = f"{head}><semantics>{body}{annotation}</semantics></math>"
        return f'<div class="math-display">{math}</div>' if display == "block" else math
