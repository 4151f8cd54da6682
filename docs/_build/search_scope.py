"""A Markdown extension that keeps code blocks out of the site's search index.

Every page downloads the search index when it loads. Code blocks made up 70 % of it and
filled search results with docstrings; prose, headings, formulas and inline code say what a
page is about. mkdocs-material's search plugin skips any element marked
`data-search-exclude`, so each <pre> is marked. The code itself is unchanged on the page.
"""

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

# A <pre> tag not yet marked (markdown-exec converts its output with these extensions too).
PRE = re.compile(r"<pre(?=[\s>])(?![^>]*data-search-exclude)")


class SearchScopeExtension(Extension):
    def extendMarkdown(self, md):
        # Priority below 30: runs after code blocks are put back into the page.
        md.postprocessors.register(CodeOutOfSearch(md), "code_out_of_search", 4)


class CodeOutOfSearch(Postprocessor):
    def run(self, text: str) -> str:
        return PRE.sub("<pre data-search-exclude", text)
