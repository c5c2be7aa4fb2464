"""The shape of a question bank: what `data/questions.yaml` may contain.

This module is the single definition of the schema. The loader validates the
YAML against it, the JSON Schema in `data/questions.schema.json` is generated
from it (`make schema`), and the templates read its attributes.

Every model forbids unknown keys and is strict about types, so that a typo in
the data (`minuts: 10`, `minutes: "10"`) is an error rather than a silent loss.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

# A permanent, URL-safe identifier: lowercase words joined by single hyphens.
# Ids become paths (`/questions/<id>/`), so nothing that could escape a folder
# (slashes, dots, spaces, capitals that collide on case-insensitive disks) is allowed.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=60)]


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("blank text")
    return text


# Text that must say something. The value is kept exactly as written: the seed's
# sentences are quoted word for word, so nothing here trims or rewrites them.
Text = Annotated[
    str,
    AfterValidator(_not_blank),
    Field(min_length=1, json_schema_extra={"pattern": r"\S"}),
]

Level = Literal["junior", "mid", "senior"]
LEVELS: tuple[Level, ...] = ("junior", "mid", "senior")


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class FollowUp(StrictModel):
    """A probe that goes deeper, and what a good reply to it contains."""

    question: Text
    good_answer: Text


class Rubric(StrictModel):
    """Four scoring bands. Which band an answer earns follows the bank's one
    counting rule (`SCORING_RULE`); each band here is an example of what a
    candidate at that band says about this question, so interviewers can
    calibrate against it."""

    no_evidence: Text = Field(description="Score 1: a short example of what a candidate with no evidence of the skill says.")
    partial: Text = Field(description="Score 2: a short example of what a partial answer says.")
    solid: Text = Field(description="Score 3: a short example of what a solid answer says.")
    strong: Text = Field(description="Score 4: a short example of what a strong answer says.")


# Band number, label and field name, in scoring order. Templates and the
# printable scorecard iterate over this rather than spelling the bands out.
RUBRIC_BANDS: tuple[tuple[int, str, str], ...] = (
    (1, "No evidence", "no_evidence"),
    (2, "Partial", "partial"),
    (3, "Solid", "solid"),
    (4, "Strong", "strong"),
)

# The one counting rule every question is scored by, stated once: the site,
# the contributing guide and the scorecard all read it from here.
# Why these numbers: "solid" is what most hires should reach, so it needs the
# card's three must-hear points plus one more should-cover point, which keeps
# a memorised three-line answer from passing; "strong" adds two look-for
# points, the signals of experience; a red flag caps the score at "partial",
# because a confidently wrong belief costs more in production than a gap.
PARTIAL_POINTS = 2
SOLID_POINTS = 4
STRONG_LOOK_FOR = 2
MUST_HEAR_COUNT = 3
SCORING_RULE: dict[str, str] = {
    "no_evidence": f"Fewer than {PARTIAL_POINTS} should-cover points heard.",
    "partial": f"At least {PARTIAL_POINTS} should-cover points heard, but not solid; or solid with a red flag heard (any red flag caps the score here).",
    "solid": f"All {MUST_HEAR_COUNT} must-hear points and at least {SOLID_POINTS} should-cover points in all, and no red flag.",
    "strong": f"Solid, plus at least {STRONG_LOOK_FOR} look-for points.",
}


class LevelCalibration(StrictModel):
    """What a passing answer sounds like at each seniority."""

    junior: Text
    mid: Text
    senior: Text


Band = Annotated[int, Field(ge=2, le=4)]


class PassingBands(StrictModel):
    """The lowest band (2-4) that counts as a pass for a candidate at each level."""

    junior: Band
    mid: Band
    senior: Band


class Card(StrictModel):
    """The interviewer card: what to ask and listen for, on one phone screen.

    It points at items of the question's own lists by number (from 1) instead
    of repeating them, so each point is written once.
    """

    must_hear: list[Annotated[int, Field(ge=1)]] = Field(
        min_length=MUST_HEAR_COUNT, max_length=MUST_HEAR_COUNT,
        description="The 3 should_cover points (numbered from 1) a passing answer must contain.",
    )
    always_ask: int = Field(ge=1, description="The follow-up (numbered from 1) to ask every candidate.")
    top_red_flag: int = Field(ge=1, description="The red flag (numbered from 1) to listen for above all.")
    passes_at: PassingBands = Field(description="Lowest band that passes at each level: {junior: 3, mid: 3, senior: 4}.")


class VersionNote(StrictModel):
    """A claim that depends on a version of Python or a library, dated and sourced.

    Version notes are re-read every October, when a new Python is released.
    """

    checked: datetime.date = Field(description="When the claim was last checked against its source (YYYY-MM-DD).")
    note: Text = Field(description="The version-dependent fact, e.g. 'Python 3.13 added ...'.")
    source: Annotated[str, StringConstraints(pattern=r"^https://\S+$")] = Field(
        description="An https link to the official source: the docs, a PEP, a changelog."
    )


class Hint(StrictModel):
    """A nudge the interviewer may give during an exercise, and what it costs."""

    hint: Text
    cost: Text = Field(description="What giving it does to the score, e.g. 'caps the score at Solid'.")


# What an interviewer scores on every exercise, in this order.
EXERCISE_CHECKLIST: tuple[str, ...] = ("Found", "Explained", "Fixed", "Tested")


class Exercise(StrictModel):
    """What the interviewer holds while the candidate works on the question's snippet or task."""

    planted: list[Text] = Field(min_length=1, description="The problems planted in the snippet, or the traps in the task.")
    fix: Text = Field(description="The expected fix (Markdown; its code runs in the tests).")
    hints: list[Hint] = Field(default=[], description="Hints the interviewer may give, each with its cost in the score.")


class Topic(StrictModel):
    """A topic questions are tagged with, and the words that point to it in a job description."""

    label: Text = Field(description="How the topic is shown in filters and explanations.")
    area: Slug = Field(description="The area of the bank it belongs to, declared under `areas:`; the home page and the kit group by area.")
    terms: list[Text] = Field(
        default=[],
        description="Words and phrases in a job description that call for this topic (case, plurals, hyphens and slashes do not matter).",
    )


class SeniorityTerms(StrictModel):
    """Words in a job description that say which level the role is."""

    junior: list[Text] = []
    mid: list[Text] = []
    senior: list[Text] = []


class Question(StrictModel):
    id: Slug = Field(description="Permanent id, also the URL: /questions/<id>/. Never change it; add the old id to aliases instead.")
    title: Annotated[Text, Field(max_length=80)] = Field(description="Short title for lists and the page heading.")
    question: Text = Field(description="What the interviewer asks, word for word.")
    topics: list[Slug] = Field(min_length=1, description="Topic slugs a filter and a job description can match.")
    level: Level = Field(description="The lowest seniority this question is meant for.")
    minutes: int = Field(ge=1, le=90, description="Realistic time to ask and discuss.")
    guidance: Text = Field(description="Evaluation guidance for the interviewer (Markdown).")
    should_cover: list[Text] = Field(
        min_length=SOLID_POINTS, max_length=8,
        description=f"Checklist of {SOLID_POINTS}-8 observable points a good answer covers; the scoring rule counts them.",
    )
    look_for: list[Text] = Field(min_length=STRONG_LOOK_FOR, description="Signals that distinguish a strong answer from a solid one.")
    red_flags: list[Text] = Field(min_length=1, description="Answers that are really wrong and should worry the interviewer.")
    follow_ups: list[FollowUp] = Field(min_length=1, description="2-3 probes that go deeper: each a question and its good_answer.")
    rubric: Rubric = Field(description="An example of what a candidate says at each band: no_evidence, partial, solid, strong (scores 1-4).")
    levels: LevelCalibration = Field(description="What a passing answer sounds like: junior, mid, senior.")
    card: Card = Field(description="The interviewer card: must-hear points, the follow-up to always ask, the top red flag, the pass band per level.")
    exercise: Exercise | None = Field(default=None, description="For exercises: the planted problems, the expected fix and the hints, shown folded.")
    answer: Text = Field(description="Model answer (Markdown). Fenced code is checked: see the contributing guide.")
    version_notes: list[VersionNote] = Field(default=[], description="Dated, sourced facts that depend on a version of Python or a library.")
    keywords: list[Text] = Field(
        default=[],
        description="Words in a job description that call for this question itself, beyond its topics.",
    )
    aliases: list[Slug] = Field(default=[], description="Old ids of this question; each redirects to its current URL.")


    @property
    def first_topic(self) -> str:
        """The question's main topic: the first listed, whose area the question is grouped under."""
        return self.topics[0]

    def markdown_fields(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Every Markdown text of the question with its path, e.g. (("follow_ups", 0, "question"), text).

        The validator, the examples and the exports walk the same fields.
        """
        for name in MARKDOWN_FIELDS:
            yield from _texts((name,), getattr(self, name))


# The question's fields that hold Markdown (the rest are ids, numbers and
# plain words), in page order.
MARKDOWN_FIELDS = (
    "question", "guidance", "should_cover", "look_for", "red_flags", "follow_ups",
    "rubric", "levels", "exercise", "answer", "version_notes",
)
# Inside those, fields that are not Markdown.
_NOT_MARKDOWN = frozenset({"checked", "source"})


def _texts(path: tuple[str | int, ...], value: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts((*path, index), item)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in _NOT_MARKDOWN:
                yield from _texts((*path, name), getattr(value, name))


class Bank(StrictModel):
    title: Text
    description: Text
    areas: dict[Slug, Text] = Field(min_length=1, description="The bank's areas, in the order the home page lists them: slug and label.")
    topics: dict[Slug, Topic] = Field(min_length=1, description="Every topic a question may use.")
    seniority: SeniorityTerms = SeniorityTerms()
    technologies: list[Text] = Field(
        default=[],
        description="Technologies a job description may ask for. One is covered only by a question that names it "
        "among its keywords; the kit lists those that no question covers.",
    )
    questions: list[Question] = Field(min_length=1)
