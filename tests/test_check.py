"""`python -m question_bank.check`, which `scripts/check` and CI run, called in process."""

from __future__ import annotations

import sys

from question_bank.check import main
from question_bank.loader import BankError, load_bank

from support import ROOT
from test_loader import VALID


def test_a_valid_bank_is_counted(tmp_path, monkeypatch, capsys) -> None:
    bank_file = tmp_path / "questions.yaml"
    bank_file.write_text(VALID, encoding="utf-8")
    assert main([str(bank_file)]) == 0
    assert capsys.readouterr() == (f"{bank_file}: 2 questions, all valid\n", "")
    monkeypatch.setattr(sys, "argv", ["check", str(bank_file)])  # as `python -m question_bank.check FILE` gives it
    assert main() == 0
    assert capsys.readouterr().out == f"{bank_file}: 2 questions, all valid\n"


def test_an_invalid_bank_prints_every_problem_and_fails(tmp_path, capsys) -> None:
    bank_file = tmp_path / "questions.yaml"
    bank_file.write_text(VALID.replace("    minutes: 5\n", "    minutes: '5'\n", 1), encoding="utf-8")
    assert main([str(bank_file)]) == 1
    out, err = capsys.readouterr()
    try:
        load_bank(bank_file)
    except BankError as error:
        assert (out, err) == ("", f"error: {error}\n")
    assert err.startswith(f"error: 1 problem in the question bank:\n  {bank_file}:11: question 'first': field 'minutes'")


def test_without_arguments_it_checks_the_banks_own_file(monkeypatch, capsys) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "argv", ["check"])
    assert main() == 0
    count = len(load_bank(ROOT / "data" / "questions.yaml").questions)
    assert capsys.readouterr().out == f"data/questions.yaml: {count} questions, all valid\n"
