"""Site search works offline: typing a topic or a formula finds the page that derives it.

Formulas are indexed in a plain-text form (docs/_build/search_scope.py) and queries written
as a reader writes them ("dD/dW", "X^{-1}") are rewritten to it (docs/assets/search-query.js).

The index is built by mkdocs-material's search plugin and searched in the browser (a web
worker), so this runs the real thing: type into the search box, read the result links.
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

# What a reader types -> the pages any of which is the right answer (URL paths, "" is home).
EXPECTED = {
    "dD/dW": {"", "four-index/"},  # the question the site answers, in its own words
    "dW": {"", "frobenius/", "four-index/"},
    "X^{-1}": {"catalog/inverses/"},
    "inverse": {"catalog/inverses/"},
    "tr(AXB)": {"catalog/traces/", "traces-and-layout/"},
    "log det": {"catalog/determinants/"},
    "Kronecker": {"kronecker/"},
    "kronecker": {"kronecker/"},
    "frobenius": {"frobenius/", "conventions/"},
    "softmax": {"layers/softmax/"},
    "trace": {"traces-and-layout/", "catalog/traces/"},
    "determinant": {"catalog/determinants/"},
    "scatter-add": {"layers/embedding/"},
}


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
    )
    tab = context.new_page()
    tab.goto(site_url, wait_until="networkidle")
    yield tab
    context.close()


@pytest.mark.parametrize(("query", "page"), EXPECTED.items())
def test_search_finds_the_page(search_page, site_url, query, page):
    search_page.locator("label.md-search__icon, .md-search__input").first.click()
    box = search_page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=20)  # key by key, as a reader types
    results = search_page.locator("a.md-search-result__link")
    try:
        results.first.wait_for(timeout=10_000)
    except PlaywrightTimeout:
        pytest.fail(f"search {query!r} found nothing", pytrace=False)
    pages = settled_pages(search_page, results)
    assert page & set(pages[:3]), f"search {query!r}: pages found first {pages[:5]}"


def settled_pages(tab, results) -> list[str]:
    """The result pages in order, once they stop changing: results for what was typed so far
    show while the reader types, and the last keystroke's results replace them."""
    previous = None
    for _ in range(30):
        links = results.evaluate_all("links => links.map(a => a.href)")
        pages = list(dict.fromkeys(urlsplit(link).path.lstrip("/") for link in links))
        if pages == previous:
            return pages
        previous = pages
        tab.wait_for_timeout(400)
    return previous
