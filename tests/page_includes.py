"""How pages include snippet files, read the way pymdownx.snippets reads them.

A page includes a file with a line `--8<-- "path"`, or a named section of it with
`--8<-- "path:name"`; the section is the lines between `# --8<-- [start:name]` and
`# --8<-- [end:name]`. tests/test_pages.py and the browser tests both read pages this way.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
INCLUDE = re.compile(r'^[ \t]*--8<-- "(?P<file>[^"]+?)(?::(?P<section>\w+))?"\s*$', re.MULTILINE)


def markdown_pages() -> list[Path]:
    """Every page of the site (docs/_build/ holds build helpers, not pages)."""
    return sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.parts)


def section_text(path: Path, section: str) -> str:
    """The lines of `path` between the start and end markers of `section`, markers excluded."""
    lines = path.read_text().splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if f"# --8<-- [start:{section}]" in line)
    end = next(i for i, line in enumerate(lines) if f"# --8<-- [end:{section}]" in line)
    return "".join(lines[start + 1 : end])
