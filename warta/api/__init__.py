"""The JSON API and the web page over an event store: ``create_app(store_url, allow_code=False)``.

Every response is a typed pydantic model (``warta.api.models``); errors are JSON with a
``message``. The page at ``/`` (``warta/web``) only calls these endpoints. See docs/api.md.
"""
from __future__ import annotations

from warta.api.app import MAX_BODY_BYTES, create_app

__all__ = ["MAX_BODY_BYTES", "create_app"]
