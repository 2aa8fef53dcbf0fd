"""Print the reply reader's per-field accuracy on real, hand-labelled agency letters.

    python scripts/reply_accuracy.py [--split dev|holdout|holdout2..holdout6|both|all] [--misses]

The letters and their labels are in tests/fixtures/replies-real (see SOURCES.md there).
``--misses`` lists each wrong field; use it on the dev split only, so the holdouts stay a
fair measure of letters the rules were not written against (``both`` is dev and holdout,
``all`` is every set).
"""

from __future__ import annotations

from reply_report import ROOT, arguments, report

from foiadesk.core.replies.accuracy import score

LETTERS = ROOT / "tests" / "fixtures" / "replies-real"
SETS = sorted((p.name for p in LETTERS.iterdir() if p.is_dir()), key=lambda n: (n != "dev", len(n), n))


def main() -> None:
    args = arguments(
        __doc__, lambda p: p.add_argument("--split", choices=(*SETS, "both", "all"), default="both")
    )
    groups = {"both": ("dev", "holdout"), "all": SETS}
    for split in groups.get(args.split, (args.split,)):
        report(split, score(LETTERS, split), args.misses)


if __name__ == "__main__":
    main()
