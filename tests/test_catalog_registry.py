"""The catalogue registry and its checker: every entry listed once, found by id, and checked.
What each entry must pass and refuse is in tests/test_catalog_entries.py.

The checker (snippets/checks/catalog/identity.py) is itself checked here against a separate,
plainer finite-difference routine, so a fault in snippets.gradcheck cannot hide a wrong entry.
"""

import importlib

import numpy as np
import pytest

from snippets.catalog import registry
from snippets.catalog.entry import Identity, MatrixIdentity
from snippets.catalog.registry import IDENTITIES, MATRIX_IDENTITIES, by_id
from snippets.catalog.sample import Sample
from snippets.checks.catalog.identity import check_identity
from snippets.gradcheck import GradientCheckError

ALL = [*IDENTITIES, *MATRIX_IDENTITIES]


def test_ids_are_unique():
    ids = [entry.id for entry in ALL]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


@pytest.mark.parametrize("module", registry.FAMILIES, ids=lambda m: m.__name__.split(".")[-1])
def test_ids_are_family_dot_name_and_live_in_their_family_module(module):
    family = module.__name__.split(".")[-1]
    entries = [
        *module.IDENTITIES,
        *getattr(module, "MATRIX_IDENTITIES", []),
        *getattr(module, "HESSIAN_IDENTITIES", []),
    ]
    assert entries, f"{family}.py lists no entries"
    for entry in entries:
        assert entry.family == family, f"{entry.id} is listed in {family}.py"
        prefix, dot, name = entry.id.partition(".")
        assert (prefix, dot) == (family, "."), f"{entry.id} must be '{family}.<name>'"
        assert name, entry.id
        assert name.replace("_", "").replace("-", "").isalnum(), entry.id


def test_registry_keeps_every_entry_of_every_family_in_order():
    expected = [e for module in registry.FAMILIES for e in module.IDENTITIES]
    assert expected == IDENTITIES
    assert all(isinstance(e, Identity) for e in IDENTITIES)
    assert all(isinstance(e, MatrixIdentity) for e in MATRIX_IDENTITIES)
    assert registry.FAMILIES[:3] == tuple(
        importlib.import_module(f"snippets.catalog.{f}") for f in ("traces", "norms", "forms")
    )


def test_by_id_finds_each_entry():
    for entry in ALL:
        assert by_id(entry.id) is entry


def test_by_id_names_the_missing_id_and_its_neighbours():
    with pytest.raises(KeyError, match=r"no catalogue entry 'traces\.nonsense'.*traces\.AX"):
        by_id("traces.nonsense")


def test_page_and_anchor():
    entry = by_id("traces.AXB")
    assert registry.page(entry) == "catalog/traces.md"
    assert registry.anchor(entry) == "traces-AXB"


# --- an independent reference: plain central differences, written here ---------------------


def plain_gradient(f, X, h=1e-6):
    """(f(X + h E_ij) − f(X − h E_ij)) / 2h for every entry, in a plain double loop."""
    out = np.zeros(X.shape)
    for index in np.ndindex(*X.shape):
        E = np.zeros(X.shape)
        E[index] = h
        out[index] = (f(X + E) - f(X - E)) / (2 * h)
    return out


def close(a, b, rtol=1e-6, floor=0.0):
    """max|a − b| relative to the larger of max|a|, max|b|; both below `floor` count as equal."""
    scale = max(np.max(np.abs(a)), np.max(np.abs(b)))
    return scale <= floor or np.max(np.abs(a - b)) / scale < rtol


def _toeplitz(V, symmetric=False):
    """Each diagonal k of V (and, if symmetric, the diagonal −k with it) replaced by its mean,
    in plain loops: the orthogonal projection onto (symmetric) Toeplitz matrices."""
    n = len(V)
    out = np.zeros_like(V)
    for i, j in np.ndindex(n, n):
        cells = [(a, a + j - i) for a in range(n) if 0 <= a + j - i < n]
        if symmetric and i != j:
            cells += [(a, a + i - j) for a in range(n) if 0 <= a + i - j < n]
        out[i, j] = sum(V[c] for c in cells) / len(cells)
    return out


#: How a structured variable moves: f is differenced through these projections.
PROJECT = {
    None: lambda V: V,
    "symmetric": lambda V: (V + V.T) / 2,
    "diagonal": lambda V: np.diag(np.diag(V)),
    "toeplitz": _toeplitz,
    "symmetric toeplitz": lambda V: _toeplitz(V, symmetric=True),
}


@pytest.mark.parametrize("entry", IDENTITIES, ids=lambda e: e.id)
def test_identity_agrees_with_an_independent_finite_difference(entry):
    inputs = entry.sample(np.random.default_rng(7))
    X = inputs[entry.variable]

    def f(V):
        return entry.f(**{**inputs, entry.variable: PROJECT[entry.structure](V)})

    G = np.asarray(entry.grad(**inputs))
    N = np.asarray(entry.numerator(**inputs))
    assert G.shape == X.shape, f"gradient shape {G.shape}, variable shape {X.shape}"
    assert N.shape == ((1, X.size) if X.ndim == 1 else X.shape[::-1])
    reference = plain_gradient(f, X)
    # A gradient that is zero (f constant) is compared with differences of rounding errors.
    floor = 1e-8 * max(1.0, abs(f(X)))
    assert close(G, reference, floor=floor)
    assert close(N.reshape(X.shape) if X.ndim == 1 else N.T, reference, floor=floor)


@pytest.mark.parametrize("entry", MATRIX_IDENTITIES, ids=lambda e: e.id)
def test_matrix_identity_agrees_with_an_independent_finite_difference(entry):
    inputs = entry.sample(np.random.default_rng(7))
    X = inputs[entry.variable]
    h = 1e-6
    columns = []
    for index in np.ndindex(*X.shape[::-1]):  # column-major: the row index runs fastest
        E = np.zeros(X.shape)
        E[index[::-1]] = h
        plus = entry.F(**{**inputs, entry.variable: X + E})
        minus = entry.F(**{**inputs, entry.variable: X - E})
        columns.append(((plus - minus) / (2 * h)).reshape(-1, order="F"))
    J = np.asarray(entry.jacobian(**inputs))
    assert J.shape == (entry.F(**inputs).size, X.size)
    assert close(J, np.column_stack(columns))


# --- the checker refuses what it cannot check ------------------------------------------------


def test_numerator_of_the_wrong_shape_is_named():
    entry = by_id("traces.AXB")
    with pytest.raises(GradientCheckError, match=r"numerator-layout .* must have shape \(4, 3\)"):
        check_identity(entry, numerator=entry.grad)


def test_gradient_of_the_transposed_shape_is_named():
    entry = by_id("traces.AXB")
    with pytest.raises(GradientCheckError, match="transposed"):
        check_identity(entry, grad=entry.numerator)


def test_numerator_equal_to_the_gradient_is_rejected_on_square_inputs():
    entry = by_id("traces.AXB")
    inputs = entry.sample(np.random.default_rng(0), square=4)
    gradient, numerator = check_identity(entry, inputs=inputs, numerator=entry.grad)
    assert gradient
    assert not numerator


def test_sample_rejects_bad_specs():
    with pytest.raises(ValueError, match="one or two of"):
        Sample(X="pqz")
    with pytest.raises(ValueError, match="must be square"):
        Sample(A="pr sym")
    with pytest.raises(ValueError, match="unknown structure"):
        Sample(A="pp diagonal")


def test_sample_shapes_and_structures():
    sample = Sample(X="pr", A="pp sym", S="rr spd", u="s unit")
    inputs = sample(np.random.default_rng(0))
    assert {k: v.shape for k, v in inputs.items()} == {
        "X": (3, 4),
        "A": (3, 3),
        "S": (4, 4),
        "u": (5,),
    }
    assert np.array_equal(inputs["A"], inputs["A"].T)
    assert np.all(np.linalg.eigvalsh(inputs["S"]) > 0)
    assert np.isclose(inputs["u"] @ inputs["u"], 1.0)
    square = sample(np.random.default_rng(0), square=2)
    assert all(v.shape in {(2, 2), (2,)} for v in square.values())
