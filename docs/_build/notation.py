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
CHECKING = []

# --- The catalogue (catalog/*.md) ---
CATALOGUE = []

# --- Layers (layers/*.md) ---
LAYERS = []

# --- Proofs (proofs.md) ---
# ROUTES_B: the letters of kronecker.md, traces-and-layout.md, math-to-code.md, claims.md and
# proofs.md that the CORE rows above do not cover.
PROOFS = [
    Symbol("U", "a direction: a matrix of the variable's shape along which to differentiate",
           "proofs.md"),
    Symbol(r"\omega", "the dual unit of dual numbers, ω² = 0", "proofs.md"),
    Symbol(r"\nu", "the total degree of a polynomial (the Schwartz–Zippel bound ν/|𝒮|)",
           "proofs.md"),
    Symbol(r"\mathcal{S}", "the finite set the exact check draws integers from", "proofs.md"),
    Symbol("m_1", "the hidden width of the two-layer network: rows of W₁", "math-to-code.md"),
    Symbol("G_H", "the gradient of the loss at the hidden output H, ∂φ/∂H", "math-to-code.md"),
    Symbol("r_A", "rows of the left factor A of a Kronecker product A ⊗ B", "kronecker.md"),
    Symbol("c_A", "columns of the left factor A of a Kronecker product", "kronecker.md"),
    Symbol("r_B", "rows of the right factor B of a Kronecker product", "kronecker.md"),
    Symbol("c_B", "columns of the right factor B of a Kronecker product", "kronecker.md"),
]  # fmt: skip

SYMBOLS = CORE + CHECKING + CATALOGUE + LAYERS + PROOFS
