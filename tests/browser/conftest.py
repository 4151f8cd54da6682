"""Fixtures for the browser tests: the built site served on 127.0.0.1, and headless Chromium.

Chromium is Debian's package (`apt-get install -y chromium`), driven by Playwright. A machine
without it skips these tests with a message saying how to install it; with REQUIRE_BROWSER=1
(as .ci/run sets) a missing browser is an error instead.

The server compresses text with gzip when the browser asks, as the hosted site does, so the
page weights the tests measure are what a reader's browser receives.
"""

import gzip
import io
import os
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
INSTALL_HINT = "install it with `apt-get update && apt-get install -y chromium` (Debian, as root)"
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "tests" / "browser" / "screenshots"))
# No connection leaves the machine: the browser resolves every host but 127.0.0.1 to nothing,
# and does none of its own background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site; text files gzip-compressed when the client accepts gzip."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):  # keep pytest's output clean
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site, served on 127.0.0.1 at a free port for the whole session."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SiteHandler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def playwright_driver():
    """Playwright, once per session (one thread holds one sync driver), or a skip saying how
    to install what is missing."""
    missing = None
    if not Path(CHROMIUM).is_file():
        missing = f"browser tests need Chromium at {CHROMIUM}: {INSTALL_HINT}"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "browser tests need Playwright: pip install -e '.[test]'"
    if missing:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(missing, pytrace=False)
        pytest.skip(missing)
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_driver):
    """Headless Debian Chromium through Playwright."""
    chromium = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


def pytest_sessionstart(session):
    """Empty the screenshot folder once per run: in the controlling process under `-n`, so
    one worker never deletes what another has written."""
    if not hasattr(session.config, "workerinput"):
        shutil.rmtree(SCREENSHOTS, ignore_errors=True)


@pytest.fixture(scope="session")
def screenshot_dir():
    """The folder for the screenshots of this run (named in the session summary)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def pytest_terminal_summary(terminalreporter):
    """Name the screenshot folder and print each page's weight, heaviest first.

    Only what this run wrote: the folder was emptied when the run started, so a run that
    opened no page (no browser) prints nothing here.
    """
    weights = SCREENSHOTS / "weights.tsv"
    if not weights.is_file():
        return
    write = terminalreporter.write_line
    write(f"browser tests: screenshots of every page in {SCREENSHOTS}")
    rows = [line.split("\t") for line in weights.read_text().splitlines()]
    write("page weight, images excluded: bytes the browser received (gzip, as hosted)")
    write("and the same files' size uncompressed (as `mkdocs serve` sends them):")
    for page, received, uncompressed in sorted(rows, key=lambda r: -int(r[1])):
        write(f"  {int(received):>9,}  {int(uncompressed):>11,}  {page}")
