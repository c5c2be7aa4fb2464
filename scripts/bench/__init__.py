"""The benchmark behind the README's performance tables: this site (A) against plain Material (B).

`python -m bench.run` (`make bench`) is the entry point. Nothing here is imported by the site build.
"""


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """The report's one table format: the first column names the row, the others are right-aligned figures."""
    lines = ["| " + " | ".join(header) + " |", "| :--- |" + " ---: |" * (len(header) - 1)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def kb(size: float) -> str:
    return f"{size / 1024:,.1f} KB"
