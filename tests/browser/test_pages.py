"""Question pages in a real browser: collapsibles, navigation, printing, phones."""

from __future__ import annotations

import re

import pytest
from question_bank.model import Question

from harness import DESKTOP, PHONE, expect_heading, screenshot
from playwright.sync_api import expect
from support import real_bank

BANK = real_bank()
QUESTIONS = BANK.questions
COLLAPSIBLES = ["Evaluation guidance", "Model answer"]


def collapsible(page, summary: str):
    return page.locator("details", has=page.locator(f"summary:text-is('{summary}')")).first


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_collapsibles_open_by_click_and_by_keyboard(page, server, question: Question) -> None:
    page.goto(server.url(f"questions/{question.id}/"))
    # The guidance's first words as the page shows them (code marks are markup there).
    guidance_words = " ".join(question.guidance.replace("`", "").replace("*", "").split()[:4])
    for summary in COLLAPSIBLES:
        assert collapsible(page, summary).get_attribute("open") is None, f"{summary} starts open"
    assert not page.get_by_text(guidance_words).first.is_visible()

    collapsible(page, "Evaluation guidance").locator("summary").click()
    assert collapsible(page, "Evaluation guidance").get_attribute("open") is not None
    assert page.get_by_text(guidance_words).first.is_visible()

    answer = collapsible(page, "Model answer")
    answer.locator("summary").focus()
    page.keyboard.press("Enter")
    assert answer.get_attribute("open") is not None
    assert answer.locator("p").first.is_visible()
    page.keyboard.press("Space")
    assert answer.get_attribute("open") is None


def test_home_to_question_to_next_previous_and_back(page, server) -> None:
    first, second = QUESTIONS[0], QUESTIONS[1]
    page.goto(server.url())
    page.get_by_role("link", name=first.title, exact=True).click()
    page.wait_for_url(server.url(f"questions/{first.id}/"))
    page.locator("a[rel=next]").click()
    page.wait_for_url(server.url(f"questions/{second.id}/"))
    expect_heading(page, second.title)
    page.locator("a[rel=prev]").click()
    page.wait_for_url(server.url(f"questions/{first.id}/"))
    page.go_back()
    page.wait_for_url(server.url(f"questions/{second.id}/"))
    expect_heading(page, second.title)


def test_direct_load_of_a_question(page, server) -> None:
    last = QUESTIONS[-1]
    response = page.goto(server.url(f"questions/{last.id}/"))
    assert response.status == 200
    assert page.locator("a[rel=next]").count() == 0
    assert page.locator("a[rel=prev]").count() == 1


def test_not_found_page_is_styled_under_the_base_path(page, server) -> None:
    response = page.goto(server.url("questions/no-such-question/"))
    assert response.status == 404
    header = page.locator(".md-header")
    assert header.is_visible()
    # Styled: Material's stylesheet loaded and applied (an unstyled header is transparent).
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    expect_heading(page, "404 - Not found")


def test_alias_redirects_to_the_current_url(page, hostile_server) -> None:
    page.goto(hostile_server.url("questions/hostile-old/"))
    page.wait_for_url(hostile_server.url("questions/hostile-two/"))


@pytest.mark.parametrize("path", ["", f"questions/{QUESTIONS[0].id}/"], ids=["home", "question"])
def test_phone_has_no_horizontal_scroll(open_page, server, path: str) -> None:
    page = open_page(PHONE)
    page.goto(server.url(path))
    for summary in page.locator("details > summary").all():
        summary.click()  # open everything: code blocks and tables are the usual culprits
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page scrolls sideways by {overflow}px"


def test_phone_collapsibles_are_usable(open_page, server) -> None:
    page = open_page(PHONE)
    page.goto(server.url(f"questions/{QUESTIONS[0].id}/"))
    summary = collapsible(page, "Model answer").locator("summary")
    box = summary.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 200, "summary is too small to tap"
    summary.click()
    assert collapsible(page, "Model answer").get_attribute("open") is not None


def test_print_shows_guidance_and_answer_without_chrome(page, server) -> None:
    question = QUESTIONS[0]
    page.goto(server.url(f"questions/{question.id}/"))
    page.emulate_media(media="print")
    assert page.get_by_text(" ".join(question.guidance.split()[:4])).first.is_visible()
    assert collapsible(page, "Model answer").locator("p").first.is_visible()
    for chrome in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer"]:
        assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"


# The question with the most collapsibles (an exercise, version notes...).
MOST_FOLDED = max(QUESTIONS, key=lambda q: (q.exercise is not None, bool(q.version_notes), len(q.follow_ups)))


def test_printing_opens_every_collapsible(page, server) -> None:
    # Chromium prints a closed <details>' content anyway; other browsers do not,
    # so the page itself must open each one when printing starts.
    page.goto(server.url(f"questions/{MOST_FOLDED.id}/"))
    folded = page.locator("article details")
    assert folded.count() >= 4
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")  # what a browser sends on Ctrl+P
    for index in range(folded.count()):
        collapsible = folded.nth(index)
        summary = collapsible.locator("summary").inner_text()
        assert collapsible.get_attribute("open") is not None, f"“{summary}” is printed closed"
        assert collapsible.locator(":scope > :not(summary)").last.is_visible(), f"“{summary}” is printed empty"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_screenshots(open_page, server, scheme: str, device: str) -> None:
    page = open_page(PHONE if device == "phone" else DESKTOP, color_scheme=scheme)
    for name, path in [("home", ""), ("question", f"questions/{QUESTIONS[4].id}/")]:
        page.goto(server.url(path))
        if name == "question":
            collapsible(page, "Evaluation guidance").locator("summary").click()
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == expected
        screenshot(page, f"{name}-{device}-{scheme}")


MATERIAL_BUNDLE = "/assets/javascripts/bundle."


def test_materials_script_waits_for_the_readers_first_move(page, server, visit) -> None:
    # It blocked a phone's main thread for 0.1-0.3 s on every load (Lighthouse), for nothing
    # the page needs before the reader does something (material-loader.js).
    page.goto(server.url(f"questions/{QUESTIONS[0].id}/"), wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not [url for url in visit.requests if MATERIAL_BUNDLE in url]
    # The palette toggle is shown, and a palette picked before Material has arrived (the
    # click's focus only starts loading it) is handed to it.
    page.locator("label[for='__palette_1']").evaluate("label => label.click()")
    expect(page.locator("html")).to_have_class(re.compile(r"(^| )js( |$)"))  # Material has set the page up
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator("label[for='__palette_0']")).to_be_visible()
    assert visit.console_errors == [] and visit.csp_violations(page) == []
