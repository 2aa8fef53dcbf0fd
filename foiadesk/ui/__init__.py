"""The desktop window: a thin Qt layer over ``foiadesk.core``.

This file imports no Qt, so ``foiadesk.__main__`` can read WINDOW_OPTIONS cheaply.
"""

# The command-line options that start the window rather than a command (see ui/app.py).
WINDOW_OPTIONS = ("--db", "--screenshot")
