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
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from mathml import MathMLExtension
from scrollable import ScrollableMathExtension
from search_scope import SearchScopeExtension

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent

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


def on_page_markdown(markdown, page, **kwargs):
    mathml.page = page.file.src_uri
    return markdown
