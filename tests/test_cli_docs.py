"""Every command of the ``warta`` CLI is documented in the README and has help with an example."""
import re
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from warta.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)


def test_cli_has_commands():
    assert {"code", "clean", "evaluate"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_cli_command_is_in_readme(name):
    assert re.search(rf"`warta {re.escape(name)}\b", README), f"`warta {name}` is not documented in README.md"


@pytest.mark.parametrize("name", COMMANDS)
def test_cli_command_help_has_example(name):
    result = CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert "warta " + name in result.output or "Example" in result.output, result.output
