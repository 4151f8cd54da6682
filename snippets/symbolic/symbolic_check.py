"""Symbolic checks: an identity proved as an equality of rational functions, size by size.

Site machinery: it needs SymPy and the checker's CheckResult (snippets/gradcheck.py), so it
does not run alone; a page's download carries it with the checker.

Every entry of every input is a symbol (x0, x1, ...), and the formula is evaluated on matrices
of symbols. SymPy keeps each result in the field of rational functions ℚ(x0, x1, ...) in a
canonical form (numerator and denominator expanded, common factors cancelled), so two results
are equal as rational functions exactly when their canonical forms are equal: `==` decides
the identity for EVERY value of the symbols at once. ∂f/∂x is SymPy's own differentiation.
A proof holds for the shapes tried; index notation is what covers all sizes.
"""

import functools
import itertools
import operator
import time
from dataclasses import dataclass
from fractions import Fraction
from numbers import Rational

import numpy as np
from sympy import QQ
from sympy.polys.fields import field
from sympy.polys.rings import ring

from snippets.gradcheck import CheckResult


class RationalFunction:
    """An element of ℚ(x0, x1, ...) that numpy can hold in an object array.

    SymPy's field elements try to multiply numpy arrays themselves and fail; this wrapper
    hands arrays back to numpy (NotImplemented) and turns ints, Fractions and floats into
    constants of the field exactly.
    """

    __slots__ = ("e",)

    def __init__(self, e):
        self.e = e

    def _other(self, o):
        if isinstance(o, RationalFunction):
            return o.e
        if isinstance(o, Rational | float | np.integer | np.floating) and not isinstance(o, bool):
            return _constant(self.parent, o)
        return None

    @property
    def parent(self):
        """The ring of polynomials or the field of rational functions the value lives in."""
        return self.e.field if hasattr(self.e, "field") else self.e.ring

    def _op(self, o, fn):
        o = self._other(o)
        return NotImplemented if o is None else RationalFunction(fn(self.e, o))

    def __add__(self, o):
        return self._op(o, operator.add)

    __radd__ = __add__

    def __sub__(self, o):
        return self._op(o, operator.sub)

    def __rsub__(self, o):
        return self._op(o, lambda a, b: b - a)

    def __mul__(self, o):
        return self._op(o, operator.mul)

    __rmul__ = __mul__

    def __truediv__(self, o):
        return self._op(o, operator.truediv)

    def __rtruediv__(self, o):
        return self._op(o, lambda a, b: b / a)

    def __neg__(self):
        return RationalFunction(-self.e)

    def __pow__(self, k):
        if not isinstance(k, int):
            raise TypeError(f"integer powers only; got {k!r}")
        return RationalFunction(self.e**k)

    def __eq__(self, o):
        o = self._other(o)
        return NotImplemented if o is None else self.e == o

    def __hash__(self):
        return hash(self.e)

    def __float__(self):
        raise TypeError("float() of a symbolic expression: the formula left exact arithmetic")

    def __repr__(self):
        return str(self.e.as_expr())


@functools.lru_cache(maxsize=4096)
def _constant(parent, number):
    """The number (int, Fraction or float, all exact) as a constant of the ring or field.

    Cached: the formulas multiply by the same few constants (0, 1, 2, ...) hundreds of
    thousands of times, and building a constant costs more than the product.
    """
    q = Fraction(int(number)) if isinstance(number, np.integer) else Fraction(number)
    return parent(QQ(q.numerator, q.denominator))


def structure_of(A: np.ndarray) -> str:
    """How a sampled input is built: "symmetric", "diagonal", "general" (2-D), or "vector"."""
    if A.ndim == 2 and A.shape[0] == A.shape[1] and A.shape[0] > 1:
        if np.all(np.diag(np.diag(A)) == A):
            return "diagonal"
        if np.all(A == A.T):
            return "symmetric"
    if A.ndim == 2 and np.any(A == 0):
        return "fixed"  # a zero pattern we cannot redraw at other sizes
    return "vector" if A.ndim <= 1 else "general"


def dimensions(template: dict) -> list[int]:
    """The distinct axis lengths above 1 of the float inputs: the sizes of the identity.

    Samples use distinct sizes for independent dimensions, so equal lengths are one size.
    """
    lengths = {n for A in template.values() if np.asarray(A).dtype.kind == "f"
               for n in np.shape(A) if n > 1}  # fmt: skip
    return sorted(lengths)


def resized_shapes(template: dict, sizes: dict[int, int]) -> dict[str, tuple]:
    """The shapes of the inputs with every sampled length L replaced by sizes[L]."""
    return {k: tuple(sizes.get(n, n) for n in np.shape(A)) for k, A in template.items()}


def symbol_inputs(template: dict, shapes: dict[str, tuple], kind: str = "rational"):
    """Matrices of symbols with the given shapes and the structure of template's arrays.

    One symbol per free entry: a symmetric matrix shares a symbol between (i, j) and (j, i),
    a diagonal one has zeros off the diagonal. kind "polynomial" computes in the ring
    ℚ[x0, x1, ...] (no fractions to cancel: much faster), "rational" in the field
    ℚ(x0, x1, ...). Returns the inputs by name.
    """
    names = []
    plan = {}
    for k, A in template.items():
        how, shape = structure_of(np.asarray(A)), shapes[k]
        cells = {}
        for i in np.ndindex(shape):
            if how == "diagonal" and i[0] != i[1]:
                continue
            if how == "fixed" and np.asarray(A)[i] == 0:
                continue
            key = tuple(sorted(i)) if how == "symmetric" else i
            if key not in cells.values():
                names.append(f"{k}_{'_'.join(map(str, key))}")
            cells[i] = key
        plan[k] = (shape, cells)
    make = ring if kind == "polynomial" else field
    K, *gens = make(",".join(names), QQ) if names else (None,)
    by_name = dict(zip(names, gens, strict=True))
    inputs = {}
    for k, (shape, cells) in plan.items():
        M = np.empty(shape, dtype=object)
        for i in np.ndindex(shape):
            M[i] = (
                RationalFunction(by_name[f"{k}_{'_'.join(map(str, cells[i]))}"])
                if i in cells
                else RationalFunction(K(0))
            )
        inputs[k] = M
    return inputs


def degree(r) -> int:
    """Total degree of a rational function's numerator plus that of its denominator."""
    e = r.e if isinstance(r, RationalFunction) else r
    if not hasattr(e, "numer"):  # a polynomial
        return max((sum(m) for m in e.itermonoms()), default=0)
    return sum(max((sum(m) for m in p.itermonoms()), default=0) for p in (e.numer, e.denom))


@dataclass(frozen=True)
class SymbolicResult(CheckResult):
    """A CheckResult for a symbolic proof: passed iff the identity held at every shape tried.

    shapes: the input shapes tried, one dict per size; seconds: the time it took;
    degree: the largest total degree (numerator + denominator) of the two sides seen.
    """

    shapes: tuple = ()
    seconds: float = 0.0
    degree: int = 0
    failed_at: str = ""

    @property
    def sizes(self) -> str:
        """The sizes tried, e.g. "all sizes 1–3 of 3 dimensions (27 shapes)"."""
        return self.method

    def __str__(self) -> str:
        if self.failed_at:
            return (
                f"REJECTED {self.label}: NOT equal as rational functions at {self.failed_at}"
                f" ({self.seconds:.2f} s)"
            )
        verdict = "passed  " if self.passed else "REJECTED"
        return (
            f"{verdict} {self.label}: equal as rational functions for {self.method}"
            f" ({self.seconds:.2f} s)"
        )


def prove_gradient_at(f, grad, inputs: dict, variable: str):
    """(holds, degree): does grad(**inputs) equal ∂f/∂V entry by entry, as rational functions?"""
    value = f(**inputs)
    claimed = np.asarray(grad(**inputs), dtype=object)
    V = inputs[variable]
    if claimed.shape != V.shape:
        return False, 0
    top = 0
    for i in np.ndindex(V.shape):
        if V[i] == 0:  # a structural zero: not a variable
            continue
        exact = _as_field(value, V[i]).diff(V[i].e)
        c = _as_field(claimed[i], V[i])
        top = max(top, degree(exact), degree(c))
        if c != exact:
            return False, top
    return True, top


def prove_jacobian_at(F, jacobian, inputs: dict, variable: str):
    """(holds, degree): is jacobian(**inputs) = ∂vec F/∂vec V (column-major vec), identically?"""
    Y = np.asarray(F(**inputs), dtype=object).reshape(-1, order="F")
    V = np.asarray(inputs[variable]).reshape(-1, order="F")
    J = np.asarray(jacobian(**inputs), dtype=object)
    if J.shape != (Y.size, V.size):
        return False, 0
    top = 0
    for b in range(V.size):
        for a in range(Y.size):
            exact = _as_field(Y[a], V[b]).diff(V[b].e)
            c = _as_field(J[a, b], V[b])
            top = max(top, degree(exact), degree(c))
            if c != exact:
                return False, top
    return True, top


def _as_field(x, like: RationalFunction):
    return x.e if isinstance(x, RationalFunction) else like._other(x)


def size_assignments(template: dict, largest: int):
    """Every assignment of a size in 1..largest to each dimension of the template."""
    dims = dimensions(template)
    if any(structure_of(np.asarray(A)) == "fixed" for A in template.values()):
        yield {n: n for n in dims}  # a zero pattern: only the sampled shapes
        return
    for values in itertools.product(range(1, largest + 1), repeat=len(dims)):
        yield dict(zip(dims, values, strict=True))


def check_jacobian_symbolically(
    F,
    jacobian,
    template: dict,
    variable: str,
    *,
    largest: int,
    label: str,
    kind="rational",
    sizes=None,
) -> SymbolicResult:
    """Prove jacobian = ∂vec F/∂vec V as rational functions for every size 1..largest."""
    return _prove_all(prove_jacobian_at, F, jacobian, template, variable, largest, label, kind,
                      sizes)  # fmt: skip


def check_gradient_symbolically(
    f,
    grad,
    template: dict,
    variable: str,
    *,
    largest: int,
    label: str,
    kind="rational",
    sizes=None,
) -> SymbolicResult:
    """Prove grad = ∂f/∂V as rational functions for every size 1..largest of every dimension.

    template: a sample of the inputs (floats), whose distinct lengths name the dimensions.
    A size the formula cannot run at (an inverse of a 1 × 1 is fine; a shape error is not)
    is skipped and not counted. kind: "polynomial" or "rational" (see symbol_inputs).
    sizes: an explicit list of size assignments instead.
    """
    return _prove_all(prove_gradient_at, f, grad, template, variable, largest, label, kind,
                      sizes)  # fmt: skip


def _prove_all(prove, f, grad, template, variable, largest, label, kind, sizes):
    start = time.perf_counter()
    tried, top = [], 0
    for assignment in sizes if sizes is not None else size_assignments(template, largest):
        shapes = resized_shapes(template, assignment)
        inputs = symbol_inputs(template, shapes, kind)
        try:
            holds, deg = prove(f, grad, inputs, variable)
        except (ValueError, IndexError):  # the formula does not exist at this size
            continue
        top = max(top, deg)
        tried.append(shapes)
        if not holds:
            seconds = time.perf_counter() - start
            where = ", ".join(f"{k} {s}" for k, s in shapes.items())
            described = _describe(tried, template, largest, sizes)
            return SymbolicResult(False, 1.0, 0.0, described, label, tuple(tried), seconds, top,
                                  where)  # fmt: skip
    seconds = time.perf_counter() - start
    described = _describe(tried, template, largest, sizes)
    return SymbolicResult(bool(tried), 0.0, 0.0, described, label, tuple(tried), seconds, top)


def _describe(tried, template, largest, sizes=None) -> str:
    k = len(dimensions(template))
    if k == 0:
        return "the sampled shapes"
    if sizes is not None:
        listed = ", ".join(str(tuple(a.values())) for a in sizes)
        return f"the sizes {listed} of its {k} dimensions ({len(tried)} shapes)"
    return (
        f"every size 1–{largest} of its {k} dimension{'s' if k > 1 else ''} ({len(tried)} shapes)"
    )
