"""The catalogue's copyable code (snippets/catalog/code/): what each entry shows stands alone.

Each entry's section, with the checker snippets/catalog/code/check.py, runs in a fresh namespace
with numpy only (the project is not importable there); its check line, as the page shows it,
passes; and the same line refuses the entry's gradient (or Jacobian) negated. The registry's
entries are the very functions of these files.
"""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from snippets.catalog.registry import FAMILIES, IDENTITIES, MATRIX_IDENTITIES, page

ROOT = Path(__file__).resolve().parent.parent
CODE = ROOT / "snippets" / "catalog" / "code"
ALL = [*IDENTITIES, *MATRIX_IDENTITIES]


def section(path: Path, name: str) -> str:
    text = path.read_text()
    match = re.search(rf"# --8<-- \[start:{name}\]\n(.*?)# --8<-- \[end:{name}\]", text, re.S)
    assert match, f"{path.name}: no section {name!r}"
    return match.group(1)


def check_line(entry) -> str:
    """The check line the entry's page shows under its code."""
    name = entry.id.split(".")[1]
    text = (ROOT / "docs" / page(entry)).read_text()
    fam = entry.family
    block = text.split(f'--8<-- "snippets/catalog/code/{fam}.py:{name}"', 1)[1]
    return next(line for line in block.splitlines() if line.startswith("print("))


def standalone_program(entry, mutate: str = "") -> str:
    """check.py, the tools of matrix_valued, the entry's section and its check line."""
    fam = entry.family
    parts = [(CODE / "check.py").read_text()]
    if fam == "matrix_valued":
        parts.append(section(CODE / f"{fam}.py", "helpers"))
    parts.append(section(CODE / f"{fam}.py", entry.id.split(".")[1]))
    parts.append(mutate)
    parts.append(check_line(entry))
    return "\n\n".join(parts)


def test_code_modules_import_numpy_only():
    for path in [CODE / "check.py", *(CODE / f"{m.__name__.split('.')[-1]}.py" for m in FAMILIES)]:
        tree = ast.parse(path.read_text())
        imported = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                imported.add(node.module.split(".")[0])
        assert imported == {"numpy"}, path.name


def test_registry_entries_are_the_copyable_functions():
    for entry in ALL:
        module = sys.modules[f"snippets.catalog.code.{entry.family}"]
        name = entry.id.split(".")[1]
        pairs = (
            [("F", entry.F), ("jacobian", entry.jacobian)]
            if entry.family == "matrix_valued"
            else [("f", entry.f), ("grad", entry.grad), ("numerator", entry.numerator)]
        )
        for prefix, function in pairs:
            assert function.__wrapped__ is getattr(module, f"{prefix}_{name}"), entry.id


NEGATE = """
_right = {grad}


def {grad}(*args, **kwargs):
    return -_right(*args, **kwargs)
"""

#: Runs every program of the folder in its own namespace; prints what was not refused.
DRIVER = """
import pathlib

for path in sorted(pathlib.Path(".").glob("*.right.py")):
    exec(compile(path.read_text(), str(path), "exec"), {"__name__": "entry"})
    wrong = path.with_name(path.name.replace(".right.", ".wrong."))
    try:
        exec(compile(wrong.read_text(), str(wrong), "exec"), {"__name__": "entry"})
    except AssertionError:
        continue
    print("NOT REFUSED", path.name)
"""

#: Its gradient is zero everywhere: its negative is the same gradient.
CONSTANT = "inverses.tr_XinvAX"


def test_every_entry_runs_alone_and_refuses_a_negated_gradient(tmp_path):
    # One subprocess for all entries, each program in its own namespace, run from an empty
    # folder with -I (no user site, no PYTHONPATH, no current folder on the path): as a reader
    # with numpy only would run it.
    for entry in ALL:
        name = entry.id.split(".")[1]
        grad = ("jacobian_" if entry.family == "matrix_valued" else "grad_") + name
        (tmp_path / f"{entry.id}.right.py").write_text(standalone_program(entry))
        negated = "" if entry.id == CONSTANT else NEGATE.format(grad=grad)
        wrong = standalone_program(entry, negated)
        if entry.id == CONSTANT:  # refuse an all-ones gradient instead
            wrong = standalone_program(
                entry,
                NEGATE.format(grad=grad).replace(
                    "-_right(*args, **kwargs)", "1 + _right(*args, **kwargs)"
                ),
            )
        (tmp_path / f"{entry.id}.wrong.py").write_text(wrong)
    (tmp_path / "driver.py").write_text(DRIVER)
    done = subprocess.run(
        [sys.executable, "-I", "driver.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "NOT REFUSED" not in done.stdout, done.stdout
    assert done.stdout.count("passed:") == len(ALL), done.stdout[-2000:]


@pytest.mark.parametrize("module", ["check.py"])
def test_checker_names_the_problem(module):
    namespace = {}
    exec((CODE / module).read_text(), namespace)
    import numpy as np

    X = np.ones((2, 3))
    with pytest.raises(ValueError, match="has shape"):
        namespace["gradcheck"](lambda X: X.sum(), lambda X: X.T, X=X)
