"""What each letter says: pure functions from a requester, a component and the facts of a
case to the dict a letter template is rendered with.

Prose that never changes lives in the templates (templates/, built by
scripts/build_templates.py); this module decides what applies: which fee sentence, which
expedite grounds, which agency rules. Values are plain strings, lists and dicts, except
multi-paragraph user text, which is a docxtpl Listing so paragraphs stay paragraphs.
Every context also has a `warnings` list for the user (not printed in the letter).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from docxtpl import Listing

from foiadesk.core.errors import UserError

if TYPE_CHECKING:
    from foiadesk.core.reference.casepack import CasePack, Category
    from foiadesk.core.reference.directory import Channel, Component, Fact


class DraftingError(UserError):
    """The letter cannot be drafted from this input; the message says what to fix."""


# --- requester and options ----------------------------------------------------------

# category: (label, statute cite, what it is charged)
FEE_CATEGORIES = {
    "commercial": ("commercial use", "552(a)(4)(A)(ii)(I)", "fees for search, review and duplication"),
    "educational": (
        "educational institution",
        "552(a)(4)(A)(ii)(II)",
        "duplication fees only, after the first 100 pages",
    ),
    "scientific": (
        "noncommercial scientific institution",
        "552(a)(4)(A)(ii)(II)",
        "duplication fees only, after the first 100 pages",
    ),
    "news_media": (
        "representative of the news media",
        "552(a)(4)(A)(ii)(II)",
        "duplication fees only, after the first 100 pages",
    ),
    "other": (
        "“all other” requesters",
        "552(a)(4)(A)(ii)(III)",
        "search fees after the first two hours and duplication fees after the first 100 pages",
    ),
}
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")


@dataclass(frozen=True)
class Requester:
    """Who signs the letters. Checked on creation, so a bad profile fails before drafting."""

    name: str
    email: str
    organization: str = ""
    title: str = ""
    phone: str = ""
    address: str = ""  # several lines
    fee_category: str = "other"
    fee_category_basis: str = ""  # facts for the category, e.g. publications
    signature_name: str = ""  # defaults to name
    dissemination: str = ""  # how the requester will share what they learn (fee waiver)

    def __post_init__(self):
        if not self.name.strip():
            raise DraftingError("The requester's name is empty: enter the name to sign with.")
        if not _EMAIL.fullmatch(self.email.strip()):
            raise DraftingError(f"'{self.email}' is not an email address (name@example.org).")
        if self.fee_category not in FEE_CATEGORIES:
            raise DraftingError(
                f"'{self.fee_category}' is not a fee category; use one of: " + ", ".join(FEE_CATEGORIES)
            )


@dataclass
class DraftOptions:
    """The choices made for one request letter."""

    letter_date: date = field(default_factory=date.today)
    fee_category: str | None = None  # overrides the requester's
    fee_cap: Decimal | float | int | str = Decimal("25")
    fee_waiver: bool = False
    fee_waiver_text: str = ""  # replaces the generated waiver argument
    expedite: bool = False
    expedite_grounds: list[str] = field(default_factory=list)
    expedite_text: str = ""  # replaces the generated list of urgent facts
    format: str = "electronic native format"


@dataclass(frozen=True)
class RequestRef:
    """The request a follow-up letter is about."""

    tracking_number: str
    submitted_on: date
    title: str = ""  # a few words: "the April 2025 IRS-ICE agreement"


# --- small helpers ------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # keeps \t and \n


def clean(text: Any) -> str:
    """Text safe for a .docx: control characters (which docxtpl would also read as paragraph
    or page breaks) removed, line ends normalised."""
    text = "" if text is None else str(text)
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def one_line(text: Any) -> str:
    return " ".join(clean(text).split())


def paragraphs(text: Any) -> Listing | str:
    """User text as a Listing: each non-blank line becomes its own Word paragraph."""
    lines = [" ".join(line.split()) for line in clean(text).split("\n")]
    lines = [line for line in lines if line]
    return Listing("\a".join(lines)) if lines else ""


def lines(text: Any) -> Listing | str:
    """Multi-line text (an address) kept in one paragraph with line breaks."""
    kept = [one_line(line) for line in clean(text).split("\n") if line.strip()]
    return Listing("\n".join(kept)) if kept else ""


def long_date(value: date | str | None) -> str:
    """'November 25, 2026'; ISO strings are accepted, None gives ''."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise DraftingError(f"'{value}' is not a date (YYYY-MM-DD).") from None
    return f"{value:%B} {value.day}, {value.year}"


def money(value: Decimal | float | int | str, what: str = "fee") -> Decimal:
    try:
        amount = Decimal(str(value).replace("$", "").replace(",", "").strip())
    except InvalidOperation:
        raise DraftingError(f"The {what} '{value}' is not an amount in dollars.") from None
    if not amount.is_finite() or amount < 0:
        raise DraftingError(f"The {what} '{value}' must be zero or more dollars.")
    return amount.quantize(Decimal("0.01"))


def dollars(amount: Decimal) -> str:
    """'$25', '$12.50', '$1,200'."""
    return f"${amount:,.0f}" if amount == amount.to_integral_value() else f"${amount:,.2f}"


def _value(fact: Fact | None) -> Any:
    return fact.value if fact is not None else None


def _requester(req: Requester) -> dict:
    name = one_line(req.name)
    title, org = one_line(req.title), one_line(req.organization)
    return {
        "name": name,
        "title": title,
        "organization": org,
        "affiliation": ", ".join(x for x in (title, org) if x),
        "email": one_line(req.email),
        "phone": one_line(req.phone),
        "address": lines(req.address),
        "signature_name": one_line(req.signature_name) or name,
    }


# --- the component (addressee, channels, rules) ----------------------------------------


def _component(comp: Component) -> dict:
    liaison = clean(_value(comp.public_liaison) or "")
    return {
        "abbr": comp.abbr or "",
        "name": one_line(comp.name),
        "parent": comp.parent or "",
        "parent_name": one_line(comp.parent_name),
        "regulation": one_line(_value(comp.regulation) or ""),
        "public_liaison": ", ".join(part.strip() for part in liaison.split("\n") if part.strip()),
        "has_portal": any(c.kind == "portal" for c in comp.channels),
    }


_STATE_ZIP = re.compile(r"[A-Z]\.?[A-Z]\.?\s+\d{5}(-\d{4})?")
_QUADRANT = re.compile(r"[NS]\.?[EW]\.?")  # "950 Pennsylvania Avenue, NW"


def address_lines(address: str) -> list[str]:
    """An address as letter lines. The directory writes some on one line with commas:
    split those, keeping "Washington, DC 20536" and "1500 Main Street, NW" together."""
    text = clean(address)
    if "\n" in text:
        return [one_line(x) for x in text.split("\n") if x.strip()]
    out: list[str] = []
    for part in (one_line(x) for x in text.split(",") if x.strip()):
        if out and (_STATE_ZIP.fullmatch(part) or _QUADRANT.fullmatch(part)):
            out[-1] += f", {part}"
        else:
            out.append(part)
    return out


def _address_block(first: str, address: str, *names: str) -> Listing:
    """Addressee lines: a title, each name the address does not contain, the address."""
    block = [first] + [n for n in dict.fromkeys(names) if n and n.lower() not in address.lower()]
    return lines("\n".join(block + address_lines(address)))


def _office_address(comp: Component) -> Listing:
    """Where requests go: the component's mailing address (or, without one, its name and
    its agency's, which lets a letter find its way)."""
    address = next((c.value for c in comp.channels if c.kind == "mail"), "")
    return _address_block("FOIA Officer", address, comp.name, "" if address else comp.parent_name)


def _delivery(channel: Channel | None) -> str:
    if channel is None:
        return ""
    return {
        "portal": f"Submitted through the FOIA portal at {channel.value}",
        "email": f"Sent by email to {channel.value}",
        "mail": "Sent by mail",
        "fax": f"Sent by fax to {channel.value}",
    }[channel.kind]


def _component_warnings(comp: Component) -> list[str]:
    if comp.verify_before_sending:
        return [
            f"The contact details for {comp.name} come from FOIA.gov's 2017 directory: "
            "check them on the agency's FOIA page before sending."
        ]
    return []


def _base(requester: Requester, comp: Component, letter_date: date) -> dict:
    return {
        "letter_date": long_date(letter_date),
        "letter_date_iso": letter_date.isoformat(),
        "requester": _requester(requester),
        "component": _component(comp),
        # IRS rules want a signed request (26 CFR 601.702(c)): leave a line to sign on.
        "signature_required": (comp.abbr or "").upper() == "IRS",
        "warnings": _component_warnings(comp),
    }


def _followup_base(requester: Requester, comp: Component, request: RequestRef, letter_date: date) -> dict:
    tracking = one_line(request.tracking_number)
    if not tracking:
        raise DraftingError("Enter the tracking number the agency gave this request.")
    ctx = _base(requester, comp, letter_date)
    ctx.update(
        addressee=_office_address(comp),
        delivery=_delivery(comp.preferred_channel),
        request={
            "tracking_number": tracking,
            "submitted_on": long_date(request.submitted_on),
            "title": one_line(request.title),
        },
    )
    return ctx


# --- case facts and categories --------------------------------------------------------


def _facts(pack: CasePack, use: str, warnings: list[str]) -> list[dict]:
    chosen = []
    for fact in pack.public_facts:
        if use not in fact.supports:
            continue
        if fact.tag == "U":
            warnings.append(f"Fact '{fact.id}' is unverified (tag U): check it before sending.")
        chosen.append(
            {"text": one_line(fact.text), "source": one_line(fact.source), "as_of": long_date(fact.as_of)}
        )
    return chosen


def _date_range(start: date | str | None, end: date | str | None) -> str:
    if start and end:
        return f"{long_date(start)} through {long_date(end)}"
    if start:
        return f"{long_date(start)} through the date of your search"
    if end:
        return f"any date through {long_date(end)}"
    return "any date"


def _categories(pack: CasePack, ids: Iterable[str], comp: Component, warnings: list[str]) -> list[dict]:
    by_id = {c.id: c for c in pack.categories}
    ids = list(dict.fromkeys(ids))  # keep order, drop repeats
    if not ids:
        raise DraftingError("Choose at least one category of records to request.")
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise DraftingError(
            f"The case '{pack.id}' has no record category " + ", ".join(f"'{i}'" for i in unknown) + "."
        )
    chosen = []
    for number, cid in enumerate(ids, 1):
        cat = by_id[cid]
        if comp.key.lower() not in (h.lower() for h in cat.holders):
            warnings.append(
                f"Category '{cat.title}' is not known to be held by "
                f"{comp.abbr or comp.name} (holders: {', '.join(cat.holders)})."
            )
        chosen.append(
            {
                "number": number,
                "id": cat.id,
                "title": one_line(cat.title).rstrip("."),
                "description": one_line(cat.description),
                "custodians": "; ".join(one_line(c) for c in cat.custodians),
                "date_range": _date_range(cat.date_from, cat.date_to),
                "search_terms": ", ".join(f"“{one_line(t)}”" for t in cat.search_terms),
            }
        )
    return chosen


def _asks_for_tax_data(cats: Iterable[Category]) -> bool:
    for cat in cats:
        for ex in cat.likely_exemptions:
            if ex.code == "b3" and "6103" in (ex.statute or ""):
                return True
    return False


# --- fees and expedited processing --------------------------------------------------------


def _fee(requester: Requester, options: DraftOptions, comp: Component, warnings: list[str]) -> dict:
    category = options.fee_category or requester.fee_category
    if category not in FEE_CATEGORIES:
        raise DraftingError(f"'{category}' is not a fee category; use one of: " + ", ".join(FEE_CATEGORIES))
    label, cite, charges = FEE_CATEGORIES[category]
    cap = money(options.fee_cap, "fee limit")
    default, rule, compare = None, "", ""
    if comp.default_fee_commitment is not None:
        try:
            default = money(_value(comp.default_fee_commitment))
        except DraftingError:
            warnings.append(f"The default fee commitment for {comp.abbr} is not an amount.")
    if default is not None:
        regulation = one_line(_value(comp.regulation) or "")
        rule = f"the {comp.parent or comp.abbr} FOIA regulations" + (f" ({regulation})" if regulation else "")
        compare = "above" if cap > default else "equal" if cap == default else "below"
    if category != "other" and not clean(requester.fee_category_basis):
        warnings.append(
            "Say why you belong in the fee category you claim (publications, "
            "institution, audience): the profile's fee-category basis is empty."
        )
    return {
        "category": category,
        "label": label,
        "cite": cite,
        "charges": charges,
        "basis": paragraphs(requester.fee_category_basis),
        "cap": dollars(cap),
        "cap_amount": str(cap),
        "agrees_to_pay": cap > 0,
        "default_commitment": dollars(default) if default is not None else "",
        "default_rule": rule,
        "cap_vs_default": compare,
    }


# code: (title, what the requester asserts). The directory says which codes a component's
# rules allow, and their cites; the assertion is the requester's, in the rules' words.
GROUNDS = {
    "imminent_threat": (
        "Imminent threat to life or physical safety",
        "Failure to obtain the records on an expedited basis could reasonably be expected to "
        "pose an imminent threat to the life or physical safety of an individual.",
    ),
    "urgency_to_inform": (
        "Urgency to inform the public",
        "There is an urgency to inform the public concerning actual or alleged federal "
        "government activity, and I am primarily engaged in disseminating information.",
    ),
    "due_process": (
        "Loss of substantial due process rights",
        "Delay in releasing the records would cause the loss of substantial due process rights.",
    ),
    "media_interest": (
        "Widespread and exceptional media interest",
        "The subject of this request is a matter of widespread and exceptional media interest "
        "in which there exist possible questions about the government's integrity which affect "
        "public confidence.",
    ),
}
# The statute's two grounds (cite, route_to, tag), for a component the directory lists
# no grounds for.
STATUTORY_GROUNDS: dict[str, tuple[str, str | None, str]] = {
    "imminent_threat": ("5 U.S.C. 552(a)(6)(E)(v)(I)", None, "V"),
    "urgency_to_inform": ("5 U.S.C. 552(a)(6)(E)(v)(II)", None, "V"),
}


def _grounds(codes: list[str], comp: Component, fee: dict, warnings: list[str]) -> list[dict]:
    allowed = {g.code: (g.cite, g.route_to, g.tag) for g in comp.expedite_grounds}
    allowed = allowed or STATUTORY_GROUNDS
    if not codes:
        raise DraftingError("Choose at least one ground for expedited processing.")
    chosen = []
    for number, code in enumerate(dict.fromkeys(codes), 1):
        if code not in allowed or code not in GROUNDS:
            raise DraftingError(
                f"The rules of {comp.abbr or comp.name} do not list '{code}' as a ground for "
                f"expedited processing; they allow: {', '.join(allowed)}."
            )
        cite, route_to, tag = allowed[code]
        if tag == "U":
            warnings.append(
                f"The rule for the '{code}' ground ({cite}) is unverified: "
                "check it on ecfr.gov before relying on it."
            )
        title, text = GROUNDS[code]
        if code == "urgency_to_inform" and fee["basis"]:
            text += " My work is described under Fees above."
        chosen.append(
            {
                "number": number,
                "code": code,
                "title": title,
                "text": text,
                "cite": one_line(cite),
                "route_to": one_line(route_to or ""),
            }
        )
    return chosen


def _dissemination(requester: Requester) -> str:
    """One paragraph: it continues a numbered point of the fee-waiver argument."""
    return one_line(requester.dissemination) or (
        "I will study the records and publish what I learn from them, together with the "
        "records themselves, so that anyone can read them free of charge."
    )


# --- the six letters ------------------------------------------------------------------


def build_request_context(
    requester: Requester,
    pack: CasePack,
    category_ids: Iterable[str],
    component: Component,
    options: DraftOptions,
) -> dict:
    """Everything request.docx needs. Raises DraftingError on input the letter cannot use;
    softer problems (a category this component may not hold) go to `warnings`."""
    ctx = _base(requester, component, options.letter_date)
    warnings = ctx["warnings"]
    categories = _categories(pack, category_ids, component, warnings)
    chosen = [c for c in pack.categories if c.id in {x["id"] for x in categories}]
    fee = _fee(requester, options, component, warnings)
    grounds = _grounds(options.expedite_grounds, component, fee, warnings) if options.expedite else []
    asked = [
        x for x, on in (("fee waiver", options.fee_waiver), ("expedited processing", options.expedite)) if on
    ]
    ctx.update(
        addressee=_office_address(component),
        delivery=_delivery(component.preferred_channel),
        subject=f"Freedom of Information Act request: {one_line(pack.name)}"
        + (f" ({' and '.join(asked)} requested)" if asked else ""),
        case={"id": pack.id, "name": one_line(pack.name), "summary": paragraphs(pack.summary)},
        background_facts=_facts(pack, "background", warnings),
        categories=categories,
        no_taxpayer_records=ctx["signature_required"] or _asks_for_tax_data(chosen),
        format=one_line(options.format) or "electronic native format",
        fee=fee,
        fee_waiver=options.fee_waiver,
        fee_waiver_text=paragraphs(options.fee_waiver_text) if options.fee_waiver else "",
        waiver_facts=_facts(pack, "fee_waiver", warnings) if options.fee_waiver else [],
        dissemination=_dissemination(requester),
        expedite=options.expedite,
        expedite_grounds=grounds,
        expedite_text=paragraphs(options.expedite_text) if options.expedite else "",
        expedite_facts=_facts(pack, "expedite", warnings) if options.expedite else [],
    )
    ctx["warnings"] = list(dict.fromkeys(warnings))
    return ctx


def build_status_inquiry_context(
    requester: Requester,
    component: Component,
    request: RequestRef,
    *,
    letter_date: date,
    received_on: date | None = None,
    due_on: date | None = None,
    deadline_extended: bool = False,
    note: str = "",
) -> dict:
    """status_inquiry.docx: asks for the estimated completion date (552(a)(7)(B)).
    `due_on` is the determination deadline from the clocks; the letter says it has passed
    only when it is before the letter date."""
    ctx = _followup_base(requester, component, request, letter_date)
    ctx.update(
        received_on=long_date(received_on),
        due_on=long_date(due_on),
        deadline_passed=due_on is not None and due_on < letter_date,
        deadline_extended=deadline_extended,
        note=paragraphs(note),
    )
    return ctx


def build_clarification_reply_context(
    requester: Requester,
    component: Component,
    request: RequestRef,
    *,
    letter_date: date,
    agency_letter_date: date,
    clarification: str,
) -> dict:
    """clarification_reply.docx: answers the agency's one tolling request for information."""
    text = paragraphs(clarification)
    if not text:
        raise DraftingError("Write the clarification the agency asked for.")
    ctx = _followup_base(requester, component, request, letter_date)
    ctx.update(agency_letter_date=long_date(agency_letter_date), clarification=text)
    return ctx


def build_still_interested_context(
    requester: Requester,
    component: Component,
    request: RequestRef,
    *,
    letter_date: date,
    agency_letter_date: date,
    reply_by: date | None = None,
    note: str = "",
) -> dict:
    """still_interested_reply.docx: keeps a request open after a 'still interested?' letter."""
    ctx = _followup_base(requester, component, request, letter_date)
    if reply_by is not None and reply_by < letter_date:
        ctx["warnings"].append(
            f"The agency asked for a reply by {long_date(reply_by)}, before "
            "this letter's date: send it at once and keep proof of sending."
        )
    ctx.update(
        agency_letter_date=long_date(agency_letter_date), reply_by=long_date(reply_by), note=paragraphs(note)
    )
    return ctx


def build_fee_response_context(
    requester: Requester,
    component: Component,
    request: RequestRef,
    *,
    letter_date: date,
    agency_letter_date: date,
    fee_estimate: Decimal | float | str,
    accept: bool,
    fee_cap: Decimal | float | str | None = None,
    narrowing: str = "",
    fee_bar: bool = False,
    note: str = "",
) -> dict:
    """fee_response.docx: accept the estimate (up to `fee_cap`, default the estimate) or
    narrow the request. `fee_bar`: a time limit was missed, so 552(a)(4)(A)(viii) applies."""
    estimate = money(fee_estimate, "fee estimate")
    cap = money(fee_cap, "fee limit") if fee_cap not in (None, "") else (estimate if accept else None)
    narrowed = paragraphs(narrowing)
    if not accept and not narrowed:
        raise DraftingError("Say how you narrow the request, or accept the estimate.")
    ctx = _followup_base(requester, component, request, letter_date)
    if accept and not cap:
        raise DraftingError("To accept the estimate, agree to pay more than $0.")
    if accept and cap is not None and cap < estimate:  # accept: cap was checked above
        ctx["warnings"].append(
            f"Your limit {dollars(cap)} is below the estimate "
            f"{dollars(estimate)}: the agency may stop processing."
        )
    ctx.update(
        agency_letter_date=long_date(agency_letter_date),
        fee_estimate=dollars(estimate),
        accept=accept,
        fee_cap=dollars(cap) if cap else "",
        narrowing=narrowed if not accept else "",
        advance_payment=accept and estimate > 250,
        fee_bar=fee_bar,
        duplication_barred=requester.fee_category in ("educational", "scientific", "news_media"),
        note=paragraphs(note),
    )
    return ctx


def build_appeal_context(
    requester: Requester,
    component: Component,
    request: RequestRef,
    *,
    letter_date: date,
    determination_date: date,
    withheld: Iterable[dict] = (),
    determination_official: str = "",
    search_argument: str = "",
    other_argument: str = "",
    expedite: bool = False,
    expedite_argument: str = "",
    appeal_address: str = "",
) -> dict:
    """appeal.docx, to the component's appeal office. `withheld` items are dicts with
    'description' (or 'category'), 'exemptions' (codes such as 'b5', '(b)(7)(C)', or dicts
    with 'code' and 'statute') and an optional 'argument' in the requester's words.
    `appeal_address` (from the determination letter) replaces the directory's address."""
    ctx = _followup_base(requester, component, request, letter_date)
    items = [_withheld_item(n, item) for n, item in enumerate(withheld, 1)]
    search, other = paragraphs(search_argument), paragraphs(other_argument)
    if not (items or search or other):
        raise DraftingError("Say what you appeal: a withholding, the search, or another ground.")
    channel = next((c for c in component.appeal_channels if c.preferred), None)
    on_file = component.appeal_address
    address = clean(appeal_address) or clean(_value(on_file) or "")
    if not address and channel is not None and channel.kind == "mail":
        address = clean(channel.value)
    if not appeal_address:
        # The directory's office field is advice ("use the office named in the letter"),
        # not an address line: show it to the user instead of printing it.
        office = one_line(_value(component.appeal_office) or "")
        if office:
            ctx["warnings"].append(f"Appeal office on file: {office}")
        if not address:
            ctx["warnings"].append(
                f"No appeal address is on file for {component.abbr}: copy "
                "the one printed in the determination letter."
            )
        elif on_file is not None and on_file.tag == "U":
            ctx["warnings"].append(
                "The appeal address on file is unverified: check it against the determination letter."
            )
    # An appeal address names its own office (IRS Appeals, DOJ OIP) unless it starts at
    # the street; then the component's name goes first.
    first_line = next(iter(address_lines(address)), "")
    starts_at_street = not first_line or first_line[0].isdigit()
    ctx.update(
        addressee=_address_block(
            "Appeals Officer",
            address,
            component.name if starts_at_street else "",
            "" if address else component.parent_name,
        ),
        delivery=_delivery(channel),
        determination_date=long_date(determination_date),
        determination_official=one_line(determination_official),
        withheld=items,
        search_argument=search,
        other_argument=other,
        expedite=expedite,
        expedite_argument=paragraphs(expedite_argument) if expedite else "",
    )
    ctx["warnings"] = list(dict.fromkeys(ctx["warnings"]))
    return ctx


# --- exemptions, for appeals ----------------------------------------------------------

_EXEMPTION = re.compile(r"\(?b?\)?\s*\(?([1-9])\)?\s*\(?([a-fA-F])?\)?")
_SEVEN_PARTS = "ABCDEF"

EXEMPTION_ARGUMENTS = {
    "1": "It covers only information properly classified under an executive order, in "
    "substance and in procedure. Please confirm that each withheld passage was reviewed "
    "for current classification, and release the unclassified portions.",
    "2": "It covers only records related solely to the agency's internal personnel rules and "
    "practices, that is, matters of employee relations and human resources. Records about "
    "how the agency carries out a program are not of that kind.",
    "3": "It applies only where a statute specifically exempts the information. Please name "
    "the statute relied on for each withholding and show that the withheld words fall "
    "within it.",
    "3-6103": "Section 6103 protects the returns and return information of identifiable "
    "taxpayers. It does not cover policies, agreements, legal analyses, "
    "communications about the program, or statistics that cannot be associated with "
    "a particular taxpayer. Please release those, redacting only details that "
    "identify a taxpayer.",
    "4": "It covers only trade secrets and commercial or financial information obtained from a "
    "person outside the government that is privileged or confidential. Please identify "
    "the submitter and explain how each withheld passage meets that test.",
    "5": "It protects only records covered by a privilege in civil discovery, such as records "
    "that are both predecisional and deliberative, and since 2016 the agency may withhold "
    "them only if it reasonably foresees that release would harm an interest the "
    "privilege protects (5 U.S.C. 552(a)(8)(A)). Calling a record a draft is not enough. "
    "Final agreements, adopted positions and factual material must be released, and "
    "factual material within deliberative records must be segregated and released.",
    "6": "It requires weighing a real privacy interest against the public interest in "
    "disclosure. Officials acting in their official capacity, senior officials in "
    "particular, have little privacy interest in their names and work, while the public "
    "interest in how this program was carried out is substantial. Please release the "
    "names and titles of officials, and redact only truly personal details.",
    "7": "It applies only to records compiled for law enforcement purposes, and only where "
    "release could reasonably be expected to cause one of the harms it lists. Please show "
    "both for each withholding.",
    "7A": "It requires a pending or reasonably anticipated enforcement proceeding and a showing "
    "of how release would interfere with it. Policies, agreements and aggregate "
    "statistics do not reveal the details of any particular investigation.",
    "7B": "It requires a showing that release would deprive a person of a fair trial or an "
    "impartial adjudication. No such proceeding has been identified.",
    "7C": "It requires weighing the privacy interest against the public interest in "
    "disclosure. The names and work of officials carrying out the program carry little "
    "privacy interest, and the public interest in how the program was run is "
    "substantial. Please redact only truly personal details.",
    "7D": "It protects the identity of confidential sources and, in criminal investigations, "
    "the information they gave. Another agency sharing data under an agreement is not a "
    "confidential source.",
    "7E": "It protects only techniques and procedures not generally known to the public, and "
    "guidelines whose release could reasonably be expected to risk circumvention of the "
    "law. Techniques already described in court filings and public reports are not "
    "protected, and the agency must explain the risk for each passage.",
    "7F": "It requires a showing that release could reasonably be expected to endanger the life "
    "or physical safety of an individual; a general concern is not enough.",
    "8": "It covers only reports prepared by, on behalf of, or for the use of an agency "
    "responsible for the regulation or supervision of financial institutions.",
    "9": "It covers only geological and geophysical information and data about wells.",
}


def exemption(code: Any) -> dict:
    """One exemption, e.g. 'b7C', '(b)(7)(C)' or {'code': 'b3', 'statute': '26 U.S.C. 6103'},
    with its label and the standard argument against it."""
    statute = ""
    if isinstance(code, dict):
        statute = one_line(code.get("statute", ""))
        code = code.get("code", "")
    elif not isinstance(code, str):  # a case-pack exemption object
        statute = one_line(getattr(code, "statute", "") or "")
        code = getattr(code, "code", "")
    match = _EXEMPTION.fullmatch(one_line(code).replace(" ", ""))
    if not match or (match.group(2) and match.group(1) != "7"):
        raise DraftingError(f"'{code}' is not a FOIA exemption (use b1 to b9, or b7A to b7F).")
    number, part = match.group(1), (match.group(2) or "").upper()
    key = number + part
    label = f"Exemption {number}" + (f"({part})" if part else "")
    cite = f"5 U.S.C. 552(b)({number})" + (f"({part})" if part else "")
    if number == "3" and "6103" in statute:
        key = "3-6103"
    return {
        "code": f"b{number}{part}",
        "name": label + (f" with {statute}" if statute else ""),
        "label": f"{label} ({cite})" + (f" with {statute}" if statute else ""),
        "cite": cite,
        "argument": EXEMPTION_ARGUMENTS[key],
    }


def _withheld_item(number: int, item: dict) -> dict:
    description = one_line(item.get("description") or item.get("category") or "")
    if not description:
        raise DraftingError(f"Withheld item {number} needs a description of the records.")
    exemptions = [exemption(code) for code in item.get("exemptions") or ()]
    names = [e["name"] for e in exemptions]
    text = (
        ", ".join(names[:-1]) + " and " + names[-1]
        if len(names) > 1
        else names[0]
        if names
        else "no exemption cited"
    )
    return {
        "number": number,
        "description": description.rstrip("."),
        "exemptions": exemptions,
        "exemptions_text": text,
        "argument": paragraphs(item.get("argument", "")),
    }
