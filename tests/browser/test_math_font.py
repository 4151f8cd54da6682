"""Formulas are set with a math font even on a machine that has none installed.

MathML draws large operators, stretchy fences and radicals from a font's OpenType MATH table.
The site names system math fonts first and serves its own (docs/assets/math.css). To see what a
reader with no math font sees, Chromium runs here with every installed font whose name contains
"Math" hidden (a fontconfig file that includes the system's and rejects them), so only the
site's own font can do the job. Measured on every page:

- displayed sums, products and integrals are at least 1.6 times the body text's font size
  (median over the site; with no math font they are the size of the text, 1.0);
- a fence around a matrix is at least 0.9 times the matrix's height (with none: about 0.25);
- a radical's bar is clear of what it covers (with none, the bar lies on the h's ascender
  and √h reads √ħ).
"""

import os
from io import BytesIO
from statistics import median

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS
from page_includes import markdown_pages
from page_sources import url_path
from PIL import Image

LARGE_OPERATOR_RATIO = 1.6
FENCE_RATIO = 0.9
PAGES = markdown_pages()
HIDE_MATH_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><glob>*Math*</glob></rejectfont></selectfont>
</fontconfig>
"""

MEASURE = """() => {
  const article = document.querySelector("article");
  const body = parseFloat(getComputedStyle(article.querySelector("p") || article).fontSize);
  const tex = e => {
    const a = e.closest("math").querySelector("annotation");
    return a ? a.textContent.replace(/\\s+/g, " ").slice(0, 80) : "";
  };
  const height = e => e.getBoundingClientRect().height;
  const operators = [...article.querySelectorAll(".math-display mo")]
    .filter(mo => ["\\u2211", "\\u220f", "\\u222b"].includes(mo.textContent.trim()))
    .map(mo => ({ratio: height(mo) / body, text: mo.textContent.trim(), tex: tex(mo)}));
  // A matrix's fences: the operators just before and after its table.
  const fences = [...article.querySelectorAll("math mtable")]
    .filter(table => table.parentElement.closest("mtable") === null)
    .flatMap(table => [table.previousElementSibling, table.nextElementSibling]
      .filter(e => e && e.localName === "mo" && "()[]{}|\u2016".includes(e.textContent.trim()))
      .map(mo => ({ratio: height(mo) / height(table), text: mo.textContent.trim(),
                   tex: tex(mo)})));
  const radicals = [...article.querySelectorAll("math msqrt")].map((root, i) => {
    root.setAttribute("data-radical", i);
    return {index: i, tex: tex(root)};
  });
  return {body, operators, fences, radicals};
}"""


@pytest.fixture(scope="module")
def bare_browser(playwright_driver, tmp_path_factory):
    """Chromium that sees no installed math font."""
    config = tmp_path_factory.mktemp("fontconfig") / "fonts.conf"
    config.write_text(HIDE_MATH_FONTS)
    env = {**os.environ, "FONTCONFIG_FILE": str(config)}
    chromium = playwright_driver.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, env=env
    )
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def measured(bare_browser, site_url):
    """Operators, fences and radicals of every page, and the radicals' pixels."""
    # Three device pixels a CSS pixel, so that a gap of a third of a pixel shows.
    context = bare_browser.new_context(
        viewport={"width": 1280, "height": 900}, device_scale_factor=3
    )
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
    )
    tab = context.new_page()
    found = {"operators": [], "fences": [], "radicals": [], "math_fonts": set()}
    for page in PAGES:
        tab.goto(site_url + url_path(page), wait_until="load")
        tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        tab.evaluate("document.fonts.ready")
        sizes = tab.evaluate(MEASURE)
        name = url_path(page) or "home"
        for kind in ("operators", "fences"):
            found[kind] += [{**row, "page": name} for row in sizes[kind]]
        for row in sizes["radicals"]:
            root = tab.locator(f'[data-radical="{row["index"]}"]')
            if root.is_visible():
                found["radicals"].append({**row, "page": name, "clear": radical_clear(root)})
        if sizes["operators"] or sizes["fences"] or sizes["radicals"]:
            found["math_fonts"] |= set(
                tab.evaluate(
                    "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
                )
            )
    context.close()
    return found


def radical_clear(root) -> bool:
    """Whether the bar of a square root is drawn clear above its content.

    Only the columns over the content count (the root sign is left of them). The bar is the
    topmost row that is dark across most of the content's width; no ink may stick out above
    it, and a light row must part it from the ink below (an h's ascender that touches or
    crosses the bar makes √h read √ħ).
    """
    content = root.locator(":scope > *").first
    root.scroll_into_view_if_needed()
    box, inner = root.bounding_box(), content.bounding_box()
    clip = {
        "x": inner["x"] + 1,
        "y": box["y"] - 2,
        "width": max(inner["width"] - 2, 1),
        "height": inner["y"] + inner["height"] - box["y"] + 2,
    }
    image = Image.open(BytesIO(root.page.screenshot(clip=clip))).convert("L")
    dark = [[image.getpixel((x, y)) < 128 for x in range(image.width)] for y in range(image.height)]
    bars = [y for y, row in enumerate(dark) if sum(row) >= 0.8 * len(row)]
    if not bars:
        return False
    below = bars[0]
    while below < len(dark) and sum(dark[below]) >= 0.8 * len(dark[0]):
        below += 1
    ink_above = any(any(row) for row in dark[: bars[0]])
    gap_below = below < len(dark) and not any(dark[below])
    return not ink_above and gap_below


def test_the_site_serves_its_own_math_font(measured):
    assert any("Math" in family for family in measured["math_fonts"]), (
        f"no math web font was loaded; fonts loaded: {sorted(measured['math_fonts'])}"
    )


def test_displayed_large_operators_are_large(measured):
    operators = measured["operators"]
    assert len(operators) >= 5, f"only {len(operators)} displayed ∑ ∏ ∫ found on the site"
    ratio = median(row["ratio"] for row in operators)
    smallest = sorted(operators, key=lambda row: row["ratio"])[:5]
    assert ratio >= LARGE_OPERATOR_RATIO, (
        f"displayed ∑ ∏ ∫ are {ratio:.2f}× the body font size (median of {len(operators)}), "
        f"not {LARGE_OPERATOR_RATIO}×; smallest: "
        + "; ".join(f"{r['page']} {r['text']} {r['ratio']:.2f} in {r['tex']}" for r in smallest)
    )


def test_fences_reach_the_height_of_their_matrix(measured):
    fences = measured["fences"]
    assert fences, "no fenced matrix found on the site"
    short = [row for row in fences if row["ratio"] < FENCE_RATIO]
    assert not short, f"of {len(fences)} fences around a matrix, too short:\n" + "\n".join(
        f"  {r['page']}: {r['text']} is {r['ratio']:.2f}× its matrix in {r['tex']}" for r in short
    )


def test_radicals_are_clear_of_their_content(measured):
    radicals = measured["radicals"]
    assert radicals, "no square root found on the site"
    crossed = [row for row in radicals if not row["clear"]]
    listing = "\n".join(f"  {r['page']}: {r['tex']}" for r in crossed)
    assert not crossed, f"of {len(radicals)} square roots, the bar touches the content:\n{listing}"
