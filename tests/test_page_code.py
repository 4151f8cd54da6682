"""How the build labels a page's code and gathers it for the downloads (docs/_build/downloads.py).

Cheap checks on the Markdown, no build: tests/page_downloads/ builds the site and runs the
downloads themselves.
"""

import ast
import sys

import pytest
from page_includes import DOCS, ROOT, markdown_pages

sys.path.insert(0, str(ROOT / "docs" / "_build"))

import downloads

PAGES = {p.relative_to(DOCS).as_posix(): p.read_text() for p in markdown_pages()}
LINKS = ("page.py", "page.ipynb")

SESSION = """\
# A page

Some text.

```python exec="on" source="above" result="text" session="s" title="first"
x = 1
```

Prose between.

??? note "folded"

    ```python exec="on" source="above" result="text" session="s" title="second"
    print(x)
    ```

```python exec="on" html="on" session="s"
print("<svg/>")
```

```python exec="on" source="above" result="text" session="other"
print(2)
```
"""


def labelled_lines(text: str) -> list[str]:
    return downloads.with_labels(text, LINKS, downloads.page_code(text, "a.md")).splitlines()


def label_above(lines: list[str], fence_text: str) -> bool:
    at = next(i for i, line in enumerate(lines) if fence_text in line)
    return any(downloads.CONTINUES in line for line in lines[max(0, at - 3) : at])


def test_only_a_block_that_continues_its_session_is_labelled():
    lines = labelled_lines(SESSION)
    assert not label_above(lines, 'title="first"')
    assert label_above(lines, 'title="second"')  # inside the fold, at the fold's indent
    assert "    " + downloads.CONTINUES in lines
    assert not label_above(lines, 'session="other"')  # the first block of its session
    assert not label_above(lines, 'html="on"')  # shows no code, only a figure
    assert sum(downloads.CONTINUES in line for line in lines) == 1


def test_the_downloads_are_offered_under_the_title():
    lines = labelled_lines(SESSION)
    assert lines[0] == "# A page"
    offer = "\n".join(lines[1:8])
    assert "Take this page's code away" in offer
    assert "[a.py](page.py)" in offer
    assert "[a.ipynb](page.ipynb)" in offer


def test_a_page_that_runs_no_code_offers_nothing():
    text = '# Reference\n\n```python title="x.py"\nprint(1)\n```\n'
    assert downloads.page_code(text, "r.md") is None
    assert downloads.with_labels(text, (), None) == text


def test_the_code_is_the_executed_blocks_in_page_order():
    code = downloads.page_code(SESSION, "a.md")
    assert [text for _, text in code.blocks] == [
        "x = 1\n",
        "print(x)\n",
        'print("<svg/>")\n',
        "print(2)\n",
    ]
    assert code.modules == {}
    assert code.needs == []


@pytest.mark.parametrize("src_uri", ["frobenius.md", "layers/linear.md", "checking.md"])
def test_a_page_carries_every_project_module_it_imports(src_uri):
    code = downloads.page_code(PAGES[src_uri], src_uri)
    assert "snippets.gradcheck" in code.modules
    assert code.needs[0] == "numpy"
    for name in code.modules:  # with every package above it
        parent = name.rpartition(".")[0]
        assert not parent or parent in code.packages, (name, parent)
    for _, text in code.blocks:
        assert "--8<--" not in text  # includes expanded, as the build expands them


def test_the_embedded_modules_are_what_the_files_hold():
    code = downloads.page_code(PAGES["frobenius.md"], "frobenius.md")
    tree = ast.parse(downloads.embedded_modules(code))  # read, not run: it would install a finder
    table = next(
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and node.targets[0].id == "_MODULES"
    )
    embedded = ast.literal_eval(table)
    assert set(embedded) == set(code.modules)
    for name, (path, source) in embedded.items():
        assert source == (ROOT / path).read_text(), name
