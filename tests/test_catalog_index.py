"""The cheat sheet (snippets/catalog/cheatsheet.py): one row per entry, links to the headings
that derive them, and no table at all if any check was rejected."""

import re
from pathlib import Path

import pytest

from snippets.catalog.cheatsheet import cheat_sheet, jacobian_sheet
from snippets.catalog.registry import IDENTITIES, MATRIX_IDENTITIES, anchor, by_id, page
from snippets.checks.catalog.identity import check_identity, check_matrix_identity
from snippets.gradcheck import CheckFailedError

DOCS = Path(__file__).resolve().parent.parent / "docs"
OURS = [e for e in IDENTITIES if e.family in ("traces", "norms", "forms")]


def checked(entries):
    return [(entry, check_identity(entry)) for entry in entries]


def test_one_row_per_entry_with_its_name_link_gradient_and_shapes():
    table = cheat_sheet(checked(OURS))
    rows = table.splitlines()[2:]
    assert len(rows) == len(OURS)
    for entry, row in zip(OURS, rows, strict=True):
        name, formula, shapes = (cell.strip() for cell in row.split("|")[1:4])
        assert name == f"[{entry.title}]({entry.family}/#{anchor(entry)})"
        gradient = entry.tex.split(" = ", 1)[1].split(r", \quad")[0]
        numerator = entry.tex_numerator.split(" = ", 1)[1].split(r", \quad")[0]
        assert f"${gradient}$" in formula.replace(r"\vert ", "|")
        assert f"numerator layout: ${numerator}$" in formula.replace(r"\vert ", "|")
        if not hasattr(entry.sample, "specs"):  # its own sampler (a number among the inputs)
            assert shapes.endswith("(sizes checked)"), (entry.id, shapes)
            continue
        for input_name, (letters, _) in entry.sample.specs.items():
            assert f"{input_name}: {' × '.join(letters)}" in shapes.split("<br>")


def test_links_reach_a_heading_on_the_family_page():
    for entry in OURS:
        text = (DOCS / page(entry)).read_text()
        assert re.search(rf"^#+ .*\{{#{re.escape(anchor(entry))}\}}$", text, re.MULTILINE)


def test_a_rejected_check_stops_the_table():
    entry = by_id("traces.AXB")
    wrong = check_identity(entry, grad=lambda X, A, B: 2 * A.T @ B.T)
    with pytest.raises(CheckFailedError, match=r"traces\.AXB"):
        cheat_sheet([*checked(OURS[:2]), (entry, wrong)])


def test_no_bar_reaches_a_table_cell():
    table = cheat_sheet(checked(OURS))
    for row in table.splitlines():
        assert row.count("|") == 6, row


def test_the_page_prints_the_table_for_every_entry():
    text = (DOCS / "catalog" / "index.md").read_text()
    assert "for entry in IDENTITIES" in text
    assert "for entry in MATRIX_IDENTITIES" in text
    assert "print(on_cards(cheat_sheet(checked)))" in text
    assert 'print(on_cards(jacobian_sheet(jacobians), "jacobians"))' in text


def test_matrix_valued_sheet_splits_differential_and_jacobian():
    table = jacobian_sheet([(entry, check_matrix_identity(entry)) for entry in MATRIX_IDENTITIES])
    rows = table.splitlines()[2:]
    assert len(rows) == len(MATRIX_IDENTITIES)
    for entry, row in zip(MATRIX_IDENTITIES, rows, strict=True):
        differential, jacobian = entry.tex.split(r", \qquad ")
        assert row.count("|") == 6, row
        cell = row.split("|")[2].replace(r"\vert ", "|")
        assert differential.split(" = ", 1)[1] in cell
        assert jacobian.split(" = ", 1)[1] in cell
        assert f"({entry.family.replace('_', '-')}/#{anchor(entry)})" in row


def test_a_rejected_jacobian_stops_the_matrix_valued_sheet():
    entry = MATRIX_IDENTITIES[0]
    wrong = check_matrix_identity(entry, jacobian=lambda **inputs: 2 * entry.jacobian(**inputs))
    with pytest.raises(CheckFailedError):
        jacobian_sheet([(entry, wrong)])
