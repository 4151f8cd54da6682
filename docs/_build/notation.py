"""The site's notation: every letter the pages use, with its one meaning.

The conventions page renders its table of letters from this list (`letters_table`), and
tests/test_notation.py holds the pages to it. A letter may appear here once only:
a second meaning for a letter is a second row with the same `tex`, which the test refuses.
Each group of pages adds the letters it introduces in its own section below, and may hold
its pages to the registry with two optional lists in that section:

- `<SECTION>_PAGES`: pages (paths under docs/) whose formulas may use registered letters only;
- `<SECTION>_BORROWED`: letters those pages use with the meaning another section registers,
  mapped to that section's name. They are accepted while that section is still empty.
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
    Symbol(r"\lambda", "row index of the entry we differentiate by (W_λθ, X_λθ)", "conventions.md"),
    Symbol(r"\theta", "column index of the entry we differentiate by (W_λθ, X_λθ)", "conventions.md"),
    Symbol("A", "a matrix in a general rule (A : B, A ∘ B, A ⊗ B); a constant matrix (catalogue)", "conventions.md"),
    Symbol("B", "a second matrix in a general rule; a constant matrix", "conventions.md"),
    Symbol("C", "a third matrix in a general rule; a constant matrix", "conventions.md"),
    Symbol("I", "the identity matrix; I_m is m × m (I_n when its size is named)", "conventions.md"),
    Symbol(r"\delta", "the Kronecker delta: δ_ik is 1 if i = k, else 0", "conventions.md"),
    Symbol(r"\mathcal{L}", "the derivative of D = WX in W: the linear map dW ↦ dW X (ℒ* its adjoint)", "four-index.md"),
    Symbol(r"\eta", "the step size (learning rate) of a gradient step W − η ∂φ/∂W (or X − η ∇f)", "conventions.md"),
]  # fmt: skip

#: The pages each section holds to the registry (tests/test_notation.py): every letter in
#: their formulas must be registered. A section opts its pages in with a `<SECTION>_PAGES` list.
CORE_PAGES = ["index.md", "conventions.md", "four-index.md", "index-notation.md", "frobenius.md"]

#: Letters the CORE pages use with the meaning another section registers (the section named).
#: Until that section has rows, the test accepts them; once it has, they must be registered.
CORE_BORROWED = {
    "f": "CATALOGUE",  # a scalar function of X in a catalogue identity
    "F": "CATALOGUE",  # an array-valued function of a matrix (matrix-valued functions)
    "a": "CATALOGUE",  # constant vectors of a form: aᵀ W b
    "b": "CATALOGUE",
    "Y": "LAYERS",  # a layer's output, Y = X W + b
}

# --- Checking gradients (checking.md, reference/gradcheck.md) ---
CHECKING = [
    Symbol("f", "a scalar function: the one a check differentiates; a catalogue entry's function"
           " of X (or x)", "checking.md"),
    Symbol("x", "a vector variable: the variable of f (an array of any shape; in the catalogue a"
           " vector, or a fixed vector where X is the variable), an activation's input, or one"
           " row of X (one sample)", "checking.md"),
    Symbol("g", "a gradient as a vector: the claimed ∂f/∂x, of the shape of x (ĝ: the"
           " numerical one), or one row of an upstream gradient G (one sample)", "checking.md"),
    Symbol("h", "a finite-difference step, along an entry or a direction", "checking.md"),
    Symbol(r"\epsilon", "float64 machine epsilon, 2.2 × 10⁻¹⁶", "checking.md"),
    Symbol(r"\rho", "the root mean square of the entries of x", "checking.md"),
    Symbol("u", "a direction vector: of the shape of x (a random direction of a check), of an"
           " activation's input (adjoint test, Hessian-vector product)", "checking.md"),
    Symbol("d", "the d of a differential (dX, dφ, d det X); never a count", "checking.md"),
    Symbol(r"\xi", "a standard normal random number", "checking.md"),
    Symbol(r"\sigma", "the logistic sigmoid, σ(x) = 1/(1 + exp(−x)), and nothing else",
           "checking.md"),
    Symbol(r"\mathcal{O}", "of the order of: 𝒪(h²) is at most a constant times h²", "checking.md"),
]  # fmt: skip

#: The checking pages are held to the registry too.
CHECKING_PAGES = ["checking.md", "reference/gradcheck.md"]

#: Letters the checking pages use with the meaning another section registers.
CHECKING_BORROWED = {
    "F": "CATALOGUE",  # an array-valued function of a matrix (F = X⁻¹, its Jacobian)
}

# --- The catalogue (catalog/*.md) ---
CATALOGUE = [
    Symbol("p", "a size in the catalogue: X is p × r unless square", "catalog/traces.md"),
    Symbol("r", "a size in the catalogue: the columns of a non-square X", "catalog/traces.md"),
    Symbol("s", "a third size in the catalogue (the rows of A in AXB)", "catalog/traces.md"),
    Symbol("t", "a fourth size in the catalogue (the columns of B in AXB)", "catalog/traces.md"),
    Symbol("F", "a catalogue entry's matrix-valued function of X", "catalog/matrix-valued.md"),
    Symbol(r"\bar{k}", "the integer power of X in a catalogue entry (tr X^k̄, det X^k̄)", "catalog/traces.md"),
    Symbol("a", "a constant vector", "catalog/forms.md"),
    Symbol("b", "a constant vector; a layer's bias vector", "catalog/forms.md"),
    Symbol("c", "a constant vector", "catalog/forms.md"),
    Symbol(
        "e",
        "a constant vector (the offset of the second factor in forms.affine)",
        "catalog/forms.md",
    ),
    Symbol(
        r"\tilde{x}",
        "a vector minus its mean: x̃ = x − μ (a Gaussian sample; a row in layer norm)",
        "catalog/structured.md",
    ),
    Symbol(
        r"\mathcal{M}",
        "a shorthand matrix inside a derivation (𝓜 = AXB), or the factor read off df = 𝓜 : dX",
        "catalog/determinants.md",
    ),
    Symbol(
        r"\mathcal{K}",
        "the commutation matrix 𝒦_pr (vec Yᵀ = 𝒦_pr vec Y for Y: p × r)",
        "catalog/matrix-valued.md",
    ),
    Symbol("J", "a Jacobian ∂vec(output)/∂vec(input): (size of F) × (size of X)",
           "catalog/matrix-valued.md"),
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
    Symbol(r"\nabla_{\mathrm{sym}} f", "the gradient within symmetric matrices, sym(∇f)",
           "catalog/structured.md"),
    Symbol(r"\Omega", "a skew-symmetric matrix (Ωᵀ = −Ω)", "catalog/structured.md"),
    Symbol(r"\Sigma", "a covariance matrix (symmetric positive definite)", "catalog/structured.md"),
    Symbol("l", "a second index paired with k: the entry (k, l) we differentiate by (∂F_ij/∂X_kl)",
           "catalog/layouts.md"),
    Symbol(r"\mu", "a mean: of a Gaussian; of a row or column in normalisation",
           "catalog/structured.md"),
    Symbol(r"\hat{\lambda}", "a simple eigenvalue of X (the eigenvalue entries; the Cookbook's λᵢ)",
           "catalog/eigenvalues.md"),
    Symbol(r"\hat{v}", "the right eigenvector of λ̂, X v̂ = λ̂ v̂ (of norm 1 for a symmetric X)",
           "catalog/eigenvalues.md"),
    Symbol(r"\hat{u}", "the left eigenvector of λ̂, ûᵀX = λ̂ûᵀ", "catalog/eigenvalues.md"),
    Symbol(r"\mathcal{J}", "∂X/∂X_λθ: for a free X the single-entry matrix 𝒥^{λθ}, 1 at (λ, θ),"
           " 0 elsewhere (the Matrix Cookbook's J^{ij}); for a structured X the structure matrix,"
           " how X moves with its free parameter X_λθ (the Cookbook's S^{ij})",
           "catalog/matrix-valued.md"),
    Symbol(r"\upsilon", "a constant number (a scalar, not a matrix): the target of the Matrix"
           " Cookbook's LMS example, its eq. 89 (a there); υ_A, υ_B scale A and B in a Kronecker or"
           " vec rule (the Cookbook's α, α_A, α_B in §10.2; α is GELU's constant)",
           "catalog/forms.md"),
    Symbol(r"\Phi", "a vector-valued function Φ(x) in a chain rule (the Cookbook's s(x), eq. 93)",
           "catalog/forms.md"),
    Symbol(r"\Psi", "a second vector-valued function Ψ(x) (the Cookbook's r(x), eq. 93)",
           "catalog/forms.md"),
    Symbol(r"\Lambda", "a diagonal matrix of eigenvalues: Λ_A holds those of A", "catalog/cookbook.md"),
    Symbol(r"\mathcal{N}", "a second shorthand matrix inside a derivation, beside 𝓜",
           "catalog/traces.md"),
    Symbol(r"\varsigma", "the step of one free parameter of a structured X (ς_k: the number added"
           " along the diagonal k of a Toeplitz X)", "catalog/structured.md"),
    Symbol(r"\mathcal{T}", "the Matrix Cookbook's α(A) for a Toeplitz X (its (143)): diagonal k"
           " holds the sum of the diagonal k of Aᵀ", "catalog/structured.md"),
]  # fmt: skip

# --- Layers (layers/*.md) ---
# Also used there with their CORE meaning: W (weights), X (a layer's input), D = W X
# (convolution's im2col product), m, q (a linear map's output and input widths; q is the
# width of a row of a layer's input), n (columns of X_col), φ, G, i, j, k.
# And with their CHECKING meaning: x (an activation's input), g (one row of G), u (a direction),
# σ (the logistic sigmoid).
LAYERS = [
    Symbol(
        "N",
        "rows of a layer's input: samples of a batch, tokens, queries, images",
        "layers/linear.md",
    ),
    Symbol(r"N_{\mathrm{kv}}", "rows of the keys and values of attention", "layers/attention.md"),
    Symbol("Y", "a layer's output", "layers/linear.md"),
    Symbol(
        "T",
        "targets: of the mean squared error, of cross-entropy (rows sum to 1), of the"
        " softplus loss (±1, checking.md)",
        "layers/linear.md",
    ),
    Symbol(r"\mathbf{1}", "a column of ones (\\mathbf{1}_N: N of them)", "layers/linear.md"),
    Symbol(r"\operatorname{act}", "an entrywise activation function", "layers/activations.md"),
    Symbol(
        "y",
        "an activation's output, or one row of Y; one row of P on the softmax and attention"
        " pages (y = softmax(z)); y⋆: one row of T (one sample's targets)",
        "layers/activations.md",
    ),
    Symbol(r"\pi", "the number π = 3.14159… (GELU's √(2/π))", "layers/activations.md"),
    Symbol(r"\alpha", "GELU's constant 0.044715 (GELU_A)", "layers/activations.md"),
    Symbol("Z", "logits, one row per sample (N × L)", "layers/softmax.md"),
    Symbol("z", "one row of Z: the logits of one sample (on the attention page, one row of S)",
           "layers/softmax.md"),
    Symbol(
        "P", "softmax probabilities, row by row (softmax; attention's weights)", "layers/softmax.md"
    ),
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
    Symbol(r"\mathcal{E}", "an embedding table (L × q)", "layers/embedding.md"),
    Symbol("R", "the one-hot matrix of an embedding lookup, Y = R ℰ", "layers/embedding.md"),
    Symbol(
        r"\chi",
        "a standard deviation, √(variance + κ) (layer norm, batch norm)",
        "layers/normalization.md",
    ),
    Symbol(
        r"S_N",
        "diag(χ₁, …, χ_N) (layer norm); S_q: diag(χ₁, …, χ_q) (batch norm)",
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
        "the mean term of a normalisation's backward pass (Δ_χ: the deviation's)",
        "layers/normalization.md",
    ),
    Symbol("Q", "queries (attention), one per row", "layers/attention.md"),
    Symbol("K", "keys (attention), one per row", "layers/attention.md"),
    Symbol("V", "values (attention), one per row", "layers/attention.md"),
    Symbol("M", "an additive attention mask (0 or −∞)", "layers/attention.md"),
    Symbol("S", "attention scores, Q Kᵀ/√q_h + M", "layers/attention.md"),
    Symbol("O", "attention's output, P V", "layers/attention.md"),
    Symbol(r"q_{\mathrm{h}}", "the width of queries and keys (one head)", "layers/attention.md"),
    Symbol("v", "the width of values", "layers/attention.md"),
    Symbol(r"\mathcal{C}", "channels of a convolution's input", "layers/convolution.md"),
    Symbol(r"\mathcal{F}", "filters of a convolution (channels of its output)", "layers/convolution.md"),
    Symbol(
        r"\mathcal{H}",
        "an image's height in pixels (ℋ_F a filter's, ℋ' the output's)",
        "layers/convolution.md",
    ),
    Symbol(
        r"\mathcal{W}",
        "an image's width in pixels (𝒲_F a filter's, 𝒲' the output's)",
        "layers/convolution.md",
    ),
    Symbol(r"\tau", "a convolution's stride", "layers/convolution.md"),
    Symbol(r"\zeta", "a convolution's padding (X^ζ: the padded input)", "layers/convolution.md"),
    Symbol(r"\iota", "the index of an image in a batch", "layers/convolution.md"),
    Symbol("o", "the index of a filter (output channel)", "layers/convolution.md"),
    Symbol(r"i_{\mathcal{C}}", "the index of an input channel", "layers/convolution.md"),
    Symbol("i_F", "a row offset inside a filter (j_F: a column offset)", "layers/convolution.md"),
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
# ROUTES_B: the letters of kronecker.md, traces-and-layout.md, math-to-code.md, claims.md and
# proofs.md that the CORE rows above do not cover.
PROOFS = [
    Symbol("U", "a direction: a matrix of the variable's shape along which to differentiate"
           " (on the softmax page, a direction of a batch of logits)", "proofs.md"),
    Symbol(r"\omega", "the dual unit of dual numbers, ω² = 0", "proofs.md"),
    Symbol(r"\nu", "the total degree of a polynomial (the Schwartz–Zippel bound ν/|𝒮|)",
           "proofs.md"),
    Symbol(r"\mathcal{S}", "the finite set the exact check draws integers from", "proofs.md"),
    Symbol("m_1", "the hidden width of the two-layer network: rows of W₁", "math-to-code.md"),
    Symbol("G_H", "the gradient of the loss at the hidden output H, ∂φ/∂H", "math-to-code.md"),
    Symbol("H", "the hidden layer of the two-layer network, after tanh", "math-to-code.md"),
    Symbol(r"\tilde{H}", "the hidden layer of the two-layer network, before tanh (A in its code)",
           "math-to-code.md"),
    Symbol(r"\Delta", "a difference: a change ΔW, ΔX of a variable; the gap Δ between a numerical"
           " and an exact directional derivative (Δ_μ, Δ_χ: see layer norm)", "proofs.md"),
    Symbol("r_A", "rows of the left factor A of a Kronecker product A ⊗ B", "kronecker.md"),
    Symbol("c_A", "columns of the left factor A of a Kronecker product", "kronecker.md"),
    Symbol("r_B", "rows of the right factor B of a Kronecker product", "kronecker.md"),
    Symbol("c_B", "columns of the right factor B of a Kronecker product", "kronecker.md"),
]  # fmt: skip

#: The catalogue pages (catalog/index.md too: its letters are the catalogue's).
CATALOGUE_PAGES = [
    "catalog/index.md", "catalog/traces.md", "catalog/forms.md", "catalog/determinants.md",
    "catalog/inverses.md", "catalog/norms.md", "catalog/structured.md", "catalog/layouts.md",
    "catalog/matrix-valued.md", "catalog/published.md", "catalog/eigenvalues.md",
    "catalog/cookbook.md", "catalog/hessians.md",
]  # fmt: skip
#: The layer pages.
LAYERS_PAGES = [
    "layers/linear.md", "layers/activations.md", "layers/softmax.md", "layers/attention.md",
    "layers/normalization.md", "layers/embedding.md", "layers/convolution.md",
    "layers/transformer-block.md",
]  # fmt: skip
#: The proofs page and the routes-b pages, whose letters the PROOFS rows hold.
PROOFS_PAGES = [
    "proofs.md", "kronecker.md", "traces-and-layout.md", "math-to-code.md", "claims.md",
]  # fmt: skip

# --- From derivations to autodiff (autodiff/engine.md, autodiff/frameworks.md) ---
# The engine page uses letters registered above only (A, B, C, G, T for the rules and the
# networks; x, \alpha, \pi for GELU); it adds none. The frameworks page adds none either:
# D = WX, G, φ, m, q, n, λ, θ, I, η (CORE); Y, N, b, 1 (LAYERS).
AUTODIFF: list[Symbol] = []
AUTODIFF_PAGES = ["autodiff/engine.md", "autodiff/frameworks.md"]

SECTIONS = {"CORE": CORE, "CHECKING": CHECKING, "CATALOGUE": CATALOGUE, "LAYERS": LAYERS,
            "PROOFS": PROOFS, "AUTODIFF": AUTODIFF}  # fmt: skip
SYMBOLS = [symbol for rows in SECTIONS.values() for symbol in rows]


def letters_table(symbols=SYMBOLS) -> str:
    """The table of letters on the conventions page, as Markdown: one row per letter."""
    rows = ["| Letter | Its one meaning | Introduced on |", "| --- | --- | --- |"]
    for s in symbols:
        where = "this page" if s.where == "conventions.md" else f"`{s.where}`"
        rows.append(f"| ${s.tex}$ | {s.meaning} | {where} |")
    return "\n".join(rows)
