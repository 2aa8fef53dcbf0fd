"""Deadlines: the calendar, events, and the clock rules. Pure: no SQLite, no Qt."""
