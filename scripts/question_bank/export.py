"""Machine-readable views of the bank, generated at build time.

- `questions.json` at the site root: the whole bank for integrations (ATS
  tools, scripts), with a format version and a JSON Schema beside it.
- `kit/bank.json`: the compact data the kit, scorecard and debrief pages need:
  the matching rules from `matching.py`, the scoring rule from `scorecard.py`,
  and every label and field name the pages show or read, so the pages never
  re-derive or repeat them.
- `kit/questions/<id>.json`: one question's interviewer material (no model
  answer), every text as sanitised HTML, fetched when a page shows or prints it.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import Field, StringConstraints

from .examples import field_name
from .labels import CHECKLISTS, PART_LABELS
from .matching import kit_rules
from .model import EXERCISE_CHECKLIST, LEVELS, RUBRIC_BANDS, SCORING_RULE, SLUG_PATTERN, Bank, Question, Slug
from .render import field_html, inline_field_html, question_url
from .safe_html import markdown_html
from .scorecard import BAND_RULE, DISAGREEMENT, NOT_ASKED, RECOMMENDATIONS

# Bump on any change that could break a consumer of questions.json.
FORMAT_VERSION = "1"
EXPORT_FILE = "questions.json"
EXPORT_SCHEMA_FILE = "questions.schema.json"
KIT_DATA_FILE = "kit/bank.json"
# Beside bank.json; the pages read this pattern from bank.json.
KIT_QUESTION_FILE = "questions/{id}.json"
# The kit matches at most this much of a pasted job description: far more
# than any real posting, and what `make bench` pastes (bench/matching_speed.py)
# to show that the page still ranks it at once.
JOB_DESCRIPTION_LIMIT = 100_000
SLUG_MAX_LENGTH = next(rule.max_length for rule in Slug.__metadata__ if isinstance(rule, StringConstraints))


class ExportedQuestion(Question):
    url: str = Field(description="The question's page, absolute when the site has a site_url.")
    html: dict[str, str] = Field(
        description="Each Markdown field rendered and sanitised, keyed by its path (e.g. 'answer', "
        "'follow_ups.0.good_answer'): safe to insert into a page as HTML."
    )


class Export(Bank):
    """The whole bank. Its text fields are untrusted Markdown, written by contributors:
    never insert them into a page as HTML. Show them as text, or use each question's
    `html`, which the site renders without raw HTML and sanitises with an allowlist."""

    format_version: Literal["1"] = Field(description="Changes when the format changes incompatibly.")
    questions: list[ExportedQuestion] = Field(min_length=1)


def question_html(question: Question) -> dict[str, str]:
    """Every Markdown field of the question as the site's sanitised HTML."""
    return {field_name(path): markdown_html(text) for path, text in question.markdown_fields()}


def export(bank: Bank, site_url: str) -> dict[str, Any]:
    data = bank.model_dump(mode="json")
    data["questions"] = [
        {**exported, "url": question_url(site_url, question.id), "html": question_html(question)}
        for exported, question in zip(data["questions"], bank.questions, strict=True)
    ]
    return {"format_version": FORMAT_VERSION, **data}


def export_schema() -> dict[str, Any]:
    schema = Export.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Question bank export (questions.json)",
        # One paragraph, whatever the docstring's indentation (Python 3.13 strips it).
        "description": " ".join(Export.__doc__.split()),
        # pydantic's own title and description (the docstring, line breaks and all) would override ours.
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
    }


def kit_question_path(question_id: str) -> str:
    return f"{KIT_DATA_FILE.rsplit('/', 1)[0]}/{KIT_QUESTION_FILE.format(id=question_id)}"


def kit_data(bank: Bank) -> dict[str, Any]:
    """What the kit, scorecard and debrief pages list, match, count and label with.

    Each question's longer texts are in its own file (`kit_question`).
    """
    return {
        "levels": list(LEVELS),
        "bands": [
            {"band": number, "label": label, "field": field, "rule": SCORING_RULE[field]}
            for number, label, field in RUBRIC_BANDS
        ],
        "band_rule": list(BAND_RULE),
        "not_asked": NOT_ASKED,
        "disagreement": DISAGREEMENT,
        "recommendations": list(RECOMMENDATIONS),
        "checklists": list(CHECKLISTS),
        "exercise_checklist": list(EXERCISE_CHECKLIST),
        "labels": PART_LABELS,
        "slug": {"pattern": SLUG_PATTERN, "max_length": SLUG_MAX_LENGTH},
        "job_description_limit": JOB_DESCRIPTION_LIMIT,
        "question_file": KIT_QUESTION_FILE,
        "question_page": question_url("..", "{id}"),  # from bank.json to a question's page
        "topics": {slug: topic.label for slug, topic in bank.topics.items()},
        # The topic filter groups topics under the bank's areas, as the home page does.
        "areas": [[area, label, [slug for slug, topic in bank.topics.items() if topic.area == area]]
                  for area, label in bank.areas.items()],
        "matching": kit_rules(bank),
        "aliases": {alias: q.id for q in bank.questions for alias in q.aliases},
        "questions": [
            {
                "id": q.id,
                "title": q.title,
                "question": q.question,
                "topics": q.topics,
                "level": q.level,
                "minutes": q.minutes,
            }
            for q in bank.questions
        ],
    }


def kit_question(question: Question) -> dict[str, Any]:
    """One question's interviewer material for the scorecard and the printed kit.

    Field names are the model's; every text is sanitised HTML (`render.field_html`), list
    points inline so that each can label a tick box. The card's numbers point
    into the lists, from 1, as in the data. No model answer: it stays on the
    question's page.
    """
    exercise = question.exercise
    return {
        "id": question.id,
        "question": field_html(question.question),
        "guidance": field_html(question.guidance),
        **{name: [inline_field_html(point) for point in getattr(question, name)] for name in CHECKLISTS},
        "follow_ups": [
            {"question": field_html(f.question), "good_answer": inline_field_html(f.good_answer)} for f in question.follow_ups
        ],
        "rubric": {field: field_html(getattr(question.rubric, field)) for _, _, field in RUBRIC_BANDS},
        "levels": {level: field_html(getattr(question.levels, level)) for level in LEVELS},
        "card": question.card.model_dump(mode="json"),
        "exercise": exercise and {
            "planted": [inline_field_html(point) for point in exercise.planted],
            "fix": field_html(exercise.fix),
            "hints": [{"hint": inline_field_html(h.hint), "cost": inline_field_html(h.cost)} for h in exercise.hints],
        },
    }


def to_json(data: dict[str, Any], *, compact: bool = False) -> str:
    # Compact output is also several times faster: json's C encoder does not
    # do indentation. The bank's exports are compact; schemas stay readable.
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
