"""One notation: the registry of letters (docs/_build/notation.py), its table, and the pages.

- a letter is registered once: a second meaning is a second row with the same TeX;
- the conventions page renders every registered letter in its table of letters;
- every letter in the formulas of a page that a section holds to the registry (the
  `<SECTION>_PAGES` lists) is registered, or borrowed from a section that has not
  registered its letters yet (`<SECTION>_BORROWED`).

Letters are read from the TeX of the pages' formulas: Latin letters and Greek letter
macros, after removing what is not a letter of the notation (operator names, text, \\mathbb{R},
the d of a differential, the F of the Frobenius norm).
"""

import html
import re
import sys
from collections import Counter

import pytest
from page_includes import DOCS, ROOT

sys.path.insert(0, str(ROOT / "docs" / "_build"))

import notation

GREEK = {
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta",
    "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon",
    "phi", "varphi", "varsigma", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi",
    "Pi", "Sigma", "Phi", "Psi", "Omega",
}  # fmt: skip
MATH = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$", re.DOTALL)
FENCE = re.compile(r"^([ \t]*)(```|~~~).*?^\1\2[ \t]*$", re.DOTALL | re.MULTILINE)
INLINE_CODE = re.compile(r"`[^`\n]+`")
NOT_LETTERS = [
    re.compile(r"\\(?:operatorname|mathrm|text|textbf|mathbb|begin|end)\{[^{}]*\}"),
    re.compile(r"\\(?:mathbf)\{1\}"),
    re.compile(r"(?:\\rVert|\\\||\\Vert)_F"),  # the F of ‖A‖_F
    re.compile(r"(?<![A-Za-z\\])d(?=\\[a-zA-Z]|[A-Za-z(])"),  # the d of dW, d\phi, d(A : B)
]
MACRO = re.compile(r"\\([A-Za-z]+)")
SCRIPT = re.compile(r"\\mathcal\{[A-Za-z]\}")


def letters_in_tex(tex: str) -> set[str]:
    """The letters of the notation in one formula, each as the registry writes it."""
    for pattern in NOT_LETTERS:
        tex = pattern.sub(" ", tex)
    found = set(SCRIPT.findall(tex))  # \mathcal{L} is a letter of its own, not L
    tex = SCRIPT.sub(" ", tex)
    found |= {f"\\{name}" for name in MACRO.findall(tex) if name in GREEK}
    found |= set(re.findall(r"[A-Za-z]", MACRO.sub(" ", tex)))
    return found


def letters_on_page(text: str) -> set[str]:
    """The letters in the formulas of a Markdown page (code blocks and inline code skipped)."""
    text = INLINE_CODE.sub(" ", FENCE.sub(" ", text))
    return set().union(*(letters_in_tex(a or b) for a, b in MATH.findall(text)))


def registered_twice(symbols) -> list[str]:
    return sorted(tex for tex, count in Counter(s.tex for s in symbols).items() if count > 1)


def unregistered(letters: set[str], symbols, borrowed: dict[str, str]) -> list[str]:
    """Letters neither registered nor borrowed from a section that is still empty."""
    known = {s.tex for s in symbols}
    pending = {letter for letter, section in borrowed.items() if not notation.SECTIONS.get(section)}
    return sorted(letters - known - pending)


def sections_pages() -> list[tuple[str, str]]:
    return [
        (name.removesuffix("_PAGES"), page)
        for name, pages in vars(notation).items()
        if name.endswith("_PAGES")
        for page in pages
    ]


def test_a_letter_is_registered_once():
    assert registered_twice(notation.SYMBOLS) == []


def test_a_second_meaning_is_refused():
    second = notation.Symbol("n", "number of samples", "layers/linear.md")
    assert registered_twice([*notation.SYMBOLS, second]) == ["n"]


def test_every_section_is_in_the_registry():
    # A list of symbols left out of SECTIONS would escape the tests above and the table.
    lists = {
        name
        for name, value in vars(notation).items()
        if name.isupper() and isinstance(value, list) and name != "SYMBOLS"
        if not name.endswith("_PAGES")
    }
    assert lists == set(notation.SECTIONS)
    assert all(isinstance(s, notation.Symbol) for s in notation.SYMBOLS)


def test_every_letter_is_in_the_conventions_table(built_site):
    page = (built_site / "conventions" / "index.html").read_text()
    start = page.index('id="every-letter-one-meaning"')
    table = page[start : page.index("</table>", start)]
    shown = [html.unescape(t) for t in re.findall(r'x-tex"[^>]*>(.*?)</annotation>', table)]
    assert shown == [s.tex for s in notation.SYMBOLS]


@pytest.mark.parametrize(("section", "page"), sections_pages(), ids=lambda v: str(v))
def test_page_uses_registered_letters_only(section, page):
    text = (DOCS / page).read_text()
    borrowed = getattr(notation, f"{section}_BORROWED", {})
    missing = unregistered(letters_on_page(text), notation.SYMBOLS, borrowed)
    assert missing == [], (
        f"{page} uses letters the registry does not hold: {missing}; register each in"
        f" {section} of docs/_build/notation.py, or use a registered letter"
    )


def test_borrowed_letters_are_not_also_registered_by_the_borrower():
    for name, borrowed in vars(notation).items():
        if name.endswith("_BORROWED"):
            own = {s.tex for s in notation.SECTIONS[name.removesuffix("_BORROWED")]}
            assert own.isdisjoint(borrowed), f"{name} borrows letters its own section registers"


def test_the_letter_reader_finds_letters_and_skips_the_rest():
    assert letters_in_tex(
        r"\frac{\partial\phi}{\partial W_{\lambda\theta}} = (G X^\top)_{\lambda\theta}"
    ) == {r"\phi", "W", r"\lambda", r"\theta", "G", "X"}
    assert letters_in_tex(r"d\phi = G : dD, \quad \operatorname{tr}(A) \in \mathbb{R}") == {
        r"\phi",
        "G",
        "D",
        "A",
    }
    assert letters_in_tex(r"\mathcal{L}^*(G) = G X^\top") == {r"\mathcal{L}", "G", "X"}
    assert letters_in_tex(r"\lVert A \rVert_F^2, \ \mathbf{1}_n, \ \text{for every } i") == {
        "A",
        "n",
        "i",
    }


def test_an_unregistered_letter_on_a_page_is_flagged():
    page = "Text $\\sigma(x)$ and `code $y$`.\n\n```python\ns = '$z$'\n```\n"
    assert letters_on_page(page) == {r"\sigma", "x"}
    assert unregistered(letters_on_page(page), notation.CORE, {}) == [r"\sigma", "x"]
