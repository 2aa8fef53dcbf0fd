"""Entry point: ``foiadesk`` and ``python -m foiadesk``.

No arguments, or only the window's options (``--db``, ``--screenshot``): the desktop
window. Any other first argument: a command of the command line (``foiadesk.cli``).
Qt is imported only when the window starts, so commands stay quick and Qt-free.
"""

from __future__ import annotations

import sys

from foiadesk.ui import WINDOW_OPTIONS


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from foiadesk.core.crashlog import configure_logging

    configure_logging()
    try:
        if wants_window(argv):
            from foiadesk.ui.app import run as run_window

            return run_window(argv)
        from foiadesk.cli import run

        return run(argv)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: keep the traceback for the maintainers, not on screen
        path = _log_crash(exc)
        print(
            f"foiadesk: something went wrong inside FoiaDesk; details were written to {path}",
            file=sys.stderr,
        )
        return 1


def wants_window(argv: list[str]) -> bool:
    """True when every argument is a window option with its value (``--db PATH``)."""
    rest = list(argv)
    while rest:
        option, has_value, _ = rest.pop(0).partition("=")
        if option not in WINDOW_OPTIONS:
            return False
        if not has_value and rest:
            rest.pop(0)
    return True


def _log_crash(exc: BaseException) -> str:
    from foiadesk.core.crashlog import log_bug

    return str(log_bug(exc))


if __name__ == "__main__":
    sys.exit(main())
