"""Writing records: interactive and flag-driven entry, in-place edits, fmt, init,
check-ins, roundups, and the JSON Schema files editors read."""
