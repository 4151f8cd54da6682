"""The catalogue's cheat sheet: Markdown tables, one row per entry, written from the registry.

docs/catalog/index.md checks every entry when the site is built and prints this table; the
build fails if any check was rejected, so the table only ever shows identities that passed.
"""

from snippets.catalog.registry import anchor, page
from snippets.gradcheck import expect_pass

HEADER = (
    "| Entry | Gradient | Numerator layout | Conditions | Max relative error | Also proved |\n"
    "| --- | --- | --- | --- | --- | --- |"
)
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
        numerator = entry.tex_numerator.split(" = ", 1)[-1]
        error = max(result.max_rel_error for result in results)
        rows.append(_row(entry, [_math(entry.tex), _math(numerator)], error))
    return "\n".join(rows)


JACOBIAN_HEADER = (
    "| Entry | Differential | Jacobian | Conditions | Max relative error | Also proved |\n"
    "| --- | --- | --- | --- | --- | --- |"
)


def jacobian_sheet(checked) -> str:
    """checked: (matrix-valued entry, its CheckResult) pairs -> a Markdown table.

    Each entry's TeX states the differential, then `, \\qquad `, then the Jacobian
    ∂vec F/∂vec X; they go in two columns. Raises CheckFailedError if any check was rejected.
    """
    expect_pass(*(result for _, result in checked))
    rows = [JACOBIAN_HEADER]
    for entry, result in checked:
        parts = entry.tex.split(r", \qquad ")
        if len(parts) != 2:
            raise ValueError(f"{entry.id}: its tex must read 'differential, \\qquad Jacobian'")
        differential, jacobian = parts
        rows.append(_row(entry, [_math(differential), _math(jacobian)], result.max_rel_error))
    return "\n".join(rows)


def _row(entry, formulas: list[str], error: float) -> str:
    """One table row: the link to the entry's derivation, its formula cells, its conditions,
    the measured error and whether the proofs page also proves it exactly and symbolically."""
    target = page(entry).removeprefix("catalog/").removesuffix(".md")
    cells = [
        f"[{entry.id}]({target}/#{anchor(entry)})",
        *formulas,
        "; ".join(entry.conditions) or "none",
        f"{error:.1e}",
        f"[exact, symbolic]({PROOFS})" if entry.exact else "numerical only",
    ]
    return "| " + " | ".join(cells) + " |"


def _math(tex: str) -> str:
    """Inline TeX for a table cell: a `|` would split the cell, so bars become \\vert."""
    return "$" + tex.replace("|", r"\vert ") + "$"
