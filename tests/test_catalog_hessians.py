"""The Hessians family (snippets/catalog/hessians.py, docs/catalog/hessians.md).

Each entry's gradient is checked against central differences of f and its Hessian against
central differences of the gradient, on distinct and on square sizes; exactly too, with
Fractions: every f here is quadratic, so a central difference with step 1 of f gives the
gradient, and of the (linear) gradient gives the Hessian, with no error at all. Plausible wrong
Hessians are refused (Kronecker factors swapped, the commutation matrix forgotten, 2A for a
non-symmetric A, a transpose dropped). Each copyable section runs alone with numpy and
check.py, and refuses its Hessian negated. Loops, not parametrized cases: the suite is at its
budget.
"""

import subprocess
import sys
from fractions import Fraction

import numpy as np
from test_catalog_code import CODE, DRIVER, NEGATE, check_line, section

from snippets.catalog import hessians
from snippets.catalog.code.matrix_valued import commutation
from snippets.catalog.registry import HESSIAN_IDENTITIES, page
from snippets.checks.catalog.identity import check_hessian_identity
from snippets.gradcheck import GradientCheckError, vec

SIZES = (None, 3)


def _as_fractions(inputs, rng):
    """Integer-valued inputs of the same shapes, as Fractions (symmetric ones stay symmetric)."""
    exact = {}
    for name, value in inputs.items():
        M = rng.integers(-5, 6, size=value.shape)
        exact[name] = np.vectorize(Fraction, otypes=[object])(M)
    return exact


def _exact_derivatives(entry, inputs):
    """(gradient, Hessian) by central differences with step 1: exact for a quadratic f."""
    name, X = entry.variable, inputs[entry.variable]
    flat = vec(X)
    gradient, columns = [], []
    for b in range(flat.size):
        step = np.zeros(flat.size, dtype=object)
        step[:] = Fraction(0)
        step[b] = Fraction(1)
        E = step.reshape(X.shape, order="F")
        plus, minus = {**inputs, name: X + E}, {**inputs, name: X - E}
        gradient.append((entry.f(**plus) - entry.f(**minus)) / 2)
        columns.append(vec(np.asarray(entry.grad(**plus) - entry.grad(**minus))) / 2)
    return np.array(gradient, dtype=object).reshape(X.shape, order="F"), np.column_stack(columns)


def test_every_entry_passes_numerically_and_exactly():
    assert [e.id.split(".")[0] for e in HESSIAN_IDENTITIES] == ["hessians"] * 5
    assert hessians.HESSIAN_IDENTITIES == HESSIAN_IDENTITIES
    problems = []
    for entry in HESSIAN_IDENTITIES:
        assert page(entry) == "catalog/hessians.md"
        for square in SIZES:
            inputs = entry.sample(np.random.default_rng(0), square=square)
            results = check_hessian_identity(entry, inputs=inputs)
            problems += [f"{entry.id} (square={square}): {r}" for r in results if not r]
            H = np.asarray(entry.hessian(**inputs), dtype=float)
            if not np.array_equal(H, H.T):
                problems.append(f"{entry.id} (square={square}): the Hessian is not symmetric")
            exact = _as_fractions(inputs, np.random.default_rng(1))
            gradient, hessian = _exact_derivatives(entry, exact)
            if not (np.array_equal(gradient, entry.grad(**exact))
                    and np.array_equal(hessian, entry.hessian(**exact))):  # fmt: skip
                problems.append(f"{entry.id} (square={square}): not exact")
    assert not problems, "\n".join(problems)


def _eye(n):
    return np.eye(n)


WRONG = {
    "hessians.xAx": {"2A (only for a symmetric A)": lambda x, A, b: 2 * A},
    "hessians.aXtXb": {
        "I_p ⊗ (abᵀ + baᵀ) (factors swapped)": lambda X, a, b: np.kron(
            _eye(X.shape[0]), np.outer(a, b) + np.outer(b, a)
        ),
        "abᵀ ⊗ I_p (one term)": lambda X, a, b: np.kron(np.outer(a, b), _eye(X.shape[0])),
    },
    "hessians.tr_XtBX": {
        "(B + Bᵀ) ⊗ I_r (factors swapped)": lambda X, B: np.kron(B + B.T, _eye(X.shape[1])),
        "I_r ⊗ 2B (as if B were symmetric)": lambda X, B: np.kron(_eye(X.shape[1]), 2 * B),
    },
    "hessians.tr_AXBX": {
        "K forgotten": lambda X, A, B: np.kron(B, A.T) + np.kron(A, B.T),
        "one term": lambda X, A, B: 2 * np.kron(B, A.T) @ commutation(*X.shape),
    },
    "hessians.bXtCXc": {
        "Cᵀ forgotten": lambda X, b, c, C: np.kron(np.outer(b, c), C) + np.kron(np.outer(c, b), C),
        "factors swapped": lambda X, b, c, C: (
            np.kron(C, np.outer(b, c)) + np.kron(C.T, np.outer(c, b))
        ),
    },
}


def test_plausible_wrong_hessians_are_refused():
    assert set(WRONG) == {e.id for e in HESSIAN_IDENTITIES}
    passed = []
    for entry in HESSIAN_IDENTITIES:
        for name, wrong in WRONG[entry.id].items():
            for seed in (0, 1):
                for square in SIZES:
                    inputs = entry.sample(np.random.default_rng(seed), square=square)
                    refused = None
                    try:
                        _, hessian = check_hessian_identity(entry, hessian=wrong, inputs=inputs)
                    except GradientCheckError as error:  # a wrong shape, named
                        refused = error
                    if refused is not None:
                        assert "shape" in str(refused), refused
                        continue
                    if hessian:
                        passed.append(f"{entry.id}: {name} (seed {seed}, square={square})")
    assert not passed, "wrong Hessians passed:\n" + "\n".join(passed)


def test_every_section_runs_alone_and_refuses_a_negated_hessian(tmp_path):
    for entry in HESSIAN_IDENTITIES:
        name = entry.id.split(".")[1]
        block = (ROOT_DOCS := CODE.parent.parent.parent / "docs" / page(entry)).read_text()
        include = f'--8<-- "snippets/catalog/code/hessians.py:{name}"'
        lines = block.split(include, 1)[1].split("```", 1)[0].strip().splitlines()
        where = f"{entry.id}: the first check line on {ROOT_DOCS.name} checks the Hessian"
        assert lines[0] == check_line(entry), where
        assert lines[0].startswith("print(jacobiancheck("), where
        program = [(CODE / "check.py").read_text(), section(CODE / "hessians.py", name)]
        (tmp_path / f"{entry.id}.right.py").write_text("\n\n".join([*program, *lines]))
        negated = NEGATE.format(grad=f"hessian_{name}")
        (tmp_path / f"{entry.id}.wrong.py").write_text("\n\n".join([*program, negated, lines[0]]))
    (tmp_path / "driver.py").write_text(DRIVER)
    done = subprocess.run(
        [sys.executable, "-I", "driver.py"], cwd=tmp_path, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "NOT REFUSED" not in done.stdout, done.stdout
    assert done.stdout.count("passed:") == 2 * len(HESSIAN_IDENTITIES), done.stdout[-2000:]
