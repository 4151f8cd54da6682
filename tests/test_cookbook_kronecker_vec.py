"""The Matrix Cookbook's §10.2, equations (505)-(524): every record's verdict is what its
check computes, and the checks refuse the plausible wrong versions of each rule.

Two loop-based tests (cheap: about 20 records × 5 draws of matrices of at most 12 × 15).
"""

import dataclasses

import numpy as np

from snippets.catalog import cookbook
from snippets.catalog.cookbook import AGREE, NOT_A_DERIVATIVE, WRONG, judge, worst_error
from snippets.catalog.cookbook_parts import kronecker_vec as part
from snippets.catalog.registry import by_id

NUMBERS = range(505, 525)


def test_every_equation_has_a_record_whose_verdict_its_check_computes():
    records = {equation.number: equation for equation in part.EQUATIONS}
    assert sorted(records) == list(NUMBERS), "each of (505)-(524) once"
    problems = []
    for number, equation in records.items():
        assert cookbook.COOKBOOK[number] is equation, f"({number}) is not gathered into COOKBOOK"
        assert equation.section.startswith("10.2."), f"({number}): section {equation.section!r}"
        verdict, error = judge(equation)
        if verdict != equation.verdict:
            problems.append(f"({number}) recorded {equation.verdict!r}, computed {verdict!r}")
        if equation.verdict == NOT_A_DERIVATIVE:
            if equation.printed_value is None or error > AGREE:
                problems.append(f"({number}) holds, yet is not checked or misses by {error}")
        else:
            assert equation.correction, number
            assert equation.condition, number
            assert equation.under, number
            assert equation.entries, f"({number}) needs a catalogue entry that checks it"
            for id in equation.entries:
                by_id(id)  # raises with the ids like it when the entry does not exist
            if error < 1e-3:
                problems.append(f"({number}) judged {equation.verdict!r} but misses by {error}")
    assert not problems, "\n".join(problems)
    assert records[524].verdict == WRONG


# Plausible wrong versions of the rules, drawn like the records' own checks: each must miss.
def _wrong_510(rng):
    A, B = rng.standard_normal((2, 3)), rng.standard_normal((4, 5))
    return np.kron(B.T, A.T), np.kron(A, B).T  # factors in the wrong order: wrong shape


def _wrong_510_square(rng):
    A, B = rng.standard_normal((3, 3)), rng.standard_normal((3, 3))
    return np.kron(B.T, A.T), np.kron(A, B).T  # same shape: only the numbers can tell


def _wrong_512(rng):
    A, B = part._invertible(rng, 3), part._invertible(rng, 2)
    return np.kron(np.linalg.inv(B), np.linalg.inv(A)), np.linalg.inv(np.kron(A, B))


def _wrong_513(rng):
    A, B = rng.standard_normal((3, 2)), part._low_rank(rng, 2, 4, 1)
    pinv = np.linalg.pinv
    return np.kron(pinv(B), pinv(A)), pinv(np.kron(A, B))  # both 8 × 6


def _wrong_515(rng):
    A, B = rng.standard_normal((3, 3)), rng.standard_normal((2, 2))
    return np.array([np.trace(A) + np.trace(B)]), np.array([np.trace(np.kron(A, B))])


def _wrong_516(rng):
    A, B = part._invertible(rng, 3), part._invertible(rng, 2)  # exponents swapped
    return np.array([np.linalg.det(A) ** 3 * np.linalg.det(B) ** 2]), np.array(
        [np.linalg.det(np.kron(A, B))]
    )


def _wrong_519(rng):
    A, B = rng.standard_normal((3, 3)), rng.standard_normal((2, 2))
    sums = np.add.outer(np.linalg.eigvals(A), np.linalg.eigvals(B))
    return part._spectrum_of_values(sums), part._spectrum(np.kron(A, B))


def _wrong_520_row_major(rng):
    A, X, B = rng.standard_normal((2, 3)), rng.standard_normal((3, 4)), rng.standard_normal((4, 5))
    return np.kron(A, B.T) @ part.vec(X), part.vec(A @ X @ B)


def _wrong_520_square(rng):
    A, X, B = (rng.standard_normal((3, 3)) for _ in range(3))
    return np.kron(B, A) @ part.vec(X), part.vec(A @ X @ B)  # Bᵀ forgotten


def _wrong_524_half_fixed(rng):
    X, B, a, c = part._524_inputs(rng)  # the correction with B left untransposed
    return np.array([part.vec(X) @ np.kron(B.T, np.outer(a, c)) @ part.vec(X)]), np.array(
        [a @ X @ B @ X.T @ c]
    )


WRONG_VERSIONS = {
    "(A ⊗ B)ᵀ = Bᵀ ⊗ Aᵀ": _wrong_510,
    "(A ⊗ B)ᵀ = Bᵀ ⊗ Aᵀ, square": _wrong_510_square,
    "(A ⊗ B)⁻¹ = B⁻¹ ⊗ A⁻¹": _wrong_512,
    "(A ⊗ B)⁺ = B⁺ ⊗ A⁺": _wrong_513,
    "tr(A ⊗ B) = tr A + tr B": _wrong_515,
    "det(A ⊗ B) = det(A)^(order of A) det(B)^(order of B)": _wrong_516,
    "eig(A ⊗ B) = sums of eigenvalues": _wrong_519,
    "vec(AXB) = (A ⊗ Bᵀ) vec X (rows stacked)": _wrong_520_row_major,
    "vec(AXB) = (B ⊗ A) vec X, square": _wrong_520_square,
    "(524) with Bᵀ ⊗ acᵀ": _wrong_524_half_fixed,
    "(524) as printed": part._524,
}


def test_checks_refuse_plausible_wrong_versions():
    template = cookbook.Equation(number=505, section="", printed="", verdict=NOT_A_DERIVATIVE)
    passed = []
    for name, comparison in WRONG_VERSIONS.items():
        error = worst_error(comparison)
        verdict, _ = judge(dataclasses.replace(template, printed_value=comparison))
        if error <= AGREE or verdict == NOT_A_DERIVATIVE:
            passed.append(f"{name}: error {error:.1e}")
    assert not passed, "wrong versions that pass:\n" + "\n".join(passed)
