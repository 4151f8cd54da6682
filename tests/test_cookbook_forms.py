"""The Matrix Cookbook §2.4 (eqs 69-98): each record's verdict is what the numbers say.

One loop over the records of snippets/catalog/cookbook_parts/forms.py: `judge` recomputes every
verdict from the printed formula and the truth; the records are complete and cite entries that
exist; and the checks have teeth: a right formula made plausibly wrong (sign flipped, factor 2,
transposed) is no longer judged right.
"""

import dataclasses

import numpy as np

from snippets.catalog.cookbook import (
    NOT_A_DERIVATIVE,
    RIGHT,
    VERDICTS,
    WRONG,
    judge,
    relative_error,
)
from snippets.catalog.cookbook_parts import forms
from snippets.catalog.registry import by_id

WRONG_AS_PRINTED = {89, 92, 95}


def _mutated(comparison, how):
    def mutated(rng):
        printed, true = comparison(rng)
        return how(np.asarray(printed)), true

    return mutated


MUTATIONS = {
    "sign flipped": lambda v: -v,
    "factor 2 missing": lambda v: v / 2,
    "transposed": lambda v: v.T,
}


def test_every_forms_record_is_judged_as_recorded_and_has_teeth():
    numbers = [e.number for e in forms.EQUATIONS]
    assert numbers == list(range(69, 99)), f"eqs 69-98 each once, in order; got {numbers}"
    wrong = {e.number for e in forms.EQUATIONS if e.verdict == WRONG}
    assert wrong == WRONG_AS_PRINTED, f"wrong as printed: {sorted(wrong)}"
    problems = []
    for e in forms.EQUATIONS:
        assert e.verdict in VERDICTS, f"({e.number}) unknown verdict {e.verdict!r}"
        verdict, error = judge(e)
        if verdict != e.verdict:
            problems.append(
                f"({e.number}) recorded {e.verdict!r}, judged {verdict!r}, error {error}"
            )
        for id in e.entries:
            try:
                by_id(id)
            except KeyError as missing:
                problems.append(f"({e.number}) {missing}")
        if e.verdict == NOT_A_DERIVATIVE:
            assert e.printed_value is None, f"({e.number}) a definition, said so"
            assert e.reading, f"({e.number}) a definition, said so"
            continue
        if e.verdict != RIGHT:
            assert e.correction, f"({e.number}) lacks its correction"
            assert e.condition, f"({e.number}) lacks its correction"
            assert e.under, f"({e.number}) lacks its correction"
            assert error > 0.1, f"({e.number}) misses by {error}, not by order one"
        else:
            for name, how in MUTATIONS.items():
                printed, _ = e.printed_value(np.random.default_rng(0))
                if name == "transposed" and relative_error(np.asarray(printed).T, printed) < 1e-3:
                    continue  # a vector or a symmetric result: no transpose to catch
                mutant = dataclasses.replace(e, printed_value=_mutated(e.printed_value, how))
                if judge(mutant)[0] == RIGHT:
                    problems.append(f"({e.number}) still judged right with its result {name}")
    assert not problems, "\n".join(problems)
