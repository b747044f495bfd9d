"""warta: Indonesian news about international conflict and diplomacy, coded into PLOVER events."""
__version__ = "0.1.0"
