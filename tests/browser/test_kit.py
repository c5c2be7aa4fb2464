"""The interview kit page: pick, order, share, match a job description, print."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from local_browser import WATCH_MEASURES, kit_record, paste
from playwright.sync_api import expect
from question_bank.export import kit_data, kit_question
from question_bank.labels import PART_LABELS
from question_bank.matching import DEFAULT_BUDGET, infer_level, kit, rank, stems, uncovered
from question_bank.model import RUBRIC_BANDS
from question_bank.scorecard import NOT_ASKED, RECOMMENDATIONS

from harness import DESKTOP, PHONE, axe_violations, describe, expect_heading, injected_elements, screenshot
from support import AWKWARD_WORDS, FIXTURES, ROOT, real_bank, text_of

BANK = real_bank()
BY_ID = {q.id: q for q in BANK.questions}
JOBS = FIXTURES / "job-descriptions"
JOB_DESCRIPTIONS = sorted(JOBS.glob("*.md"))
NO_MATCH = FIXTURES / "job-descriptions" / "nothing.md"
# The JD whose best suggestion the display test checks: the one with the most matches.
RICHEST = max(JOB_DESCRIPTIONS, key=lambda path: len(rank(BANK, path.read_text(encoding="utf-8"))))
SHOWN = 10  # suggestions the page shows (kit-suggest.js)
BAND_NAMES = [f"{number} {label}" for number, label, _ in RUBRIC_BANDS]


def printed_headings(question) -> list[str]:
    """The h3 headings of a printed question, in order: every part, from the labels in bank.json."""
    parts = ["question", "card", "guidance", "should_cover", "look_for", "red_flags", "follow_ups", "rubric", "levels"]
    parts += ["exercise"] if question.exercise else []
    return [*(PART_LABELS[part] for part in parts), f"Scorecard: {question.title}"]


def open_kit(page, server, query: str = "") -> None:
    page.goto(server.url(f"kit/{query}"))
    expect(page.locator(".qb-kit__app")).to_be_visible()


def kit_ids(page) -> list[str]:
    return page.eval_on_selector_all(".qb-kit__chosen [data-action=remove]", "buttons => buttons.map(b => b.dataset.id)")


def query_ids(page) -> list[str]:
    match = re.search(r"[?&]q=([^&#]*)", page.url)
    return match.group(1).split(",") if match else []


def shown(matches) -> list[str]:
    """A suggestion's matched terms as the page writes them."""
    return [f"{term} → {via}" if via else term for term, via, _ in matches]


def fill_job_description(page, path: Path) -> None:
    page.get_by_role("textbox", name="Job description").fill(path.read_text(encoding="utf-8"))


def test_topic_filter_groups_topics_by_area_as_the_home_page_does(page, server) -> None:
    open_kit(page, server)
    groups = page.eval_on_selector_all(
        "[data-part=topic] optgroup",
        "groups => groups.map(g => [g.label, [...g.querySelectorAll('option')].map(o => o.value)])",
    )
    used = {topic for q in BANK.questions for topic in q.topics}
    expected = [
        [label, [slug for slug, topic in BANK.topics.items() if topic.area == area and slug in used]]
        for area, label in BANK.areas.items()
    ]
    assert groups == [group for group in expected if group[1]]


def test_filter_tick_reorder_and_total_time(page, server) -> None:
    open_kit(page, server)
    # The topic that most questions share, and those of its questions at its commonest level.
    topic = max(BANK.topics, key=lambda slug: sum(slug in q.topics for q in BANK.questions))
    on_topic = [q for q in BANK.questions if topic in q.topics]
    page.get_by_label("Topic", exact=True).select_option(topic)
    visible = page.locator(".qb-kit__questions > li:visible label")
    expect(visible).to_have_text([q.title for q in on_topic])
    expect(page.locator("[data-part=count]")).to_have_text(f"Showing {len(on_topic)} of {len(BANK.questions)} questions.")

    shortest = min(q.minutes for q in on_topic)
    page.get_by_label("Time", exact=True).select_option(str(shortest))
    expect(visible).to_have_text([q.title for q in on_topic if q.minutes <= shortest])
    page.get_by_role("button", name="Clear filters").click()
    expect(page.locator(".qb-kit__questions > li:visible")).to_have_count(len(BANK.questions))

    first, second, third = BANK.questions[:3]
    page.get_by_role("checkbox", name=third.title, exact=True).focus()
    page.keyboard.press("Space")
    for question in (first, second):
        page.get_by_role("checkbox", name=question.title, exact=True).check()
    assert kit_ids(page) == [third.id, first.id, second.id]
    assert query_ids(page) == [third.id, first.id, second.id]
    total = first.minutes + second.minutes + third.minutes
    expect(page.locator("[data-part=total]")).to_have_text(f"3 questions, {total} min in total.")

    # Keyboard alone: move the first question down twice, then remove one.
    page.get_by_role("button", name=f"Move “{third.title}” down").focus()
    page.keyboard.press("Enter")
    assert kit_ids(page) == [first.id, third.id, second.id]
    page.keyboard.press("Enter")  # focus stayed on the moved question's button
    assert kit_ids(page) == [first.id, second.id, third.id]
    # At the bottom its "down" is disabled, so focus went to its "up".
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == f"Move “{third.title}” up"
    expect(page.locator("[data-part=message]")).to_contain_text(f"Moved “{third.title}” to position 3 of 3.")
    assert query_ids(page) == [first.id, second.id, third.id]

    page.get_by_role("button", name=f"Remove “{first.title}” from the kit").click()
    assert kit_ids(page) == [second.id, third.id]
    assert not page.get_by_role("checkbox", name=first.title, exact=True).is_checked()
    expect(page.locator("[data-part=total]")).to_have_text(f"2 questions, {second.minutes + third.minutes} min in total.")


def test_level_filter_keeps_only_that_levels_questions_with_the_other_filters(page, server) -> None:
    open_kit(page, server)
    visible = page.locator(".qb-kit__questions > li:visible label")
    # The rarest level the bank has, so that the filter visibly narrows the list.
    level = min({q.level for q in BANK.questions}, key=lambda lv: sum(q.level == lv for q in BANK.questions))
    at_level = [q for q in BANK.questions if q.level == level]
    page.get_by_label("Level", exact=True).select_option(level)
    expect(visible).to_have_text([q.title for q in at_level])
    expect(page.locator("[data-part=count]")).to_have_text(f"Showing {len(at_level)} of {len(BANK.questions)} questions.")
    # Filters combine: that level, and no longer than its shortest question.
    shortest = min(q.minutes for q in at_level)
    page.get_by_label("Time", exact=True).select_option(str(shortest))
    expect(visible).to_have_text([q.title for q in at_level if q.minutes <= shortest])


def test_a_link_restores_the_kit_in_its_order(page, server) -> None:
    ids = [BANK.questions[4].id, BANK.questions[0].id, BANK.questions[2].id]
    open_kit(page, server, f"?q={','.join(ids)}")
    assert kit_ids(page) == ids
    for question_id in ids:
        assert page.get_by_role("checkbox", name=BY_ID[question_id].title, exact=True).is_checked()
    expect(page.locator("[data-part=notice]")).to_be_hidden()
    # Material opens its search for a `q` in the address; here `q` is the kit.
    assert page.evaluate("() => document.getElementById('__search').checked") is False
    assert query_ids(page) == ids


def test_unknown_ids_in_a_link_are_reported(page, server) -> None:
    known = BANK.questions[1].id
    open_kit(page, server, f"?q=no-such-question,{known},another-one")
    assert kit_ids(page) == [known]
    notice = page.locator("[data-part=notice]")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("“no-such-question” and “another-one”")
    assert query_ids(page) == [known], "the address should now name only what the kit holds"


def test_unknown_ids_are_named_five_at_most_and_free_text_never(page, server) -> None:
    unknown = [f"missing-{n}" for n in range(1, 8)]
    free_text = ["Call%20555-0100%20now", "<b>bold</b>", "two%20words", "x" * 61]
    open_kit(page, server, f"?q={','.join([*unknown, BANK.questions[0].id, *free_text])}")
    assert kit_ids(page) == [BANK.questions[0].id]
    notice = page.locator("[data-part=notice]")
    expect(notice).to_contain_text("“missing-1”, “missing-2”, “missing-3”, “missing-4”, “missing-5” and 2 more.")
    expect(notice).to_contain_text("4 parts of the link were not a question id and were ignored.")
    text = notice.inner_text()
    for never in ["missing-6", "555", "bold", "words", "xxx"]:
        assert never not in text, f"the notice repeats {never!r} from the link"


def test_an_old_id_in_a_link_finds_its_question(page, hostile_server) -> None:
    # hostile-two's aliases include hostile-old: a link made before the rename still works.
    page.goto(hostile_server.url("kit/?q=hostile-old"))
    expect(page.locator(".qb-kit__app")).to_be_visible()
    assert kit_ids(page) == ["hostile-two"]
    expect(page.locator("[data-part=notice]")).to_be_hidden()


def test_copy_link_gives_the_link_to_the_kit(page, server) -> None:
    first, second = BANK.questions[0], BANK.questions[2]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_kit(page, server, f"?q={first.id}")
    page.get_by_role("checkbox", name=second.title, exact=True).check()  # the link follows the kit as it changes
    page.get_by_role("combobox", name=f"Interviewer for “{second.title}”").fill("Sam")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Link to this kit")).to_be_hidden()
    page.get_by_role("button", name="Copy link").click()
    link = server.url(f"kit/?q={first.id},{second.id}&by=,Sam")
    expect(page.locator("[data-part=message]")).to_have_text(
        f"Link copied: 2 questions, {first.minutes + second.minutes} min.")
    assert page.evaluate("() => navigator.clipboard.readText()") == link
    expect(page.get_by_label("Link to this kit")).to_have_value(link)  # shown too, to copy by hand
    # The link opens the same kit elsewhere.
    other = page.context.new_page()
    other.goto(link)
    expect(other.locator(".qb-kit__app")).to_be_visible()
    assert kit_ids(other) == [first.id, second.id]
    expect(other.get_by_role("combobox", name=f"Interviewer for “{second.title}”")).to_have_value("Sam")


def test_when_copying_is_refused_the_link_is_selected_to_copy_by_hand(page, server) -> None:
    open_kit(page, server, f"?q={BANK.questions[0].id}")
    page.context.grant_permissions([])  # no clipboard-write: the browser refuses to copy
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator("[data-part=message]")).to_have_text(
        "Your browser did not allow copying: the link is selected in the box, copy it from there.")
    field = page.get_by_label("Link to this kit")
    expect(field).to_be_focused()
    assert field.evaluate("f => f.value.slice(f.selectionStart, f.selectionEnd)") == server.url(f"kit/?q={BANK.questions[0].id}")


def nav_link(page, name: str):
    """A link of the site's navigation; the home page hides the sidebar, so use the phone's drawer."""
    page.locator("label.md-header__button[for=__drawer]").click()
    return page.locator(".md-nav--primary").get_by_role("link", name=name, exact=True)


def test_only_the_app_pages_load_the_kit(open_page, server, visit) -> None:
    """The kit's stylesheet and scripts load on the kit, never on the pages a reader
    from a job posting opens first (the home page, a question)."""
    kit_files = ("/stylesheets/kit.css", "/javascripts/kit-loader.js", "/javascripts/kit/main.js")
    page = open_page(PHONE)
    page.goto(server.url(f"questions/{BANK.questions[0].id}/"), wait_until="networkidle")
    page.goto(server.url(), wait_until="networkidle")
    assert [url for url in visit.requests if url.endswith(kit_files)] == []
    nav_link(page, "Interview kit").click()
    page.wait_for_url(server.url("kit/"))
    page.get_by_role("checkbox", name=BANK.questions[0].title, exact=True).check()
    assert query_ids(page) == [BANK.questions[0].id]
    assert all(any(url.endswith(file) for url in visit.requests) for file in kit_files)
    nav_link(page, "Questions").click()
    page.wait_for_url(server.url())
    page.go_back()  # history returns to the kit as it was left
    page.wait_for_url(server.url(f"kit/?q={BANK.questions[0].id}"))
    expect(page.locator(".qb-kit__chosen > li")).to_have_count(1)
    assert kit_ids(page) == [BANK.questions[0].id]
    assert visit.console_errors == []


def test_job_description_suggests_questions_with_the_words_that_matched(page, server) -> None:
    text = RICHEST.read_text(encoding="utf-8")
    expected = rank(BANK, text)[:SHOWN]
    open_kit(page, server)
    fill_job_description(page, RICHEST)
    suggestions = page.locator(".qb-kit__suggestion")
    expect(suggestions).to_have_count(len(expected))
    assert suggestions.evaluate_all("items => items.map(i => i.dataset.id)") == [s.question for s in expected]
    best = expected[0]
    expect(suggestions.first.locator(".qb-kit__term")).to_have_text(shown(best.matches))

    suggestions.first.get_by_role("button", name=f"Add “{BY_ID[best.question].title}” to the kit").click()
    assert kit_ids(page) == [best.question]
    expect(suggestions.first.get_by_role("button")).to_have_text("Remove")


def in_the_page(page, text: str) -> dict:
    """What matching.js makes of a posting: level, ranking, kit and gaps."""
    return page.evaluate(
        """async text => {
             const m = await import(new URL("../javascripts/kit/matching.js", location.href));
             const data = await (await fetch("bank.json")).json();
             const level = m.inferLevel(data.matching, data.levels, text);
             const ranked = m.rank(data, text);
             return {
               level,
               ranked: ranked.map(({ question, level, score, matches }) => ({ question, level, score, matches })),
               kit: m.kit(data, ranked, level.level, data.matching.default_budget),
               uncovered: m.uncovered(data, text),
             };
           }""",
        text,
    )


@pytest.mark.parametrize("job_description", JOB_DESCRIPTIONS, ids=[path.stem for path in JOB_DESCRIPTIONS])
def test_the_page_reads_ranks_and_suggests_exactly_as_python(page, server, job_description: Path) -> None:
    text = job_description.read_text(encoding="utf-8")
    open_kit(page, server)
    level = infer_level(BANK, text)
    ranked = rank(BANK, text)
    in_python = {
        "level": {"level": level.level, "because": level.because},
        "ranked": [
            {"question": s.question, "level": s.level, "score": s.score, "matches": [list(match) for match in s.matches]}
            for s in ranked
        ],
        "kit": kit(BANK, ranked, level.level, DEFAULT_BUDGET),
        "uncovered": uncovered(BANK, text),
    }
    assert in_the_page(page, text) == in_python


def suggested_by_the_cli(path: Path, level: str | None = None, minutes: int | None = None) -> list[str]:
    """The kit `scripts/kit --json` suggests for a posting."""
    options = [*(["--level", level] if level else []), *(["--minutes", str(minutes)] if minutes else [])]
    result = subprocess.run([str(ROOT / "scripts" / "kit"), str(path), "--json", *options], capture_output=True, text=True, check=True)
    return [question["id"] for question in json.loads(result.stdout)["questions"]]


def proposal_ids(page) -> list[str]:
    return page.eval_on_selector_all("[data-part=proposal-list] > li", "items => items.map(i => i.dataset.id)")


def test_use_this_kit_takes_exactly_the_suggestion_and_it_stays_editable(page, server) -> None:
    posting = JOBS / "senior-django.md"
    expected = suggested_by_the_cli(posting)
    assert len(expected) >= 2, "the posting should suggest a kit to edit"
    open_kit(page, server)
    fill_job_description(page, posting)
    expect(page.locator("[data-part=proposal-list] > li")).to_have_count(len(expected))
    page.get_by_role("button", name="Use this kit").click()
    assert kit_ids(page) == expected
    assert query_ids(page) == expected
    dropped = expected[1]
    page.locator(f".qb-kit__chosen [data-action=remove][data-id={dropped}]").click()
    kept = [question for question in expected if question != dropped]
    expect(page.locator(".qb-kit__chosen > li")).to_have_count(len(kept))
    assert kit_ids(page) == kept
    assert query_ids(page) == kept
    assert proposal_ids(page) == expected, "editing the kit leaves the suggestion as it was"


# A posting whose kit changes with both the level and the length (checked below).
LEVEL_AND_LENGTH = JOBS / "senior-fastapi.md"
CHOICES = [("senior", 60), ("junior", 60), ("junior", 90), ("mid", 45)]


def test_the_level_and_length_selects_change_the_kit_as_the_cli_does(page, server) -> None:
    by_the_cli = [suggested_by_the_cli(LEVEL_AND_LENGTH, level, minutes) for level, minutes in CHOICES]
    assert len({tuple(kit) for kit in by_the_cli}) == len(CHOICES), "each choice should change the suggestion"
    assert infer_level(BANK, LEVEL_AND_LENGTH.read_text(encoding="utf-8")).level == CHOICES[0][0]
    open_kit(page, server)
    fill_job_description(page, LEVEL_AND_LENGTH)
    expect(page.get_by_label("Role level")).to_have_value("")  # following the posting
    expect(page.get_by_label("Interview length")).to_have_value(str(DEFAULT_BUDGET))
    expect(page.locator("[data-part=proposal-list] > li")).to_have_count(len(by_the_cli[0]))
    assert proposal_ids(page) == by_the_cli[0]
    for (level, minutes), expected in zip(CHOICES[1:], by_the_cli[1:], strict=True):
        page.get_by_label("Role level").select_option(level)
        page.get_by_label("Interview length").select_option(str(minutes))
        minutes_in = sum(BY_ID[question].minutes for question in expected)
        expect(page.locator("[data-part=proposal-summary]")).to_have_text(f"Suggested kit: {len(expected)} questions, {minutes_in} min.")
        assert proposal_ids(page) == expected, (level, minutes)


# A title line that str.splitlines() would cut and the page's line split does not.
AWKWARD_TITLE = "Python Developer\u2028Senior role\nWe ask for 2+ years."


def test_the_page_reads_the_title_line_as_python(page, server) -> None:
    open_kit(page, server)
    assert in_the_page(page, AWKWARD_TITLE)["level"] == vars(infer_level(BANK, AWKWARD_TITLE))




def test_the_page_normalises_words_as_python(page, server) -> None:
    open_kit(page, server)
    in_browser = page.evaluate(
        """async words => {
             const m = await import(new URL("../javascripts/kit/matching.js", location.href));
             const data = await (await fetch("bank.json")).json();
             return words.map((word) => m.stems(data.matching, word));
           }""",
        AWKWARD_WORDS,
    )
    assert in_browser == [stems(word) for word in AWKWARD_WORDS]


def test_a_job_description_that_matches_nothing_says_so_and_offers_the_filters(page, server) -> None:
    assert rank(BANK, NO_MATCH.read_text(encoding="utf-8")) == [], "the fixture should match nothing"
    open_kit(page, server)
    fill_job_description(page, NO_MATCH)
    expect(page.locator("[data-part=jd-status]")).to_contain_text("Nothing in this job description matches")
    expect(page.locator(".qb-kit__suggestion")).to_have_count(0)
    page.get_by_role("button", name="Choose by topic, level and time").click()
    expect(page.get_by_label("Topic", exact=True)).to_be_focused()


def test_job_description_is_ranked_once_typing_pauses(page, server) -> None:
    open_kit(page, server)
    # Count redraws of the suggestions while a sentence is typed fast.
    page.evaluate("""() => {
      window.__redraws = 0;
      new MutationObserver(() => { window.__redraws += 1 })
        .observe(document.querySelector("[data-part=suggestions]"), { childList: true });
    }""")
    page.get_by_role("textbox", name="Job description").press_sequentially("Python asyncio and FastAPI services", delay=20)
    expect(page.locator(".qb-kit__suggestion").first).to_be_visible()
    page.wait_for_timeout(400)
    assert page.evaluate("() => window.__redraws") == 1


def test_a_pasted_job_description_is_read_ahead_in_slices_before_it_is_ranked(page, server) -> None:
    # The page reads a posting ahead while the reader pastes or types, a slice
    # at a time, and ranks it once typing pauses; it records both (User Timing).
    slices, ranking = kit_record("READING_AHEAD"), kit_record("RANKING")
    open_kit(page, server)
    page.evaluate(WATCH_MEASURES)
    page.get_by_role("textbox", name="Job description").focus()
    paste(page, "\n\n".join(path.read_text(encoding="utf-8") for path in JOB_DESCRIPTIONS))  # thousands of words
    expect(page.locator(".qb-kit__suggestion").first).to_be_visible()
    page.wait_for_function("(name) => window.measured.some((entry) => entry.name === name)", arg=ranking)
    measured = page.evaluate("() => window.measured.map((entry) => entry.name)")
    assert measured.count(ranking) == 1 and measured.count(slices) >= 2, measured
    assert measured.index(ranking) > max(i for i, name in enumerate(measured) if name == slices), measured


def test_a_long_job_description_is_cut_with_a_note(page, server) -> None:
    limit = kit_data(BANK)["job_description_limit"]
    open_kit(page, server)
    expect(page.locator("#qb-kit-jd-hint")).to_contain_text(f"Up to {limit:,} characters are matched.")
    field = page.get_by_role("textbox", name="Job description")
    field.fill("asyncio " * (limit // 8 + 100))
    expect(page.locator("[data-part=jd-cut]")).to_have_text(f"The job description was cut to its first {limit:,} characters.")
    assert len(field.input_value()) == limit
    expect(page.locator(".qb-kit__suggestion").first).to_be_visible()
    field.fill("asyncio")
    expect(page.locator("[data-part=jd-cut]")).to_be_hidden()


def test_questions_are_assigned_in_the_link_and_the_grid_shows_who_covers_each_topic(page, server) -> None:
    first, second, third = BANK.questions[0], BANK.questions[4], BANK.questions[8]
    open_kit(page, server, f"?q={first.id},{second.id},{third.id}")
    expect(page.locator("[data-part=coverage-status]")).to_contain_text("Name an interviewer for each question")
    page.get_by_role("combobox", name=f"Interviewer for “{first.title}”").fill("Ana, lead")
    page.keyboard.press("Enter")
    page.get_by_role("combobox", name=f"Interviewer for “{second.title}”").fill("Sam")
    page.keyboard.press("Tab")
    assert re.search(r"[?&]by=Ana%2C%20lead,Sam,(&|$)", page.url), page.url
    expect(page.locator("[data-part=message]")).to_contain_text(f"“{second.title}” is asked by Sam.")

    grid = page.get_by_role("region", name="Who covers which topic").locator("table")
    expect(grid.locator("thead th")).to_have_text(["Topic", "Ana, lead", "Sam", "Covered"])
    topics = [slug for slug in BANK.topics if any(slug in q.topics for q in (first, second, third))]
    expect(grid.locator("tbody th")).to_have_text([BANK.topics[slug].label for slug in topics])
    open_topics = [BANK.topics[slug].label for slug in topics if not any(slug in q.topics for q in (first, second))]
    uncovered = grid.locator("tbody tr", has_text="No one")
    expect(uncovered.locator("th")).to_have_text(open_topics)
    if open_topics:
        expect(page.locator("[data-part=coverage-status]")).to_contain_text("No interviewer yet for")

    # The link brings the assignment back, and the scorecard link carries it.
    page.reload()
    expect(page.get_by_role("combobox", name=f"Interviewer for “{first.title}”")).to_have_value("Ana, lead")
    expect(page.get_by_role("combobox", name=f"Interviewer for “{third.title}”")).to_have_value("")
    scorecard = page.get_by_role("link", name="Open a scorecard").get_attribute("href")
    assert scorecard.endswith(f"scorecard/?kit={first.id},{second.id},{third.id}&by=Ana%2C%20lead,Sam,")
    page.get_by_role("combobox", name=f"Interviewer for “{third.title}”").fill("Sam")
    page.keyboard.press("Enter")
    expect(page.locator("[data-part=coverage-status]")).to_have_text("Every topic in the kit has an interviewer: 2 interviewers.")


def prepare_print(page) -> None:
    """Press "Print kit" with the browser's print dialog replaced by a flag."""
    page.evaluate("() => { window.print = () => { window.__printed = true } }")
    page.get_by_role("button", name="Print kit").click()
    page.wait_for_function("() => window.__printed === true")


def test_print_is_drawn_from_the_data_with_a_card_and_a_scorecard_and_no_chrome(page, server, visit) -> None:
    chosen = [BANK.questions[3], BANK.questions[0]]
    open_kit(page, server, f"?q={','.join(q.id for q in chosen)}&by=Ana,")
    prepare_print(page)
    page.emulate_media(media="print")

    sheet = page.locator(".qb-kit__sheet")
    expect(sheet).to_be_visible()
    printed = sheet.locator(".qb-kit__printed")
    expect(printed).to_have_count(len(chosen) + 2)  # a cover, the questions, the recommendation
    expect(printed.first).to_contain_text(f"{chosen[0].title} ({chosen[0].minutes} min): Ana")
    for position, question in enumerate(chosen, start=1):
        material = kit_question(question)
        section = printed.nth(position)
        expect(section.locator("h2")).to_have_text(question.title)
        expect(section.locator("h3")).to_have_text(printed_headings(question))
        card = section.locator(".qb-kit__card")
        for number in question.card.must_hear:
            expect(card).to_contain_text(text_of(material["should_cover"][number - 1]))
        expect(card).to_contain_text(text_of(material["follow_ups"][question.card.always_ask - 1]["question"]))
        expect(card).to_contain_text(text_of(material["red_flags"][question.card.top_red_flag - 1]))
        expect(section).to_contain_text(text_of(material["guidance"])[:80])
        expect(section.locator(".qb-kit__rubric tbody th")).to_have_text(BAND_NAMES)
        assert " ".join(question.answer.split()[:8]) not in section.inner_text(), "the model answer was printed"
        scorecard = section.locator(".qb-kit__scorecard")
        expect(scorecard).to_be_visible()
        expect(scorecard.locator(".qb-kit__ticks li")).to_have_text([*BAND_NAMES, NOT_ASKED])
    expect(printed.nth(1).locator(".qb-kit__meta").first).to_contain_text("Interviewer: Ana")
    overall = printed.last
    expect(overall.locator("h2")).to_have_text("Overall recommendation")
    expect(overall.locator(".qb-kit__ticks li")).to_have_text(list(RECOMMENDATIONS))
    assert printed.nth(1).evaluate("e => getComputedStyle(e).breakBefore") == "page"

    # Our own rendering: no question page was fetched, nothing was copied from one.
    assert not [url for url in visit.requests if "/questions/" in url and not url.endswith(".json")]
    assert sheet.evaluate("""s => [...s.querySelectorAll("*")].filter(e => e.id || e.tagName === "DETAILS"
                               || [...e.attributes].some(a => a.name.startsWith("on"))).length""") == 0
    for hidden in [".qb-kit__find", ".qb-kit__actions", ".qb-kit__chosen", ".md-content h1", ".md-header",
                   ".md-sidebar--primary", ".md-footer", ".md-tabs"]:
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    assert visit.third_party(server) == []
    assert visit.console_errors == []


def test_printing_without_the_button_prints_the_list_and_a_hint(page, server) -> None:
    open_kit(page, server, f"?q={BANK.questions[0].id}")
    page.emulate_media(media="print")
    expect(page.locator(".qb-kit__print-hint")).to_be_visible()
    expect(page.locator(".qb-kit__chosen")).to_contain_text(BANK.questions[0].title)
    expect(page.locator(".qb-kit__sheet")).to_be_hidden()


def show_everything(page, server) -> None:
    """A kit with a selection and suggestions shown: the page at its busiest."""
    open_kit(page, server, f"?q={BANK.questions[0].id},{BANK.questions[4].id},no-such-question&by=Ana,Sam%20Lee-Wright,")
    fill_job_description(page, RICHEST)
    expect(page.locator(".qb-kit__suggestion").first).to_be_visible()
    page.get_by_role("button", name="Copy link").click()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(open_page, server, scheme: str) -> None:
    page = open_page(color_scheme=scheme)
    show_everything(page, server)
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_no_third_party_requests(page, server, visit) -> None:
    show_everything(page, server)
    prepare_print(page)
    page.wait_for_load_state("networkidle")
    assert visit.requests, "no requests were recorded: the recorder is broken"
    assert visit.third_party(server) == []
    assert visit.console_errors == []


def test_phone_has_no_horizontal_scroll(open_page, server) -> None:
    page = open_page(PHONE)
    show_everything(page, server)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page scrolls sideways by {overflow}px"
    box = page.get_by_role("button", name=f"Move “{BANK.questions[0].title}” down").bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, "move buttons are too small to tap"
    # The kit comes after the list on a phone: a link at the top leads to it.
    page.get_by_role("link", name=re.compile(r"^Your kit: 2 questions")).click()
    expect(page.get_by_role("heading", name="Your kit")).to_be_focused()
    expect(page.get_by_role("heading", name="Your kit")).to_be_in_viewport()
    assert query_ids(page) == [BANK.questions[0].id, BANK.questions[4].id]


def test_hostile_data_stays_text(page, hostile_server, visit) -> None:
    page.goto(hostile_server.url("kit/?q=hostile-one,hostile-two"))
    expect(page.locator(".qb-kit__app")).to_be_visible()
    page.get_by_role("textbox", name="Job description").fill("<script> jinja python {{ 6 * 7 }} __new__ onerror")
    prepare_print(page)
    page.emulate_media(media="print")
    assert visit.dialogs == []
    assert page.evaluate("() => window.__pwned") is None
    assert injected_elements(page, ".qb-kit") == []
    assert "<script>" in page.locator(".qb-kit__chosen").inner_text()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_screenshots(open_page, server, scheme: str, device: str) -> None:
    page = open_page(PHONE if device == "phone" else DESKTOP, color_scheme=scheme)
    show_everything(page, server)
    page.evaluate("() => window.scrollTo(0, 0)")
    screenshot(page, f"kit-{device}-{scheme}")


def test_use_this_kit_replaces_the_kit_with_the_suggested_one(page, server) -> None:
    text = RICHEST.read_text(encoding="utf-8")
    level = infer_level(BANK, text).level
    suggested = kit(BANK, rank(BANK, text), level, DEFAULT_BUDGET)
    open_kit(page, server, f"?q={BANK.questions[-1].id}")
    fill_job_description(page, RICHEST)
    expect(page.get_by_role("list", name="Suggested kit, in the order to ask").locator("li")).to_have_count(len(suggested))
    page.get_by_role("button", name="Use this kit").click()
    assert kit_ids(page) == suggested
    assert query_ids(page) == suggested
    expect(page.locator("[data-part=message]")).to_contain_text("Using the suggested kit.")


def test_clear_empties_the_kit_and_its_link(page, server) -> None:
    chosen = [BANK.questions[1], BANK.questions[3]]
    open_kit(page, server, f"?q={','.join(q.id for q in chosen)}")
    page.locator(".qb-kit__actions").get_by_role("button", name="Clear", exact=True).click()  # not the search box's
    assert kit_ids(page) == []
    assert query_ids(page) == []
    expect(page.locator("[data-part=message]")).to_have_text("Cleared the kit. The kit is empty.")
    for question in chosen:
        expect(page.get_by_role("checkbox", name=question.title, exact=True)).not_to_be_checked()


def test_a_second_press_while_the_kit_is_prepared_prints_it_once(page, server) -> None:
    open_kit(page, server, f"?q={BANK.questions[0].id},{BANK.questions[1].id}")
    page.evaluate("() => { window.__prints = 0; window.print = () => { window.__prints += 1 } }")
    # Both presses in one task: the second comes while the first is still fetching the material.
    page.get_by_role("button", name="Print kit").evaluate("button => { button.click(); button.click() }")
    expect(page.locator("[data-part=message]")).to_have_text(re.compile("^Ready to print"))
    page.wait_for_timeout(300)  # room for a second print, were one on its way
    assert page.evaluate("() => window.__prints") == 1
    expect(page.locator(".qb-kit__sheet .qb-kit__printed")).to_have_count(4)  # a cover, 2 questions, the recommendation


def test_an_empty_kit_is_not_printed(page, server) -> None:
    open_kit(page, server)
    page.evaluate("() => { window.print = () => { window.__printed = true } }")
    page.get_by_role("button", name="Print kit").click()
    expect(page.locator("[data-part=message]")).to_have_text("The kit is empty: add questions before printing.")
    assert page.evaluate("() => window.__printed") is None
    expect(page.locator(".qb-kit__sheet")).to_be_empty()
