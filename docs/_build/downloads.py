"""Every page that runs code offers that code as a file: `page.py` and `page.ipynb`.

A page's executed blocks (Python fences with `exec="on"`) share one session: each block
may use what the blocks above it defined. This module reads a page's Markdown, expands
its `--8<--` includes the way pymdownx.snippets does when the site is built, and joins
the executed blocks in page order into

- a Python file, and
- a Jupyter notebook (nbformat 4), one code cell per block, headed by the page's
  section titles,

each of which runs alone, in an empty folder: the project modules the blocks import
(`snippets.*`, found by reading the import statements, then theirs, and so on) are
embedded as text at the top and imported from memory, never from this repository or
an installed copy. Both print what the page's blocks print.

It also finds the blocks that continue the session (an executed block after another of
the same session on the page): hooks.py labels them on the page.
"""

import ast
import functools
import json
import posixpath
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import markdown
import nbformat

ROOT = Path(__file__).resolve().parent.parent.parent

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w+-]*)(?P<info>.*)$")
HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<text>.+?)(?:[ \t]*\{[^}]*\})?[ \t]*#*[ \t]*$")
OPTION = re.compile(r'(?P<key>[\w-]+)="(?P<value>[^"]*)"')
ON = {"on", "1", "true", "yes"}
STDLIB = set(sys.stdlib_module_names)


@dataclass
class Block:
    """One fenced code block of a page."""

    start: int  # index of the opening fence line in the page's lines
    indent: str
    lang: str
    options: dict
    body: str  # the fence's body as written (include lines not expanded), dedented
    heading: str  # the title of the section the block is in

    @property
    def executed(self) -> bool:
        return self.lang == "python" and self.options.get("exec", "").lower() in ON

    @property
    def session(self) -> str | None:
        return self.options.get("session")

    @property
    def shows_source(self) -> bool:
        return bool(self.options.get("source"))


@dataclass
class PageCode:
    """What a page executes, in page order, and what that needs."""

    title: str
    src_uri: str
    blocks: list  # (Block, expanded code)
    modules: dict = field(default_factory=dict)  # "snippets.x": (relative path, source)
    packages: set = field(default_factory=set)  # the module names that are packages
    needs: list = field(default_factory=list)  # third-party top-level modules, e.g. numpy

    @property
    def stem(self) -> str:
        """The download's file name without suffix: docs/layers/linear.md -> layers-linear."""
        parts = PurePosixPath(self.src_uri).with_suffix("").parts
        if len(parts) > 1 and parts[-1] == "index":
            parts = parts[:-1]
        return "-".join(parts)


def fenced_blocks(text: str) -> list[Block]:
    """The fenced code blocks of a page, in order, with the section heading each is under."""
    lines = text.splitlines()
    blocks, heading, i = [], "", 0
    while i < len(lines):
        line = lines[i]
        opening = FENCE.match(line)
        if not opening:
            found = HEADING.match(line)
            if found:
                heading = found["text"].strip()
            i += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        closing = re.compile(rf"^{re.escape(indent)}{fence[0]}{{{len(fence)},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not closing.match(lines[j]):
            j += 1
        body = "\n".join(line.removeprefix(indent) for line in lines[i + 1 : j])
        options = {m["key"]: m["value"] for m in OPTION.finditer(opening["info"])}
        blocks.append(Block(i, indent, opening["lang"], options, body, heading))
        i = j + 1
    return blocks


def page_title(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("# "):
            return HEADING.match(line)["text"].strip()
    return ""


_expander = markdown.Markdown(
    extensions=["pymdownx.snippets"],
    extension_configs={"pymdownx.snippets": {"base_path": [str(ROOT)], "check_paths": True}},
)


def expand(body: str) -> str:
    """The block's code with its `--8<--` include lines replaced by the text they include."""
    lines = _expander.preprocessors["snippet"].run(body.splitlines())
    return "\n".join(lines).strip("\n") + "\n"


def continuing_blocks(blocks: list[Block]) -> list[Block]:
    """Executed blocks whose session already ran a block earlier on the page."""
    seen, out = set(), []
    for block in blocks:
        if not block.executed or block.session is None:
            continue
        if block.session in seen:
            out.append(block)
        seen.add(block.session)
    return out


@functools.cache
def imported_names(source: str) -> frozenset[str]:
    """Absolute module names imported by `source` (for `from a import b`: a, and a.b).

    Cached by source text: every page that imports a module would parse it again."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return frozenset(names)


# Build helpers beside this file that executed blocks import (the conventions page renders
# its table of letters from the registry): carried by a download like a snippets module.
BUILD_MODULES = {"notation": Path(__file__).resolve().parent / "notation.py"}


def module_file(name: str) -> Path | None:
    """The file of project module `name` (snippets.x.y, or a build helper), or None."""
    if name in BUILD_MODULES:
        return BUILD_MODULES[name]
    base = ROOT.joinpath(*name.split("."))
    for path in (base / "__init__.py", base.with_suffix(".py")):
        if path.is_file():
            return path
    return None


def page_code(text: str, src_uri: str) -> PageCode | None:
    """The code page `src_uri` (Markdown `text`) executes, or None if it executes none."""
    executed = [b for b in fenced_blocks(text) if b.executed]
    if not executed:
        return None
    code = PageCode(page_title(text), src_uri, [(b, expand(b.body)) for b in executed])
    todo = set().union(*(imported_names(c) for _, c in code.blocks))
    third_party = set()
    while todo:
        name = todo.pop()
        top = name.split(".")[0]
        if top != "snippets" and top not in BUILD_MODULES:
            if top not in STDLIB:
                third_party.add(top)
            continue
        path = module_file(name)
        if path is None or name in code.modules:
            continue  # an attribute imported from a module, not a module; or seen already
        source = path.read_text()
        code.modules[name] = (path.relative_to(ROOT).as_posix(), source)
        if path.name == "__init__.py":
            code.packages.add(name)
        parent = name.rpartition(".")[0]
        todo |= imported_names(source) | ({parent} if parent else set())
    code.needs = sorted(third_party, key=lambda n: (n != "numpy", n))
    return code


def _literal(source: str) -> str:
    """`source` as a Python string literal, readable (raw triple quotes) where that is exact."""
    candidate = f"r'''{source}'''"
    try:
        if ast.literal_eval(candidate) == source:
            return candidate
    except SyntaxError:
        pass
    return repr(source)


LOADER = '''\
class _EmbeddedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports the modules above from their text, ahead of anything installed."""

    def find_spec(self, name, path=None, target=None):
        if name not in _MODULES:
            return None
        is_package = name in _PACKAGES
        return importlib.util.spec_from_loader(name, self, is_package=is_package)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        file_name, source = _MODULES[module.__name__]
        exec(compile(source, file_name, "exec"), module.__dict__)


sys.meta_path.insert(0, _EmbeddedModules())
'''


#: What to install for a module whose package on PyPI has another name than the import.
PACKAGE_NAMES = {"flint": "python-flint"}


def needs_sentence(code: PageCode) -> str:
    """What a reader installs to run the page's code, by package name, e.g. "Needs numpy."."""
    packages = [PACKAGE_NAMES.get(name, name) for name in code.needs]
    return "Needs " + " and ".join(packages or ["only Python"]) + "."


def embedded_modules(code: PageCode) -> str:
    """Code that makes `import snippets...` load the embedded copies of the page's modules."""
    if not code.modules:
        return ""
    entries = "".join(
        f"    {name!r}: (\n        {path!r},\n        {_literal(source)},\n    ),\n"
        for name, (path, source) in sorted(code.modules.items())
    )
    return (
        "import importlib.abc\nimport importlib.util\nimport sys\n\n"
        f"_MODULES = {{\n{entries}}}\n"
        f"_PACKAGES = {sorted(code.packages)!r}\n\n\n" + LOADER
    )


def how_to_run(file_name: str) -> str:
    if file_name.endswith(".ipynb"):
        return "open it in Jupyter and run all cells"
    return f"`python {file_name}`"


def introduction(code: PageCode, file_name: str) -> str:
    modules = ", ".join(path for path, _ in sorted(code.modules.values()))
    lines = [
        f"{code.title}: the code this page runs.",
        "",
        f"Every executed block of the page docs/{code.src_uri} of Matrix Calculus, Verified,",
        f"in page order. It runs alone, in an empty folder: {how_to_run(file_name)}.",
        needs_sentence(code),
    ]
    if modules:
        sentence = (
            "The project modules the blocks import are embedded in it as text and imported"
            f" from memory, never from an installed copy: {modules}."
        )
        lines += ["", *textwrap.wrap(sentence, width=88, break_on_hyphens=False)]
    return "\n".join(lines)


def python_file(code: PageCode) -> str:
    """The page's code as one Python file."""
    file_name = f"{code.stem}.py"
    parts = [f'"""{introduction(code, file_name)}\n"""\n']
    if code.modules:
        parts.append("# The project modules the page imports, embedded.\n" + embedded_modules(code))
    heading = None
    for number, (block, text) in enumerate(code.blocks, start=1):
        label = f"# Block {number}"
        if block.options.get("title"):
            label += f": {block.options['title']}"
        if block.heading != heading:
            heading = block.heading
            label = f"# ## {heading}\n{label}"
        parts.append(f"{label}\n{text}")
    return "\n\n".join(parts)


def notebook(code: PageCode) -> str:
    """The page's code as a Jupyter notebook: a code cell per block, a heading per section."""
    file_name = f"{code.stem}.ipynb"
    cells = [nbformat.v4.new_markdown_cell(f"# {introduction(code, file_name)}")]
    if code.modules:
        cells.append(
            nbformat.v4.new_code_cell(
                "# Run this cell first: the project modules the page imports, embedded.\n"
                + embedded_modules(code).rstrip("\n")
            )
        )
    heading = None
    for block, text in code.blocks:
        if block.heading != heading:
            heading = block.heading
            cells.append(nbformat.v4.new_markdown_cell(f"## {heading}"))
        cells.append(nbformat.v4.new_code_cell(text.rstrip("\n")))
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number}"  # fixed ids: two builds write the same bytes
    book = nbformat.v4.new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )
    nbformat.validate(book)
    return nbformat.writes(book)


def notebook_as_script(text: str) -> str:
    """A notebook's code cells, in order, as one script (how the tests run a notebook)."""
    cells = json.loads(text)["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code") + "\n"


def download_uris(page_src_uri: str, page_dest_uri: str, stem: str) -> tuple[str, str]:
    """Where the .py and .ipynb go: beside the page's HTML file, named after the page."""
    folder = PurePosixPath(page_dest_uri).parent
    return (str(folder / f"{stem}.py"), str(folder / f"{stem}.ipynb"))


def relative_link(target_uri: str, page_src_uri: str) -> str:
    """A Markdown link target from the page's source file to a file of the site."""
    return posixpath.relpath(target_uri, posixpath.dirname(page_src_uri) or ".")


CONTINUES = "*↳ continues the code above*"
MACHINERY = "site machinery"  # said in the first lines of a file's docstring
WHOLE_FILE = re.compile(r'^--8<-- "(?P<file>[^":]+\.py)"$')


def machinery_file(block: Block) -> str | None:
    """The file a block shows whole, if that file says it is site machinery."""
    found = WHOLE_FILE.match(block.body.strip())
    if not found or not (ROOT / found["file"]).is_file():
        return None
    docstring = ast.get_docstring(ast.parse((ROOT / found["file"]).read_text())) or ""
    return found["file"] if MACHINERY in "\n".join(docstring.splitlines()[:3]).lower() else None


def machinery_note(path: str, code: PageCode | None) -> str:
    carried = code is not None and any(p == path for p, _ in code.modules.values())
    note = (
        f"*`{path}` is site machinery, shown to be read: it imports other files of the site,"
        " so it does not run alone."
    )
    if carried:
        note += " This page's code, offered at the top of the page, carries it with all it needs."
    return note + "*"


def with_labels(text: str, links: tuple[str, ...], code: PageCode | None) -> str:
    """The page with its downloads offered under the title and its continuing blocks labelled.

    Also: a block showing a whole file that is site machinery says so above it.
    """
    lines = text.splitlines()
    blocks = fenced_blocks(text)
    labels = {id(b): CONTINUES for b in continuing_blocks(blocks) if b.shows_source}
    # (a block that shows only its output, a figure, shows no code to label)
    for block in blocks:
        path = machinery_file(block)
        if path:
            labels[id(block)] = machinery_note(path, code)
    for block in reversed(blocks):
        if id(block) not in labels:
            continue
        lines[block.start : block.start] = [
            "",
            f"{block.indent}{labels[id(block)]}",
            f'{block.indent}{{: .mcv-label data-search-exclude="" }}',
            "",
        ]
    if code is None:
        return "\n".join(lines) + "\n"
    py, ipynb = links
    offer = [
        "",
        '!!! abstract "Take this page\'s code away"',
        "",
        f'    [{code.stem}.py]({py}){{ download="{code.stem}.py" }} ·'
        f' [{code.stem}.ipynb]({ipynb}){{ download="{code.stem}.ipynb" }}: every block this page',
        "    runs, in order, in one file that runs alone in an empty folder; the project",
        "    modules it imports are embedded.",
        '    { data-search-exclude="" }',
        "",
    ]
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1)
    lines[title + 1 : title + 1] = offer
    return "\n".join(lines) + "\n"
