"""How fast the kit page matches a long job description (issue 14: a 100 KB posting in under 50 ms).

The real bank's site is built and its kit page opened in Chromium, as a reader finds it: loaded,
its app mounted. Then, as a reader does, a posting is pasted into the job-description field
from the clipboard, and edited: its last character deleted, several times. The page reads the
posting in slices while the reader pastes or types, and ranks it once typing pauses; it records
each ranking and each slice of its reading (`RANKING`, `PREPARING` in kit-suggest.js), and
those records are the page's times. The longest slice is the longest the page's own work kept
the reader waiting between the paste and the suggestions. (The browser's own handling of the
paste is not the page's work and is not counted: it takes as long in a bare textarea.)

For comparison, the same reading is also timed all at once in a fresh page, with nothing read
before (what the page would cost without its slices), by calling `matching.js` directly.

The posting is 100 KB of the fixture postings one after another; the longest single fixture is
the run's reference.

    PYTHONPATH=scripts .venv/bin/python -m bench.matching_speed   # on its own, ~1 min
"""

from __future__ import annotations

import os
import re
import statistics
import tempfile
from pathlib import Path

from local_browser import CHROMIUM, LAUNCH_ARGS, serve_site

from .builds import ROOT, Build, run_build, snapshot

POSTINGS = ROOT / "tests" / "fixtures" / "job-descriptions"
KIT_SUGGEST = ROOT / "docs" / "javascripts" / "kit" / "kit-suggest.js"
POSTING_CHARACTERS = 100_000
EDITS = 7
TARGET_MS = 50
# The names of the page's records (kit-suggest.js): each ranking, and each slice of reading.
RANKING, PREPARING = (re.search(rf'^export const {name} = "([^"]+)";$', KIT_SUGGEST.read_text(encoding="utf-8"), re.MULTILINE)[1]
                      for name in ("RANKING", "PREPARING"))
# Functions, not expressions: the site's policy forbids the eval a string expression needs.
MOUNTED = "() => document.querySelector('[data-part=app]')?.hidden === false"
# The page keeps only its latest record of each kind: an observer sees them all.
WATCH = """() => {
  window.measured = [];
  new PerformanceObserver((list) => window.measured.push(...list.getEntries().map(({ name, duration }) => ({ name, duration }))))
    .observe({ type: "measure" });
}"""
DURATIONS = "(name) => window.measured.filter((entry) => entry.name === name).map((entry) => entry.duration)"
MORE = "([name, count]) => window.measured.filter((entry) => entry.name === name).length > count"
READ_AT_ONCE = """async (text) => {
  const m = await import(new URL("../javascripts/kit/matching.js", location.href));
  const data = await (await fetch("bank.json")).json();
  const started = performance.now();
  const level = m.inferLevel(data.matching, data.levels, text).level;
  m.kit(data, m.rank(data, text, level), level, data.matching.default_budget);
  m.uncovered(data, text);
  return performance.now() - started;
}"""


def in_the_page(browser, url: str, text: str) -> dict:
    """Paste `text` into a fresh kit page, then edit it; the page's own times, in milliseconds."""
    # A real paste from the clipboard: one input event. (Typing the text in, or
    # Playwright's fill, inserts it a line at a time, as no reader does.)
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(url + "kit/")
        page.wait_for_function(MOUNTED)
        page.evaluate("(text) => navigator.clipboard.writeText(text)", text)
        page.evaluate(WATCH)
        page.get_by_role("textbox", name="Job description").focus()
        for edit in range(EDITS + 1):
            before = len(page.evaluate(DURATIONS, RANKING))
            page.keyboard.press("ControlOrMeta+V" if edit == 0 else "Backspace")
            page.wait_for_function(MORE, arg=[RANKING, before])
            if edit == 0:
                slices = page.evaluate(DURATIONS, PREPARING)
        rankings = page.evaluate(DURATIONS, RANKING)
        return {"pasted_ms": rankings[0], "edited_ms": statistics.median(rankings[1:]),
                "slices": len(slices), "longest_slice_ms": max(slices)}
    finally:
        context.close()


def at_once(browser, url: str, text: str) -> float:
    page = browser.new_page()
    try:
        page.goto(url + "kit/")
        page.wait_for_function(MOUNTED)
        return page.evaluate(READ_AT_ONCE, text)
    finally:
        page.close()


def measure_matching(source: Path, work: Path) -> dict:
    """Build `source`'s site into `work` and time its kit page's matching, in milliseconds."""
    from playwright.sync_api import sync_playwright

    site = work / "site-matching"
    run_build(Build("A", source, source / "data" / "questions.yaml"), site, work / "build-matching.log")
    fixtures = [path.read_text(encoding="utf-8") for path in sorted(POSTINGS.glob("*.md"))]
    joined = "\n\n".join(fixtures)
    postings = {"long": (joined * (POSTING_CHARACTERS // len(joined) + 1))[:POSTING_CHARACTERS],
                "reference": max(fixtures, key=len)}
    with serve_site(lambda _url: site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        try:
            measured = {name: {"characters": len(text), **in_the_page(browser, url, text),
                               "at_once_ms": at_once(browser, url, text)}
                        for name, text in postings.items()}
        finally:
            browser.close()
    return measured | {"load_average": os.getloadavg()[0]}


def table(results: dict) -> str:
    # The README's own layout (first column left-aligned too), which tests/test_bench_matching.py reads.
    def row(label: str, at: dict) -> str:
        return (f"| {label} | {at['characters']:,} | {at['pasted_ms']:.1f} ms | {at['edited_ms']:.1f} ms "
                f"| {at['longest_slice_ms']:.1f} ms ({at['slices']}) | {at['at_once_ms']:.1f} ms |")

    return "\n".join([
        f"| Posting | Characters | Ranked after a paste | After an edit (median of {EDITS}) "
        "| Longest slice of reading while pasted (slices) | All at once, nothing read before |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        row("The fixtures, repeated to 100 KB", results["matching"]["long"]),
        row("Longest fixture (reference)", results["matching"]["reference"]),
    ]) + f"\n\nTarget: under {TARGET_MS} ms."


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="qbank-matching-") as temporary:
        measured = measure_matching(snapshot(Path(temporary) / "project"), Path(temporary))
    print(table({"matching": measured}) + f" Load average: {measured['load_average']:.1f}.")
