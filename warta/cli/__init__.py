"""The ``warta`` command: a thin shell over the library. Each module adds its verbs to ``app``."""
from __future__ import annotations

from warta.cli import code, evaluate, scale, serve, store  # noqa: F401  (register commands)
from warta.cli.app import app


def main() -> None:
    app()
