"""Build the shipped letter templates in templates/ from the text in this file.

The .docx files are committed, but this script is their source: edit the prose here and
run `python scripts/build_templates.py`. Output is byte-for-byte reproducible (fixed zip
timestamps and document properties) so a rebuild only shows a diff when the text changed.

Template conventions (docxtpl): `{%p ... %}` tags stand alone in their own paragraph;
multi-paragraph values are docxtpl Listings built by foiadesk.core.letters.drafting; the variables
each template uses are listed in templates/README.md.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Pt, RGBColor

OUT = Path(__file__).resolve().parents[1] / "templates"
BODY_FONT = "Calibri"  # Carlito is its metric twin on Linux
HEAD_FONT = "Cambria"  # Caladea likewise
GREY = RGBColor(0x40, 0x40, 0x40)
FIXED_TIME = datetime(2026, 1, 1)

LIAISON = (
    "I know that I may ask your FOIA Public Liaison{% if component.public_liaison %} "
    "({{ component.public_liaison }}){% endif %} for help, and the Office of Government "
    "Information Services (OGIS) at the National Archives for dispute resolution."
)
# To an appeals office: the Public Liaison on file is the component's, so only OGIS is named.
OGIS_ONLY = (
    "I know that I may ask the Office of Government Information Services (OGIS) at the National "
    "Archives for dispute resolution (5 U.S.C. 552(h)(3))."
)
# The appeal's (E)(vi) certification covers its expedite section only, as the request's does.
CERTIFICATION = (
    "I certify that the statements in this section on expedited processing are true and correct "
    "to the best of my knowledge and belief ({{ certification_cite }})."
)
REF = (
    "my request under the Freedom of Information Act, 5 U.S.C. 552, submitted on "
    "{{ request.submitted_on }}{% if request.title %} for records about "
    "“{{ request.title }}”{% endif %}{% if request.tracking_number %} (tracking number "
    "{{ request.tracking_number }}){% elif history.confirmation %} (confirmation "
    "{{ history.confirmation }}){% endif %}"
)
# A subject line names the request by its number and its own records, so that letters about
# several narrow requests to one office cannot be confused.
TITLED = "{% if request.title %}, “{{ request.title }}”{% endif %}"
# What goes with a letter is enclosed in an envelope, attached to a portal filing or e-mail.
ENCLOSED = "{% if delivery and 'by mail' not in delivery %}attached{% else %}enclosed{% endif %}"
ENCLOSURES = "{% if delivery and 'by mail' not in delivery %}Attachments{% else %}Enclosures{% endif %}"
ECD = "an estimated date on which your office will complete action on the request (5 U.S.C. 552(a)(7)(B))"


# --- document and styles ------------------------------------------------------------


def new_document(title: str, footer_label: str):
    doc = Document()
    _fonts_and_spacing(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    section.footer_distance = Inches(0.5)
    _styles(doc)
    _footer(section, footer_label)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "FoiaDesk", "FoiaDesk"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    props.comments = "Letter template for FoiaDesk (docxtpl). Variables: templates/README.md."
    return doc


def _fonts_and_spacing(doc) -> None:
    """Explicit fonts in the document defaults: theme fonts differ between Word versions."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), BODY_FONT)
    spacing = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:pPrDefault"))
    spacing = spacing.find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "120")  # 6 pt
    spacing.set(qn("w:line"), "264")  # 1.1 lines
    normal = doc.styles["Normal"]
    normal.font.size = Pt(11)
    normal.paragraph_format.widow_control = True


def _style(
    doc,
    name,
    *,
    size=None,
    bold=None,
    italic=None,
    font=None,
    color=None,
    before=None,
    after=None,
    left=None,
    hanging=None,
    keep_next=False,
    align=None,
):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    f, pf = style.font, style.paragraph_format
    if size:
        f.size = Pt(size)
    if bold is not None:
        f.bold = bold
    if italic is not None:
        f.italic = italic
    if font:
        f.name = font
        style.element.rPr.rFonts.set(qn("w:eastAsia"), font)
        style.element.rPr.rFonts.set(qn("w:cs"), font)
    if color is not None:
        f.color.rgb = color
    if before is not None:
        pf.space_before = Pt(before)
    if after is not None:
        pf.space_after = Pt(after)
    if left is not None:
        pf.left_indent = Inches(left)
    if hanging:
        pf.first_line_indent = Inches(-hanging)
        pf.tab_stops.add_tab_stop(Inches(left))
    if keep_next:
        pf.keep_with_next = True
    if align is not None:
        pf.alignment = align
    return style


def _styles(doc) -> None:
    _style(doc, "Letterhead Name", size=16, bold=True, font=HEAD_FONT, after=2)
    _style(doc, "Letterhead", size=10, color=GREY, after=0)
    rule = _style(doc, "Letterhead Rule", size=10, color=GREY, after=18)
    # Word rejects out-of-order pPr children: pBdr goes before tabs and spacing.
    rule.element.get_or_add_pPr().insert_element_before(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="6" '
            'w:color="808080"/></w:pBdr>'
        ),
        "w:shd",
        "w:tabs",
        "w:spacing",
        "w:ind",
        "w:jc",
        "w:rPr",
    )
    _style(doc, "Letter Date", after=12)
    _style(doc, "Addressee", after=12, keep_next=True)
    _style(doc, "Delivery", size=10, italic=True, color=GREY, after=12)
    _style(doc, "Letter Title", size=14, bold=True, font=HEAD_FONT, after=6, align=WD_ALIGN_PARAGRAPH.CENTER)
    _style(doc, "Subject", bold=True, after=12)
    _style(doc, "Section Heading", size=12, bold=True, font=HEAD_FONT, before=10, after=4, keep_next=True)
    _style(doc, "Item", left=0.3, hanging=0.3, before=4, after=3)
    _style(doc, "Item Detail", left=0.3, after=3)
    _style(doc, "Fact", size=10.5, left=0.55, hanging=0.2, after=4)
    _style(doc, "After List", before=8)  # a body paragraph that follows an indented list
    _style(doc, "Closing", before=6, after=0, keep_next=True)
    _style(doc, "Signature Line", before=30, after=0, keep_next=True)
    _style(doc, "Signature", after=0, keep_next=True)  # the signature block stays together
    _style(doc, "Enclosures", size=10, before=18, after=0)
    footer = _style(doc, "Letter Footer", size=9, color=GREY, after=0)
    footer.paragraph_format.tab_stops.add_tab_stop(Inches(6.5), WD_TAB_ALIGNMENT.RIGHT)


def _footer(section, label: str) -> None:
    para = section.footer.paragraphs[0]
    para.style = section.part.document.styles["Letter Footer"]
    para.add_run(f"{label}, {{{{ requester.name }}}}, {{{{ letter_date }}}}\tPage ")
    for i, field in enumerate(("PAGE", "NUMPAGES")):
        if i:
            para.add_run(" of ")
        para._p.append(
            parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="{field}"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
        )


# --- paragraphs ---------------------------------------------------------------------

_BOLD = re.compile(r"(\*\*.+?\*\*)")


def p(doc, text: str, style: str | None = None) -> None:
    """One paragraph; **text** makes a bold run. Jinja tags stay inside one run."""
    para = doc.add_paragraph(style=style)
    for chunk in _BOLD.split(text):
        if chunk.startswith("**") and chunk.endswith("**"):
            para.add_run(chunk[2:-2]).bold = True
        elif chunk:
            para.add_run(chunk)


def tag(doc, text: str) -> None:
    """A paragraph holding only a {%p %} tag; docxtpl removes it when rendering."""
    assert text.startswith("{%p ") and text.endswith(" %}"), text
    doc.add_paragraph(text)


def heading(doc, text: str) -> None:
    p(doc, text, "Section Heading")


def fact_list(doc, var: str) -> None:
    tag(doc, f"{{%p for f in {var} %}}")
    p(
        doc,
        "•\t{{ f.text }} (Source: {{ f.source }}{% if f.as_of %}, as of {{ f.as_of }}{% endif %}.)",
        "Fact",
    )
    tag(doc, "{%p endfor %}")


def letter_top(
    doc,
    *,
    title: str | None = None,
    subject: str,
    salutation: str = "Dear FOIA Officer:",
    delivery: bool = True,
) -> None:
    p(doc, "{{ requester.name }}", "Letterhead Name")
    tag(doc, "{%p if requester.affiliation %}")
    p(doc, "{{ requester.affiliation }}", "Letterhead")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if requester.address %}")
    p(doc, "{{ requester.address }}", "Letterhead")
    tag(doc, "{%p endif %}")
    p(
        doc,
        "{{ requester.email }}{% if requester.phone %}  ·  {{ requester.phone }}{% endif %}",
        "Letterhead Rule",
    )
    p(doc, "{{ letter_date }}", "Letter Date")
    p(doc, "{{ addressee }}", "Addressee")
    if delivery:
        tag(doc, "{%p if delivery %}")
        p(doc, "{{ delivery }}", "Delivery")
        tag(doc, "{%p endif %}")
    if title:
        p(doc, title, "Letter Title")
    p(doc, subject, "Subject")
    p(doc, salutation)


def signature(doc, closing: str = "Sincerely,") -> None:
    last = doc.paragraphs[-1]
    assert "{%p" not in last.text, "the signature must follow a paragraph of text"
    last.paragraph_format.keep_with_next = True  # never "Sincerely," alone on a page
    p(doc, closing, "Closing")
    p(doc, "{% if signature_required %}______________________________{% endif %}", "Signature Line")
    p(doc, "{{ requester.signature_name }}", "Signature")
    tag(doc, "{%p if requester.affiliation %}")
    p(doc, "{{ requester.affiliation }}", "Signature")
    tag(doc, "{%p endif %}")


# --- the letters --------------------------------------------------------------------


def request_letter():
    doc = new_document("Freedom of Information Act request", "FOIA request")
    _style(doc, "Source", size=8.5, color=GREY, left=0.35, hanging=0.35, after=0)
    # A request should fit in about four pages: a slightly smaller body and tighter headings.
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.styles["Section Heading"].paragraph_format.space_before = Pt(6)
    doc.styles["Letterhead Rule"].paragraph_format.space_after = Pt(10)
    doc.styles["Addressee"].paragraph_format.space_after = Pt(8)
    doc.styles["Signature Line"].paragraph_format.space_before = Pt(24)
    doc.styles["Item"].paragraph_format.space_before = Pt(2)
    doc.styles["Item Detail"].paragraph_format.space_after = Pt(2)
    letter_top(doc, subject="Re: {{ subject }}")
    p(
        doc,
        "Under the Freedom of Information Act, 5 U.S.C. 552{% if rules %}, and your "
        "regulations at {{ rules }}{% endif %}, I request the records of your office "
        "described below{% if asks %}, and I ask for {{ asks }}"
        "{% endif %}. Please write to me at {{ requester.email }}{% if requester.phone %} or "
        "call {{ requester.phone }}{% endif %} with any question about this request.",
    )

    heading(doc, "Records requested")
    tag(doc, "{%p if priority %}")
    p(
        doc,
        "The items are in order of priority: please process item 1 first, and release each "
        "item as soon as it is complete.",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for c in categories %}")
    p(doc, "{{ c.number }}.\t**{{ c.title }}.** {{ c.description }}", "Item")
    p(
        doc,
        "{% if c.custodians %}Offices and custodians to search: {{ c.custodians }}. "
        "{% endif %}Date range: {{ c.date_range }}.{% if c.search_terms %} Search terms "
        "include {{ c.search_terms }}.{% endif %}",
        "Item Detail",
    )
    tag(doc, "{%p endfor %}")
    p(
        doc,
        "I ask for existing records, not answers to questions. If any item is unclear, or "
        "too broad to search with reasonable effort, please contact me before narrowing or "
        "denying it.",
        "After List",
    )
    tag(doc, "{%p if no_taxpayer_records %}")
    p(doc, "{{ taxpayer_paragraph }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if background %}")
    p(doc, "**Background.** {{ background }} This request seeks the records behind what is already public.")
    tag(doc, "{%p endif %}")

    heading(doc, "Fees")
    p(
        doc,
        "For fee purposes, please place me in the {{ fee.label }} category (5 U.S.C. "
        "{{ fee.cite }}), which is charged {{ fee.charges }}."
        "{% if fee.basis %} {{ fee.basis_line }}{% endif %}",
    )
    tag(doc, "{%p if fee.agrees_to_pay %}")
    p(
        doc,
        "I agree to pay fees of up to {{ fee.cap }} without further notice"
        "{% if fee.cap_vs_default == 'above' %}. This is more than the "
        "{{ fee.default_commitment }} that {{ fee.default_rule }} treat as a requester's "
        "commitment when none is stated"
        "{% elif fee.cap_vs_default == 'equal' %}, the commitment that "
        "{{ fee.default_rule }} assume when none is stated"
        "{% elif fee.cap_vs_default == 'below' %}. This limit replaces the "
        "{{ fee.default_commitment }} that {{ fee.default_rule }} otherwise assume"
        "{% endif %}. If fees will be higher, please tell me before incurring them, so that I "
        "can narrow the request{% if fee_waiver %}. This agreement applies only if the fee "
        "waiver below is denied{% endif %}.",
    )
    tag(doc, "{%p else %}")
    p(
        doc,
        "Please tell me before incurring any fees, so that I can narrow the request"
        "{% if fee.default_commitment %}; I do not accept the {{ fee.default_commitment }} "
        "commitment that {{ fee.default_rule }} otherwise assume{% endif %}"
        "{% if fee_waiver %}. I ask for a waiver of all fees below{% endif %}.",
    )
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if fee_waiver %}")
    heading(doc, "Fee waiver")
    p(
        doc,
        "Disclosure of these records is in the public interest because it is likely to "
        "contribute significantly to public understanding of the operations or activities "
        "of the government, and it is not primarily in my commercial interest (5 U.S.C. "
        "552(a)(4)(A)(iii)){% if waiver_rules %}. Each factor of your regulations "
        "({{ waiver_rules }}) is met{% endif %}:",
    )
    tag(doc, "{%p if fee_waiver_text %}")
    p(doc, "{{ fee_waiver_text }}")
    tag(doc, "{%p else %}")
    tag(doc, "{%p for w in waiver %}")
    p(
        doc,
        "{{ w.number }}.\t**{{ w.title }}**{% if w.cite %} ({{ w.cite }}){% endif %}. {{ w.text }}",
        "Item",
    )
    tag(doc, "{%p for q in w.questions %}")
    p(doc, "•\t{{ q }}", "Fact")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if expedite %}")
    heading(doc, "Expedited processing")
    p(
        doc,
        "There is a compelling need for these records on the following "
        "{% if expedite_grounds|length > 1 %}grounds{% else %}ground{% endif %}:",
    )
    tag(doc, "{%p for g in expedite_grounds %}")
    p(
        doc,
        "{{ g.number }}.\t**{{ g.title }}**{% if g.cite %} ({{ g.cite }}){% endif %}. "
        "{{ g.text }}{% if g.route_to %} I am sending a copy of this letter to the "
        "{{ g.route_to }} today, as {% if g.route_cite %}{{ g.route_cite }}{% else %}your "
        "rules{% endif %} direct{% if g.route_cite %}s{% endif %}.{% endif %}",
        "Item",
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if expedite_text %}")
    p(doc, "{{ expedite_text }}", "After List")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if urgency %}")
    p(
        doc,
        "The need is current, and delay would deny the public these records while the "
        "questions they bear on are being decided: {{ urgency }}",
        "After List",
    )
    tag(doc, "{%p endif %}")
    p(
        doc,
        "I certify that the statements in this section on expedited processing are true "
        "and correct to the best of my knowledge and belief ({{ certification_cite }}).",
        "After List",
    )
    tag(doc, "{%p endif %}")

    heading(doc, "Processing")
    tag(doc, "{%p for a in protective %}")
    p(doc, "•\t{{ a }}", "Fact")
    tag(doc, "{%p endfor %}")
    p(
        doc,
        "•\tPlease provide the records in {{ format }} (5 U.S.C. 552(a)(3)(B)): spreadsheets "
        "as .xlsx or .csv, email with attachments and metadata, other documents as searchable "
        "PDF, delivered {% if component.has_portal %}through your FOIA portal or {% endif %}"
        "by email to {{ requester.email }}.",
        "Fact",
    )
    p(
        doc,
        "•\tPlease give me the tracking number of this request, the date you received it "
        "and an estimated date of completion (5 U.S.C. 552(a)(7)).",
        "Fact",
    )
    p(
        doc,
        "I look forward to your determination within 20 working days (5 U.S.C. "
        "552(a)(6)(A)(i)){% if expedite %}, and to your decision on expedited processing "
        "within 10 days (5 U.S.C. 552(a)(6)(E)(ii){% if expedite_decision_cite %}; "
        "{{ expedite_decision_cite }}{% endif %}){% endif %}. "
        + LIAISON
        + "{% if signature_required %} As your rules require, I have signed this request."
        "{% endif %} Thank you for your help.",
        "After List",
    )
    signature(doc)

    tag(doc, "{%p if appendix %}")
    heading(doc, "Appendix: the public record")
    tag(doc, "{%p for f in appendix %}")
    p(doc, "•\t{{ f.text }} {{ f.refs }}", "Fact")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if sources %}")
    heading(doc, "Sources")
    tag(doc, "{%p for s in sources %}")
    p(doc, "[{{ s.number }}]\t{{ s.text }}", "Source")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    return doc


# Counted from the day a letter was mailed (no receipt date known), the limit is early by the
# days the mail took: the letter says so, as the appeal of the delay does.
MAIL_DAYS = "{% if history.mail_days_unknown %}, or as many working days later as the mail took{% endif %}"
MISSED = (
    "The time limit for a determination (5 U.S.C. 552(a)(6)(A)(i){% if history.extended %}, "
    "as extended under 552(a)(6)(B){% endif %}) ran out on {{ history.due_on }}" + MAIL_DAYS
)
# The fee bar with its exceptions (552(a)(4)(A)(viii)(II)), for a letter drafted without the log;
# from the log, `fee_bar_text` says only what the log supports.
FEE_BAR = (
    "{% if fee_bar_text %}{{ fee_bar_text }}{% else %}Under 5 U.S.C. 552(a)(4)(A)(viii), an agency "
    "that misses a time limit of 552(a)(6) may not charge search fees{% if duplication_barred %}, "
    "nor duplication fees to a requester in my fee category{% endif %}, unless it gave timely "
    "written notice of unusual circumstances (which excuses the delay for 10 more days, or, where "
    "more than 5,000 pages are necessary and it has discussed with the requester how to limit the "
    "request, allows those fees) or a court has found exceptional circumstances.{% endif %}"
)


def one_page(doc) -> None:
    """A letter a practitioner keeps to one page (a status inquiry, a fee reply), even to the IRS
    (a six-line address and a line to sign on) with the fee bar argued: tighter space between
    the blocks, and the request's signature gap."""
    for name in ("Letterhead Rule", "Letter Date", "Addressee", "Delivery", "Subject"):
        doc.styles[name].paragraph_format.space_after = Pt(10 if name == "Letterhead Rule" else 8)
    doc.styles["Signature Line"].paragraph_format.space_before = Pt(24)
    doc.styles["Normal"].paragraph_format.space_after = Pt(5)


def status_inquiry():
    doc = new_document("Status inquiry on a FOIA request", "FOIA status inquiry")
    one_page(doc)
    letter_top(
        doc,
        subject="Re: Status of {% if appeal %}the appeal on {% endif %}Freedom of Information Act "
        "request {% if request.tracking_number %}"
        "{{ request.tracking_number }}{% else %}submitted {{ request.submitted_on }}{% endif %}"
        "{% if appeal and appeal.number %} (appeal {{ appeal.number }}){% endif %}" + TITLED,
        salutation="{% if appeal %}Dear Appeals Officer:{% else %}Dear FOIA Officer:{% endif %}",
    )
    # The subject line names the request by its number and title: the letter need not repeat the
    # title (a status inquiry is kept to one page, as a practitioner keeps it).
    p(
        doc,
        "I write about my FOIA request of "
        "{{ request.submitted_on }}{% if request.tracking_number %}, tracking number "
        "{{ request.tracking_number }}{% elif history.confirmation %}, confirmation "
        "{{ history.confirmation }}{% endif %}{% if received_on and not appeal %}, which your "
        "office received {% if history.acknowledged_on == received_on %}and acknowledged {% endif %}on "
        "{{ received_on }}{% if history.acknowledged_on and history.acknowledged_on != received_on %}"
        " and acknowledged on {{ history.acknowledged_on }}{% endif %}{% endif %}.",
    )
    # A pending appeal: the letter asks the appeals office about the appeal (552(a)(6)(A)(ii)).
    tag(doc, "{%p if appeal %}")
    p(
        doc,
        "On {{ appeal.filed_on }} I appealed the {{ appeal.decision }}."
        "{% if appeal.missed %} The time limit for deciding the appeal (5 U.S.C. 552(a)(6)(A)(ii)) "
        "ran out on {{ appeal.due_on }}, and I have not received a decision. I may therefore treat "
        "my administrative remedies as exhausted and seek judicial review (5 U.S.C. "
        "552(a)(6)(C)(i)).{% elif appeal.due_on %} A decision on the appeal is due by "
        "{{ appeal.due_on }} (5 U.S.C. 552(a)(6)(A)(ii)).{% endif %} Please tell me where the "
        "appeal stands and the date by which you expect to decide it.",
    )
    tag(doc, "{%p else %}")
    tag(doc, "{%p if not request.tracking_number %}")
    p(
        doc,
        "I have not received a tracking number for it. The Act requires one for every request "
        "that will take longer than ten days to process (5 U.S.C. 552(a)(7)(A)): please tell me "
        "this request's tracking number.",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if deadline_passed %}")
    # (C)(i): a requester "shall be deemed to have exhausted his administrative remedies" when
    # the agency fails to comply with the time limits; the fee bar follows in the same paragraph.
    p(
        doc,
        "The time limit for a determination (5 U.S.C. 552(a)(6)(A)(i)"
        "{% if deadline_extended %}, as extended under 552(a)(6)(B){% endif %}) ran out on "
        "{{ due_on }}" + MAIL_DAYS + "{% if history.days_late and not history.mail_days_unknown %}, "
        "{{ history.days_late }} days ago{% endif %}, without one: I am deemed to have exhausted "
        "my administrative remedies and may seek judicial review (5 U.S.C. 552(a)(6)(C)(i))."
        "{% if fee_bar_text %} {{ fee_bar_text }}{% endif %}",
    )
    tag(doc, "{%p elif due_on %}")
    p(
        doc,
        "A determination is due by {{ due_on }} (5 U.S.C. 552(a)(6)(A)(i)"
        "{% if deadline_extended %}, as extended under 552(a)(6)(B){% endif %}).",
    )
    tag(doc, "{%p endif %}")
    # A remand sends the request back to be processed again: the letter asks, as for a pending
    # request, for the estimated date of completion.
    tag(doc, "{%p if remanded %}")
    p(
        doc,
        "On {{ remanded.appealed_on }} I appealed the determination of "
        "{{ remanded.determination_on }}, and on {{ remanded.on }} the appeal office sent the "
        "request back to your office to be processed again.",
    )
    tag(doc, "{%p endif %}")
    # After the determination the request is no longer pending: 552(a)(7)(B)'s estimated date
    # of completion is for requests still in process, so the letter asks about the records.
    tag(doc, "{%p if determined %}")
    p(
        doc,
        "Your office made its determination on this request on {{ determined.on }}"
        "{% if determined.did %}: it {{ determined.did }}{% endif %}."
        "{% if determined.releases %} If any of the records it releases have not yet reached me, "
        "please send them now, or tell me the date by which you will.{% elif determined.referred %} "
        "Please tell me which agency it went to, on what date, and the tracking number that agency "
        "gave it, so that I can follow the request there.{% else %} Please confirm "
        "that it completes your office's action on the request.{% endif %}",
    )
    tag(doc, "{%p else %}")
    p(
        doc,
        "{% if history.status_inquiries %}I asked for the status of this request on "
        "{{ history.status_inquiries_text }} without an answer. {% endif %}"
        "{% if history.interim_released_on %}I received the records your office released on "
        "{{ history.interim_released_on }}. {% endif %}"
        "Please tell me {% if not received_on %}the date your office received the request "
        "and {% endif %}an estimated date on which your office will complete action on the "
        "{% if history.interim_released_on %}rest{% else %}request{% endif %} (5 U.S.C. "
        "552(a)(7)(B); Office of Government Information Services (OGIS), Advisory Opinion "
        "2020-01)"
        "{% if history.interim_released_on %}, and release the rest as it is processed."
        "{% else %}. Please release any records already processed now, and the rest on a rolling "
        "basis.{% endif %}",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if note %}")
    p(doc, "{{ note }}")
    tag(doc, "{%p endif %}")
    p(
        doc,
        # the Public Liaison on file is the component's, not the appeals office's
        "{% if appeal %}" + OGIS_ONLY + "{% elif determined %}" + LIAISON + "{% else %}"
        # OGIS is named in full in the paragraph before, which cites its advisory opinion
        "If its scope is what slows the request, I am willing to discuss narrowing it or setting "
        "priorities. I know that I may ask your FOIA Public Liaison"
        "{% if component.public_liaison %} ({{ component.public_liaison }}){% endif %} for "
        "help, and OGIS for dispute resolution.{% endif %}",
    )
    # short, so that only one line goes with the signature when the letter runs long
    p(
        doc,
        "{% if answer_by %}I would be grateful for your answer by {{ answer_by }}. {% endif %}"
        "Thank you for your help.",
    )
    signature(doc)
    return doc


def clarification_reply():
    doc = new_document("Clarification of a FOIA request", "FOIA clarification")
    letter_top(
        doc,
        subject="Re: Clarification of Freedom of Information Act request {{ request.tracking_number }}"
        + TITLED,
    )
    p(doc, "I am replying to your letter of {{ agency_letter_date }}, which asked me to clarify " + REF + ".")
    p(doc, "{{ clarification }}")
    p(
        doc,
        "This reply gives you the information you asked for. Under 5 U.S.C. "
        "552(a)(6)(A)(ii)(I), any tolling of the time limit for this request ends when you "
        "receive it. Please resume processing, confirm the date you received this reply, "
        "and tell me " + ECD + ".",
    )
    tag(doc, "{%p if history.info_requests_repeated %}")
    p(
        doc,
        "The Act lets an agency stop the clock only once to ask a requester for information "
        "(5 U.S.C. 552(a)(6)(A)(ii)(I)); your office had already done so, so this request did "
        "not toll the time limit.",
    )
    tag(doc, "{%p endif %}")
    p(
        doc,
        "If anything is still unclear, please contact me before closing or narrowing the "
        "request. Thank you for your help.",
    )
    signature(doc)
    return doc


def still_interested_reply():
    doc = new_document("Reply: still interested in a FOIA request", "FOIA reply")
    letter_top(
        doc,
        subject="Re: Freedom of Information Act request {{ request.tracking_number }}"
        + TITLED
        + ": I am still interested",
    )
    p(
        doc,
        "I am replying to your letter of {{ agency_letter_date }}, which asked whether I am "
        "still interested in " + REF + "{% if reply_by %} and asked for a reply by "
        "{{ reply_by }}{% endif %}.",
    )
    p(
        doc,
        "**Yes, I am still interested in all of the records I requested.** Please keep the "
        "request open and continue processing it. Please do not treat it as withdrawn or "
        "closed.",
    )
    tag(doc, "{%p if note %}")
    p(doc, "{{ note }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if history.missed and not history.determination_on %}")
    p(doc, MISSED + ", and I have been waiting for a determination since then.")
    tag(doc, "{%p endif %}")
    p(doc, "Please tell me " + ECD + ", and release any records already processed.")
    p(doc, "Thank you for your help.")
    signature(doc)
    return doc


def fee_response():
    doc = new_document("Reply to a FOIA fee estimate", "FOIA fee reply")
    one_page(doc)
    letter_top(
        doc,
        subject="Re: Fee estimate for Freedom of Information Act request {{ request.tracking_number }}"
        + TITLED,
    )
    # One page, as a fee reply is kept: the subject line carries the request's title.
    p(
        doc,
        "I am replying to your letter of {{ agency_letter_date }}, which estimated fees of "
        "{{ fee_estimate }} for my Freedom of Information Act request (5 U.S.C. 552) of "
        "{{ request.submitted_on }}{% if request.tracking_number %}, tracking number "
        "{{ request.tracking_number }}{% endif %}.",
    )
    tag(doc, "{%p if fee_bar %}")
    p(
        doc,
        "{% if history.due_on %}"
        + MISSED
        + "{% if estimate_after_due %}, before your fee estimate{% endif %}"
        "{% else %}Your office did not meet a time limit of 5 U.S.C. 552(a)(6) for this request"
        "{% endif %}. " + FEE_BAR + " Please remove those fees from the estimate, or tell me on what "
        "ground you charge them.",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if history.waiver_pending %}")
    p(
        doc,
        "My request for a waiver of all fees is still pending. Please decide it before charging "
        "any fee; what I say below about paying applies only if the waiver is denied.",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if accept %}")
    p(
        doc,
        "{% if fee_bar %}Apart from the fees barred above, I{% else %}I{% endif %} agree to pay "
        "fees of up to {{ fee_cap }} for this request. Please continue "
        "processing it, and tell me before incurring fees above that amount."
        "{% if history.waiver_denied_on %} Agreeing to pay does not give up my right to appeal "
        "the denial of my fee waiver of {{ history.waiver_denied_on }}; if the waiver is granted "
        "on appeal, please refund what I have paid.{% endif %}"
        "{% if advance_payment %} {{ advance_text }}{% endif %}",
    )
    tag(doc, "{%p else %}")
    p(doc, "To reduce the fees, I narrow the request as follows:")
    p(doc, "{{ narrowing }}", "Item Detail")
    p(
        doc,
        "Please process the request as narrowed"
        "{% if fee_cap %}. I agree to pay fees of up to {{ fee_cap }} for it without "
        "further notice; if they will be higher, please send me a revised estimate first"
        "{% else %}, and send me a revised estimate before incurring any fees{% endif %}.",
        "After List",
    )
    tag(doc, "{%p endif %}")
    p(
        doc,
        "Please send me an itemized estimate (the hours of search and of review with the grade "
        "and hourly rate of each, the pages and the duplication rate, and my fee category), so "
        "that I can compare it with your fee regulations and narrow the request where that "
        "saves the most."
        # an estimate that came after the time limit ran out held no clock: no toll to end
        "{% if not estimate_after_due %} Under 5 U.S.C. 552(a)(6)(A)(ii)(II), any tolling of "
        "the time limit to settle fees ends when you receive this reply.{% endif %}",
    )
    tag(doc, "{%p if note %}")
    p(doc, "{{ note }}")
    tag(doc, "{%p endif %}")
    p(doc, "Please confirm the date you received this reply. Thank you for your help.")
    signature(doc)
    return doc


def appeal():
    doc = new_document("Freedom of Information Act Appeal", "FOIA appeal")
    letter_top(
        doc,
        title="Freedom of Information Act Appeal",
        subject="Re: Request {{ request.tracking_number }}" + TITLED + ", submitted "
        "{{ request.submitted_on }} to {{ decider_short }}; {{ decision }}"
        "{% if expedite_appealed %}; {{ expedite_denial }}{% endif %}",
        salutation="Dear Appeals Officer:",
    )
    # The appeals office did not decide: the letter names the office that did, and says what
    # its decision did ("which withheld records in part under Exemption 5").
    p(
        doc,
        "I appeal the {{ decision_appealed }}{% if expedite_appealed %}, and its "
        "{{ expedite_denial }}{% endif %}.{% if determination_official %} It was signed by "
        "{{ determination_official }}.{% endif %} It {{ request_verb }} " + REF + "."
        "{% if timely %} This appeal is made within {{ timely }} of the {{ decision_noun }} "
        "({{ timely_cite }}).{% endif %}",
    )
    p(
        doc,
        "{% if delay %}I ask you to {{ relief }}.{% else %}I ask you to reverse the "
        "{{ decision_noun }}{% if expedite_appealed %} and the denial of expedited processing"
        "{% endif %} as set out below{% if relief %} and to {{ relief }}{% endif %}.{% endif %} "
        "My request{% if expedite_denial %}, the {{ enclosed_as }} and the denial of expedited "
        "processing are{% elif enclosed_as %} and the {{ enclosed_as }} are{% else %} is"
        "{% endif %} " + ENCLOSED + ".",
    )
    # No determination came in time: the Act's duty, the dates, and what the office should order.
    tag(doc, "{%p if delay_argument %}")
    heading(doc, "The delay")
    p(doc, "{{ delay_argument }}")
    tag(doc, "{%p endif %}")
    # An agency's administrative closure: why it cannot stand (the log's facts, the Act's duty).
    tag(doc, "{%p if closure_argument %}")
    heading(doc, "The closure")
    p(doc, "{{ closure_argument }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if withheld %}")
    heading(doc, "Records withheld")
    tag(doc, "{%p for item in withheld %}")
    p(
        doc,
        "{{ item.number }}.\t**{{ item.description }}**{% if item.exemptions_text %}, withheld "
        "under {{ item.exemptions_text }}{% endif %}.",
        "Item",
    )
    tag(doc, "{%p if item.argument %}")
    p(doc, "{{ item.argument }}", "Item Detail")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for ex in item.exemptions %}")
    p(doc, "**{{ ex.label }}.** {{ ex.argument }}", "Item Detail")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if glomar_argument %}")
    heading(doc, "Neither confirming nor denying")
    p(doc, "{{ glomar_argument }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if search_argument %}")
    heading(doc, "Adequacy of the search")
    p(doc, "{{ search_argument }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if waiver_argument %}")
    heading(doc, "Fee waiver")
    p(doc, "{{ waiver_argument }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if other_argument %}")
    heading(doc, "Other grounds")
    p(doc, "{{ other_argument }}")
    tag(doc, "{%p endif %}")
    # (an expedite or fee-waiver denial decided no records: nothing to segregate yet)
    tag(doc, "{%p if segregability %}")
    heading(doc, "Segregability and justification")
    p(
        doc,
        "Even where an exemption applies, 5 U.S.C. 552(b) requires the release of every "
        "reasonably segregable portion that is not exempt, and 5 U.S.C. 552(a)(8)(A) "
        "permits withholding only where the agency reasonably foresees harm to an interest "
        "the exemption protects. Please release each withheld record with only the exempt "
        "portions redacted and each redaction marked with its exemption, and for anything "
        "still withheld in full, describe the record and explain how each exemption "
        "applies to it.",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if expedite %}")
    heading(doc, "Expedited processing")
    p(
        doc,
        "I renew my request for expedited processing under 5 U.S.C. 552(a)(6)(E)"
        "{% if expedite_rule %} and {{ expedite_rule }}, which applies to appeals as well "
        "as requests{% endif %}, and ask that this appeal be decided expeditiously.",
    )
    tag(doc, "{%p if expedite_argument %}")
    p(doc, "{{ expedite_argument }}")
    tag(doc, "{%p endif %}")
    p(doc, CERTIFICATION)
    tag(doc, "{%p endif %}")
    heading(doc, "Decision")
    p(
        doc,
        "Please decide this appeal within 20 working days of receiving it, as 5 U.S.C. "
        "552(a)(6)(A)(ii) requires, and tell me the appeal's tracking number. "
        + OGIS_ONLY
        + " I reserve my right to seek judicial review under 5 U.S.C. 552(a)(4)(B).",
    )
    signature(doc)
    p(
        doc,
        ENCLOSURES + ": my request of {{ request.submitted_on }}{% if enclosure %}; the "
        "{{ enclosure }}{% endif %}"
        "{% if expedite_denial %}; the {{ expedite_denial }}{% endif %}"
        "{% if also_enclosed %}; {{ also_enclosed }}{% endif %}.",
        "Enclosures",
    )
    return doc


def reopen_request():
    doc = new_document("Request to reopen a FOIA request", "FOIA request to reopen")
    letter_top(
        doc,
        subject="Re: Freedom of Information Act request {{ request.tracking_number }}"
        + TITLED
        + ": request to reopen",
    )
    # One page, as a request to reopen is kept: the subject line carries the request's title.
    p(
        doc,
        "Your letter of {{ closure_date }} told me that your office had closed my Freedom of "
        "Information Act request (5 U.S.C. 552) of {{ request.submitted_on }}"
        "{% if request.tracking_number %}, tracking number {{ request.tracking_number }}"
        "{% endif %}. I ask you to reopen it.",
    )
    # what was missed and what the requester now gives, with the toll it ends, in one paragraph
    p(
        doc,
        "{{ missed }}{% for line in answer %} {{ line }}{% endfor %}{% if tolled %} Under "
        "{{ toll_cite }}, any tolling of the time limit for this request ends when you receive "
        "this letter.{% endif %}",
    )
    tag(doc, "{%p if still_interested %}")
    p(doc, "{{ oip_item_8 }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if note %}")
    p(doc, "{{ note }}")
    tag(doc, "{%p endif %}")
    p(
        doc,
        "Please reopen the request under its tracking number and in its place in your processing "
        "queue, and by {{ answer_by }} tell me the date you reopened it and " + ECD + ". This "
        "letter does not give up my right to appeal the closure.",
    )
    p(doc, "Thank you for your help.")
    signature(doc)
    return doc


def liaison_letter():
    doc = new_document("Letter to the FOIA Public Liaison", "FOIA Public Liaison")
    one_page(doc)
    doc.styles["Item"].paragraph_format.space_before = Pt(1)
    doc.styles["Item"].paragraph_format.space_after = Pt(2)
    letter_top(
        doc,
        subject="Re: Request for assistance with Freedom of Information Act request "
        "{{ request.tracking_number }}" + TITLED,
        salutation="Dear FOIA Public Liaison:",
    )
    # One page, as a letter to the Liaison is kept: the subject line carries the request's title.
    p(
        doc,
        "I ask for your help with my Freedom of Information Act request (5 U.S.C. 552) of "
        "{{ request.submitted_on }}{% if request.tracking_number %}, tracking number "
        "{{ request.tracking_number }}{% endif %}. The Act charges the FOIA Public Liaison with "
        "reducing delays, explaining the status of requests and helping to resolve disputes "
        "(5 U.S.C. 552(l), 552(a)(6)(B)(ii)).",
    )
    p(
        doc,
        "{% if history.received_on and not history.received_assumed %}Your agency received "
        "{% if history.acknowledged_on == history.received_on %}and acknowledged {% endif %}the "
        "request on {{ history.received_on }}{% if history.acknowledged_on and "
        "history.acknowledged_on != history.received_on %} and acknowledged it on "
        "{{ history.acknowledged_on }}{% endif %}{% else %}I submitted the request on "
        "{{ request.submitted_on }}{% if history.acknowledged_on %}, and your agency acknowledged "
        "it on {{ history.acknowledged_on }}{% endif %}{% endif %}."
        "{% if history.missed %} " + MISSED + "{% if history.determination_on %}; the "
        "determination came only on {{ history.determination_on }}.{% else %}, with no "
        "determination made.{% endif %}"
        "{% elif history.due_on and not history.determination_on %} A determination is due by "
        "{{ history.due_on }}.{% endif %}"
        "{% if history.status_inquiries %} I asked the FOIA office for the status on "
        "{{ history.status_inquiries_text }} without an answer.{% endif %}"
        # on remand the request is processed again: the list of asks follows, as while it was
        # first processed
        "{% if history.on_remand %} {% if history.missed %}I appealed it on "
        "{{ history.appeal_filed_on }}{% else %}On {{ history.appeal_filed_on }} I appealed the "
        "determination of {{ history.determination_on }}{% endif %}, and on "
        "{{ history.appeal_decided_on }} the appeal office sent the request back to your agency "
        "to be processed again.{% endif %}"
        "{% if not history.determination_on or history.on_remand %} I ask you to:{% endif %}",
    )
    # once the agency has decided, there is no completion date to ask for: ask what it did; on
    # remand it is processing the request again, so the letter asks as for a pending request
    tag(doc, "{%p if history.determination_on and not history.on_remand %}")
    p(
        doc,
        "I ask you to help me understand the determination of {{ history.determination_on }}"
        "{% if history.determination_did %}, which {{ history.determination_did }}{% endif %}: "
        "{{ history.determination_questions }}{% if history.appeal_filed_on %}. I appealed it on "
        "{{ history.appeal_filed_on }}, and your help may narrow what the appeal must decide"
        "{% else %}, so that I can decide whether to appeal{% endif %}.",
    )
    tag(doc, "{%p else %}")
    p(
        doc,
        "1.\tgive me an estimated date on which the agency will complete action (5 U.S.C. 552(a)(7)(B));",
        "Item",
    )
    p(
        doc,
        "2.\ttell me where the request stands: the offices searched, whether records were "
        "found, and any consultation or referral, with the other agency's tracking number;",
        "Item",
    )
    p(doc, "3.\trelease the records already processed, and the rest on a rolling basis; and", "Item")
    p(
        doc,
        "4.\tsay whether narrowing the request or setting priorities would speed it; I am glad "
        "to discuss either.",
        "Item",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if note %}")
    p(doc, "{{ note }}", "After List")
    tag(doc, "{%p endif %}")
    p(
        doc,
        "If we cannot resolve this together, I will ask the Office of Government Information "
        "Services to mediate (5 U.S.C. 552(h)(3)); I reserve my right to seek judicial review.",
        "After List",
    )
    # short, so that only one line goes with the signature when the letter runs long
    p(
        doc,
        "{% if answer_by %}I would be grateful for your answer by {{ answer_by }}. {% endif %}"
        "Thank you for your help.",
    )
    signature(doc)
    return doc


def ogis_request():
    doc = new_document("Request for OGIS mediation", "OGIS request")
    # dates hang in a column wide enough for the longest ("September 30, 2026:")
    _style(doc, "Chronology", left=1.5, hanging=1.5, before=4, after=3)
    letter_top(
        doc,
        subject="Re: Request for mediation: {{ component.name }}, Freedom of "
        "Information Act request {{ request.tracking_number }}" + TITLED,
        salutation="Dear OGIS staff:",
    )
    p(
        doc,
        "I ask the Office of Government Information Services to mediate a dispute with "
        "{{ agency }} over " + REF + ", as 5 U.S.C. 552(h)(3) provides. The dispute "
        "is about {{ dispute }}.",
    )
    heading(doc, "What happened")
    tag(doc, "{%p for c in history.chronology %}")
    p(doc, "{{ c.date }}:\t{{ c.text }}", "Chronology")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if history.missed %}")
    p(
        doc,
        MISSED + "{% if history.determination_on %}; the determination came only on "
        "{{ history.determination_on }}.{% else %}. I have no estimated date of completion.{% endif %}",
        "After List",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if history.exemptions and history.determination_withheld and not history.on_remand %}")
    p(doc, "The determination withheld records under {{ history.exemptions_text }}.", "After List")
    tag(doc, "{%p endif %}")
    heading(doc, "What I ask for")
    p(
        doc,
        "{{ ask }}.{% if not history.determination_on or history.on_remand %} I am willing to "
        "discuss narrowing the request or setting priorities.{% endif %}",
    )
    tag(doc, "{%p if note %}")
    p(doc, "{{ note }}")
    tag(doc, "{%p endif %}")
    p(
        doc,
        # only what the requester knows of their own acts: not that no lawsuit is pending anywhere
        "I consent to OGIS discussing this request and my correspondence with the agency's "
        "FOIA staff. I have not filed a lawsuit about this request. Copies of my request and "
        "the agency's letters are attached. Thank you for your help.",
    )
    signature(doc)
    p(
        doc,
        "Attachments: my request of {{ request.submitted_on }} and the agency's letters listed above.",
        "Enclosures",
    )
    return doc


def complaint_outline():
    doc = new_document("Outline of a FOIA complaint", "FOIA complaint outline")
    p(doc, "Outline of a complaint under the Freedom of Information Act", "Letter Title")
    p(
        doc,
        "For a lawyer to review and finish. Prepared by {{ requester.name }} on "
        "{{ letter_date }} from the request log. This is not legal advice.",
        "Delivery",
    )
    heading(doc, "Your options, in plain words")
    p(
        doc,
        "{% if history.appeal_remanded %}Your appeal was decided on "
        "{{ history.appeal_decided_on }}: the request went back to the agency to be processed "
        "again. Its new answer can be appealed, and a suit usually waits for that; if the agency "
        "misses its deadline for the new answer, you may sue (5 U.S.C. 552(a)(6)(C)(i))."
        "{% elif history.appeal_decided_on %}On {{ history.appeal_decided_on }} the appeal office "
        "{{ history.appeal_did }}: you may now sue "
        "(5 U.S.C. 552(a)(4)(B)).{% elif history.appeal_missed %}The appeal was not decided by "
        "{{ history.appeal_decision_due }}, so you may sue (5 U.S.C. 552(a)(6)(C)(i))."
        "{% elif history.appeal_filed_on %}Your appeal of {{ history.appeal_filed_on }} is "
        "pending; its decision is due by {{ history.appeal_decision_due }}."
        "{% elif history.missed %}Your request was not decided by "
        "{{ history.due_on }}. From {{ history.exhaustion_on }} you may sue without appealing "
        "first (5 U.S.C. 552(a)(6)(C)(i)){% if history.fee_bar %}, and the fee bar of "
        "552(a)(4)(A)(viii) limits the fees the agency may charge{% endif %}."
        "{% if history.determination_on %} "
        "But it answered on {{ history.determination_on }}, before any suit was filed; courts "
        "then generally expect an administrative appeal of that answer before a lawsuit."
        "{% endif %}{% else %}Suing usually requires a decided administrative appeal first.{% endif %} "
        "{% if history.appeal_remanded %}You can also ask the agency when it expects to finish "
        "processing the request again, and ask the FOIA Public Liaison or OGIS for help."
        "{% elif history.appeal_decided_on %}You can also ask OGIS to mediate; it cannot order the "
        "agency to release records.{% elif history.appeal_filed_on %}You can also ask the appeal "
        "office when it expects to decide, and ask OGIS for help.{% elif history.determination_on %}"
        "You can also ask the FOIA Public Liaison or OGIS for help.{% else %}You can also keep "
        "asking for an estimated completion date (5 U.S.C. 552(a)(7)(B)) and ask the FOIA Public "
        "Liaison or OGIS for help.{% endif %} A court can order the agency "
        "to search and release records and can award attorney fees and costs to a plaintiff "
        "who substantially prevails (5 U.S.C. 552(a)(4)(E)). Deadlines for filing and serving "
        "a complaint, and the court's rules, apply: have a lawyer check this outline.",
    )
    heading(doc, "Caption")
    p(doc, "UNITED STATES DISTRICT COURT FOR THE [DISTRICT]")
    p(
        doc,
        "{{ requester.name }}, Plaintiff, v. {{ defendant }}, Defendant. Civil Action No. "
        "[    ]. COMPLAINT FOR DECLARATORY AND INJUNCTIVE RELIEF.",
    )
    heading(doc, "Parties")
    p(
        doc,
        "1.\tPlaintiff {{ requester.name }}{% if requester.affiliation %} "
        "({{ requester.affiliation }}){% endif %} made the request described below.",
        "Item",
    )
    p(
        doc,
        "2.\tDefendant {{ defendant }} is an agency of the United States within 5 U.S.C. "
        "552(f)(1); {% if defendant != component.name %}{{ agency }} is its component that has"
        "{% else %}it has{% endif %} possession, custody and control of the records requested.",
        "Item",
    )
    heading(doc, "Jurisdiction and venue")
    p(doc, "3.\tThe Court has jurisdiction under 5 U.S.C. 552(a)(4)(B) and 28 U.S.C. 1331.", "Item")
    p(
        doc,
        "4.\tVenue lies under 5 U.S.C. 552(a)(4)(B) in the district where Plaintiff resides"
        "{% if venue_home %} ({{ venue_home }}){% endif %} or has its principal place of "
        "business, where the records are situated, or the District of Columbia.",
        "Item",
    )
    heading(doc, "Facts (from the log)")
    p(
        doc,
        "5.\tOn {{ request.submitted_on }} Plaintiff requested records from {{ agency }} "
        "under the FOIA; the request bears tracking number {{ request.tracking_number }}.",
        "Item",
    )
    tag(doc, "{%p for c in history.chronology %}")
    p(doc, "{{ loop.index + 5 }}.\t{{ c.date }}: {{ c.text }}", "Item")
    tag(doc, "{%p endfor %}")
    heading(doc, "Exhaustion")
    p(
        doc,
        "{% if history.appeal_remanded %}Plaintiff appealed on {{ history.appeal_filed_on }}, "
        "and on {{ history.appeal_decided_on }} the appeal was remanded to the component for "
        "further processing. [State how administrative remedies were exhausted after the "
        "remand: the new determination and its appeal, or the deadline the agency missed.]"
        "{% elif history.appeal_decided_on %}Plaintiff appealed on {{ history.appeal_filed_on }}, "
        "and on {{ history.appeal_decided_on }} the appeal office {{ history.appeal_did }}. "
        "Plaintiff has exhausted administrative remedies."
        "{% elif history.appeal_missed %}Defendant did not decide Plaintiff's "
        "appeal of {{ history.appeal_filed_on }} by {{ history.appeal_decision_due }}. Plaintiff "
        "is deemed to have exhausted administrative remedies (5 U.S.C. 552(a)(6)(C)(i))."
        "{% elif history.appeal_filed_on %}Plaintiff appealed on {{ history.appeal_filed_on }}; "
        "state the appeal's outcome here."
        "{% elif history.missed %}Defendant did not make a determination within the time limit, "
        "which ran out on {{ history.due_on }}{% if history.extended %} as extended{% endif %}. "
        "Plaintiff is deemed to have exhausted administrative remedies (5 U.S.C. "
        "552(a)(6)(C)(i)).{% if history.determination_on %} "
        "[Defendant answered on {{ history.determination_on }}, before suit: check whether an "
        "appeal is needed first.]{% endif %}{% else %}[State how administrative remedies were "
        "exhausted.]{% endif %}",
    )
    heading(doc, "Claim for relief")
    p(
        doc,
        "Count I: violation of the FOIA, 5 U.S.C. 552, by failing{% if history.missed %} to make "
        "a timely determination,{% endif %} to search adequately{% if history.missed %},{% endif %} "
        "and to release non-exempt records"
        # a Glomar answer withheld no record it confirmed exists: it is pleaded as the refusal
        "{% if history.exemptions and history.determination_withheld %} withheld under "
        "{{ history.exemptions_text }}{% elif history.exemptions %}, and by refusing to confirm or "
        "deny that responsive records exist, citing {{ history.exemptions_text }}{% endif %}.",
    )
    heading(doc, "Relief requested")
    p(
        doc,
        "Plaintiff asks the Court to: declare the withholding unlawful; order Defendant to "
        "search for all responsive records and to release them, with only exempt portions "
        "redacted, by a date the Court sets; order an index of anything withheld; award "
        "attorney fees and costs under 5 U.S.C. 552(a)(4)(E); and grant other just relief.",
    )
    tag(doc, "{%p if history.exhibits %}")  # no heading over an empty list
    heading(doc, "Exhibits")
    tag(doc, "{%p for x in history.exhibits %}")
    p(doc, "Exhibit {{ x.letter }}:\t{{ x.what }}.", "Item")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if note %}")
    p(doc, "{{ note }}", "After List")
    tag(doc, "{%p endif %}")
    p(doc, "Dated {{ letter_date }}.", "After List")
    p(
        doc,
        "{{ requester.signature_name }}, pro se{% if requester.email %}, {{ requester.email }}{% endif %}",
        "Signature",
    )
    return doc


def identity_statement():
    doc = new_document("Certification of identity", "Certification of identity")
    p(doc, "Certification of Identity", "Letter Title")
    p(
        doc,
        "For a request for records about myself to {{ component.name }}"
        "{% if request.tracking_number %} (request {{ request.tracking_number }}){% endif %}, "
        "under the Freedom of Information Act, 5 U.S.C. 552, and the Privacy Act, 5 U.S.C. 552a"
        "{% if component.regulation %}, as {{ component.regulation }} asks{% endif %}.",
        "Delivery",
    )
    p(doc, "Full name: {{ requester.name }}")
    p(doc, "Current address: {{ requester.address_line }}")
    p(doc, "Other names used, if any: ______________________________")
    p(doc, "Date of birth: ____________________    Place of birth: ______________________________")
    p(
        doc,
        "I declare under penalty of perjury under the laws of the United States of America that "
        "the foregoing is true and correct, and that I am the person named above. I understand "
        "that any falsification of this statement is punishable under 18 U.S.C. 1001 by a fine, "
        "imprisonment of not more than five years, or both, and that requesting or obtaining any "
        "record under false pretenses is punishable under 5 U.S.C. 552a(i)(3) by a fine of not "
        "more than $5,000. (28 U.S.C. 1746.)",
        "After List",
    )
    p(doc, "Executed on ____________________ (date).", "After List")
    p(doc, "______________________________", "Signature Line")
    p(doc, "{{ requester.signature_name }}", "Signature")
    return doc


TEMPLATES = {
    "request.docx": request_letter,
    "status_inquiry.docx": status_inquiry,
    "clarification_reply.docx": clarification_reply,
    "still_interested_reply.docx": still_interested_reply,
    "fee_response.docx": fee_response,
    "appeal.docx": appeal,
    "reopen_request.docx": reopen_request,
    "liaison_letter.docx": liaison_letter,
    "ogis_request.docx": ogis_request,
    "complaint_outline.docx": complaint_outline,
    "identity_statement.docx": identity_statement,
}


def to_bytes(doc) -> bytes:
    """Save with fixed zip timestamps, so identical text gives identical bytes."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main(out_dir: Path = OUT) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, build in TEMPLATES.items():
        (out_dir / name).write_bytes(to_bytes(build()))
        print(f"wrote {out_dir / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
