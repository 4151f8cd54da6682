"""The Matrix Cookbook's equations 99-144 (snippets/catalog/cookbook_parts/
traces_norms_structured.py): every number recorded, every verdict recomputed, and the checks
shown to refuse plausible wrong answers. Loop-based: a handful of tests, each over all records.
"""

import numpy as np

from snippets.catalog.cookbook import (
    AGREE,
    NOT_A_DERIVATIVE,
    RIGHT,
    judge,
    worst_error,
)
from snippets.catalog.cookbook_parts import traces_norms_structured as part
from snippets.catalog.registry import by_id
from snippets.catalog.structured import entrywise

RECORDS = {e.number: e for e in part.EQUATIONS}


def test_every_number_from_99_to_144_is_recorded_once():
    numbers = [e.number for e in part.EQUATIONS]
    assert sorted(numbers) == list(range(99, 145)), sorted(set(range(99, 145)) ^ set(numbers))
    assert len(numbers) == len(set(numbers))


def test_each_verdict_is_what_the_numbers_say_on_two_seeds():
    wrong = []
    for seed in (0, 1):
        for e in part.EQUATIONS:
            verdict, _error = judge(e, seed)
            if verdict != e.verdict:
                wrong.append(f"({e.number}) seed {seed}: recorded {e.verdict!r}, got {verdict!r}")
    assert not wrong, "\n".join(wrong)


def test_records_say_what_a_reader_needs():
    for e in part.EQUATIONS:
        where = f"({e.number})"
        if e.verdict == NOT_A_DERIVATIVE:
            assert not e.entries, where
            assert e.printed_value is None, where
            continue
        assert e.entries, f"{where} names no catalogue entry"
        for id in e.entries:
            by_id(id)  # raises, naming the id, if the catalogue has no such entry
        assert e.section.split(" ")[0].startswith(("2.5", "2.6", "2.7", "2.8")), where
        if e.verdict != RIGHT:
            assert e.correction, where
            assert e.condition, where
            assert e.under is not None, where


def _mutated(comparison, mistake):
    return lambda rng: (mistake(comparison(rng)[0]), comparison(rng)[1])


#: Mistakes anyone makes: each must take a right printed form far from the truth.
MISTAKES = {
    "negated": lambda V: -V,
    "doubled": lambda V: 2 * V,
    "halved": lambda V: V / 2,
    "transposed": lambda V: np.swapaxes(V, -1, -2) if V.ndim >= 2 else V[::-1],
}

#: Right formulas whose value is symmetric (or a vector): a transpose is no mistake there.
SYMMETRIC_VALUE = {99, 105, 115, 120, 129, 130, 131, 132, 142}


def test_the_checks_refuse_plausible_wrong_answers():
    """For every right formula (and every formula under its convention or condition): the
    negated, doubled, halved and transposed value misses by far more than AGREE. The draws
    include square inputs, where only the numbers can tell a transpose."""
    missed = []
    for e in part.EQUATIONS:
        if e.printed_value is None:
            continue
        comparison = e.printed_value if e.verdict == RIGHT else e.under
        for name, mistake in MISTAKES.items():
            if name == "transposed" and (e.number in SYMMETRIC_VALUE or e.verdict != RIGHT):
                continue
            error = worst_error(_mutated(comparison, mistake), seed=3, draws=3)
            if not error > 1e3 * AGREE:
                missed.append(f"({e.number}) {name}: error {error:.1e}")
    assert not missed, "\n".join(missed)


def test_127_corrected_form_holds_for_any_A_and_the_printed_one_misses():
    assert worst_error(part._eq127_corrected, seed=5) <= AGREE
    assert worst_error(RECORDS[127].printed_value, seed=5) > 1e-3


def test_symmetric_rule_is_twice_the_gradient_less_its_diagonal():
    """(138)-(141): what the printed matrix is, measured: 2S − S ∘ I for S the gradient within
    symmetric matrices (structured.entrywise), never S itself (off-diagonal entries doubled)."""
    for number in (138, 139, 140, 141):
        e = RECORDS[number]
        for draw in range(4):
            rng = np.random.default_rng([11, draw])
            printed, S = e.printed_value(rng)
            assert np.allclose(printed, entrywise(S), rtol=1e-9, atol=1e-12), number
            if len(S) > 1:
                off = ~np.eye(len(S), dtype=bool)
                assert np.allclose(printed[off], 2 * S[off]), number


def test_toeplitz_parameters_sum_and_gradient_averages_each_diagonal():
    rng = np.random.default_rng(4)
    n = 4
    A, X = rng.standard_normal((n, n)), part.toeplitz(rng, n)

    def f(V):
        return np.trace(A @ V)

    sums = part.per_parameter(f, X, part.toeplitz_structure)
    means = part.within(f, X, part.basis(part.toeplitz_structure, n))
    assert np.allclose(sums, part.diagonal_sums(A.T))
    assert np.allclose(means, part.diagonal_means(A.T))
    assert np.allclose(part._alpha(A), sums)  # the book's α(A), from its printed entries
    assert len(part.basis(part.toeplitz_structure, n)) == 2 * n - 1
    assert len(part.basis(part.symmetric_toeplitz_structure, n)) == n
    assert len(part.basis(part.symmetric_structure, n)) == n * (n + 1) // 2


def test_complex_step_truth_against_plain_central_differences():
    """The records' true side (complex steps) agrees with plain central differences, written
    here, on a function with an inverse and one with the series sin."""
    rng = np.random.default_rng(8)
    X = rng.standard_normal((3, 3)) + 3 * np.eye(3)
    for f in (lambda V: np.trace(np.linalg.inv(V) @ V @ V), lambda V: np.trace(part.sin_series(V))):
        G = part.gradient(f, X)
        h = 1e-6
        for index in np.ndindex(3, 3):
            E = np.zeros((3, 3))
            E[index] = h
            central = (np.real(f(X + E)) - np.real(f(X - E))) / (2 * h)
            assert abs(central - G[index]) <= 1e-6 * max(1.0, np.abs(G).max()), index


def test_sin_series_matches_an_eigendecomposition():
    rng = np.random.default_rng(9)
    for scale in (0.1, 1.0, 4.0):
        X = scale * rng.standard_normal((4, 4))
        lam, V = np.linalg.eig(X)
        by_eig = np.real(V @ np.diag(np.sin(lam)) @ np.linalg.inv(V))
        assert np.allclose(part.sin_series(X), by_eig, rtol=1e-10, atol=1e-10), scale
