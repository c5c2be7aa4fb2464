"""Banks of any size, made of the real bank's questions replicated under new ids.

Copy 0 is the real bank; copy k renames every question `copy<k>-<id>` (and its aliases
likewise) and points its links to other questions at the same copy. The prefix keeps each
question's copies apart in alphabetical order (plain Material's search index lists pages
so): side by side, gzip's 32 KB window would remove the repeated text, which no real bank
repeats. The bank of N questions is the first N of copy 0, copy 1, ...: so the page the
benchmark measures (a real question) has the same content and neighbours at every N. A
link whose target did not make it into a small bank is left as its text, so every bank
builds strictly.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REAL_BANK = Path(__file__).resolve().parents[2] / "data" / "questions.yaml"
QUESTION_LINK = re.compile(r"\[([^\]]*)\]\(\.\./([a-z0-9-]+)/([^)]*)\)")  # [text](../<id>/...)


def copy_id(question_id: str, copy: int) -> str:
    return question_id if copy == 0 else f"copy{copy}-{question_id}"


def _relink(value, copy: int, kept: frozenset[str]):
    """`value` (any YAML value) with its question links pointed at `copy`, or unlinked."""
    if isinstance(value, list):
        return [_relink(item, copy, kept) for item in value]
    if isinstance(value, dict):
        return {key: _relink(item, copy, kept) for key, item in value.items()}
    if not isinstance(value, str):
        return value

    def relink(link: re.Match) -> str:
        text, target, rest = link.groups()
        return f"[{text}](../{copy_id(target, copy)}/{rest})" if copy_id(target, copy) in kept else text
    return QUESTION_LINK.sub(relink, value)


def replicated(bank: dict, size: int) -> dict:
    """The real bank's data (`bank`, as parsed YAML) grown or cut to `size` questions."""
    originals = bank["questions"]
    copies = [(index // len(originals), originals[index % len(originals)]) for index in range(size)]
    kept = frozenset(copy_id(question["id"], copy) for copy, question in copies)
    questions = []
    for copy, question in copies:
        renamed = {**_relink(question, copy, kept), "id": copy_id(question["id"], copy)}
        if "aliases" in question:
            renamed["aliases"] = [copy_id(alias, copy) for alias in question["aliases"]]
        questions.append(renamed)
    return {**bank, "questions": questions}


class _NoAliases(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml's: 3,000 questions are 40 MB
    """Copies share their lists and dicts with the original; the loader forbids YAML aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def write_bank(path: Path, size: int | None = None, real_bank: Path = REAL_BANK) -> dict:
    """Write the bank of `size` questions (None: as many as the real bank) to `path` and return
    its data; `real_bank` is the snapshot's, in a run. The build validates it, as the real one."""
    real = yaml.load(real_bank.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    bank = replicated(real, len(real["questions"]) if size is None else size)
    path.write_text(yaml.dump(bank, Dumper=_NoAliases, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return bank
