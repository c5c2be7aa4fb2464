"""A Content-Security-Policy for the built site, computed from what it holds.

GitHub Pages cannot send headers, so the policy is a <meta> in every page.
Material's instant navigation keeps the first page's policy for the whole
visit, so every page carries the same one: it allows the hashes of every
inline script and style found anywhere in the site, computed at build time,
so that a Material upgrade cannot silently break or weaken it.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

META_NAME = "Content-Security-Policy"
# Data blocks are not executed, so CSP does not apply to them.
_DATA_BLOCK_TYPES = frozenset({"application/json", "application/ld+json"})


@dataclass
class InlineCode:
    """The hashes of inline scripts and styles, as CSP source expressions."""

    scripts: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)

    def update(self, other: InlineCode) -> None:
        self.scripts |= other.scripts
        self.styles |= other.styles


def source_hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class _InlineFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found = InlineCode()
        self._collecting: set[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes and attributes.get("type") not in _DATA_BLOCK_TYPES:
            self._collecting, self._text = self.found.scripts, []
        elif tag == "style":
            self._collecting, self._text = self.found.styles, []

    def handle_data(self, data: str) -> None:
        if self._collecting is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._collecting is not None and tag in ("script", "style"):
            self._collecting.add(source_hash("".join(self._text)))
            self._collecting = None


def inline_code(html: str) -> InlineCode:
    finder = _InlineFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def policy(inline: InlineCode) -> str:
    """The site's policy: its own files, plus exactly the inline code it holds."""
    # Pagefind's search runs WebAssembly; 'wasm-unsafe-eval' allows compiling
    # it and nothing else, where 'unsafe-eval' would also allow eval().
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(inline.scripts)])
    styles = " ".join(["'self'", *sorted(inline.styles)])
    directives = [
        "default-src 'self'",
        f"script-src {scripts}",
        f"style-src {styles}",
        # Material's stylesheets draw icons from data: URIs.
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def with_policy(html: str, content: str) -> str:
    """The page with the policy early in its head, before any script.

    It goes right after the charset declaration, which must stay within the
    page's first 1,024 bytes.
    """
    head, charset = html.find("<head>"), html.find('<meta charset="utf-8">')
    if head < 0:
        raise ValueError("the page has no <head> to carry its Content-Security-Policy")
    at = charset + len('<meta charset="utf-8">') if charset > head else head + len("<head>")
    meta = f'\n<meta http-equiv="{META_NAME}" content="{content}">'
    return html[:at] + meta + html[at:]


def has_policy(html: str) -> bool:
    return f'http-equiv="{META_NAME}"' in html


def site_policy(pages: Iterable[str]) -> str:
    inline = InlineCode()
    for html in pages:
        inline.update(inline_code(html))
    return policy(inline)
