"""Shared test settings: the seeds and shapes every snippet is checked at, and the built site."""

import itertools
from pathlib import Path

import pytest
from seeds_and_shapes import SEEDS, SHAPES
from site_build import build_site

TESTS = Path(__file__).resolve().parent

#: What a test that takes `seed` or `shape` runs through, inside its one test item.
EVERY = {"seed": SEEDS, "shape": SHAPES}


@pytest.fixture
def seed():
    """Each seed of SEEDS in turn: see pytest_pyfunc_call."""
    return SEEDS[0]


@pytest.fixture
def shape():
    """Each (m, q, n) of SHAPES in turn: see pytest_pyfunc_call."""
    return SHAPES[0]


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run a test that takes `seed` or `shape` at every seed and every shape, in one test item.

    The checks are the same as with one test item per seed and shape, but that made 20 items of
    each such test, and the suite spent more of its time handing 11,000 items to the workers
    than checking. A failure names the seed and shape it failed at (a note under the error). A
    `pytest.skip` skips that seed and shape only; the item is skipped if all of them are. A test
    that parametrizes `seed` or `shape` itself (`@pytest.mark.parametrize`) keeps its values.
    """
    own = getattr(pyfuncitem, "callspec", None)
    own = own.params if own else {}
    looped = {
        name: values
        for name, values in EVERY.items()
        if name in pyfuncitem._fixtureinfo.argnames and name not in own
    }
    if not looped:
        return None  # pytest calls the test as usual
    args = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    combinations = list(itertools.product(*looped.values()))
    skipped = []
    for values in combinations:
        at = dict(zip(looped, values, strict=True))
        try:
            pyfuncitem.obj(**{**args, **at})
        except pytest.skip.Exception as skip:
            skipped.append(skip)
        except BaseException as failure:
            failure.add_note("at " + ", ".join(f"{k} = {v}" for k, v in at.items()))
            raise
    if len(skipped) == len(combinations):
        raise skipped[0]
    return True


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
