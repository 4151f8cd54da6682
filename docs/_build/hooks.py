"""MkDocs hooks: build helpers, kept out of the reader's way.

Executed code blocks import `snippets.*` inside the MkDocs process. Python
caches imported modules, so during `mkdocs serve` an edited snippet would
be shown with its new text but executed with its old code. Forgetting the
cached modules before every build makes each build import the files as
they are now.
"""

import sys


def on_pre_build(config, **kwargs) -> None:
    for name in [n for n in sys.modules if n == "snippets" or n.startswith("snippets.")]:
        del sys.modules[name]
