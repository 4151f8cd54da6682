"""Run code as a reader who copied it would: in an empty folder, with this project not importable.

`run_blocks_alone` takes the texts of several blocks and runs each in a fresh namespace, in one
subprocess (one interpreter start for all of them, to keep the suite fast), from an empty
folder, with `snippets` made unimportable. A block that uses a name it does not define or
import, or imports the project, fails with the block's title in the message.
"""

import json
import subprocess
import sys
import textwrap

RUNNER = textwrap.dedent(
    """
    import json, sys, traceback
    sys.modules["snippets"] = None  # `import snippets` (or from snippets...) raises ImportError
    failures = []
    for title, code in json.loads(sys.stdin.read()):
        try:
            exec(compile(code, title, "exec"), {"__name__": "__main__"})
        except BaseException:
            failures.append(title + ":\\n" + traceback.format_exc(limit=-2))
    print(json.dumps(failures))
    """
)


def run_blocks_alone(blocks: list[tuple[str, str]], folder) -> list[str]:
    """Run each (title, code) alone from `folder`; return the failures, one text each."""
    result = subprocess.run(
        [sys.executable, "-I", "-c", RUNNER],
        input=json.dumps(blocks),
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the runner itself failed:\n{result.stderr}")
    return json.loads(result.stdout.splitlines()[-1])
