"""The built site, checked page by page against the data it was built from."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from question_bank.model import Question

from support import FIXTURES, ROOT, build_site, real_bank
from pages import details, parse

QUESTIONS = real_bank().questions
ids = [question.id for question in QUESTIONS]


def words(text: str) -> str:
    return " ".join(text.split())


def page_of(site: Path, question: Question):
    return parse(site / "questions" / question.id / "index.html")


def seed_pairs() -> list[tuple[str, str]]:
    """(question, guidance) pairs of the seed, without its closing advertisement."""
    lines = (FIXTURES / "seed-questions.txt").read_text(encoding="utf-8").splitlines()
    body = lines[2:]
    pairs = list(zip(body[0::2], body[1::2]))
    # Every guidance sentence of the seed starts "Should"; its last two lines,
    # an advertisement, do not, and are not content.
    return [(q, g) for q, g in pairs if g.startswith("Should ")]


def test_seed_is_kept_word_for_word() -> None:
    seed = seed_pairs()
    assert len(seed) == 10
    assert [(q.question, q.guidance) for q in QUESTIONS[: len(seed)]] == seed


def test_one_page_per_question(site: Path) -> None:
    pages = {p.parent.name for p in (site / "questions").glob("*/index.html")}
    aliases = {alias for q in QUESTIONS for alias in q.aliases}
    assert pages - aliases == set(ids)


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_question_page_shows_the_question_prominently(site: Path, question: Question) -> None:
    page = page_of(site, question)
    assert page.find("h1").text.rstrip("¶") == question.title
    ask = page.find("div", class_="admonition question")
    assert words(question.question) in ask.text


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_guidance_and_answer_start_closed(site: Path, question: Question) -> None:
    page = page_of(site, question)
    guidance = details(page, "Evaluation guidance")
    answer = details(page, "Model answer")
    assert "open" not in guidance.attrs and "open" not in answer.attrs
    assert words(question.guidance) in guidance.text
    for point in question.should_cover:
        opening = " ".join(re.sub(r"[*`]", "", point).split()[:3])
        assert opening in guidance.text


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_structured_guidance_is_rendered(site: Path, question: Question) -> None:
    page = page_of(site, question)
    if question.follow_ups:
        assert len(details(page, "Follow-up questions").find("ol").find_all("li")) >= len(question.follow_ups)
    if question.rubric:
        rows = details(page, "Scoring rubric").find("tbody").find_all("tr")
        assert [row.find("td").text for row in rows] == ["1 No evidence", "2 Partial", "3 Solid", "4 Strong"]
    if question.levels:
        labels = details(page, "Level calibration").find("div", class_="tabbed-labels").find_all("label")
        assert [label.text for label in labels] == ["Junior", "Mid", "Senior"]


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_meta_for_link_previews(site: Path, question: Question) -> None:
    page = page_of(site, question)
    head = page.find("head")
    metas = {m.attrs.get("property") or m.attrs.get("name"): m.attrs.get("content") for m in head.find_all("meta")}
    assert head.find("title").text == f"{question.title} - Python Interview Question Bank"
    assert metas["description"] and words(question.question).startswith(metas["description"].rstrip("…"))
    assert head.find("link", rel="canonical").attrs["href"].endswith(f"/questions/{question.id}/")
    assert metas["og:title"] == question.title
    assert metas["og:url"] == head.find("link", rel="canonical").attrs["href"]
    assert metas["twitter:card"] == "summary"


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_edit_link_opens_the_data_file(site: Path, question: Question) -> None:
    edit = page_of(site, question).find("a", rel="edit")
    assert edit.attrs["href"].endswith("/edit/main/data/questions.yaml")


def test_previous_and_next_links_follow_the_bank_order(site: Path) -> None:
    for index, question in enumerate(QUESTIONS):
        page = page_of(site, question)
        found = {a.attrs.get("rel"): a.attrs["href"] for a in page.find("nav", class_="qb-pager").iter("a")}
        expected_previous = f"../{QUESTIONS[index - 1].id}/" if index else None
        expected_next = f"../{QUESTIONS[index + 1].id}/" if index + 1 < len(QUESTIONS) else None
        assert (found.get("prev"), found.get("next")) == (expected_previous, expected_next)


def test_home_lists_every_question(site: Path) -> None:
    home = parse(site / "index.html")
    assert home.find("h1").text.rstrip("¶") == real_bank().title
    links = [a.attrs["href"] for a in home.find("table").iter("a")]
    assert links == [f"questions/{i}/" for i in ids]


def test_search_index_holds_every_question(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text_by_page: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        text_by_page[page] = text_by_page.get(page, "") + " " + doc["title"] + " " + doc["text"]
    for question in QUESTIONS:
        indexed = words(re.sub(r"<[^>]+>", "", text_by_page[f"questions/{question.id}/"]))
        assert words(question.question).replace("`", "") in indexed.replace("`", "")


def test_neighbours_titles_are_not_indexed_on_a_page(site: Path) -> None:
    # Otherwise a search for one question's title also finds its neighbours.
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    first, second = QUESTIONS[0], QUESTIONS[1]
    indexed = " ".join(d["text"] for d in index["docs"] if d["location"].split("#")[0] == f"questions/{first.id}/")
    assert second.title not in indexed and "All questions" not in indexed


@pytest.mark.parametrize(("term", "question_id"), [("GIL", "gil"), ("metaclass", "metaclasses"), ("yield", "generators")])
def test_distinctive_terms_are_indexed_on_their_page(site: Path, term: str, question_id: str) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"] if term.lower() in (doc["title"] + doc["text"]).lower()}
    assert f"questions/{question_id}/" in pages


def test_aliases_redirect_to_the_current_url(hostile_site: Path) -> None:
    redirect = parse(hostile_site / "questions" / "hostile-old" / "index.html")
    refresh = redirect.find("meta", **{"http-equiv": "refresh"})
    assert refresh.attrs["content"] == "0; url=../hostile-two/"
    assert redirect.find("link", rel="canonical").attrs["href"].endswith("/questions/hostile-two/")


def test_nothing_is_loaded_from_other_hosts(site: Path) -> None:
    for html_file in site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, html_file
        for url in re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', text):
            assert url.startswith("http://127.0.0.1:8000/"), f"{html_file}: loads {url}"


def test_hostile_data_is_shown_as_text(hostile_site: Path) -> None:
    html = (hostile_site / "questions" / "hostile-one" / "index.html").read_text(encoding="utf-8")
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    for text in (html, home):
        assert "<script>window.__pwned" not in text
        assert not re.search(r"<(img|svg|iframe|b|style|div|a)\s[^>]*(onerror|onload|onmouseover|onclick)=", text)
        assert "injected-class" not in re.findall(r'class="([^"]*)"', text)
    page = parse(hostile_site / "questions" / "hostile-one" / "index.html")
    shown = page.find("article").text
    for literal in ["{{ 6 * 7 }}", "{% for x in [1] %}loop{% endfor %}", "{# comment #}", '"{{{0}}}".format(1)',
                    'f"{{x}}"', "<script>window.__pwned = 'question'</script>", "__new__", "{{ lipsum() }}"]:
        assert literal in shown, literal
    assert "{{ 7 * 7 }}" in parse(hostile_site / "index.html").find("h1").text


def test_bad_bank_fails_the_build_cleanly(tmp_path: Path) -> None:
    bad = tmp_path / "questions.yaml"
    source = (ROOT / "data" / "questions.yaml").read_text(encoding="utf-8")
    bad.write_text(re.sub(r"^(    minutes: )(\d+)$", r"\1'\2'", source, count=1, flags=re.MULTILINE))
    result = build_site(tmp_path / "site", bank_file=bad)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert re.search(rf"{re.escape(str(bad))}:\d+: question '{ids[0]}': field 'minutes'", result.stderr)


def test_failed_build_leaves_no_half_built_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "previous.html").write_text("the last good build")
    env = {"QUESTION_BANK": str(FIXTURES / "broken-link.yaml"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([str(ROOT / "scripts" / "build"), str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert (out / "previous.html").read_text() == "the last good build"
    assert not (tmp_path / "site.partial").exists()
