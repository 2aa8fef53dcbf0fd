"""Print the reply reader's per-field accuracy on real, hand-labelled agency letters.

    python scripts/reply_accuracy.py [--split dev|holdout|holdout2..holdout6|both|all] [--misses]

The letters and their labels are in tests/fixtures/replies-real (see SOURCES.md there).
``--misses`` lists each wrong field; use it on the dev split only, so the holdouts stay a
fair measure of letters the rules were not written against (``both`` is dev and holdout,
``all`` is every set).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from foiadesk.core.replies.accuracy import score, table  # noqa: E402

LETTERS = ROOT / "tests" / "fixtures" / "replies-real"
SETS = sorted((p.name for p in LETTERS.iterdir() if p.is_dir()), key=lambda n: (n != "dev", len(n), n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=(*SETS, "both", "all"),
        default="both",
    )
    parser.add_argument("--misses", action="store_true", help="list each wrong field")
    args = parser.parse_args()
    groups = {
        "both": ("dev", "holdout"),
        "all": SETS,
    }
    for split in groups.get(args.split, (args.split,)):
        scores = score(LETTERS, split)
        print(f"\n{split}\n{table(scores)}")
        if args.misses:
            for s in scores.values():
                for miss in s.misses:
                    print("  ", miss)


if __name__ == "__main__":
    main()
