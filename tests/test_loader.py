"""The validator: each kind of bad input gives one clear, located message."""

from __future__ import annotations

import textwrap

import pytest
from question_bank.loader import BankError, BankProblem, parse_bank

# A valid two-question bank. Line numbers below refer to this text.
VALID = textwrap.dedent(
    """\
    title: Test bank
    description: A bank for tests.
    topics:
      basics: {label: Basics, terms: [fundamentals]}
    questions:
      - id: first
        title: First
        question: What is first?
        topics: [basics]
        level: junior
        minutes: 5
        guidance: Should cover firsts.
        answer: |
          The first answer.
      - id: second
        title: Second
        question: What is second?
        topics: [basics]
        level: mid
        minutes: 10
        guidance: Should cover seconds.
        aliases: [old-second]
        answer: |
          The second answer.
    """
)


def problems_of(text: str | bytes) -> list[BankProblem]:
    raw = text.encode() if isinstance(text, str) else text
    with pytest.raises(BankError) as caught:
        parse_bank(raw, "data/questions.yaml")
    return caught.value.problems


def only_problem(text: str | bytes) -> BankProblem:
    problems = problems_of(text)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_valid_bank_loads() -> None:
    bank = parse_bank(VALID.encode())
    assert [q.id for q in bank.questions] == ["first", "second"]
    assert bank.questions[1].aliases == ["old-second"]


@pytest.mark.parametrize(
    ("old", "new", "line", "question", "field", "says"),
    [
        pytest.param("    minutes: 5\n", "    minutes: 5\n    difficulty: hard\n", 12, "first", "difficulty",
                     "unknown field", id="unknown-key"),
        pytest.param("    guidance: Should cover firsts.\n", "    guidnce: Should cover firsts.\n", 12, "first",
                     "guidnce", "did you mean 'guidance'", id="misspelt-key"),
        pytest.param("    question: What is first?\n", "", 6, "first", "question", "missing", id="missing-field"),
        pytest.param("    title: First\n", "    title: '   '\n", 7, "first", "title", "blank", id="blank-field"),
        pytest.param("    topics: [basics]\n    level: junior", "    topics: []\n    level: junior", 9, "first",
                     "topics", "must not be empty", id="empty-list"),
        pytest.param("    minutes: 5\n", "    minutes: '5'\n", 11, "first", "minutes", "whole number", id="wrong-type"),
        pytest.param("    level: junior\n", "    level: expert\n", 10, "first", "level", "'junior', 'mid' or 'senior'",
                     id="bad-level"),
        pytest.param("    minutes: 5\n", "    minutes: 500\n", 11, "first", "minutes", "at most", id="out-of-range"),
        pytest.param("  - id: second\n", "  - id: first\n", 15, "first", "id", "already used", id="duplicate-id"),
        pytest.param("[old-second]", "[first]", 22, "second", "aliases", "already used", id="alias-is-an-id"),
        pytest.param("  - id: first\n", "  - id: ../first\n", 6, "../first", "id", "not a slug", id="id-with-dots"),
        pytest.param("  - id: first\n", "  - id: a/b\n", 6, "a/b", "id", "not a slug", id="id-with-slash"),
        pytest.param("  - id: first\n", "  - id: First\n", 6, "First", "id", "not a slug", id="id-upper-case"),
        pytest.param("  - id: first\n", "  - id: first one\n", 6, "first one", "id", "not a slug", id="id-with-space"),
        pytest.param("      The first answer.\n", "      ```js\n      alert(1)\n      ```\n", 14, "first",
                     "answer", "'js' is not one the tests know", id="unknown-fence-language"),
        pytest.param("      The first answer.\n", "      ```python\n      print(1)\n", 14, "first", "answer",
                     "never closed", id="unclosed-fence"),
        pytest.param("    guidance: Should cover firsts.\n", "    guidance: '[x](javascript:alert(1))'\n", 12, "first",
                     "guidance", "javascript:", id="script-link"),
    ],
)
def test_rejects_with_location(old: str, new: str, line: int, question: str, field: str, says: str) -> None:
    assert old in VALID
    problem = only_problem(VALID.replace(old, new, 1))
    assert (problem.line, problem.question, problem.field) == (line, question, field)
    assert says in problem.message + problem.fix
    assert problem.fix, "every message says how to fix it"


def test_undeclared_topic() -> None:
    problem = only_problem(VALID.replace("    topics: [basics]\n    level: junior", "    topics: [basics, cooking]\n    level: junior"))
    assert (problem.line, problem.question, problem.field) == (9, "first", "topics")
    assert "'cooking' is not declared" in problem.message and "basics" in problem.fix


def test_duplicate_alias_across_questions() -> None:
    text = VALID.replace("    answer: |\n      The first", "    aliases: [old-second]\n    answer: |\n      The first", 1)
    problem = only_problem(text)
    assert (problem.question, problem.field, problem.line) == ("second", "aliases", 23)


def test_duplicate_key_is_not_silently_dropped() -> None:
    problem = only_problem(VALID.replace("    minutes: 5\n", "    minutes: 5\n    minutes: 6\n", 1))
    assert problem.line == 12
    assert "appears twice" in problem.message


def test_malformed_yaml_names_line_and_column() -> None:
    problem = only_problem(VALID.replace("    topics: [basics]\n", "    topics: [basics\n", 1))
    assert "malformed YAML" in problem.message
    assert "column" in problem.message
    assert problem.line in (9, 10)


def test_object_constructing_tag_is_refused() -> None:
    problem = only_problem(VALID.replace("title: Test bank", "title: !!python/object/apply:os.system [echo pwned]"))
    assert problem.line == 1
    assert "tag" in problem.message


def test_alias_bomb_is_refused_quickly() -> None:
    # The classic "billion laughs": nine levels of nine aliases each.
    levels = ['a0: &a0 ["lol"]'] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    problem = only_problem("\n".join(levels) + "\n")
    assert "aliases are not allowed" in problem.message


def test_non_utf8_file_names_the_line() -> None:
    raw = VALID.replace("What is second?", "Qu'est-ce que café?").encode("latin-1")
    problem = only_problem(raw)
    assert problem.line == 17
    assert "not UTF-8" in problem.message


def test_empty_file() -> None:
    assert "empty" in only_problem("").message


def test_message_format_names_file_line_question_and_field() -> None:
    problem = only_problem(VALID.replace("    minutes: 5\n", "    minutes: '5'\n", 1))
    assert str(problem).startswith("data/questions.yaml:11: question 'first': field 'minutes': ")
    assert "\n    fix: " in str(problem)


def test_several_problems_are_all_reported() -> None:
    text = VALID.replace("    minutes: 5\n", "    minutes: '5'\n", 1).replace("    level: mid\n", "    level: boss\n")
    assert {p.field for p in problems_of(text)} == {"minutes", "level"}
