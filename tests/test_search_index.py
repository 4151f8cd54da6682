"""The search index every page downloads holds prose and formulas, not code blocks."""

import json


def test_search_index_has_pages_but_no_code_blocks(built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text())["docs"]
    pages = {doc["location"].split("#")[0] for doc in docs}
    assert {"kronecker/", "catalog/traces/", "layers/attention/"} <= pages
    with_code = [doc["location"] for doc in docs if "<pre" in doc["text"]]
    assert not with_code, f"code blocks in the search index: {with_code[:5]}"
    # Inline code in prose stays searchable.
    assert any("<code>np.add.at</code>" in doc["text"] for doc in docs)
