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
# Also used there with their CORE meaning: W (weights), X (a layer's input), D = W X
# (convolution's im2col product), m, q (a linear map's output and input widths; q is the
# width of a row of a layer's input), n (columns of X_col), φ, G, i, j, k.
LAYERS = [
    Symbol(
        "N",
        "rows of a layer's input: samples of a batch, tokens, queries, images",
        "layers/linear.md",
    ),
    Symbol(r"N_{\mathrm{kv}}", "rows of the keys and values of attention", "layers/attention.md"),
    Symbol("Y", "a layer's output", "layers/linear.md"),
    Symbol("b", "a bias vector", "layers/linear.md"),
    Symbol(
        "T",
        "targets: of the mean squared error, of cross-entropy (rows sum to 1)",
        "layers/linear.md",
    ),
    Symbol(r"\mathbf{1}", "a column of ones (\\mathbf{1}_N: N of them)", "layers/linear.md"),
    Symbol(
        "u",
        "a direction of the input (adjoint test, Hessian-vector product); U for a batch",
        "layers/softmax.md",
    ),
    Symbol("U", "a direction of a batch of logits (Hessian-vector product)", "layers/softmax.md"),
    Symbol(r"\operatorname{act}", "an entrywise activation function", "layers/activations.md"),
    Symbol("x", "an activation's input, or one row of X (one sample)", "layers/activations.md"),
    Symbol("y", "an activation's output, or one row of Y", "layers/activations.md"),
    Symbol(r"\alpha", "GELU's constant 0.044715 (GELU_A)", "layers/activations.md"),
    Symbol("J", "a Jacobian matrix, ∂ vec(output) / ∂ vec(input)", "layers/activations.md"),
    Symbol("Z", "logits, one row per sample (N × L)", "layers/softmax.md"),
    Symbol("z", "one row of Z: the logits of one sample", "layers/softmax.md"),
    Symbol(
        "P", "softmax probabilities, row by row (softmax; attention's weights)", "layers/softmax.md"
    ),
    Symbol("p", "one row of P, as a column vector", "layers/softmax.md"),
    Symbol("t", "one row of T (one sample's targets)", "layers/softmax.md"),
    Symbol("g", "one row of an upstream gradient G (one sample)", "layers/softmax.md"),
    Symbol(
        "L",
        "number of classes (softmax), of tokens in a vocabulary (embedding)",
        "layers/softmax.md",
    ),
    Symbol(r"\ell", "the cross-entropy of one sample", "layers/softmax.md"),
    Symbol(r"z_{\max}", "the largest logit of a row", "layers/softmax.md"),
    Symbol(r"k^\ast", "a position of the largest logit", "layers/softmax.md"),
    Symbol(r"\nabla^2", "a Hessian (of ℓ, of φ)", "layers/softmax.md"),
    Symbol(
        r"\psi",
        "the scalar ∇φ : U whose gradient is the Hessian-vector product",
        "layers/softmax.md",
    ),
    Symbol("E", "an embedding table (L × q)", "layers/embedding.md"),
    Symbol("R", "the one-hot matrix of an embedding lookup, Y = R E", "layers/embedding.md"),
    Symbol(r"\mu", "a mean (layer norm, batch norm)", "layers/normalization.md"),
    Symbol(
        "s",
        "a standard deviation, √(variance + κ) (layer norm, batch norm)",
        "layers/normalization.md",
    ),
    Symbol(
        r"S_N",
        "diag(s₁, …, s_N) (layer norm); S_q: diag(s₁, …, s_q) (batch norm)",
        "layers/normalization.md",
    ),
    Symbol(
        r"\kappa",
        "layer norm's constant under the square root, 1e-5 (eps in code)",
        "layers/normalization.md",
    ),
    Symbol(r"\gamma", "a normalisation's gain (one entry per feature)", "layers/normalization.md"),
    Symbol(r"\beta", "a normalisation's shift (one entry per feature)", "layers/normalization.md"),
    Symbol(
        r"\Delta_\mu",
        "the mean term of a normalisation's backward pass (Δ_s: the deviation's)",
        "layers/normalization.md",
    ),
    Symbol("Q", "queries (attention), one per row", "layers/attention.md"),
    Symbol("K", "keys (attention), one per row", "layers/attention.md"),
    Symbol("V", "values (attention), one per row", "layers/attention.md"),
    Symbol("M", "an additive attention mask (0 or −∞)", "layers/attention.md"),
    Symbol("S", "attention scores, Q Kᵀ/√r + M", "layers/attention.md"),
    Symbol("O", "attention's output, P V", "layers/attention.md"),
    Symbol("r", "the width of queries and keys (one head)", "layers/attention.md"),
    Symbol("v", "the width of values", "layers/attention.md"),
    Symbol("C", "channels of a convolution's input", "layers/convolution.md"),
    Symbol("F", "filters of a convolution (channels of its output)", "layers/convolution.md"),
    Symbol(
        r"\eta",
        "an image's height in pixels (η_F a filter's, η' the output's)",
        "layers/convolution.md",
    ),
    Symbol(
        r"\omega",
        "an image's width in pixels (ω_F a filter's, ω' the output's)",
        "layers/convolution.md",
    ),
    Symbol(r"\tau", "a convolution's stride", "layers/convolution.md"),
    Symbol(r"\zeta", "a convolution's padding (X^ζ: the padded input)", "layers/convolution.md"),
    Symbol(r"\nu", "the index of an image in a batch", "layers/convolution.md"),
    Symbol("o", "the index of a filter (output channel)", "layers/convolution.md"),
    Symbol("c", "the index of an input channel", "layers/convolution.md"),
    Symbol("a", "a row offset inside a filter", "layers/convolution.md"),
    Symbol("e", "a column offset inside a filter", "layers/convolution.md"),
    Symbol(
        r"W_{\mathrm{mat}}",
        "a convolution's filters flattened, one per row",
        "layers/convolution.md",
    ),
    Symbol("w", "the hidden width of a transformer block's MLP", "layers/transformer-block.md"),
    Symbol(
        r"X_1",
        "LN₁(X) in a transformer block (X₂ = LN₂(Y₁), X₃ = the MLP's hidden layer)",
        "layers/transformer-block.md",
    ),
    Symbol(r"Y_1", "a transformer block after its attention branch", "layers/transformer-block.md"),
]

# --- Proofs (proofs.md) ---
PROOFS = []

SYMBOLS = CORE + CHECKING + CATALOGUE + LAYERS + PROOFS
