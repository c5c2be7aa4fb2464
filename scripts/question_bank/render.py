"""Render a validated bank to page bodies and redirect pages.

Pure functions over the model: no MkDocs, no file I/O beyond reading the
templates. All markup lives in `templates/`, which are HTML with autoescape
on; Python only chooses what to pass. Data reaches a template as escaped text
or through the `markdown` and `inline` filters (see `safe_html`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .labels import PART_LABELS
from .markdown import split_at_first_fence
from .model import EXERCISE_CHECKLIST, LEVELS, RUBRIC_BANDS, SCORING_RULE, Bank, Question
from .safe_html import inline_html, markdown_html

TEMPLATES = Path(__file__).parent / "templates"

# Search-result and link-preview snippets are cut here; longer descriptions
# are truncated by every consumer anyway.
DESCRIPTION_LENGTH = 160


def field_html(text: str) -> Markup:
    """A Markdown field from the data as sanitised HTML, safe to insert as is."""
    return Markup(markdown_html(text))


def inline_field_html(text: str) -> Markup:
    """A one-paragraph field as sanitised inline HTML (no enclosing <p>)."""
    return Markup(inline_html(text))


# Band labels by number, for "passes at Solid (3)".
BAND_LABELS = {number: label for number, label, _ in RUBRIC_BANDS}


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=True,
    )
    env.filters.update(markdown=field_html, inline=inline_field_html)
    env.globals.update(
        RUBRIC_BANDS=RUBRIC_BANDS, LEVELS=LEVELS, SCORING_RULE=SCORING_RULE,
        BAND_LABELS=BAND_LABELS, EXERCISE_CHECKLIST=EXERCISE_CHECKLIST,
        split_at_first_fence=split_at_first_fence, LABELS=PART_LABELS,
    )
    return env


def question_path(question_id: str) -> str:
    """Where a question's page lives in the docs tree; its URL is /questions/<id>/."""
    return f"questions/{question_id}.md"


def question_url(site_url: str, question_id: str) -> str:
    """The permanent address of a question's page below the site's root URL."""
    return f"{site_url.rstrip('/')}/questions/{question_id}/"


def render_question(bank: Bank, index: int) -> str:
    """The page body (HTML) of the question at `index`, with links to its neighbours."""
    questions = bank.questions
    return environment().get_template("question.html").render(
        topics=bank.topics,
        question=questions[index],
        previous=questions[index - 1] if index > 0 else None,
        next=questions[index + 1] if index + 1 < len(questions) else None,
    )


def questions_by_area(bank: Bank) -> dict[str, list[Question]]:
    """The bank's questions grouped under the area of their first topic, in bank order."""
    grouped: dict[str, list[Question]] = {}
    for question in bank.questions:
        grouped.setdefault(bank.topics[question.first_topic].area, []).append(question)
    return grouped


def render_index(bank: Bank) -> str:
    return environment().get_template("index.html").render(bank=bank, questions_by_area=questions_by_area(bank))


def render_scoring_rule() -> str:
    return environment().get_template("scoring.html").render()


def render_redirect(target: str, canonical_url: str) -> str:
    """A page at an old id that forwards to `target` (relative, so it works under any host)."""
    return environment().get_template("redirect.html").render(target=target, canonical_url=canonical_url)


def description(question: Question) -> str:
    """Plain-text summary for meta descriptions and link previews.

    The question with its whitespace collapsed; if that is longer than
    DESCRIPTION_LENGTH, as many whole words as fit with an ellipsis after them.
    """
    text = " ".join(question.question.split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    room = DESCRIPTION_LENGTH - len("…")
    # The last space at which the text can stop; a first word longer than
    # the room is cut inside the word.
    cut = text.rfind(" ", 0, room + 1)
    return text[: cut if cut > 0 else room] + "…"


def field_reference() -> list[dict[str, str | bool]]:
    """One row per field of a question, read from the model, for the contributing guide."""
    rows = []
    for name, info in Question.model_fields.items():
        rows.append({"name": name, "required": info.is_required(), "description": info.description or ""})
    return rows


def render_field_reference() -> str:
    return environment().get_template("fields.html").render(fields=field_reference())
