"""Checks beyond numerical evidence: exact, symbolic and adjoint checks of the site's formulas.

- exact: random integer inputs, derivatives by dual numbers over fractions, tolerance zero;
- symbolic: every entry a symbol, equality as rational functions, for all small sizes;
- adjoint: ⟨v, J u⟩ = ⟨Jᵀ v, u⟩ for every backward pass.

The identities come from part 1's formula snippets (PART_ONE, JACOBIANS, below) and from the
catalogue registry (every entry with `exact` set), so a new catalogue entry is covered
without any change here. Each check takes the list it walks as an argument: the tests hand in
wrong formulas and see them rejected.
"""

# --8<-- [start:setup]
import time
from dataclasses import dataclass, replace
from fractions import Fraction

import numpy as np

from snippets import claims, frobenius, index_notation, kronecker, traces
from snippets.catalog.linalg import det, inv
from snippets.catalog.registry import IDENTITIES, MATRIX_IDENTITIES, anchor, page
from snippets.catalog.sample import Sample
from snippets.checks.catalog.identity import check_identity, check_matrix_identity
from snippets.exact.adjoint import BackwardPass, adjoint_test
from snippets.exact.exact_check import (
    SIZE_OF_S,
    at_random_point,
    check_gradient_exactly,
    check_jacobian_exactly,
    random_direction,
)
from snippets.four_index import as_jacobian, dD_dW, dD_dX
from snippets.gradcheck import (
    CheckResult,
    check_gradient,
    check_jacobian,
    expect_pass,
    expect_reject,
)
from snippets.layers import (
    activations,
    attention,
    convolution,
    embedding,
    linear,
    normalization,
    softmax,
    transformer_block,
)
from snippets.linear_layer import linear_backward, linear_forward
from snippets.matmul import matmul_backward
from snippets.symbolic.symbolic_check import (
    check_gradient_symbolically,
    check_jacobian_symbolically,
)
from snippets.two_layer_net import net_backward, net_forward, net_loss


@dataclass(frozen=True)
class Claim:
    """A part-1 formula as a checkable record, with the fields of a catalogue Identity we use.

    f(**inputs) -> scalar; grad(**inputs) -> the claimed gradient by `variable`; sample(rng)
    -> float inputs; exact: "polynomial" or "rational"; note: how the formula was adapted.
    """

    id: str
    f: object
    grad: object
    variable: str
    sample: object
    exact: str = "polynomial"
    structure: str | None = None
    note: str = ""
    page: str = "index-notation.md"


@dataclass(frozen=True)
class JacobianClaim:
    """A part-1 Jacobian: F(**inputs) -> matrix, jacobian(**inputs) -> ∂vec F/∂vec variable."""

    id: str
    F: object
    jacobian: object
    variable: str
    sample: object
    exact: str = "polynomial"
    note: str = ""
    page: str = "kronecker.md"


def phi(F):
    """φ = G : F(...), the scalar whose gradient a backward pass of F computes (G an input)."""
    return lambda G, **inputs: np.sum(G * F(**inputs))


DWX = Sample(W="pr", X="rs", G="ps")  # W (3, 4), X (4, 5), G (3, 5): the site's (m, q, n)
LIN = Sample(W="pr", X="rs", b="p", G="ps")  # and the bias b (3,)
WX = Sample(W="pr", X="rs")
PART_ONE = [
    Claim("matmul: dW = dD Xᵀ", phi(lambda W, X: W @ X),
          lambda W, X, G: matmul_backward(G, W, X)[0], "W", DWX),
    Claim("matmul: dX = Wᵀ dD", phi(lambda W, X: W @ X),
          lambda W, X, G: matmul_backward(G, W, X)[1], "X", DWX),
    Claim("linear layer: dW", phi(lambda W, X, b: linear_forward(W, X, b)[0]),
          lambda W, X, b, G: linear_backward(G, (W, X))[0], "W", LIN),
    Claim("linear layer: dX", phi(lambda W, X, b: linear_forward(W, X, b)[0]),
          lambda W, X, b, G: linear_backward(G, (W, X))[1], "X", LIN),
    Claim("linear layer: db = dD 1", phi(lambda W, X, b: linear_forward(W, X, b)[0]),
          lambda W, X, b, G: linear_backward(G, (W, X))[2], "b", LIN),
    Claim("∂ tr(XA)/∂X = Aᵀ", lambda X, A: np.trace(X @ A), traces.grad_tr_XA, "X",
          Sample(X="pr", A="rp")),
    Claim("∂ tr(AX)/∂X = Aᵀ", lambda X, A: np.trace(A @ X), traces.grad_tr_AX, "X",
          Sample(X="pr", A="rp")),
    Claim("∂ tr(XᵀA)/∂X = A", lambda X, A: np.trace(X.T @ A), traces.grad_tr_XtA, "X",
          Sample(X="pr", A="pr")),
    Claim("∂ tr(AXB)/∂X = AᵀBᵀ", lambda X, A, B: np.trace(A @ X @ B), traces.grad_tr_AXB, "X",
          Sample(X="pr", A="sp", B="rs")),
    Claim("∂ tr(XᵀAX)/∂X = (A + Aᵀ)X", lambda X, A: np.trace(X.T @ A @ X), traces.grad_tr_XtAX,
          "X", Sample(X="pr", A="pp")),
    Claim("∂ tr(XAXᵀ)/∂X = X(A + Aᵀ)", lambda X, A: np.trace(X @ A @ X.T), traces.grad_tr_XAXt,
          "X", Sample(X="pr", A="rr")),
    Claim("differentials: dW = G Xᵀ", phi(lambda W, X: W @ X),
          lambda W, X, G: frobenius.product_gradients(G, W, X)[0], "W", DWX),
    Claim("differentials: dX = Wᵀ G", phi(lambda W, X: W @ X),
          lambda W, X, G: frobenius.product_gradients(G, W, X)[1], "X", DWX),
    Claim("‖WX − Y‖²: dW = 2(WX − Y)Xᵀ", lambda W, X, Y: np.sum((W @ X - Y) ** 2),
          lambda W, X, Y: frobenius.least_squares_gradients(W, X, Y)[0], "W",
          Sample(W="pr", X="rs", Y="ps")),
    Claim("‖WX − Y‖²: dX = 2Wᵀ(WX − Y)", lambda W, X, Y: np.sum((W @ X - Y) ** 2),
          lambda W, X, Y: frobenius.least_squares_gradients(W, X, Y)[1], "X",
          Sample(W="pr", X="rs", Y="ps")),
    Claim("∂ tr(WᵀAW)/∂W = (A + Aᵀ)W", lambda W, A: np.trace(W.T @ A @ W),
          frobenius.quadratic_form_gradient, "W", Sample(W="pr", A="pp")),
    Claim("∂ tr(WᵀAW)/∂W = 2AW, A = Aᵀ", lambda W, A: np.trace(W.T @ A @ W),
          frobenius.quadratic_form_gradient_symmetric, "W", Sample(W="pr", A="pp sym")),
    Claim("∂ aᵀWb/∂W = a bᵀ", lambda W, a, b: a @ W @ b,
          lambda W, a, b: frobenius.bilinear_gradient(a, b),
          "W", Sample(W="pr", a="p", b="r")),
    Claim("einsum: ∂φ/∂W_dc = Σ_j G_dj X_cj", phi(lambda W, X: W @ X),
          lambda W, X, G: index_notation.dW_einsum(G, X), "W", DWX),
    Claim("einsum: ∂φ/∂X_dc = Σ_i W_id G_ic", phi(lambda W, X: W @ X),
          lambda W, X, G: index_notation.dX_einsum(G, W), "X", DWX),
    Claim("Σ D²: dW = 2 D Xᵀ", lambda W, X: np.sum((W @ X) ** 2),
          lambda W, X: index_notation.square_loss_grads(W, X)[0], "W", WX),
    Claim("Σ D²: dX = 2 Wᵀ D", lambda W, X: np.sum((W @ X) ** 2),
          lambda W, X: index_notation.square_loss_grads(W, X)[1], "X", WX),
    Claim("D = W Wᵀ: dW = G W + Gᵀ W", phi(lambda W: W @ W.T),
          lambda W, G: index_notation.gram_dW(G, W), "W", Sample(W="pr", G="pp")),
    Claim("∂ tr(WX)/∂W = Xᵀ", lambda W, X: np.trace(W @ X), claims.trace_dW, "W",
          Sample(W="pr", X="rp")),
    Claim("∂ tr(WX)/∂X = Wᵀ", lambda W, X: np.trace(W @ X), claims.trace_dX, "X",
          Sample(W="pr", X="rp")),
    Claim("∂ Σ D/∂W = 1 1ᵀ Xᵀ", lambda W, X: np.sum(W @ X), claims.sum_dW, "W",
          Sample(W="pr", X="rs")),
    Claim("∂ det X/∂X = det(X) X⁻ᵀ", lambda X: det(X), lambda X: det(X) * inv(X).T, "X",
          Sample(X="pp"), "rational",
          note="checking.py's det_grad uses np.linalg; checked as det(X) inv(X)ᵀ with"
               " snippets/catalog/linalg.py"),
    Claim("two-layer net loss: dY = (Y − T)/n", lambda Y, T: net_loss(Y, T)[0],
          lambda Y, T: net_loss(Y, T)[1], "Y", Sample(Y="ps", T="ps")),
]  # fmt: skip


def _derived_on(claim) -> str:
    """The page that derives a part-1 formula for all sizes."""
    pages = {"tr(": "traces-and-layout.md", "differentials": "frobenius.md", "‖": "frobenius.md",
             "WᵀAW": "frobenius.md", "aᵀWb": "frobenius.md", "det": "checking.md",
             "linear layer": "math-to-code.md", "net": "math-to-code.md", "∂D_ij": "four-index.md",
             "vec": "kronecker.md"}  # fmt: skip
    return next((p for key, p in pages.items() if key in claim.id), "index-notation.md")


PART_ONE = [replace(c, page=_derived_on(c)) for c in PART_ONE]

JACOBIANS = [
    JacobianClaim("∂vec(WX)/∂vec W = Xᵀ ⊗ I", lambda W, X: W @ X,
                  lambda W, X: kronecker.jacobian_D_wrt_W(X, W.shape[0]), "W", WX),
    JacobianClaim("∂vec(WX)/∂vec X = I ⊗ W", lambda W, X: W @ X,
                  lambda W, X: kronecker.jacobian_D_wrt_X(W, X.shape[1]), "X", WX),
    JacobianClaim("vec(AXB) = (Bᵀ ⊗ A) vec X", lambda X, A, B: A @ X @ B,
                  lambda X, A, B: kronecker.jacobian_AXB(A, B), "X",
                  Sample(X="pr", A="tp", B="rs")),
    JacobianClaim("∂D_ij/∂W_kl = δ_ik X_lj", lambda W, X: W @ X,
                  lambda W, X: as_jacobian(dD_dW(X, W.shape[0])), "W", WX),
    JacobianClaim("∂D_ij/∂X_kl = W_ik δ_lj", lambda W, X: W @ X,
                  lambda W, X: as_jacobian(dD_dX(W, X.shape[1])), "X", WX),
]  # fmt: skip
JACOBIANS = [replace(c, page=_derived_on(c)) for c in JACOBIANS]


def exact_entries():
    """The catalogue's scalar identities with `exact` set, in registry order."""
    return [e for e in IDENTITIES if e.exact]


def exact_matrix_entries():
    """The catalogue's matrix-valued identities with `exact` set."""
    return [e for e in MATRIX_IDENTITIES if e.exact]


def on_free_variable(entry):
    """(f, grad, sample) with a symmetric variable written through Y ↦ (Y + Yᵀ)/2.

    For entry.structure == "symmetric", grad is the gradient within symmetric matrices: the
    gradient of Y ↦ f((Y + Yᵀ)/2) at Y = X (as the catalogue's numerical check uses). Both
    sides become functions of a free Y, which is drawn without symmetry.
    """
    if entry.structure != "symmetric":
        return entry.f, entry.grad, entry.sample
    name = entry.variable

    def sym(inputs):
        Y = inputs[name]
        return {**inputs, name: (Y + Y.T) / 2}

    def sample(rng):
        inputs = entry.sample(rng)
        return {**inputs, name: inputs[name] + np.triu(np.ones_like(inputs[name]), 1)}

    return (lambda **a: entry.f(**sym(a))), (lambda **a: entry.grad(**sym(a))), sample


# --8<-- [end:setup]


# --8<-- [start:check_slightly_wrong]
def slightly_wrong_dW(dD, W, X):
    """WRONG by a factor 1 + 10⁻⁹: dW = (1 + 10⁻⁹) dD Xᵀ. W (m, q), X (q, n), dD (m, n)."""
    return (dD @ X.T) * 1.000000001


def check_slightly_wrong(seed=0, shape=(3, 4, 5), backward=slightly_wrong_dW):
    """The same claim two ways: the numerical check (tolerance 1e-8) and the exact one (0)."""
    m, q, n = shape
    rng = np.random.default_rng(seed)
    W, X, G = (rng.standard_normal(s) for s in ((m, q), (q, n), (m, n)))
    numerical = check_gradient(lambda W: np.sum(G * (W @ X)), backward(G, W, X), W,
                               label="dW = (1 + 1e-9) dD Xᵀ, numerically")  # fmt: skip
    exact = at_random_point(
        lambda pt, rng: check_gradient_exactly(
            phi(lambda W, X: W @ X), lambda W, X, G: backward(G, W, X), pt, "W",
            random_direction(pt, "W", rng), label="dW = (1 + 1e-9) dD Xᵀ, exactly"),
        {"W": W, "X": X, "G": G}, seed)  # fmt: skip
    return numerical, exact


# --8<-- [end:check_slightly_wrong]


# --8<-- [start:check_tolerance_is_a_choice]
def check_tolerance_is_a_choice(seed=0, shape=(3, 4, 5), backward=slightly_wrong_dW):
    """How close the numerical methods come on φ = G : (W X): the right dW = dD Xᵀ checked by
    five-point differences with tolerance 1e-10 and by the complex step with 1e-13; then the
    claim off by 1e-9, by the complex step with tolerance 1e-12 (it must be rejected)."""
    m, q, n = shape
    rng = np.random.default_rng(seed)
    W, X, G = (rng.standard_normal(s) for s in ((m, q), (q, n), (m, n)))

    def phi(W):
        return np.sum(G * (W @ X))

    right = matmul_backward(G, W, X)[0]
    return [
        check_gradient(phi, right, W, method="central", tolerance=1e-10,
                       label="dW = dD Xᵀ, five-point differences"),
        check_gradient(phi, right, W, method="complex", tolerance=1e-13,
                       label="dW = dD Xᵀ, complex step"),
        check_gradient(phi, backward(G, W, X), W, method="complex", tolerance=1e-12,
                       label="dW = (1 + 1e-9) dD Xᵀ, complex step"),
    ]  # fmt: skip


# --8<-- [end:check_tolerance_is_a_choice]


# --8<-- [start:check_schwartz_zippel]
@dataclass(frozen=True)
class BoundResult(CheckResult):
    """How often a wrong claim passed the exact check, against the Schwartz–Zippel bound."""

    passes: int = 0
    draws: int = 0
    size: int = 0

    def __str__(self) -> str:
        verdict = "passed  " if self.passed else "REJECTED"
        return (
            f"{verdict} {self.label}, |S| = {self.size}: the wrong claim passed at"
            f" {self.passes} of {self.draws} random points ({self.max_rel_error:.3f}),"
            f" {'within' if self.passed else 'ABOVE'} the bound ν/|S| = 2/{self.size}"
            f" = {self.tolerance:.2g}"
        )


def check_schwartz_zippel(seed=0, bound=1, draws=400, claim=lambda X, A: A):
    """How often the wrong claim ∂ tr(AX)/∂X = A passes at random points of S = {−bound..bound}.

    The right gradient is Aᵀ. With X, A and the direction U (2, 2) uniform in S, the claim
    passes when ⟨A − Aᵀ, U⟩ = (A_12 − A_21)(U_12 − U_21) = 0: a polynomial of degree ν = 2, so
    the probability is at most 2/|S| (Schwartz–Zippel); for |S| = 3 it is exactly 5/9.
    """
    rng = np.random.default_rng(seed)
    passes = 0
    for _ in range(draws):
        X, A, U = (rng.integers(-bound, bound, (2, 2), endpoint=True).astype(object) for _ in "XAU")
        passes += bool(check_gradient_exactly(lambda X, A: np.trace(A @ X), claim,
                                              {"X": X, "A": A}, "X", U, label=""))  # fmt: skip
    size = 2 * bound + 1
    rate, limit = passes / draws, 2 / size
    # the observed rate may exceed the bound by sampling noise: allow 3 standard deviations
    noise = 3 * np.sqrt(limit * (1 - limit) / draws) if limit < 1 else 0.0
    label = "∂ tr(AX)/∂X = A (wrong: it is Aᵀ)"
    return BoundResult(bool(rate <= limit + noise), rate, limit, "exact", label, passes, draws,
                       size)  # fmt: skip


# --8<-- [end:check_schwartz_zippel]


# --8<-- [start:check_agreement_condition]
def _off_diagonal_pairs(A, U):
    """Σ_{i<j} (A_ij − A_ji)(U_ij − U_ji): where the claim A for ∂ tr(AX)/∂X agrees, at any size."""
    k = A.shape[0]
    return sum((A[i, j] - A[j, i]) * (U[i, j] - U[j, i]) for i in range(k) for j in range(i + 1, k))


def _first_pair(A, U):
    """(A_12 − A_21)(U_12 − U_21), the condition for 2 × 2 matrices."""
    return (A[0, 1] - A[1, 0]) * (U[0, 1] - U[1, 0])


@dataclass(frozen=True)
class EqualAt(CheckResult):
    """Two integer formulas compared at random points: at how many they are equal."""

    equal: int = 0
    points: int = 0

    def __str__(self) -> str:
        verdict = "passed  " if self.passed else "REJECTED"
        return (
            f"{verdict} {self.label}: equal at {self.equal} of {self.points} points ({self.method})"
        )


def check_agreement_condition(size=2, condition=_first_pair, seed=0, points=50):
    """At `points` random integer points (A and U of shape size × size), the claim A and the
    gradient Aᵀ of tr(AX) differ along U by A : U − Aᵀ : U; compare it with `condition`."""
    rng = np.random.default_rng([seed, size])
    equal = 0
    for _ in range(points):
        A, U = (rng.integers(-10, 10, (size, size), endpoint=True) for _ in "AU")
        equal += int(np.sum(A * U) - np.sum(A.T * U)) == int(condition(A, U))
    name = {
        _first_pair: "(A_12 − A_21)(U_12 − U_21)",
        _off_diagonal_pairs: "Σ_{i<j} (A_ij − A_ji)(U_ij − U_ji)",
    }.get(condition, "condition")
    return EqualAt(equal == points, (points - equal) / points, 0.0,
                   "integers from −10 to 10, exact", f"{size} × {size}: A : U − Aᵀ : U = {name}",
                   equal, points)  # fmt: skip


# --8<-- [end:check_agreement_condition]


# --8<-- [start:check_exact]
def check_exact(seed=0, identities=PART_ONE, jacobians=JACOBIANS):
    """Every identity at a random integer point, with dual numbers: equal as fractions."""
    results = []
    for c in identities:
        f, grad, sample = on_free_variable(c)
        template = sample(np.random.default_rng(seed))
        results.append(at_random_point(
            lambda pt, rng, c=c, f=f, grad=grad: check_gradient_exactly(
                f, grad, pt, c.variable, random_direction(pt, c.variable, rng), label=c.id),
            template, seed))  # fmt: skip
    for c in jacobians:
        template = c.sample(np.random.default_rng(seed))
        results.append(at_random_point(
            lambda pt, rng, c=c: check_jacobian_exactly(
                c.F, c.jacobian, pt, c.variable, random_direction(pt, c.variable, rng), label=c.id),
            template, seed))  # fmt: skip
    return results


# --8<-- [end:check_exact]


# --8<-- [start:check_symbolic]
#: Largest size of every dimension in the symbolic proofs, by kind of identity.
LARGEST = {"polynomial": 3, "rational": 2}


def check_symbolic(identities=PART_ONE, jacobians=JACOBIANS, largest=LARGEST):
    """Every identity as an equality of rational functions, for every size up to `largest`."""
    results = []
    for c in identities:
        f, grad, sample = on_free_variable(c)
        results.append(check_gradient_symbolically(
            f, grad, sample(np.random.default_rng(0)), c.variable, largest=largest[c.exact],
            label=c.id))  # fmt: skip
    for c in jacobians:
        results.append(check_jacobian_symbolically(
            c.F, c.jacobian, c.sample(np.random.default_rng(0)), c.variable,
            largest=largest[c.exact], label=c.id))  # fmt: skip
    return results


# --8<-- [end:check_symbolic]


# --8<-- [start:degree_bound]
@dataclass(frozen=True)
class DegreeBound(CheckResult):
    """The Schwartz–Zippel bound from the degrees the symbolic check measured."""

    degree: int = 0
    points: int = 1

    def __str__(self) -> str:
        verdict = "passed  " if self.passed else "REJECTED"
        one = self.degree / SIZE_OF_S
        return (
            f"{verdict} largest degree measured {self.degree}, below {self.tolerance:.0f}:"
            f" a wrong formula of that degree agrees at one point with probability at most"
            f" {self.degree}/{SIZE_OF_S} = {one:.1e}, at {self.points} independent points"
            f" at most {one**self.points:.1e} ({self.method})"
        )


def degree_bound(results, below=25, points=5):
    """Passes if every symbolic result measured a degree below `below`; prints the bound."""
    top = max(r.degree for r in results)
    return DegreeBound(top < below, float(top), float(below),
                       f"{len(results)} identities, at the sizes of the symbolic check",
                       "degree", top, points)  # fmt: skip


# --8<-- [end:degree_bound]


# --8<-- [start:check_numerical]
def check_numerical(identities=PART_ONE, seed=0):
    """The numerical level of the same records: central differences, as on the other pages."""
    results = []
    for c in identities:
        f, grad, sample = on_free_variable(c)
        inputs = sample(np.random.default_rng(seed))

        def along(V, c=c, f=f, inputs=inputs):
            return f(**{**inputs, c.variable: V})

        results.append(check_gradient(along, grad(**inputs), inputs[c.variable], label=c.id))
    return results


# --8<-- [end:check_numerical]


# --8<-- [start:backward_passes]
def _linear_layer(W, X, b):
    return linear_forward(W, X, b)[0]


def _two_layer_net(W1, b1, W2, b2, X):
    return net_forward({"W1": W1, "b1": b1, "W2": W2, "b2": b2}, X)[0]


def _two_layer_net_backward(v, W1, b1, W2, b2, X):
    _, cache = net_forward({"W1": W1, "b1": b1, "W2": W2, "b2": b2}, X)
    return {k[1:]: g for k, g in net_backward(v, cache).items()}


def _three(names, grads):
    """The gradients a backward pass returns as a tuple, by input name."""
    return dict(zip(names, grads, strict=True))


def _draw(**shapes):
    return lambda rng: {k: rng.standard_normal(s) for k, s in shapes.items()}


BACKWARD_PASSES = [
    BackwardPass("matmul", lambda W, X: W @ X,
                 lambda v, W, X: dict(zip("WX", matmul_backward(v, W, X), strict=True)),
                 _draw(W=(3, 4), X=(4, 5)), exact=True, source="snippets/matmul.py"),
    BackwardPass("linear layer (D = WX + b1ᵀ)", _linear_layer,
                 lambda v, W, X, b: _three("WXb", linear_backward(v, (W, X))),
                 _draw(W=(3, 4), X=(4, 5), b=(3,)), exact=True, source="snippets/linear_layer.py"),
    BackwardPass("two-layer net", _two_layer_net, _two_layer_net_backward,
                 _draw(W1=(6, 4), b1=(6,), W2=(3, 6), b2=(3,), X=(4, 5)),
                 source="snippets/two_layer_net.py"),
]  # fmt: skip


# --8<-- [end:backward_passes]


# --8<-- [start:check_adjoint]
def check_adjoint(seed=0, passes=BACKWARD_PASSES):
    """The dot-product test of every backward pass: ⟨v, J u⟩ = ⟨Jᵀ v, u⟩ for random u, v."""
    return [adjoint_test(bp, seed) for bp in passes]


# --8<-- [end:check_adjoint]


# --8<-- [start:check_catalog]
def check_catalog_exact(seed=0, entries=None, matrix_entries=None):
    """check_exact on every catalogue entry with `exact` set (the registry, walked now)."""
    entries = exact_entries() if entries is None else entries
    matrix_entries = exact_matrix_entries() if matrix_entries is None else matrix_entries
    return check_exact(seed, identities=entries, jacobians=matrix_entries)


def check_catalog_symbolic(entries=None, matrix_entries=None, largest=LARGEST):
    """check_symbolic on every catalogue entry with `exact` set."""
    entries = exact_entries() if entries is None else entries
    matrix_entries = exact_matrix_entries() if matrix_entries is None else matrix_entries
    return check_symbolic(identities=entries, jacobians=matrix_entries, largest=largest)


# --8<-- [end:check_catalog]


# --8<-- [start:layer_passes]
def _away_from_zero(shape):
    """Entries of size at least 0.2: finite differences stay clear of ReLU's kink at 0."""
    return lambda rng: {"x": np.sign(z := rng.standard_normal(shape)) * (0.2 + np.abs(z))}


def _activation(name):
    f, f_backward = getattr(activations, name), getattr(activations, name + "_backward")
    source = "snippets/layers/activations.py"
    return BackwardPass(name, lambda x: f(x), lambda v, x: {"x": f_backward(v, x)},
                        _away_from_zero((4, 5)), source=source)  # fmt: skip


_MASK = attention.causal_mask(4)
_BLOCK = {k: tuple({"q": 4, "r": 3, "w": 5}[d] for d in dims)
          for k, dims in transformer_block.PARAMETER_SHAPES.items()}  # fmt: skip


def _block_forward(X, **params):
    return transformer_block.block_forward(params, X)[0]


def _block_backward(v, X, **params):
    _, cache = transformer_block.block_forward(params, X)
    return {k[1:]: g for k, g in transformer_block.block_backward(v, params, cache).items()}


LAYER_PASSES = [
    BackwardPass("linear, weights (out, in)", linear.linear_forward,
                 lambda v, X, W, b: _three("XWb", linear.linear_backward(v, X, W)),
                 _draw(X=(5, 4), W=(3, 4), b=(3,)), source="snippets/layers/linear.py"),
    BackwardPass("linear, weights (in, out)", linear.linear_rows_forward,
                 lambda v, X, W, b: _three("XWb", linear.linear_rows_backward(v, X, W)),
                 _draw(X=(5, 4), W=(4, 3), b=(3,)), source="snippets/layers/linear.py"),
    BackwardPass("linear, samples as columns", linear.linear_columns_forward,
                 lambda v, W, X, b: _three("XWb", linear.linear_columns_backward(v, W, X)),
                 _draw(W=(3, 4), X=(4, 5), b=(3,)), source="snippets/layers/linear.py"),
    *(_activation(name) for name in ("tanh", "sigmoid", "relu", "gelu")),
    BackwardPass("softmax", softmax.softmax,
                 lambda v, Z: {"Z": softmax.softmax_backward(v, softmax.softmax(Z))},
                 _draw(Z=(4, 5)), source="snippets/layers/softmax.py"),
    BackwardPass("cross-entropy", softmax.cross_entropy,
                 lambda v, Z, T: {"Z": v * softmax.cross_entropy_backward(Z, T)},
                 lambda rng: {"Z": rng.standard_normal((4, 5)), "T": np.eye(5)[[0, 3, 3, 1]]},
                 source="snippets/layers/softmax.py"),
    BackwardPass("embedding", embedding.embedding_forward,
                 lambda v, E, idx: {"E": embedding.embedding_backward(v, idx, E.shape[0])},
                 lambda rng: {"E": rng.standard_normal((6, 3)), "idx": np.array([0, 2, 2, 5, 0])},
                 source="snippets/layers/embedding.py"),
    BackwardPass("layer norm", normalization.layernorm_forward,
                 lambda v, X, gamma, beta: _three(
                     ("X", "gamma", "beta"), normalization.layernorm_backward(v, X, gamma)),
                 _draw(X=(4, 5), gamma=(5,), beta=(5,)), source="snippets/layers/normalization.py"),
    BackwardPass("batch norm", normalization.batchnorm_forward,
                 lambda v, X, gamma, beta: _three(
                     ("X", "gamma", "beta"), normalization.batchnorm_backward(v, X, gamma)),
                 _draw(X=(4, 5), gamma=(5,), beta=(5,)), source="snippets/layers/normalization.py"),
    BackwardPass("attention, causal mask",
                 lambda Q, K, V: attention.attention_forward(Q, K, V, _MASK),
                 lambda v, Q, K, V: _three("QKV", attention.attention_backward(v, Q, K, V, _MASK)),
                 _draw(Q=(4, 3), K=(4, 3), V=(4, 2)), source="snippets/layers/attention.py"),
    BackwardPass("convolution, stride 2, padding 1",
                 lambda X, W, b: convolution.conv2d_forward(X, W, b, stride=2, padding=1),
                 lambda v, X, W, b: _three("XWb", convolution.conv2d_backward(v, X, W, 2, 1)),
                 _draw(X=(2, 2, 5, 4), W=(3, 2, 3, 2), b=(3,)),
                 source="snippets/layers/convolution.py"),
    BackwardPass("transformer block", _block_forward, _block_backward,
                 lambda rng: {"X": rng.standard_normal((4, 4)),
                              **{k: rng.standard_normal(s) for k, s in _BLOCK.items()}},
                 source="snippets/layers/transformer_block.py"),
]  # fmt: skip


# --8<-- [end:layer_passes]


# --8<-- [start:levels_table]
def _cell(result) -> str:
    return "✓" if result else "**✗**"


def levels_table(seed=0, part_one=None, catalog=None):
    """A Markdown table: for each identity, which levels it passed (numbers from checks run now).

    degree: the largest total degree (numerator + denominator) of the two sides seen in the
    symbolic check, the ν of the Schwartz–Zippel bound ν/|S|.

    part_one, catalog: precomputed (exact, symbolic) result lists, else computed here.
    """
    part_one = part_one or (check_exact(seed), check_symbolic())
    catalog = catalog or (check_catalog_exact(seed), check_catalog_symbolic())
    records = [*PART_ONE, *JACOBIANS, *exact_entries(), *exact_matrix_entries()]
    exact = [*part_one[0], *catalog[0]]
    symbolic = [*part_one[1], *catalog[1]]
    rows = ["| identity | numerical | exact | symbolic: sizes (time) | degree | all sizes |",
            "| --- | --- | --- | --- | --- | --- |"]  # fmt: skip
    for record, e, s in zip(records, exact, symbolic, strict=True):
        numerical = _numerical(record, seed)
        # printed links are not rewritten by MkDocs: write the built URL, relative to /proofs/
        if hasattr(record, "family"):
            where = f"[derivation](../{page(record)[:-3]}/#{anchor(record)})"
        else:
            where = f"[derivation](../{record.page[:-3]}/)"
        rows.append(
            f"| {record.id} | {_cell(numerical)} | {_cell(e)} |"
            f" {_cell(s)} {s.method} ({s.seconds:.2f} s) | {s.degree} | {where} |"
        )
    return "\n".join(rows)


def _numerical(record, seed):
    if hasattr(record, "family"):  # a catalogue entry: the catalogue's own numerical check
        if hasattr(record, "jacobian"):
            return check_matrix_identity(record, seed)
        return all(check_identity(record, seed))
    if isinstance(record, JacobianClaim):
        inputs = record.sample(np.random.default_rng(seed))
        return check_jacobian(lambda V: record.F(**{**inputs, record.variable: V}),
                              record.jacobian(**inputs), inputs[record.variable])  # fmt: skip
    return all(check_numerical([record], seed))


def adjoint_table(results, passes) -> str:
    """A Markdown table of the adjoint tests: pass, forward derivative used, error."""
    rows = ["| backward pass | source | adjoint test | forward derivative by | error |",
            "| --- | --- | --- | --- | --- |"]  # fmt: skip
    for bp, r in zip(passes, results, strict=True):
        error = "none: exactly equal" if r.max_rel_error == 0.0 else f"{r.max_rel_error:.1e}"
        rows.append(f"| {bp.name} | `{bp.source}` | {_cell(r)} | {r.method} | {error} |")
    return "\n".join(rows)


# --8<-- [end:levels_table]
