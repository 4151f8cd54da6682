"""The page "The Matrix Cookbook, chapter 2, checked", written from COOKBOOK when the site builds.

Site machinery: it reads snippets/catalog/cookbook.py and the catalogue's registry, so it does
not run alone.

`judge_all` recomputes every record's verdict with `judge` and raises if any recorded verdict is
not the one the numbers support, so the build fails when a printed formula judged wrong starts
to pass, or one judged right starts to fail. `counts` and `table` print what it found: the
number of equations per verdict, and one row per equation. On a phone, docs/assets/math.css
turns each row of the table into a card.
"""

from dataclasses import dataclass

from snippets.catalog.cookbook import (
    COOKBOOK,
    NOT_A_DERIVATIVE,
    RIGHT,
    VERDICTS,
    Equation,
    judge,
    worst_error,
)
from snippets.catalog.registry import anchor, by_id, page


class VerdictNotSupportedError(AssertionError):
    """A recorded verdict that the computation does not support."""


@dataclass(frozen=True)
class Judged:
    """One record with what the build measured: the verdict the numbers support, the printed
    form's worst relative error (None: nothing to evaluate) and, where the printed form misses,
    the worst error once the condition, convention or correction is applied."""

    equation: Equation
    supported: str
    error: float | None
    under_error: float | None


def judge_all(cookbook: dict[int, Equation] = COOKBOOK) -> list[Judged]:
    """Every record judged, in number order; raises VerdictNotSupportedError listing every
    record whose recorded verdict the numbers do not support."""
    judged, wrong = [], []
    for number, equation in cookbook.items():
        supported, error = judge(equation)
        under_error = None
        if equation.under is not None and supported not in (RIGHT, NOT_A_DERIVATIVE):
            under_error = worst_error(equation.under)
        judged.append(Judged(equation, supported, error, under_error))
        if supported != equation.verdict:
            wrong.append(f"({number}) recorded {equation.verdict!r}, computed {supported!r}")
    if wrong:
        raise VerdictNotSupportedError("; ".join(wrong))
    return judged


def counts(judged: list[Judged]) -> str:
    """A Markdown list: how many equations have each verdict, and how many are recorded."""
    lines = [
        f"- **{verdict}**: {sum(j.supported == verdict for j in judged)}" for verdict in VERDICTS
    ]
    numbers = [j.equation.number for j in judged]
    span = f"({numbers[0]})–({numbers[-1]})" if numbers else "none"
    return "\n".join([*lines, f"- recorded in all: {len(judged)} equations, {span}"])


def findings(judged: list[Judged]) -> str:
    """A Markdown list of every equation that is not right as printed: its verdict, the error
    of the printed form, and what holds instead; or a sentence saying there is none.

    Equations with the same verdict and the same explanation, such as (138)–(141), share
    one item, with the error of each."""
    groups: dict[tuple[str, str], list[Judged]] = {}
    for j in judged:
        if j.supported not in (RIGHT, NOT_A_DERIVATIVE):
            groups.setdefault((j.equation.verdict, j.equation.condition or ""), []).append(j)
    items = []
    for (verdict, condition), members in groups.items():
        links = ", ".join(f"[({j.equation.number})](#eq-{j.equation.number})" for j in members)
        errors = [readable(j.error) for j in members]
        relative = " (relative)"
        if len(errors) > 1 and all(e.endswith(relative) for e in errors):
            errors = [", ".join(e.removesuffix(relative) for e in errors) + relative]
        forms = "form misses" if len(members) == 1 else "forms miss"
        what = f"; {_text(condition)}" if condition else ""
        items.append(f"- {links}, **{verdict}**: the printed {forms} by {', '.join(errors)}{what}")
    return "\n".join(items) or "Every equation recorded so far is right as printed."


HEADER = (
    "| Equation | As printed | Verdict | Checked by | Measured, and what holds |\n"
    "| --- | --- | --- | --- | --- |"
)


def table(judged: list[Judged]) -> str:
    """A Markdown table, one row per equation, with links relative to catalog/cookbook/."""
    rows = [HEADER]
    for j in judged:
        e = j.equation
        cells = [
            f'<span id="eq-{e.number}">**({e.number})**</span><br>'
            f'<span class="mcv-second">§{_text(e.section.split()[0])}</span>',
            _math(e.printed, break_at=" = "),
            f"**{e.verdict}**",
            "<br>".join(_link(id) for id in e.entries) or "nothing to check",
            _measured(j),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def on_cards(table_text: str) -> str:
    """The table inside the block that math.css lays out as one card per row on a phone."""
    return (
        f'<div class="mcv-cheatsheet mcv-cheatsheet--cookbook" markdown>\n\n{table_text}\n\n</div>'
    )


def readable(error: float) -> str:
    """A relative error for a reader: "1.03 (relative)", "3e-11 (relative)", "exactly",
    "the wrong shape"."""
    if error == float("inf"):
        return "the wrong shape"
    if error == 0:
        return "exactly"
    if error >= 0.01:
        return f"{error:.3g} (relative)"
    return f"{error:.0e} (relative)"


def _measured(j: Judged) -> str:
    e = j.equation
    parts = []
    if j.error is None:
        parts.append("nothing to evaluate")
    elif j.supported in (RIGHT, NOT_A_DERIVATIVE):
        parts.append(f"agrees: {readable(j.error)}")
    else:
        parts.append(f"misses by {readable(j.error)}")
        if e.correction:
            parts.append("holds: " + _math(e.correction, break_at=" = "))
        if e.condition:
            parts.append(_text(e.condition))
        if j.under_error is not None:
            parts.append(f"then agrees: {readable(j.under_error)}")
    if e.reading:
        parts.append(f'<span class="mcv-second">{_text(e.reading)}</span>')
    return "<br>".join(parts)


def _link(id: str) -> str:
    entry = by_id(id)
    target = page(entry).removeprefix("catalog/").removesuffix(".md")
    return f"[{_text(entry.title)}](../{target}/#{anchor(entry)})"


def _text(text: str) -> str:
    """Plain text for a table cell: a `|` would split the cell."""
    return text.replace("|", "∣")


#: Characters of TeX beyond which a formula breaks before each " = " (as the cheat sheet's do).
LONG = 50


def _math(tex: str, break_at: str | None = None) -> str:
    """Inline TeX for a table cell, bars as \\vert (a `|` would split the cell); a formula
    longer than LONG characters goes on one line per side of its equals signs, unless it is
    an aligned block, which sets its own lines."""
    splits = break_at and len(tex) > LONG and r"\begin{aligned}" not in tex
    pieces = tex.split(break_at) if splits else [tex]
    lines = [f"${pieces[0]}$", *(f"${break_at.strip()} {piece}$" for piece in pieces[1:])]
    return "<br>".join(lines).replace("|", r"\vert ")
