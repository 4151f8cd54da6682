"""The site's notation: every letter the pages use, with its one meaning.

The conventions page renders its table of letters from this list, and
tests/test_notation.py holds the pages to it. A letter may appear here once only:
a second meaning for a letter is a second row with the same `tex`, which the test refuses.
Each group of pages adds the letters it introduces in its own section below.
"""

from typing import NamedTuple


class Symbol(NamedTuple):
    tex: str  # the letter as written in TeX, e.g. "n" or r"\sigma"
    meaning: str  # its one meaning, in words
    where: str  # the page (path under docs/) that introduces it


# --- The question and its routes: D = W X (conventions.md and the route pages) ---
CORE = [
    Symbol("W", "left factor of the product D = WX; a layer's weight matrix", "conventions.md"),
    Symbol("X", "right factor of D = WX; the variable of a catalogue function", "conventions.md"),
    Symbol("D", "the product D = WX, and nothing else", "conventions.md"),
    Symbol("m", "rows of W and of D", "conventions.md"),
    Symbol("q", "columns of W, rows of X (the inner size)", "conventions.md"),
    Symbol("n", "columns of X and of D; a square X is n × n", "conventions.md"),
    Symbol(r"\phi", "a scalar loss", "conventions.md"),
    Symbol("G", "the gradient of the loss at an output, G = ∂φ/∂D (or ∂φ/∂Y)", "conventions.md"),
    Symbol("i", "row index of an entry of the output", "conventions.md"),
    Symbol("j", "column index of an entry of the output", "conventions.md"),
    Symbol("k", "the summed (inner) index of a product", "conventions.md"),
]  # fmt: skip

# --- Checking gradients (checking.md, reference/gradcheck.md) ---
CHECKING = [
    Symbol("f", "the scalar function whose gradient is checked", "checking.md"),
    Symbol("x", "the variable of f, an array of any shape", "checking.md"),
    Symbol("g", "the claimed gradient ∂f/∂x, of the shape of x (ĝ: the numerical one)",
           "checking.md"),
    Symbol("e", "the max relative error the checker prints", "checking.md"),
    Symbol("h", "the finite-difference step", "checking.md"),
    Symbol(r"\epsilon", "float64 machine epsilon, 2.2 × 10⁻¹⁶", "checking.md"),
    Symbol(r"\tau", "the tolerance a check holds the error to", "checking.md"),
    Symbol("R", "the rounding noise of the numerical gradient, estimated", "checking.md"),
    Symbol(r"\rho", "the root mean square of the entries of x", "checking.md"),
    Symbol("u", "a random direction, an array of the shape of x", "checking.md"),
    Symbol("t", "the step along a direction u", "checking.md"),
    Symbol("d", "the number of random directions of a check", "checking.md"),
    Symbol("r", "the size of a gradient's error relative to its size", "checking.md"),
    Symbol(r"\xi", "a standard normal random number", "checking.md"),
    Symbol("p", "the number of entries of x (parameters)", "checking.md"),
]  # fmt: skip

# --- The catalogue (catalog/*.md) ---
CATALOGUE = []

# --- Layers (layers/*.md) ---
LAYERS = []

# --- Proofs (proofs.md) ---
PROOFS = []

SYMBOLS = CORE + CHECKING + CATALOGUE + LAYERS + PROOFS
