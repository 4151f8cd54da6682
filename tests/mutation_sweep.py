"""Checking the checks: break each formula snippet in small ways and see what notices.

For every formula file in snippets/ and snippets/layers/ (not the checker, not
the checks), each
mutant changes one token in the code (docstrings and comments are left alone):

    drop-T     `A.T` becomes `A`             (a transposed result)
    sign       a `-` becomes `+`             (a wrong sign)
    factor     a literal 2 becomes 1         (a missing factor 2)
    axis       `axis=0` and `axis=1` swap    (a sum over the wrong axis)
    einsum     an einsum output's indices reversed, "ik,kj->ij" → "ik,kj->ji"
                                             (an index formula with a transposed result)

and is run through the test suite (`pytest -x`) and the strict site build. A
mutant is *killed* by a run that fails. The summary counts, per file, the
mutants killed by both, by one, and by neither; a mutant that survives both
is listed with its line, to be judged by a person: either the change is
harmless (an equivalent mutant) or a check is missing.

Run from the project root, with the project's environment:

    .venv/bin/python tests/mutation_sweep.py [snippets/one_file.py ...]

It restores every file it touches, also when interrupted. It takes a few
minutes: each mutant costs one test run and one build.
"""

import io
import re
import subprocess
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {"__init__.py", "gradcheck.py"}
EINSUM = re.compile(r"""(["'])[a-z,]+->[a-z]+\1""")  # a subscripts literal, not a docstring


@dataclass(frozen=True)
class Mutant:
    path: Path
    line: int
    kind: str
    text: str  # the whole mutated file


def formula_files() -> list[Path]:
    """The formula files readers copy: snippets/*.py and the layers in snippets/layers/."""
    candidates = [*(ROOT / "snippets").glob("*.py"), *(ROOT / "snippets" / "layers").glob("*.py")]
    return sorted(p for p in candidates if p.name not in SKIP)


def mutants(path: Path) -> list[Mutant]:
    source = path.read_text()
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))

    def replace(tok, new: str, end=None) -> str:
        start = offsets[tok.start[0] - 1] + tok.start[1]
        stop_tok = end or tok
        stop = offsets[stop_tok.end[0] - 1] + stop_tok.end[1]
        return source[:start] + new + source[stop:]

    found = []
    for i, tok in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.type == tokenize.OP and tok.string == "." and following and following.string == "T":
            found.append(Mutant(path, tok.start[0], "drop-T", replace(tok, "", end=following)))
        elif tok.type == tokenize.OP and tok.string == "-":
            found.append(Mutant(path, tok.start[0], "sign", replace(tok, "+")))
        elif tok.type == tokenize.NUMBER and tok.string in ("2", "2.0"):
            found.append(Mutant(path, tok.start[0], "factor", replace(tok, "1")))
        elif tok.type == tokenize.STRING and EINSUM.fullmatch(tok.string):
            quote = tok.string[-1]
            inputs, _, output = tok.string[:-1].rpartition("->")
            if len(output) >= 2 and output != output[::-1]:
                reversed_output = f"{inputs}->{output[::-1]}{quote}"
                found.append(Mutant(path, tok.start[0], "einsum", replace(tok, reversed_output)))
        elif tok.type == tokenize.NAME and tok.string == "axis":
            value = tokens[i + 2] if i + 2 < len(tokens) else None
            if value is not None and value.string in ("0", "1"):
                swapped = "1" if value.string == "0" else "0"
                found.append(Mutant(path, tok.start[0], "axis", replace(value, swapped)))
    return found


def fails(command: list[str]) -> bool:
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    return run.returncode != 0


def calibrated(tests: list[str], build: list[str]) -> bool:
    """The sweep's own check: a known-wrong formula must fail both runs."""
    path = ROOT / "snippets" / "matmul.py"
    original = path.read_text()
    try:
        path.write_text(original.replace("dD @ X.T", "dD @ X", 1))
        return fails(tests) and fails(build)
    finally:
        path.write_text(original)


def main(paths: list[Path]) -> int:
    python = sys.executable
    # The browser tests look at pages, not formulas, and would double each run's time.
    tests = [
        python,
        "-m",
        "pytest",
        "-x",
        "-q",
        "-p",
        "no:cacheprovider",
        "--ignore=tests/browser",
        "--ignore=tests/page_downloads",
    ]
    build = [python, "-m", "mkdocs", "build", "--strict", "-d", "/tmp/mutation-site"]
    if fails(tests) or fails(build):
        print("the unmutated project does not pass its tests and build; fix that first")
        return 2
    if not calibrated(tests, build):
        print("a transposed dW in snippets/matmul.py was not caught by both runs: the sweep's")
        print(
            "own commands are broken (a --quiet build, for one, hides the warnings --strict counts)"
        )
        return 2
    survivors, totals = [], {"both": 0, "tests only": 0, "build only": 0, "neither": 0}
    for path in paths:
        original = path.read_text()
        counts = dict.fromkeys(totals, 0)
        try:
            for mutant in mutants(path):
                print(f"{path.name}:{mutant.line} {mutant.kind}", end="\r", flush=True)
                path.write_text(mutant.text)
                by_tests, by_build = fails(tests), fails(build)
                verdict = {
                    (True, True): "both",
                    (True, False): "tests only",
                    (False, True): "build only",
                    (False, False): "neither",
                }[(by_tests, by_build)]
                counts[verdict] += 1
                if verdict != "both":
                    line = original.splitlines()[mutant.line - 1].strip()
                    survivors.append(
                        f"{verdict:10}  {path.name}:{mutant.line} {mutant.kind}: {line}"
                    )
        finally:
            path.write_text(original)
        for key in totals:
            totals[key] += counts[key]
        print(f"{path.relative_to(ROOT)}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print("killed by tests and build:", totals["both"], "of", sum(totals.values()))
    for row in survivors:
        print("  " + row)
    return 0


if __name__ == "__main__":
    chosen = [Path(a).resolve() for a in sys.argv[1:]] or formula_files()
    sys.exit(main(chosen))
