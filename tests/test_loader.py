"""The validator: each kind of bad input gives one clear, located message."""

from __future__ import annotations

import re
import textwrap
import time

import pytest
from question_bank.loader import (
    MAX_FIELD_CHARS, MAX_FILE_BYTES, MAX_MARKDOWN_DEPTH, MAX_YAML_DEPTH, BankError, BankProblem, link_problem, load_bank,
    parse_bank,
)
from question_bank.safe_html import render

from support import BANK_FILE, ROOT

# A valid two-question bank. Line numbers below refer to this text; each
# question ends with the fields a finished question needs, so that the first
# question's lines stay short to count.
VALID = textwrap.dedent(
    """\
    title: Test bank
    description: A bank for tests.
    topics:
      basics: {label: Basics, area: core, terms: [fundamentals]}
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
        should_cover: [One point., Two points., Three points., Four points.]
        look_for: [A strong signal., Another strong signal.]
        red_flags: [A wrong belief.]
        follow_ups: [{question: "Why?", good_answer: Because.}]
        rubric: {no_evidence: "Says nothing.", partial: "Says a little.", solid: "Says enough.", strong: "Says it all."}
        levels: {junior: Uses it., mid: Knows the trade-offs., senior: Designs with it.}
        card: {must_hear: [1, 2, 3], always_ask: 1, top_red_flag: 1, passes_at: {junior: 3, mid: 3, senior: 4}}
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
        should_cover: [One point., Two points., Three points., Four points.]
        look_for: [A strong signal., Another strong signal.]
        red_flags: [A wrong belief.]
        follow_ups: [{question: "Why?", good_answer: Because.}]
        rubric: {no_evidence: "Says nothing.", partial: "Says a little.", solid: "Says enough.", strong: "Says it all."}
        levels: {junior: Uses it., mid: Knows the trade-offs., senior: Designs with it.}
        card: {must_hear: [1, 2, 3], always_ask: 1, top_red_flag: 1, passes_at: {junior: 3, mid: 3, senior: 4}}
    areas: {core: Core}
    """
)


def problems_of(text: str | bytes) -> list[BankProblem]:
    raw = text.encode() if isinstance(text, str) else text
    with pytest.raises(BankError) as caught:
        parse_bank(raw)  # the default file name, the bank's own, is what these messages show
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
                     "topics", "needs at least 1", id="empty-list"),
        pytest.param("    minutes: 5\n", "    minutes: '5'\n", 11, "first", "minutes", "whole number", id="wrong-type"),
        pytest.param("    level: junior\n", "    level: expert\n", 10, "first", "level", "'junior', 'mid' or 'senior'",
                     id="bad-level"),
        pytest.param("    minutes: 5\n", "    minutes: 500\n", 11, "first", "minutes", "at most", id="out-of-range"),
        pytest.param("  - id: second\n", "  - id: first\n", 22, "first", "id", "already used", id="duplicate-id"),
        pytest.param("[old-second]", "[first]", 29, "second", "aliases", "already used", id="alias-is-an-id"),
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
    assert (problem.question, problem.field, problem.line) == ("second", "aliases", 30)


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
    assert problem.line == 24
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


# The interviewer card points at items by number.
@pytest.mark.parametrize(
    ("old", "new", "field", "says"),
    [
        ("must_hear: [1, 2, 3], always", "must_hear: [1, 2, 9], always", "card.must_hear", "no item 9 in should_cover"),
        ("must_hear: [1, 2, 3], always", "must_hear: [1, 1, 3], always", "card.must_hear", "named twice"),
        ("must_hear: [1, 2, 3], always", "must_hear: [1, 2], always", "card.must_hear", "at least 3"),
        ("always_ask: 1", "always_ask: 2", "card.always_ask", "no item 2 in follow_ups"),
        ("top_red_flag: 1", "top_red_flag: 4", "card.top_red_flag", "no item 4 in red_flags"),
        ("passes_at: {junior: 3, mid: 3", "passes_at: {junior: 4, mid: 3", "card.passes_at", "lower band"),
        ("passes_at: {junior: 3", "passes_at: {junior: 1", "card.passes_at.junior", "at least 2"),
    ],
    ids=["must-hear-out-of-range", "must-hear-twice", "must-hear-too-few", "always-ask", "red-flag", "passes-decrease", "passes-below-2"],
)
def test_card_references_are_checked(old: str, new: str, field: str, says: str) -> None:
    problem = only_problem(VALID.replace(old, new, 1))
    assert (problem.line, problem.question, problem.field) == (21, "first", field)
    assert says in problem.message + problem.fix


def test_topic_area_must_be_declared() -> None:
    problem = only_problem(VALID.replace("area: core", "area: kitchen", 1))
    assert (problem.line, problem.field) == (4, "topics.basics.area")
    assert "'kitchen' is not declared" in problem.message and "core" in problem.fix


# Every Markdown field, nested ones too: links, fences and images are checked
# against what the renderer really produces, and reported at the data's line.
@pytest.mark.parametrize(
    ("old", "new", "line", "field", "says"),
    [
        ("{question: \"Why?\"", "{question: \"[x](javascript:alert(1))\"", 18, "follow_ups.0.question", "'javascript:'"),
        ("good_answer: Because.}", "good_answer: '[x](JavaScript:alert(1))'}", 18, "follow_ups.0.good_answer", "'javascript:'"),
        ("solid: \"Says enough.\"", "solid: \"[x](vbscript:x)\"", 19, "rubric.solid", "'vbscript:'"),
        ("senior: Designs with it.}", "senior: '[x](data:text/html,x)'}", 20, "levels.senior", "'data:'"),
        ("    guidance: Should cover firsts.\n", "    guidance: \"[x][e]\\n\\n[e]: javascript:alert(1)\"\n", 12, "guidance", "'javascript:'"),
        ("    guidance: Should cover firsts.\n", "    guidance: \"[x](\\x01javascript:alert(1))\"\n", 12, "guidance", "'javascript:'"),
        ("    guidance: Should cover firsts.\n", "    guidance: \"[x](java&#x09;script:alert(1))\"\n", 12, "guidance", "'javascript:'"),
        ("    guidance: Should cover firsts.\n", "    guidance: \"[x](nowhere.md)\"\n", 12, "guidance", "'nowhere.md' is not a question"),
        ("    guidance: Should cover firsts.\n", "    guidance: \"[x](../nowhere/)\"\n", 12, "guidance", "is not a question"),
        ("    guidance: Should cover firsts.\n", "    guidance: \"![diagram](https://a.b/c.png)\"\n", 12, "guidance", "images"),
        ("    guidance: Should cover firsts.\n", "    guidance: \"~~~\\ncode\"\n", 12, "guidance", "never closed"),
        ("    guidance: Should cover firsts.\n", "    guidance: \"~~~ !!!\\n<img>\\n~~~\"\n", 12, "guidance", "not one the tests know"),
        ("    guidance: Should cover firsts.\n", "    guidance: \"Text:\\n\\n    indented code\"\n", 12, "guidance", "indented code block"),
        ("One point., Two", "\"~~~\\nx\", Two", 15, "should_cover.0", "never closed"),
    ],
    ids=["follow-up", "good-answer-uppercase", "rubric", "levels", "reference-style", "control-character",
         "entity", "missing-page", "missing-question", "image", "unclosed-tilde", "rejected-info", "indented-code", "list-item-fence"],
)
def test_markdown_in_every_field_is_checked(old: str, new: str, line: int, field: str, says: str) -> None:
    assert old in VALID
    problem = only_problem(VALID.replace(old, new, 1))
    assert (problem.line, problem.question, problem.field) == (line, "first", field)
    assert says in problem.message + problem.fix


def test_a_link_to_another_question_is_allowed() -> None:
    bank = parse_bank(VALID.replace("Should cover firsts.", "'See [the second](../second/#why).'", 1).encode())
    assert "../second/" in bank.questions[0].guidance


# Bounded input: each limit is refused with a located message, quickly.


def test_a_file_over_the_size_limit_is_refused() -> None:
    with pytest.raises(BankError) as caught:
        parse_bank(VALID.encode(), "data/questions.yaml", max_bytes=100)
    [problem] = caught.value.problems
    assert problem.line == 1 and "over the limit of 100" in problem.message


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deep_yaml_is_refused_before_the_parser_recurses(depth: int) -> None:
    problem = only_problem(VALID.replace("Should cover firsts.", "[" * depth + "]" * depth, 1))
    assert problem.line == 12 and f"nested more than {MAX_YAML_DEPTH} deep" in problem.message


def test_a_field_over_the_size_limit_is_refused() -> None:
    problem = only_problem(VALID.replace("Should cover firsts.", "x" * (MAX_FIELD_CHARS + 1), 1))
    assert (problem.line, problem.field) == (12, "guidance")
    assert f"over the limit of {MAX_FIELD_CHARS:,}" in problem.message


def test_deeply_nested_markdown_is_refused() -> None:
    nested = "\\n".join("    " * level + "- item" for level in range(40))
    problem = only_problem(VALID.replace("Should cover firsts.", f'"{nested}"', 1))
    assert problem.field == "guidance" and "nests" in problem.message


# Inputs that were slow (quadratic or worse) before: each, at the field-size
# limit, must render quickly, and growing it must not grow the time faster
# than the input. Four times the input may take at most 8 times as long
# (about 2.8 per doubling): linear code takes 4, quadratic 16. The bound is
# generous; the ratio is what catches a regression.
SLOW_BEFORE = {
    "open-brackets": "[",
    "open-links": "[a](",
    "images": "![",
    "references": "[a][",
    "backticks": "`",
    "escapes": "\\`",
    "fence-lines": "```x\n",
}


@pytest.mark.timing
@pytest.mark.parametrize("unit", SLOW_BEFORE.values(), ids=SLOW_BEFORE)
def test_pathological_markdown_renders_in_linear_time(unit: str) -> None:
    def seconds(size: int) -> float:
        text = (unit * (size // len(unit) + 1))[:size]
        best = float("inf")
        for _ in range(3):
            render.cache_clear()
            started = time.perf_counter()
            try:
                render(text)
            except RecursionError:
                pass
            best = min(best, time.perf_counter() - started)
        return best

    quarter, full = seconds(MAX_FIELD_CHARS // 4), seconds(MAX_FIELD_CHARS)
    assert full < 2.0, f"{full:.2f}s for {MAX_FIELD_CHARS:,} characters"
    assert full < 8 * quarter + 0.02, f"4x the input took {full / quarter:.1f}x longer: worse than linear"


@pytest.mark.timing
def test_a_file_at_the_size_limit_validates_in_seconds() -> None:
    # Real-looking questions (the first one, many times) up to the file limit.
    header, first = VALID.split("  - id: second")[0].split("  - id: first")
    entry = "  - id: first" + first
    count = (MAX_FILE_BYTES - len(header)) // len(entry)
    text = header + "".join(entry.replace("id: first", f"id: q{n}", 1) for n in range(count)) + "areas: {core: Core}\n"
    assert len(text.encode()) <= MAX_FILE_BYTES
    started = time.perf_counter()
    bank = parse_bank(text.encode())
    assert len(bank.questions) == count
    assert time.perf_counter() - started < 30


# What a contributor reads: the whole message, for each kind of mistake.


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("    minutes: 5\n", "    minutes: '5'\n", "field 'minutes': expected a whole number, got text"),
        ("    minutes: 5\n", "    minutes: 5.5\n", "field 'minutes': expected a whole number, got a number"),
        ("    title: First\n", "    title: 5\n", "field 'title': expected text, got a number"),
        ("    title: First\n", "    title: true\n", "field 'title': expected text, got true/false"),
        ("    title: First\n", "    title:\n", "field 'title': expected text, got nothing"),
        ("    title: First\n", "    title: {a: b}\n", "field 'title': expected text, got a mapping"),
        ("    title: First\n", "    title: 2026-01-01\n", "field 'title': expected text, got date"),
        ("    topics: [basics]\n    level: junior", "    topics: basics\n    level: junior", "field 'topics': expected a list, got text"),
        ("    rubric: {", "    rubric: [a]\n    x: {", "field 'rubric': expected a mapping of fields, got a list"),
    ],
    ids=["quoted-number", "fraction", "number", "boolean", "nothing", "mapping", "date", "text-for-list", "list-for-mapping"],
)
def test_a_wrong_type_names_what_was_expected_and_what_was_found(old: str, new: str, says: str) -> None:
    problems = problems_of(VALID.replace(old, new, 1))
    assert any(str(problem).split(": ", 2)[2].startswith(says) for problem in problems), "\n".join(map(str, problems))


def test_the_documented_error_is_the_one_the_validator_prints() -> None:
    # README.md and docs/contributing.md show one message; it must be real.
    source = BANK_FILE.read_text(encoding="utf-8")
    broken = re.sub(r"(\n  - id: gil\n(?:    .*\n)*?    minutes: )(\d+)", r"\1'\2'", source, count=1)
    problem = only_problem(broken.encode())
    for document in ("README.md", "docs/contributing.md"):
        shown = re.search(r"^data/questions\.yaml:\d+: question 'gil'.*\n.*", (ROOT / document).read_text(encoding="utf-8"), re.M)
        assert shown, document
        assert re.sub(r":\d+:", ":LINE:", str(problem), count=1) == re.sub(r":\d+:", ":LINE:", shown.group(0), count=1)


def test_a_bank_level_problem_names_no_question() -> None:
    problem = only_problem(VALID.replace("title: Test bank", "title: 5", 1))
    assert (problem.line, problem.question, problem.field) == (1, None, "title")
    assert str(problem) == "data/questions.yaml:1: field 'title': expected text, got a number\n    fix: put the value in quotes"


def test_a_question_without_an_id_is_named_by_its_position() -> None:
    problem = only_problem(VALID.replace("  - id: second\n    title: Second\n", "  - title: Second\n", 1))
    assert (problem.question, problem.field) == ("#2", "id")
    assert "missing" in problem.message


def test_every_problem_names_the_file_it_was_given() -> None:
    broken = (VALID.replace("    minutes: 5\n", "    minutes: '5'\n", 1)  # the model
              .replace("area: core", "area: kitchen", 1)  # a cross-check
              .replace("always_ask: 1", "always_ask: 2", 1)  # the card
              .replace("Should cover firsts.", "'[x](javascript:alert(1))'", 1))  # the Markdown
    with pytest.raises(BankError) as caught:
        parse_bank(broken.encode(), "bank/other.yaml")
    problems = caught.value.problems
    assert len(problems) == 1, "the model's problem stops the checks that need a valid bank"
    fixed_model = broken.replace("    minutes: '5'\n", "    minutes: 5\n", 1)
    with pytest.raises(BankError) as caught:
        parse_bank(fixed_model.encode(), "bank/other.yaml")
    assert {p.field for p in caught.value.problems} == {"topics.basics.area", "card.always_ask", "guidance"}
    for problem in [*problems, *caught.value.problems]:
        assert problem.file == "bank/other.yaml" and str(problem).startswith("bank/other.yaml:")


def test_the_error_counts_its_problems_and_lists_each_indented() -> None:
    one = VALID.replace("    minutes: 5\n", "    minutes: '5'\n", 1)
    with pytest.raises(BankError) as caught:
        parse_bank(one.encode())
    assert str(caught.value) == "1 problem in the question bank:\n  " + str(caught.value.problems[0])
    with pytest.raises(BankError) as caught:
        parse_bank(one.replace("    level: mid\n", "    level: boss\n").encode())
    first, second = caught.value.problems
    assert str(caught.value) == f"2 problems in the question bank:\n  {first}\n  {second}"


def test_malformed_yaml_points_at_the_line_and_column() -> None:
    problem = only_problem(VALID.replace("    topics: [basics]\n", "    topics: [basics\n", 1))
    # The parser notices on the next line, at the colon of `    level: junior`.
    assert str(problem) == ("data/questions.yaml:10: malformed YAML, column 10: did not find expected ',' or ']'\n"
                            "    fix: check indentation and quoting on this line and the one above")


def test_a_character_yaml_refuses_is_reported_not_raised() -> None:
    problem = only_problem(VALID.replace("Test bank", "Test\x07bank", 1))
    assert problem.line == 1
    assert problem.message.startswith("malformed YAML: unacceptable character #x0007")
    assert problem.fix == "check the file's syntax"


def test_an_unreadable_file_is_a_problem_not_a_traceback(tmp_path) -> None:
    missing = tmp_path / "questions.yaml"
    with pytest.raises(BankError) as caught:
        load_bank(missing)
    assert [str(p) for p in caught.value.problems] == [f"{missing}:1: cannot read the file: No such file or directory"]


def test_load_bank_names_the_file_and_applies_the_size_limit(tmp_path) -> None:
    bank_file = tmp_path / "questions.yaml"
    bank_file.write_text(VALID.replace("    minutes: 5\n", "    minutes: '5'\n", 1), encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(bank_file)
    assert str(caught.value.problems[0]).startswith(f"{bank_file}:11: question 'first'")
    bank_file.write_text(VALID, encoding="utf-8")
    assert len(load_bank(bank_file).questions) == 2
    with pytest.raises(BankError, match="over the limit of 100"):
        load_bank(bank_file, max_bytes=100)


CARD_BLOCK = """\
    card:
      must_hear: [1, 2, 3]
      always_ask: 1
      top_red_flag: 1
      passes_at: {junior: 3, mid: 3, senior: 4}
"""


@pytest.mark.parametrize(
    ("old", "new", "line", "field"),
    [
        ("must_hear: [1, 2, 3]", "must_hear: [1, 1, 3]", 22, "card.must_hear"),
        ("always_ask: 1", "always_ask: 2", 23, "card.always_ask"),
        ("passes_at: {junior: 3", "passes_at: {junior: 4", 25, "card.passes_at"),
    ],
    ids=["must-hear", "always-ask", "passes-at"],
)
def test_a_card_problem_points_at_its_own_line(old: str, new: str, line: int, field: str) -> None:
    card = "    card: {must_hear: [1, 2, 3], always_ask: 1, top_red_flag: 1, passes_at: {junior: 3, mid: 3, senior: 4}}\n"
    text = VALID.replace(card, CARD_BLOCK.replace(old, new), 1)
    problem = only_problem(text)
    assert (problem.line, problem.question, problem.field) == (line, "first", field)


def test_a_card_problem_says_what_is_wrong_and_how_to_fix_it() -> None:
    twice = only_problem(VALID.replace("must_hear: [1, 2, 3], always", "must_hear: [1, 1, 3], always", 1))
    assert (twice.message, twice.fix) == ("the same should_cover point is named twice", "name three different should_cover points")
    lower = only_problem(VALID.replace("passes_at: {junior: 3, mid: 3", "passes_at: {junior: 4, mid: 3", 1))
    assert lower.message == "a more senior level passes at a lower band (4, 3, 4)"


def test_a_problem_in_a_block_of_text_points_at_its_own_line() -> None:
    # `answer: |` is on line 13: its text starts on 14, and the fence opens on 16.
    text = VALID.replace("      The first answer.\n", "      The first answer.\n\n      ```js\n      alert(1)\n      ```\n", 1)
    problem = only_problem(text)
    assert (problem.line, problem.field) == (16, "answer")


def test_a_field_at_the_size_limit_is_accepted() -> None:
    parse_bank(VALID.replace("Should cover firsts.", "x" * MAX_FIELD_CHARS, 1).encode())


def test_markdown_nested_to_the_limit_is_accepted_and_one_deeper_is_not() -> None:
    # Each `>` is a blockquote around the paragraph: n of them nest n + 1 elements.
    def quoted(depth: int) -> str:
        return VALID.replace("Should cover firsts.", "'" + ">" * (depth - 1) + " deep'", 1)

    assert render(">" * (MAX_MARKDOWN_DEPTH - 1) + " deep").depth == MAX_MARKDOWN_DEPTH
    parse_bank(quoted(MAX_MARKDOWN_DEPTH).encode())
    problem = only_problem(quoted(MAX_MARKDOWN_DEPTH + 1))
    assert problem.message == f"the Markdown nests {MAX_MARKDOWN_DEPTH + 1} elements deep, over the limit of {MAX_MARKDOWN_DEPTH}"


def test_a_field_too_long_to_render_does_not_stop_the_other_fields_checks() -> None:
    text = VALID.replace("Should cover firsts.", "x" * (MAX_FIELD_CHARS + 1), 1).replace(
        "      The first answer.\n", "      [x](javascript:alert(1))\n", 1)
    assert {problem.field for problem in problems_of(text)} == {"guidance", "answer"}


# Each kind of mistake once, with the whole of what the contributor reads:
# where (their file, the line, the question, the field), what is wrong, the fix.
TOPIC = "  basics: {label: Basics, area: core, terms: [fundamentals]}\n"
GUIDANCE = "Should cover firsts."
FIX_LINK = "fix: use an https:// address, a #fragment, or ../<question-id>/ for another question"
FIX_NESTING = "fix: flatten the nested lists or quotes"


def _version_note(note: str) -> str:
    return VALID.replace("    minutes: 5\n", f"    minutes: 5\n    version_notes:\n      - {note}\n", 1)


MISTAKES = {
    "not-utf8": (VALID.replace("What is second?", "Qu'est-ce que café?").encode("latin-1"), [
        "mine.yaml:24: the file is not UTF-8 (byte 0xe9)\n    fix: save the file as UTF-8 in your editor"]),
    "control-character": (VALID.replace("Test bank", "Test\x07bank", 1), [
        "mine.yaml:1: malformed YAML: unacceptable character #x0007: control characters are not allowed\n"
        '  in "<unicode string>", position 11\n    fix: check the file\'s syntax']),
    "empty": ("", ["mine.yaml:1: the file is empty\n    fix: start from the template in the contributing guide"]),
    "nested-too-deep": (VALID.replace(GUIDANCE, "[" * 10 + "]" * 10, 1), [
        "mine.yaml:12: lists and mappings are nested more than 12 deep here\n"
        "    fix: flatten it: a question's fields are at most a few levels deep"]),
    # Root, questions, the question, and 9 lists: 12 deep, the limit, so the model judges it.
    "nested-to-the-limit": (VALID.replace(GUIDANCE, "[" * 9 + "]" * 9, 1), [
        "mine.yaml:12: question 'first': field 'guidance': expected text, got a list\n    fix: put the value in quotes"]),
    "alias": (VALID.replace("description: A bank for tests.", "description: &d A bank for tests.")
              .replace("    title: First\n", "    title: *d\n", 1), [
        "mine.yaml:2: the value anchored on this line (&name) is reused with *name; anchors and aliases are not allowed\n"
        "    fix: write the value out in full"]),
    "undefined-alias": (VALID.replace("    title: First\n", "    title: *nothing\n", 1), [
        "mine.yaml:7: malformed YAML, column 12: found undefined alias\n"
        "    fix: check indentation and quoting on this line and the one above"]),
    "tag": (VALID.replace("    title: First\n", "    title: !!python/object/apply:os.system [echo]\n", 1), [
        "mine.yaml:7: the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed\n"
        "    fix: remove the tag; the bank holds plain text, numbers and lists"]),
    "two-keys-twice": (VALID.replace("    minutes: 5\n", "    minutes: 5\n    minutes: 6\n", 1)
                       .replace("    level: junior\n", "    level: junior\n    level: mid\n", 1), [
        "mine.yaml:11: the key 'level' appears twice here\n    fix: keep one of them; YAML would silently drop the other",
        "mine.yaml:13: the key 'minutes' appears twice here\n    fix: keep one of them; YAML would silently drop the other"]),
    "no-such-date": (_version_note("{checked: 2026-13-45, note: A note., source: 'https://docs.python.org/3/'}"), [
        "mine.yaml:13: the value '2026-13-45' cannot be read: month must be in 1..12\n"
        "    fix: write a real date as YYYY-MM-DD, or quote the value to keep it as text"]),
    "date-as-text": (_version_note("{checked: soon, note: A note., source: 'https://docs.python.org/3/'}"), [
        "mine.yaml:13: question 'first': field 'version_notes.0.checked': expected a date, got text\n"
        "    fix: write it as YYYY-MM-DD without quotes, e.g. 2026-11-24"]),
    "source-not-https": (_version_note("{checked: 2026-01-01, note: A note., source: 'http://docs.python.org/3/'}"), [
        "mine.yaml:13: question 'first': field 'version_notes.0.source': 'http://docs.python.org/3/' is not an https:// address\n"
        "    fix: link to the official source by its https:// address"]),
    "no-questions": (VALID.split("questions:")[0] + "questions: []\nareas: {core: Core}\n", [
        "mine.yaml:5: field 'questions': needs at least 1 item(s)\n    fix: add the missing items; see the template at the top of the file"]),
    "question-not-a-mapping": (VALID.replace("areas: {core: Core}", "  - just text\nareas: {core: Core}"), [
        "mine.yaml:39: question '#3': expected a mapping of fields, got text\n    fix: indent the fields under this key"]),
    "bad-level": (VALID.replace("    level: junior\n", "    level: expert\n"), [
        "mine.yaml:10: question 'first': field 'level': expected 'junior', 'mid' or 'senior', got 'expert'\n"
        "    fix: use one of the allowed values"]),
    "topic-label": (VALID.replace("basics: {label: Basics", "basics: {label: 5", 1), [
        "mine.yaml:4: field 'topics.basics.label': expected text, got a number\n    fix: put the value in quotes"]),
    # Too far from 'guidance' to guess (a ratio of 0.625): two problems, no "did you mean".
    "unknown-key-far-from-any": (VALID.replace("    guidance: Should", "    gxixaxce: Should", 1), [
        "mine.yaml:6: question 'first': field 'guidance': this required field is missing\n"
        "    fix: add it; see the template at the top of the file",
        "mine.yaml:12: question 'first': field 'gxixaxce': unknown field\n"
        "    fix: check the spelling against the template at the top of the file, or remove it"]),
    "undeclared-area": (VALID.replace(TOPIC, "  basics:\n    label: Basics\n    area: kitchen\n    terms: [fundamentals]\n")
                        .replace("areas: {core: Core}", "areas: {core: Core, web: Web}"), [
        "mine.yaml:6: field 'topics.basics.area': area 'kitchen' is not declared under the bank's areas\n"
        "    fix: use one of: core, web; or declare 'kitchen' under areas"]),
    "undeclared-topic": (VALID.replace(TOPIC, TOPIC + "  web: {label: Web, area: core, terms: [http]}\n")
                         .replace("    topics: [basics]\n    level: junior", "    topics: [basics, cooking]\n    level: junior"), [
        "mine.yaml:10: question 'first': field 'topics': topic 'cooking' is not declared under the bank's topics\n"
        "    fix: use one of: basics, web; or declare 'cooking' with its label and terms"]),
    "id-used-twice": (VALID.replace("  - id: second\n", "  - id: first\n", 1), [
        "mine.yaml:22: question 'first': field 'id': 'first' is already used by question 'first'\n"
        "    fix: ids and aliases share one URL space; choose another id, or drop the alias"]),
    "must-hear-twice": (VALID.replace("must_hear: [1, 2, 3], always", "must_hear: [1, 1, 3], always", 1), [
        "mine.yaml:21: question 'first': field 'card.must_hear': the same should_cover point is named twice\n"
        "    fix: name three different should_cover points"]),
    "passes-at-falls": (VALID.replace("passes_at: {junior: 3, mid: 3", "passes_at: {junior: 4, mid: 3", 1), [
        "mine.yaml:21: question 'first': field 'card.passes_at': a more senior level passes at a lower band (4, 3, 4)\n"
        "    fix: make the bands rise or stay equal from junior to mid to senior"]),
    "field-too-long": (VALID.replace(GUIDANCE, "x" * (MAX_FIELD_CHARS + 1), 1), [
        "mine.yaml:12: question 'first': field 'guidance': the text is 12,001 characters, over the limit of 12,000\n"
        "    fix: shorten it; an answer says the essential in 250-600 words"]),
    # A quoted field is reported at its key, wherever in its text the fence opens.
    "unclosed-fence": (VALID.replace(GUIDANCE, '"Text.\\n\\n~~~\\ncode"', 1), [
        "mine.yaml:12: question 'first': field 'guidance': this code fence is never closed\n"
        "    fix: close it with a line of three backticks"]),
    # In a block of text, at the fence's own line: the answer's text starts on line 14.
    "unclosed-fence-in-a-block": (VALID.replace("      The first answer.\n", "      The first answer.\n\n      ```python\n      print(1)\n", 1), [
        "mine.yaml:16: question 'first': field 'answer': this code fence is never closed\n"
        "    fix: close it with a line of three backticks"]),
    "fence-without-language": (VALID.replace(GUIDANCE, '"```\\nx\\n```"', 1), [
        "mine.yaml:12: question 'first': field 'guidance': code fence language '(none)' is not one the tests know how to check\n"
        "    fix: label it as one of: python, pycon, toml, yaml, json, sql, dockerfile, console, text (see the contributing guide)"]),
    "indented-code": (VALID.replace(GUIDANCE, '"Text:\\n\\n    indented code"', 1), [
        "mine.yaml:12: question 'first': field 'guidance': a code block here is not a fence the tests can run: "
        "an indented code block, or a fence the renderer does not accept\n"
        "    fix: write code as ```python ... ``` with a known language"]),
    "image": (VALID.replace(GUIDANCE, '"![d](https://a.b/c.png)"', 1), [
        "mine.yaml:12: question 'first': field 'guidance': images are not supported in the bank\n"
        "    fix: link to the image instead: [description](https://...)"]),
    # A folded block (`>`) starts on the line after its key, as a literal one does.
    "script-link-in-a-folded-block": (VALID.replace(f"    guidance: {GUIDANCE}\n", "    guidance: >\n      [x](javascript:alert(1))\n", 1), [
        f"mine.yaml:13: question 'first': field 'guidance': links may not use 'javascript:' addresses\n    {FIX_LINK}"]),
    "markdown-nested-deep": (VALID.replace(GUIDANCE, "'" + ">" * 30 + " deep'", 1), [
        f"mine.yaml:12: question 'first': field 'guidance': the Markdown nests 31 elements deep, over the limit of 24\n    {FIX_NESTING}"]),
    # Too deep for the renderer itself; the next field is still checked.
    "markdown-too-deep-to-render": (VALID.replace(GUIDANCE, "'" + "- " * 3000 + "x'", 1)
                                    .replace("      The first answer.\n", "      [x](javascript:alert(1))\n", 1), [
        f"mine.yaml:12: question 'first': field 'guidance': the Markdown is nested too deep to render\n    {FIX_NESTING}",
        f"mine.yaml:14: question 'first': field 'answer': links may not use 'javascript:' addresses\n    {FIX_LINK}"]),
}


@pytest.mark.parametrize(("text", "expected"), MISTAKES.values(), ids=MISTAKES)
def test_what_a_contributor_reads_for_each_kind_of_mistake(text: str | bytes, expected: list[str]) -> None:
    raw = text.encode() if isinstance(text, str) else text
    with pytest.raises(BankError) as caught:
        parse_bank(raw, "mine.yaml")
    assert [str(problem) for problem in caught.value.problems] == expected


def test_a_file_of_exactly_the_size_limit_is_accepted() -> None:
    raw = VALID.encode()
    assert len(parse_bank(raw, max_bytes=len(raw)).questions) == 2
    with pytest.raises(BankError) as caught:
        parse_bank(raw, "mine.yaml", max_bytes=len(raw) - 1)
    assert [str(p) for p in caught.value.problems] == [
        f"mine.yaml:1: the file is {len(raw):,} bytes, over the limit of {len(raw) - 1:,}\n"
        "    fix: split very long answers, or raise MAX_FILE_BYTES in loader.py with a reason"]


LONG = "../" + "x" * 100 + "/"


@pytest.mark.parametrize(
    ("href", "verdict"),
    [
        ("https://example.org/a?b=c:d#e:f", None),
        ("#a-fragment", None),
        ("../first/", None),
        ("../first/#one#two", None),  # the fragment is everything after the first '#'
        ("JavaScript:alert(1)", "links may not use 'javascript:' addresses"),
        ("javascript:void:0", "links may not use 'javascript:' addresses"),
        ("\x01java\tscript:alert(1)", "links may not use 'javascript:' addresses"),
        ("../x:y/", "the link target '../x:y/' is not a question of this bank or a web address"),  # ':' after a '/' is a path
        ("page?q=a:b?c", "the link target 'page?q=a:b?c' is not a question of this bank or a web address"),
        ("page#a:b#c", "the link target 'page#a:b#c' is not a question of this bank or a web address"),
        ("a b:c", "links may not use 'a b:' addresses"),
        ("../second/", "the link target '../second/' is not a question of this bank or a web address"),
        (LONG, f"the link target '{LONG[:80]}' is not a question of this bank or a web address"),
    ],
)
def test_which_links_the_data_may_publish(href: str, verdict: str | None) -> None:
    assert link_problem(href, {"first"}) == verdict
