"""The review list's sort and filter keys, kept free of imports so building the CLI parser stays fast."""

SORT_NAMES = ("date", "apprentice", "mode", "duration", "grade", "flagged", "status", "pack")
FILTER_KEYS = ("apprentice", "mode", "status", "grade", "pack", "flagged", "overridden", "scorer")
