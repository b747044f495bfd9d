"""``warta evaluate CODED GOLD_DIR``: score coded articles against gold annotations."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from warta.cli.app import app
from warta.errors import WartaError
from warta.evaluate import score_files


@app.command("evaluate")
def evaluate_command(
    coded: Path = typer.Argument(..., help="Coded articles, one JSON object a line (warta code --format jsonl)."),
    gold_dir: Path = typer.Argument(..., help="Folder of gold annotations, one <article id>.json each."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as one JSON object."),
    verbose: bool = typer.Option(False, "--verbose", help="Print every miss and every extra first."),
) -> None:
    """Score coded events, figures, dates, places and cleaning against gold annotations.

    Example: warta evaluate coded.jsonl ../shared/gold/dev --verbose
    """
    try:
        result, problems = score_files(coded, gold_dir)
    except WartaError as err:
        typer.echo(f"warta: {err}", err=True)
        raise typer.Exit(2)
    for problem in problems:
        typer.echo(problem, err=True)
    if verbose:
        for note in result.notes:
            typer.echo(note)
    if as_json:
        typer.echo(json.dumps(result.summary()))
    else:
        typer.echo(result.table())
