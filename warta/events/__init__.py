"""The event coder's parts: the compiled lexicon, trigger scanning, roles, status and attribution,
the scope of a trigger, article-level views, and the assembly of coded events.
``warta.code_events.code_events`` puts them together."""
