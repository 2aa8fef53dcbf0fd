"""The list's search for a tracking number: a substring of any row's numbers, ignoring case,
in whatever script the numbers are written."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from foiadesk.core.tracking.listing import _EMPTY_COLUMNS, RequestIndex, _folded

LETTERS = "aAbB-0123456789 ,ßSsİiıK\u212a"  # ß folds to ss, K (Kelvin) to k, İ to i̇


def index_of(numbers: list[str]) -> RequestIndex:
    index = RequestIndex(None)
    columns = _EMPTY_COLUMNS()
    columns["id"] = np.arange(1, len(numbers) + 1, dtype=np.int64)
    columns["tracking"] = np.array(numbers, dtype=object)
    columns["tracking_folded"] = _folded(numbers)
    index._set(columns)
    return index


def plainly(numbers: list[str], text: str) -> list[int]:
    needle = text.casefold()
    return [row for row, number in enumerate(numbers) if needle and needle in number.casefold()]


def test_a_number_is_found_by_any_part_of_it_in_any_case():
    index = index_of(["2026-ICFO-01234", "", "COW2026000123, 2026-HQAP-7", "DHS-2025-1"])
    assert index.rows_with_tracking("icfo-0123").tolist() == [0]
    assert index.rows_with_tracking("2026").tolist() == [0, 2]
    assert index.rows_with_tracking("-1").tolist() == [3]
    assert index.rows_with_tracking("23, 2026").tolist() == [2]  # across two numbers of one row is
    assert index.rows_with_tracking("").tolist() == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(LETTERS, max_size=12), max_size=30), st.text(LETTERS, min_size=1, max_size=4))
def test_the_search_finds_exactly_the_rows_a_plain_reading_finds(numbers, text):
    assert index_of(numbers).rows_with_tracking(text).tolist() == plainly(numbers, text)
