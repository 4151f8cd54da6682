"""Each layer page runs the adjoint test of its own backward passes, and the test has teeth."""

import re
from dataclasses import replace
from pathlib import Path

import pytest

from snippets.checks.layers.adjoint import check_layer_adjoint
from snippets.checks.proofs import LAYER_PASSES

ROOT = Path(__file__).resolve().parent.parent
LAYER_FILES = sorted((ROOT / "snippets" / "layers").glob("[!_]*.py"))


# tests/test_adjoint.py runs every pass over five seeds; here, only what a page selects.
@pytest.mark.parametrize("path", LAYER_FILES, ids=lambda p: p.stem)
def test_a_page_runs_every_pass_of_its_file(path):
    source = f"snippets/layers/{path.name}"
    results = check_layer_adjoint(source)
    assert len(results) == sum(bp.source == source for bp in LAYER_PASSES) > 0
    assert all(results), [str(r) for r in results]


def test_every_layer_pass_belongs_to_a_page():
    assert {bp.source for bp in LAYER_PASSES} == {
        f"snippets/layers/{path.name}" for path in LAYER_FILES
    }


@pytest.mark.parametrize("path", LAYER_FILES, ids=lambda p: p.stem)
def test_each_layer_page_tests_its_own_file(path):
    page = ROOT / "docs" / "layers" / f"{path.stem.replace('_', '-')}.md"
    calls = re.findall(r'check_layer_adjoint\("([^"]+)"\)', page.read_text())
    assert calls == [f"snippets/layers/{path.name}"]


def test_a_backward_pass_off_by_a_sign_is_rejected():
    def negated(bp):
        return lambda v, **inputs: {k: -g for k, g in bp.backward(v, **inputs).items()}

    wrong = [replace(bp, backward=negated(bp)) for bp in LAYER_PASSES]
    for source in {bp.source for bp in LAYER_PASSES}:
        assert not any(check_layer_adjoint(source, passes=wrong)), source


def test_a_file_without_backward_passes_is_an_error():
    with pytest.raises(ValueError, match=r"no backward pass of snippets/layers/nothing\.py"):
        check_layer_adjoint("snippets/layers/nothing.py")
