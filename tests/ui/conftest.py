"""Fixtures for the window's tests (defined once in tests/window_fixtures.py)."""

from window_fixtures import TODAY, demo_copy, demo_file, open_window, settings, wait_loaded

__all__ = ["TODAY", "demo_copy", "demo_file", "open_window", "settings", "wait_loaded"]
