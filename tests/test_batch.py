"""The batch engine gives exactly the dates of the per-request engine."""

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from foiadesk.core.deadlines import batch
from foiadesk.core.deadlines.calendar import calendar
from foiadesk.core.deadlines.clocks import AppealRule, compute_clocks, next_deadline
from foiadesk.core.deadlines.events import Event
from foiadesk.core.demo import synthetic_history

# The third counts the expedite decision as the IRS does: 10 days from the request's date,
# never fewer than 5 working days after receipt (26 CFR 601.702(c)(6)(iv)).
RULES = [AppealRule(), AppealRule(90, "working", "6 CFR 5.8(a)(1)"), AppealRule(expedite_floor=5)]


def expected(events, rule, cal):
    clocks = compute_clocks(events, cal, rule)
    by_key = {c.key: c for c in clocks}

    def due(key):
        c = by_key.get(key)
        return c.due.toordinal() if c and c.due else batch.NONE

    def owed(key):
        c = by_key.get(key)
        return c.due.toordinal() if c and c.owed() else batch.NONE

    want = {k: due(k) for k in ("response", "exhaustion", "expedite", "appeal_decision", "appeal_exhaustion")}
    want |= {k: owed(k) for k in batch.WINDOWS}
    for key in batch.REPLIES:  # the earliest open reply-by date of each kind of ask
        dues = [c.due.toordinal() for c in clocks if c.key.startswith(key + ":") and c.owed()]
        want[key] = min(dues, default=batch.NONE)
    nxt = next_deadline(clocks)
    want["next"] = nxt.due.toordinal() if nxt else batch.NONE
    return want


def compare(histories, rules):
    cal = calendar()
    result = batch.compute(batch.extract(histories, cal, rules), cal)
    nxt, _ = batch.next_due(result)
    for i, (events, rule) in enumerate(zip(histories, rules, strict=True)):
        want = expected(events, rule, cal)
        got = {k: int(result[k][i]) for k in want if k in ("response", "exhaustion", "expedite")}
        got |= {k: int(result[k][i]) for k in ("appeal_decision", "appeal_exhaustion")}
        got |= {k: int(batch.open_due(result, k)[i]) for k in (*batch.WINDOWS, *batch.REPLIES)}
        got["next"] = int(nxt[i])
        assert got == want, (i, events)


def test_batch_matches_scalar_on_realistic_histories():
    rng = random.Random(1)
    histories = [synthetic_history(rng, date(2026, 11, 25)) for _ in range(3000)]
    for i, h in enumerate(histories):
        histories[i] = [
            Event(e.type, e.occurred_on, e.agency_received_on, e.named_date, e.outcome, id=j)
            for j, e in enumerate(h)
        ]
    compare(histories, [RULES[i % 3] for i in range(len(histories))])


STEP_TYPES = [
    "info_requested",
    "info_answered",
    "fee_clarification_requested",
    "fee_clarification_answered",
    "extension_notice",
    "routed",
    "acknowledged",
    "received",
    "determination",
    "withdrawn",
    "expedite_requested",
    "appeal_filed",
]


@st.composite
def histories(draw):
    start = draw(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)))
    events = [Event("filed", start, agency_received_on=draw(st.one_of(st.none(), st.just(start))), id=0)]
    for i in range(draw(st.integers(0, 7))):
        t = draw(st.sampled_from(STEP_TYPES))
        on = start + timedelta(days=draw(st.integers(0, 80)))
        later = on + timedelta(days=draw(st.integers(0, 30)))
        kw = {}
        if t in (
            "info_answered",
            "fee_clarification_answered",
            "routed",
            "appeal_filed",
            "received",
        ):
            kw["agency_received_on"] = draw(st.one_of(st.none(), st.just(later)))
        if t == "acknowledged":
            kw["agency_received_on"] = draw(st.one_of(st.none(), st.just(start)))
        if t == "extension_notice":
            kw["named_date"] = draw(st.one_of(st.none(), st.just(later)))
        if t == "determination":
            kw["outcome"] = draw(st.sampled_from(["partial", "full_grant", "denial"]))
        events.append(Event(t, on, id=i + 1, **kw))
    return events


@settings(max_examples=400, deadline=None)
@given(st.lists(histories(), min_size=1, max_size=5), st.integers(0, 2))
def test_batch_matches_scalar_on_awkward_histories(hs, r):
    compare(hs, [RULES[r]] * len(hs))


def test_batch_matches_scalar_on_random_histories_of_every_event_type():
    """Any order, any type, receipts before or after, named dates anywhere."""
    from foiadesk.core.deadlines.events import EVENT_TYPES

    rng = random.Random(5)
    types = list(EVENT_TYPES) + [
        "filed",
        "info_requested",
        "info_answered",
        "extension_notice",
        "determination",
        "appeal_filed",
    ]
    histories, rules = [], []
    for _ in range(4000):
        start = date(2021, 1, 1) + timedelta(days=rng.randrange(3000))
        events = []
        for i in range(rng.randint(1, 10)):
            t = rng.choice(types)
            on = start + timedelta(days=rng.randint(-5, 120))
            kw = {}
            if EVENT_TYPES[t].agency_receipt and rng.random() < 0.6:
                kw["agency_received_on"] = on + timedelta(days=rng.randint(-3, 10))
            if EVENT_TYPES[t].named_date and rng.random() < 0.6:
                kw["named_date"] = on + timedelta(days=rng.randint(-3, 40))
            if EVENT_TYPES[t].outcomes:
                kw["outcome"] = rng.choice(EVENT_TYPES[t].outcomes)
            events.append(Event(t, on, id=rng.choice([i + 1, 50 - i]), **kw))
        histories.append(events)
        rules.append(rng.choice(RULES))
    compare(histories, rules)
