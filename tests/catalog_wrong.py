"""Helpers for the catalogue's wrong-answer tests: hand a check a wrong formula, see it refused.

A wrong formula of the wrong shape (a transposed gradient on non-square inputs) must be refused
with a GradientCheckError naming the shape; one of the right shape must come back REJECTED.
Square inputs (every dimension SQUARE) are where only the numbers can tell a transposed factor
from the right one, so every mistake is tried there on every seed, and once on the entry's own
distinct sizes.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from seeds_and_shapes import SEEDS

from snippets.catalog.entry import Identity, MatrixIdentity
from snippets.catalog.registry import by_id
from snippets.checks.catalog.identity import check_identity, check_matrix_identity
from snippets.gradcheck import GradientCheckError

#: Every dimension of the square inputs.
SQUARE = 3

#: The two kinds of inputs: the entry's own distinct sizes, and all dimensions equal.
SIZES = (None, SQUARE)

#: Mistakes anyone can make with any gradient or Jacobian: flip its sign, double it, halve it.
GENERIC = {
    "negated": lambda G: -G,
    "doubled": lambda G: 2 * G,
    "halved": lambda G: G / 2,
}

#: How a check refuses a formula of the wrong shape (gradient, numerator form or Jacobian).
WRONG_SHAPE = re.compile(r"has shape .*(must have shape|but x has shape)")

#: How numpy refuses a wrong formula whose factors do not even fit on distinct sizes (A a for
#: A: p × r, a: p): no result to check, the mistake shows itself.
MISFIT = re.compile(r"mismatch in its core dimension|not aligned|could not be broadcast")


def mutated(entry, mutate):
    """A wrong formula: the entry's own gradient (or Jacobian), then `mutate` applied to it."""
    right = entry.jacobian if isinstance(entry, MatrixIdentity) else entry.grad
    return lambda **inputs: mutate(np.asarray(right(**inputs)))


def rejected(entry, seed, square=None, grad=None, numerator=None, jacobian=None):
    """True if the entry's check refuses the given formula(s) for this seed and size.

    Refused means: a REJECTED result, a GradientCheckError naming a wrong shape, or (on
    distinct sizes) numpy refusing to multiply the wrong formula's factors.
    """
    inputs = entry.sample(np.random.default_rng(seed), square=square)
    try:
        if isinstance(entry, MatrixIdentity):
            return not check_matrix_identity(entry, seed, jacobian=jacobian, inputs=inputs)
        gradient, in_numerator_layout = check_identity(
            entry, seed, grad=grad, numerator=numerator, inputs=inputs
        )
    except GradientCheckError as error:
        return bool(WRONG_SHAPE.search(str(error)))
    except ValueError as error:
        return square is None and bool(MISFIT.search(str(error)))
    return not (gradient and in_numerator_layout)


def symmetric_on_square(entry, seed=0):
    """Whether the right gradient is a vector or a symmetric matrix on square inputs, where a
    transpose is no mistake (a gradient that is zero everywhere counts as symmetric). An entry
    whose variable stays non-square even then (traces.XtCXinv_XtBX: a square X makes it
    constant) has no symmetric gradient."""
    inputs = entry.sample(np.random.default_rng(seed), square=SQUARE)
    G = np.asarray(entry.grad(**inputs))
    return G.ndim == 1 or (G.shape[0] == G.shape[-1] and np.allclose(G, G.T))


def distinct_sizes_only(formula):
    """Mark a wrong formula that equals the right one on every square input (so it can only be
    rejected on the entry's distinct sizes)."""
    formula.distinct_sizes_only = True
    return formula


@dataclass(frozen=True)
class Mistake:
    """One plausible wrong formula for one entry: a gradient, or a Jacobian for a matrix entry."""

    entry: Identity | MatrixIdentity
    name: str
    formula: Callable

    def __str__(self) -> str:
        return f"{self.entry.id}: {self.name}"

    def runs(self):
        """(seed, square) pairs to try: seed 0 on distinct sizes, every seed on square ones."""
        square = [] if getattr(self.formula, "distinct_sizes_only", False) else SEEDS
        return [(0, None), *((seed, SQUARE) for seed in square)]

    def failures(self):
        """The (seed, square) runs on which the check did NOT refuse the formula."""
        formula = "jacobian" if isinstance(self.entry, MatrixIdentity) else "grad"
        return [
            (seed, square)
            for seed, square in self.runs()
            if not rejected(self.entry, seed, square, **{formula: self.formula})
        ]


def mistakes(wrong: dict[str, dict[str, Callable]], family=None) -> list[Mistake]:
    """The Mistakes of a WRONG table {entry id: {name of the mistake: wrong formula}}.

    With `family` (a module of snippets.catalog), the table must give every entry of the family
    at least one mistake, and no other entry: otherwise the tests are not even collected.
    """
    if family is not None:
        ids = [e.id for e in [*family.IDENTITIES, *getattr(family, "MATRIX_IDENTITIES", [])]]
        missing = [i for i in ids if not wrong.get(i)]
        strangers = [i for i in wrong if i not in ids]
        if missing or strangers:
            raise ValueError(f"no mistake for {missing}; not in {family.__name__}: {strangers}")
    return [
        Mistake(by_id(entry_id), name, formula)
        for entry_id, formulas in wrong.items()
        for name, formula in formulas.items()
    ]
