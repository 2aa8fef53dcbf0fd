"""Requests as the user sees them: one request, the list, the agenda, the cases grid, previews."""
