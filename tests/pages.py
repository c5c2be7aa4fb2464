"""A tiny DOM for asserting on built pages, from the standard library only."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    children: list[Element | str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Text content with whitespace collapsed, as a reader sees it."""
        return " ".join(self._raw_text().split())

    def _raw_text(self) -> str:
        # Collapse once, at the end: a child that holds only a space (as
        # Pygments emits between tokens) still separates its neighbours.
        return "".join(child if isinstance(child, str) else child._raw_text() for child in self.children)

    def iter(self, tag: str | None = None):
        for child in self.children:
            if isinstance(child, Element):
                if tag is None or child.tag == tag:
                    yield child
                yield from child.iter(tag)

    def find_all(self, tag: str, **attrs: str) -> list[Element]:
        return [e for e in self.iter(tag) if all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())]

    def find(self, tag: str, **attrs: str) -> Element:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag} {attrs}> in the page"
        return found[0]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(path: Path) -> Element:
    return parse_html(path.read_text(encoding="utf-8"))


def parse_html(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    return builder.root


def details(page: Element, summary: str) -> Element:
    """The collapsible whose summary reads `summary`."""
    for element in page.iter("details"):
        heads = [child for child in element.children if isinstance(child, Element) and child.tag == "summary"]
        if heads and heads[0].text == summary:
            return element
    raise AssertionError(f"no collapsible '{summary}' in the page")
