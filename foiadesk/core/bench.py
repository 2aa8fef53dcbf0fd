"""``foiadesk bench clocks``: time every clock of N synthetic requests, beside a plain
day-by-day loop over the same calendar, and print the figures (medians of repeats)."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import date
from typing import TypeVar

import numpy as np

from foiadesk.core.deadlines import batch
from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.deadlines.clocks import AppealRule, compute_clocks
from foiadesk.core.deadlines.events import Event
from foiadesk.core.demo import synthetic_history

TARGET_SECONDS = 0.2
TARGET_RATIO = 10.0

T = TypeVar("T")


def _median_time(fn: Callable[[], T], repeat: int) -> tuple[float, T]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def day_by_day(starts, off: set[int], n: int = 20) -> list[int]:
    """The reference: step one day at a time, counting days that are not off."""
    out = []
    for day in starts:
        count = 0
        while count < n:
            day += 1
            if day not in off:
                count += 1
        out.append(day)
    return out


def bench_clocks(requests: int, *, repeat: int = 5, seed: int = 1, today: date | None = None) -> dict:
    today = today or date(2026, 11, 25)
    cal = calendar()
    rng = random.Random(seed)
    t0 = time.perf_counter()
    histories = [
        [
            Event(e.type, e.occurred_on, e.agency_received_on, e.named_date, e.outcome, id=j)
            for j, e in enumerate(synthetic_history(rng, today))
        ]
        for _ in range(requests)
    ]
    made = time.perf_counter() - t0
    dhs = AppealRule(90, "working", "6 CFR 5.8(a)(1)")
    rules = [dhs if i % 5 < 2 else AppealRule() for i in range(requests)]
    n_events = sum(map(len, histories))
    print(f"{requests:,} synthetic requests, {n_events:,} events (made in {made:.2f} s)")

    t_extract, cols = _median_time(lambda: batch.extract(histories, cal, rules), max(1, repeat // 2))
    t_compute, result = _median_time(lambda: batch.compute(cols, cal), repeat)

    base = cal.first.toordinal()
    off = {base + i for i, is_off in enumerate(cal._off) if is_off}
    start = cols.receipt[cols.filed != batch.NONE].tolist()
    t_loop, looped = _median_time(lambda: day_by_day(start, off), max(1, repeat // 2))
    stepped = np.zeros(requests, dtype=bool)
    if cols.steps:
        stepped[cols.steps[0][0]] = True
    plain = (cols.filed != batch.NONE) & (cols.routed != 1) & ~stepped
    fast_plain = result["response"][plain].tolist()
    slow_plain = [d for d, p in zip(looped, plain[cols.filed != batch.NONE].tolist(), strict=True) if p]
    agree = fast_plain == slow_plain

    sample = min(2000, requests)
    t_scalar, _ = _median_time(
        lambda: [compute_clocks(h, cal, r) for h, r in zip(histories[:sample], rules[:sample], strict=True)],
        1,
    )
    ratio = t_loop / t_compute
    print(f"read events into columns (once per load): {t_extract:.3f} s")
    print(
        f"every clock, all requests (batch):         {t_compute:.3f} s   target <= {TARGET_SECONDS} s "
        f"-> {'met' if t_compute <= TARGET_SECONDS else 'NOT met'}"
    )
    print(f"response dates only, day-by-day loop:      {t_loop:.3f} s")
    print(
        f"ratio loop / batch:                        {ratio:.1f}x   target >= {TARGET_RATIO:.0f}x "
        f"-> {'met' if ratio >= TARGET_RATIO else 'NOT met'}"
    )
    print(
        f"same response dates where both apply:      {'yes' if agree else 'NO'} "
        f"({len(slow_plain):,} requests without tolls, routing or extensions)"
    )
    print(
        f"per-request engine with traces:            {t_scalar / sample * 1e6:.0f} µs a request "
        f"({sample:,} sampled)"
    )
    open_clocks = int(sum((batch.open_due(result, k) != batch.NONE).sum() for k in batch.DEADLINES))
    print(f"open clocks found: {open_clocks:,}")
    return {
        "compute": t_compute,
        "loop": t_loop,
        "ratio": ratio,
        "extract": t_extract,
        "agree": agree,
    }


def bench_drafting(*, repeat: int = 5) -> dict:
    """Time one request letter and a six-component batch (render only, no database)."""
    from datetime import date as _date

    from foiadesk.core.letters.compose import choose_categories, draft_requests
    from foiadesk.core.letters.content import DraftOptions
    from foiadesk.core.letters.profiles import load_profile
    from foiadesk.core.paths import RESOURCES
    from foiadesk.core.reference.casepack import shipped_case_packs
    from foiadesk.core.reference.directory import load_directory

    requester = load_profile(RESOURCES / "profiles" / "example.toml")
    pack = next(p for p in shipped_case_packs() if p.id == "irs-ice-mou-2025")
    directory = load_directory()
    six = []
    for abbr in ("ICE", "IRS", "TIGTA", "TREAS-DO", "DHS-PRIV", "DOJ-OLC"):
        component = directory.component(abbr)
        assert component is not None, abbr  # all six are curated components of the shipped directory
        six.append(component)
    options = DraftOptions(
        letter_date=_date(2026, 11, 25),
        fee_waiver=True,
        expedite=True,
        expedite_grounds=["urgency_to_inform", "media_interest"],
    )
    cats = choose_categories(pack, "all")
    draft_requests(requester, pack, cats, six[:1], options)  # warm-up: imports, first parse
    t_one, _ = _median_time(lambda: draft_requests(requester, pack, cats, six[:1], options), repeat)
    t_six, drafts = _median_time(lambda: draft_requests(requester, pack, cats, six, options), repeat)
    print(
        f"one request letter (ICE, all {len(cats)} categories): {t_one:.3f} s   target <= 0.2 s "
        f"-> {'met' if t_one <= 0.2 else 'NOT met'}"
    )
    print(
        f"six-component batch ({sum(len(d.docx) for d in drafts):,} bytes of .docx):  "
        f"{t_six:.3f} s   target <= 1 s -> {'met' if t_six <= 1 else 'NOT met'}"
    )
    return {"one": t_one, "six": t_six}
