"""Every page that runs code offers it as page.py and page.ipynb, and each runs alone.

The downloads are taken from the built site, where the pages link to them. Each is run by
itself in an empty folder where the project cannot be imported (tests/standalone.py): the
.py directly, the notebook as its code cells in order (no Jupyter kernel is needed). What
each prints must be what the page shows: the text of each executed block's result, in page
order. Blocks whose output becomes part of the page (figures, generated tables) are not
compared; what comes before and after them is.
"""

import html
import re
import sys
from pathlib import PurePosixPath

import pytest
from page_includes import DOCS, ROOT, markdown_pages
from standalone import run_all_alone

sys.path.insert(0, str(ROOT / "docs" / "_build"))

import downloads

CODE_BLOCK = re.compile(
    r'<div class="(?:language-\w+ )?highlight">'
    r'(?:<span class="filename">.*?</span>)?<pre[^>]*>(.*?)</pre></div>',
    re.DOTALL,
)


def page_dest(src_uri: str) -> str:
    """Where MkDocs writes a page (use_directory_urls): a/b.md -> a/b/index.html."""
    path = PurePosixPath(src_uri).with_suffix("")
    return str(path.parent / "index.html" if path.name == "index" else path / "index.html")


def pages_with_code() -> dict[str, "downloads.PageCode"]:
    out = {}
    for page in markdown_pages():
        src_uri = page.relative_to(DOCS).as_posix()
        code = downloads.page_code(page.read_text(), src_uri)
        if code is not None:
            out[src_uri] = code
    return out


PAGES = pages_with_code()


def text_of(block_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", block_html))


def shown_outputs(page_html: str, code: "downloads.PageCode") -> list[str | None]:
    """What each executed block shows as its result, in order; None where it is not text.

    A block with source="above" and result="text" is its code in a code block, then its
    output in the next: the code is found by its text, and the block after it is the output.
    """
    shown = [text_of(m[1]) for m in CODE_BLOCK.finditer(page_html)]
    at, outputs = 0, []
    for block, text in code.blocks:
        if not block.shows_source:
            outputs.append(None)
            continue
        found = next((i for i in range(at, len(shown)) if shown[i].strip() == text.strip()), None)
        assert found is not None, f"block {block.options} not found on {code.src_uri}"
        if block.options.get("result") == "text":
            outputs.append(shown[found + 1])
            at = found + 2
        else:
            outputs.append(None)
            at = found + 1
    return outputs


# The one thing that differs from run to run: how long the symbolic proofs took, "(0.04 s)",
# "in 12.3 s". A number of seconds is masked; every other character is compared.
SECONDS = re.compile(r"(?<=[( ])\d+(?:\.\d+)? s(?=[),.;]|$)")


def lines(text: str) -> list[str]:
    """The non-blank lines (a page cannot show a block's trailing blank lines), times masked."""
    return [SECONDS.sub("… s", line.rstrip()) for line in text.splitlines() if line.strip()]


def mismatch(printed: str, expected: list[str | None]) -> str | None:
    """Where `printed` departs from the page's outputs (None: any output there), or None."""
    out, at, free = lines(printed), 0, False
    for number, segment in enumerate(expected, start=1):
        if segment is None:
            free = True
            continue
        want = lines(segment)
        if not want:
            continue
        starts = range(at, len(out) - len(want) + 1) if free else [at]
        match = next((s for s in starts if out[s : s + len(want)] == want), None)
        if match is None:
            got = "\n".join(out[at : at + len(want)])
            return f"block {number}: the page shows\n{segment}\nthe download printed\n{got}"
        at, free = match + len(want), False
    if not free and at != len(out):
        return "the download printed more than the page shows:\n" + "\n".join(out[at:][:10])
    return None


@pytest.fixture(scope="module")
def downloaded(built_site):
    """{page: (.py text, notebook as a script)}, read from the built site."""
    out = {}
    for src_uri, code in PAGES.items():
        py, ipynb = downloads.download_uris(src_uri, page_dest(src_uri), code.stem)
        out[src_uri] = (
            (built_site / py).read_text(),
            downloads.notebook_as_script((built_site / ipynb).read_text()),
        )
    return out


@pytest.fixture(scope="module")
def runs(downloaded):
    files = {}
    for src_uri, (py, notebook) in downloaded.items():
        stem = PAGES[src_uri].stem
        files[f"{stem}.py"] = py
        files[f"{stem}-notebook.py"] = notebook
    return run_all_alone(files)


def test_pages_that_run_code_have_downloads():
    assert len(PAGES) >= 25, sorted(PAGES)


def test_the_page_links_its_downloads(built_site):
    for src_uri, code in PAGES.items():
        page_html = (built_site / page_dest(src_uri)).read_text()
        for suffix in (".py", ".ipynb"):
            assert f'href="{code.stem}{suffix}"' in page_html, (src_uri, suffix)


@pytest.mark.parametrize("kind", ["py", "notebook"])
@pytest.mark.parametrize("src_uri", sorted(PAGES))
def test_download_runs_alone_and_prints_what_the_page_shows(src_uri, kind, runs, built_site):
    code = PAGES[src_uri]
    run = runs[f"{code.stem}.py" if kind == "py" else f"{code.stem}-notebook.py"]
    assert run.returncode == 0, f"{src_uri} ({kind}) does not run alone:\n{run.stderr[-3000:]}"
    expected = shown_outputs((built_site / page_dest(src_uri)).read_text(), code)
    assert any(segment and segment.strip() for segment in expected) or None in expected
    problem = mismatch(run.stdout, expected)
    assert problem is None, f"{src_uri} ({kind}): {problem}"


def test_a_changed_output_line_is_caught():
    shown = ["passed   A : B = B : A\n", None, "passed   tr(AB)\n"]
    assert mismatch("passed   A : B = B : A\n<svg/>\npassed   tr(AB)\n", shown) is None
    assert mismatch("passed   A : B = B : A\n<svg/>\nREJECTED tr(AB)\n", shown)
    assert mismatch("passed   A : B = B : A\n", shown)
    assert mismatch("passed   A : B = B : A\n<svg/>\npassed   tr(AB)\nextra\n", shown)
    assert (
        mismatch("passed   A : B = B : A (0.02 s)\n", ["passed   A : B = B : A (0.31 s)"]) is None
    )
    assert mismatch("92 of 92 passed, in 12.3 s\n", ["92 of 92 passed, in 20.8 s"]) is None
    assert mismatch("91 of 92 passed, in 12.3 s\n", ["92 of 92 passed, in 20.8 s"])
