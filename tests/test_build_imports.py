"""The build executes the snippet files it shows, not another copy of them.

Pages include snippet text from the project's folder, and their executed blocks import
`snippets`. If Python found the package elsewhere first (a non-editable install, another
clone's editable install, PYTHONPATH), a page would show one file and run another. The
MkDocs hook (docs/_build/hooks.py) puts the project root first on sys.path.

The test: a copy of the project with a wrong gradient planted in snippets/two_layer_net.py,
and a correct copy of `snippets` first on PYTHONPATH. A one-page site with the project's
hook, showing the file and running the check of its gradients, must fail to build; the
same site without the planted error must build strictly (so the failure is the planted
error's, not the set-up's). The planted copy is built with --no-strict: markdown-exec only
logs a warning for a failed block, so what fails that build is the hook, which reads every
page for failed blocks (a strict build fails on the warning alone). The verifier
(docs/_build/verify.py) then refuses the pages that build left behind.
"""

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from page_includes import ROOT

RIGHT = "dW1 = dA @ X.T"
WRONG = "dW1 = 2 * dA @ X.T"  # right shape, wrong numbers: only the check can tell

CONFIG = """\
site_name: planted
strict: true
theme: mkdocs
hooks:
  - docs/_build/hooks.py
plugins:
  - markdown-exec
markdown_extensions:
  - pymdownx.superfences
  - pymdownx.snippets:
      base_path: ["."]
      check_paths: true
"""

PAGE = """\
# The two-layer network

```python title="snippets/two_layer_net.py"
--8<-- "snippets/two_layer_net.py"
```

```python exec="on" source="above" result="text" session="planted"
--8<-- "snippets/checks/math_to_code.py:setup"
--8<-- "snippets/checks/math_to_code.py:check_net_gradients"
print(expect_pass(*check_net_gradients()))
```
"""

MKDOCS = Path(sys.executable).with_name("mkdocs")  # the script: no folder put first on sys.path


def project_copy(into: Path, *, planted: bool) -> Path:
    shutil.copytree(
        ROOT / "snippets", into / "snippets", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(
        ROOT / "docs" / "_build",
        into / "docs" / "_build",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (into / "mkdocs.yml").write_text(CONFIG)
    (into / "docs" / "index.md").write_text(PAGE)
    if planted:
        net = into / "snippets" / "two_layer_net.py"
        text = net.read_text()
        assert text.count(RIGHT) == 1, f"{RIGHT!r} is not in snippets/two_layer_net.py"
        net.write_text(text.replace(RIGHT, WRONG))
    return into


def build(project: Path, env: dict, strict: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(MKDOCS), "build", strict, "--site-dir", str(project / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    base = tmp_path_factory.mktemp("imports")
    other = base / "other"
    shutil.copytree(ROOT / "snippets", other / "snippets")  # correct, and first on the path
    env = os.environ | {"PYTHONPATH": str(other), "NO_MKDOCS_2_WARNING": "1"}
    planted = project_copy(base / "planted", planted=True)
    control = project_copy(base / "control", planted=False)
    found = subprocess.run(
        [sys.executable, "-P", "-c", "import snippets.two_layer_net as m; print(m.__file__)"],
        cwd=planted,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    with ThreadPoolExecutor(2) as pool:
        runs = dict(
            zip(
                ("planted", "control"),
                pool.map(build, (planted, control), (env, env), ("--no-strict", "--strict")),
                strict=True,
            )
        )
    return found, other, runs


def test_another_correct_copy_is_what_python_finds_first(builds):
    found, other, _ = builds
    assert Path(found).is_relative_to(other), found


def test_the_copy_without_the_planted_error_builds(builds):
    control = builds[2]["control"]
    assert control.returncode == 0, control.stderr[-3000:]


def test_the_planted_wrong_gradient_fails_the_strict_build(builds):
    planted = builds[2]["planted"]
    assert planted.returncode != 0, "the build ran the other copy, not the file it shows"
    assert "REJECTED" in planted.stderr, planted.stderr[-3000:]
    assert "dW1" in planted.stderr, planted.stderr[-3000:]
    assert "must not be published" in planted.stderr, planted.stderr[-3000:]


def test_the_verifier_refuses_what_the_planted_build_left(builds):
    site = builds[1].parent / "planted" / "site"
    docs = site.parent / "docs"
    verify = subprocess.run(
        [
            sys.executable,
            str(ROOT / "docs" / "_build" / "verify.py"),
            str(site),
            "--docs",
            str(docs),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert verify.returncode == 1, verify.stdout
    assert "index.html: block <session planted" in verify.stdout, verify.stdout
    assert "REJECTED dW1" in verify.stdout, verify.stdout
