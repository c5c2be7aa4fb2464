"""The shape of a question bank: what `data/questions.yaml` may contain.

This module is the single definition of the schema. The loader validates the
YAML against it, the JSON Schema in `data/questions.schema.json` is generated
from it (`make schema`), and the templates read its attributes.

Every model forbids unknown keys and is strict about types, so that a typo in
the data (`minuts: 10`, `minutes: "10"`) is an error rather than a silent loss.
"""

from __future__ import annotations

from typing import Annotated, Literal

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
    """Four scoring bands, each described concretely for its question."""

    no_evidence: Text = Field(description="Score 1: what an answer with no evidence of the skill sounds like.")
    partial: Text = Field(description="Score 2: right words, gaps or errors in substance.")
    solid: Text = Field(description="Score 3: correct and practical; what most hires should reach.")
    strong: Text = Field(description="Score 4: precise, current and experienced.")


# Band number, label and field name, in scoring order. Templates and the
# printable scorecard iterate over this rather than spelling the bands out.
RUBRIC_BANDS: tuple[tuple[int, str, str], ...] = (
    (1, "No evidence", "no_evidence"),
    (2, "Partial", "partial"),
    (3, "Solid", "solid"),
    (4, "Strong", "strong"),
)


class LevelCalibration(StrictModel):
    """What a passing answer sounds like at each seniority."""

    junior: Text
    mid: Text
    senior: Text


class Topic(StrictModel):
    """A topic questions are tagged with, and the words that point to it in a job description."""

    label: Text = Field(description="How the topic is shown in filters and explanations.")
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
    should_cover: list[Text] = Field(default=[], description="Checklist of points a good answer covers.")
    look_for: list[Text] = Field(default=[], description="Signals that distinguish a strong answer.")
    red_flags: list[Text] = Field(default=[], description="Answers or misconceptions that should worry the interviewer.")
    follow_ups: list[FollowUp] = Field(default=[], description="Probes that go deeper: each a question and its good_answer.")
    rubric: Rubric | None = Field(default=None, description="Scoring bands: no_evidence, partial, solid, strong (scores 1-4).")
    levels: LevelCalibration | None = Field(default=None, description="What a passing answer sounds like: junior, mid, senior.")
    answer: Text = Field(description="Model answer (Markdown). Fenced code is checked: see the contributing guide.")
    keywords: list[Text] = Field(
        default=[],
        description="Words in a job description that call for this question itself, beyond its topics.",
    )
    aliases: list[Slug] = Field(default=[], description="Old ids of this question; each redirects to its current URL.")


class Bank(StrictModel):
    title: Text
    description: Text
    topics: dict[Slug, Topic] = Field(min_length=1, description="Every topic a question may use.")
    seniority: SeniorityTerms = SeniorityTerms()
    questions: list[Question] = Field(min_length=1)
