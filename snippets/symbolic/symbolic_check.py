"""Symbolic checks: an identity proved as an equality of rational functions, size by size.

Site machinery: it needs python-flint and the checker's CheckResult (snippets/gradcheck.py),
so it does not run alone; a page's download carries it with the checker.

Every entry of every input is a symbol (x0, x1, ...), and the formula is evaluated on matrices
of symbols. Each result is a rational function p/q in ℚ(x0, x1, ...), kept in a canonical
form: p and q are expanded polynomials with no common factor (divided by their greatest
common divisor), and q's leading coefficient is 1. So two results are equal as rational
functions exactly when their canonical forms are equal: `==` decides the identity for EVERY
value of the symbols at once. ∂f/∂x is the quotient rule on the polynomials' own derivatives.
The polynomial arithmetic (products, greatest common divisors, exact division) is FLINT's,
through python-flint. A proof holds for the shapes tried; index notation covers all sizes.
"""

import functools
import itertools
import time
from dataclasses import dataclass
from fractions import Fraction
from numbers import Rational

import numpy as np
from flint import fmpq, fmpq_mpoly_ctx

from snippets.gradcheck import CheckResult


class RationalFunction:
    """p/q, p and q polynomials over ℚ (FLINT's fmpq_mpoly), that numpy can hold in arrays.

    Always in lowest terms with q's leading coefficient 1 (see `reduced`), so `==` compares
    functions. Ints, Fractions and floats (every float is a fraction) enter as exact
    constants; arrays are handed back to numpy (NotImplemented), which then works entry by
    entry.
    """

    __slots__ = ("p", "q")

    def __init__(self, p, q=None):
        """p/q as given: the caller guarantees lowest terms (else use `reduced`)."""
        self.p = p
        self.q = _one(p.context()) if q is None else q

    @classmethod
    def reduced(cls, p, q):
        """p/q in lowest terms: divided by gcd(p, q), then by q's leading coefficient."""
        if q.is_zero():
            raise ZeroDivisionError("a rational function divided by zero")
        if q.is_one():
            return cls(p, q)
        g = p.gcd(q)
        if not g.is_one():
            p, q = p / g, q / g
        lead = q.leading_coefficient()
        return cls(p / lead, q / lead) if lead != 1 else cls(p, q)

    def _other(self, o):
        if isinstance(o, RationalFunction):
            return o
        if isinstance(o, Rational | float | np.integer | np.floating) and not isinstance(o, bool):
            return _constant(self.p.context(), o)
        return None

    def is_polynomial(self) -> bool:
        return self.q.is_one()

    def __add__(self, o):
        if isinstance(o, int | np.integer) and not isinstance(o, bool) and o == 0:
            return self
        o = self._other(o)
        if o is None:
            return NotImplemented
        if self.is_polynomial() and o.is_polynomial():
            return RationalFunction(self.p + o.p)
        return RationalFunction.reduced(self.p * o.q + o.p * self.q, self.q * o.q)

    __radd__ = __add__

    def __neg__(self):
        return RationalFunction(-self.p, self.q)

    def __sub__(self, o):
        o = self._other(o)
        return NotImplemented if o is None else self + (-o)

    def __rsub__(self, o):
        o = self._other(o)
        return NotImplemented if o is None else o + (-self)

    def __mul__(self, o):
        if isinstance(o, int | np.integer) and not isinstance(o, bool) and o in (0, 1):
            # a 0 or a 1 of an integer matrix (identities, permutations): nothing to compute
            return self if o == 1 else _constant(self.p.context(), 0)
        o = self._other(o)
        if o is None:
            return NotImplemented
        if self.is_polynomial() and o.is_polynomial():
            return RationalFunction(self.p * o.p)
        return RationalFunction.reduced(self.p * o.p, self.q * o.q)

    __rmul__ = __mul__

    def inverse(self):
        return RationalFunction.reduced(self.q, self.p)

    def __truediv__(self, o):
        o = self._other(o)
        return NotImplemented if o is None else self * o.inverse()

    def __rtruediv__(self, o):
        o = self._other(o)
        return NotImplemented if o is None else o * self.inverse()

    def __pow__(self, k):
        if not isinstance(k, int):
            raise TypeError(f"integer powers only; got {k!r}")
        if k < 0:
            return self.inverse() ** -k
        return RationalFunction(self.p**k, self.q**k)  # still in lowest terms

    def __eq__(self, o):
        o = self._other(o)
        return NotImplemented if o is None else (self.p == o.p and self.q == o.q)

    def __hash__(self):
        return hash((str(self.p), str(self.q)))

    def diff(self, x: "RationalFunction"):
        """∂(p/q)/∂x for a symbol x: (p′q − pq′)/q²."""
        (exponents,) = x.p.monoms()  # a symbol is one monomial: a single exponent 1
        i = exponents.index(1)
        if self.is_polynomial():
            return RationalFunction(self.p.derivative(i))
        return RationalFunction.reduced(
            self.p.derivative(i) * self.q - self.p * self.q.derivative(i), self.q * self.q
        )

    def degree(self) -> int:
        """Total degree of the numerator plus that of the denominator."""
        return int(max(self.p.total_degree(), 0) + self.q.total_degree())  # a Python int

    def __float__(self):
        raise TypeError("float() of a symbolic expression: the formula left exact arithmetic")

    def __repr__(self):
        return str(self.p) if self.is_polynomial() else f"({self.p})/({self.q})"


@functools.cache
def _one(context):
    return context.constant(1)


@functools.lru_cache(maxsize=4096)
def _constant(context, number):
    """The number (int, Fraction or float, all exact) as a constant rational function.

    Cached: the formulas multiply by the same few constants (0, 1, 2, ...) hundreds of
    thousands of times.
    """
    q = Fraction(int(number)) if isinstance(number, np.integer) else Fraction(number)
    return RationalFunction(context.constant(fmpq(q.numerator, q.denominator)))


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


def symbol_inputs(template: dict, shapes: dict[str, tuple]):
    """Matrices of symbols with the given shapes and the structure of template's arrays.

    One symbol per free entry: a symmetric matrix shares a symbol between (i, j) and (j, i),
    a diagonal one has zeros off the diagonal. Returns the inputs by name.
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
    context = fmpq_mpoly_ctx.get(tuple(names), "lex")
    by_name = dict(zip(names, map(RationalFunction, context.gens()), strict=True))
    zero = _constant(context, 0)
    inputs = {}
    for k, (shape, cells) in plan.items():
        M = np.empty(shape, dtype=object)
        for i in np.ndindex(shape):
            M[i] = by_name[f"{k}_{'_'.join(map(str, cells[i]))}"] if i in cells else zero
        inputs[k] = M
    return inputs


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
        exact = _as_function(value, V[i]).diff(V[i])
        c = _as_function(claimed[i], V[i])
        top = max(top, exact.degree(), c.degree())
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
            exact = _as_function(Y[a], V[b]).diff(V[b])
            c = _as_function(J[a, b], V[b])
            top = max(top, exact.degree(), c.degree())
            if c != exact:
                return False, top
    return True, top


def _as_function(x, like: RationalFunction) -> RationalFunction:
    """x itself, or the constant x in the same ring as `like`."""
    return x if isinstance(x, RationalFunction) else like._other(x)


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
    sizes=None,
) -> SymbolicResult:
    """Prove jacobian = ∂vec F/∂vec V as rational functions for every size 1..largest."""
    return _prove_all(prove_jacobian_at, F, jacobian, template, variable, largest, label, sizes)


def check_gradient_symbolically(
    f,
    grad,
    template: dict,
    variable: str,
    *,
    largest: int,
    label: str,
    sizes=None,
) -> SymbolicResult:
    """Prove grad = ∂f/∂V as rational functions for every size 1..largest of every dimension.

    template: a sample of the inputs (floats), whose distinct lengths name the dimensions.
    A size the formula cannot run at (an inverse of a 1 × 1 is fine; a shape error is not)
    is skipped and not counted. sizes: an explicit list of size assignments instead.
    """
    return _prove_all(prove_gradient_at, f, grad, template, variable, largest, label, sizes)


def _prove_all(prove, f, grad, template, variable, largest, label, sizes):
    start = time.perf_counter()
    tried, top = [], 0
    for assignment in sizes if sizes is not None else size_assignments(template, largest):
        shapes = resized_shapes(template, assignment)
        inputs = symbol_inputs(template, shapes)
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
