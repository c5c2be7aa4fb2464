"""Every fenced block in the bank's answers is a test case, checked by its language."""

from __future__ import annotations

import pytest
from question_bank.examples import Example, ExampleFailed, bank_examples, check
from question_bank.markdown import Fence

from support import real_bank

EXAMPLES = list(bank_examples(real_bank()))


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.name for example in EXAMPLES])
def test_example(example: Example) -> None:
    check(example)


def test_every_question_with_code_is_covered() -> None:
    # Guards the parametrisation itself: if extraction broke, the suite would
    # silently run zero examples.
    assert EXAMPLES, "no code examples were found in the bank"


def example(language: str, code: str, output: str | None = None) -> Example:
    return Example("fixture", 1, Fence(language=language, code=code, line=0, output=output))


@pytest.mark.parametrize(
    ("broken", "says"),
    [
        (example("python", "print('actual')\n", output="expected\n"), "output differs"),
        (example("python", "raise SystemExit(3)\n"), "exited with 3"),
        (example("python", "import nonexistent_module_xyz\n"), "ModuleNotFoundError"),
        (example("pycon", ">>> 1 + 1\n3\n"), "Expected"),
        (example("pycon", "no prompt here\n"), "at least one >>>"),
        (example("toml", "[project\nname = 1\n"), "not valid TOML"),
        (example("console", "pip install x\n"), "starts with a `$ `"),
    ],
    ids=["wrong-output", "non-zero-exit", "import-error", "doctest-mismatch", "empty-session", "bad-toml", "unlabelled-shell"],
)
def test_a_broken_example_fails(broken: Example, says: str) -> None:
    with pytest.raises(ExampleFailed, match=r"fixture-1-") as failure:
        check(broken)
    assert says in str(failure.value)


def test_failure_names_question_and_block() -> None:
    broken = Example("gil", 2, Fence(language="python", code="raise SystemExit(1)\n", line=0))
    with pytest.raises(ExampleFailed, match=r"^gil-2-python: "):
        check(broken)


def test_output_may_use_an_ellipsis() -> None:
    check(example("python", "print('took 0.123 s')\n", output="took ... s\n"))
