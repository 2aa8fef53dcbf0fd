"""Print the reply reader's per-field accuracy on real, hand-labelled agency letters.

    python scripts/reply_accuracy.py [--split dev|holdout|holdout2..holdout6|both|all] [--misses]
    python scripts/reply_accuracy.py --templates [--misses]

The letters and their labels are in tests/fixtures/replies-real (see SOURCES.md there);
``--templates`` scores agencies' own reply templates, filled in (tests/fixtures/replies-templates:
the first round's group ``templates`` and the second round's ``templates2``, each under its name).
``--misses`` lists each wrong field; use it on the dev split only, so the holdouts stay a
fair measure of letters the rules were not written against (``both`` is dev and holdout,
``all`` is every set).
"""

from __future__ import annotations

from reply_report import ROOT, arguments, report

from foiadesk.core.replies.accuracy import score

LETTERS = ROOT / "tests" / "fixtures" / "replies-real"
TEMPLATES = ROOT / "tests" / "fixtures" / "replies-templates"
TEMPLATE_GROUPS = ("templates", "templates2")
SETS = sorted((p.name for p in LETTERS.iterdir() if p.is_dir()), key=lambda n: (n != "dev", len(n), n))


def main() -> None:
    def own(p):
        p.add_argument("--split", choices=(*SETS, "both", "all"), default="both")
        p.add_argument("--templates", action="store_true", help="score the filled agency templates instead")

    args = arguments(__doc__, own)
    if args.templates:
        for group in TEMPLATE_GROUPS:
            report(group, score(TEMPLATES, group), args.misses)
        return
    groups = {"both": ("dev", "holdout"), "all": SETS}
    for split in groups.get(args.split, (args.split,)):
        report(split, score(LETTERS, split), args.misses)


if __name__ == "__main__":
    main()
