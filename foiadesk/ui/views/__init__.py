"""The window's views and panels."""
