"""`python -m question_bank.check [FILE]`: validate a bank file, as the build does.

Prints every problem, one per line with its fix, and exits 1; never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .loader import BankError, load_bank

DEFAULT_BANK = Path("data/questions.yaml")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT_BANK
    try:
        bank = load_bank(path)
    except BankError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{path}: {len(bank.questions)} questions, all valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
