"""A sweep of the gradient checker over scales of f and x: the probe of issue 11, rerun.

    .venv/bin/python tests/gradcheck_sweep.py [--full]

Four functions of a 3 × 3 matrix X (not symmetric), each multiplied by a scale c:

    c Σ X²  → 2c X        c Σ A ∘ X → c A        c Σ X³ → 3c X²        c Σ log X → c / X

The grid of the issue (1,520 cases): each function at 19 scale settings (c from 1e-300 to
1e290 with X of order 1, and X from 1e-200 to 1e200 with c = 1), in the 4 methods (auto,
central, directional, complex), with the correct gradient and four plausible mistakes
(wrong sign, factor 2, transposed, 1e-4 relative error); plus a fifth mistake, one entry off
by 1 % of the largest. `--full` crosses every c with every scale of X.

Each case ends in one of: passed, REJECTED, or refused (GradientCheckError, with its
message). A case counts as a silent pass if a mistake passed, and as a false rejection if
the correct gradient was REJECTED; a refusal is counted apart. Cases where float64 cannot
hold f or its gradient (below 1e-300 or above 1e300, where the value itself under- or
overflows) are listed as out of range and not judged, but they are still run: they must
not raise anything other than GradientCheckError.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from snippets.gradcheck import GradientCheckError, check_gradient

METHODS = ("auto", "central", "directional", "complex")
F_SCALES = (1e-300, 1e-200, 1e-100, 1e-30, 1e-15, 1e-12, 1e-6, 1e6, 1e100, 1e290)
X_SCALES = (1e-200, 1e-100, 1e-30, 1e-12, 1e-6, 1e6, 1e12, 1e30, 1e200)
MISTAKES = ("wrong sign", "factor 2", "transposed", "1e-4 relative", "one entry off")
CORE_MISTAKES = MISTAKES[:4]  # the 1,520 cases; "one entry off" comes on top

RNG = np.random.default_rng(2026)
BASE = np.exp(0.5 * RNG.standard_normal((3, 3)))  # positive, within a factor ~4 of 1
A = RNG.standard_normal((3, 3))
MISTAKE_SEED = 1  # the signs and the entry of the small mistakes, the same in every case


@dataclass(frozen=True)
class Family:
    """f = c · base(X) with gradient c · grad(X); log10 sizes for the range test."""

    name: str
    base: object
    grad: object
    degree: int  # f scales like |X|^degree (0: like log)


FAMILIES = (
    Family("c Σ X²", lambda X: np.sum(X**2), lambda X: 2 * X, 2),
    Family("c Σ A∘X", lambda X: np.sum(A * X), lambda X: A + 0 * X, 1),
    Family("c Σ X³", lambda X: np.sum(X**3), lambda X: 3 * X**2, 3),
    Family("c Σ log X", lambda X: np.sum(np.log(X)), lambda X: 1 / X, 0),
)


def settings(full: bool):
    if full:
        return [(c, s) for c in F_SCALES for s in (1.0, *X_SCALES)]
    return [(c, 1.0) for c in F_SCALES] + [(1.0, s) for s in X_SCALES]


def representable(family: Family, c: float, s: float) -> bool:
    """f, its gradient and the intermediate X^degree lie between 1e-300 and 1e300."""
    lc, ls = math.log10(c), math.log10(s)
    if family.degree == 0:
        sizes = [lc + math.log10(abs(math.log(s)) + 1.0), lc - ls]
    else:
        d = family.degree
        sizes = [d * ls, lc + d * ls, lc + (d - 1) * ls]
    return all(-300 < size < 300 for size in sizes)


def mistaken(g: np.ndarray, mistake: str, rng: np.random.Generator) -> np.ndarray:
    """g with one plausible mistake of MISTAKES; rng picks the signs of a 1e-4 relative error
    and which entry is off by 1e-2 of the largest."""
    big = np.max(np.abs(g))
    if mistake == "wrong sign":
        return -g
    if mistake == "factor 2":
        return 2 * g
    if mistake == "transposed":
        return g.T.copy()
    if mistake == "1e-4 relative":
        return g + 1e-4 * big * rng.choice([-1.0, 1.0], size=g.shape)
    wrong = g.copy()
    wrong.flat[rng.integers(g.size)] += 1e-2 * big
    return wrong


def run_case(family: Family, c: float, s: float, method: str, claim: str):
    """'passed', 'rejected' or 'refused: message'."""
    X = s * BASE

    def f(X):
        return c * family.base(X)

    with np.errstate(all="ignore"):
        g = c * family.grad(X)
        if claim != "correct":
            g = mistaken(g, claim, np.random.default_rng(MISTAKE_SEED))
        try:
            result = check_gradient(f, g, X, method=method)
        except GradientCheckError as error:
            return f"refused: {error}"
    return "passed" if result else "rejected"


def sweep(full: bool = False, mistakes=MISTAKES, methods=METHODS):
    """Yield (family, c, s, method, claim, in_range, outcome) for every case."""
    for family in FAMILIES:
        for c, s in settings(full):
            in_range = representable(family, c, s)
            for method in methods:
                for claim in ("correct", *mistakes):
                    outcome = run_case(family, c, s, method, claim)
                    yield family.name, c, s, method, claim, in_range, outcome


KEYS = (
    "cases",
    "silent passes",
    "false rejections",
    "clear refusals",
    "correct passed",
    "mistakes rejected",
    "out of range (not judged)",
)


def tally(rows) -> Counter:
    counts = Counter(dict.fromkeys(KEYS, 0))
    for _name, _c, _s, _method, claim, in_range, outcome in rows:
        counts["cases"] += 1
        if not in_range:
            counts["out of range (not judged)"] += 1
            counts[f"out of range: {outcome.split(':')[0]}"] += 1
            continue
        if outcome.startswith("refused"):
            counts["clear refusals"] += 1
        elif claim == "correct":
            counts["correct passed" if outcome == "passed" else "false rejections"] += 1
        else:
            counts["mistakes rejected" if outcome == "rejected" else "silent passes"] += 1
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="every c with every scale of X")
    parser.add_argument("--show", action="store_true", help="print every refusal")
    args = parser.parse_args()
    failures = 0
    for mistakes, title in [(CORE_MISTAKES, "the issue's grid"), (MISTAKES[4:], "one entry off")]:
        rows = list(sweep(args.full, mistakes))
        if title == "one entry off":
            rows = [r for r in rows if r[4] != "correct"]
        counts = tally(rows)
        print(f"{title}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        for name, c, s, method, claim, in_range, outcome in rows:
            bad = in_range and (
                (claim == "correct" and outcome == "rejected")
                or (claim != "correct" and outcome == "passed")
            )
            if bad or (args.show and outcome.startswith("refused") and in_range):
                print(f"   {name:10} c={c:.0e} X~{s:.0e} {method:11} {claim:14} {outcome}")
            failures += bad
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
