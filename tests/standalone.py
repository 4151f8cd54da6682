"""Run Python code the way a reader does who copied it: alone, in an empty folder.

The file is written by itself into a new temporary folder and run there in a subprocess,
with `python -I` (no PYTHONPATH, no user site, the current folder not on sys.path) and an
import guard that refuses the project's own packages, even where an editable install
would find them. So `import snippets` fails unless the file carries the module itself.
"""

import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# Installed ahead of every other finder: the project's packages cannot be imported.
GUARD = """\
import runpy, sys

class ProjectGuard:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"snippets", "tests", "docs"}:
            raise ModuleNotFoundError(f"{name} is part of the project: a copy cannot import it")
        return None

sys.meta_path.insert(0, ProjectGuard())
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""

TIMEOUT = 300  # seconds, for one file


def run_alone(source: str, file_name: str) -> subprocess.CompletedProcess:
    """Run `source`, saved as `file_name` alone in an empty folder; its output and exit code."""
    with tempfile.TemporaryDirectory(prefix="alone-") as folder:
        (Path(folder) / file_name).write_text(source)
        # The environment is kept (BLAS settings change the last digits printed); `-I`
        # makes Python ignore PYTHONPATH and the other PYTHON* variables.
        env = os.environ | {"HOME": folder, "PYTHONIOENCODING": "utf-8", "MPLCONFIGDIR": folder}
        return subprocess.run(
            [sys.executable, "-I", "-c", GUARD, file_name],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )


def run_all_alone(files: dict[str, str]) -> dict[str, subprocess.CompletedProcess]:
    """run_alone for each {file name: source}, a few at a time (they are independent)."""
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
        results = pool.map(lambda item: run_alone(item[1], item[0]), files.items())
        return dict(zip(files, results, strict=True))
