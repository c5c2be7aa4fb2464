"""Matching job descriptions to questions: realistic roles, explainable results."""

from __future__ import annotations

import json
import subprocess

import pytest
from question_bank.matching import key, keys_in, rank, words

from support import FIXTURES, ROOT, real_bank

BANK = real_bank()
JOBS = FIXTURES / "job-descriptions"


def job(name: str) -> str:
    return (JOBS / f"{name}.md").read_text(encoding="utf-8")


def top(name: str, count: int) -> list[str]:
    return [s.question for s in rank(BANK, job(name))[:count]]


def matched(name: str, question_id: str) -> list[str]:
    suggestion = next(s for s in rank(BANK, job(name)) if s.question == question_id)
    return [f"{term} → {via}" if via else term for term, via in suggestion.matches]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Multi-processing", ["multi", "processing"]),
        ("async/await", ["async", "await"]),
        ("APIs, Decorators; classes!", ["api", "decorator", "classe"]),
        ("libraries", ["library"]),
        ("asyncio process status", ["asyncio", "process", "status"]),
        ("C++ and C#", ["c++", "and", "c#"]),
    ],
)
def test_words_are_normalised(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize("spelling", ["multiprocessing", "Multi-processing", "multi processing", "MULTIPROCESSING"])
def test_common_spellings_meet(spelling: str) -> None:
    assert key("multiprocessing") in keys_in(f"We use {spelling} daily.", longest=4)


def test_async_role_asks_about_asyncio_and_the_gil() -> None:
    assert top("async-api", 2) == ["asyncio", "gil"]
    reasons = matched("async-api", "asyncio")
    assert "asyncio" in reasons and "async/await" in reasons
    assert "fastapi → Async I/O" in reasons
    assert "high traffic → Concurrency" in reasons


def test_django_role_asks_about_production_concerns() -> None:
    assert set(top("django-backend", 3)) == {"dependency-management", "wsgi-asgi", "n-plus-one"}
    assert "sentry → Logging" in matched("django-backend", "exception-handling")
    assert "orm" in matched("django-backend", "metaclasses")


def test_data_engineering_role_asks_about_large_data_first() -> None:
    assert top("data-engineering", 3) == ["bigger-than-memory", "pandas-vectorise", "generators"]
    reasons = matched("data-engineering", "generators")
    assert "etl → Generators and iterators" in reasons and "large files → Generators and iterators" in reasons
    # "multi-processing" in the posting finds the keyword spelled "multiprocessing".
    assert "multiprocessing" in matched("data-engineering", "gil")


def test_junior_role_gets_junior_questions() -> None:
    kit = top("junior", 3)
    assert kit == ["lists-tuples-sets", "dependency-management", "repo-tooling"]
    assert all(q.level == "junior" for q in BANK.questions if q.id in kit)
    assert "graduate → junior level" in matched("junior", "lists-tuples-sets")


def test_a_role_with_no_python_matches_nothing() -> None:
    assert rank(BANK, job("nothing")) == []


def test_level_words_alone_suggest_nothing() -> None:
    assert rank(BANK, "Senior lead, junior graduate, mid-level.") == []


def test_each_word_counts_once_per_question() -> None:
    suggestion = rank(BANK, "high traffic, high-traffic, High Traffic")[0]
    assert [term for term, _ in suggestion.matches].count("high traffic") == 1


def test_ranking_is_deterministic_and_in_bank_order_on_ties() -> None:
    order = [q.id for q in BANK.questions]
    suggestions = rank(BANK, "performance")
    scores = [s.score for s in suggestions]
    assert scores == sorted(scores, reverse=True)
    tied = [s.question for s in suggestions if s.score == scores[0]]
    assert tied == [q for q in order if q in tied]


def test_cli_prints_the_same_ranking_as_json() -> None:
    result = subprocess.run(
        [str(ROOT / "scripts" / "kit"), str(JOBS / "async-api.md"), "--json", "--top", "3"],
        capture_output=True, text=True, check=True,
    )
    kit = json.loads(result.stdout)
    expected = rank(BANK, job("async-api"))[:3]
    assert [q["id"] for q in kit["questions"]] == [s.question for s in expected]
    assert [q["score"] for q in kit["questions"]] == [s.score for s in expected]
    assert kit["questions"][0]["matched"][0] == {"term": "asyncio", "via": None}
    assert kit["total_minutes"] == sum(q["minutes"] for q in kit["questions"])


def test_cli_markdown_reads_standard_input_and_says_when_nothing_matches() -> None:
    result = subprocess.run([str(ROOT / "scripts" / "kit")], input=job("nothing"), capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("No question matches")
    result = subprocess.run([str(ROOT / "scripts" / "kit")], input=job("junior"), capture_output=True, text=True)
    assert "| 1 | Lists, tuples and sets (`lists-tuples-sets`) | junior |" in result.stdout
    assert "/kit/?q=lists-tuples-sets,dependency-management,repo-tooling" in result.stdout
