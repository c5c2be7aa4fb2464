"""Run the scale benchmark of issue #6 and report it.

The project is copied first (see `builds.snapshot`), and every build is of
that copy. For each bank size: write a seeded synthetic bank, capture the same
pages as plain Markdown for plain Material (`bench.baseline`), then build A
(our site: hook, macros, overrides) and B (plain Material) alternately, A B A
B, each in a fresh process. Then weigh both sites, and at one size time search
in Chromium.

    PYTHONPATH=scripts .venv/bin/python -m bench.run           # N = 10 ... 3,000, ~15 min on 2 cores
    PYTHONPATH=scripts .venv/bin/python -m bench.run --quick   # N = 10, 100: the smoke test's run

Prints a Markdown report and writes it, with every measurement, to
bench-results/ (bench.md, bench.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from question_bank.model import Bank

from . import report
from .baseline import write_baseline
from .browser import measure_search
from .builds import ROOT, Build, BuildFailed, BuildRun, run_build, snapshot
from .matching_speed import measure_matching
from .synthetic import SEED, write_bank
from .weight import site_weight

SIZES = (10, 100, 1000, 3000)
QUICK_SIZES = (10, 100)
RUNS = 3
QUICK_RUNS = 1
SEARCH_SIZE = 1000
QUICK_SEARCH_SIZE = 100
# Terms from the synthetic banks' topics: a single word, two words, and ones
# that match a handful of questions or hundreds.
QUERIES = ("decorator", "event loop", "garbage collector", "metaclass", "transaction", "pytest fixture", "memory leak")
QUICK_QUERIES = QUERIES[:3]
PAGE_LOADS = 3
QUICK_PAGE_LOADS = 1
# The question page that is weighed and opened: the fifth, so it has both
# neighbours in the smallest bank, and (see bench.synthetic) the same content at every size.
PAGE_INDEX = 4
RESULTS = ROOT / "bench-results"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="N = 10 and 100, one run each (the smoke test)")
    parser.add_argument("--sizes", type=lambda text: tuple(int(n) for n in text.split(",")),
                        help=f"comma-separated bank sizes, each at least {PAGE_INDEX + 1} (default: {SIZES})")
    parser.add_argument("--runs", type=int, help=f"builds of each site per size (default: {RUNS}; --quick: {QUICK_RUNS})")
    parser.add_argument("--no-browser", action="store_true", help="skip the search timing in Chromium")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for bench.json and bench.md")
    args = parser.parse_args(argv)
    args.sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)
    args.runs = args.runs or (QUICK_RUNS if args.quick else RUNS)
    if min(args.sizes) <= PAGE_INDEX:
        parser.error(f"each size must be at least {PAGE_INDEX + 1}: the page measured is question #{PAGE_INDEX + 1}")
    args.search_size = QUICK_SEARCH_SIZE if args.quick else SEARCH_SIZE
    return args


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure_builds(builds: list[Build], runs: int, work: Path) -> tuple[list[BuildRun], dict[str, Path]]:
    """Build each site `runs` times, alternating, so that a slow spell of the machine hits both."""
    measured: list[BuildRun] = []
    latest: dict[str, Path] = {}
    for number in range(1, runs + 1):
        for build in builds:
            site = work / f"site-{build.name}-{number}"
            result = run_build(build, site, work / f"build-{build.name}-{number}.log")
            measured.append(result)
            if build.name in latest:
                shutil.rmtree(latest[build.name])  # only the last build of each site is weighed
            latest[build.name] = site
            log(f"    run {number}/{runs} {build.name}: {result.wall_seconds:.2f}s wall, "
                f"{result.cpu_seconds:.2f}s CPU, {result.peak_rss_mb:.0f} MB")
    return measured, latest


def summarise(measured: list[BuildRun], name: str, size: int) -> dict:
    mine = [run for run in measured if run.name == name]
    wall = statistics.median(run.wall_seconds for run in mine)
    return {
        "wall_seconds": wall,
        "cpu_seconds": statistics.median(run.cpu_seconds for run in mine),
        "peak_rss_mb": max(run.peak_rss_mb for run in mine),
        "ms_per_question": wall / size * 1000,
    }


def site_builds(source: Path, size: int, folder: Path) -> tuple[Bank, list[Build]]:
    """The synthetic bank of `size` questions in `folder`, and its two builds: A builds the
    project (`source`) from it, B builds the same pages captured as plain Markdown."""
    bank_file = folder / "bank.yaml"
    bank = write_bank(bank_file, size)
    baseline = write_baseline(bank, bank_file, folder / "baseline", source)
    return bank, [Build("A", source, bank_file), Build("B", source, bank_file, baseline)]


def measure_size(size: int, args: argparse.Namespace, source: Path, work: Path) -> tuple[dict, dict | None]:
    folder = work / f"n{size}"
    folder.mkdir()
    bank, builds = site_builds(source, size, folder)
    log(f"N={size}: building A and B, {args.runs} run(s) each")
    measured, sites = measure_builds(builds, args.runs, folder)
    page = f"questions/{bank.questions[PAGE_INDEX].id}/"
    at = {name: summarise(measured, name, size) for name in ("A", "B")}
    at["ratio_wall"] = at["A"]["wall_seconds"] / at["B"]["wall_seconds"]
    at["ratio_cpu"] = at["A"]["cpu_seconds"] / at["B"]["cpu_seconds"]
    at["runs"] = [vars(run) for run in measured]
    at["weight"] = {name: site_weight(site, page) for name, site in sites.items()}
    search = None
    if size == args.search_size and not args.no_browser:
        log(f"N={size}: timing search in Chromium")
        search = {}
        for name, site in sites.items():
            search[name] = measure_search(site, page, list(QUICK_QUERIES if args.quick else QUERIES),
                                          QUICK_PAGE_LOADS if args.quick else PAGE_LOADS)
            search[name]["index_bytes"] = at["weight"][name]["search_index"]["raw"]
            log(f"    {name}: ready {search[name]['ready_ms']:.0f} ms, latency {search[name]['latency_ms']:.0f} ms")
    shutil.rmtree(folder)
    return at, search


def warm_up(source: Path, work: Path) -> None:
    """One untimed build of each site, so the first timed one pays no .pyc compiling or cold disk cache."""
    folder = work / "warm-up"
    folder.mkdir()
    for build in site_builds(source, PAGE_INDEX + 1, folder)[1]:
        run_build(build, folder / f"site-{build.name}", folder / f"{build.name}.log")
    shutil.rmtree(folder)


def _git(*command: str) -> str:
    result = subprocess.run(["git", *command], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else ""


def environment(args: argparse.Namespace) -> dict:
    return {
        # Which code was measured (a snapshot taken at the start): the commit, and
        # whether the tree had uncommitted changes.
        "commit": _git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "seed": SEED,
        "runs": args.runs,
        "sizes": list(args.sizes),
        "quick": args.quick,
        "page_index": PAGE_INDEX,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": {name: version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin",
                                                       "pymdown-extensions", "Markdown", "pydantic")},
        "load_average_start": os.getloadavg(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def run(args: argparse.Namespace) -> dict:
    results: dict = {"meta": environment(args), "sizes": {}, "search": {}}
    if results["meta"]["load_average_start"][0] > (os.cpu_count() or 1):
        log(f"warning: load average {results['meta']['load_average_start'][0]:.1f} on "
            f"{os.cpu_count()} CPUs; wall times will be noisy (CPU times less so)")
    with tempfile.TemporaryDirectory(prefix="qbank-bench-") as temporary:
        work = Path(temporary)
        source = snapshot(work / "project")
        warm_up(source, work)
        for size in sorted(args.sizes):
            at, search = measure_size(size, args, source, work)
            results["sizes"][str(size)] = at
            if search:
                results["search"][str(size)] = search
        if not args.no_browser:
            results["matching"] = measure_matching(source, work)
    sizes = results["sizes"]
    if "1000" in sizes and "3000" in sizes:
        results["growth"] = {
            name + suffix: sizes["3000"][name][key] / sizes["1000"][name][key]
            for name in ("A", "B") for suffix, key in (("", "wall_seconds"), ("_cpu", "cpu_seconds"))
        }
    results["meta"]["load_average_end"] = os.getloadavg()
    results["targets"] = report.targets(results)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        results = run(args)
    except BuildFailed as error:
        log(f"error: {error}")
        return 1
    text = report.markdown(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / "bench.md").write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    log(f"wrote {args.out / 'bench.json'} and {args.out / 'bench.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
