"""`make matching-eval`: how the kit's matching does on the labelled job postings.

Each posting in `tests/fixtures/job-descriptions/` has an interviewer's label
in `labels.yaml` (written before the matching was tuned): the role's level,
the must-have questions for a 60-minute interview, and the skills no question
covers. This compares them with what `matching.py` infers and suggests at the
default budget, and prints a Markdown table: per posting, the level labelled
and inferred, and how many must-haves the suggested kit holds; then the level
accuracy and the mean recall of must-haves.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from .loader import BankError, load_bank
from .matching import DEFAULT_BUDGET, infer_level, key, kit, rank, uncovered
from .model import Bank

POSTINGS = Path("tests/fixtures/job-descriptions")
LABELS_FILE = "labels.yaml"
DEFAULT_BANK = Path("data/questions.yaml")


@dataclass(frozen=True)
class Label:
    level: str
    must_have: tuple[str, ...]
    uncovered: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    posting: str
    label: Label
    level: str  # inferred
    kit: tuple[str, ...]
    gaps: tuple[str, ...]  # the skills it reports no question covers

    @property
    def found(self) -> list[str]:
        return [question for question in self.label.must_have if question in self.kit]

    @property
    def recall(self) -> float | None:
        """The share of must-haves in the kit; None for a posting the bank does not serve."""
        return len(self.found) / len(self.label.must_have) if self.label.must_have else None

    @property
    def named(self) -> list[str]:
        """The labelled uncovered skills that the gaps name, in any word form."""
        reported = {key(gap) for gap in self.gaps}
        return [skill for skill in self.label.uncovered if key(skill) in reported]


def load_labels(folder: Path = POSTINGS) -> dict[str, Label]:
    """Each posting's label, by file name without `.md`."""
    raw = yaml.safe_load((folder / LABELS_FILE).read_text(encoding="utf-8"))
    return {name: Label(entry["level"], tuple(entry["must_have"]), tuple(entry["uncovered"])) for name, entry in raw.items()}


def posting(name: str, folder: Path = POSTINGS) -> str:
    return (folder / f"{name}.md").read_text(encoding="utf-8")


def evaluate(bank: Bank, postings: dict[str, str], labels: dict[str, Label], budget: int = DEFAULT_BUDGET) -> list[Outcome]:
    """What the matching infers and suggests for each labelled posting, as the CLI and the page do."""
    outcomes = []
    for name, label in labels.items():
        text = postings[name]
        level = infer_level(bank, text).level
        chosen = kit(bank, rank(bank, text, level), level, budget)
        outcomes.append(Outcome(name, label, level, tuple(chosen), tuple(uncovered(bank, text))))
    return outcomes


def table(outcomes: list[Outcome]) -> str:
    """The evaluation as a Markdown table, with its totals."""
    lines = [
        "| Posting | Level (label) | Level (inferred) | Must-haves in the kit | Missed | Gaps named |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for o in outcomes:
        found = f"{len(o.found)}/{len(o.label.must_have)}" if o.label.must_have else _unserved(o)
        missed = ", ".join(f"`{q}`" for q in o.label.must_have if q not in o.kit) or "–"
        gaps = f"{len(o.named)}/{len(o.label.uncovered)}" if o.label.uncovered else "–"
        lines.append(f"| {o.posting} | {o.label.level} | {o.level}{'' if o.level == o.label.level else ' ✗'} | {found} | {missed} | {gaps} |")
    right = sum(o.level == o.label.level for o in outcomes)
    recalls = [o.recall for o in outcomes if o.recall is not None]
    found = sum(len(o.found) for o in outcomes)
    labelled = sum(len(o.label.must_have) for o in outcomes)
    lines += [
        "",
        f"Level accuracy: {right}/{len(outcomes)} ({right / len(outcomes):.0%}). "
        f"Mean recall of must-haves in the {DEFAULT_BUDGET}-minute kit: {sum(recalls) / len(recalls):.0%} "
        f"over the {len(recalls)} postings with must-haves ({found}/{labelled} must-haves). "
        f"Labelled gaps named: {sum(len(o.named) for o in outcomes)}/{sum(len(o.label.uncovered) for o in outcomes)}.",
    ]
    return "\n".join(lines) + "\n"


def _unserved(outcome: Outcome) -> str:
    """A posting the bank does not serve: right only if the kit is empty."""
    return "none labelled; kit empty" if not outcome.kit else f"none labelled; kit of {len(outcome.kit)} ✗"


def main(argv: list[str] | None = None) -> int:
    try:
        bank = load_bank(DEFAULT_BANK)
    except BankError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    labels = load_labels()
    print(table(evaluate(bank, {name: posting(name) for name in labels}, labels)), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
