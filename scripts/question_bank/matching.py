"""Match a job description to the bank's questions, explainably.

The rules are data: each topic's `terms`, each question's `keywords` and the
bank's `seniority` terms become `Rule`s here, once, at build time. The kit
page receives the same rules as JSON and runs the same two steps in the
browser (`docs/javascripts/kit/matching.js`): `keys` and `rank`. A browser
test feeds both the same job descriptions and requires the same ranking.

Normalisation, so that "Multi-processing", "multiprocessing" and "multi
processing" all match, and "async/await" matches "async await":
- lower-case, then split into words of letters, digits, `+` and `#`;
- make each word singular (`-ies` to `-y`, drop a final `s` except after
  `s` or `u`);
- a phrase matches wherever its words, joined without spaces, equal the
  joined words of a run of consecutive words in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import LEVELS, Bank

# How much a reason counts toward a question: each of its own keywords found
# in the text, each of its topics that any term calls for (once per topic, so
# a topic with many synonyms does not drown the others), and the role's level,
# which only breaks ties between otherwise equal questions.
WEIGHTS = {"keyword": 3, "topic": 2, "level": 1}

_WORD = re.compile(r"[a-z0-9+#]+")


def singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    return [singular(word) for word in _WORD.findall(text.lower())]


def key(phrase: str) -> str:
    """What a phrase is matched by: its normalised words, joined."""
    return "".join(words(phrase))


# A text may split a term into more words than the data does ("multi-processing"
# for "multiprocessing"): look at runs this many words longer than the longest term.
EXTRA_WORDS = 2


@dataclass(frozen=True)
class Rule:
    """One term to look for, and what finding it says."""

    key: str
    span: int  # words in the term as written
    term: str  # as written in the data, shown to the user
    via: str | None  # the topic or level it stands for; None for a question's own keyword
    questions: tuple[str, ...]
    kind: str  # "keyword", "topic" or "level": a key of WEIGHTS



@dataclass
class Suggestion:
    question: str
    matches: list[tuple[str, str | None]] = field(default_factory=list)  # (term, via), as shown
    reasons: set[tuple[str, str]] = field(default_factory=set)  # (kind, keyword key or via)
    keys: set[str] = field(default_factory=set)  # words of the text already counted

    @property
    def score(self) -> int:
        return sum(WEIGHTS[kind] for kind, _ in self.reasons)

    @property
    def on_subject(self) -> bool:
        """The role's level alone never suggests a question; it only orders them."""
        return any(kind != "level" for kind, _ in self.reasons)


def rules(bank: Bank) -> list[Rule]:
    found: list[Rule] = []

    def add(term: str, via: str | None, questions: list[str], kind: str) -> None:
        if questions and key(term):
            found.append(Rule(key(term), len(words(term)), term, via, tuple(questions), kind))

    for question in bank.questions:
        for keyword in question.keywords:
            add(keyword, None, [question.id], "keyword")
    for slug, topic in bank.topics.items():
        on_topic = [q.id for q in bank.questions if slug in q.topics]
        for term in topic.terms:
            add(term, topic.label, on_topic, "topic")
    for level in LEVELS:
        at_level = [q.id for q in bank.questions if q.level == level]
        for term in getattr(bank.seniority, level):
            add(term, f"{level} level", at_level, "level")
    return found


def longest_run(all_rules: list[Rule]) -> int:
    return max((rule.span for rule in all_rules), default=1) + EXTRA_WORDS


def keys_in(text: str, longest: int) -> set[str]:
    """Every joined run of up to `longest` consecutive words of the text."""
    found_words = words(text)
    found: set[str] = set()
    for start in range(len(found_words)):
        joined = ""
        for word in found_words[start : start + longest]:
            joined += word
            found.add(joined)
    return found


def rank(bank: Bank, job_description: str) -> list[Suggestion]:
    """Questions that the job description calls for, best first, each with its reasons."""
    all_rules = rules(bank)
    present = keys_in(job_description, longest_run(all_rules))
    suggestions = {question.id: Suggestion(question.id) for question in bank.questions}
    for rule in all_rules:
        if rule.key not in present:
            continue
        for question_id in rule.questions:
            suggestion = suggestions[question_id]
            # One reason per word of the text: rules come keywords first, so
            # "asyncio" shows as the question's own keyword, not also as a topic.
            if rule.key in suggestion.keys:
                continue
            suggestion.keys.add(rule.key)
            suggestion.matches.append((rule.term, rule.via))
            suggestion.reasons.add((rule.kind, rule.key if rule.kind == "keyword" else rule.via))
    order = {question.id: index for index, question in enumerate(bank.questions)}
    return sorted((s for s in suggestions.values() if s.on_subject), key=lambda s: (-s.score, order[s.question]))
