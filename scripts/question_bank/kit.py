"""`scripts/kit [FILE|-] [--top N] [--json]`: suggest an interview kit for a job description.

The same rules and data as the kit page (`matching.py`), on the command line:
prints the ranked questions with the terms that matched, as Markdown or JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .loader import BankError, load_bank
from .matching import Suggestion, rank
from .model import Bank

DEFAULT_BANK = Path("data/questions.yaml")
DEFAULT_TOP = 5


def reasons(suggestion: Suggestion) -> list[str]:
    return [f"{term} → {via}" if via else term for term, via in suggestion.matches]


def as_json(bank: Bank, kit: list[Suggestion]) -> str:
    by_id = {q.id: q for q in bank.questions}
    return json.dumps(
        {
            "total_minutes": sum(by_id[s.question].minutes for s in kit),
            "questions": [
                {
                    "id": s.question,
                    "title": by_id[s.question].title,
                    "level": by_id[s.question].level,
                    "minutes": by_id[s.question].minutes,
                    "score": s.score,
                    "matched": [{"term": term, "via": via} for term, via in s.matches],
                }
                for s in kit
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


def as_markdown(bank: Bank, kit: list[Suggestion]) -> str:
    by_id = {q.id: q for q in bank.questions}
    if not kit:
        return "No question matches this job description. Pick questions by topic on the kit page instead.\n"
    lines = ["| # | Question | Level | Time | Score | Matched |", "| --- | --- | --- | --- | --- | --- |"]
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
    parser.add_argument("--top", type=int, default=DEFAULT_TOP, help=f"questions in the kit (default {DEFAULT_TOP})")
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
    kit = rank(bank, text)[: args.top]
    print(as_json(bank, kit) if args.json else as_markdown(bank, kit), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
