"""Whole snippet files shown on the route pages run alone: in an empty folder, numpy only.

Pages: kronecker.md, traces-and-layout.md, math-to-code.md, claims.md and proofs.md. A whole
file is a `--8<-- "snippets/….py"` line without a section. Files under snippets/figures/ and
snippets/checks/ are site machinery (the pages say so); snippets/exact/ and snippets/symbolic/
are another helper's to make standalone; the claims page's sections are tested in
test_claims.py.
"""

import re

from page_includes import DOCS, INCLUDE, ROOT
from standalone import run_alone

PAGES = ["kronecker.md", "traces-and-layout.md", "math-to-code.md", "claims.md", "proofs.md"]
ELSEWHERE = ("snippets/figures/", "snippets/checks/", "snippets/exact/", "snippets/symbolic/")


def whole_files_shown():
    files = set()
    for page in PAGES:
        for include in INCLUDE.finditer((DOCS / page).read_text()):
            name = include["file"]
            if include["section"] is None and not name.startswith(ELSEWHERE):
                files.add(name)
    return sorted(files)


def test_the_pages_show_the_expected_whole_files():
    shown = whole_files_shown()
    for name in ["snippets/kronecker.py", "snippets/traces.py", "snippets/two_layer_net.py"]:
        assert name in shown


def test_whole_files_shown_run_alone(tmp_path):
    blocks = [(name, (ROOT / name).read_text()) for name in whole_files_shown()]
    assert run_alone(blocks, tmp_path) == []


def test_whole_files_use_numpy_only():
    for name in whole_files_shown():
        imports = re.findall(r"^\s*(?:from|import) (\w+)", (ROOT / name).read_text(), re.M)
        assert set(imports) <= {"numpy", "__future__", "math", "typing"}, (name, imports)


def test_a_file_that_needs_the_project_fails_alone(tmp_path):
    """The runner has teeth: importing the project, or a name never defined, fails."""
    source = (ROOT / "snippets/traces.py").read_text()
    planted = ["from snippets.gradcheck import vec\n", "vec(None)\n"]
    failures = run_alone([(f"traces.py + {line!r}", source + line) for line in planted], tmp_path)
    assert len(failures) == 2
    assert "No module named" in failures[0]
    assert "NameError" in failures[1]
