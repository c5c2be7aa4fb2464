"""The JSON Schema that editors use to complete and check `data/questions.yaml`.

It is generated from the pydantic model, so the two cannot drift:
`--write` regenerates the committed file, `--check` fails if it is stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .model import Bank

SCHEMA_FILE = Path("data/questions.schema.json")


def bank_schema() -> dict:
    schema = Bank.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Question bank",
        "description": "data/questions.yaml: see docs/contributing.md",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_text() -> str:
    return json.dumps(bank_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--write"]:
        SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
        print(f"wrote {SCHEMA_FILE}")
        return 0
    if args == ["--check"]:
        if SCHEMA_FILE.exists() and SCHEMA_FILE.read_text(encoding="utf-8") == schema_text():
            print(f"{SCHEMA_FILE}: up to date")
            return 0
        print(f"error: {SCHEMA_FILE} does not match the model; run `make schema` and commit it", file=sys.stderr)
        return 1
    print("usage: python -m question_bank.schema --write | --check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
