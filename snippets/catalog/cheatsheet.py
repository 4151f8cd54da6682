"""The catalogue's cheat sheet: Markdown tables, one row per entry, written from the registry.

Site machinery: it reads the catalogue's registry and the site's modules, so it does not
run alone.

docs/catalog/index.md checks every entry when the site is built and prints these tables; the
build fails if any check was rejected, so the tables only ever show identities that passed.
Each row names the function in words and links to its derivation, gives the gradient (the
right-hand side of the identity; the left is ∂f/∂X for the entry's variable) with the same
derivative in numerator layout under it, the shapes of the inputs, the conditions and what the
check measured. On a phone, docs/assets/math.css turns each row into a card.
"""

import re

import numpy as np

from snippets.catalog.registry import anchor, page
from snippets.catalog.sample import Sample
from snippets.gradcheck import expect_pass

HEADER = (
    "| Function | Gradient ∂f/∂X, and in numerator layout | Shapes | Conditions | Checked |\n"
    "| --- | --- | --- | --- | --- |"
)
JACOBIAN_HEADER = (
    "| Function | Differential, and Jacobian | Shapes | Conditions | Checked |\n"
    "| --- | --- | --- | --- | --- |"
)
LONG = 50  # characters of TeX beyond which a matrix-valued entry breaks at its "="
WIDE = 120  # characters of TeX beyond which a sum goes one term a line (a phone's card)
OPEN, CLOSE = ("(", "[", "{", r"\lVert", r"\lvert"), (")", "]", "}", r"\rVert", r"\rvert")
# Entries with `exact` set are also checked exactly and symbolically on the proofs page, in
# the same build (which fails if any of them fails there).
PROOFS = "../proofs/#which-formula-passed-which-level"


def cheat_sheet(checked) -> str:
    """checked: (entry, its CheckResults) pairs, in registry order -> a Markdown table.

    Raises CheckFailedError (from expect_pass) if any result was rejected. Links are written
    as built URLs relative to the cheat sheet's own page (catalog/): "traces/#traces-AX".
    """
    expect_pass(*(result for _, results in checked for result in results))
    rows = [HEADER]
    for entry, results in checked:
        formula = _two_lines(
            _math(_right_side(entry.tex)),
            "numerator layout: " + _math(_right_side(entry.tex_numerator)),
        )
        error = max(result.max_rel_error for result in results)
        rows.append(_row(entry, formula, error))
    return "\n".join(rows)


def jacobian_sheet(checked) -> str:
    """checked: (matrix-valued entry, its CheckResult) pairs -> a Markdown table.

    Each entry's TeX states the differential, then `, \\qquad `, then the Jacobian
    ∂vec F/∂vec X; they go on two lines of one cell. Raises CheckFailedError if any check was
    rejected.
    """
    expect_pass(*(result for _, result in checked))
    rows = [JACOBIAN_HEADER]
    for entry, result in checked:
        parts = entry.tex.split(r", \qquad ")
        if len(parts) != 2:
            raise ValueError(f"{entry.id}: its tex must read 'differential, \\qquad Jacobian'")
        differential, jacobian = parts
        formula = _two_lines(_math(differential, " = "), _math(jacobian, " = "))
        rows.append(_row(entry, formula, result.max_rel_error))
    return "\n".join(rows)


def on_cards(table: str, kind: str = "gradients") -> str:
    """The table inside a block that math.css lays out as one card per row on a phone."""
    return f'<div class="mcv-cheatsheet mcv-cheatsheet--{kind}" markdown>\n\n{table}\n\n</div>'


def shapes(entry) -> str:
    """The inputs' shapes, one a line: from the entry's Sample as letters ("X: p × r<br>A: r × p"),
    or, for an entry with its own sampler, the sizes it was checked at ("X: 4 × 3 (checked)")."""
    if isinstance(entry.sample, Sample):
        sizes = {name: letters for name, (letters, _) in entry.sample.specs.items()}
        suffix = ""
    else:
        drawn = entry.sample(np.random.default_rng(0))
        sizes = {name: [str(n) for n in np.shape(value)] for name, value in drawn.items()}
        suffix = "<br>(sizes checked)"
    parts = [f"{name}: {' × '.join(dims) if dims else 'scalar'}" for name, dims in sizes.items()]
    return "<br>".join(parts) + suffix


def _row(entry, formula: str, error: float) -> str:
    """One table row: the function's name linked to its derivation, its formula cell, the
    shapes, its conditions, and what was checked (the measured error, and whether the proofs
    page also proves it exactly and symbolically)."""
    target = page(entry).removeprefix("catalog/").removesuffix(".md")
    measured = "no error at all (exact)" if error == 0 else f"relative error {error:.1e}"
    also = f"; also [exact and symbolic]({PROOFS})" if entry.exact else ""
    cells = [
        f"[{_cell_text(entry.title)}]({target}/#{anchor(entry)})",
        formula,
        shapes(entry),
        _cell_text("; ".join(entry.conditions) or "none"),
        measured + also,
    ]
    return "| " + " | ".join(cells) + " |"


def _two_lines(first: str, second: str) -> str:
    """A cell of two lines, the second in smaller type (math.css)."""
    return f'{first}<br><span class="mcv-second">{second}</span>'


def _right_side(tex: str) -> str:
    """What an identity "∂f/∂X = G" says the derivative is: the TeX after its first " = "."""
    return tex.split(" = ", 1)[-1]


def _cell_text(text: str) -> str:
    """Plain text for a table cell: a `|` would split the cell."""
    return text.replace("|", "∣")


def _math(tex: str, break_at: str | None = None) -> str:
    """Inline TeX for a table cell: a `|` would split the cell, so bars become \\vert.

    Long formulas go on several lines so that a phone's card holds them: after each
    ", \\quad" (a gradient followed by the definition of a letter in it), at `break_at`
    (the first " = " of a differential or a Jacobian) when it is longer than LONG characters,
    and before each + and − outside brackets of a part longer than WIDE characters.
    """
    pieces = [part.strip() for part in re.split(r",\s*\\quad", tex)]
    lines = ["<br>".join(f"${term}$" for term in _terms(piece)) for piece in pieces]
    if break_at and len(tex) > LONG and break_at in pieces[0]:
        left, right = pieces[0].split(break_at, 1)
        lines[0] = f"${left}$<br>${break_at.strip()} {right}$"
    return ",<br>".join(lines).replace("|", r"\vert ")


def _terms(tex: str) -> list[str]:
    """A sum longer than WIDE characters cut before each " + " and " - " outside brackets,
    each term keeping its sign: "a + (b - c) - d" -> ["a", "+ (b - c)", "- d"]; a shorter
    formula whole."""
    if len(tex) <= WIDE:
        return [tex]
    terms, depth, start = [], 0, 0
    for i in range(len(tex)):
        if tex.startswith(OPEN, i):
            depth += 1
        elif tex.startswith(CLOSE, i):
            depth -= 1
        elif depth == 0 and i > start and tex.startswith((" + ", " - "), i):
            terms.append(tex[start:i].strip())
            start = i
    return [*terms, tex[start:].strip()]
