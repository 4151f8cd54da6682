"""A Markdown extension that turns the site's TeX into MathML when the page is built.

pymdownx.arithmatex (generic mode) wraps each formula in
<span class="arithmatex">\\(...\\)</span> or <div class="arithmatex">\\[...\\]</div>.
This postprocessor replaces each wrapper's TeX with MathML from latex2mathml,
keeping the TeX as an annotation, so pages show mathematics with no script and
no network. latex2mathml is lenient: it passes unknown macros through as text
and closes unbalanced braces silently (`\\frac{a` becomes a fraction with one
part). Every such formula is reported as a warning naming the page and the
formula, which fails a strict build.
"""

import functools
import html
import logging
import re
import xml.etree.ElementTree as ET

from latex2mathml.converter import convert
from markdown import Extension
from markdown.postprocessors import Postprocessor

log = logging.getLogger("mkdocs.plugins.mathml")

INLINE = re.compile(r'<span class="arithmatex">\\\((.*?)\\\)</span>', re.DOTALL)
DISPLAY = re.compile(r'<div class="arithmatex">\\\[(.*?)\\\]</div>', re.DOTALL)
LEFTOVER_MACRO = re.compile(r">(\\[A-Za-z]+)<")
# latex2mathml does not know aligned, gathered or eqnarray: their column separators come
# out as a literal "&" identifier. It does know split, which lays out the same columns
# (right-aligned, then left-aligned), so aligned is converted as split.
STRAY_AMPERSAND = "<mi>&</mi>"
ALIGNED = re.compile(r"\\(begin|end)\{aligned\}")
BRACE = re.compile(r"(?<!\\)[{}]")
# How many children each MathML layout element must have (MathML Core).
ARITY = {"mfrac": 2, "msup": 2, "msub": 2, "mroot": 2, "munder": 2, "mover": 2,
         "msubsup": 3, "munderover": 3}  # fmt: skip
MATHML_NS = "{http://www.w3.org/1998/Math/MathML}"


def to_mathml(tex: str, display: str = "inline") -> str:
    """latex2mathml's MathML for a formula, with aligned written as split (see ALIGNED)."""
    return convert(ALIGNED.sub(r"\\\1{split}", tex), display=display)


def problems(tex: str, mathml: str) -> list[str]:
    """What is wrong with a formula that latex2mathml converted without complaint."""
    found = [f"unknown TeX macro {m}" for m in LEFTOVER_MACRO.findall(mathml)]
    depth = 0
    for brace in BRACE.findall(tex):
        depth += 1 if brace == "{" else -1
        if depth < 0:
            break
    if depth:
        found.append("unbalanced braces { }")
    if STRAY_AMPERSAND in mathml:
        found.append("an '&' outside an environment latex2mathml knows (use aligned or split)")
    try:
        tree = ET.fromstring(mathml.replace(STRAY_AMPERSAND, "<mi/>"))
    except ET.ParseError as exc:
        return [*found, f"latex2mathml produced malformed MathML ({exc})"]
    for element in tree.iter():
        name = element.tag.removeprefix(MATHML_NS)
        if name in ARITY and len(element) != ARITY[name]:
            found.append(f"<{name}> with {len(element)} parts instead of {ARITY[name]}")
    return found


@functools.cache
def converted(tex: str, display: str) -> tuple[str, tuple[str, ...]]:
    """(MathML, its problems) for a formula, computed once per build (or per `mkdocs serve`).

    The site writes 5,658 formulas of which 2,592 differ ($X$ alone appears on most pages).
    """
    mathml = to_mathml(tex, display)
    return mathml, tuple(problems(tex, mathml))


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
            mathml, found = converted(tex, display)
        except Exception as exc:  # latex2mathml raises several types for malformed TeX
            log.warning("%s: cannot convert formula %r: %s", self.extension.page, tex, exc)
            return f"<code>{html.escape(tex)}</code>"
        for problem in found:
            log.warning("%s: %s in formula %r", self.extension.page, problem, tex)
        head, _, rest = mathml.partition(">")
        body = rest.removesuffix("</math>")
        # The TeX is kept for readers who copy a formula; the search index skips it (it would
        # double every formula in the index that every page loads).
        annotation = (
            '<annotation encoding="application/x-tex" data-search-exclude>'
            f"{html.escape(tex)}</annotation>"
        )
        # alttext: the formula's accessible text, for readers whose screen reader does not
        # speak MathML itself.
        alttext = f' alttext="{html.escape(tex)}"'
        math = f"{head}{alttext}><semantics>{body}{annotation}</semantics></math>"
        return f'<div class="math-display">{math}</div>' if display == "block" else math
