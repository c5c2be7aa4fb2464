"""Scorecards in the browser tests: a kit of the real bank, and the steps of filling one in."""

from __future__ import annotations

import base64
import json
import re
import zlib

from playwright.sync_api import expect
from question_bank.export import kit_data
from question_bank.model import RUBRIC_BANDS

from support import real_bank

BANK = real_bank()
BY_ID = {q.id: q for q in BANK.questions}
DATA = json.loads(json.dumps(kit_data(BANK)))
BAND = {number: f"{number} {label}" for number, label, _ in RUBRIC_BANDS}
# The kit the tests score: three questions from across the real bank.
KIT = [BANK.questions[0].id, BANK.questions[4].id, BANK.questions[8].id]


def open_scorecard_start(page, server, ids=KIT, by: list[str] | None = None) -> None:
    query = f"?kit={','.join(ids)}" + (f"&by={','.join(by)}" if by else "")
    page.goto(server.url(f"scorecard/{query}"))
    expect(page.get_by_role("button", name="Start scoring")).to_be_visible()


def start_scorecard(page, server, ids=KIT, by=None, label="Loop 7, Tuesday", interviewer="Ana") -> None:
    open_scorecard_start(page, server, ids, by)
    page.get_by_label("Label", exact=True).fill(label)
    page.get_by_role("combobox", name="Your name or role").fill(interviewer)
    page.get_by_role("button", name="Start scoring").click()
    expect(page.locator(".qb-sc__question")).to_have_count(len(ids))


def section(page, question_id: str):
    return page.locator(f".qb-sc__question[data-question='{question_id}']")


def tick(page, question_id: str, checklist: str, number: int) -> None:
    page.locator(f"#qb-sc-{question_id}-{checklist}-{number}").check()


def score(page, question_id: str, band: int, note: str) -> None:
    section(page, question_id).get_by_role("radio", name=BAND[band] if band else "Not asked", exact=True).check()
    if note:
        section(page, question_id).get_by_role("textbox", name="Evidence").fill(note)


def recommend(page, recommendation: str, summary: str) -> None:
    page.get_by_role("radio", name=recommendation, exact=True).check()
    page.get_by_role("textbox", name="Summary").fill(summary)


def fill_solid_first_question(page) -> None:
    """The first question scored 3 on its must-hear points and one more; the rest not asked."""
    first = BY_ID[KIT[0]]
    for number in first.card.must_hear:
        tick(page, first.id, "should_cover", number)
    other = next(n for n in range(1, len(first.should_cover) + 1) if n not in first.card.must_hear)
    section(page, first.id).locator("summary").click()
    tick(page, first.id, "should_cover", other)
    score(page, first.id, 3, "Named the trade-offs and\nchose a set for lookups.")
    for question_id in KIT[1:]:
        score(page, question_id, 0, "")
    recommend(page, "Yes", "Solid on data structures.")


def decode_in_python(code: str) -> dict:
    """The code's documented format (docs/javascripts/kit/code.js), read without the page."""
    match = re.fullmatch(r"SC1\.([A-Za-z0-9_-]+)\.([0-9a-f]{8})", code)
    assert match, code
    packed = base64.urlsafe_b64decode(match.group(1) + "=" * (-len(match.group(1)) % 4))
    raw = zlib.decompress(packed, -15)
    assert f"{zlib.crc32(raw):08x}" == match.group(2)
    return json.loads(raw)


def encode_in_python(data: dict, check: str | None = None) -> str:
    """A code in the documented format with `data` inside; its check is the data's own unless one is given."""
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    deflate = zlib.compressobj(wbits=-15)
    packed = deflate.compress(raw) + deflate.flush()
    payload = base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")
    return f"SC1.{payload}.{check or f'{zlib.crc32(raw):08x}'}"


def forged(code: str, change, keep_check: bool) -> str:
    """`code` with its data changed by `change`, re-packed soundly; with its old check, or a matching one."""
    data = decode_in_python(code)
    change(data)
    return encode_in_python(data, code.rsplit(".", 1)[1] if keep_check else None)
