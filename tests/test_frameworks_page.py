"""The numpy side of docs/autodiff/frameworks.md: the checks its page runs at build time, over
every seed and shape, with their rejections; and the page shows what tests/test_frameworks.py
runs (each framework's file, whole) and says how to run those tests. No framework needed.
"""

from page_includes import ROOT
from seeds_and_shapes import SEEDS, SHAPES

from snippets.checks.frameworks import check_jacobian_layout, check_ones_seed, check_seeded_backward
from snippets.gradcheck import expect_pass, expect_reject

SQUARE = (4, 4, 4)
FILES = [
    "snippets/frameworks/torch_names.py",
    "snippets/frameworks/jax_names.py",
    "snippets/frameworks/tensorflow_names.py",
]


def cases():
    return [(seed, shape) for seed in SEEDS for shape in SHAPES]


def test_the_pages_numpy_checks():
    results = []
    for seed, shape in cases():
        results += check_seeded_backward(seed, shape) + check_jacobian_layout(seed, shape)
        results.append(check_ones_seed(seed, shape))
        results.append(check_ones_seed(seed, shape, ones=True))
    expect_pass(*results)


def test_the_pages_numpy_checks_reject_wrong_answers():
    def transposed(G, W, X):
        return X @ G.T, G.T @ W

    def not_transposed(G, W, X):
        return G @ X, W @ G

    def dD_transposed(G, W, X):
        return G.T @ X.T

    results = []
    for seed in SEEDS:
        results += check_seeded_backward(seed, SQUARE, backward=transposed)[1:]
        results += check_seeded_backward(seed, SQUARE, backward=not_transposed)[1:]
        results += check_jacobian_layout(seed, SQUARE, backward=not_transposed)[:1]
        results.append(check_ones_seed(seed, SQUARE, claimed=dD_transposed))
    expect_reject(*results)
    # The trap the page shows: with the all-ones seed of D.sum(), the wrong formula passes.
    expect_pass(*(check_ones_seed(s, SQUARE, ones=True, claimed=dD_transposed) for s in SEEDS))


def test_the_page_shows_each_file_whole_and_says_how_to_run_these_tests():
    page = (ROOT / "docs" / "autodiff" / "frameworks.md").read_text()
    for path in FILES:
        assert f'--8<-- "{path}"' in page, f"the page does not show {path} whole"
    assert 'pip install -e ".[frameworks]"' in page
    assert "pytest tests/test_frameworks.py" in page
