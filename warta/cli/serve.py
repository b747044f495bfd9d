"""``warta serve``: the JSON API and the web page over a store, on loopback by default."""
from __future__ import annotations

import typer

from warta.cli.app import app
from warta.errors import WartaError


@app.command("serve")
def serve_command(
    db: str = typer.Option(..., "--db", help="The store: a SQLite file or a postgresql:// URL."),
    host: str = typer.Option("127.0.0.1", "--host",
                             help="Address to listen on (loopback by default; 0.0.0.0 opens it to the network)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    allow_code: bool = typer.Option(False, "--allow-code",
                                    help="Enable POST /code (code a posted article; nothing is stored)."),
    log_level: str = typer.Option("warning", "--log-level", help="uvicorn log level."),
) -> None:
    """Serve the event API (/docs) and the web page (/) over a store, read-only.

    Example: warta serve --db events.db --port 8000
    """
    import uvicorn

    from warta.api import create_app
    try:
        application = create_app(db, allow_code=allow_code)
    except WartaError as err:
        typer.echo(f"warta serve: {err}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"warta: serving {db} at http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(application, host=host, port=port, log_level=log_level, access_log=False,
                limit_concurrency=64, timeout_keep_alive=5)
