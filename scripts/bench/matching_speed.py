"""How fast the kit page matches a long job description (issue 14: a 100 KB posting in under 50 ms).

The real bank's site is built and its kit page opened in Chromium, as a reader finds it: loaded,
its app mounted. Then, as a reader does, a posting is pasted into the job-description field
from the clipboard, and edited: its last character deleted, several times. The page reads the
posting ahead in slices while the reader pastes or types, and ranks it once typing has paused
and the reading ahead has ended; it records each ranking (with the drawing of its results) and
each slice of reading ahead (`RANKING`, `READING_AHEAD` in kit-suggest.js), and those records
are the page's times. Between the paste and the suggestions, the page's own tasks are those
slices and the ranking. (The browser's own handling of the paste is not counted: it takes as
long in a bare textarea.)

For comparison, the whole reading (level, ranking, kit, gaps; no drawing) is also timed in one
go in a fresh page, with nothing read before, by calling `matching.js` directly: what the
ranking would cost without reading ahead.

The posting is 100 KB of the fixture postings one after another; the longest single fixture is
the run's reference. Each is timed on this machine's CPU and on one made 4 times slower, as
Lighthouse assumes for a phone.

    PYTHONPATH=scripts .venv/bin/python -m bench.matching_speed   # on its own, ~1 min
"""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

from local_browser import CHROMIUM, LAUNCH_ARGS, WATCH_MEASURES, kit_record, paste, serve_site

from .builds import ROOT, Build, run_build, snapshot

POSTINGS = ROOT / "tests" / "fixtures" / "job-descriptions"
POSTING_CHARACTERS = 100_000
EDITS = 7
TARGET_MS = 50
# This machine's CPU, and 4 times slower: Chromium's CPU throttling at the
# slowdown Lighthouse assumes for a mid-range phone.
SLOWDOWNS = (1, 4)
RANKING, READING_AHEAD = kit_record("RANKING"), kit_record("READING_AHEAD")
# Functions, not expressions: the site's policy forbids the eval a string expression needs.
MOUNTED = "() => document.querySelector('[data-part=app]')?.hidden === false"
DURATIONS = "(name) => window.measured.filter((entry) => entry.name === name).map((entry) => entry.duration)"
MORE = "([name, count]) => window.measured.filter((entry) => entry.name === name).length > count"
READ_IN_ONE_GO = """async (text) => {
  const m = await import(new URL("../javascripts/kit/matching.js", location.href));
  const data = await (await fetch("bank.json")).json();
  const started = performance.now();
  const level = m.inferLevel(data.matching, data.levels, text).level;
  m.kit(data, m.rank(data, text, level), level, data.matching.default_budget);
  m.uncovered(data, text);
  return performance.now() - started;
}"""


def opened(context, url: str, slowdown: int):
    """The kit page in a new tab of `context`, its app mounted, its CPU `slowdown` times slower."""
    page = context.new_page()
    if slowdown > 1:
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
    page.goto(url + "kit/")
    page.wait_for_function(MOUNTED)
    return page


def in_the_page(browser, url: str, text: str, slowdown: int) -> dict:
    """Paste `text` into a fresh kit page, then edit it; the page's own times, in milliseconds."""
    context = browser.new_context()
    try:
        page = opened(context, url, slowdown)
        page.evaluate(WATCH_MEASURES)
        page.get_by_role("textbox", name="Job description").focus()
        for edit in range(EDITS + 1):
            before = len(page.evaluate(DURATIONS, RANKING))
            if edit == 0:
                paste(page, text)
            else:
                page.keyboard.press("Backspace")
            page.wait_for_function(MORE, arg=[RANKING, before])
            if edit == 0:
                slices = page.evaluate(DURATIONS, READING_AHEAD)
        rankings = page.evaluate(DURATIONS, RANKING)
        return {"pasted_ms": rankings[0], "edited_ms": statistics.median(rankings[1:]),
                "slices": len(slices), "longest_slice_ms": max(slices)}
    finally:
        context.close()


def in_one_go(browser, url: str, text: str, slowdown: int) -> float:
    context = browser.new_context()
    try:
        return opened(context, url, slowdown).evaluate(READ_IN_ONE_GO, text)
    finally:
        context.close()


def measure_matching(source: Path, work: Path) -> dict:
    """Build `source`'s site into `work` and time its kit page's matching, in milliseconds."""
    from playwright.sync_api import sync_playwright

    site = work / "site-matching"
    run_build(Build("A", source, source / "data" / "questions.yaml"), site, work / "build-matching.log")
    fixtures = [path.read_text(encoding="utf-8") for path in sorted(POSTINGS.glob("*.md"))]
    joined = "\n\n".join(fixtures)
    postings = {"The fixtures, repeated to 100 KB": (joined * (POSTING_CHARACTERS // len(joined) + 1))[:POSTING_CHARACTERS],
                "Longest fixture (reference)": max(fixtures, key=len)}
    with serve_site(lambda _url: site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        try:
            rows = [{"posting": name, "slowdown": slowdown, "characters": len(text),
                     **in_the_page(browser, url, text, slowdown), "one_go_ms": in_one_go(browser, url, text, slowdown)}
                    for slowdown in SLOWDOWNS for name, text in postings.items()]
        finally:
            browser.close()
    return {"rows": rows, "load_average": os.getloadavg()[0]}


def table(results: dict) -> str:
    # The README's own layout (first column left-aligned too), which tests/test_bench_matching.py reads.
    def row(at: dict) -> str:
        return (f"| {at['posting']} | {at['slowdown']}× | {at['characters']:,} | {at['pasted_ms']:.1f} ms "
                f"| {at['edited_ms']:.1f} ms | {at['longest_slice_ms']:.1f} ms ({at['slices']}) | {at['one_go_ms']:.1f} ms |")

    return "\n".join([
        f"| Posting | CPU slowdown | Characters | Ranking after a paste | After an edit (median of {EDITS}) "
        "| Longest slice of reading ahead (slices) | Whole reading in one go, nothing read ahead |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        *map(row, results["matching"]["rows"]),
    ]) + f"\n\nTarget: under {TARGET_MS} ms."


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="qbank-matching-") as temporary:
        measured = measure_matching(snapshot(Path(temporary) / "project"), Path(temporary))
    print(table({"matching": measured}) + f" Load average: {measured['load_average']:.1f}.")
