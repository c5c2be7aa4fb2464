"""Lighthouse's four scores (its default mobile preset, simulated throttling) on the home
page, a question page and the kit page, served gzipped.

Lighthouse is the npm package pinned in package.json here, which `make bench` installs
(scripts/install-lighthouse) into .venv/lighthouse; it drives Debian's Chromium. A score
moves by a point or two from run to run, most with the machine's load, so each page is
measured `runs` times and the run with the median performance score is kept, as
Lighthouse's documentation advises.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess

from local_browser import CHROMIUM, LAUNCH_ARGS

from . import markdown_table
from .builds import ROOT

LIGHTHOUSE = ROOT / ".venv" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")


def lighthouse_run(url: str) -> dict:
    """One run on `url`: its scores (0-100), metrics and the host's benchmark index."""
    completed = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(['--headless=new', *LAUNCH_ARGS])}"],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, capture_output=True, text=True, timeout=300)
    report = json.loads(completed.stdout) if completed.returncode == 0 else {"runtimeError": completed.stderr[-2000:]}
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse failed on {url}: {report['runtimeError']}")
    return {"scores": {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
            "metrics": {name: report["audits"][name]["numericValue"] for name in METRICS},
            "benchmark_index": report["environment"]["benchmarkIndex"], "load_average": os.getloadavg()[0]}


def measure(url: str, pages: dict[str, str], runs: int) -> dict:
    """The median run of each page (by performance score), with every run's score and load kept."""
    measured = {}
    for label, page in pages.items():
        every = sorted((lighthouse_run(url + page) for _ in range(runs)), key=lambda run: run["scores"]["performance"])
        measured[label] = {**every[len(every) // 2], "page": page,
                           "performance_runs": [run["scores"]["performance"] for run in every],
                           "load_averages": [run["load_average"] for run in every],
                           "benchmark_index": statistics.median(run["benchmark_index"] for run in every)}
    return measured


def table(results: dict) -> str:
    rows = [[f"{name}: {label}", *(f"**{at['scores'][category]}**" for category in CATEGORIES),
             ", ".join(map(str, at["performance_runs"])),
             *(f"{at['metrics'][metric] / 1000:.1f} s" for metric in METRICS[:2]),
             f"{at['metrics']['total-blocking-time']:.0f} ms", f"{at['metrics']['cumulative-layout-shift']:.2f}"]
            for name, pages in results["lighthouse"].items() for label, at in pages.items()]
    return markdown_table(["Page", "Performance", "Accessibility", "Best practices", "SEO", "performance, each run",
                           "FCP", "LCP", "TBT", "CLS"], rows)
