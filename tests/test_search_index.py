"""The search index every page downloads holds prose and formulas, not code blocks; formulas
are indexed in the plain-text form a reader types (docs/_build/search_scope.py)."""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "docs" / "_build"))

from search_scope import search_form  # the build's own extension, on the path above


def test_search_index_has_pages_but_no_code_blocks(built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text())["docs"]
    pages = {doc["location"].split("#")[0] for doc in docs}
    assert {"kronecker/", "catalog/traces/", "layers/attention/"} <= pages
    with_code = [doc["location"] for doc in docs if "<pre" in doc["text"]]
    assert not with_code, f"code blocks in the search index: {with_code[:5]}"
    # Inline code in prose stays searchable.
    assert any("<code>np.add.at</code>" in doc["text"] for doc in docs)


def test_formulas_are_indexed_as_readers_write_them(built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text())["docs"]
    text = " ".join(doc["text"] for doc in docs)
    for form in ("tr(AXB)", "X⁻¹", "∂φ/∂W", "det X"):
        assert form in text, f"{form!r} is not in the search index"
    for tex in ("\\frac", "\\operatorname", "\\top", "\\partial"):
        assert tex not in text, f"raw TeX {tex!r} in the search index"


@pytest.mark.parametrize(
    ("tex", "form"),
    [
        (r"\frac{\partial D}{\partial W} = X^\top", "∂D/∂W = Xᵀ"),
        (r"d \operatorname{tr}(AXB) = \operatorname{tr}(A\, dX\, B)", "d tr(AXB) = tr(A dX B)"),
        (r"d(X^{-1}) = -X^{-1}\, dX\, X^{-1}", "d(X⁻¹) = -X⁻¹ dX X⁻¹"),
        (r"\frac{\partial \det X}{\partial X} = \det(X)\, X^{-\top}", "(∂det X)/∂X = det(X) X⁻ᵀ"),
        (r"D_{ij} = \sum_{k} W_{ik} X_{kj}", "D_ij = ∑_k W_ik X_kj"),
        (r"\begin{aligned} a &= b \\ &= c^{k-1} \end{aligned}", "a = b = c^(k-1)"),
        (r"Y_{ij} \in \{-1, 1\}", "Y_ij ∈ -1, 1"),
    ],
)
def test_search_form(tex, form):
    assert search_form(tex) == form
