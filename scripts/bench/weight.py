"""What a built site weighs: one question page with what it loads, the search index, the total.

Sizes are bytes on disk and gzip-compressed (level 6, what web servers
commonly use), since a browser downloads the compressed form.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

GZIP_LEVEL = 6


@dataclass(frozen=True)
class Size:
    raw: int
    gzip: int

    @classmethod
    def of(cls, data: bytes) -> Size:
        return cls(len(data), len(gzip.compress(data, GZIP_LEVEL, mtime=0)))

    def __add__(self, other: Size) -> Size:
        return Size(self.raw + other.raw, self.gzip + other.gzip)


class _Assets(HTMLParser):
    """The stylesheets and scripts a page loads, and Material's search worker."""

    def __init__(self) -> None:
        super().__init__()
        self.styles: list[str] = []
        self.scripts: list[str] = []
        self.worker: str | None = None
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "stylesheet" and found.get("href"):
            self.styles.append(found["href"])
        elif tag == "script" and found.get("src"):
            self.scripts.append(found["src"])
        # Material names its search worker in a JSON block it reads at start-up.
        self._in_config = tag == "script" and found.get("id") == "__config"

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.worker = json.loads(data).get("search")
            self._in_config = False


def _local_file(site: Path, page_url: str, reference: str) -> Path | None:
    """The file under `site` that `reference`, as written in the page at `page_url`, points to."""
    target = urlsplit(urljoin(page_url, reference))
    if target.scheme or target.netloc or not target.path.startswith("/"):
        return None
    path = site / PurePosixPath(target.path).relative_to("/")
    return path / "index.html" if path.is_dir() else path


@dataclass(frozen=True)
class PageWeight:
    html: Size
    css: Size
    js: Size
    worker: Size  # loaded by the page's script, not by a tag
    files: list[str]

    @property
    def with_assets(self) -> Size:
        """The page and the CSS and JS it loads; the search index is weighed on its own."""
        return self.html + self.css + self.js + self.worker


def page_weight(site: Path, page: str) -> PageWeight:
    """Weigh the page at `page` (a site-relative URL such as `questions/<id>/`)."""
    url = "/" + page
    html = _local_file(site, "/", url).read_bytes()
    assets = _Assets()
    assets.feed(html.decode("utf-8"))
    totals = {"css": Size(0, 0), "js": Size(0, 0), "worker": Size(0, 0)}
    files = []
    for kind, references in (("css", assets.styles), ("js", assets.scripts), ("worker", [assets.worker] if assets.worker else [])):
        for reference in references:
            local = _local_file(site, url, reference)
            if local is None or not local.is_file():
                continue  # another origin, or a file the build did not produce: nothing to weigh
            totals[kind] += Size.of(local.read_bytes())
            files.append(str(local.relative_to(site)))
    return PageWeight(Size.of(html), totals["css"], totals["js"], totals["worker"], files)


def site_size(site: Path) -> int:
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


def site_weight(site: Path, page: str) -> dict:
    """Everything the benchmark reports about the weight of one built site."""
    weight = page_weight(site, page)
    index = site / "search" / "search_index.json"
    return {
        "page": page,
        "page_html": asdict(weight.html),
        "page_css": asdict(weight.css),
        "page_js": asdict(weight.js),
        "search_worker_js": asdict(weight.worker),
        "page_with_assets": asdict(weight.with_assets),
        "page_assets": weight.files,
        "search_index": asdict(Size.of(index.read_bytes())),
        "search_index_docs": len(json.loads(index.read_bytes())["docs"]),
        "home_html": asdict(Size.of((site / "index.html").read_bytes())),
        "site_bytes": site_size(site),
    }
