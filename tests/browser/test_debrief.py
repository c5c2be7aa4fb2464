"""The debrief: several interviewers' codes for one kit, compared, once your own is in."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from question_bank.export import kit_question
from question_bank.scorecard import DISAGREEMENT, RECOMMENDATIONS

from harness import PHONE, axe_violations, describe, injected_elements
from scorecards import BAND, BANK, BY_ID, DATA, KIT, fill_solid_first_question, forged, start_scorecard
from support import text_of

CHECKLISTS = DATA["checklists"]


def answer(band: int, note: str = "", red_flags: tuple[int, ...] = ()) -> dict:
    ticks = {name: [] for name in CHECKLISTS} | {"red_flags": list(red_flags)}
    return {"band": band, "ticks": ticks, "exercise": [], "note": note, "seconds": 0}


def record(interviewer: str, bands: list[int], recommendation: str, kit=KIT, red_flags=()) -> dict:
    notes = [f"{interviewer} heard it on {question_id}." if band else "" for question_id, band in zip(kit, bands)]
    return {
        "label": interviewer, "interviewer": interviewer, "kit": [{"id": q, "by": ""} for q in kit],
        "answers": {q: answer(b, n, red_flags if i == len(kit) - 1 else ()) for i, (q, b, n) in enumerate(zip(kit, bands, notes))},
        "recommendation": RECOMMENDATIONS.index(recommendation) + 1, "summary": f"{interviewer}'s summary.",
    }


# Yours, then two others: they disagree on the first and last questions, and nobody asks the second.
OWN = record("Ana", [3, 0, 2], "Yes")
SAM = record("Sam", [1, 0, 2], "No")
LEE = record("Lee", [2, 0, 4], "Strong yes", red_flags=(1,))
CARDS = [OWN, SAM, LEE]


def open_debrief(page, server) -> None:
    page.goto(server.url("debrief/"))
    expect(page.get_by_role("button", name="Use my code")).to_be_visible()


def codes_for(page, records: list[dict]) -> list[str]:
    """Scorecard codes, made by the page's own encoder (code.js)."""
    return page.evaluate(
        """async (records) => {
             const at = (file) => new URL(`../javascripts/kit/${file}`, location.href);
             const { encodeScorecard } = await import(at("code.js"));
             const { loadBank } = await import(at("data.js"));
             const bank = await loadBank(document.getElementById("qb-debrief"));
             return Promise.all(records.map((r) => encodeScorecard(r, bank)));
           }""",
        records,
    )


def give_own(page, code: str) -> None:
    page.get_by_role("textbox", name="Or paste your own scorecard code").fill(code)
    page.get_by_role("button", name="Use my code").click()
    expect(page.locator("[data-part=gate]")).to_contain_text("Your own scorecard is in.")


def add_others(page, codes: list[str]) -> None:
    page.get_by_role("textbox", name="Their scorecard codes").fill("\n".join(codes))
    page.get_by_role("button", name="Add codes").click()


def add_others_ok(page, codes: list[str]) -> None:
    add_others(page, codes)
    expect(page.locator("[data-part=message]")).to_have_text(f"Added {len(codes)} scorecard{'s' if len(codes) > 1 else ''}.")


def question_rows(page) -> list[list[str]]:
    table = page.get_by_role("region", name="Bands by question").locator("tbody tr")
    return table.evaluate_all("rows => rows.map(r => [...r.children].map(c => c.textContent))")


def expected_question_rows(cards: list[dict]) -> list[list[str]]:
    rows = []
    for question_id in KIT:
        bands = [card["answers"][question_id]["band"] or None for card in cards]
        given = [b for b in bands if b]
        spread = max(given) - min(given) if given else None
        flag = "Nobody asked" if spread is None else f"Disagree by {spread}" if spread >= DISAGREEMENT else ""
        rows.append([BY_ID[question_id].title, *(BAND[b] if b else "—" for b in bands),
                     "—" if spread is None else str(spread), flag])
    return rows


def expected_topic_rows(cards: list[dict]) -> list[list[str]]:
    rows = []
    for slug, topic in BANK.topics.items():
        on_topic = [q for q in KIT if slug in BY_ID[q].topics]
        if not on_topic:
            continue
        means = []
        for card in cards:
            given = [card["answers"][q]["band"] for q in on_topic if card["answers"][q]["band"]]
            means.append(sum(given) / len(given) if given else None)
        known = [m for m in means if m is not None]
        spread = max(known) - min(known) if known else None
        flag = "Nobody asked" if spread is None else f"Disagree by {spread:.1f}" if spread >= DISAGREEMENT else ""
        rows.append([topic.label, *("—" if m is None else f"{m:.1f}" for m in means),
                     "—" if spread is None else f"{spread:.1f}", flag])
    return rows


def test_others_are_shown_only_after_your_own_then_side_by_side_with_spread_and_flags(page, server, visit) -> None:
    # Your own code comes from the scorecard page, as an interviewer would copy it.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    start_scorecard(page, server)
    fill_solid_first_question(page)
    page.get_by_role("button", name="Copy code").click()
    own_code = page.get_by_role("textbox", name="Scorecard code").input_value()

    open_debrief(page, server)
    others = codes_for(page, [SAM, LEE])
    expect(page.get_by_role("textbox", name="Their scorecard codes")).to_be_disabled()
    expect(page.get_by_role("button", name="Add codes")).to_be_disabled()
    expect(page.locator("[data-part=gate]")).to_have_text(
        "Give your own scorecard first: the other interviewers’ codes can be added only after that.")
    expect(page.locator("[data-part=results]")).to_be_empty()

    give_own(page, own_code)
    expect(page.get_by_role("textbox", name="Or paste your own scorecard code")).to_be_hidden()
    add_others(page, others)
    expect(page.locator("[data-part=message]")).to_have_text("Added 2 scorecards.")
    own = {**OWN, "answers": {KIT[0]: answer(3), KIT[1]: answer(0), KIT[2]: answer(0)}}
    cards = [own, SAM, LEE]
    head = page.get_by_role("region", name="Bands by question").locator("thead th")
    expect(head).to_have_text(["Question", "You (Ana)", "Sam", "Lee", "Spread", "Flag"])
    expected = expected_question_rows(cards)
    assert question_rows(page) == expected
    flags = page.get_by_role("region", name="Bands by question").locator(".qb-db__flag--disagree")
    expect(flags).to_have_text([row[-1] for row in expected if row[-1].startswith("Disagree")])
    assert expected[0][-1] == "Disagree by 2", "the fixture should disagree on the first question: 3, 1 and 2"
    topic_rows = page.get_by_role("region", name="Mean band by topic").locator("tbody tr")
    assert topic_rows.evaluate_all("rows => rows.map(r => [...r.children].map(c => c.textContent))") == expected_topic_rows(cards)
    expect(page.locator("[data-part=not-asked] li")).to_have_text([row[0] for row in expected if row[-1] == "Nobody asked"])
    expect(page.locator("[data-part=tally]")).to_have_text("Strong no: 0 · No: 1 · Yes: 1 · Strong yes: 1")
    expect(page.locator(".qb-db__evidence").first).to_contain_text("Named the trade-offs and")
    expect(page.locator(".qb-db__evidence").first).to_contain_text(f"Sam: {BAND[1]}")
    assert visit.third_party(server) == []
    assert visit.csp_violations(page) == []
    assert visit.console_errors == []


def test_text_in_a_code_stays_text(page, server, visit) -> None:
    hostile = record("<img src=x onerror=\"window.__pwned='name'\">", [2, 0, 0], "No")
    hostile["answers"][KIT[0]]["note"] = "<script>window.__pwned='note'</script>"
    hostile["summary"] = "<iframe src=\"javascript:window.__pwned='summary'\"></iframe>"
    open_debrief(page, server)
    own, other = codes_for(page, [OWN, hostile])
    give_own(page, own)
    add_others_ok(page, [other])
    expect(page.locator(".qb-db__evidence").first).to_contain_text("<script>window.__pwned='note'</script>")
    assert page.evaluate("() => window.__pwned") is None
    assert injected_elements(page, ".qb-db") == []
    assert visit.dialogs == []


def test_evidence_and_recommendations_of_every_interviewer(page, server) -> None:
    open_debrief(page, server)
    own, *others = codes_for(page, CARDS)
    give_own(page, own)
    add_others_ok(page, others)
    assert question_rows(page) == expected_question_rows(CARDS)
    flags = page.get_by_role("region", name="Bands by question").locator(".qb-db__flag--disagree")
    expect(flags).to_have_text(["Disagree by 2", "Disagree by 2"])  # 3, 1, 2 and 2, 2, 4
    expect(page.locator("[data-part=not-asked] li")).to_have_text([BY_ID[KIT[1]].title])
    last = page.locator(".qb-db__evidence").last
    expect(last.locator("dt")).to_have_text([f"You (Ana): {BAND[2]}", f"Sam: {BAND[2]}", f"Lee: {BAND[4]}"])
    flag = text_of(kit_question(BY_ID[KIT[2]])["red_flags"][0])
    expect(last.locator("dd").last).to_contain_text(f"Red flags observed: {flag}")
    recommendations = page.get_by_role("region", name="Overall recommendations").locator("tbody tr")
    assert recommendations.evaluate_all("rows => rows.map(r => [...r.children].map(c => c.textContent))") == [
        ["You (Ana)", "Yes", "Ana's summary."], ["Sam", "No", "Sam's summary."], ["Lee", "Strong yes", "Lee's summary."]]


def test_a_tampered_code_is_refused_with_a_message_and_changes_nothing(page, server) -> None:
    open_debrief(page, server)
    own, sam, lee = codes_for(page, CARDS)
    give_own(page, own)
    before = question_rows(page)

    def lower_last_band(data: dict) -> None:  # what someone editing a colleague's code would do
        data["answers"][-1]["band"] = 1

    # A sound code whose scores were changed after it was made: only its check can tell.
    tampered = forged(lee, lower_last_band, keep_check=True)
    add_others(page, [sam, tampered])
    expect(page.get_by_role("alert")).to_have_text(
        "Nothing was added. Code 2 of 2: This code is damaged: it was cut short or changed after it was copied. "
        "Copy it again from the scorecard.")
    assert question_rows(page) == before, "a refused paste changed the comparison"
    expect(page.get_by_role("textbox", name="Their scorecard codes")).to_have_value(f"{sam}\n{tampered}")

    add_others(page, [lee[:-20]])
    expect(page.get_by_role("alert")).to_contain_text("This code is damaged")
    add_others(page, [re.sub(r"^SC1\.", "SC9.", sam)])
    expect(page.get_by_role("alert")).to_contain_text("newer version of the scorecard (format 9)")
    other_kit = codes_for(page, [record("Kim", [2], "No", kit=[BANK.questions[1].id])])[0]
    add_others(page, [other_kit])
    expect(page.get_by_role("alert")).to_contain_text("this code is for a different kit from your own scorecard’s.")
    add_others(page, [own])
    expect(page.get_by_role("alert")).to_contain_text("this code has already been added.")
    assert question_rows(page) == before

    def impossible_band(data: dict) -> None:
        data["answers"][0]["band"] = 9

    add_others(page, [forged(lee, impossible_band, keep_check=False)])
    expect(page.get_by_role("alert")).to_contain_text("This code is damaged")
    assert question_rows(page) == before

    # The same change with a check to match is read, band for band: the check, not the packing, refused it.
    add_others(page, [sam, forged(lee, lower_last_band, keep_check=False)])
    expect(page.get_by_role("alert")).to_be_hidden()
    expect(page.get_by_role("region", name="Bands by question").locator("thead th")).to_have_count(6)
    assert question_rows(page)[-1][1:4] == [BAND[2], BAND[2], BAND[1]]


def test_a_bad_own_code_is_refused(page, server) -> None:
    open_debrief(page, server)
    page.get_by_role("textbox", name="Or paste your own scorecard code").fill("SC1.garbage.0000")
    page.get_by_role("button", name="Use my code").click()
    expect(page.get_by_role("alert")).to_contain_text("This code is damaged")
    expect(page.get_by_role("textbox", name="Their scorecard codes")).to_be_disabled()
    expect(page.locator("[data-part=results]")).to_be_empty()


def test_a_scorecard_locked_on_this_device_counts_as_your_own(page, server) -> None:
    start_scorecard(page, server)
    open_debrief(page, server)
    expect(page.get_by_label("A locked scorecard on this device")).to_be_hidden()  # not locked yet

    page.go_back()
    fill_solid_first_question(page)
    page.get_by_role("button", name="Lock my scores").click()
    expect(page.locator("[data-part=lock-status]")).to_contain_text("Locked on")
    open_debrief(page, server)
    expect(page.get_by_label("A locked scorecard on this device").locator("option")).to_have_text(["Loop 7, Tuesday (Ana)"])
    page.get_by_role("button", name="Use this scorecard").click()
    expect(page.get_by_role("textbox", name="Their scorecard codes")).to_be_enabled()
    expect(page.get_by_role("region", name="Bands by question").locator("tbody tr").first).to_contain_text(BAND[3])


def show_comparison(page, server) -> None:
    open_debrief(page, server)
    own, *others = codes_for(page, CARDS)
    give_own(page, own)
    add_others_ok(page, others)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(open_page, server, scheme: str) -> None:
    page = open_page(color_scheme=scheme)
    open_debrief(page, server)
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    own, *others = codes_for(page, CARDS)
    give_own(page, own)
    add_others(page, [others[0], "SC1.damaged.00000000"])  # the refusal is shown too
    expect(page.get_by_role("alert")).to_be_visible()
    add_others_ok(page, others)
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_phone_has_no_horizontal_scroll(open_page, server) -> None:
    page = open_page(PHONE)
    show_comparison(page, server)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"page scrolls sideways by {overflow}px"
