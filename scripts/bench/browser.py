"""A first visit and a first search on a phone: Debian's Chromium, driven by Playwright, on a
built site served gzipped (as GitHub Pages serves it).

Every visit is a fresh browser context: an empty cache, as on a first visit from a job
posting. Bytes are what crossed the wire: response bodies as sent (gzipped where the server
gzips), from the page and its workers alike.

A first search is done as a reader does it: press `/`, type a term key by key, wait for the
first result. Only Material's search box and result items are assumed, not the engine behind
them. Time runs from the first key typed to the first frame painted with a result listed;
bytes are all that the search fetched, from `/` to the end of that list.
"""

from __future__ import annotations

import contextlib
import statistics
from collections.abc import Iterator
from pathlib import Path

from local_browser import CHROMIUM, LAUNCH_ARGS, serve_site

from . import kb, markdown_table

# A phone, as most readers arrive: the search box is then behind an icon, which `/` opens.
PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True}
SETTLE_MS = 1000  # what a page fetches once loaded, before anyone touches it, counts too
KINDS = {"document": "html", "stylesheet": "css", "script": "js"}
SEARCH_INPUT = "input.md-search__input"
RESULT = ".md-search-result__item"
KEY_DELAY_MS = 100  # a brisk typist: 10 keys a second
SEARCH_SETTLE_MS = 500  # after the first result, what the search fetches to finish the list
# Runs in the page before its own scripts: the first key typed into the search box, and the
# first frame painted once a result is listed.
TIMING_SCRIPT = """(() => {
  const bench = window.__searchBench = {firstKey: null, firstResult: null};
  addEventListener("keydown", (event) => {
    if (bench.firstKey === null && event.target.matches?.("%(input)s")) bench.firstKey = event.timeStamp;
  }, true);
  new MutationObserver(() => {
    if (bench.firstKey === null || bench.firstResult !== null || !document.querySelector("%(result)s")) return;
    bench.firstResult = -1;
    requestAnimationFrame(() => { bench.firstResult = performance.now(); });
  }).observe(document, {childList: true, subtree: true});
})();""" % {"input": SEARCH_INPUT, "result": RESULT}


def received(requests: list) -> dict[str, int]:
    """Bytes received per kind (html, css, js, other)."""
    kinds = dict.fromkeys(("html", "css", "js", "other"), 0)
    for request in requests:
        if not request.url.startswith("data:"):
            kinds[KINDS.get(request.resource_type, "other")] += max(request.sizes()["responseBodySize"], 0)
    return kinds


@contextlib.contextmanager
def site_browser(site: Path) -> Iterator[callable]:
    """Serve `site` and yield `visit(path)`, which opens it in a fresh context and returns
    the page and its list of requests once it has fetched all it fetches unprompted."""
    from playwright.sync_api import sync_playwright

    with serve_site(lambda _url: site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)

        def visit(path: str):
            for context in browser.contexts:  # one page open at a time
                context.close()
            context = browser.new_context(**PHONE, service_workers="block")
            context.add_init_script(TIMING_SCRIPT)
            requests: list = []
            context.on("requestfinished", lambda request: requests.append(request))
            page = context.new_page()
            page.goto(url + path, wait_until="networkidle")
            page.wait_for_timeout(SETTLE_MS)
            return page, requests

        try:
            yield visit
        finally:
            browser.close()


def first_visit(site: Path, path: str) -> dict:
    with site_browser(site) as visit:
        _, requests = visit(path)
        kinds = received(requests)
        return {**kinds, "total": sum(kinds.values()), "requests": len(requests)}


def first_search(visit, path: str, term: str) -> dict:
    page, requests = visit(path)
    before = len(requests)
    page.keyboard.press("/")
    page.locator(SEARCH_INPUT).wait_for(state="visible")
    page.keyboard.type(term, delay=KEY_DELAY_MS)
    page.locator(RESULT).first.wait_for(timeout=60_000)
    page.wait_for_timeout(SEARCH_SETTLE_MS)
    timing = page.evaluate("window.__searchBench")
    return {"term": term, "first_result_ms": timing["firstResult"] - timing["firstKey"],
            "bytes": sum(received(requests[before:]).values()), "results": page.locator(RESULT).count()}


def searches(site: Path, path: str, terms: list[str]) -> dict:
    """Each term searched on a fresh visit: a first search, cold cache."""
    with site_browser(site) as visit:
        done = [first_search(visit, path, term) for term in terms]
    return {"searches": done, "first_result_ms": statistics.median(search["first_result_ms"] for search in done),
            "bytes": statistics.median(search["bytes"] for search in done)}


def first_visit_table(results: dict) -> str:
    sizes = results["first_visit"]
    smallest = sizes[min(sizes, key=int)]["A"]["total"]
    rows = [[f"{int(size):,}", *(kb(at["A"][kind]) for kind in ("html", "css", "js", "other")),
             f"**{kb(at['A']['total'])}**", f"{at['A']['total'] / smallest:.2f}", str(at["A"]["requests"]),
             kb(at["B"]["total"]), f"{at['A']['total'] / at['B']['total']:.2f}"]
            for size, at in sizes.items()]
    return markdown_table(["Questions", "A HTML", "A CSS", "A JS", "A other", "A total", "A vs smallest N",
                           "A requests", "B total", "A/B"], rows)


def search_table(results: dict) -> str:
    rows = [[f"{name} at {int(size):,}", f"**{at[name]['first_result_ms']:.0f} ms**", kb(at[name]["bytes"]),
             ", ".join(f"{s['term']} {s['first_result_ms']:.0f}" for s in at[name]["searches"])]
            for size, at in results["search"].items() for name in ("A", "B")]
    return markdown_table(["Site", "first result (median)", "fetched by the search (median)",
                           "first result per term, ms"], rows)
