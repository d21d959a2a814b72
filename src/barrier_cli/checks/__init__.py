"""Checks: every rule over a records tree as a list of located findings (``run``),
the check of what git is about to record, of a record being entered, and the cached entry."""
