"""Build the whole site once per test session, strictly, into a temporary folder.

Set SITE_DIR to test a site already built (e.g. `mkdocs build -d /tmp/site`) instead.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_site(into: Path) -> Path:
    """Run `mkdocs build --strict` into `into`; fail with mkdocs' warnings if it fails."""
    if os.environ.get("SITE_DIR"):
        return Path(os.environ["SITE_DIR"])
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(into)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    if build.returncode != 0:
        problems = [
            line for line in build.stderr.splitlines() if "WARNING" in line or "Error" in line
        ]
        raise RuntimeError("mkdocs build --strict failed:\n" + "\n".join(problems[-20:]))
    return into
