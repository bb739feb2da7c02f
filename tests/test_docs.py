"""The README documents every command and every option of `eventwire code`."""
from __future__ import annotations

import pytest

from eventwire.interfaces.cli import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_docs_every_command_is_in_the_readme(name):
    assert f"eventwire {name}" in README


@pytest.mark.parametrize("option", [opt for p in cli.commands["code"].params
                                    for opt in p.opts if opt.startswith("--")])
def test_docs_every_code_option_is_in_the_readme(option):
    assert option in README, f"document {option} in the README's Use section"


def test_docs_readme_has_exactly_two_setup_commands():
    setup = README.split("## Set up", 1)[1].split("##", 1)[0]
    block = setup.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line.strip()]
    assert [c.split()[0:2] for c in commands] == [["make", "demo"], ["make", "test"]]
