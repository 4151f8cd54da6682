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


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups from the markers
def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (`-n`), which tests share a worker.

    The tests at the top of tests/ that read the built site share one worker, so the site is
    built once while the other workers run the rest. So do the tests of a module that share
    a module-scoped fixture (every file run alone, the planted builds, the figures): spread
    over two workers, each would compute it. The suites in subfolders (tests/browser,
    tests/page_downloads) take minutes and set up per module (a browser tab, every page read
    once): each of their modules stays on one worker, and a second worker that takes another
    module builds its own copy of the site. Without `-n` the markers do nothing.
    """
    for item in items:
        if item.path.parent != TESTS:
            item.add_marker(pytest.mark.xdist_group(item.path.stem))
        elif "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("built-site"))
        elif uses_a_module_fixture(item):
            item.add_marker(pytest.mark.xdist_group(item.path.stem))


def uses_a_module_fixture(item) -> bool:
    """Whether the test uses a module-scoped fixture defined in its own module."""
    fixtures = getattr(item, "_fixtureinfo", None)
    if fixtures is None:
        return False
    return any(
        definitions[-1].scope == "module"
        and getattr(definitions[-1].func, "__module__", "") == item.module.__name__
        for definitions in fixtures.name2fixturedefs.values()
    )
