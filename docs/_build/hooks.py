"""MkDocs hooks: build helpers, kept out of the reader's way.

1. Executed code blocks import `snippets.*` inside the MkDocs process. The pages show
   the snippet files of this folder, so the project root goes first on `sys.path`:
   otherwise an installed copy of the package (a non-editable install, or another
   clone's editable install) would be executed instead of the text the page shows.
   Python also caches imported modules, so during `mkdocs serve` an edited snippet
   would be shown with its new text but executed with its old code. Forgetting the
   cached modules before every build makes each build import the files as they are now.
2. The MathML extension (mathml.py beside this file) is registered here, and
   told which page it is converting so that its messages can name it.
3. So is the extension that keeps code blocks out of the search index
   (search_scope.py), and the one that lets the keyboard reach displayed formulas
   (scrollable.py).
4. The conventions page renders its table of letters from notation.py (beside this
   file): this folder goes on `sys.path` for the executed blocks, and the registry is
   read afresh on every build.
5. Every page that runs code offers it as page.py and page.ipynb, written beside the
   page, and its blocks that continue the code above say so (downloads.py).
6. A failed executed block stops the build, strict or not: markdown-exec only logs a
   warning and puts the traceback on the page. Each page's HTML is read (verify.py beside
   this file): a failed block is a build error at the end of the build, naming every failed
   block, except under `mkdocs serve`, where the page shows the writer the traceback (with
   `mkdocs serve --no-strict`: strict mode alone stops on markdown-exec's warning). The
   counts of each page (block outputs, results passed and REJECTED) go into
   checks-manifest.json in the site, which `python docs/_build/verify.py SITE_DIR` checks
   the published pages against.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import downloads
import verify
from mathml import MathMLExtension
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from scrollable import ScrollableMathExtension
from search_scope import SearchScopeExtension

BUILD_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BUILD_DIR.parent.parent

mathml = MathMLExtension()


def on_config(config, **kwargs):
    config.markdown_extensions.append(mathml)
    config.markdown_extensions.append(SearchScopeExtension())
    config.markdown_extensions.append(ScrollableMathExtension())
    return config


def on_pre_build(config, **kwargs) -> None:
    # The pages include snippet text from this folder, so the executed blocks must import
    # `snippets` from here too, not from an installed copy or another clone's editable install.
    root = str(PROJECT_ROOT)
    if root in sys.path:
        sys.path.remove(root)
    sys.path.insert(0, root)
    for name in [n for n in sys.modules if n == "snippets" or n.startswith("snippets.")]:
        del sys.modules[name]
    if str(BUILD_DIR) not in sys.path:
        sys.path.append(str(BUILD_DIR))
    sys.modules.pop("notation", None)


def on_files(files, config, **kwargs):
    # Read each page's executed blocks and add its two downloads to the site's files.
    offered.clear()
    for page in list(files.documentation_pages()):
        code = downloads.page_code(page.content_string, page.src_uri)
        if code is None:
            continue
        uris = downloads.download_uris(page.src_uri, page.dest_uri, code.stem)
        texts = (downloads.python_file(code), downloads.notebook(code))
        for uri, text in zip(uris, texts, strict=True):
            files.append(File.generated(config, uri, content=text))
        offered[page.src_uri] = (code, uris)
    return files


offered = {}  # page src_uri -> (download stem, (.py uri, .ipynb uri))


def on_page_markdown(markdown, page, **kwargs):
    mathml.page = page.file.src_uri
    code, uris = offered.get(page.file.src_uri, (None, ()))
    links = tuple(downloads.relative_link(uri, page.file.src_uri) for uri in uris)
    return downloads.with_labels(markdown, links, code)


# --- 6. a failed block fails the build; the counts go into the site's manifest ---------------

serving = False
counted = {}  # page src_uri -> verify.PageCount, for this build


def on_startup(command, **kwargs) -> None:
    global serving
    serving = command == "serve"
    # The check helpers then raise an ordinary exception, which markdown-exec shows on the
    # page; this hook fails the build on it (snippets/gradcheck.py, BuildStoppedError).
    os.environ["SHOW_FAILED_CHECKS"] = "1"


def on_page_content(html, page, **kwargs):
    counted[page.file.src_uri] = verify.read_page(html)
    return html


def on_post_build(config, **kwargs) -> None:
    pages, counted_now = {}, dict(counted)
    counted.clear()
    failed = [
        f"docs/{src_uri}: {line}"
        for src_uri, count in sorted(counted_now.items())
        for line in (*count.failures, *(f"unexpected REJECTED {u}" for u in count.unexpected))
    ]
    if serving:
        return  # the pages show the writer what failed; `mkdocs serve` keeps serving
    if failed:
        heading = "executed blocks failed, so the site must not be published:\n"
        raise PluginError(heading + "\n".join(failed))
    for src_uri, count in sorted(counted_now.items()):
        if count.outputs or count.passed or count.rejected:
            pages[src_uri] = verify.manifest_entry(src_uri, count)
    manifest = {"built_by": "mkdocs with docs/_build/hooks.py", "pages": pages}
    target = Path(config.site_dir) / verify.MANIFEST
    target.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
