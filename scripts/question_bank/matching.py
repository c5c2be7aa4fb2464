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
  joined stems of a run of consecutive words in the text.
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

# Skills a posting may ask for that the bank may not cover; with the topics'
# terms, what `uncovered` reports when no question matches them.
TECHNOLOGIES = [
    "kubernetes", "docker", "terraform", "ansible", "helm", "graphql", "grpc", "kafka", "rabbitmq",
    "spark", "pyspark", "airflow", "dbt", "snowflake", "dask", "redis", "postgresql", "mysql",
    "mongodb", "elasticsearch", "aws", "gcp", "azure", "react", "typescript", "rust", "java",
    "scala", "golang", "pytorch", "tensorflow", "scikit-learn", "mlflow", "kubeflow", "celery",
    "django", "flask", "fastapi", "sqlalchemy", "pandas", "numpy", "prometheus", "grafana",
    "jenkins", "github actions", "linux", "microservices", "machine learning",
]

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
    level_bonus: int = 0

    @property
    def score(self) -> int:
        return sum(self.reasons.values()) + self.level_bonus


def specificity(questions: int, total: int) -> float:
    """IDF: a term that points to few questions says more than one that points to many."""
    return math.log(1 + total / questions)


def rules(bank: Bank) -> list[Rule]:
    found: list[Rule] = []
    total = len(bank.questions)

    def add(term: str, via: str | None, questions: list[str], kind: str) -> None:
        if questions and key(term):
            weight = round(WEIGHTS[kind] * specificity(len(questions), total) * SCALE)
            found.append(Rule(key(term), term, via, tuple(questions), kind, weight))

    for question in bank.questions:
        for keyword in question.keywords:
            add(keyword, None, [question.id], "keyword")
    for slug, topic in bank.topics.items():
        on_topic = [q.id for q in bank.questions if slug in q.topics]
        for term in topic.terms:
            add(term, topic.label, on_topic, "topic")
    return found


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
    lines = [line for line in text.splitlines() if line.strip()]
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
    present = keys_in(job_description, longest_run(all_rules))
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
    """One reason per keyword and one per topic, so a topic's synonyms do not add up."""
    reason = rule.key if rule.kind == "keyword" else f"topic:{rule.via}"
    if reason in suggestion.reasons or any(rule.term == term for term, _, _ in suggestion.matches):
        return
    suggestion.reasons[reason] = rule.weight
    suggestion.matches.append((rule.term, rule.via, rule.weight))


# --- The kit ----------------------------------------------------------------


def level_preference(role: str) -> list[str]:
    """Levels in the order a kit for `role` prefers them: its own, the nearest, junior last."""
    return sorted(LEVELS, key=lambda level: (level == "junior" and role != "junior", abs(LEVELS.index(level) - LEVELS.index(role)), -LEVELS.index(level)))


def kit(bank: Bank, ranked: list[Suggestion], role: str, budget: int = DEFAULT_BUDGET) -> list[str]:
    """A kit within `budget` minutes, best matches first: one question per skill
    (its first topic) before a second one, each skill asked at the role's level
    where the bank has it, and junior questions after the rest for other roles."""
    by_id = {q.id: q for q in bank.questions}
    fit = {level: index for index, level in enumerate(level_preference(role))}
    best = {s.question: index for index, s in enumerate(ranked)}
    chosen: list[str] = []
    minutes = 0
    for question_id in _by_skill(ranked, by_id, fit) + [s.question for s in ranked]:
        if question_id not in chosen and minutes + by_id[question_id].minutes <= budget:
            chosen.append(question_id)
            minutes += by_id[question_id].minutes
    late = len(LEVELS) - 1  # the least preferred level: asked last
    return sorted(chosen, key=lambda id_: (fit[by_id[id_].level] == late, best[id_]))


def _by_skill(ranked: list[Suggestion], by_id: dict, fit: dict[str, int]) -> list[str]:
    """For each skill, in the order its best match ranks, the question that fits
    the level best among those that match at least half as well as the best."""
    skills: dict[str, Suggestion] = {}
    top: dict[str, int] = {}
    for s in ranked:
        skill = by_id[s.question].topics[0]
        top.setdefault(skill, s.score)
        if skill not in skills or (fit[s.level] < fit[skills[skill].level] and 2 * s.score >= top[skill]):
            skills[skill] = s
    return [s.question for s in skills.values()]


# --- What the bank does not cover -------------------------------------------


def skills(bank: Bank) -> list[tuple[str, str]]:
    """Every skill a posting may name: (key, as shown), topics' terms then technologies."""
    terms = [term for topic in bank.topics.values() for term in topic.terms] + TECHNOLOGIES
    seen: dict[str, str] = {}
    for term in terms:
        seen.setdefault(key(term), term)
    return list(seen.items())


def uncovered(bank: Bank, job_description: str) -> list[str]:
    """The posting's recognised skills that no question's rule matches."""
    all_rules = rules(bank)
    covered = {rule.key for rule in all_rules}
    present = keys_in(job_description, longest_run(all_rules))
    return [shown for skill, shown in skills(bank) if skill in present and skill not in covered]


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
        "skills": [list(skill) for skill in skills(bank)],
        "budgets": BUDGETS,
        "default_budget": DEFAULT_BUDGET,
    }
