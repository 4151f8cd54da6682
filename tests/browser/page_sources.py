"""What each page's Markdown says it shows: its URL, and the code blocks that show a snippet file.

A block "shows a snippet" when its body is one include line, `--8<-- "file"` or
`--8<-- "file:section"`: what a reader copies from it must equal that file (or section).
"""

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from page_includes import DOCS, INCLUDE, ROOT, section_text

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
TITLE = re.compile(r'title="([^"]+)"')
SECTION_MARKER = re.compile(r"^\s*# --8<-- \[(start|end):[\w-]+\]\s*$")


@dataclass(frozen=True)
class SnippetBlock:
    title: str
    occurrence: int  # 0 for the first block on the page with this title, 1 for the next...
    file: str
    section: str | None

    def expected_text(self) -> str:
        """The text the block shows: the file, or the lines between its section markers.

        A whole file is shown without its section-marker lines (pymdownx.snippets drops them).
        """
        path = ROOT / self.file
        if self.section is not None:
            return section_text(path, self.section)
        lines = path.read_text().splitlines(keepends=True)
        return "".join(line for line in lines if not SECTION_MARKER.match(line))


def url_path(page: Path) -> str:
    """docs/index.md -> "", docs/kronecker.md -> "kronecker/", docs/a/index.md -> "a/"."""
    rel = page.relative_to(DOCS).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "index" else rel.parts
    return "".join(f"{part}/" for part in parts)


def snippet_blocks(markdown: str) -> list[SnippetBlock]:
    """The titled code blocks whose whole body is one include line, in page order."""
    blocks, lines, i = [], markdown.splitlines(), 0
    titles_seen = Counter()
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        body = []
        i += 1
        while i < len(lines) and lines[i].strip() != fence:
            body.append(lines[i].removeprefix(indent))
            i += 1
        i += 1
        title = TITLE.search(opening["info"])
        if not title:
            continue
        include = INCLUDE.match(body[0].strip()) if len(body) == 1 else None
        if include:
            occurrence = titles_seen[title[1]]
            blocks.append(SnippetBlock(title[1], occurrence, include["file"], include["section"]))
        titles_seen[title[1]] += 1
    return blocks
