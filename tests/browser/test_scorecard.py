"""The scorecard page: score one interview with the keyboard, saved in the browser; lock, export, print."""

from __future__ import annotations

import itertools
import json
import re

import pytest
import yaml
from playwright.sync_api import expect
from question_bank.export import kit_question
from question_bank.labels import PART_LABELS
from question_bank.scorecard import COUNTED, RECOMMENDATIONS, suggested_band

from harness import PHONE, axe_violations, describe, expect_heading, injected_elements
from scorecards import (
    BAND, BANK, BY_ID, DATA, KIT, decode_in_python, fill_solid_first_question, open_scorecard_start, recommend, score,
    section, start_scorecard, tick,
)
from support import FIXTURES, text_of

CASES = yaml.safe_load((FIXTURES / "band-rule.yaml").read_text(encoding="utf-8"))

def test_fill_with_the_keyboard_reload_and_find_it_restored(page, server) -> None:
    first = BY_ID[KIT[0]]
    open_scorecard_start(page, server)
    expect(page.locator(".md-content")).to_contain_text("Nothing you enter here is sent anywhere.")
    expect(page.get_by_label("Label", exact=True)).to_have_accessible_description(re.compile("Not the candidate’s full name"))
    page.get_by_label("Label", exact=True).focus()
    page.keyboard.type("Loop 7, Tuesday")
    page.keyboard.press("Tab")
    page.keyboard.type("Ana")
    page.keyboard.press("Enter")
    expect(page.locator(".qb-sc__question")).to_have_count(len(KIT))
    assert "label=Loop+7%2C+Tuesday" in page.url

    # The card's must-hear points: the first box, then Tab and Space through the others.
    page.locator(f"#qb-sc-{first.id}-should_cover-{first.card.must_hear[0]}").focus()
    page.keyboard.press("Space")
    for _ in first.card.must_hear[1:]:
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
    # The band: into the group, then arrows from "1" to "3".
    section(page, first.id).get_by_role("radio", name=BAND[1]).focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")  # into the evidence
    page.keyboard.type("Explained mutability and hashing.")
    page.get_by_role("radio", name="Strong no").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # Yes
    page.keyboard.press("Tab")
    page.keyboard.type("Clear and practical.")
    expect(page.locator("[data-part=save-status]")).to_contain_text("Saved on this device")
    page.wait_for_timeout(500)  # typing saves once it pauses

    page.reload()
    expect(page.locator(".qb-sc__question")).to_have_count(len(KIT))
    for number in first.card.must_hear:
        expect(page.locator(f"#qb-sc-{first.id}-should_cover-{number}")).to_be_checked()
    expect(section(page, first.id).get_by_role("radio", name=BAND[3])).to_be_checked()
    expect(section(page, first.id).get_by_role("textbox", name="Evidence")).to_have_value("Explained mutability and hashing.")
    expect(page.get_by_role("radio", name="Yes", exact=True)).to_be_checked()
    expect(page.get_by_role("textbox", name="Summary")).to_have_value("Clear and practical.")
    # The ticks suggest a band by the rule: three must-hear points are Partial.
    expect(section(page, first.id).locator("[data-suggestion]")).to_have_text(f"The ticked points suggest {BAND[2]}.")


def test_the_card_shows_what_to_ask_and_listen_for(page, server) -> None:
    first = BY_ID[KIT[0]]
    material = kit_question(first)
    start_scorecard(page, server)
    card = section(page, first.id).locator(".qb-sc__card")
    expect(card.locator("h4")).to_have_text([PART_LABELS["question"], PART_LABELS["always_ask"]])
    expect(card).to_contain_text(text_of(material["question"]))
    expect(card.get_by_role("group", name=PART_LABELS["must_hear"]).locator("label")).to_have_text(
        [text_of(material["should_cover"][n - 1]) for n in first.card.must_hear])
    expect(card).to_contain_text(text_of(material["follow_ups"][first.card.always_ask - 1]["question"]))
    expect(card.get_by_role("group", name=PART_LABELS["top_red_flag"])).to_contain_text(
        text_of(material["red_flags"][first.card.top_red_flag - 1]))
    passes = " · ".join(f"{level.capitalize()}: {BAND[getattr(first.card.passes_at, level)]}" for level in DATA["levels"])
    expect(card.locator(".qb-sc__passes")).to_have_text(f"{PART_LABELS['passes_at']}: {passes}")
    expect(section(page, first.id).locator(".qb-sc__band label")).to_have_text([*BAND.values(), "Not asked"])


def test_an_exercise_is_scored_on_its_checklist(page, server) -> None:
    exercise = next(q for q in BANK.questions if q.exercise)
    material = kit_question(exercise)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    start_scorecard(page, server, ids=[exercise.id])
    section(page, exercise.id).locator("summary").click()
    checklist = section(page, exercise.id).get_by_role("group", name=PART_LABELS["exercise"])
    expect(checklist.locator("label")).to_have_text(DATA["exercise_checklist"])
    expect(section(page, exercise.id)).to_contain_text(text_of(material["exercise"]["planted"][0]))
    checklist.get_by_role("checkbox", name=DATA["exercise_checklist"][0]).check()
    checklist.get_by_role("checkbox", name=DATA["exercise_checklist"][2]).check()
    score(page, exercise.id, 2, "Found the bug, fixed it with a hint.")
    recommend(page, "No", "Needed a hint.")
    page.get_by_role("button", name="Copy code").click()
    data = decode_in_python(page.get_by_role("textbox", name="Scorecard code").input_value())
    assert data["answers"][0]["exercise"] == [1, 3]


def test_own_questions_come_first(page, server) -> None:
    start_scorecard(page, server, by=["Sam", "Ana", "Sam"], interviewer="ana")
    expect(page.locator(".qb-sc__group")).to_have_text(["Your questions (ana)", "The other interviewers’ questions"])
    assert page.eval_on_selector_all(".qb-sc__question", "s => s.map(e => e.dataset.question)") == [KIT[1], KIT[0], KIT[2]]
    expect(section(page, KIT[0]).locator(".qb-kit__meta").first).to_have_text(
        f"Question 1 of 3 · {BY_ID[KIT[0]].minutes} min · Asked by Sam")


def test_a_band_needs_evidence_before_locking_and_a_locked_scorecard_stays_locked(page, server) -> None:
    first = BY_ID[KIT[0]]
    start_scorecard(page, server)
    score(page, first.id, 2, "")
    page.get_by_role("button", name="Lock my scores").click()
    expect(page.locator("[data-part=message]")).to_have_text(
        f"Before you lock, add evidence for “{first.title}”, an overall recommendation and a written summary.")
    note = section(page, first.id).get_by_role("textbox", name="Evidence")
    expect(note).to_be_focused()
    expect(note).to_have_attribute("aria-invalid", "true")
    expect(section(page, first.id).locator("[data-problem]")).to_have_text("Write the evidence for this band.")

    note.fill("Two points, unprompted.")
    expect(note).to_have_attribute("aria-invalid", "false")
    recommend(page, "No", "Not yet.")
    page.get_by_role("button", name="Lock my scores").click()
    expect(page.locator("[data-part=lock-status]")).to_contain_text("Locked on")
    for control in [note, page.get_by_role("radio", name="Yes", exact=True), page.get_by_role("textbox", name="Summary"),
                    page.locator(f"#qb-sc-{first.id}-should_cover-1"), page.get_by_role("button", name="Lock my scores")]:
        expect(control).to_be_disabled()
    page.reload()
    expect(page.locator("[data-part=lock-status]")).to_contain_text("Locked on")
    expect(section(page, first.id).get_by_role("textbox", name="Evidence")).to_be_disabled()


def test_the_code_and_the_summary_carry_the_scores(page, server, visit) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    first = BY_ID[KIT[0]]
    start_scorecard(page, server)
    fill_solid_first_question(page)
    page.get_by_role("button", name="Copy code").click()
    expect(page.locator("[data-part=message]")).to_contain_text("Code copied")
    code = page.get_by_role("textbox", name="Scorecard code").input_value()
    assert page.evaluate("() => navigator.clipboard.readText()") == code
    assert len(code) < 600, f"the code is not compact: {len(code)} characters"
    data = decode_in_python(code)
    assert data["kit"] == KIT and data["interviewer"] == "Ana"
    assert data["recommendation"] == RECOMMENDATIONS.index("Yes") + 1
    assert data["summary"] == "Solid on data structures."
    answer = data["answers"][0]
    assert answer["band"] == 3 and answer["note"] == "Named the trade-offs and\nchose a set for lookups."
    assert set(first.card.must_hear) < set(answer["should_cover"]) and len(answer["should_cover"]) == 4
    assert [a["band"] for a in data["answers"][1:]] == [0, 0]

    page.get_by_role("button", name="Copy summary (Markdown)").click()
    summary = page.get_by_role("textbox", name="Summary (Markdown)").input_value()
    assert summary.startswith("# Interview scorecard: Loop 7, Tuesday\n")
    assert "- Recommendation: Yes" in summary
    assert f"## 1. {first.title}: {BAND[3]}" in summary
    assert f"- Suggested by the ticks: {BAND[3]}" in summary
    assert "Evidence: Named the trade-offs and\nchose a set for lookups." in summary
    assert f"## 2. {BY_ID[KIT[1]].title}: Not asked" in summary
    assert visit.third_party(server) == []
    assert visit.csp_violations(page) == []
    assert visit.console_errors == []


def test_a_filled_scorecard_prints_its_report_and_nothing_else(page, server) -> None:
    first = BY_ID[KIT[0]]
    start_scorecard(page, server)
    fill_solid_first_question(page)
    page.evaluate("() => { window.print = () => { window.__printed = true } }")
    page.get_by_role("button", name="Print").click()
    page.wait_for_function("() => window.__printed === true")
    page.emulate_media(media="print")
    sheet = page.locator(".qb-sc .qb-kit__sheet")
    expect(sheet).to_be_visible()
    expect(sheet.locator("h2")).to_have_text("Interview scorecard: Loop 7, Tuesday")
    expect(sheet.locator("h3")).to_have_text(["Summary", *[
        f"{n}. {BY_ID[q].title}: {BAND[3] if n == 1 else 'Not asked'}" for n, q in enumerate(KIT, start=1)]])
    expect(sheet).to_contain_text("Recommendation: Yes")
    expect(sheet).to_contain_text("Named the trade-offs and")
    expect(sheet.locator(".qb-sc__printed-question").first).to_contain_text(
        text_of(kit_question(first)["should_cover"][first.card.must_hear[0] - 1]))
    for hidden in [".qb-sc__question", ".qb-sc__finish", ".qb-sc__overall", ".md-content h1", ".md-header", ".md-footer"]:
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()


def test_the_timer_counts_against_the_questions_minutes(page, server) -> None:
    first, second = BY_ID[KIT[0]], BY_ID[KIT[1]]
    page.clock.install()
    start_scorecard(page, server)
    clock = section(page, first.id).locator("[data-clock]")
    expect(clock).to_have_text(f"0:00 of {first.minutes}:00")
    section(page, first.id).get_by_role("button", name="Start timer").click()
    page.clock.run_for(61_000)
    expect(clock).to_have_text(f"1:01 of {first.minutes}:00")
    page.clock.run_for(first.minutes * 60_000)
    expect(clock).to_have_text(re.compile(rf"^{first.minutes + 1}:01 of {first.minutes}:00, over time$"))
    # One timer at a time: starting the next pauses this one.
    section(page, second.id).get_by_role("button", name="Start timer").click()
    expect(section(page, first.id).get_by_role("button", name="Start timer")).to_be_visible()
    page.clock.run_for(5_000)
    expect(section(page, second.id).locator("[data-clock]")).to_have_text(f"0:05 of {second.minutes}:00")
    expect(clock).to_contain_text(f"{first.minutes + 1}:01 of")
    section(page, second.id).get_by_role("button", name="Pause timer").click()
    page.reload()
    expect(section(page, second.id).locator("[data-clock]")).to_have_text(f"0:05 of {second.minutes}:00")


def test_deleting_is_one_button_and_can_be_undone(page, server) -> None:
    start_scorecard(page, server)
    page.get_by_role("button", name="Delete this scorecard from this device").click()
    expect(page.locator("[data-part=notice]")).to_contain_text("Deleted “Loop 7, Tuesday” from this device.")
    expect(page.get_by_role("button", name="Start scoring")).to_be_visible()
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('qb-scorecard:'))") == []
    expect(page.get_by_role("button", name="Undo")).to_be_focused()
    page.get_by_role("button", name="Undo").click()
    expect(page.locator(".qb-sc__question")).to_have_count(len(KIT))
    assert "label=Loop+7" in page.url


def test_a_label_already_used_is_refused(page, server) -> None:
    start_scorecard(page, server)
    open_scorecard_start(page, server)
    expect(page.locator(".qb-sc__saved")).to_contain_text("Loop 7, Tuesday")
    page.get_by_label("Label", exact=True).fill("Loop 7, Tuesday")
    page.get_by_role("combobox", name="Your name or role").fill("Sam")
    page.get_by_role("button", name="Start scoring").click()
    expect(page.locator("[data-part=start-problem]")).to_contain_text("already saved on this device")
    expect(page.get_by_label("Label", exact=True)).to_be_focused()


def test_it_survives_leaving_the_page(page, server, visit) -> None:
    first = BY_ID[KIT[0]]
    page.goto(server.url(f"kit/?q={','.join(KIT)}"))
    page.get_by_role("link", name="Open a scorecard").click()
    page.wait_for_url(re.compile(r"/scorecard/\?kit="))
    expect_heading(page, "Scorecard")
    page.get_by_label("Label", exact=True).fill("Nav")
    page.get_by_role("combobox", name="Your name or role").fill("Ana")
    page.get_by_role("button", name="Start scoring").click()
    tick(page, first.id, "should_cover", first.card.must_hear[0])
    section(page, first.id).get_by_role("button", name="Start timer").click()
    page.locator(".md-header__button.md-logo").click()  # away
    expect_heading(page, BANK.title)
    page.go_back()
    page.wait_for_url(re.compile(r"/scorecard/\?label=Nav$"))
    expect(page.locator(f"#qb-sc-{first.id}-should_cover-{first.card.must_hear[0]}")).to_be_checked()
    expect(section(page, first.id).get_by_role("button", name="Start timer")).to_be_visible()  # it stopped on leaving
    assert visit.console_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(open_page, server, scheme: str) -> None:
    page = open_page(color_scheme=scheme)
    start_scorecard(page, server, by=["Ana", "Sam", ""])
    first = BY_ID[KIT[0]]
    for summary in page.locator(".qb-sc__more > summary").all():
        summary.click()
    score(page, first.id, 2, "")
    page.get_by_role("button", name="Lock my scores").click()  # refused: the problems are shown
    page.get_by_role("button", name="Print").evaluate("b => b.scrollIntoView()")
    violations = axe_violations(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_before_a_scorecard_is_open(open_page, server, scheme: str) -> None:
    page = open_page(color_scheme=scheme)
    start_scorecard(page, server)
    open_scorecard_start(page, server)
    page.get_by_role("button", name="Start scoring").click()  # refused: no label
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_phone_has_no_horizontal_scroll(open_page, server) -> None:
    page = open_page(PHONE)
    start_scorecard(page, server, by=["Ana", "Sam Lee-Wright", ""])
    fill_solid_first_question(page)  # opens the first question's "more"
    for summary in page.locator(".qb-sc__more > summary").all()[1:]:
        summary.click()
    page.get_by_role("button", name="Copy code").click()
    expect(page.get_by_role("textbox", name="Scorecard code")).to_be_visible()
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page scrolls sideways by {overflow}px"
    box = section(page, KIT[0]).get_by_role("radio", name=BAND[3]).bounding_box()
    assert box["width"] >= 16 and box["height"] >= 16, "band choices are too small to tap"


def test_hostile_data_stays_text(page, hostile_server, visit) -> None:
    page.goto(hostile_server.url("scorecard/?kit=hostile-one,hostile-two"))
    page.get_by_label("Label", exact=True).fill("<img src=x onerror=\"window.__pwned='label'\">")
    page.get_by_role("combobox", name="Your name or role").fill("<script>window.__pwned='name'</script>")
    page.get_by_role("button", name="Start scoring").click()
    expect(page.locator(".qb-sc__question")).to_have_count(2)
    for summary in page.locator(".qb-sc__more > summary").all():
        summary.click()
    page.locator(".qb-sc").hover()
    assert visit.dialogs == []
    assert page.evaluate("() => window.__pwned") is None
    assert injected_elements(page, ".qb-sc") == []
    expect(page.locator("[data-part=title]")).to_contain_text("<img src=x")


def test_a_scorecard_saved_under_an_old_id_opens_under_the_new_one(page, hostile_server) -> None:
    # hostile-two was once hostile-old: a scorecard saved before the rename still opens.
    page.goto(hostile_server.url("scorecard/"))
    page.evaluate("""() => localStorage.setItem("qb-scorecard:Old", JSON.stringify({
      format: 1, label: "Old", interviewer: "Ana", kit: [{ id: "hostile-old", by: "" }],
      answers: { "hostile-old": { band: 2, ticks: { should_cover: [1], look_for: [], red_flags: [] },
                                  exercise: [], note: "Kept.", seconds: 0 } },
      recommendation: 0, summary: "", locked: null, saved: null }))""")
    page.goto(hostile_server.url("scorecard/?label=Old"))
    expect(section(page, "hostile-two").get_by_role("textbox", name="Evidence")).to_have_value("Kept.")
    expect(page.locator("#qb-sc-hostile-two-should_cover-1")).to_be_checked()


def test_the_page_applies_the_same_band_rule_as_python(page, server) -> None:
    """Every count that can happen, and the named cases: the page's scoring.js and
    question_bank.scorecard.suggested_band, over the rule bank.json ships."""
    open_scorecard_start(page, server)
    grid = [dict(zip(COUNTED, values)) for values in itertools.product(range(4), range(9), range(4), range(3))]
    counts = grid + [{name: case[name] for name in COUNTED} for case in CASES]
    in_browser = page.evaluate(
        """async (counts) => {
             const { suggestedBand } = await import(new URL("../javascripts/kit/scoring.js", location.href));
             const bank = await (await fetch("../kit/bank.json")).json();
             return counts.map((c) => suggestedBand(bank.band_rule, c));
           }""",
        counts,
    )
    assert in_browser == [suggested_band(c) for c in counts]
    assert in_browser[len(grid):] == [case["band"] for case in CASES]


ROUND_TRIP = """async (record) => {
  const at = (file) => new URL(`../javascripts/kit/${file}`, location.href);
  const { encodeScorecard, decodeScorecard, CodeError } = await import(at("code.js"));
  const { loadBank } = await import(at("data.js"));
  const bank = await loadBank(document.getElementById("qb-scorecard"));
  const code = await encodeScorecard(record, bank);
  const read = async (text) => {
    try { return { card: await decodeScorecard(text, bank) }; }
    catch (error) { return { refused: error instanceof CodeError, message: error.message }; }
  };
  const middle = Math.floor(code.length / 2);
  const swapped = code.slice(0, middle) + (code[middle] === "A" ? "B" : "A") + code.slice(middle + 1);
  return {
    code,
    back: await read(code),
    wrapped: await read(code.replace(/(.{40})/g, "$1\\n")),
    tampered: await read(swapped),
    truncated: await read(code.slice(0, -12)),
    future: await read(code.replace(/^SC1\\./, "SC2.")),
    prose: await read("Ana thinks this candidate is great"),
    forged: await read(`SC1.${btoa(JSON.stringify({kit: ["no-such-question"]}))}.00000000`),
    // A sound payload with another code's checksum: only the checksum can tell.
    mismatched: await read(code.replace(/[0-9a-f]{8}$/, (check) => (check === "00000000" ? "11111111" : "00000000"))),
  };
}"""


def test_the_code_round_trips_and_refuses_bad_input(page, server) -> None:
    first, second = BY_ID[KIT[0]], BY_ID[KIT[1]]
    answers = {
        first.id: {"band": 4, "ticks": {"should_cover": [1, 2, 3, 4], "look_for": [1, 2], "red_flags": []},
                   "exercise": [], "note": "Unicode too: naïve “quotes” ✓ and 20 % of\nlines", "seconds": 0},
        second.id: {"band": 0, "ticks": {"should_cover": [], "look_for": [], "red_flags": [1]},
                    "exercise": [], "note": "", "seconds": 0},
    }
    record = {"label": "x", "interviewer": "Ana, lead", "kit": [{"id": first.id, "by": ""}, {"id": second.id, "by": ""}],
              "answers": answers, "recommendation": 4, "summary": "Strong yes."}
    open_scorecard_start(page, server)
    result = page.evaluate(ROUND_TRIP, record)
    assert re.fullmatch(r"SC1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}", result["code"])
    expected = {"kit": record["kit"], "interviewer": "Ana, lead", "recommendation": 4, "summary": "Strong yes.",
                "answers": {**answers, second.id: {**answers[second.id], "band": 0}}}
    assert result["back"] == {"card": expected}
    assert result["wrapped"] == {"card": expected}, "line breaks from a message must not matter"
    damaged = "This code is damaged: it was cut short or changed after it was copied. Copy it again from the scorecard."
    for bad in ("tampered", "truncated", "forged", "mismatched"):
        assert result[bad] == {"refused": True, "message": damaged}, bad
    assert result["future"]["refused"] and "newer version of the scorecard (format 2)" in result["future"]["message"]
    assert result["prose"]["refused"] and result["prose"]["message"].startswith("This is not a scorecard code")
