"""``warta code`` and ``warta clean``. (minimal: to be built, issue 2)"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from warta.cli.app import app
from warta.errors import WartaError
from warta.pipeline import code_article
from warta.read import iter_articles


@app.command("code")
def code_command(
    inputs: list[str] = typer.Argument(..., help="Files, directories or - for standard input."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, json or table."),
) -> None:
    """Code articles into events; one coded article per line.

    Example: warta code articles/ --format jsonl -o coded.jsonl
    """
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    read = 0
    for item in iter_articles(inputs):
        if isinstance(item, WartaError):
            typer.echo(f"warta: {item}", err=True)
            continue
        try:
            coded = code_article(item)
        except WartaError as err:
            typer.echo(f"warta: {err}", err=True)
            continue
        read += 1
        out.write(json.dumps(coded.to_dict(), ensure_ascii=False) + "\n")
    if output:
        out.close()
    if read == 0:
        raise typer.Exit(1)
