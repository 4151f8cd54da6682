"""Random inputs for a catalogue entry, drawn from a one-line description of their shapes.

`Sample(X="pr", A="rp")` draws X of shape p × r and A of shape r × p from a seeded generator.
Each letter is a dimension: one letter makes a vector, two a matrix. The default sizes (DIMS)
are distinct, so a formula with a misplaced transpose produces the wrong shape; the tests also
draw every input with all dimensions equal (`square=`), where only the numbers can tell.

A word after the letters asks for a structure the identity needs:

- "pp sym": a symmetric matrix, (M + Mᵀ)/2;
- "pp spd": a symmetric positive definite matrix, M Mᵀ + p I;
- "p unit": a vector of length one (a direction).

Entries are standard normal and float64, so well scaled and with no accidental structure.
"""

import numpy as np

#: Default size of each dimension letter: distinct, small, and not 1 (a 1 × k matrix hides a
#: transpose of a vector).
DIMS = {"p": 3, "r": 4, "s": 5, "t": 2}

STRUCTURES = ("sym", "spd", "unit")


class Sample:
    """sample(rng) -> {name: array}, the inputs of one entry; see the module docstring.

    sample(rng, square=k) draws the same inputs with every dimension equal to k.
    """

    def __init__(self, **specs: str):
        self.specs = {}
        for name, spec in specs.items():
            letters, _, structure = spec.partition(" ")
            if not 1 <= len(letters) <= 2 or any(c not in DIMS for c in letters):
                raise ValueError(
                    f"input {name!r}: {spec!r} must start with one or two of {''.join(DIMS)}"
                )
            if structure and structure not in STRUCTURES:
                raise ValueError(f"input {name!r}: unknown structure {structure!r}")
            if structure in ("sym", "spd") and (len(letters) != 2 or letters[0] != letters[1]):
                raise ValueError(f"input {name!r}: a {structure} matrix must be square")
            self.specs[name] = (letters, structure)

    def __call__(self, rng: np.random.Generator, square: int | None = None):
        inputs = {}
        for name, (letters, structure) in self.specs.items():
            shape = tuple(DIMS[c] if square is None else square for c in letters)
            M = rng.standard_normal(shape)
            if structure == "sym":
                M = (M + M.T) / 2
            elif structure == "spd":
                M = M @ M.T + shape[0] * np.eye(shape[0])
            elif structure == "unit":
                M = M / np.sqrt(np.sum(M * M))
            inputs[name] = M
        return inputs

    def __repr__(self) -> str:
        parts = ", ".join(f"{n}={' '.join(filter(None, s))!r}" for n, s in self.specs.items())
        return f"Sample({parts})"
