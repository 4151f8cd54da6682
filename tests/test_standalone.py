"""Every whole snippet file a page shows runs alone, as a reader who copies it runs it.

A whole file is an include line without a section, `--8<-- "snippets/x.py"`. Each is run
by itself in an empty folder where the project cannot be imported (tests/standalone.py),
and imports nothing but the standard library and numpy, plus SymPy or matplotlib where the
first lines of its docstring say it needs them. A file that needs a deep-learning framework
(PyTorch, JAX, TensorFlow) says so the same way and is run alone by tests/test_frameworks.py,
where that framework is installed.

The one exception is site machinery (the figures, the exact and symbolic checkers): files
that build on other files of the site and say so in the first lines of their docstring. The
page says so above the file (the build's hook writes the sentence, docs/_build/downloads.py),
and the page's own download carries the file with everything it imports
(tests/page_downloads/test_downloads.py runs those).
"""

import ast
import sys

import pytest
from page_includes import DOCS, INCLUDE, ROOT, markdown_pages
from standalone import run_all_alone

sys.path.insert(0, str(ROOT / "docs" / "_build"))

import downloads

# module: the word its docstring says
MAY_NEED = {"sympy": "sympy", "flint": "python-flint", "matplotlib": "matplotlib"}
#: Deep-learning frameworks a file may need, said the same way. Such a file is run alone by
#: tests/test_frameworks.py where its framework is installed, not here.
FRAMEWORKS = {"torch": "pytorch", "jax": "jax", "tensorflow": "tensorflow"}
MAY_NEED |= FRAMEWORKS
DOCSTRING_LINES = 3  # where a file says what it needs beyond numpy


def whole_files_shown() -> dict[str, list]:
    """{file: the pages that show it whole}."""
    shown: dict[str, list] = {}
    for page in markdown_pages():
        for m in INCLUDE.finditer(page.read_text()):
            if m["section"] is None and m["file"].endswith(".py"):
                shown.setdefault(m["file"], []).append(page)
    return dict(sorted(shown.items()))


SHOWN = whole_files_shown()
WHOLE_FILES = list(SHOWN)


def is_machinery(path: str) -> bool:
    docstring = ast.get_docstring(ast.parse((ROOT / path).read_text())) or ""
    first_lines = "\n".join(docstring.splitlines()[:DOCSTRING_LINES]).lower()
    return downloads.MACHINERY in first_lines


MACHINERY = [p for p in WHOLE_FILES if is_machinery(p)]
ALONE = [p for p in WHOLE_FILES if p not in MACHINERY]


def allowed_imports(source: str) -> set[str]:
    """numpy, the standard library, and what the docstring's first lines say it needs."""
    first_lines = "\n".join(
        (ast.get_docstring(ast.parse(source)) or "").splitlines()[:DOCSTRING_LINES]
    )
    said = {m for m, word in MAY_NEED.items() if word in first_lines.lower()}
    return {"numpy", *sys.stdlib_module_names, *said}


def top_level_imports(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add("." if node.level else node.module.split(".")[0])
    return names


def needs_a_framework(path: str) -> bool:
    return bool(top_level_imports((ROOT / path).read_text()) & set(FRAMEWORKS))


#: Run alone here: numpy (and what the docstring says) only; the framework files elsewhere.
RUN_HERE = [p for p in ALONE if not needs_a_framework(p)]


@pytest.fixture(scope="module")
def runs():
    """Each file copied alone under its own name (two files may share a name: one at a time)."""
    by_name: dict[str, list[str]] = {}
    for path in RUN_HERE:
        by_name.setdefault(path.rsplit("/", 1)[-1], []).append(path)
    out = {}
    while any(by_name.values()):
        batch = {name: paths.pop() for name, paths in by_name.items() if paths}
        ran = run_all_alone({name: (ROOT / path).read_text() for name, path in batch.items()})
        out |= {path: ran[name] for name, path in batch.items()}
    return out


def test_pages_show_whole_files():
    assert len(WHOLE_FILES) > 20, WHOLE_FILES


@pytest.mark.parametrize("path", ALONE)
def test_whole_file_imports_only_what_it_says(path):
    source = (ROOT / path).read_text()
    extra = top_level_imports(source) - allowed_imports(source)
    assert not extra, f"{path} imports {sorted(extra)}: numpy only, or say so in its docstring"


@pytest.mark.parametrize("path", RUN_HERE)
def test_whole_file_runs_alone(path, runs):
    run = runs[path]
    assert run.returncode == 0, f"{path} does not run alone:\n{run.stderr[-2000:]}"


@pytest.mark.parametrize("path", MACHINERY)
def test_machinery_is_said_on_the_page_and_carried_by_its_download(path):
    for page in SHOWN[path]:
        text, src_uri = page.read_text(), page.relative_to(DOCS).as_posix()
        code = downloads.page_code(text, src_uri)
        assert code is not None, f"{src_uri} shows {path} but runs no code to take away"
        assert path in {p for p, _ in code.modules.values()}, f"{src_uri}'s download lacks {path}"
        labelled = downloads.with_labels(text, ("a.py", "a.ipynb"), code).splitlines()
        include = next(i for i, line in enumerate(labelled) if line.strip() == f'--8<-- "{path}"')
        said = "\n".join(labelled[include - 6 : include])
        assert "is site machinery" in said, said
        assert "does not run alone" in said, said


def test_files_that_say_they_are_machinery_are_few():
    # 18: the autodiff page's training figure (snippets/figures/engine_training.py) joined.
    # 21: the Cookbook page (cookbook.py, cookbook_page.py) and the eigenvalue family's registry
    # module (eigenvalues.py). The Cookbook's part modules (snippets/catalog/cookbook_parts/,
    # one per stretch of its chapter 2 by design) hold records, not machinery to learn: they
    # are not counted. 22: the catalogue's family "hessians" added its registry module.
    counted = [path for path in MACHINERY if "/cookbook_parts/" not in path]
    assert len(counted) <= 22, counted


@pytest.mark.parametrize("source", ["import snippets\n", "from snippets.gradcheck import vec\n"])
def test_a_file_that_imports_the_project_fails_alone(source):
    run = run_all_alone({"copied.py": source})["copied.py"]
    assert run.returncode != 0
    assert "part of the project" in run.stderr


def test_a_file_that_imports_an_undeclared_package_is_found():
    source = '"""Numpy only."""\nimport sympy\nimport numpy as np\n'
    assert top_level_imports(source) - allowed_imports(source) == {"sympy"}
    declared = '"""Symbolic checks with sympy."""\nimport sympy\n'
    assert top_level_imports(declared) - allowed_imports(declared) == set()
