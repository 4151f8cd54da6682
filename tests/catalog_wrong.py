"""Helpers for the catalogue's wrong-answer tests: hand a check a wrong formula, see it refused.

A wrong gradient of the transposed shape raises GradientCheckError naming the transpose (on
non-square inputs); one of the right shape must come back REJECTED. Square inputs (every
dimension 4) are where only the numbers can tell a transposed factor from the right one.
"""

import numpy as np

from snippets.checks.catalog.identity import check_identity
from snippets.gradcheck import GradientCheckError

SQUARE = 4

#: Mistakes anyone can make with any gradient G: flip its sign, double it, halve it.
GENERIC = {
    "wrong sign": lambda G: -G,
    "factor 2": lambda G: 2 * G,
    "half": lambda G: G / 2,
}


def mutated(entry, mutate):
    """A wrong gradient formula: the entry's own, then `mutate` applied to the result."""
    return lambda **inputs: mutate(np.asarray(entry.grad(**inputs)))


def rejected(entry, seed, grad=None, numerator=None, square=None):
    """True if check_identity refuses the given formula(s) for this seed and size."""
    inputs = entry.sample(np.random.default_rng(seed), square=square)
    try:
        gradient, in_numerator_layout = check_identity(
            entry, seed, grad=grad, numerator=numerator, inputs=inputs
        )
    except GradientCheckError as error:
        return "shape" in str(error)
    return not (gradient and in_numerator_layout)


def symmetric_on_square(entry, seed):
    """Whether the right gradient is a symmetric matrix on square inputs (then Gᵀ = G)."""
    inputs = entry.sample(np.random.default_rng(seed), square=SQUARE)
    G = np.asarray(entry.grad(**inputs))
    return G.ndim == 1 or np.allclose(G, G.T)
