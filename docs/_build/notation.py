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
CATALOGUE = [
    Symbol("p", "a size in the catalogue: X is p × r unless square", "catalog/traces.md"),
    Symbol("r", "a size in the catalogue: the columns of a non-square X", "catalog/traces.md"),
    Symbol("s", "a third size in the catalogue (the rows of A in AXB)", "catalog/traces.md"),
    Symbol("t", "a fourth size in the catalogue (the columns of B in AXB)", "catalog/traces.md"),
    Symbol("f", "a catalogue entry's scalar function of X (or x)", "catalog/traces.md"),
    Symbol("F", "a catalogue entry's matrix-valued function of X", "catalog/matrix-valued.md"),
    Symbol(
        "x",
        "a vector variable (or a fixed vector where X is the variable)",
        "catalog/forms.md",
    ),
    Symbol("a", "a constant vector", "catalog/forms.md"),
    Symbol("b", "a constant vector", "catalog/forms.md"),
    Symbol("c", "a constant vector", "catalog/forms.md"),
    Symbol(
        "e",
        "a constant vector (the offset of the second factor in forms.affine)",
        "catalog/forms.md",
    ),
    Symbol(
        "y",
        "a fixed vector y = x − μ (a Gaussian sample minus its mean)",
        "catalog/structured.md",
    ),
    Symbol("A", "a constant matrix", "catalog/traces.md"),
    Symbol("B", "a constant matrix", "catalog/traces.md"),
    Symbol("C", "a constant matrix", "catalog/traces.md"),
    Symbol(
        "M",
        "a shorthand for a product inside a derivation, e.g. M = AXB",
        "catalog/determinants.md",
    ),
    Symbol("I", "the identity matrix (I_n when its size is named)", "catalog/traces.md"),
    Symbol(
        "K",
        "the commutation matrix K_mn (vec Yᵀ = K_mn vec Y); also the factor K read off tr(K dX)",
        "catalog/matrix-valued.md",
    ),
    Symbol("J", "a Jacobian ∂vec F/∂vec X, (size of F) × (size of X)", "catalog/matrix-valued.md"),
    Symbol(
        "E",
        "the matrix of partial derivatives by the distinct entries of a symmetric X",
        "catalog/structured.md",
    ),
    Symbol(
        r"\nabla f",
        "the gradient of f with X treated as a free (unconstrained) matrix",
        "catalog/structured.md",
    ),
    Symbol("S", "the gradient within symmetric matrices, S = sym(∇f)", "catalog/structured.md"),
    Symbol(r"\Sigma", "a covariance matrix (symmetric positive definite)", "catalog/structured.md"),
    Symbol(r"\mu", "the mean of a Gaussian", "catalog/structured.md"),
    Symbol(r"\eta", "a step size", "catalog/structured.md"),
]  # fmt: skip

# --- Layers (layers/*.md) ---
LAYERS = []

# --- Proofs (proofs.md) ---
PROOFS = []

SYMBOLS = CORE + CHECKING + CATALOGUE + LAYERS + PROOFS
