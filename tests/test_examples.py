"""Every fenced block in the bank's answers is a test case, checked by its language."""

from __future__ import annotations

import pytest
from question_bank import examples
from question_bank.examples import Example, ExampleFailed, bank_examples, check, examples_of
from question_bank.loader import parse_bank
from question_bank.markdown import Fence

from support import real_bank
from test_loader import VALID

EXAMPLES = list(bank_examples(real_bank()))


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.name for example in EXAMPLES])
def test_example(example: Example) -> None:
    check(example)


def test_every_question_with_code_is_covered() -> None:
    # Guards the parametrisation itself: if extraction broke, the suite would
    # silently run zero examples.
    assert EXAMPLES, "no code examples were found in the bank"


def example(language: str, code: str, output: str | None = None, runner: str | None = None,
            exercise: str | None = None) -> Example:
    return Example("fixture", 1, Fence(language=language, code=code, line=0, output=output, runner=runner), exercise=exercise)


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



def test_every_block_of_every_field_is_an_example_in_page_order() -> None:
    # Found at test time too: EXAMPLES above is collected once, before any test runs.
    text = (VALID.replace("question: What is first?", 'question: "Fix this:\\n\\n```python\\nX = 1\\n```"', 1)
            .replace("      The first answer.\n", "      The first answer.\n\n      ```pycon\n      >>> 1\n      1\n      ```\n", 1)
            .replace('good_answer: Because.}', 'good_answer: "```json\\n{}\\n```"}', 1))
    bank = parse_bank(text.encode())
    found = [(e.name, e.field, e.exercise, e.fence.code) for e in examples_of(bank.questions[0])]
    assert found == [
        ("first-1-python", "question", "X = 1\n", "X = 1\n"),
        ("first-2-json", "follow_ups.0.good_answer", "X = 1\n", "{}\n"),  # the follow-ups come before the answer
        ("first-3-pycon", "answer", "X = 1\n", ">>> 1\n1\n"),
    ]
    assert list(bank_examples(bank)) == examples_of(bank.questions[0]) + examples_of(bank.questions[1])
    assert examples_of(bank.questions[1]) == []
    assert [e.name for e in bank_examples(real_bank())] == [e.name for e in EXAMPLES]


def test_a_fix_can_import_the_exercise() -> None:
    check(example("python", "from exercise import X\nprint(X)\n", output="1\n", exercise="X = 1\n"))


def test_examples_see_an_80_column_terminal(monkeypatch) -> None:
    # pytest and mypy wrap their reports to it: the expected outputs were written at 80.
    monkeypatch.setenv("COLUMNS", "200")
    check(example("python", "import os\nprint(os.environ['COLUMNS'])\n", output="80\n"))


def test_an_example_that_never_ends_is_stopped(monkeypatch) -> None:
    monkeypatch.setattr(examples, "TIMEOUT_SECONDS", 1)
    with pytest.raises(ExampleFailed) as failure:
        check(example("python", "import time\ntime.sleep(30)\n"))
    assert str(failure.value) == "fixture-1-python: still running after 1s"


def test_failing_tests_and_type_errors_may_be_the_point() -> None:
    check(example("python", "def test_fails():\n    assert 1 == 2\n", output="F...1 failed in ...\n", runner="pytest"))
    check(example("python", "x: int = 'a'\n", output="...error: Incompatible types in assignment...Found 1 error in 1 file...\n",
                  runner="mypy"))
    with pytest.raises(ExampleFailed, match=r"^fixture-1-python: exited with 1\n"):
        check(example("python", "def test_fails():\n    assert 1 == 2\n", runner="pytest"))


def test_sql_is_read_as_postgresql() -> None:
    check(example("sql", "SELECT a # b FROM t;\n"))  # '#' is PostgreSQL's bitwise XOR
    with pytest.raises(ExampleFailed, match=r"^fixture-1-sql: not valid PostgreSQL: "):
        check(example("sql", "SELECT a FROM t TOP 5;\n"))


@pytest.mark.parametrize(
    ("broken", "says"),
    [
        (example("python", "print(1)\n", output="1\n", runner="hadolint"),
         "fixture-1-python: a python block's output is labelled one of: Output:, pytest output:, mypy output:"),
        (example("dockerfile", "FROM python:3.13\n", output="x\n", runner="pytest"),
         "fixture-1-dockerfile: a dockerfile block's findings are labelled `hadolint output:`"),
        (example("yaml", "a: [1\n"), "fixture-1-yaml: not valid YAML: "),
        (example("json", "{a: 1}\n"), "fixture-1-json: not valid JSON: "),
    ],
    ids=["python-wrong-label", "dockerfile-wrong-label", "bad-yaml", "bad-json"],
)
def test_a_mislabelled_or_broken_block_says_what_to_do(broken: Example, says: str) -> None:
    with pytest.raises(ExampleFailed) as failure:
        check(broken)
    assert str(failure.value).startswith(says) and (says.endswith(": ") or str(failure.value) == says)


def test_a_dockerfile_with_findings_and_no_expected_output_fails() -> None:
    with pytest.raises(ExampleFailed) as failure:
        check(example("dockerfile", "FROM python\nRUN cd /tmp\n"))
    assert str(failure.value).startswith("fixture-1-dockerfile: hadolint found problems\n")
    assert "DL3006" in str(failure.value)  # the finding itself: an untagged image


def test_without_hadolint_the_contributor_is_told_how_to_get_it(monkeypatch) -> None:
    monkeypatch.setattr(examples.shutil, "which", lambda *args, **kwargs: None)
    with pytest.raises(ExampleFailed) as failure:
        check(example("dockerfile", "FROM python:3.13\n"))
    assert str(failure.value) == "hadolint is not installed: run `make install`"
