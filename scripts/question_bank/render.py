"""Render a validated bank to Markdown pages and redirect pages.

Pure functions over the model: no MkDocs, no file I/O beyond reading the
templates. All markup lives in `templates/`; Python only chooses what to pass.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .markdown import neutralise
from .model import LEVELS, RUBRIC_BANDS, Bank, Question

TEMPLATES = Path(__file__).parent / "templates"

# Search-result and link-preview snippets are cut here; longer descriptions
# are truncated by every consumer anyway.
DESCRIPTION_LENGTH = 160


def table_cell(text: str) -> str:
    """Neutralised Markdown that fits in one table cell."""
    return neutralise(" ".join(text.split())).replace("|", "\\|")


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown templates must not HTML-escape (code blocks would show
        # `&lt;`); their data goes through the `md` filter instead.
        autoescape=select_autoescape(["html"]),
    )
    env.filters.update(md=neutralise, cell=table_cell)
    env.globals.update(RUBRIC_BANDS=RUBRIC_BANDS, LEVELS=LEVELS)
    return env


def question_path(question_id: str) -> str:
    """Where a question's page lives in the docs tree; its URL is /questions/<id>/."""
    return f"questions/{question_id}.md"


def question_url(site_url: str, question_id: str) -> str:
    """The permanent address of a question's page below the site's root URL."""
    return f"{site_url.rstrip('/')}/questions/{question_id}/"


def render_question(bank: Bank, index: int) -> str:
    """The Markdown of the question at `index`, with links to its neighbours."""
    questions = bank.questions
    return environment().get_template("question.md.jinja").render(
        topics=bank.topics,
        question=questions[index],
        previous=questions[index - 1] if index > 0 else None,
        next=questions[index + 1] if index + 1 < len(questions) else None,
        position=index + 1,
        total=len(questions),
    )


def render_index(bank: Bank) -> str:
    return environment().get_template("index.md.jinja").render(bank=bank)


def render_redirect(target: str, canonical_url: str) -> str:
    """A page at an old id that forwards to `target` (relative, so it works under any host)."""
    return environment().get_template("redirect.html").render(target=target, canonical_url=canonical_url)


def description(question: Question) -> str:
    """Plain-text summary for meta descriptions and link previews."""
    text = " ".join(question.question.split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def field_reference() -> list[dict[str, str | bool]]:
    """One row per field of a question, read from the model, for the contributing guide."""
    rows = []
    for name, info in Question.model_fields.items():
        rows.append({"name": name, "required": info.is_required(), "description": info.description or ""})
    return rows


def render_field_reference() -> str:
    return environment().get_template("fields.md.jinja").render(fields=field_reference())
