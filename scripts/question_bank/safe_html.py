"""Markdown from the data, turned into HTML that cannot run anything.

Two walls, neither of which guesses how Markdown will be parsed:

1. `markdown_html` renders a data field with its own Python-Markdown instance
   that has no raw-HTML handling and no attribute lists: `<img onerror>` in
   the YAML is text to this parser, and `{: onclick }` stays literal.
2. Its output, and every page generated from the data (`clean_page`), goes
   through nh3 (Ammonia) with an allowlist of the tags and attributes our
   templates, Python-Markdown and pymdownx really emit. Links keep only http,
   https, mailto, relative and #fragment targets; Ammonia decodes entities
   and strips the whitespace and control characters browsers ignore before
   it reads a scheme.

Underscore emphasis is switched off: questions about Python mention dunder
names all the time, and `__init__` must not turn into bold "init". Emphasis
in the data is written with `*asterisks*`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser

import markdown
import nh3
from pygments.token import STANDARD_TYPES

LINK_SCHEMES = frozenset({"http", "https", "mailto"})

# What Python-Markdown, tables, superfences and highlight produce from data.
_DATA_TAGS = {
    "p", "br", "hr", "em", "strong", "code", "pre", "span", "div", "a", "blockquote",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
    "h1", "h2", "h3", "h4", "h5", "h6",
}
# Pygments marks tokens with short classes (`k`, `nf`, `s1`); the highlight
# wrapper is `div.highlight`. No other class may come from the data.
_CODE_CLASSES = frozenset(cls for cls in STANDARD_TYPES.values() if cls)
_DATA_CLASSES = {"span": _CODE_CLASSES, "div": {"highlight"}}
_DATA_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}

# What the page templates add around the data: collapsibles, the card, the
# rubric table, the pager and Material's heading markup. Still no script,
# style, event handler, iframe, object, form control or SVG.
_PAGE_TAGS = _DATA_TAGS | {
    "details", "summary", "section", "nav", "article", "header", "footer",
    "dl", "dt", "dd", "caption", "small", "abbr",
}
_PAGE_ATTRIBUTES = {
    **_DATA_ATTRIBUTES,
    "*": {"class", "id", "aria-label", "aria-labelledby", "aria-hidden", "role", "data-pagefind-ignore"},
    "a": {"href", "title", "rel"},
    "details": {"open"},
    "th": {"scope", "class"},
}


# Python-Markdown finds the `]` that closes a link text by walking, character
# by character in Python, to the end of the paragraph, once per `[`: a field
# full of brackets took 70 s. `_link_text` finds the same `]` with str.find
# and str.count, and gives up beyond LINK_SCAN_LIMIT characters (no real link
# text is longer), so a field renders in linear time. The address part
# (`getLink`) is bounded by the same window.
LINK_SCAN_LIMIT = 500
_LINK_PROCESSORS = ("reference", "link", "image_link", "image_reference", "short_reference", "short_image_ref")


def _link_text(data: str, index: int) -> tuple[str, int, bool]:
    """Python-Markdown's `getText`: the text up to the `]` matching an opened `[`."""
    end = min(len(data), index + LINK_SCAN_LIMIT)
    depth, position = 1, index
    while (close := data.find("]", position, end)) >= 0:
        depth += data.count("[", position, close) - 1
        if depth == 0:
            return data[index:close], close + 1, True
        position = close + 1
    return data[index:end], end, False


def _bounded(scan):
    def scan_nearby(data: str, index: int, *rest):
        return scan(data[: index + LINK_SCAN_LIMIT], index, *rest)

    return scan_nearby


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(
        extensions=["tables", "pymdownx.superfences", "pymdownx.highlight"],
        extension_configs={"pymdownx.highlight": {"anchor_linenums": False}},
    )
    # A numbered list split by a code block keeps counting: 3. stays 3.
    # (Python-Markdown 3 ignores the old `lazy_ol` option; this is its setting.)
    md.parser.blockprocessors["olist"].LAZY_OL = False
    md.preprocessors.deregister("html_block")  # raw HTML blocks
    md.inlinePatterns.deregister("html")  # inline raw HTML
    md.delimiters.remove("_")  # underscore emphasis: dunders stay literal
    for name in _LINK_PROCESSORS:
        processor = md.inlinePatterns[name]
        processor.getText = _link_text
        processor.getLink = _bounded(processor.getLink)
    return md


@cache
def _renderer() -> markdown.Markdown:
    return _markdown()


# One cleaner per allowlist, built once: both keep only the link schemes we
# publish, drop comments, and add no rel to links (the templates set it).
_DATA_CLEANER = nh3.Cleaner(
    tags=_DATA_TAGS, attributes=_DATA_ATTRIBUTES, allowed_classes=_DATA_CLASSES,
    url_schemes=LINK_SCHEMES, link_rel=None, strip_comments=True,
)
_PAGE_CLEANER = nh3.Cleaner(
    tags=_PAGE_TAGS, attributes=_PAGE_ATTRIBUTES, url_schemes=LINK_SCHEMES, link_rel=None, strip_comments=True,
)


def clean_data(html: str) -> str:
    """Sanitise HTML rendered from one data field."""
    return _DATA_CLEANER.clean(html)


def clean_page(html: str) -> str:
    """Sanitise the body of a page generated from the data, before it is written."""
    return _PAGE_CLEANER.clean(html)


@dataclass
class Rendered:
    """A data field rendered, and what the validator needs to know about the render."""

    html: str  # sanitised
    depth: int = 0  # deepest nesting of elements, before sanitising
    code_blocks: int = 0  # <pre> elements: fenced or indented code
    links: list[str] = field(default_factory=list)  # every href, entities decoded
    images: int = 0


class _Survey(HTMLParser):
    """Walks the renderer's raw output once: depth, code blocks, links, images."""

    VOID = frozenset({"br", "hr", "img", "input", "wbr"})

    def __init__(self, rendered: Rendered) -> None:
        super().__init__(convert_charrefs=True)
        self.rendered, self.open = rendered, 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_startendtag(tag, attrs)
        if tag not in self.VOID:
            self.open += 1
            self.rendered.depth = max(self.rendered.depth, self.open)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.rendered.code_blocks += tag == "pre"
        self.rendered.images += tag == "img"
        self.rendered.links += [value or "" for name, value in attrs if tag == "a" and name == "href"]

    def handle_endtag(self, tag: str) -> None:
        self.open -= tag not in self.VOID


@cache
def render(text: str) -> Rendered:
    """Render a data field once per build: the validator and the pages share the result.

    Raises RecursionError on Markdown nested too deep for Python-Markdown.
    """
    renderer = _renderer()
    try:
        raw = renderer.reset().convert(text)
    except RecursionError:
        # A parse cut short leaves state that reset() does not clear: the
        # next field would lose its links and paragraphs. A new renderer.
        _renderer.cache_clear()
        raise
    finally:
        renderer.reset()
    rendered = Rendered(clean_data(raw))
    _Survey(rendered).feed(raw)
    return rendered


def markdown_html(text: str) -> str:
    """A data field's Markdown as sanitised HTML."""
    return render(text).html


def inline_html(text: str) -> str:
    """A one-line field (a title, a table cell) as sanitised inline HTML, without the paragraph."""
    html = markdown_html(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html
