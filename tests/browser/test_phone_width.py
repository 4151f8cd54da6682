"""At a phone's width (390 px), displayed formulas fit the column, and those that do not show
that they scroll.

Chromium does not break a long MathML line: a display formula wider than the column scrolls
sideways inside its box (`.math-display`). The site's rule is that at most 5 % of display
formulas may need that (derivation chains are written one relation per line); the rest must
show a cue that there is more to the right (docs/assets/math.css draws a shadow at the edge
the formula continues past).
"""

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


@pytest.fixture(scope="module")
def displays(browser, site_url):
    """Every display formula of the site, measured at 390 px, with the page it is on."""
    context = browser.new_context(viewport={"width": PHONE, "height": 844})
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
    )
    tab = context.new_page()
    found = []
    for page in PAGES:
        tab.goto(site_url + url_path(page), wait_until="load")
        tab.evaluate(SHOW_EVERYTHING)
        tab.evaluate("document.fonts.ready")
        for row in tab.evaluate(DISPLAYS):
            row["page"] = url_path(page) or "home"
            found.append(row)
    context.close()
    return found


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
