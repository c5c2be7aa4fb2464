"""The code examples in the bank's answers, and how each kind is checked.

Every fenced block in an answer is an example. Its language says how it is
checked, so nothing is skipped silently:

- ``python``: a complete script, run in a fresh interpreter; if an ``Output:``
  block follows it, the real stdout must match (doctest's ``...`` ellipsis allowed);
- ``pycon``: a ``>>>`` session, run with doctest;
- ``toml``: must parse;
- ``console``: a shell session, not run; each command line starts with ``$ ``;
- ``text``: plain text, nothing to check.
"""

from __future__ import annotations

import doctest
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .markdown import Fence, fences
from .model import Bank, Question

TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class Example:
    question_id: str
    number: int  # 1-based, in the order the blocks appear in the answer
    fence: Fence

    @property
    def name(self) -> str:
        return f"{self.question_id}-{self.number}-{self.fence.language}"


class ExampleFailed(AssertionError):
    pass


def examples_of(question: Question) -> list[Example]:
    return [Example(question.id, number, fence) for number, fence in enumerate(fences(question.answer), 1)]


def bank_examples(bank: Bank) -> Iterator[Example]:
    for question in bank.questions:
        yield from examples_of(question)


def _run(example: Example, filename: str, command: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the example's code from a file in a fresh, isolated interpreter."""
    with tempfile.TemporaryDirectory(prefix="qbank-example-") as workdir:
        # A real file, not `python -c`: multiprocessing's spawn and forkserver
        # start methods re-import the main module from its path.
        Path(workdir, filename).write_text(example.fence.code, encoding="utf-8")
        try:
            return subprocess.run(
                [sys.executable, "-I", *command, filename],
                cwd=workdir,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise ExampleFailed(f"{example.name}: still running after {TIMEOUT_SECONDS}s") from None


def check_python(example: Example) -> None:
    result = _run(example, f"{example.question_id.replace('-', '_')}_{example.number}.py", [])
    if result.returncode != 0:
        raise ExampleFailed(f"{example.name}: exited with {result.returncode}\n{result.stderr}")
    want = example.fence.output
    if want is not None and not doctest.OutputChecker().check_output(want, result.stdout, doctest.ELLIPSIS):
        raise ExampleFailed(f"{example.name}: output differs\n--- expected\n{want}--- got\n{result.stdout}")


def check_pycon(example: Example) -> None:
    if not doctest.DocTestParser().get_examples(example.fence.code):
        raise ExampleFailed(f"{example.name}: a pycon block needs at least one >>> line")
    result = _run(example, "session.txt", ["-m", "doctest", "-o", "ELLIPSIS"])
    if result.returncode != 0:
        raise ExampleFailed(f"{example.name}:\n{result.stdout}{result.stderr}")


def check_toml(example: Example) -> None:
    try:
        tomllib.loads(example.fence.code)
    except tomllib.TOMLDecodeError as error:
        raise ExampleFailed(f"{example.name}: not valid TOML: {error}") from None


def check_console(example: Example) -> None:
    lines = [line for line in example.fence.code.splitlines() if line.strip()]
    if not lines or not lines[0].startswith("$ "):
        raise ExampleFailed(f"{example.name}: a console block starts with a `$ ` command line")


def check_text(example: Example) -> None:
    """Plain text has nothing to run; it is listed so that it is a choice, not an accident."""


CHECKS: dict[str, Callable[[Example], None]] = {
    "python": check_python,
    "pycon": check_pycon,
    "toml": check_toml,
    "console": check_console,
    "text": check_text,
}


def check(example: Example) -> None:
    CHECKS[example.fence.language](example)
