"""Storage: the only package that opens a database or holds SQL."""
