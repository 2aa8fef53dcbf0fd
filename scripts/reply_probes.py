"""Print the reply reader's per-field accuracy on hand-written probe passages.

    python scripts/reply_probes.py [FILE ...] [--misses]

Each probe file (tests/fixtures/replies/probes-*.jsonl) holds short passages in the wording of
agencies and eras, labelled before the reader was run on them (see the test that reads them).
"""

from __future__ import annotations

from pathlib import Path

from reply_report import ROOT, arguments, report

from foiadesk.core.replies.accuracy import score_passages

PROBES = sorted((ROOT / "tests" / "fixtures" / "replies").glob("probes-*.jsonl"))


def main() -> None:
    args = arguments(__doc__, lambda p: p.add_argument("files", nargs="*", type=Path, default=PROBES))
    for path in args.files:
        report(path.name, score_passages(path), args.misses)


if __name__ == "__main__":
    main()
