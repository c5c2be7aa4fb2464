"""Neutralising Markdown from the data: prose is escaped, code is kept."""

from __future__ import annotations

import markdown
import pytest
from question_bank.markdown import fences, neutralise, unclosed_fence

EXTENSIONS = ["attr_list", "md_in_html", "pymdownx.superfences"]


def html(text: str) -> str:
    return markdown.markdown(neutralise(text), extensions=EXTENSIONS)


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<div onclick="alert(1)">block</div>',
        "<!-- hidden -->",
    ],
)
def test_raw_html_becomes_text(attack: str) -> None:
    rendered = html(f"Before {attack} after")
    assert "<script" not in rendered and "<img" not in rendered and "<div" not in rendered and "<!--" not in rendered
    assert "&lt;" in rendered


def test_attribute_lists_are_not_applied() -> None:
    rendered = html('A paragraph {: onclick="alert(1)" .evil }')
    assert "onclick=" not in rendered.replace("{: onclick=", "")
    assert 'class="evil"' not in rendered


def test_dunder_names_keep_their_underscores() -> None:
    assert "<p>Override __new__ and __init__ here.</p>" == html("Override __new__ and __init__ here.")


def test_emphasis_with_asterisks_still_works() -> None:
    assert "<em>really</em>" in html("It *really* matters.")


def test_code_spans_and_fences_are_untouched() -> None:
    text = "Use `<b>` and `__init__`.\n\n```python\nx = '<script>'  # {{ jinja }}\n```\n"
    assert neutralise(text) == text
    rendered = html(text)
    assert "<code>&lt;b&gt;</code>" in rendered and "<code>__init__</code>" in rendered


def test_jinja_delimiters_pass_through_as_text() -> None:
    # Jinja never sees data, so its delimiters need no escaping: they show as written.
    assert html("{{ 7 * 7 }} {% if x %} {# c #}") == "<p>{{ 7 * 7 }} {% if x %} {# c #}</p>"


def test_fences_with_expected_output() -> None:
    text = "Intro\n\n```python\nprint(1)\n```\n\nOutput:\n\n```text\n1\n```\n\n```toml\na = 1\n```\n"
    found = fences(text)
    assert [(f.language, f.code, f.output, f.line) for f in found] == [
        ("python", "print(1)\n", "1\n", 2),
        ("toml", "a = 1\n", None, 12),
    ]


def test_indented_fence_inside_a_list() -> None:
    text = "1. Step\n\n    ```python\n    print(2)\n    ```\n"
    assert [(f.language, f.code) for f in fences(text)] == [("python", "print(2)\n")]


def test_unclosed_fence_is_found() -> None:
    assert unclosed_fence("text\n```python\nprint(1)\n") == 1
    assert unclosed_fence("```python\nprint(1)\n```\n") is None
