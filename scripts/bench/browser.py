"""Search speed in the browser: Debian's Chromium, driven by Playwright, on 127.0.0.1 (served gzipped).

Material's search runs in a web worker. The page fetches search_index.json,
posts it to the worker (message type 0, SETUP); the worker builds its lunr
index and answers READY (1). Each keyup then posts the input's value as a
QUERY (2), and the worker answers with a RESULT (3), which the page renders.
Queries are only sent once the worker is READY.

An init script, run before Material's own scripts, wraps `Worker` to time
every message both ways, and watches the result list for DOM changes:

- *search ready*: the READY message, in ms since navigation start, on a fresh
  browser context (cold cache) each time;
- *query latency*: from the keyup of the last character typed to the first
  animation frame after the result list changed for the final query's
  result. Every keystroke sends a query and the worker answers them in order,
  so typing fast can queue queries behind each other; that is part of what a
  user waits for, and is reported apart (`queued_ms`) from the worker's own
  time for the final query (`worker_ms`) and the rendering (`render_ms`).
"""

from __future__ import annotations

import statistics
from pathlib import Path

from local_browser import CHROMIUM, LAUNCH_ARGS, serve_site

VIEWPORT = {"width": 1280, "height": 900}  # desktop: the search box is in the header
SEARCH_INPUT = "input.md-search__input"
# A brisk typist: 10 keys a second. Each key is released as soon as it is
# pressed; Material searches on keyup, so a real key's hold time (~80 ms)
# would come on top of every latency measured here.
KEY_DELAY_MS = 100
READY_TIMEOUT_MS = 180_000
RESULT_TIMEOUT_MS = 60_000

TIMING_SCRIPT = """
(() => {
  const bench = window.__bench = {ready: null, setup: null, queries: [], results: [], changes: [], keys: []};
  bench.reset = () => { bench.queries = []; bench.results = []; bench.changes = []; bench.keys = []; };
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      // Registered before Material's own listener, so it sees each message first.
      this.addEventListener("message", ({data}) => {
        const at = performance.now();
        if (data && data.type === 1) bench.ready = at;
        if (data && data.type === 3) bench.results.push({at, items: data.data.items.length});
      });
    }
    postMessage(message, ...rest) {
      const at = performance.now();
      if (message && message.type === 0) bench.setup = at;
      if (message && message.type === 2) bench.queries.push({at, query: message.data});
      return super.postMessage(message, ...rest);
    }
  };
  addEventListener("keyup", (event) => bench.keys.push(event.timeStamp), true);
  addEventListener("DOMContentLoaded", () => {
    const results = document.querySelector(".md-search-result");
    if (!results) return;
    new MutationObserver(() => {
      const change = {at: performance.now(), painted: null};
      bench.changes.push(change);
      requestAnimationFrame(() => { change.painted = performance.now(); });
    }).observe(results, {childList: true, subtree: true, characterData: true});
  });
})();
"""

# Done when the final query has its answer and the list changed after it, or
# (no change: the same results again) a moment has passed with nothing more.
SETTLED = """(query) => {
  const b = window.__bench;
  const last = b.queries[b.queries.length - 1];
  if (!last || last.query !== query || b.results.length < b.queries.length) return false;
  const answered = b.results[b.queries.length - 1].at;
  return b.changes.some(c => c.at >= answered && c.painted !== null) || performance.now() - answered > 1000;
}"""


def _open(browser, url: str):
    # A fresh context per load: empty HTTP cache, as on a first visit.
    # The probes below use wait_for_function, which evaluates strings in the
    # page: the site's Content-Security-Policy rightly forbids that, and the
    # benchmark times search, not the policy.
    context = browser.new_context(viewport=VIEWPORT, service_workers="block", bypass_csp=True)
    context.add_init_script(TIMING_SCRIPT)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("window.__bench.ready !== null", timeout=READY_TIMEOUT_MS)
    return context, page


def _load_timings(page) -> dict:
    return page.evaluate("""() => {
      const b = window.__bench;
      const index = performance.getEntriesByType("resource").find(e => e.name.includes("search_index.json"));
      return {ready_ms: b.ready, index_loaded_ms: index ? index.responseEnd : null,
              setup_posted_ms: b.setup, worker_build_ms: b.ready - b.setup};
    }""")


def _query_timing(page, query: str) -> dict:
    page.fill(SEARCH_INPUT, "")  # no keyup: Material sends nothing for this
    page.wait_for_timeout(300)
    page.evaluate("window.__bench.reset()")
    for key in query:
        page.keyboard.press(key)  # down and up at once: see KEY_DELAY_MS
        page.wait_for_timeout(KEY_DELAY_MS)
    page.wait_for_function(SETTLED, arg=query, timeout=RESULT_TIMEOUT_MS)
    b = page.evaluate("({keys: __bench.keys, queries: __bench.queries, results: __bench.results, changes: __bench.changes})")
    last_key = b["keys"][-1]
    final = len(b["queries"]) - 1
    sent, answered = b["queries"][final]["at"], b["results"][final]["at"]
    shown = next((c for c in b["changes"] if c["at"] >= answered and c["painted"] is not None), None)
    painted = shown["painted"] if shown else answered
    return {
        "query": query,
        "latency_ms": painted - last_key,
        "queued_ms": sent - last_key,
        "worker_ms": answered - sent,
        "render_ms": painted - answered,
        "queries_sent": len(b["queries"]),
        "results": b["results"][final]["items"],
        "list_changed": shown is not None,
    }


def measure_search(site: Path, page: str, queries: list[str], loads: int) -> dict:
    """Open `page` of `site` `loads` times for readiness, then time each query on the last one."""
    from playwright.sync_api import sync_playwright

    with serve_site(lambda _url: site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        try:
            load_timings = []
            for number in range(loads):
                context, tab = _open(browser, url + page)
                load_timings.append(_load_timings(tab))
                if number < loads - 1:
                    context.close()
            tab.click(SEARCH_INPUT)
            timings = [_query_timing(tab, query) for query in queries]
            context.close()
        finally:
            browser.close()
    return {
        "page": page,
        "loads": load_timings,
        "ready_ms": statistics.median(load["ready_ms"] for load in load_timings),
        "queries": timings,
        "latency_ms": statistics.median(timing["latency_ms"] for timing in timings),
        "worker_ms": statistics.median(timing["worker_ms"] for timing in timings),
        "max_worker_ms": max(timing["worker_ms"] for timing in timings),
    }
