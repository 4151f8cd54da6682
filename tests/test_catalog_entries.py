"""What every catalogue entry must do, whatever its family: pass its check on every seed, on its
own distinct sizes and on square inputs; refuse the mistakes anyone can make with any gradient
(sign, factor 2, half) and, where the gradient is not symmetric, a transposed gradient and a
numerator-layout form left untransposed; stay exact where it says so; and be stated, checked and
shown on its family's page. Each family's own mistakes are in tests/test_catalog_<family>.py;
the independent finite-difference re-check is in tests/test_catalog_registry.py.
"""

import sys
from fractions import Fraction
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from catalog_wrong import (
    GENERIC,
    SIZES,
    mutated,
    rejected,
    symmetric_on_square,
)
from latex2mathml.converter import convert

from snippets.catalog.entry import MatrixIdentity
from snippets.catalog.registry import FAMILIES, IDENTITIES, MATRIX_IDENTITIES, anchor, page
from snippets.catalog.sample import closed_form_tolerance
from snippets.checks.catalog.identity import check_identity, check_matrix_identity

DOCS = Path(__file__).resolve().parent.parent / "docs"
sys.path.insert(0, str(DOCS / "_build"))

from mathml import problems  # noqa: E402 - the build's own TeX validator, found on the path above

ALL = [*IDENTITIES, *MATRIX_IDENTITIES]


def ids(entry):
    return entry.id


# --- the right formulas pass ----------------------------------------------------------------


@pytest.mark.parametrize("entry", IDENTITIES, ids=ids)
def test_identity_passes(entry, seed):
    for square in SIZES:
        inputs = entry.sample(np.random.default_rng(seed), square=square)
        results = check_identity(entry, seed, inputs=inputs)
        assert all(results), [str(r) for r in results]


@pytest.mark.parametrize("entry", MATRIX_IDENTITIES, ids=ids)
def test_matrix_identity_passes(entry, seed):
    for square in SIZES:
        inputs = entry.sample(np.random.default_rng(seed), square=square)
        result = check_matrix_identity(entry, seed, inputs=inputs)
        assert result, str(result)


# --- mistakes anyone can make are refused ---------------------------------------------------

#: A gradient that is zero everywhere (f constant) is its own negative, double and half.
ZERO_GRADIENT = {"inverses.tr_XinvAX"}
SCALED = [e for e in ALL if e.id not in ZERO_GRADIENT]


@pytest.mark.parametrize("entry", SCALED, ids=ids)
def test_generic_mistakes_rejected(entry):
    # A scaled gradient is wrong at every point: one seed is enough.
    formula = "jacobian" if isinstance(entry, MatrixIdentity) else "grad"
    for mistake, change in GENERIC.items():
        wrong = mutated(entry, change)
        for square in SIZES:
            assert rejected(entry, 0, square, **{formula: wrong}), f"{mistake}, square={square}"


def test_only_constant_functions_have_a_zero_gradient():
    for entry in IDENTITIES:
        G = entry.grad(**entry.sample(np.random.default_rng(0)))
        assert np.any(G) == (entry.id not in ZERO_GRADIENT), entry.id


# Where the right gradient is a vector or a symmetric matrix, its transpose is no mistake.
NOT_SYMMETRIC = [e for e in IDENTITIES if not symmetric_on_square(e)]


@pytest.mark.parametrize("entry", NOT_SYMMETRIC, ids=ids)
def test_transposed_gradient_and_untransposed_numerator_rejected(entry):
    transposed = mutated(entry, lambda G: G.T)
    for seed in (0, 1):
        for square in SIZES:
            at = f"seed {seed}, square={square}"
            assert rejected(entry, seed, square, grad=transposed), f"Gᵀ, {at}"
            assert rejected(entry, seed, square, numerator=entry.grad), f"N = G, {at}"


def test_symmetric_gradients_are_the_ones_expected():
    symmetric = {e.id for e in IDENTITIES if symmetric_on_square(e)}
    vectors = {e.id for e in IDENTITIES if e.variable == "x"}
    within_symmetric = {
        e.id for e in IDENTITIES if e.structure in ("symmetric", "diagonal", "symmetric toeplitz")
    }
    assert symmetric == vectors | within_symmetric | ZERO_GRADIENT | {
        "traces.X",  # I
        "traces.XkronA",  # tr(A) I
        "traces.XkronX",  # 2 tr(X) I
        "forms.aXa",  # aaᵀ
        "eigenvalues.sym",  # v̂v̂ᵀ
        "forms.sum_squared",  # 2(1ᵀX1) 11ᵀ
    }


# --- exact entries really are exact ---------------------------------------------------------

EXACT = [e for e in ALL if e.exact]


def as_fractions(A):
    """Each entry rounded to a fraction with a small denominator: exact, and fast to multiply."""
    return np.vectorize(lambda v: Fraction(v).limit_denominator(50), otypes=[object])(A)


@pytest.mark.parametrize("entry", EXACT, ids=ids)
def test_exact_entries_run_on_fractions_and_agree_with_floats(entry):
    for square in SIZES:
        fractions_agree_with_floats(entry, square)


def fractions_agree_with_floats(entry, square):
    """The entry's formulas on fractions stay exact and agree with the same formulas on floats."""
    seed = 3 if square is None else 0
    exact_inputs = {
        k: as_fractions(v)
        for k, v in entry.sample(np.random.default_rng(seed), square=square).items()
    }
    inputs = {k: v.astype(float) for k, v in exact_inputs.items()}
    formulas = (
        (entry.F, entry.jacobian)
        if isinstance(entry, MatrixIdentity)
        else (entry.f, entry.grad, entry.numerator)
    )
    for formula in formulas:
        exact = np.asarray(formula(**exact_inputs), dtype=object)
        assert all(isinstance(v, Fraction | int) for v in exact.flat), (
            f"{entry.id} (square={square}): {formula} left the rationals"
            " (a float constant or np.linalg?)"
        )
        approx = np.asarray(formula(**inputs), dtype=float)
        scale = max(np.max(np.abs(approx)), 1e-300)
        error = np.max(np.abs(exact.astype(float) - approx)) / scale
        assert error < closed_form_tolerance(inputs), (
            f"{entry.id} (square={square}): {formula}: {error:.1e}"
        )


# --- every entry is stated, checked and shown on its page -----------------------------------


@cache
def page_text(entry_page):
    return (DOCS / entry_page).read_text()


def top_level(tex, separator):
    """tex split at `separator` where it stands outside braces and \\left … \\right."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(tex):
        if tex.startswith(("\\left", "{"), i):
            depth += 1
        elif tex.startswith(("\\right", "}"), i):
            depth -= 1
        elif depth == 0 and tex.startswith(separator, i):
            parts.append(tex[start:i].strip())
            start = i = i + len(separator)
            continue
        i += 1
    return [*parts, tex[start:].strip()]


def phone_form(tex):
    """The formula as the page shows it when it is too wide for a phone: each relation's left
    side on a line, then each '= …' on a line of its own."""
    relations = top_level(tex, ", \\qquad")
    if len(relations) == 1:
        relations = top_level(tex, ", \\quad")
    lines = []
    for k, relation in enumerate(relations):
        comma = "," if k < len(relations) - 1 else ""
        parts = top_level(relation, " = ")
        if len(parts[0]) <= 2 or len(parts) == 1:
            lines.append(f"&{relation}{comma}")
            continue
        lines += [f"&{parts[0]}", *(f"&\\quad = {part}" for part in parts[1:])]
        lines[-1] += comma
    return "\\begin{aligned}\n" + " \\\\\n".join(lines) + "\n\\end{aligned}"


def tex_problems(tex):
    return problems(tex, convert(tex))


@pytest.mark.parametrize("family", FAMILIES, ids=lambda m: m.__name__.split(".")[-1])
def test_page_states_checks_and_shows_every_entry(family):
    name_of_family = family.__name__.split(".")[-1]
    entries = [
        *family.IDENTITIES,
        *getattr(family, "MATRIX_IDENTITIES", []),
        *getattr(family, "HESSIAN_IDENTITIES", []),
    ]
    matrix = name_of_family == "matrix_valued"
    hessian = name_of_family == "hessians"
    text = page_text(page(entries[0]))
    for entry in entries:
        name = entry.id.split(".")[1]
        assert f"{{#{anchor(entry)}}}" in text, f"no heading for {entry.id}"
        assert f"$$\n{entry.tex}\n$$" in text or f"$$\n{phone_form(entry.tex)}\n$$" in text, (
            f"{entry.id}: the page does not state {entry.tex}"
        )
        assert f'--8<-- "snippets/catalog/code/{name_of_family}.py:{name}"' in text, (
            f"{entry.id}: its code is not shown"
        )
        check = "jacobiancheck(F_" if matrix else "gradcheck(f_"
        if hessian:  # the Hessian, as the Jacobian of the gradient, and the gradient
            assert f"print(jacobiancheck(grad_{name}, hessian_{name}, " in text, entry.id
        assert f"print({check}{name}, " in text, f"{entry.id}: its code is not checked on the page"
        for condition in entry.conditions:
            assert condition in text, f"{entry.id}: condition {condition!r} not stated"
        for tex in filter(None, (entry.tex, getattr(entry, "tex_numerator", None))):
            assert tex_problems(tex) == [], f"{entry.id}: {tex}"
        assert f'"snippets/catalog/{name_of_family}.py:{name}"' not in text, (
            f"{entry.id}: the page shows the registry's record, not the code"
        )
    # the registry's check of every entry (both layouts) runs on the page
    assert f'if entry.family == "{name_of_family}"' in text
