"""How fast the kit page matches a long job description (issue 14: a 100 KB posting in under 50 ms).

The real bank's site is built and its kit page opened in Chromium. Inside the page,
`matching.js` reads a posting as the page does on each pause in typing: the level, the
ranking, the kit and the gaps. The posting is 100 KB of the fixture postings one after
another; the longest single fixture, timed in the same page, is the run's reference. The
first reading of each is cold (nothing compiled, no word stemmed yet); each next reading is
of the posting one word longer, as after an edit, and their median is warm.

    PYTHONPATH=scripts .venv/bin/python -m bench.matching_speed   # on its own, ~1 min
"""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

from local_browser import CHROMIUM, LAUNCH_ARGS, serve_site

from .builds import ROOT, Build, run_build, snapshot

POSTINGS = ROOT / "tests" / "fixtures" / "job-descriptions"
POSTING_CHARACTERS = 100_000
READINGS = 21
TARGET_MS = 50
READ_POSTINGS = """async ({ postings, readings }) => {
  const m = await import(new URL("../javascripts/kit/matching.js", location.href));
  const data = await (await fetch("bank.json")).json();
  const read = (text) => {
    const started = performance.now();
    const level = m.inferLevel(data.matching, data.levels, text).level;
    m.kit(data, m.rank(data, text, level), level, data.matching.default_budget);
    m.uncovered(data, text);
    return performance.now() - started;
  };
  // Each reading one word longer: an edited posting, read afresh.
  return postings.map((text) => Array.from({ length: readings }, (_, number) => read(`${text} ${number}`)));
}"""


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
            page = browser.new_page()
            page.goto(url + "kit/")
            timings = page.evaluate(READ_POSTINGS, {"postings": list(postings.values()), "readings": READINGS})
        finally:
            browser.close()
    return {name: {"characters": len(text), "cold_ms": cold, "warm_ms": statistics.median_high(warm)}
            for (name, text), (cold, *warm) in zip(postings.items(), timings)} | {"load_average": os.getloadavg()[0]}


def table(results: dict) -> str:
    # The README's own layout (first column left-aligned too), which tests/test_bench_matching.py reads.
    rows = [f"| {label} | {at['characters']:,} | {at['cold_ms']:.1f} ms | {at['warm_ms']:.1f} ms |"
            for label, at in (("The fixtures, repeated to 100 KB", results["matching"]["long"]),
                              ("Longest fixture (reference)", results["matching"]["reference"]))]
    return "\n".join(["| Posting | Characters | First reading (cold) | Median of the next 20 (warm) |",
                      "| --- | ---: | ---: | ---: |", *rows]) + f"\n\nTarget: under {TARGET_MS} ms."


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="qbank-matching-") as temporary:
        measured = measure_matching(snapshot(Path(temporary) / "project"), Path(temporary))
    print(table({"matching": measured}) + f" Load average: {measured['load_average']:.1f}.")
