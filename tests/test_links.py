"""Every link in the built site resolves, offline: pages, files and #anchors.

MkDocs validates the links written in Markdown; links printed by executed code blocks and
links made by plugins only exist in the built HTML, so this test reads the HTML itself.
Nothing a page loads (scripts, stylesheets, images, fonts) may come from another host.
"""

import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

LOADED = {("script", "src"), ("link", "href"), ("img", "src"), ("source", "src")}


class LinksAndIds(HTMLParser):
    """Collects the links and ids of one HTML page."""

    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if name in ("href", "src") and value:
                self.links.append((tag, name, value))


def parse(path: Path) -> LinksAndIds:
    parser = LinksAndIds()
    parser.feed(path.read_text())
    return parser


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def target_file(site: Path, page: Path, url: str) -> Path:
    """The file a relative URL on `page` points to (a folder means its index.html)."""
    page_url = "/" + page.relative_to(site).as_posix()
    path = unquote(urlsplit(urljoin(page_url, url)).path)
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def broken_links(site: Path, pages: list[Path] | None = None) -> list[str]:
    """What is wrong with the links of `pages` (by default every page of `site`)."""
    parsed = {page: parse(page) for page in (html_files(site) if pages is None else pages)}
    problems = []
    for page, found in parsed.items():
        where = page.relative_to(site)
        for tag, attribute, url in found.links:
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") or url.startswith("//"):
                if (tag, attribute) in LOADED:
                    problems.append(f"{where}: <{tag} {attribute}> loads from another host: {url}")
                continue
            if parts.scheme:  # mailto:, data:, ...
                continue
            target = target_file(site, page, url) if parts.path else page
            if not target.is_file():
                problems.append(f"{where}: {url} -> {target.relative_to(site)} does not exist")
            elif parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where}: {url} -> no id {parts.fragment!r} on the page")
    return problems


def test_every_link_and_anchor_resolves(built_site):
    assert html_files(built_site), f"no HTML in {built_site}"
    problems = broken_links(built_site)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("link", "problem"),
    [
        ('<a href="../kronecker/#no-such-heading">x</a>', "no id 'no-such-heading'"),
        ('<a href="../no-such-page/">x</a>', "does not exist"),
        ('<script src="https://cdn.example.org/katex.js"></script>', "loads from another host"),
        ('<link rel="stylesheet" href="//fonts.example.org/css">', "loads from another host"),
    ],
)
def test_a_planted_broken_link_is_found(built_site, tmp_path, link, problem):
    """The checker has teeth: a page with one bad link beside a real page of the site fails it.

    Only the planted page is read; the page its anchor link points to is a real built page.
    """
    site = tmp_path / "site"
    shutil.copytree(built_site / "kronecker", site / "kronecker")
    planted = site / "planted" / "index.html"
    planted.parent.mkdir()
    fine = '<a href="../kronecker/#the-kronecker-product">a real heading</a>'
    planted.write_text(f"<html><body>{fine}{link}</body></html>")
    problems = broken_links(site, pages=[planted])
    assert len(problems) == 1, problems
    assert problem in problems[0]
