"""Addressee blocks read as USPS and a mail room read them: the city, state and ZIP on one
line, a street's quadrant and its suite, room, floor or mail stop on the street's line
(USPS Publication 28 puts the secondary unit at the end of the delivery line), and a post
office box left with the stop written above it. The addresses are the directory's own, as the
agencies publish them (resources/components.json, resources/directory/components.csv); the
expected lines are written out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from foiadesk.core.letters.content import Requester, RequestRef, address_lines, build_status_inquiry_context
from foiadesk.core.reference.directory import load_directory

# (an address as the directory writes it, the lines a letter should print)
PUBLISHED = [
    (  # DHS Privacy Office requests (components.json)
        "Privacy Office, Mail Stop 0655, U.S. Department of Homeland Security, "
        "2707 Martin Luther King Jr. Ave SE, Washington, DC 20528-0655",
        [
            "Privacy Office",
            "U.S. Department of Homeland Security",
            "2707 Martin Luther King Jr. Ave SE, Mail Stop 0655",
            "Washington, DC 20528-0655",
        ],
    ),
    (  # the older DHS appeal address, as DHS determination letters print it
        "Privacy Office, Attn: FOIA Appeals, U.S. Department of Homeland Security, "
        "245 Murray Lane, SW, Mail Stop 0655, Washington, D.C. 20528-0655",
        [
            "Privacy Office",
            "Attn: FOIA Appeals",
            "U.S. Department of Homeland Security",
            "245 Murray Lane, SW, Mail Stop 0655",
            "Washington, D.C. 20528-0655",
        ],
    ),
    (
        "U.S. Immigration and Customs Enforcement, Freedom of Information Act Office, "
        "500 12th Street SW, Stop 5009, Washington, DC 20536-5009",
        [
            "U.S. Immigration and Customs Enforcement",
            "Freedom of Information Act Office",
            "500 12th Street SW, Stop 5009",
            "Washington, DC 20536-5009",
        ],
    ),
    (
        "CBP FOIA, 90 K St NE, MS 1181, Washington, DC 20229",
        ["CBP FOIA", "90 K St NE, MS 1181", "Washington, DC 20229"],
    ),
    (
        "TIGTA, Office of Chief Counsel, Disclosure Branch, City Center Building, "
        "1401 H Street NW, Suite 469, Washington, DC 20005",
        [
            "TIGTA",
            "Office of Chief Counsel",
            "Disclosure Branch",
            "City Center Building",
            "1401 H Street NW, Suite 469",
            "Washington, DC 20005",
        ],
    ),
    (
        "Office of Information Policy, U.S. Department of Justice, Suite 11050, "
        "1425 New York Avenue, NW, Washington, DC 20530-0001",
        [
            "Office of Information Policy",
            "U.S. Department of Justice",
            "1425 New York Avenue, NW, Suite 11050",
            "Washington, DC 20530-0001",
        ],
    ),
    (
        "Office of Information Policy, U.S. Department of Justice, 6th Floor, "
        "441 G Street N.W., Washington, D.C. 20530-0001",
        [
            "Office of Information Policy",
            "U.S. Department of Justice",
            "441 G Street N.W., 6th Floor",
            "Washington, D.C. 20530-0001",
        ],
    ),
    (
        "IRS Independent Office of Appeals, Attn: FOIA Appeals, M/S 55202, 5045 E. Butler Ave., "
        "Fresno, CA 93727-5136",
        [
            "IRS Independent Office of Appeals",
            "Attn: FOIA Appeals",
            "5045 E. Butler Ave., M/S 55202",
            "Fresno, CA 93727-5136",
        ],
    ),
    (  # a post office box: the IRS's stop stays on its own line above it, as the IRS prints it
        "Internal Revenue Service, GLDS Support Services, Stop 211, PO Box 621506, Atlanta, GA 30362-3006",
        [
            "Internal Revenue Service",
            "GLDS Support Services",
            "Stop 211",
            "PO Box 621506",
            "Atlanta, GA 30362-3006",
        ],
    ),
    (  # domain.md §1.14, OGIS
        "National Archives, 8601 Adelphi Road (OGIS), College Park, MD 20740-6001",
        ["National Archives", "8601 Adelphi Road (OGIS)", "College Park, MD 20740-6001"],
    ),
    (  # the 2017 directory (components.csv) puts NASA's quadrant on the city's line too
        "Martha Terry\nNSSC FOIA Officer\nRoom 5Q14\n300 E Street, SW\nS.W. Washington, DC 20546",
        ["Martha Terry", "NSSC FOIA Officer", "Room 5Q14", "300 E Street, SW", "Washington, DC 20546"],
    ),
    (
        "Frank Clubb\nFOIA Disclosure Officer\nSuite 400 North\n800 K Street\nN.W. Washington, DC 20001-8002",
        [
            "Frank Clubb",
            "FOIA Disclosure Officer",
            "Suite 400 North",
            "800 K Street, N.W.",
            "Washington, DC 20001-8002",
        ],
    ),
]


@pytest.mark.parametrize(("published", "expected"), PUBLISHED, ids=[e[1][0] for e in PUBLISHED])
def test_published_addresses_print_as_mail_is_addressed(published, expected):
    assert address_lines(published) == expected


@pytest.mark.parametrize(
    ("abbr", "street", "city"),
    [
        ("DHS-PRIV", "2707 Martin Luther King Jr. Ave SE, Mail Stop 0655", "Washington, DC 20528-0655"),
        ("ICE", "500 12th Street SW, Stop 5009", "Washington, DC 20536-5009"),
        ("CBP", "90 K St NE, MS 1181", "Washington, DC 20229"),
        ("TIGTA", "1401 H Street NW, Suite 469", "Washington, DC 20005"),
    ],
)
def test_a_letter_to_the_office_prints_its_street_and_city_lines_whole(abbr, street, city):
    comp = load_directory().component(abbr)
    requester = Requester(
        name="Dana Whitfield", email="dana@example.org", address="1 Main St\nTown, ST 00000"
    )
    ref = RequestRef("2026-FOIA-00001", date(2026, 10, 1))
    ctx = build_status_inquiry_context(requester, comp, ref, letter_date=date(2026, 12, 7))
    lines = str(ctx["addressee"]).split("\n")
    assert lines[0] == "FOIA Officer"
    assert lines[-2:] == [street, city]
    assert not any(line.startswith(("Mail Stop", "Stop ", "MS ", "Suite ")) for line in lines)


# resources/directory/components.csv, NASA Shared Service Center (contacts data of 2017-07-25):
# "Martha Terry / NSSC FOIA Officer / Room 5Q14 / 300 E Street, SW / S.W. Washington, DC 20546",
# public liaison "Martha Terry", 202-358-2339
NSSC = "nasa--nasa-shared-service-center-nssc"


def _nssc_status(on: date) -> dict:
    requester = Requester(
        name="Dana Whitfield", email="dana@example.org", address="1 Main St\nTown, ST 00000"
    )
    comp = load_directory().component(NSSC)
    return build_status_inquiry_context(
        requester, comp, RequestRef("26-NSSC-F-00123", date(2026, 9, 1)), letter_date=on
    )


def test_years_old_directory_data_addresses_the_office_by_role_not_by_name():
    ctx = _nssc_status(date(2026, 12, 7))
    assert str(ctx["addressee"]).split("\n") == [
        "FOIA Officer",
        "NASA Shared Service Center",
        "NSSC FOIA Officer",
        "Room 5Q14",
        "300 E Street, SW",
        "Washington, DC 20546",
    ]
    assert "Martha Terry" not in ctx["component"]["public_liaison"]
    assert any("check them on the agency's FOIA page before sending" in w for w in ctx["warnings"])


def test_a_name_is_dropped_for_the_datas_age_not_for_the_office():
    # the same record, used within a year of its as-of date, is current: its officer is named
    ctx = _nssc_status(date(2018, 1, 10))
    assert str(ctx["addressee"]).split("\n")[2] == "Martha Terry"
    assert ctx["component"]["public_liaison"] == "Martha Terry (202-358-2339)"


def test_a_2017_web_form_gives_way_to_foia_govs_forms_of_2026():
    # resources/directory/components.csv (2017): NSSC's web form https://socialforms.nasa.gov/foia;
    # /work/shared/data/foia-gov-forms (2026-06-09): fourteen open NASA forms (nasa_*_form)
    from foiadesk.core.letters.filing import choose_channel

    comp = load_directory().component(NSSC)
    chosen = choose_channel(comp, date(2026, 12, 7))
    assert (chosen.kind, chosen.address) == ("portal", "https://www.foia.gov")
    # FOIA.gov's forms take new requests: a letter about one goes by the office's email
    assert _nssc_status(date(2026, 12, 7))["delivery"] == "Sent by email to foia@hq.nasa.gov"
    assert "socialforms.nasa.gov" not in " ".join(c.value for c in comp.channels)
    assert comp.preferred_channel.as_of == date(2026, 6, 9)
    assert comp.preferred_channel.note == (
        "On FOIA.gov, choose National Aeronautics and Space Administration and then "
        "NASA Shared Service Center."
    )
    assert [c.kind for c in comp.channels if not c.preferred] == ["email", "mail", "fax"]  # 2017's, kept


def test_a_channel_checked_after_the_forms_snapshot_stays_preferred():
    directory = load_directory()
    # components.json: SSA's portal was last checked in 2017, TIGTA's email on 2026-06-30
    ssa, tigta = directory.component("SSA"), directory.component("TIGTA")
    assert (ssa.preferred_channel.kind, ssa.preferred_channel.value) == ("portal", "https://www.foia.gov")
    assert "secure.ssa.gov" not in " ".join(c.value for c in ssa.channels)
    assert ssa.preferred_channel.note == "On FOIA.gov, choose Social Security Administration."
    assert (tigta.preferred_channel.kind, tigta.preferred_channel.value) == (
        "email",
        "FOIA.Reading.Room@tigta.treas.gov",
    )


def test_an_office_whose_name_other_agencies_share_is_named_with_its_agency_in_a_letter():
    from foiadesk.core.letters.content import file_office, first_mention, short_name
    from foiadesk.core.reference.directory import load_directory

    hud = load_directory().component("hud--headquarters")
    # "the Headquarters" alone says nothing to a reader of the letter or of the file name
    assert first_mention(hud) == "the Headquarters of the Department of Housing and Urban Development"
    assert short_name(hud) == "the HUD Headquarters" and file_office(hud) == "HUD Headquarters"
    whd = load_directory().component("dol--wage-and-hour-division")  # a name only Labor uses
    assert first_mention(whd) == short_name(whd) == "the Wage and Hour Division"


def test_a_letter_to_an_office_named_as_other_agencies_offices_are_names_its_agency_above_it():
    # components.csv, HUD's "Headquarters": "Chief FOIA Officer, Room 10139, 451 7th Street, SW,
    # Washington, DC 20410-3000"; "Headquarters" alone on the envelope names no agency
    requester = Requester(
        name="Dana Whitfield", email="dana@example.org", address="1 Main St\nTown, ST 00000"
    )
    comp = load_directory().component("hud--headquarters")
    ref = RequestRef("26-FI-HQ-01234", date(2026, 9, 1))
    ctx = build_status_inquiry_context(requester, comp, ref, letter_date=date(2026, 12, 7))
    assert str(ctx["addressee"]).split("\n")[:3] == [
        "FOIA Officer",
        "Department of Housing and Urban Development",
        "Headquarters",
    ]


@pytest.mark.parametrize(
    "abbr, filed_by, delivery",
    [
        ("ICE", "email", "Sent by email to ice-foia@ice.dhs.gov"),  # components.json, ICE's email
        ("ICE", "mail", "Sent by mail"),
        # no email on file for Treasury's Departmental Offices: the user wrote to an address of
        # their own, so the letter claims no channel (it said "Submitted through the portal")
        ("TREAS-DO", "email", ""),
        ("dol--wage-and-hour-division", "email", ""),  # it said "Sent by mail"
    ],
)
def test_a_follow_up_goes_the_way_the_request_went(abbr, filed_by, delivery):
    requester = Requester(
        name="Dana Whitfield", email="dana@example.org", address="1 Main St\nTown, ST 00000"
    )
    ref = RequestRef("2026-FOIA-00001", date(2026, 10, 1), filed_by=filed_by)
    comp = load_directory().component(abbr)
    ctx = build_status_inquiry_context(requester, comp, ref, letter_date=date(2026, 12, 7))
    assert ctx["delivery"] == delivery
