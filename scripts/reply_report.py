"""What scripts/reply_accuracy.py and scripts/reply_probes.py share: the repository on the import
path, the ``--misses`` option, and printing one set's per-field table with its wrong fields."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from foiadesk.core.replies.accuracy import Score, table  # noqa: E402


def arguments(doc: str, add_own: Callable[[argparse.ArgumentParser], None]) -> argparse.Namespace:
    """The command line, described by the script's first docstring line: the script's own
    arguments (``add_own``), then ``--misses``."""
    p = argparse.ArgumentParser(description=doc.splitlines()[0])
    add_own(p)
    p.add_argument("--misses", action="store_true", help="list each wrong field")
    return p.parse_args()


def report(name: str, scores: dict[str, Score], misses: bool) -> None:
    """Print the set's table under its name, then each wrong field when ``misses``."""
    print(f"\n{name}\n{table(scores)}")
    if misses:
        for s in scores.values():
            for miss in s.misses:
                print("  ", miss)
