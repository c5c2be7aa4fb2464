"""Lighthouse's four scores (its default mobile preset, simulated throttling) on
the home page, a question page and the kit page, served gzipped.

Lighthouse is the npm package pinned in package.json here, installed by `make
bench` (scripts/install-lighthouse) into .venv/lighthouse; it drives Debian's
Chromium (CHROME_PATH). A score moves by a point or two from run to run, most
with the machine's load, so each page is measured `runs` times and the run
with the median performance score is kept, as Lighthouse's documentation advises.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from pathlib import Path

from local_browser import CHROMIUM, LAUNCH_ARGS

from .builds import ROOT
from .tables import markdown_table

LIGHTHOUSE = ROOT / ".venv" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT",
           "cumulative-layout-shift": "CLS"}
TIMEOUT_SECONDS = 300


def lighthouse_run(url: str) -> dict:
    """One Lighthouse run of `url`: its scores (0-100), metrics and the host's benchmark index."""
    if not LIGHTHOUSE.exists():
        raise FileNotFoundError(f"{LIGHTHOUSE} is missing: run `make bench`, which installs it")
    completed = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(['--headless=new', *LAUNCH_ARGS])}"],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    if completed.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{completed.stderr[-2000:]}")
    report = json.loads(completed.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse could not load {url}: {report['runtimeError']}")
    return {"scores": {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
            "metrics": {name: report["audits"][name]["numericValue"] for name in METRICS},
            "benchmark_index": report["environment"]["benchmarkIndex"]}


def measure(url: str, pages: dict[str, str], runs: int) -> dict:
    """The median run of each page (by performance score), with every run's scores kept."""
    measured = {}
    for label, page in pages.items():
        every = sorted((lighthouse_run(url + page) for _ in range(runs)), key=lambda run: run["scores"]["performance"])
        measured[label] = {**every[len(every) // 2], "page": page,
                           "performance_runs": [run["scores"]["performance"] for run in every],
                           "benchmark_index": statistics.median(run["benchmark_index"] for run in every)}
    return measured


def table(results: dict) -> str:
    rows = []
    for name, pages in results["lighthouse"].items():
        for label, at in pages.items():
            metrics = at["metrics"]
            rows.append([f"{name}: {label}", *(f"**{at['scores'][category]}**" for category in CATEGORIES),
                         ", ".join(map(str, at["performance_runs"])),
                         f"{metrics['first-contentful-paint'] / 1000:.1f} s",
                         f"{metrics['largest-contentful-paint'] / 1000:.1f} s",
                         f"{metrics['total-blocking-time']:.0f} ms", f"{metrics['cumulative-layout-shift']:.2f}"])
    return markdown_table(["Page", "Performance", "Accessibility", "Best practices", "SEO", "performance, each run",
                           "FCP", "LCP", "TBT", "CLS"], rows)
