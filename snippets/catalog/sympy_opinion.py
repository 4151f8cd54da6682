"""A second opinion: SymPy's matrix-expression derivative, compared with the catalogue.

Site machinery: it reads the catalogue's registry and needs SymPy, so it does not run alone.

For every catalogue entry SymPy can write down, the function is spelled with `MatrixSymbol`s
whose sizes are symbols (p, r, s, t, n), so SymPy's answer to `f.diff(X)` is one formula for
every size. That formula is then evaluated (`lambdify`) at the entry's own random inputs, at
its distinct sizes and again with every size 2, and compared with the entry's gradient,
which the catalogue's tests check against finite differences. The verdicts are on SymPy:

- "agrees": SymPy's formula gives the entry's gradient at both size sets;
- "agrees, as a 4-index array": the same numbers, returned as an array of shape
  (rows of X, columns of X, 1, 1), because the function was a 1 × 1 matrix;
- "returns 0": SymPy answers the zero matrix where the derivative is not zero;
- "wrong": SymPy answers a formula whose values differ from the gradient;
- "unevaluated": SymPy returns `Derivative(...)` unevaluated, even after `.doit()`;
- "fails": SymPy raises an error while differentiating or evaluating.

A 1 × 1 product is spelled as SymPy users write it (`a.T*X*b`); where a scalar function is
applied to it (a square root, a square, a ratio), it is made a scalar with `Trace`. Gradients
within symmetric matrices (the structured family) have no SymPy spelling: a `MatrixSymbol`
has independent entries.
"""

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import sympy as sp
from sympy import (
    Abs,
    Determinant,
    HadamardProduct,
    Identity,
    Inverse,
    KroneckerProduct,
    MatrixSymbol,
    Rational,
    Trace,
    log,
    sqrt,
)

from snippets.catalog.cookbook import AGREE, relative_error
from snippets.catalog.registry import IDENTITIES, anchor, by_id, page

AGREES = "agrees"
AGREES_AS_ARRAY = "agrees, as a 4-index array"
RETURNS_ZERO = "returns 0"
WRONG = "wrong"
UNEVALUATED = "unevaluated"
FAILS = "fails"

#: The verdicts on SymPy, in the order the page counts them.
VERDICTS = (AGREES, AGREES_AS_ARRAY, RETURNS_ZERO, WRONG, UNEVALUATED, FAILS)

#: The size symbols: a spelling's shapes are strings of these letters ("pr": p × r; "p": p × 1).
SIZES = {name: sp.Symbol(name, integer=True, positive=True) for name in "prstn"}

#: The two size sets: each entry's own distinct sizes (None), then every size 2.
SIZE_SETS = (None, 2)


@dataclass(frozen=True)
class Spelling:
    """One catalogue entry written for SymPy.

    Attributes:
        id: the catalogue entry.
        shapes: {input name: shape letters}, as the entry's sampler names its inputs.
        f: f(**MatrixSymbols) -> the SymPy expression of the entry's function.
        note: how the spelling differs from the obvious one, if it does.
    """

    id: str
    shapes: dict[str, str]
    f: Callable[..., sp.Basic]
    note: str = ""


def _spell(id: str, note: str = "", **shapes: str):
    """Decorator-free shorthand: _spell("traces.AX", X="pr", A="rp")(lambda X, A: ...)."""
    return lambda f: Spelling(id, shapes, f, note)


T = Trace
H = HadamardProduct
inv = Inverse
det = Determinant

# --8<-- [start:spellings]
SPELLINGS: list[Spelling] = [
    # --- traces ---
    _spell("traces.X", X="nn")(lambda X: T(X)),
    _spell("traces.AX", X="pr", A="rp")(lambda X, A: T(A * X)),
    _spell("traces.XA", X="pr", A="rp")(lambda X, A: T(X * A)),
    _spell("traces.XtA", X="pr", A="pr")(lambda X, A: T(X.T * A)),
    _spell("traces.AXt", X="pr", A="pr")(lambda X, A: T(A * X.T)),
    _spell("traces.AXB", X="pr", A="sp", B="rs")(lambda X, A, B: T(A * X * B)),
    _spell("traces.AXtB", X="pr", A="sr", B="ps")(lambda X, A, B: T(A * X.T * B)),
    _spell("traces.XtX", X="pr")(lambda X: T(X.T * X)),
    _spell("traces.XtAX", X="pr", A="pp")(lambda X, A: T(X.T * A * X)),
    _spell("traces.XtAX_sym", X="pr", A="pp")(lambda X, A: T(X.T * A * X)),
    _spell("traces.XAXt", X="pr", A="rr")(lambda X, A: T(X * A * X.T)),
    _spell("traces.XtBXC", X="pr", B="pp", C="rr")(lambda X, B, C: T(X.T * B * X * C)),
    _spell("traces.AXBX", X="pr", A="rp", B="rp")(lambda X, A, B: T(A * X * B * X)),
    _spell("traces.AXBXtC", X="pr", A="sp", B="rr", C="ps")(
        lambda X, A, B, C: T(A * X * B * X.T * C)
    ),
    _spell("traces.X2", X="nn")(lambda X: T(X**2)),
    _spell("traces.X3", X="nn")(lambda X: T(X**3)),
    _spell("traces.AX2", X="nn", A="nn")(lambda X, A: T(A * X**2)),
    _spell("traces.XkronA", X="nn", A="rr")(lambda X, A: T(KroneckerProduct(X, A))),
    _spell("traces.hadamard", X="pr", A="pr", B="rp")(lambda X, A, B: T(H(A, X) * B)),
    _spell("traces.A_XoX", X="pr", A="rp")(lambda X, A: T(A * H(X, X))),
    # --- norms ---
    _spell("norms.fro2", X="pr")(lambda X: T(X.T * X)),
    _spell("norms.fro", X="pr")(lambda X: sqrt(T(X.T * X))),
    _spell("norms.X_minus_A", X="pr", A="pr")(lambda X, A: T((X - A).T * (X - A))),
    _spell("norms.AX_minus_B", X="pr", A="sp", B="sr")(
        lambda X, A, B: T((A * X - B).T * (A * X - B))
    ),
    _spell("norms.XA_minus_B", X="pr", A="rs", B="ps")(
        lambda X, A, B: T((X * A - B).T * (X * A - B))
    ),
    _spell("norms.XA", X="pr", A="rs")(lambda X, A: T((X * A).T * (X * A))),
    _spell("norms.AXB_minus_C", X="pr", A="sp", B="rt", C="st")(
        lambda X, A, B, C: T((A * X * B - C).T * (A * X * B - C))
    ),
    _spell("norms.AoX", X="pr", A="pr")(lambda X, A: T(H(A, X).T * H(A, X))),
    _spell("norms.XtX", X="pr")(lambda X: T((X.T * X).T * (X.T * X))),
    _spell("norms.XXt_minus_A", X="pr", A="pp")(lambda X, A: T((X * X.T - A).T * (X * X.T - A))),
    _spell("norms.x", x="p")(lambda x: sqrt(T(x.T * x))),
    _spell("norms.x_minus_a", x="p", a="p")(lambda x, a: sqrt(T((x - a).T * (x - a)))),
    _spell("norms.Ax_minus_b", x="p", A="sp", b="s")(lambda x, A, b: (A * x - b).T * (A * x - b)),
    _spell("norms.Ax_minus_b_norm", x="p", A="sp", b="s")(
        lambda x, A, b: sqrt(T((A * x - b).T * (A * x - b)))
    ),
    _spell("norms.Ax_minus_b_W", x="p", A="sp", b="s", W="ss")(
        lambda x, A, b, W: (A * x - b).T * W * (A * x - b)
    ),
    # --- forms ---
    _spell("forms.ax", x="p", a="p")(lambda x, a: a.T * x),
    _spell("forms.xa", x="p", a="p")(lambda x, a: x.T * a),
    _spell("forms.xx", x="p")(lambda x: x.T * x),
    _spell("forms.aAx", x="p", a="s", A="sp")(lambda x, a, A: a.T * A * x),
    _spell("forms.xAb", x="p", A="ps", b="s")(lambda x, A, b: x.T * A * b),
    _spell("forms.xAx", x="p", A="pp")(lambda x, A: x.T * A * x),
    _spell("forms.xAx_sym", x="p", A="pp")(lambda x, A: x.T * A * x),
    _spell("forms.quadratic", x="p", A="pp", b="p")(
        lambda x, A, b: Rational(1, 2) * x.T * A * x - b.T * x
    ),
    _spell("forms.affine", x="p", A="sp", b="s", C="st", B="tp", e="t")(
        lambda x, A, b, C, B, e: (A * x + b).T * C * (B * x + e)
    ),
    _spell("forms.axxb", x="p", a="p", b="p")(lambda x, a, b: a.T * x * x.T * b),
    _spell("forms.a_xox", x="p", a="p")(lambda x, a: a.T * H(x, x)),
    _spell("forms.xAx_squared", x="p", A="pp")(lambda x, A: T(x.T * A * x) ** 2),
    _spell("forms.rayleigh", x="p", A="pp")(lambda x, A: T(x.T * A * x) / T(x.T * x)),
    _spell("forms.aXb", X="pr", a="p", b="r")(lambda X, a, b: a.T * X * b),
    _spell("forms.aXb", "spelled as the entry (0, 0) of the 1 × 1 product", X="pr", a="p", b="r")(
        lambda X, a, b: (a.T * X * b)[0, 0]
    ),
    _spell("forms.aXtb", X="pr", a="r", b="p")(lambda X, a, b: a.T * X.T * b),
    _spell("forms.aXa", X="nn", a="n")(lambda X, a: a.T * X * a),
    _spell("forms.aXtXb", X="pr", a="r", b="r")(lambda X, a, b: a.T * X.T * X * b),
    _spell("forms.aXXtb", X="pr", a="p", b="p")(lambda X, a, b: a.T * X * X.T * b),
    _spell("forms.bXtCXc", X="pr", b="r", c="r", C="pp")(lambda X, b, c, C: b.T * X.T * C * X * c),
    _spell("forms.aXBXtc", X="pr", a="p", c="p", B="rr")(lambda X, a, c, B: a.T * X * B * X.T * c),
    # --- determinants ---
    _spell("determinants.det", X="nn")(lambda X: det(X)),
    _spell("determinants.det_AXB", X="pr", A="sp", B="rs")(lambda X, A, B: det(A * X * B)),
    _spell("determinants.det_XtX", X="pr")(lambda X: det(X.T * X)),
    _spell("determinants.det_XXt", X="pr")(lambda X: det(X * X.T)),
    _spell("determinants.logabsdet", X="nn")(lambda X: log(Abs(det(X)))),
    _spell("determinants.logabsdet", "spelled log det X (the same derivative)", X="nn")(
        lambda X: log(det(X))
    ),
    _spell("determinants.logdet_XtX", X="pr")(lambda X: log(det(X.T * X))),
    _spell("determinants.logabsdet_AXB", X="pr", A="sp", B="rs")(
        lambda X, A, B: log(Abs(det(A * X * B)))
    ),
    _spell("determinants.det_X2", X="nn")(lambda X: det(X**2)),
    _spell("determinants.det_Xk", X="nn")(lambda X: det(X**3)),
    _spell("determinants.det_inv", X="nn")(lambda X: det(inv(X))),
    _spell("determinants.det_XtAX", X="pr", A="pp")(lambda X, A: det(X.T * A * X)),
    _spell("determinants.det_XAXt", X="pr", A="rr")(lambda X, A: det(X * A * X.T)),
    _spell("determinants.det_A_xxt", x="n", A="nn")(lambda x, A: det(A + x * x.T)),
    _spell("determinants.logdet_I_XXt", X="pr")(lambda X: log(det(Identity(SIZES["p"]) + X * X.T))),
    # --- inverses ---
    _spell("inverses.aXinvb", X="nn", a="n", b="n")(lambda X, a, b: a.T * inv(X) * b),
    _spell("inverses.aXinvtb", X="nn", a="n", b="n")(lambda X, a, b: a.T * inv(X).T * b),
    _spell("inverses.xXinvx", X="nn", x="n")(lambda X, x: x.T * inv(X) * x),
    _spell("inverses.xAinvx", x="n", A="nn")(lambda x, A: x.T * inv(A) * x),
    _spell("inverses.tr_AXinvB", X="nn", A="sn", B="ns")(lambda X, A, B: T(A * inv(X) * B)),
    _spell("inverses.tr_Xinv", X="nn")(lambda X: T(inv(X))),
    _spell("inverses.tr_XplusA_inv", X="nn", A="nn")(lambda X, A: T(inv(X + A))),
    _spell("inverses.fro_Xinv", X="nn")(lambda X: T(inv(X).T * inv(X))),
    _spell("inverses.tr_XinvtA", X="nn", A="nn")(lambda X, A: T(inv(X).T * A)),
    _spell("inverses.tr_XinvAXinvB", X="nn", A="nn", B="nn")(
        lambda X, A, B: T(inv(X) * A * inv(X) * B)
    ),
    _spell("inverses.b_XtXinv_b", X="pr", b="r")(lambda X, b: b.T * inv(X.T * X) * b),
    _spell("inverses.tr_XtXinv", X="pr")(lambda X: T(inv(X.T * X))),
    _spell("inverses.tr_XinvAX", X="nn", A="nn")(lambda X, A: T(inv(X) * A * X)),
]
# --8<-- [end:spellings]


@dataclass(frozen=True)
class Opinion:
    """SymPy's answer for one spelling, and the verdict on it.

    Attributes:
        spelling: what was asked.
        expression: the function as SymPy prints it.
        answer: SymPy's derivative as it prints it (or the error it raised).
        verdict: one of VERDICTS.
        errors: the relative error of SymPy's values at each size set (empty if none).
    """

    spelling: Spelling
    expression: str
    answer: str
    verdict: str
    errors: tuple[float, ...] = ()


def _symbols(spelling: Spelling) -> dict[str, MatrixSymbol]:
    symbols = {}
    for name, letters in spelling.shapes.items():
        rows, cols = (letters + "1")[:2] if len(letters) == 1 else letters
        size = lambda c: 1 if c == "1" else SIZES[c]  # noqa: E731
        symbols[name] = MatrixSymbol(name, size(rows), size(cols))
    return symbols


def _numbers(spelling: Spelling, inputs: dict[str, np.ndarray]):
    """The inputs as columns and matrices, and the value of each size letter they imply."""
    values, sizes = {}, {}
    for name, letters in spelling.shapes.items():
        array = np.asarray(inputs[name], dtype=float)
        values[name] = array.reshape(-1, 1) if array.ndim == 1 else array
        for letter, size in zip(letters, array.shape, strict=True):
            if sizes.setdefault(letter, size) != size:
                raise ValueError(f"{spelling.id}: size {letter} is {sizes[letter]} and {size}")
    return values, sizes


def _evaluate(answer, symbols, values, sizes) -> np.ndarray:
    """SymPy's answer at numbers: through `lambdify`, or, for what numpy's printer cannot
    write (Identity of a symbolic size, a Trace times a matrix, a Hadamard power), by
    substituting explicit matrices and sizes and letting SymPy compute."""
    names, letters = list(symbols), sorted(sizes)
    try:
        function = sp.lambdify(
            [*(symbols[n] for n in names), *(SIZES[c] for c in letters)], answer, modules="numpy"
        )
        return np.asarray(
            function(*(values[n] for n in names), *(sizes[c] for c in letters)), dtype=float
        )
    except Exception:  # the numpy printer's limits, not SymPy's derivative: compute it exactly
        explicit = answer.subs({SIZES[c]: sizes[c] for c in letters})
        explicit = explicit.subs(
            {sp.MatrixSymbol(n, *values[n].shape): sp.ImmutableMatrix(values[n]) for n in names}
        )
        explicit = (
            explicit.as_explicit() if isinstance(explicit, sp.MatrixExpr) else explicit.doit()
        )
        if isinstance(explicit, sp.MatrixBase | sp.NDimArray):
            return np.array(explicit.tolist(), dtype=float)
        return np.asarray(float(explicit))


def opinion(spelling: Spelling, seed: int = 0) -> Opinion:
    """Ask SymPy for the derivative of one spelling and judge its answer."""
    symbols = _symbols(spelling)
    variable = symbols[by_id(spelling.id).variable]
    try:
        expression = spelling.f(**symbols)
        answer = expression.diff(variable)
        if answer.has(sp.Derivative):
            answer = answer.doit()
    except Exception as error:  # SymPy's own failure is the finding
        return Opinion(spelling, "", f"{type(error).__name__}: {error}", FAILS)
    return judge_answer(spelling, answer, seed, expression=sp.sstr(expression))


def judge_answer(spelling: Spelling, answer, seed: int = 0, expression: str = "") -> Opinion:
    """The verdict on a SymPy answer (a matrix expression in the spelling's symbols) for the
    derivative of the spelling's function: its values against the entry's gradient."""
    entry = by_id(spelling.id)
    symbols = _symbols(spelling)
    text = sp.sstr(answer)
    if answer.has(sp.Derivative):
        return Opinion(spelling, expression, text, UNEVALUATED)
    errors, as_array, zero = [], False, True
    for square in SIZE_SETS:
        rng = np.random.default_rng([seed, 0 if square is None else square])
        inputs = entry.sample(rng, square=square)
        values, sizes = _numbers(spelling, inputs)
        true = np.asarray(entry.grad(**inputs), dtype=float).reshape(values[entry.variable].shape)
        try:
            value = _evaluate(answer, symbols, values, sizes)
        except Exception as error:
            return Opinion(spelling, expression, f"{text}  ({type(error).__name__})", FAILS)
        if value.shape == (*true.shape, 1, 1):
            value, as_array = value.reshape(true.shape), True
        elif value.shape == () and not value:
            value = np.zeros_like(true)  # a scalar 0 stands for the zero matrix
        zero = zero and not np.any(value)
        errors.append(relative_error(value, true))
    if max(errors) <= AGREE:
        verdict = AGREES_AS_ARRAY if as_array else AGREES
    else:
        verdict = RETURNS_ZERO if zero else WRONG
    return Opinion(spelling, expression, text, verdict, tuple(errors))


def opinions(seed: int = 0) -> list[Opinion]:
    """SymPy's opinion on every spelling, in catalogue order.

    SymPy's deprecation warnings from inside its own derivative code are silenced: they
    concern its internals, not the spellings.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", sp.utilities.exceptions.SymPyDeprecationWarning)
        return [opinion(spelling, seed) for spelling in SPELLINGS]


def counts(found: list[Opinion]) -> dict[str, int]:
    """{verdict: how many spellings got it}, in the order of VERDICTS."""
    return {verdict: sum(o.verdict == verdict for o in found) for verdict in VERDICTS}


#: What SymPy 1.14.0 (the version pyproject.toml pins) answers where it does not simply agree,
#: by (entry id, spelling note). Every other spelling agrees. The page and the test recompute
#: each verdict and fail if one changes: a SymPy that starts to agree, or stops, is news.
RECORDED = {
    ("traces.XkronA", ""): FAILS,
    ("norms.fro", ""): FAILS,
    ("norms.XtX", ""): FAILS,
    ("norms.x", ""): FAILS,
    ("norms.x_minus_a", ""): FAILS,
    ("norms.Ax_minus_b_norm", ""): FAILS,
    ("forms.a_xox", ""): FAILS,
    ("forms.rayleigh", ""): WRONG,
    ("forms.aXb", ""): AGREES_AS_ARRAY,
    ("forms.aXb", "spelled as the entry (0, 0) of the 1 × 1 product"): RETURNS_ZERO,
    ("forms.aXtb", ""): AGREES_AS_ARRAY,
    ("forms.aXtXb", ""): AGREES_AS_ARRAY,
    ("forms.aXXtb", ""): AGREES_AS_ARRAY,
    ("forms.bXtCXc", ""): AGREES_AS_ARRAY,
    ("forms.aXBXtc", ""): AGREES_AS_ARRAY,
    ("inverses.b_XtXinv_b", ""): AGREES_AS_ARRAY,
    ("determinants.det", ""): UNEVALUATED,
    ("determinants.det_AXB", ""): UNEVALUATED,
    ("determinants.det_XtX", ""): UNEVALUATED,
    ("determinants.det_XXt", ""): UNEVALUATED,
    ("determinants.det_X2", ""): UNEVALUATED,
    ("determinants.det_Xk", ""): UNEVALUATED,
    ("determinants.det_XtAX", ""): UNEVALUATED,
    ("determinants.det_XAXt", ""): UNEVALUATED,
    ("determinants.det_A_xxt", ""): UNEVALUATED,
    ("determinants.logabsdet", ""): RETURNS_ZERO,
    ("determinants.logabsdet", "spelled log det X (the same derivative)"): RETURNS_ZERO,
    ("determinants.logdet_XtX", ""): RETURNS_ZERO,
    ("determinants.logabsdet_AXB", ""): RETURNS_ZERO,
    ("determinants.det_inv", ""): RETURNS_ZERO,
    ("determinants.logdet_I_XXt", ""): RETURNS_ZERO,
}


def recorded(spelling: Spelling) -> str:
    """The verdict recorded for a spelling (AGREES unless RECORDED says otherwise)."""
    return RECORDED.get((spelling.id, spelling.note), AGREES)


def changed(found: list[Opinion]) -> list[str]:
    """The spellings whose verdict is not the recorded one, described; empty when none."""
    return [
        f"{o.spelling.id} {o.spelling.note}: recorded {recorded(o.spelling)!r}, now {o.verdict!r}"
        for o in found
        if o.verdict != recorded(o.spelling)
    ]


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _link(id: str) -> str:
    """A link from the published page (URL catalog/published/) to the entry's derivation:
    markdown-exec's output is not rewritten by MkDocs, so it is a built URL, not a .md path."""
    entry = by_id(id)
    target = page(entry).removeprefix("catalog/").removesuffix(".md")
    return f"[{id}](../{target}/#{anchor(entry)})"


def report(found: list[Opinion]) -> str:
    """The page's Markdown: the counts, a table of every answer that is not a plain
    agreement, and the entries where SymPy agrees. Raises if a verdict changed."""
    problems = changed(found)
    if problems:
        raise AssertionError("SymPy's verdicts changed:\n" + "\n".join(problems))
    tally = ", ".join(f"{verdict}: **{n}**" for verdict, n in counts(found).items())
    lines = [
        f"{len(found)} spellings of {len({o.spelling.id for o in found})} entries. {tally}.",
        "",
        "| Entry | SymPy's verdict | SymPy's answer |",
        "| --- | --- | --- |",
    ]
    for o in found:
        if o.verdict == AGREES:
            continue
        entry = _link(o.spelling.id) + (f", {o.spelling.note}" if o.spelling.note else "")
        error = f" (error {max(o.errors):.2g})" if o.verdict in (WRONG, RETURNS_ZERO) else ""
        answer = _short(o.answer).replace("|", "\\|")
        lines.append(f"| {entry} | {o.verdict}{error} | `{answer}` |")
    agreeing = ", ".join(_link(o.spelling.id) for o in found if o.verdict == AGREES)
    lines += ["", f"**SymPy agrees at both size sets:** {agreeing}."]
    spelled = {o.spelling.id for o in found}
    unspelled = [e.id for e in IDENTITIES if e.id not in spelled]
    if unspelled:
        lines += ["", "**Not spelled for SymPy:** " + ", ".join(map(_link, unspelled)) + "."]
    return "\n".join(lines)
