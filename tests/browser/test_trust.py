"""What a visitor cannot see but must be able to trust: privacy, safety, accessibility."""

from __future__ import annotations

import pytest
from harness import axe_violations, describe, expect_heading, injected_elements
from question_bank.model import Question

from support import real_bank

QUESTIONS = real_bank().questions


def open_search(page) -> None:
    page.keyboard.press("/")
    page.keyboard.type("decorator", delay=40)
    page.wait_for_selector(".md-search-result__item")


# Every kind of page a visitor can reach, and how to reach it.
PAGE_TYPES = {
    "home": ("", None),
    "question": (f"questions/{QUESTIONS[0].id}/", None),
    "contributing": ("contributing/", None),
    "search-open": ("", open_search),
    "not-found": ("no/such/page/", None),
}


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_request_leaves_the_site_and_no_console_errors(page, server, visit, page_type: str) -> None:
    path, action = PAGE_TYPES[page_type]
    page.goto(server.url(path), wait_until="networkidle")
    if action:
        action(page)
        page.wait_for_load_state("networkidle")
    assert visit.requests, "no requests were recorded: the recorder is broken"
    assert visit.third_party(server) == []
    errors = [e for e in visit.console_errors if not (page_type == "not-found" and "404" in e)]
    assert errors == []


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_question_pages_make_no_third_party_requests(page, server, visit, question: Question) -> None:
    page.goto(server.url(f"questions/{question.id}/"), wait_until="networkidle")
    assert visit.third_party(server) == []
    assert visit.console_errors == []


HOSTILE_PAGES = ["", "questions/hostile-one/", "questions/hostile-two/"]


@pytest.mark.parametrize("path", HOSTILE_PAGES, ids=["home", "question", "neighbour"])
def test_hostile_content_is_inert(page, hostile_server, visit, path: str) -> None:
    page.goto(hostile_server.url(path), wait_until="networkidle")
    for summary in page.locator(".md-content details > summary").all():
        summary.click()
    page.locator(".md-content").hover()
    assert visit.dialogs == []
    assert page.evaluate("() => window.__pwned") is None
    assert injected_elements(page, ".md-content") == []
    # Every link, as the browser resolved it, goes to a web page or an address:
    # clicking any of them runs nothing.
    hrefs = page.eval_on_selector_all(".md-content a[href]", "links => links.map(link => link.href)")
    assert hrefs and all(href.startswith(("http://", "https://", "mailto:")) for href in hrefs), hrefs
    assert visit.csp_violations(page) == []


def test_hostile_text_is_shown_as_written(page, hostile_server) -> None:
    page.goto(hostile_server.url("questions/hostile-one/"))
    shown = page.locator(".md-content").inner_text()
    for literal in ["<script>window.__pwned = 'question'</script>", "{{ 6 * 7 }}", "{# comment #}", "__new__"]:
        assert literal in shown
    assert "</title><script>" in page.title()


def test_hostile_search_results_are_inert(page, hostile_server, visit) -> None:
    page.goto(hostile_server.url())
    page.keyboard.press("/")
    page.keyboard.type("jinja", delay=40)
    page.wait_for_selector(".md-search-result__item")
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator(".md-search-result script, .md-search-result img").count() == 0
    assert visit.dialogs == []


A11Y_PAGES = {
    "home": ("", None),
    "question": (f"questions/{QUESTIONS[0].id}/", None),
    "question-open": (f"questions/{QUESTIONS[0].id}/", "open-all"),
    "search-open": ("", open_search),
    "not-found": ("no/such/page/", None),
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_type", A11Y_PAGES)
def test_no_accessibility_violations(open_page, server, page_type: str, scheme: str) -> None:
    page = open_page(color_scheme=scheme)
    path, action = A11Y_PAGES[page_type]
    page.goto(server.url(path), wait_until="networkidle")
    if action == "open-all":
        for summary in page.locator(".md-content details > summary").all():
            summary.click()
    elif action:
        action(page)
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_the_site_works_under_its_content_security_policy(page, server, visit) -> None:
    """Search, a link, the palette toggle and a kit link, with nothing refused."""
    page.goto(server.url(), wait_until="networkidle")
    page.locator("label[for='__palette_1']").click()
    page.keyboard.press("/")
    page.keyboard.type("decorator", delay=40)
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    page.locator(f".md-content a[href$='questions/{QUESTIONS[1].id}/']").click()
    expect_heading(page, QUESTIONS[1].title)
    for summary in page.locator(".md-content details > summary").all():
        summary.click()
    page.goto(server.url(f"kit/?q={QUESTIONS[0].id},{QUESTIONS[2].id}"), wait_until="networkidle")
    page.wait_for_selector("[data-part=app]:not([hidden])")
    assert page.evaluate("() => document.querySelector('meta[http-equiv=Content-Security-Policy]') !== null")
    assert visit.csp_violations(page) == []
    assert visit.console_errors == []


def test_a_violation_would_be_reported(page, server, visit) -> None:
    # Guards the check above: an inline script the policy does not allow is seen.
    page.goto(server.url(), wait_until="networkidle")
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); }")
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.__ran") is None
    assert visit.csp_violations(page)
