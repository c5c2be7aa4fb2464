"""Match a job description to the bank's questions, explainably, and suggest a kit.

The rules are data: each topic's `terms`, each question's `keywords`, the
bank's `seniority` terms and the tables below become `Rule`s and a
`Profile` here, once, at build time. The kit page receives them as JSON
(`kit_rules`) and runs the same steps in the browser
(`docs/javascripts/kit/matching.js`): `stems`, `infer_level`, `rank`, `kit`
and `uncovered`. A browser test feeds both every fixture posting and requires
the same levels, rankings and kits.

Normalisation, so that "profiling" meets "profile", "vectorisation" meets
"vectorize" and "multi-processing" meets "multiprocessing":
- lower-case, then split into words of letters, digits, `+` and `#`;
- stem each word with the Snowball English stemmer (PyPI `snowballstemmer`;
  the page runs the JavaScript the same Snowball release generates);
- map British stems to American ones through `SPELLINGS` (the stemmer keeps
  "vectoris" and "vector" apart);
- a phrase matches wherever its stems, joined without spaces, equal the
  joined stems of a run of consecutive words in the text;
- only the posting's required part is matched (`required`): its optional
  sections ("Nice to have") are what the candidate need not know.

Weights: a term counts by how few questions it points to in all (IDF), a
question's own keyword above a topic's term, once per posting however often
it is repeated. The kit (`kit`) then takes, within the time budget, the
question that adds most to what the kit already asks, so distinct skills come
before a second question on one.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from .model import LEVELS, Bank

# How much a reason counts, before its specificity: a question's own keyword
# above a topic's term. The role's level adds `level` to questions at that
# level, which orders otherwise close questions and never suggests one alone.
WEIGHTS = {"keyword": 3, "topic": 2, "level": 1}
# Scores are whole numbers, so that Python and the page add them identically.
SCALE = 100

# British spellings whose stems the stemmer keeps apart from the American
# ones; each pair is stemmed at build time, so every inflection follows.
SPELLINGS = {
    "vectorise": "vectorize", "vectorisation": "vectorization", "optimise": "optimize",
    "optimisation": "optimization", "serialise": "serialize", "serialisation": "serialization",
    "deserialise": "deserialize", "parallelise": "parallelize", "normalise": "normalize",
    "normalisation": "normalization", "containerise": "containerize", "containerisation": "containerization",
    "virtualise": "virtualize", "virtualisation": "virtualization", "initialise": "initialize",
    "memoise": "memoize", "memoisation": "memoization", "tokenise": "tokenize", "synchronise": "synchronize",
    "asynchronous": "asynchronous", "behaviour": "behavior", "modelling": "modeling", "analyse": "analyze",
}

# A posting's optional sections ("Nice to have", "Desirable") name what the
# candidate need not know: a recruiter does not interview on them. A heading
# is a Markdown heading, a bold line, or a short unindented line without a
# sentence's final stop; its section runs to the next heading.
HEADING = re.compile(r"^(?:#{1,6}\s.*|\*\*[^*]+\*\*:?|[A-Za-z][^.!?]{0,58})$")
OPTIONAL = ["nice to have", "nice-to-have", "desirable", "bonus", "a plus", "preferred"]
OPTIONAL_WORDS = 3  # the most words in one of them
# Line breaks, for the headings and the title, here and in the page (`lines`
# in bank.json): not str.splitlines(), which also breaks at form feeds and
# Unicode separators that JavaScript's split would keep in the line.
LINES = re.compile(r"\r\n|\r|\n")

# A posting that names this language only in its optional sections is a role
# for another language ("Some Python: you will sometimes read our scripts"):
# the bank has nothing to suggest for it.
LANGUAGE = "python"

# Years of experience asked for, and the level they mean (the lowest bound counts).
YEARS = re.compile(r"(\d{1,2})\s*(?:\+|(?:-|–|to)\s*\d{1,2})?\s*(?:years|yrs)")
YEARS_FOR_LEVEL = {"senior": 5, "mid": 2}
# A level word after one of these (within `CONTEXT_WORDS` words) describes the
# people the role works with, not the role: "mentor junior developers".
OTHERS = ["mentor", "coach", "support", "report", "guide", "train", "onboard", "help", "alongside", "with", "manager"]
CONTEXT_WORDS = 3
# With no evidence at all, the kit assumes the middle level.
DEFAULT_LEVEL = "mid"
# The time budgets the page offers, in minutes, and the default.
BUDGETS = [45, 60, 90]
DEFAULT_BUDGET = 60

_WORD = re.compile(r"[a-z0-9+#]+")
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def _spelling_stems() -> dict[str, str]:
    return {_stem(british): _stem(american) for british, american in SPELLINGS.items() if _stem(british) != _stem(american)}


SPELLING_STEMS = _spelling_stems()


def stems(text: str) -> list[str]:
    """The text's words, lower-cased, stemmed, American-spelt."""
    return [SPELLING_STEMS.get(stem, stem) for stem in map(_stem, _WORD.findall(text.lower()))]


def key(phrase: str) -> str:
    """What a phrase is matched by: its stems, joined."""
    return "".join(stems(phrase))


# A text may split a term into more words than the data does ("multi-processing"
# for "multiprocessing"): look at runs this many words longer than the longest term.
EXTRA_WORDS = 2


@dataclass(frozen=True)
class Rule:
    """One term to look for, what finding it says, and how much it counts."""

    key: str
    term: str  # as written in the data, shown to the user
    via: str | None  # the topic it stands for; None for a question's own keyword
    questions: tuple[str, ...]
    kind: str  # "keyword" or "topic": a key of WEIGHTS
    weight: int  # WEIGHTS[kind] × specificity × SCALE, rounded


@dataclass
class Suggestion:
    question: str
    level: str
    matches: list[tuple[str, str | None, int]] = field(default_factory=list)  # (term, via, weight), strongest first
    reasons: dict[str, int] = field(default_factory=dict)  # keyword key or topic label: its weight
    terms: set[str] = field(default_factory=set)  # the keys already credited
    level_bonus: int = 0

    @property
    def score(self) -> int:
        return sum(self.reasons.values()) + self.level_bonus


def specificity(questions: int, total: int) -> float:
    """IDF: a term that points to few questions says more than one that points to many."""
    return math.log(1 + total / questions)


def rules(bank: Bank) -> list[Rule]:
    """Every term, weighted by how few questions it points to in all: as a keyword
    of several questions, or as a topic's term too, a word says less."""
    found = [(key(term), term, via, questions, kind) for term, via, questions, kind in _terms(bank) if questions and key(term)]
    points_to: dict[str, set[str]] = {}
    for term_key, _, _, questions, _ in found:
        points_to.setdefault(term_key, set()).update(questions)
    total = len(bank.questions)
    return [
        Rule(term_key, term, via, tuple(questions), kind, round(WEIGHTS[kind] * specificity(len(points_to[term_key]), total) * SCALE))
        for term_key, term, via, questions, kind in found
    ]


def _terms(bank: Bank):
    """(term, topic label or None, question ids, kind): keywords, then topics' terms."""
    for question in bank.questions:
        for keyword in question.keywords:
            yield keyword, None, [question.id], "keyword"
    for slug, topic in bank.topics.items():
        on_topic = [q.id for q in bank.questions if slug in q.topics]
        for term in topic.terms:
            yield term, topic.label, on_topic, "topic"


def level_terms(bank: Bank) -> dict[str, str]:
    """Each seniority term's key, and its level."""
    return {key(term): level for level in LEVELS for term in getattr(bank.seniority, level) if key(term)}


def longest_run(all_rules: list[Rule]) -> int:
    spans = [len(stems(rule.term)) for rule in all_rules] + [1]
    return max(spans) + EXTRA_WORDS


def runs(words: list[str], longest: int):
    """(start, joined) for every run of up to `longest` consecutive words."""
    for start in range(len(words)):
        joined = ""
        for word in words[start : start + longest]:
            joined += word
            yield start, joined


def required(text: str) -> str:
    """The posting without its optional sections: what the role asks for."""
    optional = {key(phrase) for phrase in OPTIONAL}
    kept, skipping = [], False
    for line in LINES.split(text):
        if HEADING.match(line.rstrip()):
            skipping = bool(optional & keys_in(line, OPTIONAL_WORDS))
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def _language_optional(text: str, asked: str) -> bool:
    """The posting names the bank's language, but only among what is optional."""
    return _stem(LANGUAGE) not in stems(asked) and _stem(LANGUAGE) in stems(text)


def keys_in(text: str, longest: int) -> set[str]:
    """Every joined run of up to `longest` consecutive words of the text."""
    return {joined for _, joined in runs(stems(text), longest)}


# --- The role's level -------------------------------------------------------


@dataclass(frozen=True)
class Level:
    level: str
    because: str  # what the reading rests on, shown to the user


def _levels_said(words: list[str], terms: dict[str, str], others: set[str]) -> list[str]:
    """Level words in order, except those about the people the role works with."""
    said = []
    for start, joined in runs(words, 3):
        if joined in terms and not others & set(words[max(0, start - CONTEXT_WORDS) : start]):
            said.append(terms[joined])
    return said


def _years_level(text: str) -> str | None:
    years = [int(match.group(1)) for match in YEARS.finditer(text.lower())]
    if not years:
        return None
    least = min(years)
    return next((level for level, floor in YEARS_FOR_LEVEL.items() if least >= floor), "junior")


def infer_level(bank: Bank, text: str) -> Level:
    """The role's level as a recruiter reads it: title, then years, then level words."""
    terms, others = level_terms(bank), set(map(_stem, OTHERS))
    lines = [line for line in LINES.split(text) if line.strip()]  # as `required` and the page split lines
    title = _levels_said(stems(lines[0]), terms, others) if lines else []
    if title:
        return Level(title[0], f"the title says {title[0]}")
    years = _years_level(text)
    if years:
        return Level(years, f"the years of experience asked for read as {years}")
    said = _levels_said(stems(text), terms, others)
    if said:
        common = max(LEVELS, key=lambda level: (said.count(level), -LEVELS.index(level)))
        return Level(common, f"the text calls the role {common}")
    return Level(DEFAULT_LEVEL, f"nothing says, so {DEFAULT_LEVEL} is assumed")


# --- Ranking ----------------------------------------------------------------


def rank(bank: Bank, job_description: str, level: str | None = None) -> list[Suggestion]:
    """Questions that the job description calls for, best first, each with its reasons."""
    all_rules = rules(bank)
    role = level or infer_level(bank, job_description).level
    asked = required(job_description)
    if _language_optional(job_description, asked):
        return []
    present = keys_in(asked, longest_run(all_rules))
    suggestions = {q.id: Suggestion(q.id, q.level) for q in bank.questions}
    for rule in all_rules:
        if rule.key in present:
            for question_id in rule.questions:
                _note(suggestions[question_id], rule)
    order = {question.id: index for index, question in enumerate(bank.questions)}
    found = [s for s in suggestions.values() if s.reasons]
    for s in found:
        s.level_bonus = WEIGHTS["level"] * SCALE if s.level == role else 0
        s.matches.sort(key=lambda match: -match[2])  # stable: keywords before topics at equal weight
    return sorted(found, key=lambda s: (-s.score, order[s.question]))


def _note(suggestion: Suggestion, rule: Rule) -> None:
    """One reason per keyword and one per topic, so a topic's synonyms do not add up,
    and one per term: a keyword that is also a topic's term counts as the keyword."""
    reason = rule.key if rule.kind == "keyword" else f"topic:{rule.via}"
    if reason in suggestion.reasons or rule.key in suggestion.terms:
        return
    suggestion.terms.add(rule.key)
    suggestion.reasons[reason] = rule.weight
    suggestion.matches.append((rule.term, rule.via, rule.weight))


# --- The kit ----------------------------------------------------------------


def kit(bank: Bank, ranked: list[Suggestion], role: str, budget: int = DEFAULT_BUDGET) -> list[str]:
    """A kit within `budget` minutes that covers as much of the posting as it can.

    Each step takes the question that adds the most the kit does not have yet:
    a matched keyword or topic counts once in the whole kit, so a question on a
    skill the kit already asks about counts only for what it adds, and distinct
    skills come first. Junior questions go after the rest for other roles."""
    by_id = {q.id: q for q in bank.questions}
    chosen: list[str] = []
    asked: set[str] = set()
    minutes = 0
    while True:
        fits = [s for s in ranked if s.question not in chosen and minutes + by_id[s.question].minutes <= budget]
        gains = [(_adds(s, asked, role), s) for s in fits]
        best = max(gains, key=lambda pair: pair[0], default=(0, None))  # max keeps the first of equals: the better ranked
        if best[0] <= 0:
            break
        chosen.append(best[1].question)
        asked.update(best[1].reasons)
        minutes += by_id[best[1].question].minutes
    return sorted(chosen, key=lambda id_: by_id[id_].level == "junior" and role != "junior")


def _adds(suggestion: Suggestion, asked: set[str], role: str) -> int:
    """What a question adds to a kit that already asks about `asked`: its new
    reasons, and its level. A question two levels from the role (junior for a
    senior role, senior for a junior one) counts half: it can still be the
    best there is, but not ahead of one that matches as well at a nearer level."""
    new = sum(weight for reason, weight in suggestion.reasons.items() if reason not in asked)
    far = abs(LEVELS.index(suggestion.level) - LEVELS.index(role)) == len(LEVELS) - 1
    return (new // 2 if far else new) + suggestion.level_bonus if new else 0


# --- What the bank does not cover -------------------------------------------


def skills(bank: Bank) -> list[tuple[str, str, bool]]:
    """Every skill a posting may name: (key, as shown, covered), technologies then
    topics' terms. A topic's term is covered by any question on the topic; a
    technology only by a question that names it among its keywords."""
    all_rules = rules(bank)
    technologies = {key(term) for term in bank.technologies}
    by_keyword = {rule.key for rule in all_rules if rule.kind == "keyword"}
    on_topic = {rule.key for rule in all_rules}
    seen: dict[str, tuple[str, str, bool]] = {}
    for term in bank.technologies + [term for topic in bank.topics.values() for term in topic.terms]:
        term_key = key(term)
        if term_key and term_key not in seen:
            seen[term_key] = (term_key, term, term_key in (by_keyword if term_key in technologies else on_topic))
    return list(seen.values())


def uncovered(bank: Bank, job_description: str) -> list[str]:
    """The skills the posting asks for that no question covers."""
    present = keys_in(required(job_description), longest_run(rules(bank)))
    return [shown for skill, shown, covered in skills(bank) if skill in present and not covered]


def kit_rules(bank: Bank) -> dict:
    """Everything the page's matching.js needs, for kit/bank.json: the one source of truth."""
    all_rules = rules(bank)
    return {
        "rules": [[r.key, r.term, r.via, r.kind, list(r.questions), r.weight] for r in all_rules],
        "longest": longest_run(all_rules),
        "spellings": SPELLING_STEMS,
        "level_terms": level_terms(bank),
        "others": [_stem(word) for word in OTHERS],
        "context_words": CONTEXT_WORDS,
        "years": YEARS.pattern,
        "years_for_level": YEARS_FOR_LEVEL,
        "default_level": DEFAULT_LEVEL,
        "level_weight": WEIGHTS["level"] * SCALE,
        "lines": LINES.pattern,
        "heading": HEADING.pattern,
        "optional": [key(phrase) for phrase in OPTIONAL],
        "optional_words": OPTIONAL_WORDS,
        "language": _stem(LANGUAGE),
        "uncovered_skills": [[skill, shown] for skill, shown, covered in skills(bank) if not covered],
        "budgets": BUDGETS,
        "default_budget": DEFAULT_BUDGET,
    }
