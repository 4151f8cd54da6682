"""Every page, opened in headless Chromium as a reader opens it, with the network cut off.

For each page: no console errors, no failed request and none to another host; no raw TeX in
the text a reader sees; every formula rendered with a size and no MathML error; what the copy
button copies from a snippet's code block equals the snippet file; the page fits a phone's
width; screenshots at 1280 and 390 px; and its weight (bytes the browser received, images
excluded) under the budget.
"""

from urllib.parse import urlsplit

import pytest
from page_includes import markdown_pages
from page_sources import snippet_blocks, url_path

WEIGHT_BUDGET = 600_000  # bytes a page's first view transfers, images excluded
WIDTHS = {"desktop": 1280, "phone": 390}
PAGES = markdown_pages()

# What the reader sees: the page's text without code, MathML's TeX annotations and scripts.
VISIBLE_TEXT = """() => {
  const body = document.querySelector("article").cloneNode(true);
  body.querySelectorAll("pre, code, annotation, script, style").forEach(e => e.remove());
  return body.textContent;
}"""
RENDERED_MATH = """() => [...document.querySelectorAll("article math")].map(m => {
  const box = m.getBoundingClientRect();
  return {tex: (m.querySelector("annotation") || {}).textContent || m.outerHTML.slice(0, 80),
          width: box.width, height: box.height, errors: m.querySelectorAll("merror").length};
})"""
# Readers open collapsed blocks and switch tabs to see what is inside; the test opens all.
SHOW_EVERYTHING = """() => {
  document.querySelectorAll("details").forEach(d => d.open = true);
  const style = document.createElement("style");
  style.textContent = ".tabbed-block { display: block !important; }";
  document.head.append(style);
}"""
# What sticks out past the right edge at phone width, outside blocks that scroll sideways.
TOO_WIDE = """() => [...document.querySelectorAll("article :is(p, li, math, table)")]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
  .filter(e => !e.parentElement.closest("pre, .math-display, .md-typeset__scrollwrap, math"))
  .map(e => (e.querySelector("annotation") || e).textContent.slice(0, 80))"""
RAW_TEX = ["\\frac", "\\partial", "\\mathrm", "\\begin", "\\top", "$$", "\\(", "\\["]


def page_id(page):
    return url_path(page) or "home"


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_page_reads_right_offline(page, browser, site_url, built_site, screenshot_dir):
    url = site_url + url_path(page)
    origin = site_url.rstrip("/")
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    problems, transferred, on_disk = [], {}, {}

    def only_local(route):
        if route.request.url.startswith(origin):
            route.continue_()
        else:
            problems.append(f"request to another host: {route.request.url}")
            route.abort()

    def count(request):
        sizes = request.sizes()
        if request.resource_type != "image" and not urlsplit(request.url).path.endswith(".png"):
            transferred[request.url] = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            file = built_site / urlsplit(request.url).path.lstrip("/")
            on_disk[request.url] = (file / "index.html" if file.is_dir() else file).stat().st_size

    context.route("**/*", only_local)
    tab = context.new_page()
    tab.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    tab.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    tab.on("requestfailed", lambda r: problems.append(f"failed: {r.url} ({r.failure})"))
    tab.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status}: {r.url}"))
    tab.on("requestfinished", count)
    tab.goto(url, wait_until="networkidle")

    name = page_id(page).strip("/").replace("/", "-")
    tab.screenshot(path=screenshot_dir / f"{name}-{WIDTHS['desktop']}.png", full_page=True)
    tab.evaluate(SHOW_EVERYTHING)

    text = tab.evaluate(VISIBLE_TEXT)
    problems += [f"raw TeX {t!r} in the text" for t in RAW_TEX if t in text]
    for math in tab.evaluate(RENDERED_MATH):
        if not (math["width"] > 0 and math["height"] > 0):
            problems.append(f"formula not rendered (size 0): {math['tex']!r}")
        if math["errors"]:
            problems.append(f"MathML error element in {math['tex']!r}")

    problems += copy_button_mismatches(tab, page)

    tab.set_viewport_size({"width": WIDTHS["phone"], "height": 844})
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        problems.append(f"page is {overflow} px wider than a {WIDTHS['phone']} px phone")
        problems += [f"  too wide: {text!r}" for text in tab.evaluate(TOO_WIDE)]
    tab.evaluate("window.scrollTo(0, 0)")
    tab.screenshot(path=screenshot_dir / f"{name}-{WIDTHS['phone']}.png", full_page=True)
    context.close()

    weight = sum(transferred.values())
    with (screenshot_dir / "weights.tsv").open("a") as report:
        report.write(f"{page_id(page)}\t{weight}\t{sum(on_disk.values())}\n")
    if weight > WEIGHT_BUDGET:
        problems.append(f"page weighs {weight:,} bytes > {WEIGHT_BUDGET:,}")
    assert not problems, f"{url}:\n" + "\n".join(problems)


def copy_button_mismatches(tab, page) -> list[str]:
    """Click the copy button of each block that shows a snippet and compare the clipboard."""
    problems = []
    for block in snippet_blocks(page.read_text()):
        titled = tab.locator(".highlight").filter(
            has=tab.locator(f'span.filename:text-is("{block.title}")')
        )
        if titled.count() <= block.occurrence:
            problems.append(f"no code block titled {block.title!r} (#{block.occurrence + 1})")
            continue
        tab.evaluate("navigator.clipboard.writeText('')")
        # The button shows on hover; a click event is what the reader's click sends.
        titled.nth(block.occurrence).locator("button[data-md-type=copy]").dispatch_event("click")
        copied = tab.evaluate("navigator.clipboard.readText()")
        # The copy button trims trailing whitespace (mkdocs-material calls trimEnd()), so a
        # file's final newline is not copied; nothing else may differ.
        if copied != block.expected_text().rstrip():
            where = f"{block.file}" + (f":{block.section}" if block.section else "")
            problems.append(f"copy button of {where} copies {len(copied)} chars, not the file")
    return problems
