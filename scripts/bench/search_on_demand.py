"""A first search, with the index loaded on demand: what it fetches and how soon it answers.

In Debian's Chromium, on a page of a built site served gzipped on 127.0.0.1,
each load in a fresh browser context (an empty cache, as on a first visit):

1. open the page and let it settle; the search requests made by then
   (Pagefind's files, or Material's search_index.json) must be none;
2. open search with `/` and type the query at once, one key every
   KEY_DELAY_MS, as a brisk typist who knows what to look for;
3. wait for the first result to show, then for the network to fall idle.

- *first_results_ms*: from the keydown of the query's first character to the
  first animation frame after a result entered the list. Pagefind starts
  loading at `/`, so its loading overlaps the typing, as it does for a reader.
- *first_search_bytes*: the bodies of every response from `/` to idle, as
  sent (gzipped where the server gzips; its Content-Length): Pagefind's
  script, worker and WebAssembly, its entry and metadata, the index chunks
  the query needs, and the fragments of the results shown. Playwright does
  not report the sizes of every request a worker makes, so they are read
  from the responses' headers, which the local server always sends.

The page runs under its own Content-Security-Policy: timestamps come from an
init script and are read through the DevTools protocol, which the policy does
not govern, so what is timed is the site as published.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from local_browser import CHROMIUM, LAUNCH_ARGS, serve_site

VIEWPORT = {"width": 1280, "height": 900}  # desktop: the search box is in the header
# A brisk typist: 10 keys a second.
KEY_DELAY_MS = 100
RESULT_TIMEOUT_MS = 30_000
SETTLE_MS = 500

TIMING_SCRIPT = """
(() => {
  const bench = window.__firstSearch = {keys: [], shown: null};
  addEventListener("keydown", (event) => bench.keys.push(performance.now()), true);
  addEventListener("DOMContentLoaded", () => {
    const list = document.querySelector(".md-search-result__list");
    if (!list) return;
    const observer = new MutationObserver(() => {
      if (!list.querySelector(".md-search-result__item")) return;
      observer.disconnect();
      requestAnimationFrame(() => { bench.shown = performance.now(); });
    });
    observer.observe(list, {childList: true});
  });
})();
"""


def is_search_request(url: str) -> bool:
    return "/pagefind/" in url or "search_index" in url


def _body_bytes(request) -> int:
    response = request.response()
    return int(response.headers["content-length"]) if response else 0


def _first_search(browser, url: str, query: str) -> dict:
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    try:
        context.add_init_script(TIMING_SCRIPT)
        page = context.new_page()
        requests: list = []
        page.on("request", lambda request: requests.append(request))
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(SETTLE_MS)
        before_open = [request.url for request in requests if is_search_request(request.url)]
        opened_at = len(requests)
        page.keyboard.press("/")
        page.keyboard.type(query, delay=KEY_DELAY_MS)
        page.wait_for_selector(".md-search-result__item", timeout=RESULT_TIMEOUT_MS)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(SETTLE_MS)
        timing = page.evaluate("({typed: __firstSearch.keys[1], shown: __firstSearch.shown})")  # keys[0] is `/`
        fetched = requests[opened_at:]
        return {
            "search_requests_before_open": before_open,
            "first_results_ms": timing["shown"] - timing["typed"],
            "first_search_bytes": sum(_body_bytes(request) for request in fetched),
            "first_search_requests": len(fetched),
            "results_shown": page.locator(".md-search-result__item").count(),
        }
    finally:
        context.close()


def measure_first_search(site: Path, page: str, queries: list[str], loads: int = 5) -> dict:
    """For each query, `loads` first searches on `page` (a path in `site`, e.g. "questions/gil/"); medians and runs."""
    from playwright.sync_api import sync_playwright

    results = {}
    with serve_site(lambda _url: site) as site_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        try:
            for query in queries:
                runs = [_first_search(browser, site_url + page, query) for _ in range(loads)]
                results[query] = {
                    "first_results_ms": statistics.median(run["first_results_ms"] for run in runs),
                    "first_search_bytes": statistics.median(run["first_search_bytes"] for run in runs),
                    "search_requests_before_open": max(len(run["search_requests_before_open"]) for run in runs),
                    "runs": runs,
                }
        finally:
            browser.close()
    return results
