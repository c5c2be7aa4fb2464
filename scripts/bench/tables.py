"""The one Markdown table format of the report."""

from __future__ import annotations


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """The first column names the row; the others are figures, right-aligned."""
    lines = ["| " + " | ".join(header) + " |", "| :--- |" + "".join(" ---: |" for _ in header[1:])]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def kb(size: float) -> str:
    return f"{size / 1024:,.1f} KB"
