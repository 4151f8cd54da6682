"""The Matrix Cookbook (15 November 2012), §10.2: the Kronecker product and the vec operator.

Site machinery: a part of snippets/catalog/cookbook.py, which gathers it into `COOKBOOK`.

Equations (505)-(524). None of them is a derivative: they are the algebra the book's
derivatives of matrix-valued functions lean on. Each is still evaluated as printed, beside the
same quantity computed another way, on factors with distinct, non-square shapes wherever the
statement allows them; a statement that holds gets "not a derivative identity", one that does
not gets the verdict that explains it. vec stacks columns, as the book defines it in §10.2.2
(numpy: `reshape(-1, order="F")`).

Letters follow the site's table: the book's fourth factor D of (511) is written B₂ (D is the
product WX here), its scalars α_A, α_B of (509) are υ_A, υ_B (α is GELU's constant), and the
sizes r_A × c_A, r_B × c_B are those of the Kronecker page.
"""

import numpy as np

from snippets.catalog.cookbook import NOT_A_DERIVATIVE, WRONG, Equation

SECTION_KRONECKER = "10.2.1 The Kronecker Product"
SECTION_VEC = "10.2.2 The Vec Operator"


# --8<-- [start:vec]
def vec(M: np.ndarray) -> np.ndarray:
    """The columns of M stacked into one vector (the book's vec, §10.2.2)."""
    return np.asarray(M).reshape(-1, order="F")


# --8<-- [end:vec]


def _normal(rng: np.random.Generator, *shape: int) -> np.ndarray:
    return rng.standard_normal(shape)


def _invertible(rng: np.random.Generator, n: int) -> np.ndarray:
    """A random n × n matrix shifted away from singular; its determinant takes either sign."""
    M = rng.standard_normal((n, n))
    return M + np.sign(rng.standard_normal()) * n * np.eye(n)


def _low_rank(rng: np.random.Generator, rows: int, cols: int, rank: int) -> np.ndarray:
    """A rows × cols matrix of the given rank (a product of two thin random factors)."""
    return rng.standard_normal((rows, rank)) @ rng.standard_normal((rank, cols))


def _kron_by_entries(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """A ⊗ B from its entries, (A ⊗ B)[i r_B + k, j c_B + l] = A_ij B_kl, without np.kron."""
    (ra, ca), (rb, cb) = A.shape, B.shape
    return np.einsum("ij,kl->ikjl", A, B).reshape(ra * rb, ca * cb)


def _spectrum(M: np.ndarray) -> np.ndarray:
    """The coefficients of M's characteristic polynomial: its eigenvalues as a multiset."""
    return np.real_if_close(np.poly(M), tol=1e6)


def _spectrum_of_values(values: np.ndarray) -> np.ndarray:
    """The coefficients of the monic polynomial whose roots are `values` (a multiset)."""
    return np.real_if_close(np.poly(np.ravel(values)), tol=1e6)


# --- (505)-(519): the Kronecker product ---------------------------------------------------


def _505(rng):
    A, B = _normal(rng, 2, 3), _normal(rng, 4, 5)
    blocks = np.block([[A[i, j] * B for j in range(A.shape[1])] for i in range(A.shape[0])])
    return blocks, _kron_by_entries(A, B)


def _506(rng):
    A, B, C = _normal(rng, 2, 3), _normal(rng, 4, 5), _normal(rng, 4, 5)
    return np.kron(A, B) + np.kron(A, C), _kron_by_entries(A, B + C)


def _507(rng):
    # The statement claims the two orders differ; a draw supports it when they do.
    A, B = _normal(rng, 2, 3), _normal(rng, 3, 2)
    differ = float(not np.allclose(np.kron(A, B), np.kron(B, A)))
    return np.array([differ]), np.array([1.0])


def _508(rng):
    A, B, C = _normal(rng, 2, 3), _normal(rng, 3, 4), _normal(rng, 2, 1)
    return np.kron(np.kron(A, B), C), _kron_by_entries(A, _kron_by_entries(B, C))


def _509(rng):
    A, B = _normal(rng, 2, 3), _normal(rng, 4, 5)
    u_a, u_b = rng.standard_normal(2)
    return u_a * u_b * np.kron(A, B), _kron_by_entries(u_a * A, u_b * B)


def _510(rng):
    A, B = _normal(rng, 2, 3), _normal(rng, 4, 5)
    return np.kron(A.T, B.T), _kron_by_entries(A, B).T


def _511(rng):
    A1, A2 = _normal(rng, 2, 3), _normal(rng, 3, 4)
    B1, B2 = _normal(rng, 4, 2), _normal(rng, 2, 5)
    return np.kron(A1 @ A2, B1 @ B2), _kron_by_entries(A1, B1) @ _kron_by_entries(A2, B2)


def _512(rng):
    A, B = _invertible(rng, 3), _invertible(rng, 2)
    return np.kron(np.linalg.inv(A), np.linalg.inv(B)), np.linalg.inv(_kron_by_entries(A, B))


#: Singular values below this fraction of the largest count as zero in (513) and (514): the
#: rank-deficient factors are exact products, so their spurious singular values sit near 1e-16.
RANK_TOLERANCE = 1e-10


def _513(rng):
    A, B = _normal(rng, 3, 2), _low_rank(rng, 2, 4, 1)
    pinv = lambda M: np.linalg.pinv(M, rcond=RANK_TOLERANCE)  # noqa: E731
    return np.kron(pinv(A), pinv(B)), pinv(_kron_by_entries(A, B))


def _514(rng):
    A, B = _low_rank(rng, 4, 3, 2), _low_rank(rng, 2, 5, 1)
    rank = lambda M: np.linalg.matrix_rank(M, tol=RANK_TOLERANCE * np.abs(M).max())  # noqa: E731
    return np.array([rank(A) * rank(B)], dtype=float), np.array(
        [rank(_kron_by_entries(A, B))], dtype=float
    )


def _515(rng):
    A, B = _normal(rng, 3, 3), _normal(rng, 2, 2)
    eig_a, eig_b = np.linalg.eigvals(A), np.linalg.eigvals(B)
    lambdas = np.trace(np.kron(np.diag(eig_a), np.diag(eig_b)))
    printed = np.array([np.trace(A) * np.trace(B), np.real_if_close(lambdas, tol=1e6)], float)
    true = np.trace(_kron_by_entries(A, B))
    return printed, np.array([true, true])


def _516(rng):
    # Invertible factors on most draws; on some, A or B has a zero row (singular, not zero),
    # where both sides must vanish: the ranks in the exponents are then below the sizes.
    A, B = _invertible(rng, 3), _invertible(rng, 2)
    case = rng.integers(3)
    if case == 1:
        A[rng.integers(3)] = 0.0
    elif case == 2:
        B[rng.integers(2)] = 0.0
    rank = np.linalg.matrix_rank
    printed = np.linalg.det(A) ** rank(B) * np.linalg.det(B) ** rank(A)
    return np.array([printed]), np.array([np.linalg.det(_kron_by_entries(A, B))])


def _517(rng):
    A, B = _normal(rng, 3, 3), _normal(rng, 2, 2)
    return _spectrum(np.kron(B, A)), _spectrum(_kron_by_entries(A, B))


def _518(rng):
    A, B = _normal(rng, 3, 3), _normal(rng, 2, 2)
    A, B = A + A.T, B + B.T
    products = np.outer(np.linalg.eigvalsh(A), np.linalg.eigvalsh(B))
    return _spectrum_of_values(products), _spectrum(_kron_by_entries(A, B))


def _519(rng):
    A, B = _normal(rng, 3, 3), _normal(rng, 2, 2)  # not symmetric: complex eigenvalues too
    products = np.kron(np.linalg.eigvals(A), np.linalg.eigvals(B))
    return _spectrum_of_values(products), _spectrum(_kron_by_entries(A, B))


# --- (520)-(524): the vec operator ----------------------------------------------------------


def _520(rng):
    A, X, B = _normal(rng, 2, 3), _normal(rng, 3, 4), _normal(rng, 4, 5)
    return np.kron(B.T, A) @ vec(X), vec(A @ X @ B)


def _521(rng):
    A, B = _normal(rng, 3, 4), _normal(rng, 3, 4)
    return np.array([vec(A) @ vec(B)]), np.array([np.trace(A.T @ B)])


def _522(rng):
    A, B = _normal(rng, 3, 4), _normal(rng, 3, 4)
    return vec(A) + vec(B), vec(A + B)


def _523(rng):
    A, u = _normal(rng, 3, 4), rng.standard_normal()
    return u * vec(A), vec(u * A)


# --8<-- [start:eq524]
def _524_inputs(rng):
    """X: 3 × 4, B: 4 × 4 (not symmetric), a and c of length 3 (not parallel)."""
    X, B = rng.standard_normal((3, 4)), rng.standard_normal((4, 4))
    return X, B, rng.standard_normal(3), rng.standard_normal(3)


def _524(rng):
    """(524) as printed, vec(X)ᵀ (B ⊗ c aᵀ) vec(X), beside aᵀ X B Xᵀ c computed directly."""
    X, B, a, c = _524_inputs(rng)
    printed = vec(X) @ np.kron(B, np.outer(c, a)) @ vec(X)
    return np.array([printed]), np.array([a @ X @ B @ X.T @ c])


def _524_corrected(rng):
    """The corrected form, vec(X)ᵀ (B ⊗ a cᵀ) vec(X), beside the same direct value."""
    X, B, a, c = _524_inputs(rng)
    corrected = vec(X) @ np.kron(B, np.outer(a, c)) @ vec(X)
    return np.array([corrected]), np.array([a @ X @ B @ X.T @ c])


# --8<-- [end:eq524]


EQUATIONS: list[Equation] = [
    Equation(
        number=505,
        section=SECTION_KRONECKER,
        printed=r"A \otimes B = \begin{bmatrix} A_{11} B & \cdots & A_{1 c_A} B \\ \vdots & & "
        r"\vdots \\ A_{r_A 1} B & \cdots & A_{r_A c_A} B \end{bmatrix}",
        verdict=NOT_A_DERIVATIVE,
        reading="The definition, for A of shape r_A × c_A and B of shape r_B × c_B. Checked "
        "against the entry formula (A ⊗ B) at row i r_B + k, column j c_B + l = A_ij B_kl, "
        "which is also what numpy's np.kron computes.",
        printed_value=_505,
    ),
    Equation(
        number=506,
        section=SECTION_KRONECKER,
        printed=r"A \otimes (B + C) = A \otimes B + A \otimes C",
        verdict=NOT_A_DERIVATIVE,
        printed_value=_506,
    ),
    Equation(
        number=507,
        section=SECTION_KRONECKER,
        printed=r"A \otimes B \neq B \otimes A \quad \text{in general}",
        verdict=NOT_A_DERIVATIVE,
        reading="A claim that the product does not commute. A draw supports it when the two "
        "products differ; here A is 2 × 3 and B is 3 × 2, so both products are 6 × 6 and only "
        "the numbers can tell them apart.",
        printed_value=_507,
    ),
    Equation(
        number=508,
        section=SECTION_KRONECKER,
        printed=r"A \otimes (B \otimes C) = (A \otimes B) \otimes C",
        verdict=NOT_A_DERIVATIVE,
        printed_value=_508,
    ),
    Equation(
        number=509,
        section=SECTION_KRONECKER,
        printed=r"\upsilon_A A \otimes \upsilon_B B = \upsilon_A \upsilon_B (A \otimes B)",
        verdict=NOT_A_DERIVATIVE,
        reading="υ_A and υ_B are any scalars (the book's α_A and α_B).",
        printed_value=_509,
    ),
    Equation(
        number=510,
        section=SECTION_KRONECKER,
        printed=r"(A \otimes B)^\top = A^\top \otimes B^\top",
        verdict=NOT_A_DERIVATIVE,
        printed_value=_510,
    ),
    Equation(
        number=511,
        section=SECTION_KRONECKER,
        printed=r"(A_1 \otimes B_1)(A_2 \otimes B_2) = A_1 A_2 \otimes B_1 B_2",
        verdict=NOT_A_DERIVATIVE,
        reading="The book's A, B, C, D are A₁, B₁, A₂, B₂ here; A₁A₂ and B₁B₂ must be "
        "defined, and nothing needs to be square (checked with 2 × 3, 3 × 4, 4 × 2, 2 × 5).",
        printed_value=_511,
    ),
    Equation(
        number=512,
        section=SECTION_KRONECKER,
        printed=r"(A \otimes B)^{-1} = A^{-1} \otimes B^{-1}",
        verdict=NOT_A_DERIVATIVE,
        reading="The inverses must exist. A ⊗ B is invertible exactly when A and B are square "
        "and invertible, so the notation states the condition.",
        printed_value=_512,
    ),
    Equation(
        number=513,
        section=SECTION_KRONECKER,
        printed=r"(A \otimes B)^{+} = A^{+} \otimes B^{+}",
        verdict=NOT_A_DERIVATIVE,
        reading="A⁺ is the Moore–Penrose pseudo-inverse; it holds for any shapes and ranks "
        "(checked with a 3 × 2 A and a 2 × 4 B of rank 1).",
        printed_value=_513,
    ),
    Equation(
        number=514,
        section=SECTION_KRONECKER,
        printed=r"\operatorname{rank}(A \otimes B) = \operatorname{rank}(A) "
        r"\operatorname{rank}(B)",
        verdict=NOT_A_DERIVATIVE,
        reading="Checked on rank-deficient factors: a 4 × 3 A of rank 2 and a 2 × 5 B of rank 1.",
        printed_value=_514,
    ),
    Equation(
        number=515,
        section=SECTION_KRONECKER,
        printed=r"\operatorname{tr}(A \otimes B) = \operatorname{tr}(A) \operatorname{tr}(B) "
        r"= \operatorname{tr}(\Lambda_A \otimes \Lambda_B)",
        verdict=NOT_A_DERIVATIVE,
        reading="A and B square; Λ_A is the diagonal matrix of the eigenvalues of A (complex "
        "ones included). Both equalities are checked.",
        printed_value=_515,
    ),
    Equation(
        number=516,
        section=SECTION_KRONECKER,
        printed=r"\det(A \otimes B) = \det(A)^{\operatorname{rank}(B)} "
        r"\det(B)^{\operatorname{rank}(A)}",
        verdict=NOT_A_DERIVATIVE,
        reading="A and B square. The usual statement has the orders of B and A as exponents; "
        "they equal the ranks when both are invertible, and when one is singular (but not "
        "zero) both sides vanish, so the ranks do no harm. The one case it leaves out is "
        "A = 0 and B = 0 together, where the right side reads 0⁰ · 0⁰.",
        printed_value=_516,
    ),
    Equation(
        number=517,
        section=SECTION_KRONECKER,
        printed=r"\{\operatorname{eig}(A \otimes B)\} = \{\operatorname{eig}(B \otimes A)\}"
        r" \quad \text{if } A, B \text{ square}",
        verdict=NOT_A_DERIVATIVE,
        reading="Braces mean the eigenvalues as a multiset; compared through the coefficients "
        "of the characteristic polynomials, which do not depend on an order.",
        printed_value=_517,
    ),
    Equation(
        number=518,
        section=SECTION_KRONECKER,
        printed=r"\{\operatorname{eig}(A \otimes B)\} = \{\operatorname{eig}(A)\, "
        r"\operatorname{eig}(B)^\top\} \quad \text{if } A, B \text{ symmetric and square}",
        verdict=NOT_A_DERIVATIVE,
        reading="The right side is the multiset of the entries of the outer product of the two "
        "eigenvalue vectors. Symmetry is more than it needs: (519) holds for any square A, B.",
        printed_value=_518,
    ),
    Equation(
        number=519,
        section=SECTION_KRONECKER,
        printed=r"\operatorname{eig}(A \otimes B) = \operatorname{eig}(A) \otimes "
        r"\operatorname{eig}(B)",
        verdict=NOT_A_DERIVATIVE,
        reading="Read as multisets, like (517) and (518): the book fixes no order of eig(·), "
        "so as ordered vectors the two sides could not be compared. Holds for any square A "
        "and B (checked on non-symmetric ones, with complex eigenvalues).",
        printed_value=_519,
    ),
    Equation(
        number=520,
        section=SECTION_VEC,
        printed=r"\operatorname{vec}(AXB) = (B^\top \otimes A) \operatorname{vec}(X)",
        verdict=NOT_A_DERIVATIVE,
        reading="vec stacks columns (the book's definition). Checked with A: 2 × 3, X: 3 × 4, "
        "B: 4 × 5. It is also the Jacobian of X ↦ AXB, which the catalogue's entry "
        "matrix_valued.AXB checks against differences.",
        printed_value=_520,
    ),
    Equation(
        number=521,
        section=SECTION_VEC,
        printed=r"\operatorname{tr}(A^\top B) = \operatorname{vec}(A)^\top \operatorname{vec}(B)",
        verdict=NOT_A_DERIVATIVE,
        printed_value=_521,
    ),
    Equation(
        number=522,
        section=SECTION_VEC,
        printed=r"\operatorname{vec}(A + B) = \operatorname{vec}(A) + \operatorname{vec}(B)",
        verdict=NOT_A_DERIVATIVE,
        printed_value=_522,
    ),
    Equation(
        number=523,
        section=SECTION_VEC,
        printed=r"\operatorname{vec}(\upsilon A) = \upsilon \operatorname{vec}(A)",
        verdict=NOT_A_DERIVATIVE,
        reading="υ is any scalar (the book's α).",
        printed_value=_523,
    ),
    Equation(
        number=524,
        section=SECTION_VEC,
        printed=r"a^\top X B X^\top c = \operatorname{vec}(X)^\top (B \otimes c a^\top) "
        r"\operatorname{vec}(X)",
        verdict=WRONG,
        entries=("forms.aXBXtc",),
        reading="X: p × r, B: r × r, a and c of length p; vec stacks columns. The printed "
        "right side equals aᵀXBᵀXᵀc, so it is right only when B is symmetric or a and c are "
        "parallel; the book states neither.",
        correction=r"a^\top X B X^\top c = \operatorname{vec}(X)^\top (B \otimes a c^\top)"
        r" \operatorname{vec}(X)",
        condition="a and c swapped: the term of columns j and l of X is (aᵀx_j) B_jl (x_lᵀc), "
        "so block (j, l) of the middle matrix is B_jl acᵀ. Transposing that matrix, as a "
        "quadratic form allows, gives the equivalent Bᵀ ⊗ caᵀ.",
        printed_value=_524,
        under=_524_corrected,
    ),
]
