"""The code examples in the bank, and how each kind is checked.

Every fenced block in any Markdown field of a question is an example. Its
language says how it is checked, so nothing is skipped silently:

- ``python``: a complete script, run in a fresh interpreter. A label and a
  ``text`` block after it give the expected output (doctest's ``...`` allowed):
  ``Output:`` is its stdout; ``pytest output:`` is what pytest prints running
  it as a test file; ``mypy output:`` is what ``mypy --strict`` reports
  (the file is checked, not run);
- ``pycon``: a ``>>>`` session, run with doctest;
- ``toml``, ``yaml``, ``json``: must parse;
- ``sql``: must parse as PostgreSQL (sqlglot), since SQLite cannot run it;
- ``dockerfile``: linted by hadolint; clean, or as its ``hadolint output:`` says;
- ``console``: a shell session, not run; each command line starts with ``$ ``;
- ``text``: plain text, nothing to check.

An exercise's snippet (the first python block of the question itself) is
saved as ``exercise.py`` beside every example of that question, so the fix
can import the flawed code and prove the flaw.
"""

from __future__ import annotations

import doctest
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .markdown import Fence, fences
from .model import Bank, Question

TIMEOUT_SECONDS = 60
EXERCISE_MODULE = "exercise.py"


@dataclass(frozen=True)
class Example:
    question_id: str
    number: int  # 1-based, in page order across the question's fields
    fence: Fence
    field: str = "answer"
    exercise: str | None = None  # the question's snippet, importable as `exercise`

    @property
    def name(self) -> str:
        return f"{self.question_id}-{self.number}-{self.fence.language}"


class ExampleFailed(AssertionError):
    pass


def field_name(path: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in path)


def exercise_code(question: Question) -> str | None:
    return next((fence.code for fence in fences(question.question) if fence.language == "python"), None)


def examples_of(question: Question) -> list[Example]:
    exercise = exercise_code(question)
    found = [(field_name(path), fence) for path, text in question.markdown_fields() for fence in fences(text)]
    return [Example(question.id, number, fence, field, exercise) for number, (field, fence) in enumerate(found, 1)]


def bank_examples(bank: Bank) -> Iterator[Example]:
    for question in bank.questions:
        yield from examples_of(question)


def _run(example: Example, filename: str, command: list[str]) -> subprocess.CompletedProcess[str]:
    """Run a tool on the example's code, saved as a real file in a fresh folder."""
    with tempfile.TemporaryDirectory(prefix="qbank-example-") as workdir:
        # A real file, not `python -c`: multiprocessing's spawn and forkserver
        # start methods re-import the main module from its path.
        Path(workdir, filename).write_text(example.fence.code, encoding="utf-8")
        if example.exercise is not None and filename != EXERCISE_MODULE:
            Path(workdir, EXERCISE_MODULE).write_text(example.exercise, encoding="utf-8")
        try:
            return subprocess.run(
                [*command, filename],
                cwd=workdir,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                stdin=subprocess.DEVNULL,
                # pytest and mypy wrap their reports to the terminal's width.
                env={**os.environ, "COLUMNS": "80"},
            )
        except subprocess.TimeoutExpired:
            raise ExampleFailed(f"{example.name}: still running after {TIMEOUT_SECONDS}s") from None


def _expect_output(example: Example, got: str) -> None:
    want = example.fence.output
    if want is not None and not doctest.OutputChecker().check_output(want, got, doctest.ELLIPSIS):
        raise ExampleFailed(f"{example.name}: output differs\n--- expected\n{want}--- got\n{got}")


def _script_name(example: Example) -> str:
    stem = f"{example.question_id.replace('-', '_')}_{example.number}.py"
    # pytest collects only test_*.py files.
    return f"test_{stem}" if example.fence.runner == "pytest" else stem


# How a python example is run, by the label of its expected output.
# `-E -s` rather than `-I`: isolated from the environment and user packages,
# but the script's folder stays importable, so a fix can import `exercise`.
# mypy keeps one cache for all examples: checking typeshed anew each time
# would cost seconds per example.
PYTHON = [sys.executable, "-E", "-s"]
PYTHON_RUNNERS: dict[str | None, list[str]] = {
    None: PYTHON,
    "python": PYTHON,
    "pytest": [*PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
    "mypy": [*PYTHON, "-m", "mypy", "--strict", "--cache-dir", str(Path(tempfile.gettempdir(), "qbank-mypy-cache"))],
}


def check_python(example: Example) -> None:
    runner = example.fence.runner
    if runner not in PYTHON_RUNNERS:
        raise ExampleFailed(f"{example.name}: a python block's output is labelled one of: Output:, pytest output:, mypy output:")
    result = _run(example, _script_name(example), PYTHON_RUNNERS[runner])
    # pytest exits 1 when tests fail and mypy when it reports errors: with an
    # expected output, showing that is the example's point.
    if result.returncode != 0 and not (runner in ("pytest", "mypy") and result.returncode == 1 and example.fence.output):
        raise ExampleFailed(f"{example.name}: exited with {result.returncode}\n{result.stdout}{result.stderr}")
    _expect_output(example, result.stdout)


def check_pycon(example: Example) -> None:
    if not doctest.DocTestParser().get_examples(example.fence.code):
        raise ExampleFailed(f"{example.name}: a pycon block needs at least one >>> line")
    result = _run(example, "session.txt", [*PYTHON, "-m", "doctest", "-o", "ELLIPSIS"])
    if result.returncode != 0:
        raise ExampleFailed(f"{example.name}:\n{result.stdout}{result.stderr}")


def _parse_sql(code: str) -> object:
    import sqlglot  # imported here: only the tests need it, not the site build

    return sqlglot.parse(code, read="postgres", error_level=sqlglot.ErrorLevel.RAISE)


# The languages checked by parsing alone: the parser, and the name a failure gives.
PARSERS: dict[str, tuple[Callable[[str], object], str]] = {
    "toml": (tomllib.loads, "TOML"),
    "yaml": (yaml.safe_load, "YAML"),
    "json": (json.loads, "JSON"),
    "sql": (_parse_sql, "PostgreSQL"),
}


def check_parses(example: Example) -> None:
    """The block must parse in its language."""
    parse, kind = PARSERS[example.fence.language]
    try:
        parse(example.fence.code)
    except Exception as error:  # each parser has its own error type
        raise ExampleFailed(f"{example.name}: not valid {kind}: {error}") from None


def hadolint() -> str:
    found = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")
    if found is None:
        raise ExampleFailed("hadolint is not installed: run `make install`")
    return found


def check_dockerfile(example: Example) -> None:
    if example.fence.runner not in (None, "hadolint"):
        raise ExampleFailed(f"{example.name}: a dockerfile block's findings are labelled `hadolint output:`")
    result = _run(example, "Dockerfile", [hadolint(), "--no-color"])
    if example.fence.output is None and result.returncode != 0:
        raise ExampleFailed(f"{example.name}: hadolint found problems\n{result.stdout}{result.stderr}")
    _expect_output(example, result.stdout)


def check_console(example: Example) -> None:
    lines = [line for line in example.fence.code.splitlines() if line.strip()]
    if not lines or not lines[0].startswith("$ "):
        raise ExampleFailed(f"{example.name}: a console block starts with a `$ ` command line")


def check_text(example: Example) -> None:
    """Plain text has nothing to run; it is listed so that it is a choice, not an accident."""


CHECKS: dict[str, Callable[[Example], None]] = {
    "python": check_python,
    "pycon": check_pycon,
    **dict.fromkeys(PARSERS, check_parses),
    "dockerfile": check_dockerfile,
    "console": check_console,
    "text": check_text,
}


def check(example: Example) -> None:
    CHECKS[example.fence.language](example)
