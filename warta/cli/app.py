"""The ``warta`` Typer application; command modules register their commands on ``app``."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="warta",
    help="Code Indonesian news articles into PLOVER political events.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _root() -> None:
    """Code Indonesian news articles into PLOVER political events."""
