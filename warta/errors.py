"""One exception type per failure kind; each names the input and a reason a person can act on."""
from __future__ import annotations


class WartaError(Exception):
    """Base of every warta error."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason

    def __reduce__(self):
        # Rebuild from (name, reason) so errors cross process and Dask boundaries intact.
        return (type(self), (self.name, self.reason))


class InputError(WartaError):
    """An input could not be read: missing, unreadable, binary, undecodable, empty or too large."""


class FormatError(InputError):
    """An input was read but its content is not of the format its name says (bad JSON, bad WARC)."""


class LanguageError(WartaError):
    """The article's language has no data in warta."""


class CodingError(WartaError):
    """An article could be read but coding it failed unexpectedly (a bug); the batch goes on."""


class StoreError(WartaError):
    """The event store cannot be opened or written."""
