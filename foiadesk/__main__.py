"""Entry point: ``foiadesk`` and ``python -m foiadesk``."""

from __future__ import annotations

import logging
import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from .cli import run

    try:
        return run(argv)
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug: keep the traceback for the maintainers, not on screen
        path = _log_crash()
        print(
            f"foiadesk: something went wrong inside FoiaDesk; details were written to {path}",
            file=sys.stderr,
        )
        return 1


def _log_crash() -> str:
    from .core.paths import data_dir

    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "foiadesk-errors.log"
    logging.basicConfig(
        filename=path, level=logging.ERROR, format="%(asctime)s %(levelname)s %(message)s"
    )
    logging.getLogger("foiadesk").exception("unexpected error")
    return str(path)


if __name__ == "__main__":
    sys.exit(main())
