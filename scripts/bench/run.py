"""Run the benchmark and write the README's tables: A (this site) against B (plain Material).

The project is copied first (`builds.snapshot`) and every build is of that
copy. Banks are the real bank's questions replicated under new ids
(`bench.scale`); B is the same pages captured as plain Markdown
(`bench.baseline`). Each table is one measurement module with a `measure`
and a `table`:

- builds: A and B built alternately, A B A B, in fresh processes (medians);
- first_visit: what a first visit to a question page downloads, at each size;
- search: a first search typed into the page, at one size;
- lighthouse: the four scores of three pages, on the real bank.

    make bench                     # N = 10 ... 3,000, Lighthouse and search; ~30 min on 2 cores
    make bench ARGS=--quick        # N = 10 and 100, one build each: the smoke test's run

Prints the report and writes it, with every measurement, to bench-results/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from local_browser import serve_site

from . import builds, first_visit, lighthouse, search
from .baseline import write_baseline
from .builds import ROOT, Build, BuildFailed, run_build, snapshot
from .matching_speed import measure_matching
from .scale import write_bank

SIZES = (10, 100, 1000, 3000)
QUICK_SIZES = (10, 100)
RUNS = 3
SEARCH_SIZE = 1000
QUICK_SEARCH_SIZE = 100
LIGHTHOUSE_RUNS = 3
# The question page measured: the fifth of the real bank, so it has the same
# content and both neighbours at every size.
PAGE_INDEX = 4
# Searched for: the first keyword of each of the first five real questions.
SEARCHED_QUESTIONS = 5
RESULTS = ROOT / "bench-results"
SECTIONS = {
    "builds": ("Build time", builds.table),
    "first_visit": ("First visit to a question page (bytes received, gzipped)", first_visit.table),
    "search": ("First search, typed on a phone", search.table),
    "lighthouse": ("Lighthouse (mobile, served gzipped; median of the runs)", lighthouse.table),
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="N = 10 and 100, one run of each")
    parser.add_argument("--sizes", type=lambda text: tuple(int(n) for n in text.split(",")),
                        help=f"comma-separated bank sizes, each over {PAGE_INDEX} (default: {SIZES})")
    parser.add_argument("--runs", type=int, help=f"builds of each site per size (default: {RUNS}; --quick: 1)")
    parser.add_argument("--no-browser", action="store_true", help="only builds: no first visit, search or Lighthouse")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for bench.json and bench.md")
    args = parser.parse_args(argv)
    args.sizes = tuple(sorted(args.sizes or (QUICK_SIZES if args.quick else SIZES)))
    args.runs = args.runs or (1 if args.quick else RUNS)
    args.lighthouse_runs = 1 if args.quick else LIGHTHOUSE_RUNS
    if args.sizes[0] <= PAGE_INDEX:
        parser.error(f"each size must be over {PAGE_INDEX}: the page measured is question #{PAGE_INDEX + 1}")
    args.search_size = QUICK_SEARCH_SIZE if args.quick else SEARCH_SIZE
    return args


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def site_builds(source: Path, size: int | None, folder: Path) -> tuple[dict, list[Build]]:
    """The bank of `size` questions (None: the real bank) in `folder`, and its two builds: A builds the
    project (`source`) from it, B builds the same pages captured as plain Markdown."""
    folder.mkdir()
    bank = write_bank(folder / "bank.yaml", size, source / "data" / "questions.yaml")
    baseline = write_baseline(bank, folder / "bank.yaml", folder / "baseline", source)
    return bank, [Build("A", source, folder / "bank.yaml"), Build("B", source, folder / "bank.yaml", baseline)]


def question_page(bank: dict) -> str:
    return f"questions/{bank['questions'][PAGE_INDEX]['id']}/"


def measure_size(size: int, args: argparse.Namespace, source: Path, work: Path, results: dict) -> None:
    bank, both = site_builds(source, size, work / f"n{size}")
    log(f"N={size}: building A and B, {args.runs} time(s) each")
    results["builds"][str(size)], sites = builds.measure(both, args.runs, work / f"n{size}")
    if not args.no_browser:
        log(f"N={size}: first visit")
        results["first_visit"][str(size)] = {name: first_visit.measure(site, question_page(bank))
                                             for name, site in sites.items()}
    if size == args.search_size and not args.no_browser:
        log(f"N={size}: first search")
        terms = [question["keywords"][0] for question in bank["questions"][:SEARCHED_QUESTIONS]]
        results["search"][str(size)] = {name: search.measure(site, question_page(bank), terms)
                                        for name, site in sites.items()}
    shutil.rmtree(work / f"n{size}")


def measure_real_bank(args: argparse.Namespace, source: Path, work: Path, results: dict) -> None:
    """Build A and B of the real bank, untimed (the warm-up: .pyc files, disk cache),
    and run Lighthouse on each, served at the address it was built for."""
    bank, both = site_builds(source, None, work / "real")
    pages = {"home": "", "question": question_page(bank), "kit": "kit/"}
    for build in both:
        def build_for(url: str, build: Build = build) -> Path:
            run_build(build, work / "real" / f"site-{build.name}", work / "real" / f"{build.name}.log", url)
            return work / "real" / f"site-{build.name}"

        with serve_site(build_for) as url:
            if not (args.no_browser or args.no_lighthouse):
                log(f"Lighthouse on {build.name}, {args.lighthouse_runs} run(s) per page")
                results["lighthouse"][build.name] = lighthouse.measure(url, pages, args.lighthouse_runs)


def environment(args: argparse.Namespace) -> dict:
    def git(*command: str) -> str:
        return subprocess.run(["git", *command], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    return {
        "commit": git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(git("status", "--porcelain", "--untracked-files=no")),
        "command": "make bench" + (f" ARGS='{' '.join(sys.argv[1:])}'" if sys.argv[1:] else ""),
        "runs": args.runs, "sizes": list(args.sizes), "cpus": os.cpu_count(), "python": platform.python_version(),
        "versions": {name: version(name) for name in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin")},
        "load_average_start": os.getloadavg()[0], "started": time.strftime("%Y-%m-%d %H:%M %Z"),
    }


def run(args: argparse.Namespace) -> dict:
    results: dict = {"meta": environment(args), **{key: {} for key in SECTIONS}}
    with tempfile.TemporaryDirectory(prefix="qbank-bench-") as temporary:
        work = Path(temporary)
        source = snapshot(work / "project")
        measure_real_bank(args, source, work, results)
        for size in args.sizes:
            measure_size(size, args, source, work, results)
        if not args.no_browser:
            results["matching"] = measure_matching(source, work)
    results["meta"]["load_average_end"] = os.getloadavg()[0]
    return results


def markdown(results: dict) -> str:
    meta = results["meta"]
    parts = [f"`{meta['command']}` at {meta['commit']}{' (with uncommitted changes)' * meta['uncommitted_changes']}, "
             f"{meta['started']}: {meta['runs']} build(s) of each site per size; {meta['cpus']} CPUs, load average "
             f"{meta['load_average_start']:.1f} at the start and {meta['load_average_end']:.1f} at the end; "
             f"Python {meta['python']}, mkdocs-material {meta['versions']['mkdocs-material']}."]
    parts += [f"### {title}\n\n{table(results)}" for key, (title, table) in SECTIONS.items() if results[key]]
    return "\n\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        results = run(args)
    except BuildFailed as error:
        log(f"error: {error}")
        return 1
    text = markdown(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / "bench.md").write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    log(f"wrote {args.out / 'bench.json'} and {args.out / 'bench.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
