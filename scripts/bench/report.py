"""The issue's targets, checked against the measurements, and the Markdown report.

Pure functions over the results dictionary that `bench.run` writes as JSON.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

# Issue #6's targets.
MAX_BUILD_RATIO = 1.10  # A/B wall time at 1,000 and 3,000 questions
MAX_GROWTH = 3.3  # t(3000) / t(1000) for A: 3x the questions, so at most 10% worse than linear
MAX_PAGE_GROWTH = 1.10  # a question page's HTML at the largest N over the smallest
MAX_EXTRA_PAGE_BYTES = 15 * 1024  # question page + CSS + JS, ours over plain Material's
MAX_SEARCH_LATENCY_MS = 150  # last keystroke to results shown, at 1,000 questions


def _kb(size: int) -> str:
    return f"{size / 1024:,.1f}"


def _sized(weight: dict, key: str) -> str:
    return f"{_kb(weight[key]['raw'])} ({_kb(weight[key]['gzip'])})"


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f}"


def _table(header: list[str], rows: list[list[str]]) -> str:
    # The first column names the row; the others are numbers, right-aligned.
    lines = ["| " + " | ".join(header) + " |", "|:---|" + "|".join("---:" for _ in header[1:]) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def build_table(results: dict) -> str:
    rows = []
    previous = None
    for size, at in results["sizes"].items():
        a, b = at["A"], at["B"]
        marginal = (f"{(a['wall_seconds'] - previous[1]) / (int(size) - previous[0]) * 1000:.1f}"
                    if previous else "")
        previous = (int(size), a["wall_seconds"])
        rows.append([
            size, f"{a['wall_seconds']:.2f}", f"{b['wall_seconds']:.2f}", f"**{at['ratio_wall']:.2f}**",
            f"{a['cpu_seconds']:.2f}", f"{b['cpu_seconds']:.2f}", f"{at['ratio_cpu']:.2f}",
            f"{a['ms_per_question']:.1f}", f"{b['ms_per_question']:.1f}", marginal,
            f"{a['peak_rss_mb']:.0f}", f"{b['peak_rss_mb']:.0f}",
        ])
    return _table(["N", "A wall s", "B wall s", "A/B wall", "A CPU s", "B CPU s", "A/B CPU",
                   "A ms/q", "B ms/q", "A marginal ms/q", "A peak MB", "B peak MB"], rows)


def growth_line(results: dict) -> str:
    growth = results.get("growth")
    if not growth:
        return "Growth t(3000)/t(1000): not measured (both sizes are needed)."
    return (f"Growth t(3000)/t(1000), wall: A {growth['A']:.2f}, B {growth['B']:.2f}; "
            f"CPU: A {growth['A_cpu']:.2f}, B {growth['B_cpu']:.2f}.")


def weight_table(results: dict) -> str:
    rows = []
    for size, at in results["sizes"].items():
        a, b = at["weight"]["A"], at["weight"]["B"]
        extra = a["page_with_assets"]["raw"] - b["page_with_assets"]["raw"]
        extra_gzip = a["page_with_assets"]["gzip"] - b["page_with_assets"]["gzip"]
        rows.append([
            size, _sized(a, "page_html"), _sized(b, "page_html"), _sized(a, "page_css"), _sized(a, "page_js"),
            _sized(a, "page_with_assets"), _sized(b, "page_with_assets"), f"{_kb(extra)} ({_kb(extra_gzip)})",
            _sized(a, "search_index"), _sized(b, "search_index"), _sized(a, "home_html"),
            _mb(a["site_bytes"]), _mb(b["site_bytes"]),
        ])
    return _table(["N", "A page HTML", "B page HTML", "A CSS", "A JS",
                   "A page+assets", "B page+assets", "A−B", "A search index", "B search index",
                   "A home page", "A site MB", "B site MB"], rows)


def search_table(search: dict) -> str:
    rows = []
    for name in ("A", "B"):
        at = search[name]
        per_query = ", ".join(f"{q['query']} {q['latency_ms']:.0f}" for q in at["queries"])
        rows.append([name, f"{at['ready_ms']:.0f}", f"{at['latency_ms']:.0f}", f"{at['worker_ms']:.0f}",
                     f"{at['max_worker_ms']:.0f}", per_query])
    return _table(["site", "ready ms", "latency ms (median)", "worker ms (median)", "worker ms (max)",
                   "latency per query, ms"], rows)


def _check(name: str, value: Callable[[], float], limit: float, unit: str) -> dict:
    try:
        measured = value()
    except KeyError:  # that size or stage was not run (e.g. --quick)
        return {"target": name, "value": None, "limit": limit, "unit": unit, "met": None}
    return {"target": name, "value": round(measured, 3), "limit": limit, "unit": unit, "met": measured <= limit}


def targets(results: dict) -> list[dict]:
    sizes = results["sizes"]
    smallest, largest = min(sizes, key=int), max(sizes, key=int)

    def extra_page_bytes() -> float:
        at = sizes[largest]["weight"]
        return at["A"]["page_with_assets"]["raw"] - at["B"]["page_with_assets"]["raw"]

    def page_growth() -> float:
        return sizes[largest]["weight"]["A"]["page_html"]["raw"] / sizes[smallest]["weight"]["A"]["page_html"]["raw"]

    # Wall time is what the issue asks for; CPU time is shown beside it because
    # other work on a busy machine inflates wall time but hardly CPU time.
    return [
        _check("Build A/B at N=1000 (wall)", lambda: sizes["1000"]["ratio_wall"], MAX_BUILD_RATIO, "x"),
        _check("Build A/B at N=1000 (CPU)", lambda: sizes["1000"]["ratio_cpu"], MAX_BUILD_RATIO, "x"),
        _check("Build A/B at N=3000 (wall)", lambda: sizes["3000"]["ratio_wall"], MAX_BUILD_RATIO, "x"),
        _check("Build A/B at N=3000 (CPU)", lambda: sizes["3000"]["ratio_cpu"], MAX_BUILD_RATIO, "x"),
        _check("Build growth t(3000)/t(1000), A (wall)", lambda: results["growth"]["A"], MAX_GROWTH, "x"),
        _check("Build growth t(3000)/t(1000), A (CPU)", lambda: results["growth"]["A_cpu"], MAX_GROWTH, "x"),
        _check(f"Question page HTML, N={largest} over N={smallest}", page_growth, MAX_PAGE_GROWTH, "x"),
        _check(f"Question page + CSS/JS, A minus B, at N={largest}", extra_page_bytes, MAX_EXTRA_PAGE_BYTES, "bytes"),
        _check("Search latency at N=1000, A (median)", lambda: results["search"]["1000"]["A"]["latency_ms"],
               MAX_SEARCH_LATENCY_MS, "ms"),
    ]


# How each unit's numbers are shown.
_FORMATS = {"x": "{:.2f}", "bytes": "{:,.0f}", "ms": "{:.0f}"}


def targets_table(checks: list[dict]) -> str:
    verdicts = {True: "met", False: "**missed**", None: "not measured"}
    rows = []
    for check in checks:
        shown = _FORMATS[check["unit"]]
        value = "" if check["value"] is None else shown.format(check["value"])
        rows.append([check["target"], value, "≤ " + shown.format(check["limit"]), check["unit"], verdicts[check["met"]]])
    return _table(["target", "value", "limit", "unit", "verdict"], rows)


def markdown(results: dict) -> str:
    meta = results["meta"]
    parts = [
        f"## Scale benchmark: A (our site) against B (plain Material)\n\n"
        f"{meta['runs']} interleaved run(s) per site and size, medians; seed {meta['seed']}; "
        f"{meta['cpus']} CPU(s); load average {meta['load_average_start'][0]:.1f} at start, "
        f"{meta['load_average_end'][0]:.1f} at end; mkdocs {meta['versions']['mkdocs']}, "
        f"mkdocs-material {meta['versions']['mkdocs-material']}.",
        "### Build\n\n" + build_table(results) + "\n\n" + growth_line(results),
        "### Weight\n\nKB raw (gzip). Page: question #{} `{}`; page+assets adds its CSS, JS and "
        "Material's search worker script, not the search index.\n\n".format(
            meta["page_index"] + 1, next(iter(results["sizes"].values()))["weight"]["A"]["page"])
        + weight_table(results),
    ]
    for size, search in results.get("search", {}).items():
        parts.append(
            f"### Search in Chromium at N={size} (index: A {_kb(search['A']['index_bytes'])} KB, "
            f"B {_kb(search['B']['index_bytes'])} KB)\n\n" + search_table(search))
    parts.append("### Targets\n\n" + targets_table(results["targets"]))
    return "\n\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.report bench-results/bench.json`: print the report of an earlier run again."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m bench.report BENCH.json", file=sys.stderr)
        return 2
    results = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    results["targets"] = targets(results)
    sys.stdout.write(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
