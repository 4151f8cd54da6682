"""Verify a built site: no executed block failed, and every check the build ran is shown.

The site's promise is that every formula it shows was checked when it was built. A strict
MkDocs build fails when a block raises, but another engine, or a build with strict mode
off, would publish the traceback as if it were a page. This command reads the built site
itself, whatever built it, and refuses it (exit status 1, one line per problem, naming
the page and the block) if

- a page shows a failed executed block (markdown-exec puts a traceback where the
  block's source and output would be), or any "Traceback (most recent call last)";
- a result line reads REJECTED in the output of a block that does not call
  `expect_reject` (only a claim shown to be wrong may be rejected);
- a page whose source runs checks (`expect_pass` or `expect_reject` in its executed
  blocks) shows no check result, or shows fewer block outputs than its source has blocks
  (source shown above, output below);
- the numbers differ from what the build recorded: the project's hooks write
  `checks-manifest.json` into the site (per page: block outputs, results passed and
  REJECTED), and every page must show exactly those numbers. A site without the
  manifest was not built with the project's hooks and is refused as well.

Usage (from the project root): python docs/_build/verify.py SITE_DIR

It lives beside the hooks because the build records its counts with the same function
(`read_page`) that the verifier checks them with: one definition of "a check result". It
reads the pages' sources with downloads.py, so it needs the docs extra (no MkDocs run).
"""

from __future__ import annotations

import argparse
import html
import itertools
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

BUILD_DIR = Path(__file__).resolve().parent
DOCS_DIR = BUILD_DIR.parent
MANIFEST = "checks-manifest.json"

# A code block as pymdownx.highlight renders it (MkDocs and Zensical alike).
CODE_DIV = re.compile(
    r'<div class="language-(?P<lang>[\w+-]*) highlight">'
    r'(?:<span class="filename">(?P<title>[^<]*)</span>)?'
    r"<pre[^>]*>(?:<span></span>)?<code>(?P<code>.*?)</code></pre></div>",
    re.S,
)
TAG = re.compile(r"<[^>]+>")
HEADING = re.compile(r"<h[1-6][^>]*>(?P<text>.*?)</h[1-6]>", re.S)
# One check result printed by a page: "passed  label: ..." or "REJECTED label: ...", the
# catalogue's "passed: max relative error ...", possibly after a short "k = 1: " prefix.
RESULT = re.compile(r"^\s*(?:[^:\n]{1,40}:\s+)?(?P<verdict>passed|REJECTED)\b")
TRACEBACK = "Traceback (most recent call last)"
# markdown-exec compiles each block under this file name: it names the failed block.
BLOCK_NAME = re.compile(r'File "<code block: (?P<name>[^>]*)>"')
# The last line of a traceback: the exception's name and message.
ERROR_LINE = re.compile(r"^[\w.]*(?:Error|Exception|Exit|Interrupt)\b.*$", re.M)


@dataclass
class PageCount:
    """What one built page shows."""

    outputs: int = 0  # block outputs: a source block followed at once by its text output
    passed: int = 0
    rejected: int = 0
    failures: list = field(default_factory=list)  # one line per failed block
    unexpected: list = field(default_factory=list)  # REJECTED lines no expect_reject asked for

    def numbers(self) -> dict:
        return {"outputs": self.outputs, "passed": self.passed, "rejected": self.rejected}


def _text(fragment: str) -> str:
    return html.unescape(TAG.sub("", fragment))


def read_page(page_html: str) -> PageCount:
    """Count the block outputs and check results of a page's HTML, and find its failures."""
    count = PageCount()
    previous = None  # the last code block, if it ends just before the current one
    for div in CODE_DIV.finditer(page_html):
        text = _text(div["code"])
        if TRACEBACK in text:
            count.failures.append(_failure_line(page_html, div, text))
        adjacent = previous is not None and not page_html[previous.end() : div.start()].strip()
        source = _text(previous["code"]) if adjacent and previous["lang"] == "python" else None
        if div["lang"] == "text" and source is not None and TRACEBACK not in source:
            count.outputs += 1
        if div["lang"] == "text":
            for line in text.splitlines():
                found = RESULT.match(line)
                if not found:
                    continue
                if found["verdict"] == "passed":
                    count.passed += 1
                    continue
                count.rejected += 1
                if source is None or "expect_reject" not in source:
                    where = _section(page_html, div.start())
                    count.unexpected.append(f"{where}: {line.strip()[:160]}")
        previous = div
    # A traceback outside such blocks (another theme or highlighter, or in the prose).
    rest = CODE_DIV.sub("", page_html)
    cuts = [0, *(h.start() for h in HEADING.finditer(rest)), len(rest)]
    for begin, end in itertools.pairwise(cuts):
        for trace in _text(rest[begin:end]).split(TRACEBACK)[1:]:
            names = BLOCK_NAME.findall(trace)
            block = f"block <{names[-1]}>" if names else "a traceback"
            error = ERROR_LINE.search(trace)
            said = f": {error.group().strip()[:240]}" if error else ""
            count.failures.append(f"{block} {_section(rest, end)} failed{said}")
    return count


def _section(page_html: str, position: int) -> str:
    """The title of the last heading before `position`, as the reader sees it."""
    headings = [h for h in HEADING.finditer(page_html) if h.end() < position]
    if not headings:
        return "at the top"
    title = _text(headings[-1]["text"]).replace("¶", "").strip()
    return f'under "{title}"'


def _failure_line(page_html: str, div: re.Match, text: str) -> str:
    names = BLOCK_NAME.findall(text)
    block = f"block <{names[-1]}>" if names else f"block {div['title'] or '(untitled)'}"
    last = [line for line in text.strip().splitlines() if line.strip()][-1].strip()
    return f"{block} {_section(page_html, div.start())} failed: {last[:240]}"


# --- what the sources say should run ----------------------------------------------------------


@dataclass
class SourcePage:
    src_uri: str
    html_path: str
    shown_outputs: int  # executed blocks that show their source above and their output below
    runs_checks: bool  # an executed block calls expect_pass or expect_reject


def html_path(src_uri: str) -> str:
    """Where MkDocs (use_directory_urls) and Zensical write page `src_uri`."""
    path = PurePosixPath(src_uri).with_suffix("")
    if path.name == "index":
        return (path.parent / "index.html").as_posix().removeprefix("./")
    return (path / "index.html").as_posix()


def source_pages(docs_dir: Path = DOCS_DIR) -> list[SourcePage]:
    """Every page under `docs_dir` (but _build/) that executes code, with what it should show."""
    sys.path.insert(0, str(BUILD_DIR))
    import downloads

    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        if src_uri.startswith("_build/"):
            continue
        executed = [b for b in downloads.fenced_blocks(path.read_text()) if b.executed]
        if not executed:
            continue
        shown = sum(b.options.get("source") == "above" and "result" in b.options for b in executed)
        checks = any(
            "expect_pass(" in code or "expect_reject(" in code
            for code in (downloads.expand(b.body) for b in executed)
        )
        pages.append(SourcePage(src_uri, html_path(src_uri), shown, checks))
    return pages


# --- the verdict ------------------------------------------------------------------------------


def manifest_entry(src_uri: str, count: PageCount) -> dict:
    """One page's line in the manifest the build writes."""
    return {"html": html_path(src_uri), **count.numbers()}


def verify(site_dir: Path, docs_dir: Path = DOCS_DIR) -> tuple[list[str], dict]:
    """The problems of the site in `site_dir` (empty: it may be published) and its totals."""
    site_dir = Path(site_dir)
    problems = []
    if not site_dir.is_dir():
        return [f"{site_dir}: no such folder"], {}
    counts = {}
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        counts[rel] = count = read_page(page.read_text(encoding="utf-8"))
        problems += [f"{rel}: {line}" for line in count.failures]
        problems += [f"{rel}: unexpected REJECTED {line}" for line in count.unexpected]

    for source in source_pages(docs_dir):
        count = counts.get(source.html_path)
        where = f"{source.html_path} (docs/{source.src_uri})"
        if count is None:
            problems.append(f"{where}: the page is missing from the site")
            continue
        if source.runs_checks and count.passed + count.rejected == 0:
            problems.append(f"{where}: its blocks run checks, but the page shows no check result")
        if count.outputs < source.shown_outputs:
            problems.append(
                f"{where}: {source.shown_outputs} executed blocks should show their output,"
                f" {count.outputs} do"
            )

    manifest_file = site_dir / MANIFEST
    if not manifest_file.is_file():
        problems.append(
            f"{MANIFEST}: missing, so the site was not built with the project's hooks"
            " (mkdocs build with docs/_build/hooks.py): its check counts cannot be confirmed"
        )
    else:
        recorded = json.loads(manifest_file.read_text(encoding="utf-8"))["pages"]
        for src_uri, entry in sorted(recorded.items()):
            count = counts.get(entry["html"])
            if count is None:
                problems.append(f"{entry['html']} (docs/{src_uri}): recorded by the build, missing")
                continue
            shown = count.numbers()
            for key, number in shown.items():
                if number != entry[key]:
                    problems.append(
                        f"{entry['html']} (docs/{src_uri}): the build recorded {entry[key]}"
                        f" {key}, the page shows {number}"
                    )
        listed = {entry["html"] for entry in recorded.values()}
        for rel, count in sorted(counts.items()):
            if rel not in listed and (count.passed or count.rejected):
                problems.append(f"{rel}: shows check results the build did not record")

    totals = {
        "pages": sum(1 for c in counts.values() if c.passed or c.rejected),
        "passed": sum(c.passed for c in counts.values()),
        "rejected": sum(c.rejected for c in counts.values()),
        "outputs": sum(c.outputs for c in counts.values()),
    }
    return problems, totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="verify.py", description="Refuse a built site that shows a failed or missing check."
    )
    parser.add_argument("site_dir", type=Path, help="the built site's folder")
    parser.add_argument(
        "--docs", type=Path, default=DOCS_DIR, help="the pages' sources (default: docs/)"
    )
    args = parser.parse_args(argv)
    problems, totals = verify(args.site_dir, args.docs)
    for line in problems:
        print(f"verify: {line}")
    if problems:
        print(f"verify: REFUSED {args.site_dir}: {len(problems)} problem(s)")
        return 1
    print(
        f"verify: ok {args.site_dir}: {totals['passed']} results passed and"
        f" {totals['rejected']} expected rejections on {totals['pages']} pages,"
        f" {totals['outputs']} block outputs, as the build recorded"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
