"""A reader's first search, as a reader does it: open the page, press `/`, type a term
key by key, and wait for the first result. Only Material's search UI is assumed
(its input and result items), not the engine behind it, so this keeps measuring
whatever answers the query: Material's own lunr index or another.

Time to first result runs from the first key typed to the first frame painted
with a result listed; bytes are all that the search fetched, from `/` to that
result. Each term is searched on a fresh visit: a first search, cold cache.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from .browser import site_browser
from .tables import kb, markdown_table

SEARCH_INPUT = "input.md-search__input"
RESULT = ".md-search-result__item"
KEY_DELAY_MS = 100  # a brisk typist: 10 keys a second
RESULT_TIMEOUT_MS = 60_000
# After the first result, what the search still fetches to finish the list counts too.
SETTLE_MS = 500

# Runs in the page before its own scripts: the first key typed into the search
# box, and the first frame painted once a result is listed.
TIMING_SCRIPT = """
(() => {
  const bench = window.__searchBench = {firstKey: null, firstResult: null};
  addEventListener("keydown", (event) => {
    if (bench.firstKey === null && event.target.matches?.("%(input)s")) bench.firstKey = event.timeStamp;
  }, true);
  addEventListener("DOMContentLoaded", () => {
    new MutationObserver(() => {
      if (bench.firstKey === null || bench.firstResult !== null || !document.querySelector("%(result)s")) return;
      bench.firstResult = -1;
      requestAnimationFrame(() => { bench.firstResult = performance.now(); });
    }).observe(document.body, {childList: true, subtree: true});
  });
})();
""" % {"input": SEARCH_INPUT, "result": RESULT}


def first_search(visit, page: str, term: str) -> dict:
    opened = visit(page, TIMING_SCRIPT)
    before = len(opened.requests)
    opened.page.keyboard.press("/")
    opened.page.locator(SEARCH_INPUT).wait_for(state="visible")
    opened.page.keyboard.type(term, delay=KEY_DELAY_MS)
    opened.page.locator(RESULT).first.wait_for(timeout=RESULT_TIMEOUT_MS)
    opened.page.wait_for_timeout(SETTLE_MS)
    timing = opened.page.evaluate("window.__searchBench")
    return {"term": term, "first_result_ms": timing["firstResult"] - timing["firstKey"],
            "bytes": sum(opened.bytes_since(before).values()), "results": opened.page.locator(RESULT).count()}


def measure(site: Path, page: str, terms: list[str]) -> dict:
    with site_browser(site) as (_url, visit):
        searches = [first_search(visit, page, term) for term in terms]
    return {"searches": searches,
            "first_result_ms": statistics.median(search["first_result_ms"] for search in searches),
            "bytes": statistics.median(search["bytes"] for search in searches)}


def table(results: dict) -> str:
    rows = []
    for size, at in results["search"].items():
        for name in ("A", "B"):
            terms = ", ".join(f"{s['term']} {s['first_result_ms']:.0f}" for s in at[name]["searches"])
            rows.append([f"{name} at {int(size):,}", f"**{at[name]['first_result_ms']:.0f} ms**",
                         kb(at[name]["bytes"]), terms])
    return markdown_table(["Site", "first result (median)", "fetched by the search (median)",
                           "first result per term, ms"], rows)
