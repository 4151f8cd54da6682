"""TeX becomes MathML at build time, and a formula that would render wrong fails the build.

latex2mathml converts `\\frac{a` or `\\foo` without complaint; docs/_build/mathml.py must turn
each such formula into a warning naming the page and the formula (a strict build then fails).
"""

import logging
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "_build"))

from mathml import MathMLExtension  # noqa: E402 - the build's own extension, found on the path above

PLANTED = {
    "unbalanced brace": (r"$\frac{\partial \phi}{\partial W$", "unbalanced braces"),
    "fraction with one part": (r"$\frac{a$", "<mfrac> with 1 parts"),
    "unknown macro": (r"$\gradient \phi$", r"unknown TeX macro \gradient"),
    "gathered": ("$$\n\\begin{gathered} a &= b \\end{gathered}\n$$", "'&' outside an environment"),
    "unclosed environment": ("$$\n\\begin{pmatrix} a & b\n$$", "cannot convert formula"),
}


def to_html(text: str) -> str:
    extension = MathMLExtension()
    extension.page = "planted.md"
    md = markdown.Markdown(
        extensions=["pymdownx.arithmatex", extension],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )
    return md.convert(text)


def test_good_formulas_become_mathml_with_their_tex_kept(caplog):
    caplog.set_level(logging.WARNING)
    html = to_html("Inline $dW = G X^\\top$ and\n\n$$\n\\frac{\\partial \\phi}{\\partial W}\n$$\n")
    assert html.count("<math ") == 2
    # Each formula's TeX is also its accessible text (alttext).
    assert (
        '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"'
        ' alttext="\\frac{\\partial \\phi}{\\partial W}">' in html
    )
    assert 'display="inline" alttext="dW = G X^\\top">' in html
    assert (
        '<annotation encoding="application/x-tex" data-search-exclude>dW = G X^\\top</annotation>'
        in html
    )
    assert "\\(" not in html
    assert "\\[" not in html
    assert caplog.records == []


def test_aligned_steps_become_a_table_with_one_row_per_relation(caplog):
    caplog.set_level(logging.WARNING)
    html = to_html("$$\n\\begin{aligned} a &= b \\\\ &= c \\end{aligned}\n$$\n")
    assert html.count("<mtr") == 2
    assert "<mi>&amp;</mi>" not in html
    assert "\\begin{aligned}" in html  # the annotation keeps the TeX as written
    assert caplog.records == []


@pytest.mark.parametrize(("formula", "message"), PLANTED.values(), ids=PLANTED.keys())
def test_planted_mistake_is_reported_with_page_and_formula(formula, message, caplog):
    caplog.set_level(logging.WARNING)
    to_html(f"Text.\n\n{formula}\n\nText.\n")
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings, f"no warning for {formula!r}"
    assert all(w.startswith("planted.md: ") for w in warnings), warnings
    assert any(message in w for w in warnings), warnings


def test_strict_build_fails_on_a_planted_typo(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "# Typo\n\nThe gradient $\\frac{\\partial \\phi}{\\partial W$.\n"
    )
    (docs / "macro.md").write_text("# Macro\n\n$$\n\\gradient_W \\phi\n$$\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        f"hooks: [{ROOT / 'docs' / '_build' / 'hooks.py'}]\n"
        "watch: []\n"
        "nav: [index.md, macro.md]\n"
    )
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            config,
            "-d",
            tmp_path / "site",
        ],
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
        check=False,
    )
    assert build.returncode != 0
    assert "index.md: unbalanced braces" in build.stderr
    assert "\\\\frac{\\\\partial" in build.stderr  # the formula, as repr() shows it
    assert "macro.md: unknown TeX macro \\gradient" in build.stderr
