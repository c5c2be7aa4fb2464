"""Material's search, typed with real key events, finds every question."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from question_bank.model import Question

from harness import expect_heading
from playwright.sync_api import expect

from support import real_bank

QUESTIONS = real_bank().questions


def distinctive_term(question: Question) -> str:
    """The word of the question's title that the rest of the bank uses least.

    Derived from the data, so a new question gets a search test of its own.
    """
    def words(text: str) -> set[str]:
        return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)}

    elsewhere = Counter(
        word for other in QUESTIONS if other.id != question.id
        for word in words(" ".join([other.title, other.question, other.guidance, other.answer]))
    )
    candidates = sorted(words(question.title) - {"and", "the", "versus", "with"}, key=lambda w: (elsewhere[w], -len(w), w))
    return candidates[0]


def search(page, term: str) -> list[str]:
    """Type into the search box with the keyboard and return the result links."""
    page.keyboard.press("/")
    page.keyboard.type(term, delay=40)
    page.wait_for_selector(".md-search-result__item a", timeout=10_000)
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_search_finds_each_question_and_navigates_to_it(page, server, question: Question) -> None:
    page.goto(server.url())
    term = distinctive_term(question)
    results = search(page, term)
    target = server.url(f"questions/{question.id}/")
    assert any(link.split("?")[0] == target for link in results), f"'{term}' did not find {question.id}: {results}"
    page.locator(f'.md-search-result__item > a[href^="{target}"]').first.click()
    page.wait_for_url(re.compile(re.escape(target)))
    expect_heading(page, question.title)


@pytest.mark.parametrize(("term", "question_id"), [("GIL", "gil"), ("metaclass", "metaclasses"), ("yield", "generators")])
def test_issue_terms_rank_their_question_first(page, server, term: str, question_id: str) -> None:
    page.goto(server.url("contributing/"))
    results = search(page, term)
    assert results[0].split("?")[0] == server.url(f"questions/{question_id}/")


def search_requests(visit) -> list[str]:
    """What the page fetched for search: Pagefind's files, or Material's whole index."""
    return [url for url in visit.requests if "/pagefind/" in url or "search_index" in url]


def press_slash(page) -> None:
    page.keyboard.press("/")


def press_s(page) -> None:
    page.keyboard.press("s")


def click_the_box(page) -> None:
    page.locator(".md-search__input").click()


OPENINGS = {"slash": press_slash, "s": press_s, "click": click_the_box}


@pytest.mark.parametrize("opening", OPENINGS)
def test_the_index_is_fetched_only_once_search_is_opened(page, server, visit, opening: str) -> None:
    page.goto(server.url(f"questions/{QUESTIONS[0].id}/"), wait_until="networkidle")
    page.wait_for_timeout(500)  # anything started late by the page's scripts
    assert visit.requests, "no requests were recorded: the recorder is broken"
    assert search_requests(visit) == []
    # Opening search loads Pagefind, which reads its entry file and says it is ready.
    with page.expect_request(lambda request: "/pagefind/pagefind-entry.json" in request.url):
        OPENINGS[opening](page)
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    assert any(url.endswith("/pagefind/pagefind.js") for url in search_requests(visit))
    assert not any("search_index" in url for url in visit.requests)
    assert visit.csp_violations(page) == [] and visit.console_errors == []


def test_slash_opens_search_before_materials_script_with_a_radio_focused(page, server) -> None:
    # Material's script loads on the reader's first move; until it has run, search-loader.js
    # reads the keys as Material does, where a focused radio (the palette toggle) takes only
    # the arrows. The script is refused here, so it never runs.
    page.route("**/assets/javascripts/bundle.*", lambda route: route.abort())
    page.goto(server.url(), wait_until="networkidle")
    page.locator("#__palette_1").focus()
    page.keyboard.press("/")
    expect(page.locator(".md-search__input")).to_be_focused()
    assert page.evaluate("() => document.getElementById('__search').checked")
