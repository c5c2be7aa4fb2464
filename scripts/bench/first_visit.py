"""What a first visit to a question page downloads: the page, its assets, and
whatever it fetches before the reader touches anything. It must not grow with the bank."""

from __future__ import annotations

from pathlib import Path

from .browser import site_browser
from .tables import kb, markdown_table


def measure(site: Path, page: str) -> dict:
    with site_browser(site) as (_url, visit):
        opened = visit(page)
        received = opened.bytes_since()
        return {**received, "total": sum(received.values()), "requests": len(opened.requests)}


def table(results: dict) -> str:
    sizes = results["first_visit"]
    smallest = sizes[min(sizes, key=int)]["A"]["total"]
    rows = [[f"{int(size):,}", *(kb(at["A"][kind]) for kind in ("html", "css", "js", "other")),
             f"**{kb(at['A']['total'])}**", f"{at['A']['total'] / smallest:.2f}", str(at["A"]["requests"]),
             kb(at["B"]["total"]), f"{at['A']['total'] / at['B']['total']:.2f}"]
            for size, at in sizes.items()]
    return markdown_table(["Questions", "A HTML", "A CSS", "A JS", "A other", "A total", "A vs smallest N",
                           "A requests", "B total", "A/B"], rows)
