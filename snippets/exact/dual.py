"""Dual numbers over exact fractions: derivatives with no rounding and no step (numpy only).

A dual number a + b·ε has two rational parts and obeys ε² = 0. For a polynomial or rational
function f, Taylor's formula stops after one term,

    f(x + ε u) = f(x) + ε · D_u f(x)        (exactly: every ε², ε³, ... is zero)

so evaluating f once on dual numbers gives its value AND its derivative along u, as
fractions. No step h, no truncation error, no rounding: the arithmetic is that of
fractions.Fraction. It works for any f built from +, −, ×, ÷ and integer powers, including
numpy's @, .T, np.trace, np.sum and np.kron on arrays of dtype=object.

Floats that meet a dual number (numpy's np.eye(n) holds floats) are turned into fractions
exactly (every float is a fraction with a power of two below), so they do not round anything.
float() of a dual number raises: a formula that leaves exact arithmetic says so.
"""

from fractions import Fraction
from numbers import Rational

import numpy as np


class Dual:
    """a + b·ε with ε² = 0; `value` = a and `slope` = b are fractions."""

    __slots__ = ("slope", "value")

    def __init__(self, value, slope=0):
        self.value, self.slope = _fraction(value), _fraction(slope)

    # --- + − × ÷: the rules of ε² = 0 ----------------------------------------------------------
    def __add__(self, other):
        o = _dual(other)
        return NotImplemented if o is None else Dual(self.value + o.value, self.slope + o.slope)

    __radd__ = __add__

    def __neg__(self):
        return Dual(-self.value, -self.slope)

    def __sub__(self, other):
        o = _dual(other)
        return NotImplemented if o is None else Dual(self.value - o.value, self.slope - o.slope)

    def __rsub__(self, other):
        o = _dual(other)
        return NotImplemented if o is None else o - self

    def __mul__(self, other):  # (a + bε)(c + dε) = ac + (ad + bc)ε
        o = _dual(other)
        if o is None:
            return NotImplemented
        return Dual(self.value * o.value, self.value * o.slope + self.slope * o.value)

    __rmul__ = __mul__

    def __truediv__(self, other):  # (a + bε)/(c + dε) = a/c + ((bc − ad)/c²)ε, for c ≠ 0
        o = _dual(other)
        if o is None:
            return NotImplemented
        if o.value == 0:
            raise ZeroDivisionError(f"division by {o}: a dual number with value 0 has no inverse")
        c = o.value
        return Dual(self.value / c, (self.slope * c - self.value * o.slope) / (c * c))

    def __rtruediv__(self, other):
        o = _dual(other)
        return NotImplemented if o is None else o / self

    def __pow__(self, k):  # integer powers only: x^k = x·x·…·x, and x^(−k) = 1/x^k
        if not isinstance(k, int):
            raise TypeError(f"dual numbers take integer powers only; got {k!r}")
        result = Dual(1)
        for _ in range(abs(k)):
            result = result * self
        return result if k >= 0 else 1 / result

    # --- comparison: equal means both parts equal --------------------------------------------
    def __eq__(self, other):
        o = _dual(other)
        return NotImplemented if o is None else (self.value, self.slope) == (o.value, o.slope)

    def __hash__(self):
        return hash((self.value, self.slope))

    def __float__(self):
        raise TypeError("float() of a dual number: the formula left exact arithmetic")

    def __repr__(self):
        return f"Dual({self.value}, {self.slope})"


def _fraction(x) -> Fraction:
    if isinstance(x, bool) or not isinstance(x, Rational | float | np.integer | np.floating):
        raise TypeError(f"a dual number's parts are rational numbers; got {type(x).__name__}")
    if isinstance(x, float | np.floating) and not np.isfinite(x):
        raise ValueError(f"a dual number's parts are finite; got {x}")
    return Fraction(int(x)) if isinstance(x, np.integer) else Fraction(x)


def _dual(x):
    """x as a Dual, or None for what is not a number (numpy arrays: numpy broadcasts them)."""
    if isinstance(x, Dual):
        return x
    if isinstance(x, Rational | float | np.integer | np.floating) and not isinstance(x, bool):
        return Dual(x)
    return None


def dual_array(values: np.ndarray, slopes: np.ndarray | None = None) -> np.ndarray:
    """An object array of Dual(values[i], slopes[i]), of the shape of values (slopes: 0)."""
    values = np.asarray(values)
    slopes = np.zeros(values.shape, dtype=int) if slopes is None else np.asarray(slopes)
    if slopes.shape != values.shape:
        raise ValueError(f"slopes have shape {slopes.shape}, values {values.shape}")
    out = np.empty(values.shape, dtype=object)
    for i in np.ndindex(values.shape):
        out[i] = Dual(values[i], slopes[i])
    return out


def value_of(A) -> np.ndarray:
    """The value parts a of an array (or scalar) of dual numbers, as fractions (object array)."""
    return _part(A, "value")


def slope_of(A) -> np.ndarray:
    """The ε parts b of an array (or scalar) of dual numbers, as an object array of fractions."""
    return _part(A, "slope")


def _part(A, name: str) -> np.ndarray:
    A = np.asarray(A, dtype=object)
    out = np.empty(A.shape, dtype=object)
    for i in np.ndindex(A.shape):
        x = A[i]
        out[i] = getattr(x, name) if isinstance(x, Dual) else getattr(Dual(x), name)
    return out


def directional_derivative(f, inputs: dict, name: str, U: np.ndarray):
    """D_U f = d/dt f(inputs with name moved to name + t U) at t = 0, exactly.

    inputs: arrays of fractions (or integers), by name; U: the direction, the shape of
    inputs[name]. One evaluation of f on dual numbers: the variable gets slope U, every other
    input slope 0. Returns (value, derivative) as arrays of fractions (0-d for a scalar f).
    """
    if np.shape(U) != np.shape(inputs[name]):
        raise ValueError(f"U has shape {np.shape(U)}, {name} has {np.shape(inputs[name])}")
    args = {k: dual_array(v, U if k == name else None) for k, v in inputs.items()}
    out = f(**args)
    return value_of(out), slope_of(out)
