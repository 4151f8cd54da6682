"""The figures (snippets/figures/): well-formed, accessible, deterministic SVG, and the data
behind each one is what its caption says (snippets/checks/figures.py), with wrong data rejected.
"""

import hashlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from snippets.checks.figures import (
    check_eval_costs,
    check_fd_steps,
    check_jacobian_memory,
    check_kron_layouts,
)
from snippets.figures import (
    check_costs,
    check_sensitivity,
    engine_training,
    fd_steps,
    jacobian_memory,
    kron_layouts,
)
from snippets.figures.style import COLORS, FOREGROUND, inline_svg, new_figure
from snippets.gradcheck import expect_pass, expect_reject

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"

FIGURES = {
    "fd_steps": fd_steps.fd_steps_svg,
    "kron_layouts": kron_layouts.kron_layouts_svg,
    "jacobian_memory": jacobian_memory.jacobian_memory_svg,
    "check_costs": check_costs.check_costs_svg,
    "check_sensitivity": check_sensitivity.check_sensitivity_svg,
    "engine_training": engine_training.engine_training_svg,
}


@pytest.fixture(scope="module")
def svgs():
    return {name: make() for name, make in FIGURES.items()}


@pytest.mark.parametrize("name", FIGURES)
def test_svg_is_well_formed_and_labelled(svgs, name):
    text = svgs[name]
    assert text.startswith("<svg "), "inline SVG: no XML prolog or DOCTYPE before <svg>"
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox")
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None
    assert len(title.text) > 20
    assert desc is not None
    assert len(desc.text) > 100
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")


@pytest.mark.parametrize("name", FIGURES)
def test_svg_follows_the_palette_and_has_no_date(svgs, name):
    text = svgs[name]
    assert "currentColor" in text
    assert FOREGROUND not in text, "the placeholder foreground must become currentColor"
    assert "var(--mcv-figure-" in text
    assert "font-family" not in text, "text takes the page's font"
    assert "<metadata" not in text
    assert "dc:date" not in text
    assert "<style" not in text, "a <style> in inline SVG would apply to the whole page"


def test_css_defines_every_figure_colour_in_both_palettes(svgs):
    css = (ROOT / "docs" / "assets" / "site.css").read_text()
    used = set(re.findall(r"var\(--mcv-figure-(\w+),", "".join(svgs.values())))
    assert used <= set(COLORS)
    light = css[css.index(":root {") :]
    dark = css[css.index('[data-md-color-scheme="slate"] {') :]
    for color in COLORS:
        assert f"--mcv-figure-{color}:" in light.split("}")[0]
        assert f"--mcv-figure-{color}:" in dark.split("}")[0]


def test_ids_are_unique_across_figures(svgs):
    ids = [i for text in svgs.values() for i in re.findall(r' id="([^"]+)"', text)]
    assert ids, "the clip paths and titles have ids"
    assert len(ids) == len(set(ids)), "two figures on one page must not share an id"


@pytest.mark.parametrize("name", FIGURES)
def test_svg_is_the_same_when_drawn_again(svgs, name):
    assert FIGURES[name]() == svgs[name]


def test_svg_is_the_same_in_a_fresh_process(svgs):
    """What a second build writes: a new interpreter, new random uuids, same bytes."""
    program = (
        "import hashlib\n"
        "from tests.test_figures import FIGURES\n"
        "for name, make in FIGURES.items():\n"
        "    print(name, hashlib.sha256(make().encode()).hexdigest())\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    fresh = dict(line.split() for line in run.stdout.splitlines())
    here = {name: hashlib.sha256(text.encode()).hexdigest() for name, text in svgs.items()}
    assert fresh == here


def test_inline_svg_refuses_a_bad_name():
    fig, _ = new_figure(1, 1)
    with pytest.raises(ValueError, match="name must be lower-case letters"):
        inline_svg(fig, name="Figure 1", title="t", desc="d")


# --- the data behind each figure -------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_fd_steps_minimum_near_the_checker_step(seed):
    assert expect_pass(*check_fd_steps(seed=seed))


def test_fd_steps_v_shapes():
    """Each difference falls with h on the right (truncation) and rises as h shrinks on the
    left (rounding); the complex step stays at rounding level for small h."""
    h, errors = fd_steps.step_errors()
    small, large = h < 1e-10, h > 1e-1
    for name in ("forward", "two-point", "five-point"):
        e = errors[name]
        assert np.all(e[small] > 1e-8), f"{name}: rounding dominates at small h"
        assert e.min() < e[small].min() / 100
        assert e.min() < e[large].min() / 100
    assert np.all(errors["complex step"][small] < 1e-15)
    lowest = {name: errors[name].min() for name in ("forward", "two-point", "five-point")}
    assert lowest["five-point"] < lowest["two-point"] < lowest["forward"]


def test_fd_steps_rejects_the_two_point_curve():
    """The two-point V bottoms out near ε^(1/3), far from the checker's step."""

    def two_point_as_five(seed=0):
        h, errors = fd_steps.step_errors(seed)
        return h, {**errors, "five-point": errors["two-point"]}

    assert expect_reject(check_fd_steps(errors=two_point_as_five)[0])


def test_fd_steps_rejects_another_stencil_at_the_checker_step():
    def forward_as_five(seed=0):
        h, errors = fd_steps.step_errors(seed)
        return h, {**errors, "five-point": errors["forward"]}

    assert expect_reject(*check_fd_steps(errors=forward_as_five))


@pytest.mark.parametrize("shape", [(2, 3, 4), (3, 2, 2), (2, 2, 2)])
def test_kron_layouts(shape):
    assert expect_pass(*check_kron_layouts(layouts=lambda: kron_layouts.kron_layouts(shape)))


@pytest.mark.parametrize("shape", [(2, 3, 4), (2, 2, 2)])
def test_kron_layouts_reject_swapped_panels(shape):
    def swapped():
        X, column_major, row_major = kron_layouts.kron_layouts(shape)
        return X, row_major, column_major

    assert expect_reject(*check_kron_layouts(layouts=swapped))


def test_kron_layouts_reject_a_transposed_x():
    """Xᵀ in place of X: on a square X (q = n) the panels keep their shape."""

    def transposed():
        X, _, _ = kron_layouts.kron_layouts((2, 3, 3))
        T = kron_layouts.dD_dW(X.T, 2)
        return X, kron_layouts.as_jacobian(T), T.reshape(6, 6)

    assert expect_reject(*check_kron_layouts(layouts=transposed))


def test_kron_figure_draws_every_nonzero():
    """Each nonzero cell of both panels carries its number as text."""
    _X, column_major, row_major = kron_layouts.kron_layouts()
    texts = re.findall(r">(\d+)</text>", kron_layouts.kron_layouts_svg())
    expected = [f"{v:g}" for J in (column_major, row_major) for v in J.ravel() if v]
    assert sorted(texts) == sorted(expected)


def test_jacobian_memory_ratios_exact():
    assert expect_pass(*check_jacobian_memory())


@pytest.mark.parametrize(
    "wrong",
    [
        lambda sizes=jacobian_memory.SIZES: [(s, 8 * s**3, 8 * s**2) for s in sizes],  # s³
        lambda sizes=jacobian_memory.SIZES: [(s, s**4, s**2) for s in sizes],  # entries, not bytes
        lambda sizes=jacobian_memory.SIZES: [(s, 8 * s**4, 8 * s**4) for s in sizes],
    ],
    ids=["jacobian s^3", "entries not bytes", "gradient as large"],
)
def test_jacobian_memory_rejects_wrong_tables(wrong):
    rejected = [r for r in check_jacobian_memory(table=wrong) if not r]
    assert rejected, "a wrong memory table passed"


def test_eval_costs_counted():
    assert expect_pass(*check_eval_costs())


@pytest.mark.parametrize(
    ("name", "wrong"),
    [
        ("five-point differences, every entry", lambda p: 2 * p + 1),  # the two-point count
        ("complex step, every entry", lambda p: 2 * p),
        (  # the count of the checker before issue 11: six points per direction, and f(x)
            f"directional check, {check_costs.DIRECTIONS} directions",
            lambda p: 6 * check_costs.DIRECTIONS + 1 + 0 * p,
        ),
        ("the gradient itself (forward + backward)", lambda p: 3 + 0 * p),
    ],
)
def test_eval_costs_reject_wrong_counts(name, wrong):
    costs = {**check_costs.COSTS, name: wrong}
    rejected = [r for r in check_eval_costs(costs=costs) if not r]
    assert rejected, f"a wrong count for {name} passed"


def test_directional_cost_is_flat_in_p():
    counts = {
        p: check_costs.counted_evaluations("directional", shape)
        for p, shape in [(12, (3, 4, 5)), (10**4, (100, 100, 2)), (10**5, (100, 1000, 1))]
    }
    assert len(set(counts.values())) == 1, counts
