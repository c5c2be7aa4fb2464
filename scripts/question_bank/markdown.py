"""The fenced code blocks in a Markdown field, found line by line.

Fences matter for two things only: the tests run every example, and the
validator refuses fences the renderer would not show as code. Safety does not
depend on finding them: data is rendered without raw HTML and sanitised
(`safe_html`). So this is a plain scan, linear in the text, with no regex.

A python block may be followed by a paragraph that is exactly one of the
`OUTPUT_LABELS` and a ```text block: that text is what running the example
must print, and the label says how it is run.
"""

from __future__ import annotations

from dataclasses import dataclass

# The paragraph between an example and its expected output, and what it means.
OUTPUT_LABELS: dict[str, str] = {
    "Output:": "python",
    "pytest output:": "pytest",
    "mypy output:": "mypy",
    "hadolint output:": "hadolint",
}
FENCE_MARKS = ("`", "~")


@dataclass(frozen=True)
class Fence:
    """A fenced code block inside a Markdown field."""

    language: str
    code: str
    line: int  # 0-based line of the opening fence within the field
    output: str | None = None  # the expected output block that follows it, if any
    runner: str | None = None  # how the output is produced: a value of OUTPUT_LABELS
    closed: bool = True


@dataclass(frozen=True)
class _Opening:
    indent: int
    mark: str
    length: int
    info: str


def _opening(line: str) -> _Opening | None:
    body = line.lstrip(" \t")
    mark = body[:1]
    if mark not in FENCE_MARKS:
        return None
    length = len(body) - len(body.lstrip(mark))
    info = body[length:].strip()
    if length < 3 or (mark == "`" and "`" in info):
        return None
    return _Opening(len(line) - len(body), mark, length, info)


def _closes(line: str, opening: _Opening) -> bool:
    stripped = line.strip()
    return len(stripped) >= opening.length and stripped == opening.mark * len(stripped)


@dataclass(frozen=True)
class _Block:
    is_code: bool
    lines: list[str]
    start: int
    opening: _Opening | None = None
    closed: bool = True


def _blocks(text: str) -> list[_Block]:
    """Runs of prose lines and fenced blocks; an unclosed fence runs to the end."""
    lines = text.split("\n")
    blocks: list[_Block] = []
    prose_start, index = 0, 0
    while index < len(lines):
        opening = _opening(lines[index])
        if opening is None:
            index += 1
            continue
        if index > prose_start:
            blocks.append(_Block(False, lines[prose_start:index], prose_start))
        start, index, closed = index, index + 1, False
        while index < len(lines) and not closed:
            closed = _closes(lines[index], opening)
            index += 1
        blocks.append(_Block(True, lines[start:index], start, opening, closed))
        prose_start = index
    if prose_start < len(lines):
        blocks.append(_Block(False, lines[prose_start:], prose_start))
    return blocks


def _code(block: _Block) -> str:
    indent = block.opening.indent if block.opening else 0
    body = block.lines[1:-1] if block.closed else block.lines[1:]
    return "\n".join(row[indent:] if not row[:indent].strip() else row.lstrip() for row in body) + "\n"


def _language(block: _Block) -> str:
    words = block.opening.info.split() if block.opening else []
    return words[0] if words else ""


def _output_label(block: _Block) -> str | None:
    words = [row.strip() for row in block.lines if row.strip()]
    return OUTPUT_LABELS.get(words[0]) if len(words) == 1 else None


def fences(text: str) -> list[Fence]:
    """The fenced code blocks of a Markdown field, each with its expected output."""
    blocks = _blocks(text)
    found: list[Fence] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if not block.is_code:
            continue
        output = runner = None
        if index + 1 < len(blocks):
            between, following = blocks[index], blocks[index + 1]
            label = None if between.is_code else _output_label(between)
            if label and following.is_code and _language(following) == "text":
                output, runner = _code(following), label
                index += 2
        found.append(Fence(_language(block), _code(block), block.start, output, runner, block.closed))
    return found


def fenced_blocks(text: str) -> int:
    """How many fenced blocks the text holds, expected-output blocks included."""
    return sum(block.is_code for block in _blocks(text))


def split_at_first_fence(text: str) -> tuple[str, str]:
    """The prose before the text's first fenced block, and the rest from that block on."""
    blocks = _blocks(text)
    first = next((block.start for block in blocks if block.is_code), None)
    if first is None:
        return text, ""
    lines = text.split("\n")
    return "\n".join(lines[:first]), "\n".join(lines[first:])
