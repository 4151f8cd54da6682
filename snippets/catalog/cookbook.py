"""The Matrix Cookbook, chapter 2 and §10.2, one verdict per equation number.

Site machinery: it reads the catalogue's registry, so it does not run alone.

The book is K. B. Petersen and M. S. Pedersen, *The Matrix Cookbook*, version of
November 15, 2012: chapter 2 (Derivatives, equations 32-144) and §10.2 (equations 505-524).
Each equation is read literally, with the book's own notation table and the assumptions it
states (X has no structure unless it says so; its derivative of a scalar by a matrix has the
matrix's shape). Where a verdict depends on how the notation is read, the record says which
reading it takes.

A verdict is not an opinion: `judge` recomputes it. `printed` evaluates the formula as printed
and, beside it, the true value by a method that does not share the formula (the gradient of a
catalogue entry that the catalogue's tests check against finite differences, or central
differences directly). A printed formula that agrees on every draw is right; one that does not
is wrong, wrong only without a condition, or right only under a convention, and `under` shows
which by agreeing once the condition or the convention is applied.

The records live in part modules, one per stretch of the chapter, so that each stays short;
this module gathers them into `COOKBOOK`.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

RIGHT = "right"
RIGHT_UNDER_CONVENTION = "right under its convention"
NEEDS_CONDITION = "needs an unstated condition"
WRONG = "wrong as printed"
NOT_A_DERIVATIVE = "not a derivative identity"

#: The verdicts, in the order the page counts them.
VERDICTS = (RIGHT, RIGHT_UNDER_CONVENTION, NEEDS_CONDITION, WRONG, NOT_A_DERIVATIVE)

#: The equation numbers the page covers: chapter 2 and §10.2.
EQUATION_NUMBERS = (*range(32, 145), *range(505, 525))

#: Two values agree when their relative error is at most this. Both sides are closed-form
#: evaluations at well-conditioned inputs (the true side comes from a checked catalogue entry
#: or from central differences), so agreement sits at rounding level; a wrong formula misses
#: by order one.
AGREE = 1e-7

#: Draws per judgement: a printed formula must agree on every one to be called right.
DRAWS = 5

#: printed(rng) -> (the formula as printed, evaluated; the true value).
Comparison = Callable[[np.random.Generator], tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class Equation:
    """One numbered equation of the book and its verdict.

    Attributes:
        number: the book's equation number.
        section: the book's section, number and title: "2.2.1 General form".
        printed: the formula as printed, in TeX, written in the site's notation table.
        verdict: one of VERDICTS.
        entries: ids of the registry entries that check it (for a wrong formula, its
            corrected form). Empty only for "not a derivative identity".
        reading: how the book's notation is read, where the verdict depends on it.
        correction: TeX of the corrected form, or of the statement under the convention or
            condition; required for every verdict but "right" and "not a derivative identity".
        condition: the convention or the unstated condition, in words.
        printed_value: draws inputs the book's stated assumptions allow and returns
            (the printed formula evaluated literally, the true value). None only for
            "not a derivative identity" with nothing to evaluate.
        under: the same comparison with the convention or condition applied: the printed
            formula against the derivative in that convention, or on inputs drawn under the
            condition; for "wrong as printed", the corrected formula against the true value.
    """

    number: int
    section: str
    printed: str
    verdict: str
    entries: tuple[str, ...] = ()
    reading: str = ""
    correction: str = ""
    condition: str = ""
    printed_value: Comparison | None = None
    under: Comparison | None = None


def relative_error(value: np.ndarray, true: np.ndarray) -> float:
    """‖value − true‖_F / max(‖true‖_F, tiny): how far a formula is from the truth.

    A shape mismatch is an error of the formula (a transpose of a non-square result), so it
    counts as infinitely wrong rather than raising.
    """
    value, true = np.asarray(value, dtype=float), np.asarray(true, dtype=float)
    if value.shape != true.shape:
        return float("inf")
    scale = max(float(np.linalg.norm(true)), np.finfo(float).tiny)
    return float(np.linalg.norm(value - true)) / scale


def worst_error(comparison: Comparison, seed: int = 0, draws: int = DRAWS) -> float:
    """The largest relative error of a comparison over `draws` seeded draws."""
    return max(
        relative_error(*comparison(np.random.default_rng([seed, draw]))) for draw in range(draws)
    )


def judge(equation: Equation, seed: int = 0) -> tuple[str, float | None]:
    """(the verdict the computation supports, the printed form's worst relative error).

    right: the printed form agrees on every draw. Otherwise the printed form misses, and
    `under` tells the recorded verdict apart from plain "wrong": it must agree. The verdict
    returned is the recorded one when the numbers support it, else the one they support,
    so a test comparing the two catches a formula that starts to pass or to fail.
    """
    if equation.printed_value is None:
        return NOT_A_DERIVATIVE, None
    error = worst_error(equation.printed_value, seed)
    if error <= AGREE:
        return (NOT_A_DERIVATIVE if equation.verdict == NOT_A_DERIVATIVE else RIGHT), error
    if equation.under is None or worst_error(equation.under, seed) > AGREE:
        return "unexplained: the printed form misses and nothing recorded agrees", error
    return (equation.verdict if equation.verdict != RIGHT else WRONG), error


def gather(*parts) -> dict[int, Equation]:
    """{number: Equation} from the part modules' `EQUATIONS` lists, in number order.

    An equation number recorded twice, or outside EQUATION_NUMBERS, is an error.
    """
    gathered: dict[int, Equation] = {}
    for part in parts:
        for equation in part.EQUATIONS:
            if equation.number not in EQUATION_NUMBERS:
                raise ValueError(f"({equation.number}) is not in chapter 2 or §10.2")
            if equation.number in gathered:
                raise ValueError(f"({equation.number}) is recorded twice")
            if equation.verdict not in VERDICTS:
                raise ValueError(f"({equation.number}): unknown verdict {equation.verdict!r}")
            gathered[equation.number] = equation
    return dict(sorted(gathered.items()))


# Each part module of snippets/catalog/cookbook_parts/ is listed here:
#   rules_determinants_inverses (32-68), forms (69-98),
#   traces_norms_structured (99-144), kronecker_vec (505-524).
from snippets.catalog.cookbook_parts import (  # noqa: E402  (the parts import this module)
    forms,
    kronecker_vec,
    rules_determinants_inverses,
    traces_norms_structured,
)

COOKBOOK: dict[int, Equation] = gather(
    rules_determinants_inverses, forms, traces_norms_structured, kronecker_vec
)
