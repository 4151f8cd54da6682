"""`compare`, with results that say "exactly equal" in words when two formulas agree to the bit.

Site machinery: it builds on the checker (snippets/gradcheck.py), so it does not run alone;
a page's download carries it with the checker.

The checks of the route pages compare two formulas computed from the same inputs. When they
agree in every bit, "max relative error 0.0e+00" reads like a measurement that happened to
be small; it is not, and the printed line says so: "all 240 entries exactly equal". Anything
else prints as gradcheck's `compare` prints it.
"""

from dataclasses import dataclass, fields

import numpy as np

from snippets.gradcheck import CheckResult
from snippets.gradcheck import compare as compare_numbers


@dataclass(frozen=True)
class ComparedResult(CheckResult):
    """A CheckResult of `compare` that knows how many numbers it compared."""

    entries: int = 1

    def __str__(self) -> str:
        if self.max_rel_error != 0.0:
            return super().__str__()
        verdict = "passed  " if self.passed else "REJECTED"
        equal = f"all {self.entries} entries exactly equal" if self.entries > 1 else "exactly equal"
        return f"{verdict} {self.label}: {equal} ({self.method})"


def compare(claimed, reference, *, label: str, **options) -> ComparedResult:
    """gradcheck's compare(claimed, reference, label=..., tolerance=..., method=...)."""
    result = compare_numbers(claimed, reference, label=label, **options)
    values = {field.name: getattr(result, field.name) for field in fields(result)}
    return ComparedResult(**values, entries=int(np.asarray(claimed).size))
