"""Print the reply reader's per-field accuracy on hand-written probe passages.

    python scripts/reply_probes.py [FILE ...] [--misses]

Each probe file (tests/fixtures/replies/probes-*.jsonl) holds short passages in the wording of
agencies and eras, labelled before the reader was run on them (see the test that reads them).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from foiadesk.core.replies.accuracy import score_passages, table  # noqa: E402

PROBES = sorted((ROOT / "tests" / "fixtures" / "replies").glob("probes-*.jsonl"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=PROBES)
    parser.add_argument("--misses", action="store_true", help="list each wrong field")
    args = parser.parse_args()
    for path in args.files:
        scores = score_passages(path)
        print(f"\n{path.name}\n{table(scores)}")
        if args.misses:
            for s in scores.values():
                for miss in s.misses:
                    print("  ", miss)


if __name__ == "__main__":
    main()
