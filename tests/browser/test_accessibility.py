"""Every reader: WCAG 2.1 A and AA on every page, in both palettes, at 1280 and 390 px.

axe-core (the copy inside the axe-playwright-python wheel, injected into the page: no
network) runs the rules tagged wcag2a, wcag2aa, wcag21a and wcag21aa on every page, in
the light and the dark palette, at both widths; any violation fails, naming the page, the
rule and the elements. One tab per width serves every page; the palette is switched the
way Material's toggle switches it (the body's data-md-color-scheme), and as only colours
change with it, the dark run repeats only the colour rules.

Beyond the rule set, what a screen-reader user needs from a math site: every <math> has an
accessible text (its alttext) and keeps its TeX; every figure has a title and a description
that say what it shows; the check results are plain text in the accessibility tree; the
headings go down one level at a time. And the keyboard: tabbing through a page reaches the
search, the palette toggle, the copy buttons and the folded blocks, each with a visible focus
ring, and each works from the keyboard.
"""

from itertools import pairwise

import pytest
from axe_playwright_python.sync_playwright import Axe
from page_includes import markdown_pages
from page_sources import url_path

PAGES = markdown_pages()
WIDTHS = {"desktop": 1280, "phone": 390}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The rules whose outcome depends on colour: the only ones the dark palette can change.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
AXE_JS = Axe().axe_script  # axe-core itself, read from the installed wheel
SHOWN_PER_RULE = 6  # elements listed per violated rule in a failure message

# Switch the palette as Material's toggle does, then let the colour transitions finish:
# axe measures the colours on the screen, and halfway through they are neither palette's.
SET_PALETTE = """async scheme => {
  document.body.setAttribute("data-md-color-scheme", scheme);
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  await Promise.all(document.getAnimations().map(a => a.finished));
}"""
# axe is started in every tab before any result is awaited: each tab's page runs in its own
# renderer process, so the two widths are checked at the same time on two cores.
START_AXE = "options => { window.axeRun = axe.run(document, options); }"
AXE_RESULT = "() => window.axeRun"


def page_id(page):
    return url_path(page) or "home"


@pytest.fixture(scope="module")
def tabs(browser, site_url):
    """A tab per width, reused by every page, with every host but the site cut off."""
    contexts, tabs, outside = [], {}, []

    def only_local(route):
        if route.request.url.startswith(site_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    for name, width in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": 900})
        context.route("**/*", only_local)
        contexts.append(context)
        tabs[name] = context.new_page()
    yield tabs
    for context in contexts:
        context.close()
    assert not outside, f"requests to other hosts: {outside}"


def axe_violations(tabs: dict, rules: list[str] | None = None) -> dict[str, list[dict]]:
    """axe's violations in each tab as it is now: the WCAG 2.1 A/AA rules, or `rules`."""
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    options = {"runOnly": run_only, "resultTypes": ["violations"]}
    for tab in tabs.values():
        tab.evaluate(START_AXE, options)
    return {name: tab.evaluate(AXE_RESULT)["violations"] for name, tab in tabs.items()}


def describe(violation: dict, where: str) -> str:
    """One violated rule: where, what, and the first elements with axe's reason."""
    nodes = violation["nodes"]
    lines = [f"{where}: {violation['id']} ({violation['impact']}, {len(nodes)} elements): "
             f"{violation['help']}"]  # fmt: skip
    for node in nodes[:SHOWN_PER_RULE]:
        reason = (node.get("failureSummary") or "").splitlines()[-1].strip()
        lines.append(f"    {' > '.join(map(str, node['target']))}: {reason}")
    if len(nodes) > SHOWN_PER_RULE:
        lines.append(f"    ... and {len(nodes) - SHOWN_PER_RULE} more")
    return "\n".join(lines)


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_no_wcag_violations_in_either_palette_at_either_width(page, tabs, site_url):
    problems = []
    for tab in tabs.values():
        tab.goto(site_url + url_path(page), wait_until="load")
        tab.evaluate(AXE_JS)
    for scheme, rules in (("default", None), ("slate", COLOUR_RULES)):
        for tab in tabs.values():
            tab.evaluate(SET_PALETTE, scheme)
        for name, violations in axe_violations(tabs, rules).items():
            where = f"{page_id(page)} at {WIDTHS[name]} px, {scheme} palette"
            problems += [describe(v, where) for v in violations]
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------------------
# Beyond the rule set: formulas, figures, check results, headings.

PAGE_FACTS = """() => {
  const article = document.querySelector("article");
  const maths = [...article.querySelectorAll("math")].map(m => ({
    alttext: (m.getAttribute("alttext") || "").trim(),
    tex: ((m.querySelector("annotation[encoding='application/x-tex']") || {}).textContent || "")
      .trim(),
    hidden: !!m.closest("[aria-hidden=true]"),
  }));
  const text = id => ((id && document.getElementById(id)) || {}).textContent || "";
  const figures = [...article.querySelectorAll("svg")]
    .filter(svg => !svg.closest(".md-icon, .twemoji, .headerlink, button, label"))
    .map(svg => ({
      role: svg.getAttribute("role"),
      title: (svg.querySelector(":scope > title") || {}).textContent || "",
      desc: (svg.querySelector(":scope > desc") || {}).textContent || "",
      name: text(svg.getAttribute("aria-labelledby")),
      description: text(svg.getAttribute("aria-describedby")),
    }));
  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
    .map(h => ({level: +h.tagName[1], text: h.textContent.trim().slice(0, 60)}));
  return {maths, figures, headings};
}"""

# A check result is what expect_pass/expect_reject print: lines that start with a verdict.
CHECK_RESULTS = """() => [...document.querySelectorAll("article pre")]
  .filter(pre => /^(passed|REJECTED)\\b/m.test(pre.textContent))
  .map((pre, number) => {
    pre.dataset.checkResult = number;  // found again below, through the DevTools protocol
    const style = getComputedStyle(pre);
    return {text: pre.textContent.trim(),
            highlighted: pre.querySelectorAll("code span[class]").length,
            hidden: !!pre.closest("[aria-hidden=true], [role=presentation], [role=none]"),
            invisible: style.visibility !== "visible" || style.display === "none"};
  })"""


def spoken_texts(cdp, selector: str) -> list[str]:
    """The text Chromium's accessibility tree exposes inside each element matching
    `selector` (its static text nodes, whitespace collapsed), in page order."""
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    texts = []
    for node_id in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})[
        "nodeIds"
    ]:
        nodes = cdp.send("Accessibility.queryAXTree", {"nodeId": node_id, "role": "StaticText"})
        words = (str(n.get("name", {}).get("value", "")) for n in nodes["nodes"])
        texts.append(" ".join(" ".join(words).split()))
    return texts


@pytest.fixture(scope="module")
def page_facts(tabs, site_url):
    """What each page says about its formulas, figures, headings and check results, read in
    one visit per page. The folded blocks are opened first, as a reader opens them."""
    tab, facts = tabs["desktop"], {}
    cdp = tab.context.new_cdp_session(tab)
    for page in PAGES:
        tab.goto(site_url + url_path(page), wait_until="load")
        tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        facts[page] = tab.evaluate(PAGE_FACTS)
        results = tab.evaluate(CHECK_RESULTS)
        for result, spoken in zip(results, spoken_texts(cdp, "[data-check-result]"), strict=True):
            result["spoken"] = spoken
        facts[page]["check_results"] = results
    cdp.detach()
    return facts


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_formula_has_an_accessible_text(page, page_facts):
    problems = []
    for math in page_facts[page]["maths"]:
        if not math["alttext"]:
            problems.append(f"<math> without alttext: {math['tex'][:80]!r}")
        elif math["alttext"] != math["tex"]:
            problems.append(f"alttext {math['alttext'][:60]!r} is not the TeX {math['tex'][:60]!r}")
        if not math["tex"]:
            problems.append(f"<math> without its TeX annotation (alttext {math['alttext']!r})")
        if math["hidden"]:
            problems.append(f"formula hidden from screen readers: {math['tex'][:80]!r}")
    assert not problems, f"{page_id(page)}:\n" + "\n".join(problems)


# A title or description that does not say what a figure shows.
EMPTY_WORDS = {"figure", "image", "plot", "chart", "graph", "svg", "diagram", "picture"}


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_figure_has_a_title_and_a_description(page, page_facts):
    problems = []
    for number, svg in enumerate(page_facts[page]["figures"], start=1):
        title, desc = svg["title"].strip(), svg["desc"].strip()
        where = f"figure {number} ({title[:50]!r})"
        if svg["role"] != "img":
            problems.append(f"{where}: role={svg['role']!r}, not 'img'")
        if len(title.split()) < 3 or title.lower().rstrip(".") in EMPTY_WORDS:
            problems.append(f"{where}: the <title> does not say what the figure shows")
        if len(desc.split()) < 15:
            problems.append(f"{where}: the <desc> is {len(desc.split())} words, not a description")
        if svg["name"].strip() != title or svg["description"].strip() != desc:
            problems.append(f"{where}: not named by its <title> and described by its <desc>")
    assert not problems, f"{page_id(page)}:\n" + "\n".join(problems)


def test_the_figures_are_found(page_facts):
    """The figure test above looks at something: the site's figures are inline SVG."""
    assert sum(len(facts["figures"]) for facts in page_facts.values()) >= 4


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_headings_go_down_one_level_at_a_time(page, page_facts):
    headings = page_facts[page]["headings"]
    problems = []
    if [h["level"] for h in headings].count(1) != 1:
        problems.append(f"{[h['level'] for h in headings].count(1)} h1 headings, not 1")
    elif headings[0]["level"] != 1:
        problems.append(f"the first heading is h{headings[0]['level']}: {headings[0]['text']!r}")
    for before, after in pairwise(headings):
        if after["level"] > before["level"] + 1:
            problems.append(
                f"h{before['level']} {before['text']!r} is followed by "
                f"h{after['level']} {after['text']!r}"
            )
    assert not problems, f"{page_id(page)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_check_results_are_read_as_text(page, page_facts):
    """What a check prints is plain text a screen reader reads as it is: not hidden, not
    split into highlighted tokens, and in Chromium's accessibility tree with its words.
    (No live region: the results are there when the page loads, they do not change.)"""
    problems = []
    for number, block in enumerate(page_facts[page]["check_results"], start=1):
        first_line = " ".join(block["text"].splitlines()[0].split())
        where = f"check result {number} ({first_line[:60]!r})"
        if block["hidden"] or block["invisible"]:
            problems.append(f"{where}: hidden")
        if block["highlighted"]:
            problems.append(f"{where}: split into {block['highlighted']} highlighted tokens")
        if block["spoken"] != " ".join(block["text"].split()):
            problems.append(f"{where}: Chromium's accessibility tree has {block['spoken']!r}")
    assert not problems, f"{page_id(page)}:\n" + "\n".join(problems)


def test_the_check_results_are_found(page_facts):
    """The test above looks at something: the pages print well over a hundred results."""
    found = sum(len(facts["check_results"]) for facts in page_facts.values())
    assert found >= 100, f"only {found} check results found: is the pattern out of date?"


# ---------------------------------------------------------------------------------------
# The keyboard.

KEYBOARD_PAGE = "checking.md"  # search, palette toggle, copy buttons and folded blocks
MAX_TABS = 1500

# The focused element, the element that shows its focus (the palette toggle is a radio
# button of no size whose icon, the next label, shows it), and that element's focus ring:
# its outline, and the contrast of the outline with the background around it.
FOCUSED = """async () => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  // Material fades some controls in on focus (the search box): measure once they are drawn.
  await Promise.all(document.getAnimations().map(a => a.finished));
  const shown = e.matches("input.md-option") ? e.nextElementSibling : e;
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  // The ring is drawn on the element's background if it is inside, else on its parent's.
  let back = parseFloat(style.outlineOffset) < 0 ? shown : shown.parentElement;
  let background = "rgb(255, 255, 255)";
  while (back) {
    const c = getComputedStyle(back).backgroundColor;
    if (rgb(c).length === 3 || (rgb(c).length === 4 && rgb(c)[3] === 1)) { background = c; break; }
    back = back.parentElement;
  }
  const [l1, l2] = [luminance(rgb(style.outlineColor)), luminance(rgb(background))];
  return {
    kind: e.matches(".md-search__input") ? "search"
      : e.matches("input.md-option") ? "palette toggle"
      : e.matches("button[data-md-type=copy]") ? "copy button"
      : e.matches("details > summary") ? "folded block"
      : e.matches("a[download]") ? "download link" : e.tagName.toLowerCase(),
    label: (e.getAttribute("aria-label") || e.textContent || "").trim().slice(0, 40),
    outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
    contrast: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05),
    size: box.width * box.height,
  };
}"""


@pytest.fixture
def keyboard_tab(browser, site_url):
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
    )
    tab = context.new_page()
    tab.goto(site_url + url_path(markdown_pages_named(KEYBOARD_PAGE)), wait_until="networkidle")
    yield tab
    context.close()


def markdown_pages_named(name: str):
    return next(page for page in PAGES if page.as_posix().endswith(f"docs/{name}"))


def tab_through(tab) -> list[dict]:
    """Press Tab from the top of the page until the focus comes round again."""
    stops = []
    for _ in range(MAX_TABS):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(FOCUSED)
        if focused is None or (stops and focused == stops[0]):
            break
        stops.append(focused)
    return stops


def test_tabbing_reaches_every_control_with_a_visible_focus_ring(keyboard_tab):
    stops = tab_through(keyboard_tab)
    kinds = {stop["kind"] for stop in stops}
    expected = {"search", "palette toggle", "copy button", "folded block"}
    if keyboard_tab.locator("article a[download]").count():
        expected.add("download link")
    assert expected <= kinds, f"not reached by Tab: {expected - kinds}"
    summaries = keyboard_tab.locator("article details > summary").count()
    assert sum(s["kind"] == "folded block" for s in stops) == summaries
    # Every copy button outside the folded blocks (inside one, it shows when the block opens).
    copy_buttons = keyboard_tab.evaluate(
        """[...document.querySelectorAll("article button[data-md-type=copy]")]
        .filter(b => !b.closest("details:not([open])")).length"""
    )
    assert sum(s["kind"] == "copy button" for s in stops) == copy_buttons
    unseen = [
        f"{s['kind']} {s['label']!r}: outline {s['outline']} {s['width']}px, "
        f"contrast {s['contrast']:.1f}:1, area {s['size']:.0f}"
        for s in stops
        if s["outline"] in ("none", "hidden") or s["width"] < 2 or s["contrast"] < 3
        or s["size"] == 0
    ]  # fmt: skip
    assert not unseen, "focus not visible:\n" + "\n".join(unseen)


def focus_first(tab, selector: str) -> None:
    """Tab until the first element matching `selector` has the focus (as a reader would)."""
    for _ in range(MAX_TABS):
        tab.keyboard.press("Tab")
        if tab.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_the_controls_work_from_the_keyboard(keyboard_tab):
    tab = keyboard_tab
    # The palette toggle: Enter switches to the dark palette, and back.
    focus_first(tab, "input.md-option")
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.body.dataset.mdColorScheme") == "slate"
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.body.dataset.mdColorScheme") == "default"

    # The search: typed into from the keyboard; Escape closes it.
    focus_first(tab, ".md-search__input")
    tab.keyboard.type("kronecker", delay=20)
    results = tab.locator("a.md-search-result__link")
    results.first.wait_for(timeout=10_000)
    assert "kronecker/" in results.first.get_attribute("href")
    tab.keyboard.press("Escape")

    # A folded block: Enter opens it, Enter again closes it.
    focus_first(tab, "details > summary")
    is_open = "document.activeElement.parentElement.open"
    was_open = tab.evaluate(is_open)
    tab.keyboard.press("Enter")
    assert tab.evaluate(is_open) != was_open
    tab.keyboard.press("Enter")
    assert tab.evaluate(is_open) == was_open

    # A copy button: Enter copies its block's code.
    tab.evaluate("navigator.clipboard.writeText('')")
    focus_first(tab, "button[data-md-type=copy]")
    code = tab.evaluate("document.activeElement.closest('.highlight').querySelector('code')"
                        ".textContent")  # fmt: skip
    tab.keyboard.press("Enter")
    assert tab.evaluate("navigator.clipboard.readText()") == code.rstrip()
