"""A Markdown extension that decides what of a page goes into the site's search index.

Every page downloads the search index when it loads, and mkdocs-material's search plugin
skips any element marked `data-search-exclude`.

1. Code blocks made up 70 % of the index and filled search results with docstrings; prose,
   headings, formulas and inline code say what a page is about. Each <pre> is marked.
2. Formulas. The text of MathML is its glyphs run together ("∂D∂W=X⊤"), which matches nothing
   a reader types. Each formula's MathML is marked, and a plain-text form of it, written from
   its TeX, goes beside it in a `hidden` element (never shown, read by the index only):
   \\frac{\\partial D}{\\partial W} = X^\\top becomes "∂D/∂W = Xᵀ", d\\operatorname{tr}(AXB)
   becomes "d tr(AXB)", X^{-1} becomes "X⁻¹". docs/assets/search-query.js rewrites what a
   reader types the same way ("dD/dW" -> "∂D/∂W", "X^{-1}" -> "X⁻¹"), so the two meet.
The page itself is unchanged: the code, and the formulas as MathML.
"""

import html
import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

# A <pre> tag not yet marked (markdown-exec converts its output with these extensions too).
PRE = re.compile(r"<pre(?=[\s>])(?![^>]*data-search-exclude)")
# A formula made by mathml.py: <math ...>...<annotation ...>TeX</annotation></semantics></math>
MATH = re.compile(
    r"<math(?![^>]*data-search-exclude)(?P<attrs>[^>]*)>(?P<body>.*?)"
    r"(?P<open><annotation encoding=\"application/x-tex\"[^>]*>)(?P<tex>.*?)</annotation>"
    r"</semantics></math>",
    re.DOTALL,
)

# Superscripts a reader writes with ^ (which the search box cannot take: it means "boost").
SUPERSCRIPTS = {
    "-ᵀ": "⁻ᵀ",
    "-T": "⁻ᵀ",
    "ᵀ": "ᵀ",
    "T": "ᵀ",
    "-1": "⁻¹",
    "-2": "⁻²",
    "2": "²",
    "3": "³",
    "k": "ᵏ",
    "n": "ⁿ",
}
# Commands whose name is what a reader would type (operators and Greek letters).
WORDS = {
    "det", "log", "exp", "tr", "diag", "vec", "sym", "max", "min", "sin", "cos", "tanh",
    "alpha", "beta", "gamma", "delta", "kappa", "lambda", "mu", "sigma", "tau", "phi",
    "psi", "omega", "theta", "Delta", "Sigma", "Phi",
}  # fmt: skip
SYMBOLS = {
    "partial": "∂", "otimes": "⊗", "circ": "∘", "odot": "⊙", "cdot": "·", "times": "×",
    "sum": "∑", "prod": "∏", "int": "∫", "nabla": "∇", "in": "∈", "to": "→", "mapsto": "↦",
    "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈",
    "varepsilon": "ε", "epsilon": "ε", "langle": "⟨", "rangle": "⟩", "lVert": "‖",
    "rVert": "‖", "Vert": "‖", "lvert": "|", "rvert": "|", "vert": "|", "infty": "∞",
    "ldots": "…", "cdots": "⋯", "dots": "…", "star": "⋆", "ast": "*", "top": "ᵀ",
}  # fmt: skip
KEEP = {"frac", "dfrac", "tfrac", "sqrt", "operatorname", "mathrm", "mathbf", "mathit", "text",
        "textrm"}  # fmt: skip


class SearchScopeExtension(Extension):
    def extendMarkdown(self, md):
        # Priority below 30: runs after code blocks are put back into the page, and below 5:
        # after mathml.py has made the formulas.
        md.postprocessors.register(CodeOutOfSearch(md), "code_out_of_search", 4)


class CodeOutOfSearch(Postprocessor):
    def run(self, text: str) -> str:
        text = PRE.sub("<pre data-search-exclude", text)
        return MATH.sub(_searchable_formula, text)


def _searchable_formula(match: re.Match) -> str:
    form = search_form(html.unescape(match["tex"]))
    return (
        f"<math data-search-exclude{match['attrs']}>{match['body']}"
        f"{match['open']}{match['tex']}</annotation></semantics></math>"
        f"<span hidden>{html.escape(form)}</span>"
    )


def search_form(tex: str) -> str:
    """The formula as plain text, written as a reader types it: "∂φ/∂X = Wᵀ G"."""
    text = re.sub(r"\\(?:begin|end)\{[a-z*]+\}|&|\\\\|\\[{}]", " ", tex)
    text = re.sub(r"\\(?:left|right|[bB]igg?[lr]?)\b", "", text)
    text = re.sub(r"\\([A-Za-z]+)\s*", _command, text)  # \partial -> ∂, \top -> ᵀ, \det -> det
    # Innermost groups first, until no braces are left: a^{...}, a_{...}, \frac{..}{..}, ...
    steps = [
        (re.compile(r"\\(?:operatorname|mathrm|mathbf|mathit|text|textrm)\s*\{([^{}]*)\}"), r"\1"),
        (re.compile(r"\\sqrt\s*\{([^{}]*)\}"), r"√(\1)"),
        (re.compile(r"\s*\^\s*\{([^{}]*)\}"), lambda m: _superscript(m[1])),
        (re.compile(r"\s*_\s*\{([^{}]*)\}"), r"_\1"),
        (
            re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}"),
            lambda m: f"{_part(m[1])}/{_part(m[2])}",
        ),
        (re.compile(r"\{([^{}]*)\}"), r"\1"),
    ]
    changed = True
    while changed:
        before = text
        for pattern, replacement in steps:
            text = pattern.sub(replacement, text)
        changed = text != before
    text = re.sub(r"\\sqrt\s*(\S)", r"√\1", text)
    text = re.sub(r"\s*\^\s*(\S)", lambda m: _superscript(m[1]), text)
    text = re.sub(r"\s+_", "_", text)
    text = re.sub(r"\\.?", " ", text)  # spacing: \, \; \! and escaped characters
    text = re.sub(r"∂\s+", "∂", text)
    text = re.sub(r"\b(tr|det|log|exp|diag|vec|sym)\s+\(", r"\1(", text)
    return " ".join(text.split())


def _part(tex: str) -> str:
    tex = " ".join(re.sub(r"∂\s+", "∂", tex).split())
    return f"({tex})" if " " in tex else tex


def _superscript(power: str) -> str:
    power = power.strip()
    return SUPERSCRIPTS.get(power, f"^({power})" if len(power) > 1 else f"^{power}")


def _command(match: re.Match) -> str:
    name = match[1]
    if name in KEEP:  # handled with their braces
        return match[0]
    if name in SYMBOLS:
        return SYMBOLS[name] + " "
    if name in WORDS:
        return f" {name} " if name in ("det", "log", "exp", "tr") else name
    return " "
