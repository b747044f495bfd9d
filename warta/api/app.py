"""The application factory: the JSON API, its OpenAPI docs, and the web page, over one store."""
from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from warta import __version__
from warta.api.middleware import BodySizeLimit, SecurityHeaders
from warta.api.routes import router
from warta.errors import StoreError
from warta.store import open_store

MAX_BODY_BYTES = 2 * 1024 * 1024
DESCRIPTION = """Events coded from Indonesian news in PLOVER, with the evidence of every field.

Read-only: `POST /code` answers 403 unless the server was started with `--allow-code`.
Errors are JSON objects with a `message`. Lists are paged: pass `next_cursor` as `cursor`."""


def web_dir() -> Path:
    """The folder of the bundled page (``warta/web``): index.html and static/."""
    return Path(str(resources.files("warta.web")))


def _is_local_path(url: str) -> bool:
    return not url.startswith(("postgresql://", "postgres://")) and url != ":memory:"


def create_app(store_url: str, *, allow_code: bool = False) -> FastAPI:
    """A FastAPI app over the store at ``store_url`` (a SQLite path or a PostgreSQL URL).

    Raises ``StoreError`` when a SQLite path has no store yet (serving never creates one).
    """
    path = store_url.removeprefix("sqlite:///")
    if _is_local_path(store_url) and not Path(path).expanduser().is_file():
        raise StoreError(store_url, "no store here; build one with `warta ingest` or `warta load`")
    store = open_store(store_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()

    app = FastAPI(title="warta", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.store = store
    app.state.allow_code = allow_code
    _add_error_handlers(app)
    app.include_router(router)
    _add_web(app)
    app.add_middleware(BodySizeLimit, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(SecurityHeaders)
    return app


def _add_web(app: FastAPI) -> None:
    root = web_dir()
    app.mount("/static", StaticFiles(directory=root / "static"), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(root / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(root / "docs.html", media_type="text/html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(root / "static" / "favicon.svg", media_type="image/svg+xml")


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and exc.detail == "Not Found":
            message = f"no such path: {request.url.path}"
        return JSONResponse({"message": message}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")),
                   "type": str(e.get("type", ""))} for e in exc.errors()]
        reasons = "; ".join(f"{'.'.join(d['loc'][1:]) or d['loc'][0] if d['loc'] else '?'}: {d['msg']}"
                            for d in detail)
        return JSONResponse({"message": f"invalid request: {reasons}", "detail": detail},
                            status_code=422)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        status = 422 if exc.name in ("cursor", "sort", "by") else 503
        return JSONResponse({"message": f"{exc.name}: {exc.reason}" if status == 422
                             else "the event store failed to answer"}, status_code=status)
