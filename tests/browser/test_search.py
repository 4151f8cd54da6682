"""Site search works offline: typing a topic finds the page that derives it.

The index is built by mkdocs-material's search plugin and searched in the browser (a web
worker), so this runs the real thing: type into the search box, read the result links.
"""

from urllib.parse import urlsplit

import pytest

EXPECTED = {
    "kronecker": "kronecker/",
    "frobenius": "frobenius/",
    "trace": "traces-and-layout/",
    "softmax": "layers/softmax/",
    "determinant": "catalog/determinants/",
    "scatter-add": "layers/embedding/",
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
    results.first.wait_for(timeout=10_000)
    pages = list(dict.fromkeys(urlsplit(link).path.lstrip("/") for link in hrefs(results)))
    assert page in pages[:5], f"search {query!r}: pages found first {pages[:5]}"


def hrefs(results) -> list[str]:
    return results.evaluate_all("links => links.map(a => a.href)")
