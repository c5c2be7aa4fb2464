"""`scripts/kit`: a job description in, a ranked kit out, as Markdown or JSON.

`main` is called in-process; one test runs the real script, to prove the wrapper.
"""

from __future__ import annotations

import io
import json
import re
import subprocess

import markdown
import pytest
from question_bank.kit import main
from question_bank.matching import DEFAULT_BUDGET, infer_level, kit, rank, uncovered

from support import FIXTURES, ROOT, real_bank

BANK = real_bank()
JOBS = FIXTURES / "job-descriptions"
BY_ID = {question.id: question for question in BANK.questions}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def job(name: str) -> str:
    return (JOBS / f"{name}.md").read_text(encoding="utf-8")


def suggested(name: str, minutes: int = DEFAULT_BUDGET) -> list:
    """The kit matching.py suggests for a fixture posting, as ranked suggestions."""
    text = job(name)
    ranked = rank(BANK, text)
    by_id = {s.question: s for s in ranked}
    return [by_id[q] for q in kit(BANK, ranked, infer_level(BANK, text).level, minutes)]


def test_json_lists_the_kit_with_level_minutes_scores_matches_and_gaps(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(JOBS / "async-api.md"), "--json", "--minutes", "45")
    assert code == 0
    printed = json.loads(out)
    expected = suggested("async-api", 45)
    level = infer_level(BANK, job("async-api"))
    assert (printed["level"], printed["level_because"]) == (level.level, level.because)
    assert printed["uncovered"] == uncovered(BANK, job("async-api"))
    assert [q["id"] for q in printed["questions"]] == [s.question for s in expected]
    for shown, suggestion in zip(printed["questions"], expected, strict=True):
        question = BY_ID[suggestion.question]
        assert shown == {
            "id": question.id,
            "title": question.title,
            "level": question.level,
            "minutes": question.minutes,
            "score": suggestion.score,
            "matched": [{"term": term, "via": via, "weight": weight} for term, via, weight in suggestion.matches],
        }
    assert printed["total_minutes"] == sum(BY_ID[s.question].minutes for s in expected)


def test_markdown_is_a_numbered_table_with_the_total_and_a_share_link(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(JOBS / "junior.md"))
    assert code == 0
    expected = suggested("junior")
    lines = out.splitlines()
    assert lines[0] == "Level: junior (the title says junior)."
    assert lines[2] == "Not covered by any question: git."
    assert lines[4] == "| # | Question | Level | Time | Score | Matched |"
    rows = [line for line in lines if line.startswith("| ") and line[2].isdigit()]
    assert len(rows) == len(expected)
    for number, (row, suggestion) in enumerate(zip(rows, expected, strict=True), 1):
        question = BY_ID[suggestion.question]
        cells = [cell.strip() for cell in row.strip("|").split(" | ")]
        assert cells[:5] == [str(number), f"{question.title} (`{question.id}`)", question.level,
                             f"{question.minutes} min", str(suggestion.score)]
        for term, via, _ in suggestion.matches:
            assert (f"{term} → {via}" if via else term) in cells[5]
        assert cells[5] == ", ".join(f"{term} → {via}" if via else term for term, via, _ in suggestion.matches)
    total = sum(BY_ID[s.question].minutes for s in expected)
    assert lines[-1] == f"Total: {total} min. Share it: `/kit/?q={','.join(s.question for s in expected)}`"


def test_the_markdown_renders_as_paragraphs_and_a_table_of_the_kit(capsys: pytest.CaptureFixture[str]) -> None:
    """Pasted into an issue or a document, the output is three paragraphs and a table."""
    code, out, _ = run(capsys, str(JOBS / "junior.md"))
    assert code == 0
    rendered = markdown.markdown(out, extensions=["tables"])
    paragraphs = re.findall(r"<p>(.*?)</p>", rendered, flags=re.DOTALL)
    assert [p.split(" ")[0] for p in paragraphs] == ["Level:", "Not", "Total:"]
    assert rendered.count("<tr>") == len(suggested("junior")) + 1  # the heading row, a row per question


def test_a_posting_with_no_gaps_says_every_skill_has_a_question(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text("A Python developer who knows asyncio and the GIL.", encoding="utf-8")
    code, out, _ = run(capsys, str(posting))
    assert code == 0
    assert out.splitlines()[2] == "Every skill recognised in the posting has a question."


@pytest.mark.parametrize(("option", "value"), [("--level", "principal"), ("--minutes", "30")])
def test_a_level_or_budget_the_page_does_not_offer_is_refused(capsys: pytest.CaptureFixture[str], option: str, value: str) -> None:
    with pytest.raises(SystemExit) as refused:
        main([str(JOBS / "junior.md"), option, value])
    assert refused.value.code == 2
    assert re.search(f"invalid choice: '?{value}'?", capsys.readouterr().err)


def test_a_given_level_is_used_and_said_to_be_given(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(JOBS / "junior.md"), "--json", "--level", "senior")
    assert code == 0
    printed = json.loads(out)
    assert (printed["level"], printed["level_because"]) == ("senior", "as given")
    ranked = rank(BANK, job("junior"), "senior")
    assert [q["id"] for q in printed["questions"]] == kit(BANK, ranked, "senior", DEFAULT_BUDGET)
    # Scored for the given level too: its questions, not the inferred level's, get the level's weight.
    by_id = {s.question: s for s in ranked}
    assert [q["score"] for q in printed["questions"]] == [by_id[q["id"]].score for q in printed["questions"]]


def test_every_gap_is_named(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text("A Python developer: asyncio, Kubernetes, GraphQL and Terraform.", encoding="utf-8")
    gaps = uncovered(BANK, posting.read_text(encoding="utf-8"))
    assert len(gaps) >= 3
    code, out, _ = run(capsys, str(posting))
    assert out.splitlines()[2] == f"Not covered by any question: {', '.join(gaps)}."


def test_help_names_the_script_and_says_what_it_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert shown.startswith("usage: scripts/kit ")
    assert "suggest an interview kit for a job description." in shown


def test_a_matched_term_cannot_break_the_table(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    # A keyword holding a pipe, as the data may: it is escaped in its cell.
    source = (ROOT / "data" / "questions.yaml").read_text(encoding="utf-8")
    piped = tmp_path / "bank.yaml"
    piped.write_text(re.sub(r"^    keywords: \[", "    keywords: ['a|b', ", source, count=1, flags=re.MULTILINE))
    posting = tmp_path / "job.md"
    posting.write_text("We need a|b experience.", encoding="utf-8")
    code, out, _ = run(capsys, str(posting), "--bank", str(piped))
    assert code == 0
    row = out.splitlines()[6]
    assert "a\\|b" in row and row.count(" | ") == 5


def test_standard_input_is_read_when_no_file_is_given(capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(job("junior")))
    code, out, _ = run(capsys)
    assert code == 0
    assert f"(`{suggested('junior')[0].question}`)" in out


def test_a_posting_that_matches_nothing_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(JOBS / "nothing.md"))
    assert code == 0
    assert out.splitlines()[-1] == "No question matches this job description. Pick questions by topic on the kit page instead."
    code, out, _ = run(capsys, str(JOBS / "nothing.md"), "--json")
    assert json.loads(out) == {"level": "mid", "level_because": "nothing says, so mid is assumed", "uncovered": [], "total_minutes": 0, "questions": []}


def test_an_unreadable_posting_is_an_error_not_a_traceback(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    code, out, err = run(capsys, str(tmp_path / "missing.md"))
    assert (code, out) == (1, "")
    assert err.startswith(f"error: cannot read {tmp_path / 'missing.md'}: ")


def test_a_broken_bank_is_reported_with_its_location(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    broken = tmp_path / "bank.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    code, out, err = run(capsys, str(JOBS / "junior.md"), "--bank", str(broken))
    assert (code, out) == (1, "")
    assert err.startswith(f"error: 1 problem in the question bank:\n  {broken}:")


@pytest.mark.script
def test_the_script_runs_the_cli() -> None:
    result = subprocess.run(
        [str(ROOT / "scripts" / "kit"), str(JOBS / "async-api.md"), "--json", "--level", "senior"],
        capture_output=True, text=True, check=True,
    )
    printed = json.loads(result.stdout)
    ranked = rank(BANK, job("async-api"), "senior")
    assert (printed["level"], printed["level_because"]) == ("senior", "as given")
    assert [q["id"] for q in printed["questions"]] == kit(BANK, ranked, "senior", DEFAULT_BUDGET)
