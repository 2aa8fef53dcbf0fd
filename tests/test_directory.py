"""The directory as a user sees it: where to send, how long to appeal, how long to wait."""

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from foiadesk.core.reference.directory import (
    DirectoryError,
    default_resources_dir,
    load_directory,
)

REAL = default_resources_dir()


@pytest.fixture(scope="module")
def directory():
    return load_directory()


def test_every_curated_component_has_a_preferred_channel_and_an_appeal_window(directory):
    curated = directory.curated()
    assert {
        "DHS-PRIV",
        "ICE",
        "USCIS",
        "CBP",
        "TREAS-DO",
        "IRS",
        "TIGTA",
        "DOJ-OIP",
        "DOJ-OLC",
        "EOUSA",
        "SSA",
        "DOJ-CIV",
    } <= {c.abbr for c in curated}
    for comp in curated:
        assert comp.curated and not comp.verify_before_sending
        assert comp.preferred_channel is not None, comp.abbr
        assert comp.preferred_channel.tag in "VPU" and comp.preferred_channel.source
        window = directory.appeal_window(comp.abbr)
        assert window.days == 90 and window.unit in ("calendar", "working") and window.cite


def test_ice_appeal_window_is_90_working_days_under_6_cfr_5_8(directory):
    window = directory.appeal_window("ice")
    assert (window.days, window.unit, window.tag) == (90, "working", "V")
    assert window.cite.startswith("6 CFR 5.8")


def test_doj_components_get_90_calendar_days_and_oip_as_appeal_office(directory):
    for abbr in ("DOJ-OLC", "EOUSA", "DOJ-CIV"):
        assert directory.appeal_window(abbr).unit == "calendar"
        assert "Office of Information Policy" in directory.component(abbr).appeal_office.value


def test_broad_dhs_component_inherits_the_dhs_rules(directory):
    crcl = directory.component("dhs--office-for-civil-rights-and-civil-liberties")
    assert not crcl.curated
    window = directory.appeal_window(crcl.key)
    assert (window.days, window.unit) == (90, "working")
    assert window.cite.startswith("6 CFR 5.8")
    assert crcl.default_fee_commitment.value == 25
    assert any("Jan 22, 2026" in note.value for note in crcl.submission_notes)


def test_unknown_agency_gets_the_statutory_default(directory):
    for key in ("no-such-office", "nasa--headquarters"):
        window = directory.appeal_window(key)
        assert (window.days, window.unit, window.tag) == (90, "calendar", "V")
        assert window.cite == "5 U.S.C. 552(a)(6)(A)(i)(III)(aa)"


def test_broad_entry_says_verify_before_sending_as_of_2017(directory):
    comp = directory.component("dos--department-of-state")  # no FOIA.gov form under "dos"
    assert comp.verify_before_sending and not comp.curated
    assert comp.as_of == date(2017, 7, 25)
    assert all(c.as_of == date(2017, 7, 25) for c in comp.channels)
    assert comp.preferred_channel is not None


def test_lookup_is_case_insensitive_and_curated_entries_win(directory):
    assert directory.component("tigta").abbr == "TIGTA"
    # FOIA.gov's own id and abbreviation for ICE lead to the curated entry.
    assert directory.component("dhs--u-s-immigration-customs-enforcement").curated
    assert directory.component("ICE").name == "U.S. Immigration and Customs Enforcement"
    assert directory.component("FLETC").key == "dhs--federal-law-enforcement-training-center"
    assert directory.component("nothing-like-this") is None


def test_every_broad_component_can_be_addressed(directory):
    everyone = directory.all()
    assert len(everyone) == 436  # 424 components + 12 agency-level contacts
    assert len({c.key for c in everyone}) == len(everyone)


def test_search_finds_components_by_name_and_lists_curated_first(directory):
    hits = directory.search("immigration & customs")
    assert hits[0].abbr == "ICE" and len([h for h in hits if h.abbr == "ICE"]) == 1
    assert directory.search("ice")[0].abbr == "ICE"
    assert [c.abbr for c in directory.search("inspector general tax")] == ["TIGTA"]
    assert directory.search("   ") == []


def test_dhs_components_prefer_the_portal_and_note_the_2026_rule(directory):
    for abbr in ("DHS-PRIV", "ICE", "USCIS", "CBP"):
        comp = directory.component(abbr)
        assert comp.preferred_channel.kind == "portal"
        assert any("Jan 22, 2026" in n.value for n in comp.submission_notes)
        assert comp.default_fee_commitment.value == 25


def test_irs_rules(directory):
    irs = directory.component("IRS")
    mail = [c.value for c in irs.channels if c.kind == "mail"]
    assert any("Stop 211" in m for m in mail)
    assert any("6103(c)" in n.value for n in irs.identity_notes)
    assert any("failure to respond" in n.value for n in irs.appeal_notes)
    assert irs.appeal_window.tag == "P"


def test_completion_estimate_uses_latest_usable_year(directory):
    ice = directory.completion_estimate("ICE")
    assert (ice.fiscal_year, ice.simple_days, ice.complex_days, ice.expedited_days) == (2020, 5, 30, 14)
    # IRS appears only in FOIA.gov's older table, by its lower-case name; FY2016 has no
    # simple-track median.
    irs = directory.completion_estimate("IRS")
    assert (irs.fiscal_year, irs.simple_days, irs.complex_days, irs.expedited_days) == (2016, None, 18, 13)
    assert "2008_2016" in irs.source
    # "less than 1" counts as one day.
    nppd = directory.completion_estimate("dhs--directorate-for-national-protection-and-programs")
    assert (nppd.simple_days, nppd.complex_days) == (1, 351)
    assert directory.completion_estimate("DHS-PRIV") is None
    assert directory.completion_estimate("no-such-office") is None


def test_estimates_read_line_by_line_match_a_reading_of_every_row(directory):
    """The statistics are looked up in the lines that name an office; each estimate must be
    the one a plain reading of both files, row by row, gives (written out here)."""
    folder = REAL / "directory"

    def rows(name):
        with (folder / name).open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    by_id, by_name = {}, {}
    for row in rows("processing_times.csv"):
        key = row["component_id"] or f"{row['agency_abbreviation'].lower()}--agency"
        by_id.setdefault(key, {})[int(row["fiscal_year"])] = row
    for row in rows("processing_times_foiagov_fy2008_2016.csv"):
        years = by_name.setdefault((row["name"].lower(), row["agency"].lower()), {})
        if row["level"] == "office" or int(row["year"]) not in years:
            years[int(row["year"])] = row

    def latest(years):
        for year in sorted(years, reverse=True):
            days = []
            for column in ("simple_median_days", "complex_median_days", "expedited_processing_median_days"):
                text = years[year][column].strip().lower()
                value = (
                    1.0 if text == "less than 1" else float(text) if text.replace(".", "").isdigit() else 0
                )
                days.append(value or None)
            if any(days):
                return (year, *days)
        return None

    found = 0
    for comp in directory.all():
        name = (comp.stats_name or comp.name).lower()
        expected = latest(by_id.get(comp.foiagov_id or "", {})) or latest(
            by_name.get((name, comp.parent.lower()), {})
        )
        got = directory.completion_estimate(comp.key)
        if comp is not directory.component(comp.key):  # a FOIA.gov abbreviation two offices share
            continue
        assert (
            got and (got.fiscal_year, got.simple_days, got.complex_days, got.expedited_days)
        ) == expected, comp.key
        found += expected is not None
    assert found > 300  # most offices have figures: the test compares real ones


def test_every_curated_fact_has_a_source_tag_and_date(directory):
    for comp in directory.curated():
        facts = [
            comp.regulation,
            comp.phone,
            comp.appeal_office,
            comp.appeal_address,
            comp.default_fee_commitment,
            *comp.channels,
            *comp.appeal_channels,
            *comp.expedite_grounds,
            *comp.fee_notes,
            *comp.identity_notes,
            *comp.submission_notes,
            *comp.appeal_notes,
        ]
        for fact in filter(None, facts):
            assert fact.source and fact.tag in ("V", "P", "U")
            assert isinstance(fact.as_of, date)


# --- malformed components.json: the message a user sees -----------------------------------


def _write(tmp_path: Path, change) -> Path:
    data = json.loads((REAL / "components.json").read_text(encoding="utf-8"))
    change(data)
    (tmp_path / "components.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "directory").symlink_to(REAL / "directory")
    return tmp_path


def _ice(data):
    return next(c for c in data["components"] if c["abbr"] == "ICE")


def _set_second_preferred(data):
    _ice(data)["channels"][1]["preferred"] = True


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda d: _ice(d).pop("regulation"),
            "components.json: component ICE: regulation: required field is missing",
        ),
        (
            lambda d: _ice(d)["phone"].update(tag="X"),
            "components.json: component ICE: phone.tag: 'X' is not a tag (use V, P or U)",
        ),
        (
            lambda d: _ice(d)["channels"][0].update(as_of="2026-02-30"),
            "components.json: component ICE: channels[0].as_of: '2026-02-30' is not a date (YYYY-MM-DD)",
        ),
        (
            lambda d: _ice(d)["channels"][1].update(kind="pigeon"),
            "components.json: component ICE: channels[1].kind: 'pigeon' is not one of: "
            "portal, email, mail, fax",
        ),
        (
            _set_second_preferred,
            "components.json: component ICE: channels[1].preferred: only one channel may be "
            "preferred (channels[0] already is)",
        ),
        (
            lambda d: [c.update(preferred=False) for c in _ice(d)["channels"]],
            "components.json: component ICE: channels: mark one channel as preferred",
        ),
        (
            lambda d: _ice(d)["appeal"]["window"].update(unit="weeks"),
            "components.json: component ICE: appeal.window.unit: 'weeks' is not one of: calendar, working",
        ),
        (
            lambda d: _ice(d).update(submision_notes=[]),
            "components.json: component ICE: submision_notes: unknown field; "
            "did you mean 'submission_notes'?",
        ),
        (
            lambda d: d["components"][1].pop("abbr"),
            "components.json: component #2: abbr: required field is missing",
        ),
        (
            lambda d: _ice(d)["foiagov"].update(id="dhs--ice"),
            "components.json: component ICE: foiagov.id: 'dhs--ice' is not an id in the FOIA.gov directory",
        ),
        (
            lambda d: d["agency_rules"]["DHS"]["appeal"]["window"].update(days=0),
            "components.json: agency_rules.DHS.appeal.window.days: 0 is not a positive number of days",
        ),
        (
            lambda d: d.update(format="foiadesk-components/9"),
            "components.json: format: 'foiadesk-components/9' is not supported "
            "(expected 'foiadesk-components/1')",
        ),
    ],
)
def test_malformed_components_give_a_readable_message(tmp_path, change, message):
    folder = _write(tmp_path, change)
    with pytest.raises(DirectoryError) as caught:
        load_directory(folder)
    assert str(caught.value) == message
    error = caught.value  # no chained internal error would show under the message
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)


def test_invalid_json_gives_line_and_column(tmp_path):
    (tmp_path / "components.json").write_text('{"format":\n  ]', encoding="utf-8")
    with pytest.raises(DirectoryError) as caught:
        load_directory(tmp_path)
    assert str(caught.value) == ("components.json: line 2, column 3: not valid JSON (Expecting value)")


def test_missing_directory_files_are_reported(tmp_path):
    (tmp_path / "components.json").write_text(
        (REAL / "components.json").read_text(encoding="utf-8"), encoding="utf-8"
    )
    with pytest.raises(DirectoryError, match=r"^components\.csv: cannot read"):
        load_directory(tmp_path)


def test_an_office_row_wins_over_an_agency_row_of_the_same_name_and_year(tmp_path, directory):
    from foiadesk.core.reference.directory import _Stats

    (tmp_path / "processing_times.csv").write_text(
        "agency_abbreviation,component_id,level,name,fiscal_year,simple_median_days,"
        "complex_median_days,expedited_processing_median_days\n"
    )
    (tmp_path / "processing_times_foiagov_fy2008_2016.csv").write_text(
        "name,year,agency,simple_median_days,complex_median_days,expedited_processing_median_days,level\n"
        '"Office of Records, Plans",2015,XYZ,40,80,9,agency\n'
        '"office of records, plans",2015,xyz,4,8,less than 1,office\n'
        '"Office of Records, Plans",2015,XYZ,50,90,9,agency\n'
        '"Office of Records, Plans",2016,ABC,7,7,7,office\n'
    )
    office = directory.component("ICE")
    office = type(office)(
        **{
            **office.__dict__,
            "name": "Office of Records, Plans",
            "parent": "XYZ",
            "foiagov_id": None,
            "stats_name": None,
        }
    )
    got = _Stats(tmp_path).estimate(office)
    assert (got.fiscal_year, got.simple_days, got.complex_days, got.expedited_days) == (2015, 4, 8, 1)


def test_an_office_name_several_agencies_use_is_listed_with_its_agency():
    from foiadesk.core.tracking.titles import list_office

    # FOIA.gov's directory has a "Headquarters" for HUD and others, an "Office of the Inspector
    # General" for most departments: alone in a column they say nothing
    assert list_office("hud--headquarters") == "HUD Headquarters"
    assert list_office("dol--office-of-the-inspector-general") == "DOL Office of the Inspector General"
    # a name only one agency uses, or an office with its own initials, stays as it is
    assert list_office("dol--wage-and-hour-division") == "Wage and Hour Division"
    assert list_office("doi--bureau-of-indian-affairs") == "BIA"
