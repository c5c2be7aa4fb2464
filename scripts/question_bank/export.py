"""Machine-readable views of the bank, generated at build time.

- `questions.json` at the site root: the whole bank for integrations (ATS
  tools, scripts), with a format version and a JSON Schema beside it.
- `kit/bank.json`: the compact data the interview-kit page needs, including
  the matching rules from `matching.py`, so the page never re-derives them.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import Field

from .matching import WEIGHTS, longest_run, rules
from .model import LEVELS, RUBRIC_BANDS, Bank, Question
from .examples import field_name
from .render import question_url
from .safe_html import markdown_html

# Bump on any change that could break a consumer of questions.json.
FORMAT_VERSION = "1"
EXPORT_FILE = "questions.json"
EXPORT_SCHEMA_FILE = "questions.schema.json"
KIT_DATA_FILE = "kit/bank.json"


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
        "description": Export.__doc__.replace("\n    ", " ").strip(),
        **{key: value for key, value in schema.items() if key != "title"},
    }


def kit_data(bank: Bank) -> dict[str, Any]:
    """Only what the kit page shows and matches with; the question pages hold the rest."""
    all_rules = rules(bank)
    return {
        "levels": list(LEVELS),
        "bands": [label for _, label, _ in RUBRIC_BANDS],
        "topics": {slug: topic.label for slug, topic in bank.topics.items()},
        "weights": WEIGHTS,
        "longest": longest_run(all_rules),
        "rules": [[rule.key, rule.term, rule.via, rule.kind, list(rule.questions)] for rule in all_rules],
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


def to_json(data: dict[str, Any], *, compact: bool = False) -> str:
    # Compact output is also several times faster: json's C encoder does not
    # do indentation. The bank's exports are compact; schemas stay readable.
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
