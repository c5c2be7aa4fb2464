"""`scripts/kit [FILE|-] [--level L] [--minutes M] [--json]`: suggest an interview kit for a job description.

The same rules and data as the kit page (`matching.py`), on the command line:
prints the role's inferred level, the kit that fits the time budget with the
terms that matched each question (strongest first), and the skills of the
posting that no question covers, as Markdown or JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .loader import BankError, load_bank
from .matching import BUDGETS, DEFAULT_BUDGET, Level, Suggestion, infer_level, kit, rank, uncovered
from .model import LEVELS
from .model import Bank

DEFAULT_BANK = Path("data/questions.yaml")


def reasons(suggestion: Suggestion) -> list[str]:
    return [f"{term} → {via}" if via else term for term, via, _ in suggestion.matches]


def as_json(bank: Bank, kit: list[Suggestion], level: Level, gaps: list[str]) -> str:
    by_id = {q.id: q for q in bank.questions}
    return json.dumps(
        {
            "level": level.level,
            "level_because": level.because,
            "uncovered": gaps,
            "total_minutes": sum(by_id[s.question].minutes for s in kit),
            "questions": [
                {
                    "id": s.question,
                    "title": by_id[s.question].title,
                    "level": by_id[s.question].level,
                    "minutes": by_id[s.question].minutes,
                    "score": s.score,
                    "matched": [{"term": term, "via": via, "weight": weight} for term, via, weight in s.matches],
                }
                for s in kit
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


def as_markdown(bank: Bank, kit: list[Suggestion], level: Level, gaps: list[str]) -> str:
    by_id = {q.id: q for q in bank.questions}
    head = [f"Level: {level.level} ({level.because}).", ""]
    missing = [f"Not covered by any question: {', '.join(gaps)}." if gaps else "Every skill recognised in the posting has a question.", ""]
    if not kit:
        return "\n".join(head + missing) + "No question matches this job description. Pick questions by topic on the kit page instead.\n"
    lines = head + missing + ["| # | Question | Level | Time | Score | Matched |", "| --- | --- | --- | --- | --- | --- |"]
    for number, s in enumerate(kit, 1):
        question = by_id[s.question]
        matched = ", ".join(reasons(s)).replace("|", "\\|")
        lines.append(f"| {number} | {question.title} (`{question.id}`) | {question.level} | {question.minutes} min | {s.score} | {matched} |")
    total = sum(by_id[s.question].minutes for s in kit)
    lines += ["", f"Total: {total} min. Share it: `/kit/?q={','.join(s.question for s in kit)}`"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/kit", description=__doc__.splitlines()[0])
    parser.add_argument("job_description", nargs="?", default="-", help="a file, or - for standard input")
    parser.add_argument("--level", choices=LEVELS, help="the role's level (default: inferred from the posting)")
    parser.add_argument("--minutes", type=int, choices=BUDGETS, default=DEFAULT_BUDGET, help=f"the time budget (default {DEFAULT_BUDGET})")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--bank", type=Path, default=DEFAULT_BANK, help="the bank file")
    args = parser.parse_args(argv)
    try:
        bank = load_bank(args.bank)
    except BankError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.job_description == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(args.job_description).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            print(f"error: cannot read {args.job_description}: {error}", file=sys.stderr)
            return 1
    level = Level(args.level, "as given") if args.level else infer_level(bank, text)
    ranked = rank(bank, text, level.level)
    by_id = {s.question: s for s in ranked}
    chosen = [by_id[question_id] for question_id in kit(bank, ranked, level.level, args.minutes)]
    gaps = uncovered(bank, text)
    print(as_json(bank, chosen, level, gaps) if args.json else as_markdown(bank, chosen, level, gaps), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
