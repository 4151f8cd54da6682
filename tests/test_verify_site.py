"""The built site verifies itself: docs/_build/verify.py (the README's verify-site command).

It passes on the real site (the session's strict build), and refuses a page with a failed
block, a traceback, an unexpected REJECTED, results that vanished, or numbers that differ
from the build's checks-manifest.json. The failures are planted into a copy of one built
page (math-to-code, whose checks the planted wrong gradient of test_build_imports breaks)
rather than built again: the failed block's HTML is markdown-exec's own, rendered here.
And inside a page's executed block, without the site's hooks, a failed `expect_pass`
escapes markdown-exec as BuildStoppedError, so that any engine stops.
"""

import json
import shutil
import sys

import markdown
import markdown_exec
import pytest
from page_includes import ROOT

sys.path.insert(0, str(ROOT / "docs" / "_build"))
import verify

from snippets.gradcheck import BuildStoppedError

PAGE_SRC = "math-to-code.md"
PAGE_HTML = "math-to-code/index.html"

# A block as a page writes it, whose check fails: the gradient claimed is twice the true one.
FAILING_BLOCK = """\
```python exec="on" source="above" result="text" session="planted" title="checks/planted.py"
import numpy as np
from snippets.gradcheck import check_gradient, expect_pass

W = np.arange(1.0, 7.0).reshape(2, 3)
print(expect_pass(check_gradient(lambda W: np.sum(W * W), 4 * W, W, label="dW = 4 W")))
```
"""


def render(text: str) -> str:
    """Markdown to HTML with markdown-exec running the python fences, as a page build does."""
    fence = {
        "name": "python",
        "class": "python",
        "validator": markdown_exec.validator,
        "format": markdown_exec.formatter,
    }
    md = markdown.Markdown(
        extensions=["pymdownx.superfences", "pymdownx.highlight"],
        extension_configs={
            "pymdownx.superfences": {"custom_fences": [fence]},
            "pymdownx.highlight": {"pygments_lang_class": True},  # as in mkdocs.yml
        },
    )
    return md.convert(text)


@pytest.fixture(scope="module")
def failed_block_html():
    """markdown-exec's HTML for the failing block, as the site's hooks let it render."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SHOW_FAILED_CHECKS", "1")
        html = render(FAILING_BLOCK)
    assert verify.TRACEBACK in verify._text(html), html[:500]
    return html


@pytest.fixture(scope="module")
def one_page(built_site, tmp_path_factory):
    """One built page, its source and its line of the manifest: a site to plant failures in."""
    base = tmp_path_factory.mktemp("verify")
    docs = base / "docs"
    docs.mkdir()
    shutil.copy(ROOT / "docs" / PAGE_SRC, docs / PAGE_SRC)
    manifest = json.loads((built_site / verify.MANIFEST).read_text())
    manifest["pages"] = {PAGE_SRC: manifest["pages"][PAGE_SRC]}
    page = (built_site / PAGE_HTML).read_text()
    return docs, page, manifest


def site_with(tmp_path, one_page, page=None, manifest=None):
    docs, real_page, real_manifest = one_page
    (tmp_path / "math-to-code").mkdir()
    (tmp_path / PAGE_HTML).write_text(real_page if page is None else page)
    if manifest is not False:
        manifest = real_manifest if manifest is None else manifest
        (tmp_path / verify.MANIFEST).write_text(json.dumps(manifest))
    return verify.verify(tmp_path, docs)[0]


def test_the_real_site_passes(built_site):
    problems, totals = verify.verify(built_site)
    assert problems == [], "\n".join(problems)
    pages = json.loads((built_site / verify.MANIFEST).read_text())["pages"]
    sources = verify.source_pages()
    checked = [s.src_uri for s in sources if s.runs_checks]
    assert set(checked) <= set(pages), f"pages run checks but are not recorded: {checked}"
    assert len(checked) >= 25, checked
    assert totals["passed"] == sum(p["passed"] for p in pages.values()) > 500, totals
    assert totals["rejected"] == sum(p["rejected"] for p in pages.values()) > 100, totals


def test_the_one_page_site_passes_before_anything_is_planted(tmp_path, one_page):
    assert site_with(tmp_path, one_page) == []


def test_a_failed_block_is_refused_and_named(tmp_path, one_page, failed_block_html):
    page = one_page[1].replace("</article>", failed_block_html + "</article>", 1)
    problems = site_with(tmp_path, one_page, page)
    failed = [p for p in problems if "failed:" in p]
    assert len(failed) == 1, problems
    assert "session planted" in failed[0], failed
    assert "checks/planted.py" in failed[0], failed
    assert "dW = 4 W was rejected but should pass" in failed[0], failed


def test_a_failed_block_in_place_of_its_output_is_refused(tmp_path, one_page, failed_block_html):
    """As markdown-exec renders it: the traceback where the source and the results were."""
    real = one_page[1]
    divs = list(verify.CODE_DIV.finditer(real))
    output = next(i for i, d in enumerate(divs) if "passed   dY = (Y − T) / n" in d["code"])
    source = divs[output - 1]
    assert source["lang"] == "python"
    assert not real[source.end() : divs[output].start()].strip()
    page = real[: source.start()] + failed_block_html + real[divs[output].end() :]
    problems = "\n".join(site_with(tmp_path, one_page, page))
    assert "session planted" in problems, problems
    assert "11 executed blocks should show their output, 10 do" in problems, problems
    assert "the build recorded 24 passed, the page shows 22" in problems, problems


def test_a_traceback_anywhere_is_refused(tmp_path, one_page):
    line = "<p>Traceback (most recent call last): File x, line 1</p>"
    page = one_page[1].replace("</article>", line + "</article>", 1)
    problems = site_with(tmp_path, one_page, page)
    assert any("a traceback" in p for p in problems), problems


def test_an_unexpected_rejected_is_refused(tmp_path, one_page):
    """A REJECTED printed by a block that calls expect_pass, not expect_reject."""
    real = one_page[1]
    page = real.replace("\npassed   dY = (Y − T) / n", "\nREJECTED dY = (Y − T) / n", 1)
    assert page != real, "the planted line is not on the page"
    problems = "\n".join(site_with(tmp_path, one_page, page))
    assert "unexpected REJECTED" in problems, problems
    assert "REJECTED dY = (Y − T) / n" in problems, problems
    assert "the build recorded 9 rejected, the page shows 10" in problems, problems


def test_vanished_results_are_refused(tmp_path, one_page):
    real = one_page[1]

    def emptied(div):
        return div.group().replace(div["code"], "") if div["lang"] == "text" else div.group()

    page = verify.CODE_DIV.sub(emptied, real)
    problems = "\n".join(site_with(tmp_path, one_page, page))
    assert "shows no check result" in problems, problems
    assert "passed, the page shows 0" in problems, problems


def test_a_count_that_differs_from_the_build_record_is_refused(tmp_path, one_page):
    manifest = json.loads(json.dumps(one_page[2]))
    manifest["pages"][PAGE_SRC]["passed"] += 1
    problems = site_with(tmp_path, one_page, manifest=manifest)
    assert len(problems) == 1, problems
    assert "math-to-code/index.html (docs/math-to-code.md): the build recorded" in problems[0]


def test_a_site_without_the_manifest_or_the_page_is_refused(tmp_path, one_page):
    problems = site_with(tmp_path, one_page, manifest=False)
    assert problems, "a site without the manifest passed"
    assert all(verify.MANIFEST in p for p in problems), problems
    (tmp_path / PAGE_HTML).unlink()
    problems = verify.verify(tmp_path, one_page[0])[0]
    assert any("missing from the site" in p for p in problems), problems


def test_the_command_exits_1_and_names_the_problem(tmp_path, one_page, capsys):
    site_with(tmp_path, one_page, manifest=False)
    assert verify.main([str(tmp_path), "--docs", str(one_page[0])]) == 1
    out = capsys.readouterr().out
    assert "REFUSED" in out, out
    assert verify.MANIFEST in out, out


def test_without_the_hooks_a_failed_check_escapes_markdown_exec(monkeypatch):
    """markdown-exec turns an Exception into a warning; BuildStoppedError stops any engine."""
    monkeypatch.delenv("SHOW_FAILED_CHECKS", raising=False)
    with pytest.raises(BuildStoppedError, match="dW = 4 W was rejected but should pass"):
        render(FAILING_BLOCK.replace('session="planted"', 'session="planted-bare"'))


def test_readme_has_the_verify_site_command():
    text = (ROOT / "README.md").read_text()
    after = text.split("<!-- verify-site-command -->", 1)[1].lstrip("\n")
    block = after.split("```", 2)[1]
    assert block.startswith("sh\n"), block
    assert "docs/_build/verify.py" in block, block
    assert '"$SITE_DIR"' in block, block
    assert "verify-site-command" in (ROOT / ".ci" / "run").read_text()
    assert "verify-site-command" in (ROOT / ".github" / "workflows" / "deploy.yml").read_text()


def test_the_hook_fails_a_build_but_not_serve_on_a_failed_block(tmp_path, monkeypatch):
    """docs/_build/hooks.py: a failed block ends `mkdocs build` (strict or not) with every
    failed block named, and writes no manifest; under `mkdocs serve` the page shows it."""
    import hooks
    from mkdocs.exceptions import PluginError

    monkeypatch.setenv("SHOW_FAILED_CHECKS", "0")  # restored after the test
    config = type("Config", (), {"site_dir": str(tmp_path)})()
    failed = verify.PageCount(outputs=1, failures=["block <session s> under x failed: E"])
    for command in ("serve", "build"):
        hooks.on_startup(command)
        hooks.counted.update({"a.md": failed, "b.md": verify.PageCount(outputs=2, passed=3)})
        if command == "serve":
            hooks.on_post_build(config)
        else:
            with pytest.raises(PluginError, match=r"docs/a\.md: block <session s> under x"):
                hooks.on_post_build(config)
        assert not (tmp_path / verify.MANIFEST).exists(), command
    assert hooks.serving is False
    hooks.counted["b.md"] = verify.PageCount(outputs=2, passed=3)
    hooks.on_post_build(config)
    written = json.loads((tmp_path / verify.MANIFEST).read_text())["pages"]
    assert written == {"b.md": {"html": "b/index.html", "outputs": 2, "passed": 3, "rejected": 0}}
