"""Commands of this module are added as their issues land."""
from __future__ import annotations

from warta.cli.app import app  # noqa: F401
