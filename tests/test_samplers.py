"""The samplers draw every case an entry's conditions allow (snippets/catalog/sample.py).

For every catalogue entry, 40 seeds of its sampler at the default sizes are classified (no
gradient is checked here: only the draws are looked at). Each condition string of an entry is
looked up in CONDITIONS, which says what it requires of the draws: an unknown condition fails,
so a new entry's conditions get a row here. Whatever the conditions, every draw must satisfy
them (an invertible matrix within KAPPA_MAX, a symmetric one exactly symmetric, ...), and over
the 40 draws each case they allow must appear:

- an invertible matrix: determinants of both signs; condition numbers from near 1 to near
  KAPPA_MAX (of the matrix the entry inverts, which the conditions name: XᵀX for a full-rank
  X, whose determinant is positive);
- a symmetric matrix of any definiteness: definite and indefinite draws;
- a square matrix with no stated structure (or "not symmetric"): never symmetric, with an
  indefinite symmetric part in some draw, and determinants of both signs;
- "any p and r": p > r and p < r;
- every entry: a draw with a dimension of 1 (beside a larger one, where the entry has two).
"""

import re

import numpy as np
import pytest

from snippets.catalog.registry import IDENTITIES, MATRIX_IDENTITIES
from snippets.catalog.sample import KAPPA_MAX, Sample, dims, singular_values, symmetric

ALL = [*IDENTITIES, *MATRIX_IDENTITIES]
SEEDS = range(40)

#: Rounding allowed on a drawn condition number: κ is built exactly, computed to about n κ ε.
KAPPA_ROUNDING = 1e-6


# --- what each condition requires ------------------------------------------------------------


def invertible(name, of=None):
    """`of(inputs)` (default: the input `name`) is invertible, κ ≤ KAPPA_MAX, of either det
    sign, with κ spread up to KAPPA_MAX."""
    return ("invertible", name, of or (lambda i: i[name]))


def gram(name, of):
    """`of(inputs)`, a Gram matrix (positive definite by construction): κ ≤ KAPPA_MAX, spread."""
    return ("gram", name, of)


def general(name):
    return ("general", name, None)


def symmetric_any(name):
    return ("symmetric any", name, None)


def spd(name):
    return ("spd", name, None)


def tall(name):
    return ("tall", name, None)


def wide(name):
    return ("wide", name, None)


def both_orientations(name):
    return ("both orientations", name, None)


def nonzero(name, of=None):
    return ("nonzero", name, of or (lambda i: i[name]))


def diagonal(name):
    return ("diagonal", name, None)


def toeplitz(name):
    return ("toeplitz", name, None)


def simple_top_eigenvalue(name):
    """The eigenvalue of largest real part of `name` is real and simple in every draw."""
    return ("simple top eigenvalue", name, None)


#: Every condition string of the catalogue and what it requires of the draws. Conditions that
#: only give shapes ("A: s × p, X: p × r, B: r × s") match SHAPES_ONLY and require nothing more.
CONDITIONS = {
    "X: n × n, invertible": [invertible("X")],
    "X: n × n, invertible; det X may be negative": [invertible("X")],
    "AXB invertible (so s ≤ p and s ≤ r)": [invertible("AXB", lambda i: i["A"] @ i["X"] @ i["B"])],
    "AXB invertible": [invertible("AXB", lambda i: i["A"] @ i["X"] @ i["B"])],
    "X: p × r with p > r, full column rank": [tall("X"), gram("XᵀX", lambda i: i["X"].T @ i["X"])],
    "X: p × r, full column rank": [tall("X"), gram("XᵀX", lambda i: i["X"].T @ i["X"])],
    "X: p × r with p < r, full row rank": [wide("X"), gram("XXᵀ", lambda i: i["X"] @ i["X"].T)],
    "k̄ a positive integer (checked at k̄ = 3)": [],
    "X: n × n, invertible (not symmetric)": [invertible("X"), general("X")],
    "A: n × n, invertible (not symmetric)": [invertible("A"), general("A")],
    "X, A: n × n": [general("X"), general("A")],
    "X + A invertible": [invertible("X + A", lambda i: i["X"] + i["A"])],
    "X: p × r, A: p × p (not symmetric)": [general("A")],
    "𝓜 = XᵀAX invertible": [invertible("𝓜", lambda i: i["X"].T @ i["A"] @ i["X"])],
    "X: p × r, A: r × r (not symmetric)": [general("A")],
    "𝓜 = XAXᵀ invertible": [invertible("𝓜", lambda i: i["X"] @ i["A"] @ i["X"].T)],
    "x: n, A: n × n (not symmetric)": [general("A")],
    "𝓜 = A + xxᵀ invertible": [invertible("𝓜", lambda i: i["A"] + np.outer(i["x"], i["x"]))],
    "X: p × r, any p and r": [both_orientations("X")],
    "X: n × n, symmetric positive definite": [spd("X")],
    "Σ: n × n covariance, symmetric positive definite": [spd("Sigma")],
    "X: n × n, symmetric, invertible (may be indefinite)": [symmetric_any("X"), invertible("X")],
    "X: n × n, symmetric": [symmetric_any("X")],
    "A: n × n, not symmetric": [general("A")],
    "A: n × n": [general("A")],
    "A, B: n × n": [general("A"), general("B")],
    "A symmetric": [symmetric_any("A")],
    "W symmetric": [symmetric_any("W")],
    "gradient within symmetric matrices": [],
    "y = x − μ: n": [],
    "X square": [],
    "A square": [],
    "X ≠ 0": [nonzero("X")],
    "x ≠ 0": [nonzero("x")],
    "x ≠ a": [nonzero("x − a", lambda i: i["x"] - i["a"])],
    "Ax ≠ b": [nonzero("Ax − b", lambda i: i["A"] @ i["x"] - i["b"])],
    "Bx ≠ 0": [nonzero("Bx", lambda i: i["B"] @ i["x"])],
    "k̄ a positive integer": [],
    "υ a number": [],
    "C symmetric": [symmetric_any("C")],
    "X: p × r, 𝓜 = XᵀCX invertible": [invertible("𝓜", lambda i: i["X"].T @ i["C"] @ i["X"])],
    "𝓜 = A + XᵀCX invertible": [invertible("𝓜", lambda i: i["A"] + i["X"].T @ i["C"] @ i["X"])],
    "X diagonalizable (for the eigendecomposition)": [],
    "X: n × n, real, not symmetric": [general("X")],
    "λ̂ its largest eigenvalue, simple; v̂ of norm 1": [simple_top_eigenvalue("X")],
    "λ̂ its largest eigenvalue, simple; v̂ of norm 1, signed so that cᵀv̂ > 0": [
        simple_top_eigenvalue("X")
    ],
    "λ̂ its largest eigenvalue, real and simple; Xv̂ = λ̂v̂ and ûᵀX = λ̂ûᵀ": [
        simple_top_eigenvalue("X")
    ],
    "X: n × n, diagonal": [diagonal("X")],
    "gradient within diagonal matrices": [],
    "X: n × n, Toeplitz": [toeplitz("X")],
    "gradient within Toeplitz matrices": [],
    "tr_k: the sum of the diagonal k; I_k: ones on the diagonal k": [],
    "X: n × n, symmetric Toeplitz": [toeplitz("X"), symmetric_any("X")],
    "gradient within symmetric Toeplitz matrices": [],
}

#: "X: p × r", "a, b: n", "A: s × p, X: p × r, B: r × s", "X: n × n": shapes, nothing more.
SHAPE = r"[A-Za-zΣ]+(, [A-Za-zΣ]+)*: [a-z]( × [a-z])?"
SHAPES_ONLY = re.compile(rf"{SHAPE}(, {SHAPE})*")

#: The matrix whose condition number an entry spreads up to KAPPA_MAX, where it is not the one
#: its conditions call invertible: f takes the determinant of a power of X.
DECOMPOSED = {
    "determinants.det_X2": ("X²", lambda i: i["X"] @ i["X"]),
    "determinants.det_Xk": ("X³", lambda i: i["X"] @ i["X"] @ i["X"]),
}


def requirements(entry):
    """The requirements of the entry's conditions; an unknown condition fails the test."""
    found = []
    for condition in entry.conditions:
        if condition in CONDITIONS:
            found += CONDITIONS[condition]
        elif not SHAPES_ONLY.fullmatch(condition):
            pytest.fail(f"{entry.id}: condition {condition!r} is not in CONDITIONS: add its row")
    return found


# --- classifying draws --------------------------------------------------------------------------


def kappa(M):
    return float(np.linalg.cond(M))


def is_symmetric(M):
    return M.ndim == 2 and M.shape[0] == M.shape[1] and np.array_equal(M, M.T)


def is_diagonal(M):
    return np.array_equal(M, np.diag(np.diag(M)))


def is_toeplitz(M):
    """Constant along every diagonal: M[i, j] depends on j − i only."""
    return bool(np.all(M[1:, 1:] == M[:-1, :-1]))


def top_eigenvalue_is_real_and_simple(M):
    """The eigenvalue of largest real part is real and apart from the others (gap > 1e-8)."""
    w = np.linalg.eigvals(M)
    top = w[np.argmax(w.real)]
    rest = np.delete(w, np.argmax(w.real))
    scale = max(1.0, float(np.abs(w).max()))
    return abs(top.imag) <= 1e-12 * scale and bool(np.all(np.abs(rest - top) > 1e-8 * scale))


def definiteness(S):
    """'definite' or 'indefinite' for a symmetric S (a 1 × 1 matrix is definite)."""
    w = np.linalg.eigvalsh(S)
    return "definite" if np.all(w > 0) or np.all(w < 0) else "indefinite"


def draws(entry):
    return [entry.sample(np.random.default_rng(seed)) for seed in SEEDS]


def square_inputs(entry, inputs):
    return [k for k, v in inputs.items() if np.ndim(v) == 2 and v.shape[0] == v.shape[1]]


def check_entry(entry):
    """The problems of the entry's 40 draws: a draw breaking a condition, or a case never drawn."""
    problems = []
    samples = draws(entry)
    reqs = requirements(entry)
    structured = {
        name for kind, name, _ in reqs if kind in ("symmetric any", "spd", "diagonal", "toeplitz")
    }
    stated = {name for kind, name, _ in reqs}
    # Square inputs at the default sizes (seed 0 draws them: its first number is 0.64).
    square = [
        k
        for k in square_inputs(entry, samples[0])
        if samples[0][k].shape[0] > 1 and k not in stated
    ]
    if entry.id in DECOMPOSED:
        name, of = DECOMPOSED[entry.id]
        reqs = [*reqs, ("kappa", name, of)]
    for kind, name, of in reqs:
        if kind == "gram":
            kappas = [kappa(of(i)) for i in samples]
            if max(kappas) > KAPPA_MAX * (1 + KAPPA_ROUNDING):
                problems.append(f"{name}: condition number {max(kappas):.3g} > {KAPPA_MAX:g}")
            problems += spread(name, kappas)
        elif kind == "invertible":
            values = [of(i) for i in samples]
            kappas = [kappa(M) for M in values]
            signs = {np.sign(np.linalg.det(M)) for M in values}
            if max(kappas) > KAPPA_MAX * (1 + KAPPA_ROUNDING):
                problems.append(f"{name}: condition number {max(kappas):.3g} > {KAPPA_MAX:g}")
            if signs != {-1.0, 1.0}:
                problems.append(f"{name}: determinant signs drawn {sorted(signs)}, not both")
            if entry.id not in DECOMPOSED:
                problems += spread(name, kappas)
        elif kind == "kappa":
            problems += spread(name, [kappa(of(i)) for i in samples])
        elif kind == "general":
            if any(is_symmetric(i[name]) for i in samples if i[name].size > 1):
                problems.append(f"{name}: a draw is symmetric")
            parts = {definiteness((i[name] + i[name].T) / 2) for i in samples}
            if "indefinite" not in parts:
                problems.append(f"{name}: its symmetric part is always definite")
        elif kind == "symmetric any":
            if not all(is_symmetric(i[name]) for i in samples):
                problems.append(f"{name}: a draw is not exactly symmetric")
            kinds = {definiteness(i[name]) for i in samples}
            if kinds != {"definite", "indefinite"}:
                problems.append(f"{name}: only {kinds} drawn, any definiteness allowed")
        elif kind == "spd":
            if not all(is_symmetric(i[name]) for i in samples):
                problems.append(f"{name}: a draw is not exactly symmetric")
            if not all(np.all(np.linalg.eigvalsh(i[name]) > 0) for i in samples):
                problems.append(f"{name}: a draw is not positive definite")
            problems += spread(name, [kappa(i[name]) for i in samples])
        elif kind in ("tall", "wide", "both orientations"):
            shapes = {np.sign(i[name].shape[0] - i[name].shape[1]) for i in samples}
            wanted = {"tall": {1}, "wide": {-1}, "both orientations": {-1, 1}}[kind]
            if shapes != wanted:
                problems.append(f"{name}: rows − columns had signs {sorted(shapes)}, not {wanted}")
        elif kind == "diagonal" and not all(is_diagonal(i[name]) for i in samples):
            problems.append(f"{name}: a draw is not diagonal")
        elif kind == "toeplitz" and not all(is_toeplitz(i[name]) for i in samples):
            problems.append(f"{name}: a draw is not Toeplitz")
        elif kind == "simple top eigenvalue":
            if not all(top_eigenvalue_is_real_and_simple(i[name]) for i in samples):
                problems.append(f"{name}: a draw's largest eigenvalue is not real and simple")
        elif kind == "nonzero" and not all(np.any(of(i)) for i in samples):
            problems.append(f"{name}: a draw is zero")
    for name in square:
        if name in structured:
            continue
        if any(is_symmetric(i[name]) for i in samples if i[name].size > 1):
            problems.append(f"{name}: square with no structure stated, but a draw is symmetric")
        if {np.sign(np.linalg.det(i[name])) for i in samples} != {-1.0, 1.0}:
            problems.append(f"{name}: square, determinants of one sign only")
        if "indefinite" not in {definiteness((i[name] + i[name].T) / 2) for i in samples}:
            problems.append(f"{name}: square, its symmetric part always definite")
    problems += size_one(samples)
    return problems


def spread(name, kappas):
    """Condition numbers spread up to KAPPA_MAX: some near 1 and some near KAPPA_MAX."""
    low, high = KAPPA_MAX**0.25, KAPPA_MAX**0.75
    if min(kappas) > low or max(kappas) < high:
        drawn = f"{min(kappas):.3g}…{max(kappas):.3g}"
        return [f"{name}: condition numbers {drawn}, not reaching {low:.3g}…{high:.3g}"]
    return []


def size_one(samples):
    """Some draw has a dimension of 1, beside a larger one where the entry has two sizes."""
    default = {d for v in samples[0].values() for d in np.shape(v)}
    for inputs in samples:
        sizes = {d for v in inputs.values() for d in np.shape(v)}
        if 1 in sizes and (len(default) == 1 or len(sizes) > 1):
            return []
    return ["no draw has a dimension of 1"]


# --- the tests ------------------------------------------------------------------------------


def test_every_entry_draws_every_case_its_conditions_allow():
    failures = {entry.id: check_entry(entry) for entry in ALL}
    failures = {k: v for k, v in failures.items() if v}
    assert not failures, "\n".join(f"{k}: {'; '.join(v)}" for k, v in failures.items())


def test_the_condition_number_is_the_stated_one():
    """κ = KAPPA_MAX^u exactly (u uniform): the drawn singular values' ratio, and a matrix made
    of them, have it; over many draws, log κ / log KAPPA_MAX is uniform on [0, 1]."""
    rng = np.random.default_rng(0)
    us = []
    for _ in range(400):
        state = rng.bit_generator.state
        u = rng.uniform()
        rng.bit_generator.state = state
        s = singular_values(rng, 4)
        assert np.isclose(s.max() / s.min(), KAPPA_MAX**u, rtol=1e-12)
        us.append(u)
    assert np.histogram(us, bins=4, range=(0, 1))[0].min() > 60  # 100 expected in each
    S = symmetric(np.random.default_rng(1), 5, definite=None)
    w = np.abs(np.linalg.eigvalsh(S))
    assert np.isclose(kappa(S), w.max() / w.min(), rtol=KAPPA_ROUNDING)


def test_a_classifier_refuses_the_old_samplers():
    """The teeth of the test: samplers as they were (det > 0 always, κ ≤ 2, SPD for "any
    symmetric", no size 1) are refused."""

    def old_invertible(rng, n):
        U, _ = np.linalg.qr(rng.standard_normal((n, n)))
        V, _ = np.linalg.qr(rng.standard_normal((n, n)))
        return U @ np.diag(rng.uniform(1.0, 2.0, n)) @ V.T

    class Old:
        id = "old.det"
        conditions = ("X: n × n, invertible",)

        @staticmethod
        def sample(rng, square=None):
            return {"X": old_invertible(rng, 4)}

    problems = check_entry(Old)
    assert any("signs" in p for p in problems), problems
    assert any("condition numbers" in p for p in problems), problems
    assert any("dimension of 1" in p for p in problems), problems

    class OldSym(Old):
        conditions = ("X: n × n, symmetric",)

        @staticmethod
        def sample(rng, square=None):
            M = rng.standard_normal((4, 4))
            return {"X": M @ M.T + 4 * np.eye(4)}

    assert any("definiteness" in p for p in check_entry(OldSym))

    class Unknown(Old):
        conditions = ("X: n × n, unitary",)

    with pytest.raises(pytest.fail.Exception, match="not in CONDITIONS"):
        check_entry(Unknown)


def test_sample_spec_words():
    sample = Sample(X="pp inv", A="pr full", S="rr sym", P="ss spd", u="t unit", ones="")
    for seed in range(10):
        i = sample(np.random.default_rng(seed))
        assert i["X"].shape == (3, 3)
        assert kappa(i["X"]) <= KAPPA_MAX * (1 + KAPPA_ROUNDING)
        assert np.linalg.matrix_rank(i["A"]) == 3
        assert is_symmetric(i["S"])
        assert is_symmetric(i["P"])
        assert np.all(np.linalg.eigvalsh(i["P"]) > 0)
        assert np.isclose(np.linalg.norm(i["u"]), 1.0)
    assert dims(None, 3, 4) == (3, 4)
    assert dims(2, 3, 4) == (2, 2)
    with pytest.raises(ValueError, match="must be square"):
        Sample(X="pr inv")
    with pytest.raises(ValueError, match="only letters"):
        Sample(X="pr", ones="s")
