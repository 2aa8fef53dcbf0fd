"""Sending a drafted request and proving it was sent.

The letter a request was drafted with is read back from the log (its .docx) and turned
into what each channel needs: FOIA.gov's form fields for a portal (from a dated snapshot
of FOIA.gov's form definitions, resources/portal_forms.json; FoiaDesk never connects),
an .eml draft for email, a print-ready letter with an address page for mail or fax.
``file_request`` then records the filing in one transaction: the channel, the typed
confirmation (never a tracking number), the sent letter and the proof, and what the letter
asks for (expedited processing starts its clock, a fee waiver waits for a decision, the
fee cap goes in the ledger).
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from email.message import EmailMessage
from email.policy import SMTP
from functools import cache
from pathlib import Path

from sqlite_utils import Database

from foiadesk.core.errors import UserError
from foiadesk.core.letters.content import (
    DELIVERY,
    Requester,
    _base,
    _office_address,
    address_lines,
    dollars,
    file_office,
    long_date,
    sentence_start,
    short_name,
)
from foiadesk.core.paths import RESOURCES
from foiadesk.core.reference.directory import Component, load_directory
from foiadesk.core.store import log, reads, sent
from foiadesk.core.store.db import write
from foiadesk.core.tracking.titles import shown_title

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FORMS_FILE = RESOURCES / "portal_forms.json"
# 6 CFR 5.3(a)(2) as amended by FR Doc. 2025-23783: DHS takes requests through its portal.
DHS_PORTAL_ONLY_FROM = date(2026, 1, 22)
DHS_PORTAL_RULE = (
    "Since 2026-01-22 DHS and its components generally accept requests only through the web "
    "portal (6 CFR 5.3(a)(2), FR Doc. 2025-23783); mail, fax and email are for limited exceptions."
)
DECLARATION_1746 = (
    "I declare under penalty of perjury that the foregoing is true and correct to the best of my "
    "knowledge and belief. Executed on {date}."
)
CONFIRMATION_MAX = 200
FOIA_GOV = "https://www.foia.gov"
DESCRIPTION_LIMIT = 10_000  # FOIA.gov's request_description; the background goes first
FEE_CATEGORY_TO_FORM = {
    "news_media": "media",
    "educational": "educational",
    "scientific": "scientific",
    "commercial": "commercial",
    "other": "other",
}


class FilingError(UserError):
    """The request cannot be filed or packaged as asked; the message says why."""


def no_letter(request_id: int, doing: str) -> FilingError:
    """A request logged without a letter FoiaDesk drafted (added by hand): what to do instead."""
    return FilingError(
        f"Request #{request_id} has no drafted letter {doing}: draft one in Compose (or with "
        "foiadesk draft). A letter written elsewhere you send yourself, then log its filing."
    )


# --- the letter a request was drafted with ------------------------------------------------------


@dataclass(frozen=True)
class Letter:
    """The drafted letter of a request, split into what a portal form asks for separately."""

    event_id: int
    filename: str
    docx: bytes
    subject: str
    text: str  # the whole letter, paragraph per line
    description: str  # the body without the waiver and expedite sections
    waiver: str  # the fee-waiver section, or ""
    expedite: str  # the expedite section, or ""
    fee_cap: Decimal | None  # "I agree to pay fees of up to $100"
    items: tuple[str, ...] = ()  # "1. The agreement, its drafts and amendments."
    delivery: str = ""  # "Submitted through the FOIA portal at …", as drafted


@dataclass(frozen=True)
class Asks:
    """What a request letter asks for besides records."""

    expedite: bool = False
    fee_waiver: bool = False
    fee_cap_cents: int | None = None


_CAP = re.compile(r"agree to pay (?:fees )?(?:of )?up to \$([\d,]+(?:\.\d{2})?)", re.I)


def _style(paragraph) -> str:
    try:
        return paragraph.style.name or ""
    except (AttributeError, KeyError, ValueError):
        return ""


def read_letter(event_id: int, filename: str, data: bytes) -> Letter:
    """Split a drafted request letter by its section headings: the body (from the salutation
    to the closing), the fee-waiver section and the expedite section."""
    from docx import Document

    try:
        doc = Document(io.BytesIO(data))
    except Exception:  # a stored file that is not a Word document
        raise FilingError(f"{filename} is not a Word document FoiaDesk can read.") from None
    paras = [(_style(p), " ".join(p.text.split())) for p in doc.paragraphs]
    headlines = [_headline(p) for p in doc.paragraphs]
    # the whole letter keeps the line breaks of its address blocks (an email's body)
    lines = ["\n".join(" ".join(r.split()) for r in p.text.split("\n")) for p in doc.paragraphs]
    text = "\n".join(t for t in lines if t.strip())
    subject = next((t for s, t in paras if s == "Subject" or t.startswith("Re: ")), "")
    subject = subject.removeprefix("Re:").strip()
    start = next((i + 1 for i, (_s, t) in enumerate(paras) if t.startswith("Dear ")), 0)
    end = next((i for i, (s, _t) in enumerate(paras) if s == "Closing" and i >= start), len(paras))
    parts: dict[str, list[str]] = {"body": [], "waiver": [], "expedite": [], "background": []}
    items = []
    where = "body"
    for (style, line), headline in zip(paras[start:end], headlines[start:end], strict=True):
        if not line:
            continue
        if where == "body" and headline:
            items.append(headline)
        if "Heading" in style:
            lowered = line.lower()
            where = (
                "waiver"
                if "waiver" in lowered
                else "expedite"
                if "expedit" in lowered
                else "background"
                if "background" in lowered
                else "body"
            )
        parts[where].append(line)
    body = parts["body"]
    if len("\n\n".join(body + parts["background"])) <= DESCRIPTION_LIMIT:
        body = body[:1] + parts["background"] + body[1:]
    cap = _CAP.search(text)
    return Letter(
        event_id,
        filename,
        data,
        subject,
        text,
        "\n\n".join(body),
        "\n\n".join(parts["waiver"][1:] if parts["waiver"] else []),
        "\n\n".join(parts["expedite"][1:] if parts["expedite"] else []),
        Decimal(cap.group(1).replace(",", "")) if cap else None,
        tuple(items),
        next((t for s, t in paras if s == "Delivery"), ""),
    )


def _headline(paragraph) -> str:
    """A numbered item's number and bold title ("1. The agreement, its drafts and amendments."),
    or "" for any other paragraph."""
    if _style(paragraph) != "Item":
        return ""
    number = re.match(r"\s*(\d+\.)", paragraph.text)
    title = " ".join("".join(r.text for r in paragraph.runs if r.bold).split())
    return f"{number[1]} {title}" if number and title else ""


def letter_asks(letter: Letter) -> Asks:
    cents = int(letter.fee_cap * 100) if letter.fee_cap is not None else None
    return Asks(expedite=bool(letter.expedite), fee_waiver=bool(letter.waiver), fee_cap_cents=cents)


def drafted_letter(db: Database, request_id: int) -> Letter | None:
    """The request letter: the latest drafted .docx before the filing (or so far)."""
    row = sent.request_letter(db, request_id, sent.first_filed_on(db, request_id))
    return read_letter(row[0], row[1], row[2]) if row else None


# --- who sends it, and to which office ------------------------------------------------------------


def requester_for(db: Database, request_id: int) -> Requester | None:
    """Who signs for the request: its requester; for a request logged without one (filed
    elsewhere and added to track it), the log's only requester profile, if it has one only."""
    row = sent.requester_fields(db, request_id)
    if row is None and not sent.has_requester(db, request_id):
        row = sent.only_requester_fields(db)
    if row is None:
        return None
    try:
        return Requester(*row)
    except UserError:
        return None


def component_for(db: Database, request_id: int) -> Component:
    key = sent.component_key(db, request_id)
    if key is None:
        raise FilingError(f"There is no request with id {request_id}.")
    comp = load_directory().component(key)
    if comp is None:
        raise FilingError(f"{key} is not in the component directory, so FoiaDesk has no address for it.")
    return comp


@dataclass(frozen=True)
class ChannelChoice:
    kind: str
    address: str
    why: str


def choose_channel(comp: Component, on: date) -> ChannelChoice | None:
    """How to file with a component on a date: DHS components by portal from 2026-01-22,
    everyone else by the directory's preferred channel."""
    portal = next((c for c in comp.channels if c.kind == "portal"), None)
    if comp.parent == "DHS" and on >= DHS_PORTAL_ONLY_FROM and portal is not None:
        return ChannelChoice("portal", portal.value, DHS_PORTAL_RULE)
    chosen = comp.preferred_channel
    if chosen is None:
        return None
    return ChannelChoice(chosen.kind, chosen.value, f"{sentence_start(short_name(comp))}'s preferred channel")


SEND_BY = {
    "portal": "through its portal at",
    "email": "by email to",
    "mail": "by mail to",
    "fax": "by fax to",
}


def how_to_send(comp: Component, on: date) -> str:
    """Where to send a request to ``comp`` on ``on``, and why that way: said where a drafted
    letter is marked as filed, so the user need not look up the portal or the address."""
    chosen = choose_channel(comp, on)
    name = sentence_start(short_name(comp))
    if chosen is None:
        return f"FoiaDesk has no address for {name}: look it up on FOIA.gov before you send."
    if old := old_channel_note(comp, chosen.kind, on):  # it names the address and its date
        return f"{name} prefers requests by {chosen.kind.replace('_', ' ')}. {old}"
    by = SEND_BY.get(chosen.kind, f"by {chosen.kind.replace('_', ' ')}")
    way = f"{by} {' '.join(chosen.address.split())}"
    if chosen.why == DHS_PORTAL_RULE:
        return f"Send it {way}. {chosen.why}"
    return f"{name} prefers requests {way}."


def channel_warning(comp: Component, kind: str | None, on: date) -> str:
    """Why filing with ``comp`` by ``kind`` on ``on`` may not count, or "": a DHS component
    takes requests through its portal only, so a letter mailed, faxed or emailed may be
    treated as never received and its deadlines never start."""
    chosen = choose_channel(comp, on)
    if chosen is None or chosen.why != DHS_PORTAL_RULE or kind in (None, "portal"):
        return ""
    return (
        f"{sentence_start(short_name(comp))} takes requests only through its portal since 2026-01-22 "
        f"(6 CFR 5.3(a)(2)): sent by {kind.replace('_', ' ')}, it may be treated as never received, "
        "and the agency's deadline may never start. File it through the portal unless an exception applies."
    )


def channel_address(comp: Component, kind: str) -> str:
    return next((c.value for c in comp.channels if c.kind == kind), "")


OLD_AFTER_DAYS = 365  # contact data older than a year is shown with its date, to check


def old_channel_note(comp: Component, kind: str, on: date) -> str:
    """Where the address a package uses is old (FOIA.gov's 2017 directory), its date and
    source, so the user checks it before sending rather than trusting it."""
    channel = next((c for c in comp.channels if c.kind == kind), None)
    if channel is None or (on - channel.as_of).days <= OLD_AFTER_DAYS:
        return ""
    what = {"mail": "mailing address", "fax": "fax number", "email": "email address"}.get(kind, kind)
    return (
        f"The {what} for {short_name(comp)} ({' '.join(channel.value.split())}) is as of "
        f"{channel.as_of.isoformat()} ({channel.source.split(' (')[0]}): "
        "check it on the agency's FOIA page before you send."
    )


# --- portal form fields --------------------------------------------------------------------------


@cache
def portal_forms() -> dict:
    return json.loads(FORMS_FILE.read_text(encoding="utf-8"))


def form_id_for(comp: Component) -> str | None:
    data = portal_forms()
    form_id = data["components"].get(comp.key) or data["components"].get(comp.abbr or "")
    if form_id:
        return form_id
    for guess in (f"{comp.parent}_{comp.abbr}".lower(), f"{comp.parent}_{comp.abbr}_form".lower()):
        if guess in data["forms"]:
            return guess
    return None


@dataclass(frozen=True)
class PortalField:
    name: str  # FOIA.gov's field name
    label: str
    value: str
    required: bool = False
    limit: int | None = None
    options: dict | None = None
    help: str = ""
    problems: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.value)

    @property
    def shown(self) -> str:
        """What the user picks or types: a drop-down's words ("Representative of the news
        media"), not the value the form stores ("media")."""
        return (self.options or {}).get(self.value, self.value)


@dataclass(frozen=True)
class PortalForm:
    request_id: int
    component: str
    form_id: str
    title: str
    portal: str  # where to paste them (from the directory)
    as_of: str
    source: str
    fields: tuple[PortalField, ...]
    problems: tuple[str, ...]
    notes: tuple[str, ...] = ()

    def as_json(self) -> dict:
        return {
            "request": self.request_id,
            "component": self.component,
            "form": self.form_id,
            "portal": self.portal,
            "as_of": self.as_of,
            "source": self.source,
            "fields": {f.name: f.value for f in self.fields},
            "problems": list(self.problems),
            "notes": list(self.notes),
        }


_CITY_LINE = re.compile(r"^(?P<city>.+?),?\s+(?P<state>[A-Z]{2}|[A-Za-z .]+?)\s+(?P<zip>\d{5}(?:-\d{4})?)$")


def split_address(address: str) -> dict[str, str]:
    """A US mailing address as FOIA.gov's separate fields."""
    rows = address_lines(address)
    out = {
        "address_line1": "",
        "address_line2": "",
        "address_city": "",
        "address_state_province": "",
        "address_zip_postal_code": "",
    }
    if not rows:
        return out
    match = _CITY_LINE.match(rows[-1])
    if match:
        out.update(
            address_city=match["city"].strip(" ,"),
            address_state_province=match["state"].strip(),
            address_zip_postal_code=match["zip"],
        )
        rows = rows[:-1]
    if rows:
        out["address_line1"] = rows[0]
        out["address_line2"] = ", ".join(rows[1:])
    return out


def _treasury_family(comp: Component, form: dict) -> bool:
    return comp.parent == "Treasury" or any("1746" in f.get("help", "") for f in form["fields"])


def _expedite_text(letter: Letter, comp: Component, form: dict, on: date) -> str:
    """The expedite argument as the signed letter words it, its certification included; for
    Treasury's forms, which ask for the 28 U.S.C. 1746 form, followed by that declaration."""
    if not letter.expedite:
        return ""
    if not _treasury_family(comp, form) or "penalty of perjury" in letter.expedite:
        return letter.expedite
    return "\n\n".join([letter.expedite, DECLARATION_1746.format(date=long_date(on))])


def portal_fields(
    db: Database, request_id: int, *, requester: Requester | None = None, on: date | None = None
) -> PortalForm:
    """The drafted letter as the component's FOIA.gov form fields, in the form's order,
    each checked against the form's rules; ``problems`` lists what would be refused."""
    comp = component_for(db, request_id)
    letter = drafted_letter(db, request_id)
    if letter is None:
        raise no_letter(request_id, "to fill the form from")
    form_id = form_id_for(comp)
    if form_id is None:
        raise FilingError(
            f"FoiaDesk has the fields of no FOIA.gov form for {short_name(comp)}: where FOIA.gov "
            "takes its requests, paste the letter's text into the form's “Your request” box."
        )
    data = portal_forms()
    form = data["forms"][form_id]
    if form.get("status", "open") != "open":  # FOIA.gov no longer takes it
        raise FilingError(
            f"FOIA.gov's form for {short_name(comp)} ({form['title']}) was closed as of {data['as_of']}: "
            "file through another channel the agency lists."
        )
    on = on or date.today()
    requester = requester or requester_for(db, request_id)
    values: dict[str, str] = {}
    if requester is not None:
        names = requester.name.split()
        values.update(
            name_first=" ".join(names[:-1]) if len(names) > 1 else requester.name.strip(),
            name_last=names[-1] if len(names) > 1 else "",
            company_organization=requester.organization,
            email=requester.email,
            phone_number=requester.phone,
            request_category=FEE_CATEGORY_TO_FORM.get(requester.fee_category, "other"),
        )
        values.update(split_address(requester.address))
        values["address_country"] = "United States" if values.get("address_line1") else ""
    asks = letter_asks(letter)
    description, pointer = fitted_description(letter, form)
    values.update(
        request_description=description,
        fee_waiver="yes" if asks.fee_waiver else "no",
        fee_waiver_explanation=letter.waiver,
        fee_amount_willing=_form_amount(letter.fee_cap),
        expedited_processing="yes" if asks.expedite else "no",
        expedited_processing_explanation=_expedite_text(letter, comp, form, on),
        attachments_supporting_documentation=letter.filename,
    )
    identity = identity_file(db, request_id)
    if identity is not None:
        values["attachments_supporting_documentation"] += f"; {identity[0]} (signed)"
    fields, problems = [], []
    for spec in form["fields"]:
        name = spec["name"]
        value = values.get(name, "")
        found = _check_field(spec, value)
        problems += found
        fields.append(
            PortalField(
                name,
                spec.get("title", name),
                value,
                bool(spec.get("required")),
                spec.get("maxlength"),
                spec.get("options") if isinstance(spec.get("options"), dict) else None,
                spec.get("help", ""),
                tuple(found),
            )
        )
    if requester is None:
        problems.insert(
            0, "No requester profile is linked to this request: your name and contact fields are empty."
        )
    notes = []  # the form's date is said beside its title (``as_of``), not as a note
    if asks.fee_waiver or asks.expedite:
        notes.append(
            "The waiver and expedite arguments have their own fields; the description leaves them out."
        )
    if pointer:
        notes.append(pointer)
    own, paste_into = channel_address(comp, "portal"), paste_target(comp)
    uploaded = DELIVERY["portal"].format(paste_into)
    if letter.delivery and letter.delivery != uploaded:
        notes.append(
            f"The letter says “{letter.delivery}”: the copy to upload should say “{uploaded}” "
            f"(Portal fields › Save the letter to upload, or foiadesk package {request_id} --channel "
            "portal, writes it)."
        )
    if own and paste_into != own:
        notes.append(
            f"These are FOIA.gov's fields; {short_name(comp)}'s own portal, {own}, has a form of its own."
        )
    if identity is not None:
        notes.append(f"First-party request: upload {identity[0]}, completed by hand and signed.")
    return PortalForm(
        request_id,
        comp.abbr or comp.key,
        form_id,
        form["title"],
        paste_into,
        data["as_of"],
        data["source"],
        tuple(fields),
        tuple(problems),
        tuple(notes),
    )


SEE_LETTER = (
    "My request is set out in full in the attached letter, which describes each item with the "
    "offices to search, the date range and search terms. In brief, I request:"
)


def fitted_description(letter: Letter, form: dict) -> tuple[str, str]:
    """The request as the form's description box takes it, and what the user must do besides.
    A letter longer than the box is not cut mid-sentence: the box gets the letter's opening,
    a pointer to the letter and its numbered items' titles, and the letter goes as the
    attachment FOIA.gov allows (20 MB in all), as requesters commonly do."""
    spec: dict = next((f for f in form["fields"] if f["name"] == "request_description"), {})
    limit = spec.get("maxlength") or DESCRIPTION_LIMIT
    if len(letter.description) <= limit or not letter.items:
        return letter.description, ""
    opening = letter.description.split("\n\n")[0]
    short = "\n\n".join([opening, SEE_LETTER, "\n".join(letter.items)])
    label = spec.get("title", "request_description")
    return short, (
        f"The request is {len(letter.description):,} characters and “{label}” takes {limit:,}: "
        f"the box holds the letter's opening and its items in brief. Upload {letter.filename} "
        "under “Upload additional documentation” (up to 20 MB in all): it is the request."
    )


def paste_target(comp: Component) -> str:
    """Where FOIA.gov's form fields go: FOIA.gov, where the agency takes its form (or has no
    portal of its own); else the agency's portal (DHS's, which its rule names)."""
    own = channel_address(comp, "portal")
    takes_foia_gov = any(c.kind == "portal" and "foia.gov" in c.value for c in comp.channels)
    return FOIA_GOV if takes_foia_gov or not own else own


def upload_package(db: Database, request_id: int) -> tuple[str, bytes]:
    """The letter to upload with the portal form, its delivery line naming where the form
    goes. Returns (file name, .docx bytes)."""
    comp = component_for(db, request_id)
    letter = drafted_letter(db, request_id)
    if letter is None:
        raise no_letter(request_id, "to upload")
    letter = sent_by(letter, "portal", paste_target(comp))
    return letter.filename, letter.docx


def portal_overruns(comp: Component, filename: str, docx: bytes, on: date) -> list[str]:
    """What of a drafted letter its component's FOIA.gov form would refuse for length, when
    the letter goes through that portal: said while the letter is drafted, not at the portal.
    A request too long for the description box is not: the letter goes as its attachment."""
    chosen, form_id = choose_channel(comp, on), form_id_for(comp)
    if chosen is None or chosen.kind != "portal" or form_id is None:
        return []
    form = portal_forms()["forms"][form_id]
    letter = read_letter(0, filename, docx)
    texts = {
        "request_description": fitted_description(letter, form)[0],
        "fee_waiver_explanation": letter.waiver,
        "expedited_processing_explanation": _expedite_text(letter, comp, form, on),
    }
    found = []
    for spec in form["fields"]:
        limit, value = spec.get("maxlength"), texts.get(spec["name"], "")
        if limit and len(value) > limit:
            found.append(
                f"“{spec.get('title', spec['name'])}” on {short_name(comp)}'s FOIA.gov form: "
                f"{len(value):,} characters, and the form takes {limit:,}. Ask for fewer records, "
                "or draft a suite of narrow letters, before filing it there."
            )
    return found


def _form_amount(cap: Decimal | None) -> str:
    """FOIA.gov takes one number ("$100"), not "up to $100" or "$1,000"."""
    if cap is None:
        return ""
    return dollars(cap).replace(",", "")


def _check_field(spec: dict, value: str) -> list[str]:
    label = spec.get("title", spec["name"])
    if spec.get("required") and not value.strip():
        return [f"{label}: required, and empty (add it to the requester profile)."]
    problems = []
    limit = spec.get("maxlength")
    if limit and len(value) > limit:
        problems.append(f"{label}: {len(value):,} characters, over the form's limit of {limit:,}.")
    pattern = spec.get("pattern")
    if pattern and value and not re.fullmatch(pattern, value):
        problems.append(f"{label}: '{value}' is refused by the form (one amount, such as $100).")
    options = spec.get("options")
    if isinstance(options, dict) and value and value not in options:
        problems.append(f"{label}: '{value}' is not one of the form's choices.")
    if spec.get("type") == "textarea" and re.search(r"[*_#]{2,}|<[a-z]+>", value):
        problems.append(f"{label}: the portal takes plain text; remove formatting marks.")
    return problems


# --- email and print packages ----------------------------------------------------------------------


def sent_by(letter: Letter, kind: str, where: str) -> Letter:
    """The letter with its delivery line ("Submitted through the FOIA portal at …", written
    when it was drafted) saying how this package goes, so a faxed letter never says it was
    emailed."""
    from docx import Document

    doc = Document(io.BytesIO(letter.docx))
    line = DELIVERY[kind].format(where)
    found = next((p for p in doc.paragraphs if _style(p) == "Delivery" and p.runs), None)
    if found is None or " ".join(found.text.split()) == line:
        return letter
    found.runs[0].text = line
    for run in found.runs[1:]:
        run.text = ""
    out = io.BytesIO()
    doc.save(out)
    return read_letter(letter.event_id, letter.filename, out.getvalue())


def email_package(
    db: Database, request_id: int, *, requester: Requester | None = None
) -> tuple[str, bytes, list[str]]:
    """An .eml draft to the component's FOIA address: the letter as the body, the .docx
    attached. Returns (file name, bytes, notes for the user)."""
    comp = component_for(db, request_id)
    letter = drafted_letter(db, request_id)
    if letter is None:
        raise no_letter(request_id, "to send")
    to = channel_address(comp, "email")
    if not to:
        raise FilingError(f"No email address is on file for {short_name(comp)}; use its portal or mail.")
    letter = sent_by(letter, "email", to)
    today = date.today()
    notes = [w for w in (channel_warning(comp, "email", today), old_channel_note(comp, "email", today)) if w]
    requester = requester or requester_for(db, request_id)
    msg = EmailMessage(policy=SMTP)
    msg["To"] = to
    if requester is not None:
        msg["From"] = f"{requester.name} <{requester.email}>"
    msg["Subject"] = letter.subject or "Freedom of Information Act request"
    msg["X-Unsent"] = "1"  # opens as a draft to send in Outlook and Thunderbird
    msg.set_content(letter.text + "\n")
    msg.add_attachment(
        letter.docx,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename=letter.filename,
    )
    identity = identity_file(db, request_id)
    if identity is not None:
        msg.add_attachment(
            identity[1],
            maintype="application",
            subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
            filename=identity[0],
        )
        notes.append(f"Print {identity[0]}, complete it by hand, sign it and attach the scan instead.")
    name = Path(letter.filename).with_suffix(".eml").name
    return name, msg.as_bytes(), notes


def print_package(
    db: Database, request_id: int, kind: str, *, requester: Requester | None = None
) -> tuple[bytes, list[str]]:
    """The letter as a .docx ready to print, after a first page for the envelope (mail: the
    return and delivery addresses and the marking agencies ask for) or a fax cover sheet.
    Returns (bytes, notes for the user)."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    if kind not in ("mail", "fax"):
        raise FilingError("A printed package is for mail or fax.")
    comp = component_for(db, request_id)
    letter = drafted_letter(db, request_id)
    if letter is None:
        raise no_letter(request_id, "to print")
    where = channel_address(comp, kind)
    if not where:
        raise FilingError(
            f"No {kind} {'address' if kind == 'mail' else 'number'} is on file for {short_name(comp)}."
        )
    letter = sent_by(letter, kind, where)
    today = date.today()
    notes = [w for w in (channel_warning(comp, kind, today), old_channel_note(comp, kind, today)) if w]
    requester = requester or requester_for(db, request_id)
    doc = Document(io.BytesIO(letter.docx))
    body = doc.element.body
    first = doc.paragraphs[0]
    lines: list[tuple[str, bool, int]] = []
    sender = [requester.name, *address_lines(requester.address)] if requester else []
    if kind == "mail":
        lines += [(s, False, 11) for s in sender] + [("", False, 11)] * 6
        lines += [(s, False, 13) for s in str(_office_address(comp, date.today())).split("\n")]
        lines += [("", False, 11)] * 3 + [("FREEDOM OF INFORMATION ACT REQUEST", True, 16)]
    else:
        lines += [
            ("FAX", True, 20),
            (f"To: FOIA Officer, {comp.name}", False, 12),
            (f"Fax: {where}", False, 12),
        ]
        if requester is not None:
            lines += [
                (f"From: {requester.name}", False, 12),
                (
                    f"Email: {requester.email}" + (f"  Phone: {requester.phone}" if requester.phone else ""),
                    False,
                    12,
                ),
            ]
        lines += [
            (f"Date: {long_date(date.today())}", False, 12),
            ("Re: FREEDOM OF INFORMATION ACT REQUEST", True, 14),
            ("Pages: this cover sheet and the letter that follows.", False, 12),
        ]
    for text, bold, size in lines:
        para = first.insert_paragraph_before()
        run = para.add_run(text)
        run.bold, run.font.size = bold, Pt(size)
    first.insert_paragraph_before().add_run().add_break(WD_BREAK.PAGE)
    del body  # the paragraphs were inserted in place
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue(), notes


# --- the package to send -------------------------------------------------------------------------

PACKAGE_SUFFIXES = {
    "email": (".eml",),
    "mail": (".pdf", ".docx"),
    "fax": (".pdf", ".docx"),
    "portal": (".docx", ".pdf"),
}
_PACKAGE_ENDINGS = {
    "email": ".eml",
    "mail": "-to-mail.docx",
    "fax": "-to-fax.docx",
    "portal": "-to-upload.docx",
}


@dataclass(frozen=True)
class Package:
    """What was written, what to mind, and what the user does next with it."""

    path: Path
    notes: tuple[str, ...]
    next_step: str


def package_name(db: Database, request_id: int, channel: str) -> str:
    """The name offered for a request's package: its letter's, marked for the channel."""
    letter = drafted_letter(db, request_id)
    stem = Path(letter.filename).stem if letter is not None else f"request-{request_id}"
    return stem + _PACKAGE_ENDINGS[channel]


def write_package(
    db: Database,
    request_id: int,
    channel: str,
    out: Path | str,
    *,
    requester: Requester | None = None,
    force: bool = False,
) -> Package:
    """Write the drafted letter as ``channel`` sends it (an .eml draft; a letter to print for
    mail or fax, .docx or .pdf; the letter to upload with a portal's form) to ``out``, whole
    or not at all. The CLI's ``package`` and the window's Filing package… make this call."""
    from foiadesk.core.export.files import atomic_output

    out = Path(out).expanduser()
    if channel not in PACKAGE_SUFFIXES:
        raise FilingError(f"A package is sent by {', '.join(PACKAGE_SUFFIXES)}; not by {channel}.")
    if out.suffix.lower() not in PACKAGE_SUFFIXES[channel]:
        kinds = " or ".join(PACKAGE_SUFFIXES[channel])
        raise FilingError(f"A package for {channel} is a {kinds} file; {out.name} is not.")
    comp = component_for(db, request_id)
    if channel == "email":
        _name, data, notes = email_package(db, request_id, requester=requester)
    elif channel == "portal":
        data, notes = upload_package(db, request_id)[1], []
    else:
        data, notes = print_package(db, request_id, channel, requester=requester)
    if out.suffix.lower() == ".pdf":
        from foiadesk.core.letters.pdf import docx_to_pdf

        data = docx_to_pdf(data, out.with_suffix(".docx").name)
    with atomic_output(out, force=force) as fh:
        fh.write(data)
    return Package(out, tuple(notes), _next_step(db, request_id, comp, channel, out))


def _next_step(db: Database, request_id: int, comp: Component, channel: str, out: Path) -> str:
    filed = "then mark the request as filed (File…) with the day you sent it"
    if channel == "email":
        to = channel_address(comp, "email")
        return (
            f"Open {out.name} in your mail program (double-click it): it is a draft to {to} with the "
            f"letter attached. Check it and send it; {filed}."
        )
    if channel == "mail":
        return (
            f"Print {out.name}: its first page is the envelope's sheet, addressed to {short_name(comp)}. "
            f"Sign the letter and mail it; {filed}."
        )
    if channel == "fax":
        return (
            f"Print {out.name} (its first page is the fax cover sheet) and fax it to "
            f"{channel_address(comp, 'fax')}; keep the fax report, and {filed}."
        )
    where = paste_target(comp)
    try:
        form = portal_fields(db, request_id)
        fields = "; ".join(f.label for f in form.fields if f.value)
        fields = f" Fill the portal's fields ({fields}): Portal fields… has each one with a Copy button."
    except FilingError:
        fields = " Paste the letter's text into the portal's request box."
    return (
        f"Go to {where} and upload {out.name} with the request.{fields} Then mark the request as "
        "filed (File…) with the portal's confirmation number."
    )


# --- filing ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filing:
    """What the user says about sending a request."""

    on: date
    channel: str | None  # None: not said
    confirmation: str = ""  # portal confirmation, fax report, certified-mail number
    proof: log.Attachment | None = None
    asks: Asks | None = None  # None: what the drafted letter asks for
    agency_received_on: date | None = None
    allow_duplicate: bool = False


@dataclass(frozen=True)
class FilingResult:
    changes: log.Changes
    asks: Asks
    recorded: tuple[str, ...] = field(default=())  # in words, for the user


def _fingerprint(letter: Letter) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", letter.description.lower()).split())


def duplicates(db: Database, request_id: int) -> list[str]:
    """Earlier filed requests to the same component with the same request text, in words."""
    letter = drafted_letter(db, request_id)
    if letter is None or not letter.description:
        return []
    mine = _fingerprint(letter)
    rows = sent.filed_with_same_office(db, request_id)
    office = sent.component_key(db, request_id) or ""
    found = []
    for other_id, title, filed_on in rows:
        other = drafted_letter(db, other_id)
        if other is not None and _fingerprint(other) == mine:
            found.append(f"request #{other_id} ({shown_title(title, office)}), filed {filed_on}")
    return found


def _check_confirmation(text: str) -> str:
    text = " ".join((text or "").split())
    if len(text) > CONFIRMATION_MAX:
        raise FilingError(f"The confirmation is {len(text)} characters; keep it under {CONFIRMATION_MAX}.")
    return text


def file_request(db: Database, request_id: int, filing: Filing, *, today: date | None = None) -> FilingResult:
    """Record that a request was sent, in one transaction: the ``filed`` event with its
    channel, confirmation, sent letter and proof; an ``expedite_requested`` event (its
    decision clock starts) and a ``fee_waiver_requested`` event (a pending decision) when
    the letter asks for them; the fee cap in the ledger. Refuses a duplicate unless allowed."""
    confirmation = _check_confirmation(filing.confirmation)
    if filing.channel and filing.channel not in log.CHANNELS:
        raise FilingError(f"Channel must be one of: {', '.join(log.CHANNELS)}.")
    with write(db):
        letter = drafted_letter(db, request_id)
        if not filing.allow_duplicate:
            earlier = duplicates(db, request_id)
            if earlier:
                raise FilingError(
                    "The same request text was already filed with this office: "
                    + "; ".join(earlier)
                    + ". File it anyway only if you mean to send it twice."
                )
        asks = filing.asks if filing.asks is not None else (letter_asks(letter) if letter else Asks())
        files = []
        if letter is not None:
            files.append(log.Attachment(letter.filename, letter.docx, DOCX_MIME))
        if filing.proof is not None:
            files.append(filing.proof)
        said = ("Filed" + (f" by {filing.channel.replace('_', ' ')}" if filing.channel else "")) + (
            f"; confirmation {confirmation}" if confirmation else ""
        )
        filed = log.record_event(
            db,
            request_id,
            log.NewEvent(
                "filed",
                filing.on,
                channel=filing.channel or None,
                agency_received_on=filing.agency_received_on,
                confirmation=confirmation or None,
                summary=f"confirmation {confirmation}" if confirmation else "",
                files=tuple(files),
            ),
            today=today,
        )
        event_ids = [filed.new_id]
        recorded = [said]
        if asks.expedite:
            ev = log.NewEvent(
                "expedite_requested",
                filing.on,
                channel=filing.channel or None,
                agency_received_on=filing.agency_received_on,
                summary="Asked in the request letter",
            )
            event_ids.append(log.record_event(db, request_id, ev, today=today).new_id)
            recorded.append("expedited processing requested: the 10-day decision clock starts")
        if asks.fee_waiver:
            ev = log.NewEvent(
                "fee_waiver_requested",
                filing.on,
                channel=filing.channel or None,
                summary="Asked in the request letter",
            )
            event_ids.append(log.record_event(db, request_id, ev, today=today).new_id)
            recorded.append("fee waiver requested: decision pending")
        if asks.fee_cap_cents is not None and filed.new_id is not None:
            sent.add_cap_once(db, request_id, filed.new_id, asks.fee_cap_cents)
            recorded.append(f"fee cap {dollars(Decimal(asks.fee_cap_cents) / 100)} in the fee ledger")
    return FilingResult(
        log.Changes(
            request_ids=frozenset({request_id}),
            event_ids=tuple(e for e in event_ids if e is not None),
            new_id=filed.new_id,
            stored=filed.stored,
        ),
        asks,
        tuple(recorded),
    )


def confirmations(db: Database, request_id: int) -> tuple[str, ...]:
    """The confirmations the request was filed with (portal, fax, certified mail)."""
    return tuple(reads.confirmations(db, request_id))


# --- first-party requests ------------------------------------------------------------------------

FIRST_PARTY_TAG = "first-party"


def identity_statement(
    db: Database,
    request_id: int,
    *,
    requester: Requester | None = None,
    on: date | None = None,
    user_templates_dir: Path | None = None,
) -> tuple[str, bytes]:
    """A certification of identity (28 U.S.C. 1746, in the words of DOJ's form 361) for a
    request about oneself, from the profile. Birth date and place are left to fill in by
    hand, so FoiaDesk never stores them. Returns (file name, .docx bytes)."""
    from foiadesk.core.letters.drafting import render, suggested_filename

    comp = component_for(db, request_id)
    requester = requester or requester_for(db, request_id)
    if requester is None:
        raise FilingError(f"Request #{request_id} has no requester profile to certify the identity of.")
    on = on or date.today()
    tracking = next((n for n, kind in sent.agency_numbers(db, request_id) if kind == "request"), "")
    ctx = _base(requester, comp, on)
    ctx["requester"]["address_line"] = ", ".join(address_lines(requester.address))
    ctx["request"] = {"tracking_number": tracking}
    data = render("identity_statement", ctx, user_templates_dir=user_templates_dir)
    return suggested_filename("identity-statement", file_office(comp), on, tracking), data


def add_identity_statement(db: Database, request_id: int, *, on: date | None = None, **kw) -> log.Changes:
    """Mark the request first-party and keep its identity statement on it, to attach when it
    is sent (portal and email packages)."""
    on = on or date.today()
    name, data = identity_statement(db, request_id, on=on, **kw)
    with write(db):
        log.tag_request(db, request_id, FIRST_PARTY_TAG)
        return log.record_event(
            db,
            request_id,
            log.NewEvent(
                "drafted",
                on,
                summary=f"{sent.IDENTITY} drafted ({name}): sign it and fill in the blanks by hand",
                files=(log.Attachment(name, data, DOCX_MIME),),
            ),
            today=on,
        )


def identity_file(db: Database, request_id: int) -> tuple[str, bytes] | None:
    row = sent.identity_statement(db, request_id)
    return (row[0], row[1]) if row else None
