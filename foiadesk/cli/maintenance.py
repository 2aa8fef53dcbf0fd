"""Looking after FoiaDesk and its log: demo logs, backups, settings, the menu entry and
the benchmarks."""

from __future__ import annotations

from pathlib import Path

from foiadesk.cli import (
    UsageError,
    _open,
)
from foiadesk.core.settings import load_settings


def add_commands(sub, with_db) -> None:
    dm = sub.add_parser("demo", help="write a realistic synthetic database")
    dm.add_argument("--requests", type=int, default=2000)
    dm.add_argument("--db", type=Path, required=True)
    dm.add_argument("--seed", type=int, default=7)

    b = with_db(sub.add_parser("backup", help="copy the database safely, even while in use"))
    b.add_argument("--out", type=Path, help="the copy to write (default: the backups folder beside the log)")
    b.add_argument("--force", action="store_true", help="replace --out if it exists")

    rs = with_db(sub.add_parser("restore", help="list the log's backups, or put one back in its place"))
    rs.add_argument(
        "backup", nargs="?", help="a number from the list, or a backup file (the log is backed up first)"
    )

    st = sub.add_parser("settings", help="show or change the settings the window and commands share")
    st.add_argument("key", nargs="?", help="skip_closures or templates_folder")
    st.add_argument(
        "value", nargs="?", help="yes/no for skip_closures; a folder (or '') for templates_folder"
    )

    sub.add_parser("install-desktop-entry", help="add FoiaDesk to the desktop's application menu")

    bench = sub.add_parser("bench", help="benchmarks that print their figures")
    bench.add_argument("what", choices=("clocks", "drafting", "scale"))
    bench.add_argument("--requests", type=int, default=100_000)
    bench.add_argument("--repeat", type=int, help="runs to take the median of (default 5; scale: 3)")
    bench.add_argument(
        "--max", type=int, default=100_000, help="scale: the largest log, 1000 to 1000000 (default 100000)"
    )
    bench.add_argument("--dir", type=Path, help="scale: where the demo logs are written and reused")
    bench.add_argument("--no-window", action="store_true", help="scale: leave out the window's figures")
    sub.choices["demo"].set_defaults(func=cmd_demo)
    sub.choices["backup"].set_defaults(func=cmd_backup)
    sub.choices["restore"].set_defaults(func=cmd_restore)
    sub.choices["settings"].set_defaults(func=cmd_settings)
    sub.choices["install-desktop-entry"].set_defaults(func=cmd_install_desktop_entry)
    sub.choices["bench"].set_defaults(func=cmd_bench)


def cmd_demo(args) -> int:
    from foiadesk.core.demo import write_demo

    if args.requests < 1:
        raise UsageError("--requests must be at least 1")
    counts = write_demo(args.db, requests=args.requests, seed=args.seed)
    print(f"Wrote {counts['requests']} requests and {counts['events']} events to {args.db}")
    return 0


def cmd_backup(args) -> int:
    from foiadesk.core.store.db import backup

    print(backup(_open(args), args.out, force=args.force))
    return 0


def cmd_restore(args) -> int:
    from foiadesk.core.paths import default_db_path
    from foiadesk.core.store.db import backups_dir
    from foiadesk.core.store.restore import list_backups, restore

    log = Path(args.db).expanduser() if args.db else default_db_path()
    if args.backup is None or args.backup.isdigit():
        found = list_backups(log)
    if args.backup is None:
        if not found:
            print(f"No backups of {log} in {backups_dir(log)}. Make one with: foiadesk backup")
            return 0
        print(f"Backups of {log}, newest first:")
        for number, backup in enumerate(found, 1):
            print(f"  {number:>3}. {backup.describe()}")
            print(f"       {backup.path.name}")
        print("Restore one with: foiadesk restore NUMBER (the log as it is now is backed up first).")
        return 0
    if args.backup.isdigit():
        if not 1 <= int(args.backup) <= len(found):
            raise UsageError(f"there is no backup {args.backup}: foiadesk restore lists them ({len(found)}).")
        source = found[int(args.backup) - 1].path
    else:
        source = Path(args.backup)
    done = restore(log, source)
    print(f"Restored {log} from the backup {done.backup.describe()}.")
    if done.kept is not None:
        print(f"The log as it was is kept in {done.kept}; to go back to it: foiadesk restore {done.kept}")
    return 0


def cmd_settings(args) -> int:
    from dataclasses import asdict

    from foiadesk.core.settings import HELP, change_setting, settings_path

    if args.value is not None:
        current = change_setting(args.key, args.value)
    else:
        current = load_settings()
        if args.key is not None and args.key not in HELP:
            raise UsageError(f"'{args.key}' is not a setting; the settings are: {', '.join(HELP)}")
    for key, value in asdict(current).items():
        if args.key in (None, key):
            shown = ("yes" if value else "no") if isinstance(value, bool) else (value or "(not set)")
            print(f"{key} = {shown}    # {HELP[key]}")
    if args.key is None:
        print(f"(saved in {settings_path()})")
    return 0


def cmd_install_desktop_entry(args) -> int:
    from foiadesk.core.desktop_entry import install_desktop_entry

    installed = install_desktop_entry()
    print(f"Added FoiaDesk to the application menu: {installed.entry} (icon {installed.icon})")
    return 0


def cmd_bench(args) -> int:
    from foiadesk.core.bench import bench_clocks, bench_drafting

    if args.what == "scale":
        from foiadesk.core.bench import bench_scale

        if not 1000 <= args.max <= 1_000_000:
            raise UsageError("--max must be between 1000 and 1000000")
        bench_scale(
            max_requests=args.max, repeat=args.repeat or 3, folder=args.dir, window=not args.no_window
        )
    elif args.what == "drafting":
        bench_drafting(repeat=args.repeat or 5)
    else:
        bench_clocks(args.requests, repeat=args.repeat or 5)
    return 0
