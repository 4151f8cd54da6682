"""Shared test settings: the seeds and shapes every snippet is checked at, and the built site."""

import pytest
from site_build import build_site

SEEDS = [0, 1, 2, 3, 4]

#: (m, q, n) for D = W X: distinct non-square dimensions, where a transpose changes the
#: shape, and square ones, where only the numbers can reveal it.
SHAPES = [(3, 4, 5), (5, 2, 3), (4, 4, 4), (1, 3, 2)]


@pytest.fixture(params=SEEDS)
def seed(request):
    return request.param


@pytest.fixture(params=SHAPES, ids=lambda s: "x".join(map(str, s)))
def shape(request):
    return request.param


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The whole site, built with `mkdocs build --strict` once per session."""
    try:
        return build_site(tmp_path_factory.mktemp("site"))
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
