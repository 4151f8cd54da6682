"""The Matrix Cookbook's verdicts (snippets/catalog/cookbook.py): recomputed, complete, with teeth.

- every record's verdict is the one `judge` recomputes (all mismatches listed at once);
- every record is complete for its verdict: known entries, a correction and a condition where
  the verdict needs them, TeX the build can render;
- the records cover at least 95 % of the equation numbers once the four parts are gathered;
- `judge` really rejects: a wrong printed form planted into a copy of a record (a transpose, a
  lost factor 2, a flipped sign) changes the verdict, and so does a condition that does not help;
- the page's table has one row per record, links to real headings, and refuses to print when
  a verdict is not supported.

Each test loops over the records and states every failure in one message, to stay cheap.
"""

import dataclasses
import importlib.util
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from snippets.catalog import cookbook_page
from snippets.catalog.cookbook import (
    COOKBOOK,
    EQUATION_NUMBERS,
    NEEDS_CONDITION,
    NOT_A_DERIVATIVE,
    RIGHT,
    RIGHT_UNDER_CONVENTION,
    VERDICTS,
    WRONG,
    gather,
    judge,
)
from snippets.catalog.registry import anchor, by_id, page

DOCS = Path(__file__).resolve().parent.parent / "docs"
sys.path.insert(0, str(DOCS / "_build"))

from mathml import problems, to_mathml  # noqa: E402 - the build's own TeX validator

PARTS = ("rules_determinants_inverses", "forms", "traces_norms_structured", "kronecker_vec")


def test_every_recorded_verdict_is_the_computed_one():
    mismatches = []
    for number, equation in COOKBOOK.items():
        supported, error = judge(equation)
        if supported != equation.verdict:
            mismatches.append(
                f"({number}): recorded {equation.verdict!r}, computed"
                f" {supported!r} (printed form's error {error})"
            )
    assert not mismatches, "\n".join(mismatches)


def test_every_record_is_complete_for_its_verdict():
    problems_found = []
    for number, e in COOKBOOK.items():
        where = f"({number})"
        if not e.section or not e.printed:
            problems_found.append(f"{where}: section and printed TeX are required")
        if e.verdict not in VERDICTS:
            problems_found.append(f"{where}: unknown verdict {e.verdict!r}")
        for tex in filter(None, (e.printed, e.correction)):
            found = problems(tex, to_mathml(tex))
            if found:
                problems_found.append(f"{where}: TeX the build cannot render: {found}")
        if e.verdict == NOT_A_DERIVATIVE:
            continue
        if not e.entries:
            problems_found.append(f"{where}: {e.verdict!r} needs a catalogue entry that checks it")
        for id in e.entries:
            try:
                by_id(id)
            except KeyError as missing:
                problems_found.append(f"{where}: {missing}")
        if e.printed_value is None:
            problems_found.append(f"{where}: {e.verdict!r} needs printed_value")
        if e.verdict != RIGHT and not (e.correction and e.condition and e.under):
            problems_found.append(
                f"{where}: {e.verdict!r} needs a correction, a condition and `under`"
            )
    assert not problems_found, "\n".join(problems_found)


def all_parts_gathered() -> bool:
    return all(
        importlib.util.find_spec(f"snippets.catalog.cookbook_parts.{part}") for part in PARTS
    )


@pytest.mark.xfail(
    not all_parts_gathered(),
    reason="the four part modules are merged by the coordinator; until then coverage is partial",
    strict=True,
)
def test_coverage_of_the_equation_numbers():
    covered = sorted(set(COOKBOOK) & set(EQUATION_NUMBERS))
    missing = sorted(set(EQUATION_NUMBERS) - set(COOKBOOK))
    share = len(covered) / len(EQUATION_NUMBERS)
    assert share >= 0.95, (
        f"{len(covered)} of {len(EQUATION_NUMBERS)} equation numbers recorded ({share:.0%});"
        f" missing: {missing}"
    )


# --- judge() has teeth ----------------------------------------------------------------------


def planted(equation, mistake):
    """A copy of the record whose printed form is `mistake` applied to the printed value."""
    original = equation.printed_value

    def printed_value(rng):
        printed, true = original(rng)
        return mistake(np.asarray(printed)), true

    return dataclasses.replace(equation, printed_value=printed_value)


MISTAKES = {
    "transposed": lambda G: G.T,
    "factor 2 lost": lambda G: G / 2,
    "factor 2 added": lambda G: 2 * G,
    "sign flipped": lambda G: -G,
}

#: Right records with a non-symmetric matrix result, square (only the numbers show a
#: transpose) or not (the shape shows it): (49) det X, (55) ln det XᵀX with X: 5 × 3,
#: (61) aᵀX⁻¹b, (63) Tr(AX⁻¹B), (54) det XᵀAX with X: 5 × 3.
PLANTED_IN = (49, 54, 55, 61, 63)


def test_wrong_printed_forms_change_the_verdict():
    survived = []
    for number in PLANTED_IN:
        if number not in COOKBOOK:
            continue
        for name, mistake in MISTAKES.items():
            supported, error = judge(planted(COOKBOOK[number], mistake))
            if supported == COOKBOOK[number].verdict:
                survived.append(f"({number}) {name}: still {supported!r} (error {error})")
    assert not survived, "\n".join(survived)
    assert any(n in COOKBOOK for n in PLANTED_IN), "no record to plant a mistake in"


def test_a_condition_that_does_not_help_is_unexplained():
    """A record whose `under` is no better than its printed form is not 'needs a condition'."""
    conditional = [e for e in COOKBOOK.values() if e.verdict != RIGHT and e.under is not None]
    assert conditional, "no record with a condition, convention or correction"
    for e in conditional:
        useless = dataclasses.replace(e, under=e.printed_value)
        supported, _ = judge(useless)
        assert supported.startswith("unexplained"), f"({e.number}): {supported!r}"
        # and the printed form corrected to the truth is right, not conditionally right
        truth = dataclasses.replace(
            e, printed_value=lambda rng, f=e.printed_value: (f(rng)[1],) * 2
        )
        assert judge(truth)[0] == RIGHT, f"({e.number})"


def test_each_verdict_is_recomputed_from_its_own_numbers():
    """The same record under each recorded verdict: the computation keeps a supported one and
    replaces an unsupported one, so a record cannot claim a verdict its numbers contradict."""
    e = COOKBOOK.get(51)
    if e is None:
        pytest.skip("(51) is not recorded")
    for verdict in (NEEDS_CONDITION, RIGHT_UNDER_CONVENTION, WRONG):
        assert judge(dataclasses.replace(e, verdict=verdict))[0] == verdict
    assert judge(dataclasses.replace(e, verdict=RIGHT))[0] == WRONG


def test_gather_refuses_duplicates_and_strangers():
    class Part:
        EQUATIONS = [COOKBOOK[min(COOKBOOK)]] * 2

    with pytest.raises(ValueError, match="recorded twice"):
        gather(Part)
    Part.EQUATIONS = [dataclasses.replace(COOKBOOK[min(COOKBOOK)], number=1)]
    with pytest.raises(ValueError, match="not in chapter 2"):
        gather(Part)


# --- the page -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def judged():
    return cookbook_page.judge_all()


def test_the_table_has_one_row_per_record_and_links_to_real_headings(judged):
    rows = cookbook_page.table(judged).splitlines()[2:]
    assert len(rows) == len(COOKBOOK)
    for row, number in zip(rows, COOKBOOK, strict=True):
        assert f'id="eq-{number}"' in row
    for e in COOKBOOK.values():
        for id in e.entries:
            entry = by_id(id)
            text = (DOCS / page(entry)).read_text()
            assert f"{{#{anchor(entry)}}}" in text, f"({e.number}): no heading for {id}"


def test_counts_add_up(judged):
    text = cookbook_page.counts(judged)
    total = sum(int(line.rsplit(" ", 1)[1]) for line in text.splitlines()[: len(VERDICTS)])
    assert total == len(COOKBOOK)


def test_findings_list_every_equation_not_right_and_nothing_else(judged):
    text = cookbook_page.findings(judged)
    expected = [j.equation.number for j in judged if j.supported not in (RIGHT, NOT_A_DERIVATIVE)]
    listed = [int(n) for n in re.findall(r"\[\((\d+)\)\]\(#eq-", text)]
    assert listed == expected
    # (138)-(141) share their reading, so they share one item, with four errors
    shared = next(line for line in text.splitlines() if "[(138)]" in line)
    assert "[(139)]" in shared
    assert "[(141)]" in shared
    assert shared.count("(relative)") == 1
    assert "printed forms miss by" in shared


def test_an_unsupported_verdict_stops_the_page():
    e = COOKBOOK.get(49) or next(iter(COOKBOOK.values()))
    wrong = planted(e, lambda G: -G) if e.printed_value else e
    with pytest.raises(cookbook_page.VerdictNotSupportedError, match=rf"\({e.number}\)"):
        cookbook_page.judge_all({e.number: wrong})
