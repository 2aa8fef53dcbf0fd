"""Exports: evidence bundles, the list as CSV/XLSX, the calendar as .ics."""
