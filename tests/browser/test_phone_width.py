"""At a phone's width (390 px), displayed formulas fit the column, and those that do not show
that they scroll; what checks print wraps; the cheat sheet fits at 390 and at 1280 px.

Chromium does not break a long MathML line: a display formula wider than the column scrolls
sideways inside its box (`.math-display`). The site's rule is that at most 5 % of display
formulas may need that (derivation chains are written one relation per line); the rest must
show a cue that there is more to the right (docs/assets/math.css draws a shadow at the edge
the formula continues past).
"""

import re
from io import BytesIO

import pytest
from page_includes import markdown_pages
from page_sources import url_path
from PIL import Image

PHONE = 390
MOST_TOO_WIDE = 0.05  # share of display formulas allowed to be wider than the column
PAGES = markdown_pages()

# Readers open collapsed blocks and switch tabs to see what is inside; the test opens all.
SHOW_EVERYTHING = """() => {
  document.querySelectorAll("details").forEach(d => d.open = true);
  const style = document.createElement("style");
  style.textContent = ".tabbed-block { display: block !important; }";
  document.head.append(style);
}"""
# Each displayed formula: its width, the column's width (its box's content width), whether the
# box scrolls sideways, and its background (where the scroll cue is drawn).
DISPLAYS = """() => [...document.querySelectorAll("article .math-display")].map(box => {
  const math = box.querySelector("math");
  const style = getComputedStyle(box);
  const annotation = math && math.querySelector("annotation");
  return {
    width: math ? math.getBoundingClientRect().width : 0,
    column: box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
    scrolls: ["auto", "scroll"].includes(style.overflowX) && box.scrollWidth > box.clientWidth,
    background: style.backgroundImage,
    attachment: style.backgroundAttachment,
    tex: annotation ? annotation.textContent.replace(/\\s+/g, " ").slice(0, 90) : "",
  };
})"""


# What executed checks print (markdown-exec result blocks) that is wider than its box.
CUT_RESULTS = """() => [...document.querySelectorAll("article .language-text pre")]
  .filter(pre => pre.scrollWidth > pre.clientWidth + 1 ||
                 pre.getBoundingClientRect().right > window.innerWidth)
  .map(pre => pre.textContent.split("\\n")[0].slice(0, 80))"""


@pytest.fixture(scope="module")
def phone_pages(browser, site_url):
    """Every page at 390 px: its display formulas and its check results that do not fit."""
    context = browser.new_context(viewport={"width": PHONE, "height": 844})
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
    )
    tab = context.new_page()
    found = {"displays": [], "results": [], "result_blocks": 0}
    for page in PAGES:
        tab.goto(site_url + url_path(page), wait_until="load")
        tab.evaluate(SHOW_EVERYTHING)
        tab.evaluate("document.fonts.ready")
        name = url_path(page) or "home"
        found["displays"] += [{**row, "page": name} for row in tab.evaluate(DISPLAYS)]
        found["results"] += [f"{name}: {line}" for line in tab.evaluate(CUT_RESULTS)]
        found["result_blocks"] += tab.locator("article .language-text pre").count()
    context.close()
    return found


@pytest.fixture(scope="module")
def displays(phone_pages):
    return phone_pages["displays"]


def too_wide(displays):
    return [d for d in displays if d["width"] > d["column"] + 0.5]


def test_few_display_formulas_are_wider_than_a_phone(displays):
    assert len(displays) > 100, f"only {len(displays)} display formulas found on the site"
    wide = too_wide(displays)
    share = len(wide) / len(displays)
    listing = "\n".join(
        f"  {d['page']}: {d['width']:.0f} px > {d['column']:.0f} px  {d['tex']}" for d in wide
    )
    assert share <= MOST_TOO_WIDE, (
        f"{len(wide)} of {len(displays)} display formulas ({share:.1%}) are wider than the "
        f"column at {PHONE} px (at most {MOST_TOO_WIDE:.0%} may be):\n{listing}"
    )


def test_wide_formulas_scroll_with_a_visible_cue(displays):
    """What is still too wide scrolls sideways inside its box, which draws an edge shadow."""
    wide = too_wide(displays)
    assert displays, "no display formulas measured"
    problems = [
        f"{d['page']}: {d['tex']} (scrolls: {d['scrolls']}, background: {d['background']})"
        for d in wide
        if not (d["scrolls"] and "gradient" in d["background"] and "local" in d["attachment"])
    ]
    assert not problems, "wide formulas without a scroll cue:\n" + "\n".join(problems)


def test_check_results_wrap_at_a_phone_width(phone_pages):
    assert phone_pages["result_blocks"] > 20, "check results not found (class language-text)"
    assert not phone_pages["results"], "check results cut at 390 px:\n" + "\n".join(
        phone_pages["results"]
    )


# The cheat sheet's cells: where each is, whether its content is wider than it, the first
# column's link text and size, and the name a cell's column has (header, or a phone card's
# label drawn before it).
CHEAT_SHEET = """() => {
  const column = document.querySelector("article").getBoundingClientRect();
  const headers = [...document.querySelectorAll(".mcv-cheatsheet th")].map(th => th.textContent);
  return [...document.querySelectorAll(".mcv-cheatsheet td")].map(td => {
    const box = td.getBoundingClientRect();
    const label = getComputedStyle(td, "::before").content;
    const wrap = td.closest(".md-typeset__scrollwrap");
    return {
      left: box.left - column.left, right: column.right - box.right,
      cut: td.scrollWidth - td.clientWidth,
      scrolls: wrap ? wrap.scrollWidth - wrap.clientWidth : 0,
      visible: box.width > 0 && getComputedStyle(td).visibility !== "hidden",
      column: td.cellIndex,
      name: td.cellIndex === 0 ? td.textContent.trim() : null,
      size: parseFloat(getComputedStyle(td.querySelector("a") || td).fontSize),
      label: label !== "none" && label !== "normal" ? label : headers[td.cellIndex] || "",
      text: td.textContent.trim().slice(0, 50),
    };
  });
}"""
ENTRY_ID = re.compile(r"^[a-z_]+\.[A-Za-z0-9_]+$")  # how the registry names an entry internally


@pytest.mark.parametrize("width", [PHONE, 1280])
def test_the_cheat_sheet_fits_and_names_its_columns(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
    )
    tab = context.new_page()
    tab.goto(site_url + "catalog/", wait_until="load")
    cells = tab.evaluate(CHEAT_SHEET)
    context.close()
    assert len(cells) > 100, f"only {len(cells)} cheat sheet cells found"
    problems = [
        f"{c['text']!r}: {what}"
        for c in cells
        for what, bad in [
            ("outside the column", c["left"] < -1 or c["right"] < -1),
            (f"content {c['cut']} px wider than its cell", c["cut"] > 1),
            (f"table scrolls sideways by {c['scrolls']} px", c["scrolls"] > 1),
            ("hidden", not c["visible"]),
        ]
        if bad
    ]
    names = [c for c in cells if c["column"] == 0]
    problems += [
        f"entry named by its id: {c['name']!r}" for c in names if ENTRY_ID.match(c["name"])
    ]
    problems += [f"name in {c['size']} px type: {c['name']!r}" for c in names if c["size"] < 12]
    labels = {c["label"] for c in cells}
    problems += [
        f"no {what} column"
        for what in ("Shapes", "Conditions")
        if not any(what in label for label in labels)
    ]
    assert not problems, f"cheat sheet at {width} px:\n" + "\n".join(problems[:30])


# A wide and a narrow formula put into a real page's article, so the site's stylesheets apply.
PLANTED = """() => {
  const article = document.querySelector("article");
  const display = (id, terms) =>
    `<div class="math-display" id="${id}"><math display="block"><mrow>${terms}</mrow></math></div>`;
  article.insertAdjacentHTML("afterbegin",
    display("cue-wide", "<mi>a</mi><mo>+</mo>".repeat(60) + "<mi>b</mi>") +
    display("cue-fits", "<mi>x</mi>"));
}"""


def test_the_cue_shows_only_where_the_formula_continues(browser, site_url):
    """The cue is a shadow at an edge the formula continues past: a formula that fits shows
    none; a wide one shows it at the right edge, and after scrolling to the end at the left."""
    context = browser.new_context(viewport={"width": PHONE, "height": 844})
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
    )
    tab = context.new_page()
    tab.goto(site_url, wait_until="load")
    tab.evaluate(PLANTED)
    wide_before = edge_shades(tab, "cue-wide")
    tab.evaluate("document.getElementById('cue-wide').scrollLeft = 1e6")
    wide_after = edge_shades(tab, "cue-wide")
    fits = edge_shades(tab, "cue-fits")
    context.close()
    assert wide_before[1] > wide_before[0] + 8, f"no shadow at the right edge: {wide_before}"
    assert wide_after[0] > wide_after[1] + 8, f"no shadow at the left edge: {wide_after}"
    assert max(fits) < 8, f"a formula that fits shows a shadow: {fits}"


def edge_shades(tab, box_id: str) -> tuple[int, int]:
    """How much darker than the page (0-255) the box is 2 px inside its left and right edge,
    in its top padding (above the formula's glyphs)."""
    box = tab.locator(f"#{box_id}")
    box.scroll_into_view_if_needed()
    tab.wait_for_timeout(50)
    image = Image.open(BytesIO(box.screenshot())).convert("L")
    page = 255 if image.getpixel((image.width // 2, 1)) > 128 else 0
    row = 1
    return abs(page - image.getpixel((1, row))), abs(page - image.getpixel((image.width - 2, row)))
