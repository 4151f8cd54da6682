"""Random inputs for a catalogue entry: every case the entry's conditions allow.

`Sample(X="pr", A="rp")` draws X of shape p × r and A of shape r × p from a seeded generator.
Each letter is a dimension: one letter makes a vector, two a matrix. The default sizes (DIMS)
are distinct, so a formula with a misplaced transpose produces the wrong shape; the tests also
draw every input with all dimensions equal (`square=`), where only the numbers can tell.

A word after the letters asks for a structure the identity needs:

- "pp sym": a symmetric matrix of any definiteness: its eigenvalues have random signs, so some
  draws are positive or negative definite and most are indefinite;
- "pp spd": a symmetric positive definite matrix;
- "pp inv": an invertible matrix, of either determinant sign;
- "pr full": a matrix of full rank min(p, r);
- "p unit": a vector of length one (a direction).

Other entries are standard normal and float64, so well scaled and with no accidental structure.

What the draws cover, stated here and asserted by tests/test_samplers.py over 40 seeds:

- Condition numbers. Every "inv", "full" and "spd" draw (and `invertible`, `full_rank`,
  `symmetric`) has condition number κ = KAPPA_MAX^u with u uniform on [0, 1]: log-uniform
  between 1 and 1000, exactly, by construction (singular values 1 and κ, the others
  log-uniform between them, scaled so that their geometric middle is 1). Where a formula
  inverts a product, the product is held to KAPPA_MAX: AXB and XᵀAX are drawn first and a
  factor is built to give them; a Gram matrix XᵀX or a power Xᵏ̄ gets X with
  KAPPA_MAX^(1/2) or KAPPA_MAX^(1/k̄) (`kappa_max=`).
- Signs. An orthogonal factor is drawn uniformly (Haar), with determinant +1 or −1 at random,
  so an invertible draw has a determinant of either sign.
- Size-1 dimensions. With probability ONE_PROBABILITY a draw (at the default sizes) sets one of
  its dimensions, chosen at random, to 1, the others keeping their distinct sizes: a 1 × r
  matrix, a vector of length 1. `Sample(ones="r", ...)` names the letters that may be 1 (all of
  them by default; "" for none). The decision is the generator's first draw, so the same seed
  gives the same inputs; `default_rng(0)`, whose first number is 0.64, draws default sizes,
  and of the seeds 0 to 4 that the tests use, seed 3 (0.086) draws a dimension of 1.
  Inside `with default_sizes():` no dimension is set to 1 (the generator draws the same
  numbers): for a check whose point needs every size above 1, such as a transpose that must
  show, or a convention that differs from another only off the diagonal.
"""

from contextlib import contextmanager

import numpy as np

#: Default size of each dimension letter: distinct, small, and not 1 (a 1 × k matrix hides a
#: transpose of a vector; draws with a dimension of 1 come on their own, see ONE_PROBABILITY).
DIMS = {"p": 3, "r": 4, "s": 5, "t": 2}

STRUCTURES = ("sym", "spd", "inv", "full", "unit")

#: The largest condition number a drawn invertible or full-rank matrix (or the matrix an entry
#: inverts) has: the checks must pass up to it (see snippets/gradcheck.py's shorter steps).
KAPPA_MAX = 1e3

#: float64's machine epsilon.
EPS = float(np.finfo(np.float64).eps)

#: The chance that a draw at the default sizes sets one dimension to 1.
ONE_PROBABILITY = 1 / 6


# --8<-- [start:samples]
def orthogonal(rng: np.random.Generator, n: int) -> np.ndarray:
    """A uniformly random n × n orthogonal matrix (Haar): determinant +1 or −1 at random.

    The Q of a QR factorisation, with each column's sign set so that R has a positive
    diagonal: without that, Q depends on the sign convention of the QR routine.
    """
    Q, R = np.linalg.qr(rng.standard_normal((n, n)))
    return Q * np.where(np.diag(R) < 0, -1.0, 1.0)


def singular_values(rng: np.random.Generator, k: int, kappa_max: float = KAPPA_MAX):
    """k positive numbers whose ratio largest/smallest is κ = kappa_max^u, u uniform on [0, 1].

    1 and κ are among them (for k ≥ 2), the others log-uniform between, in random order; all
    are divided by √κ, so their geometric middle is 1. The condition number of U diag(s) Vᵀ
    (U, V orthonormal columns) is then exactly κ: log-uniform between 1 and kappa_max.
    """
    kappa = kappa_max ** rng.uniform()
    s = np.exp(rng.uniform(0.0, np.log(kappa), k))
    if k >= 2:
        s[:2] = 1.0, kappa
    return rng.permutation(s) / np.sqrt(kappa)


def invertible(rng: np.random.Generator, n: int, sign: int = 0, kappa_max: float = KAPPA_MAX):
    """A random n × n matrix U diag(s) Vᵀ: U, V Haar orthogonal, s from `singular_values`.

    Condition number log-uniform in [1, kappa_max]. sign = +1 or −1 forces the sign of the
    determinant; 0 leaves it random (U and V each have determinant ±1 at random).
    """
    X = orthogonal(rng, n) @ np.diag(singular_values(rng, n, kappa_max)) @ orthogonal(rng, n).T
    if sign and np.sign(np.linalg.det(X)) != sign:
        X[0] = -X[0]
    return X


def full_rank(rng: np.random.Generator, m: int, n: int, kappa_max: float = KAPPA_MAX):
    """A random m × n matrix of full rank min(m, n), condition number log-uniform in
    [1, kappa_max] (so XᵀX or XXᵀ, whichever is invertible, has its square)."""
    k = min(m, n)
    U = orthogonal(rng, m)[:, :k]
    V = orthogonal(rng, n)[:, :k]
    return U @ np.diag(singular_values(rng, k, kappa_max)) @ V.T


def symmetric(
    rng: np.random.Generator, n: int, definite: bool | None = True, kappa_max: float = KAPPA_MAX
):
    """A random symmetric n × n matrix Q diag(λ) Qᵀ, exactly symmetric, condition number
    log-uniform in [1, kappa_max].

    definite=True: all λ > 0 (positive definite). False: λ of both signs (indefinite; n ≥ 2).
    None: each sign of λ at random, so definite and indefinite matrices both occur.
    """
    lam = singular_values(rng, n, kappa_max)
    if definite is None:
        lam *= rng.choice([-1.0, 1.0], n)
    elif not definite:
        lam *= rng.permutation(np.arange(n) % 2 * 2.0 - 1.0)  # −1, +1, −1, … in random order
    Q = orthogonal(rng, n)
    M = Q @ np.diag(lam) @ Q.T
    return (M + M.T) / 2


def dims(square: int | None, *sizes: int, rng=None, ones=None) -> tuple[int, ...]:
    """The default sizes, or every size equal to `square` (where only numbers show a transpose).

    With a generator `rng` and square=None, one size (among the positions `ones`, all by
    default) becomes 1 with probability ONE_PROBABILITY; call it before any other draw.
    """
    if square is not None:
        return (square,) * len(sizes)
    sizes = list(sizes)
    if rng is not None:
        allowed = range(len(sizes)) if ones is None else ones
        if rng.uniform() < ONE_PROBABILITY and len(allowed) and _ONES[-1]:
            sizes[rng.choice(allowed)] = 1
    return tuple(sizes)


# --8<-- [end:samples]


def closed_form_tolerance(inputs: dict) -> float:
    """The relative difference allowed between two evaluations of one closed form at drawn
    inputs (exact arithmetic against float64, or two float64 orders of operations):
    κ ε size, with κ = KAPPA_MAX the largest condition number drawn and size the number of
    input entries. The one place where such a tolerance is set; finite-difference checks
    derive theirs in snippets/gradcheck.py."""
    return KAPPA_MAX * EPS * sum(np.size(v) for v in inputs.values())


#: Whether `dims` may set a size to 1 (False inside `default_sizes`).
_ONES = [True]


@contextmanager
def default_sizes():
    """Within it, samplers draw every dimension at its default size, never 1."""
    _ONES.append(False)
    try:
        yield
    finally:
        _ONES.pop()


class Sample:
    """sample(rng) -> {name: array}, the inputs of one entry; see the module docstring.

    sample(rng, square=k) draws the same inputs with every dimension equal to k.
    `ones` (keyword): the letters that may be 1 in a draw (all the letters used, by default).
    """

    def __init__(self, *, ones: str | None = None, **specs: str):
        self.specs = {}
        for name, spec in specs.items():
            letters, _, structure = spec.partition(" ")
            if not 1 <= len(letters) <= 2 or any(c not in DIMS for c in letters):
                raise ValueError(
                    f"input {name!r}: {spec!r} must start with one or two of {''.join(DIMS)}"
                )
            if structure and structure not in STRUCTURES:
                raise ValueError(f"input {name!r}: unknown structure {structure!r}")
            square_only = ("sym", "spd", "inv")
            if structure in square_only and (len(letters) != 2 or letters[0] != letters[1]):
                raise ValueError(f"input {name!r}: a {structure} matrix must be square")
            if structure == "full" and len(letters) != 2:
                raise ValueError(f"input {name!r}: a full-rank input must be a matrix")
            self.specs[name] = (letters, structure)
        self.letters = "".join(sorted({c for letters, _ in self.specs.values() for c in letters}))
        if ones is not None and any(c not in self.letters for c in ones):
            raise ValueError(f"ones={ones!r}: only letters of the inputs, {self.letters!r}")
        self.ones = self.letters if ones is None else ones

    def __call__(self, rng: np.random.Generator, square: int | None = None):
        letters = self.letters
        allowed = [letters.index(c) for c in self.ones]
        sizes = dict(
            zip(
                letters,
                dims(square, *(DIMS[c] for c in letters), rng=rng, ones=allowed),
                strict=True,
            )
        )
        inputs = {}
        for name, (letters, structure) in self.specs.items():
            shape = tuple(sizes[c] for c in letters)
            if structure == "sym":
                M = symmetric(rng, shape[0], definite=None)
            elif structure == "spd":
                M = symmetric(rng, shape[0], definite=True)
            elif structure == "inv":
                M = invertible(rng, shape[0])
            elif structure == "full":
                M = full_rank(rng, *shape)
            else:
                M = rng.standard_normal(shape)
                if structure == "unit":
                    M = M / np.sqrt(np.sum(M * M))
            inputs[name] = M
        return inputs

    def __repr__(self) -> str:
        parts = ", ".join(f"{n}={' '.join(filter(None, s))!r}" for n, s in self.specs.items())
        return f"Sample({parts})"
