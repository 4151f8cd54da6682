"""Shared test settings: the seeds and shapes every snippet is checked at, and the built site."""

from pathlib import Path

import pytest
from seeds_and_shapes import SEEDS, SHAPES
from site_build import build_site

TESTS = Path(__file__).resolve().parent


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


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (`-n`), the tests that read the built site share one worker.

    The site then is built once, by that worker, while the other workers run the rest.
    The suites in subfolders (tests/browser, tests/page_downloads) are left out of the
    group: they take minutes, so a second worker that builds its own copy of the site and
    takes half of them finishes sooner. Without `-n` the marker does nothing.
    """
    for item in items:
        in_a_subfolder_suite = item.path.parent != TESTS
        if "built_site" in getattr(item, "fixturenames", ()) and not in_a_subfolder_suite:
            item.add_marker(pytest.mark.xdist_group("built-site"))
