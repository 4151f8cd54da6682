"""The pages and the snippets stay in step: what a page shows exists, and nothing goes unshown.

- every file a page includes exists (pymdownx.snippets also checks this at build time);
- every snippet file is included by at least one page;
- every check function in snippets/checks/ is both included and called on a page, so no
  check exists only in the test suite.
"""

import ast
import functools
import re
import sys
from pathlib import Path

import pytest
from page_includes import INCLUDE, ROOT, markdown_pages, section_text

SNIPPETS = ROOT / "snippets"


# Read once per session: the tests only read them, and some ask for every include once per
# check function.
@functools.cache
def pages() -> dict[Path, str]:
    return {p: p.read_text() for p in markdown_pages()}


@functools.cache
def includes() -> list[tuple[Path, str, str | None]]:
    return [
        (page, m.group(1), m.group(2))
        for page, text in pages().items()
        for m in INCLUDE.finditer(text)
    ]


def snippet_files() -> list[Path]:
    return sorted(p for p in SNIPPETS.rglob("*.py") if p.name != "__init__.py")


def check_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    return [
        n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("check_")
    ]


def include_problems(target: str, section: str | None) -> list[str]:
    """What is wrong with one include: a missing file, or a section it does not mark."""
    path = ROOT / target
    if not path.is_file():
        return [f"{target}, which does not exist"]
    text = path.read_text() if section else ""
    return [
        f"{target}, which {problem} section {section!r}"
        for marker, problem in (("start", "has no"), ("end", "does not end"))
        if section and f"# --8<-- [{marker}:{section}]" not in text
    ]


@pytest.mark.parametrize("page", markdown_pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_included_files_and_sections_exist(page):
    found = [m.groups() for m in INCLUDE.finditer(page.read_text())]
    wrong = [p for target, section in found for p in include_problems(target, section)]
    assert not wrong, f"{page.name} includes " + "; ".join(wrong)


@pytest.mark.parametrize("path", snippet_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_snippet_is_shown_on_a_page(path):
    rel = str(path.relative_to(ROOT))
    pages_showing = [page.name for page, target, _ in includes() if target == rel]
    # The gradient checker is shown on its reference page through mkdocstrings.
    shown_by_api = any(f"::: {rel[:-3].replace('/', '.')}" in t for t in pages().values())
    assert pages_showing or shown_by_api, f"{rel} is included by no page"


@pytest.mark.parametrize(
    "path",
    sorted((SNIPPETS / "checks").rglob("*.py")),
    ids=lambda p: str(p.relative_to(SNIPPETS / "checks")),
)
def test_every_check_runs_on_a_page(path):
    rel = str(path.relative_to(ROOT))
    all_text = "\n".join(pages().values())
    sections = [section for _, target, section in includes() if target == rel]
    shown_text = [None if s is None else section_text(path, s) for s in sections]
    for name in check_functions(path):
        section_shown = any(text is None or f"def {name}(" in text for text in shown_text)
        assert section_shown, f"{rel}: {name} is not shown on any page"
        assert re.search(rf"\b{name}\(", all_text), f"{rel}: {name} is never called on a page"


def test_no_include_line_is_malformed():
    # A formatter once rewrote `--8<-- "x"` as `--8 < --"x"`: the build then ran the line as code.
    for page, text in pages().items():
        for line in text.splitlines():
            if line.lstrip().startswith("--8"):
                assert INCLUDE.match(line.strip()), f"{page.name}: malformed include {line!r}"


def test_every_page_with_checks_executes_code():
    for page, text in pages().items():
        if "snippets/checks/" in text:
            assert 'exec="on"' in text, f"{page.name} includes checks but executes nothing"


STAND_ALONE = {SNIPPETS: (), SNIPPETS / "layers": ("snippets.layers",)}


@pytest.mark.parametrize(
    "path", [p for p in snippet_files() if p.parent in STAND_ALONE], ids=lambda p: p.name
)
def test_formula_snippets_stand_alone(path):
    """What readers copy imports numpy and the standard library, nothing of this project.

    A layer may build on other layers (a transformer block uses attention and layer norm), so
    files in snippets/layers/ may also import from snippets.layers. (The modules in
    snippets/checks/ run the site's checks and import the checker.)
    """
    allowed = {"numpy", *sys.stdlib_module_names}
    siblings = STAND_ALONE[path.parent]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            modules = [node.module or ""] if node.level == 0 else ["(relative)"]
        else:
            continue
        for module in modules:
            ok = module.split(".")[0] in allowed or any(module.startswith(s) for s in siblings)
            assert ok, f"{path.name} imports {module}: snippets must stand alone"
