"""Shared test settings: the seeds and shapes every snippet is checked at, and the built site."""

import pytest
from seeds_and_shapes import SEEDS, SHAPES
from site_build import build_site


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
