"""Rendering without MkDocs: pages, the home page's table, redirects and the page summary.

The built site is checked in test_site.py; these call the renderer directly,
so that a mutation tester sees which test runs which function.
"""

from __future__ import annotations

import pytest
from question_bank.model import RUBRIC_BANDS, SCORING_RULE, Question
from question_bank.render import (
    DESCRIPTION_LENGTH, description, field_reference, question_url, questions_by_area, render_field_reference,
    render_index, render_question, render_redirect, render_scoring_rule,
)

from pages import parse_html
from support import real_bank

BANK = real_bank()
QUESTION = BANK.questions[0]


@pytest.mark.parametrize("index", [0, 1, len(BANK.questions) - 2, len(BANK.questions) - 1], ids=["first", "second", "second-to-last", "last"])
def test_a_question_page_links_to_its_neighbours_in_bank_order(index: int) -> None:
    questions = BANK.questions
    page = parse_html(render_question(BANK, index))
    assert page.find("h1").attrs["id"] == questions[index].id
    pager = {a.attrs.get("rel"): a for a in page.find("nav", class_="qb-pager").iter("a")}
    expected = {}
    if index > 0:
        expected["prev"] = questions[index - 1]
    if index + 1 < len(questions):
        expected["next"] = questions[index + 1]
    assert {rel: a.attrs["href"] for rel, a in pager.items() if rel} == {rel: f"../{q.id}/" for rel, q in expected.items()}
    assert all(q.title in pager[rel].text for rel, q in expected.items())


def test_a_question_page_names_its_topics() -> None:
    page = parse_html(render_question(BANK, 0))
    shown = [span.text for span in page.find_all("span") if "qb-topic" in span.attrs.get("class", "")]
    assert shown == [BANK.topics[topic].label for topic in QUESTION.topics]


def test_questions_are_grouped_under_their_first_topics_area_in_bank_order() -> None:
    grouped = questions_by_area(BANK)
    for area, group in grouped.items():
        assert group == [q for q in BANK.questions if BANK.topics[q.first_topic].area == area]
    assert sum(map(len, grouped.values())) == len(BANK.questions)


def test_the_home_table_lists_each_area_in_declared_order_with_its_questions() -> None:
    page = parse_html(render_index(BANK))
    headings = [h.attrs["id"].removeprefix("area-") for h in page.find_all("h3")]
    assert headings == [area for area in BANK.areas if area in questions_by_area(BANK)]
    assert [h.text for h in page.find_all("h3")] == [BANK.areas[area] for area in headings]
    for heading, table in zip(headings, page.find_all("table"), strict=True):
        rows = table.find("tbody").find_all("tr")
        assert [row.find("a").attrs["href"] for row in rows] == [f"questions/{q.id}/" for q in questions_by_area(BANK)[heading]]


def test_a_redirect_forwards_to_its_target_and_names_the_canonical_address() -> None:
    page = parse_html(render_redirect("../gil/", "https://example.org/questions/gil/"))
    assert page.find("meta", **{"http-equiv": "refresh"}).attrs["content"] == "0; url=../gil/"
    assert page.find("link", rel="canonical").attrs["href"] == "https://example.org/questions/gil/"
    assert page.find("meta", **{"http-equiv": "Content-Security-Policy"}).attrs["content"] == "default-src 'none'"


@pytest.mark.parametrize("site_url", ["https://example.org/bank/", "https://example.org/bank", "https://example.org/bank//"])
def test_a_question_url_is_below_the_site_url(site_url: str) -> None:
    assert question_url(site_url, "gil") == "https://example.org/bank/questions/gil/"


def test_a_site_url_keeps_its_own_last_letters() -> None:
    assert question_url("https://example.org/XX/", "gil") == "https://example.org/XX/questions/gil/"


def test_the_scoring_rule_is_shown_band_by_band() -> None:
    rows = parse_html(render_scoring_rule()).find("tbody").find_all("tr")
    assert [(row.find("th").text, row.find("td").text) for row in rows] == [
        (f"{number} {label}", SCORING_RULE[field]) for number, label, field in RUBRIC_BANDS
    ]


def test_the_field_reference_is_read_from_the_model() -> None:
    rows = field_reference()
    assert [row["name"] for row in rows] == list(Question.model_fields)
    assert {row["name"]: row["required"] for row in rows} == {n: f.is_required() for n, f in Question.model_fields.items()}
    assert all(row["description"] == (Question.model_fields[row["name"]].description or "") for row in rows)
    shown = parse_html(render_field_reference()).find("tbody").find_all("tr")
    assert [[cell.text for cell in row.find_all("td")] for row in shown] == [
        [row["name"], "yes" if row["required"] else "no", row["description"]] for row in rows
    ]


def summary(text: str) -> str:
    return description(QUESTION.model_copy(update={"question": text}))


def words_of(length: int) -> str:
    """Words of `length` letters each, one space apart, twice as long as the limit."""
    count = 2 * DESCRIPTION_LENGTH // (length + 1)
    return " ".join(chr(ord("a") + n % 26) * length for n in range(count))


def test_a_short_question_is_its_own_summary_with_whitespace_collapsed() -> None:
    assert summary("  What is\n a   *generator*?\n") == "What is a *generator*?"


def test_a_question_of_exactly_the_limit_is_kept_whole() -> None:
    text = "x" * (DESCRIPTION_LENGTH - 2) + " y"
    assert summary(text) == text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # One character over the limit: the last word goes, and the ellipsis marks the cut.
        pytest.param("x" * (DESCRIPTION_LENGTH - 2) + " yy", "x" * (DESCRIPTION_LENGTH - 2), id="one-over"),
        # A word that ends exactly where the ellipsis still fits is kept.
        pytest.param("a " + "x" * (DESCRIPTION_LENGTH - 3) + " more", "a " + "x" * (DESCRIPTION_LENGTH - 3), id="word-fits-exactly"),
        # A word that would need one more character than the room is dropped whole.
        pytest.param("a " + "x" * (DESCRIPTION_LENGTH - 2) + " z", "a", id="word-one-too-long"),
        # A first word longer than the room is cut inside it: never longer than the limit.
        pytest.param("x" * (DESCRIPTION_LENGTH + 5) + " tail", "x" * (DESCRIPTION_LENGTH - 1), id="one-long-word"),
    ],
)
def test_a_long_question_keeps_the_whole_words_that_fit_with_an_ellipsis(text: str, kept: str) -> None:
    assert summary(text) == kept + "…"


@pytest.mark.parametrize("length", range(1, 12))
def test_a_long_summary_is_the_most_whole_words_that_fit(length: int) -> None:
    text = words_of(length)
    got = summary(text)
    kept = got.removesuffix("…")
    assert got.endswith("…") and len(got) <= DESCRIPTION_LENGTH
    assert text.startswith(kept + " "), "the cut falls between words"
    next_word = text[len(kept) + 1 :].split(" ", 1)[0]
    assert len(f"{kept} {next_word}…") > DESCRIPTION_LENGTH, "one more word would have fitted"

