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
CERTIFICATION = (
    "I certify that the statements above are true and correct to the best of my knowledge and belief."
)
REF = (
    "my request under the Freedom of Information Act, 5 U.S.C. 552, submitted on "
    "{{ request.submitted_on }}{% if request.title %} for records about "
    "{{ request.title }}{% endif %} (tracking number {{ request.tracking_number }})"
)
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
    letter_top(doc, subject="Re: {{ subject }}")
    p(
        doc,
        "This is a request under the Freedom of Information Act, 5 U.S.C. 552. Please "
        "search for and release the records described below. Please write to me at "
        "{{ requester.email }}{% if requester.phone %} or call {{ requester.phone }}"
        "{% endif %} with any question about it.",
    )

    tag(doc, "{%p if case.summary %}")
    heading(doc, "Background")
    p(doc, "{{ case.summary }}")
    fact_list(doc, "background_facts")
    tag(doc, "{%p endif %}")

    heading(doc, "Records requested")
    p(doc, "I ask for existing records, not for answers to questions. Please search for:")
    tag(doc, "{%p for c in categories %}")
    p(doc, "{{ c.number }}.\t**{{ c.title }}.** {{ c.description }}", "Item")
    tag(doc, "{%p if c.custodians %}")
    p(doc, "Offices and custodians to search: {{ c.custodians }}.", "Item Detail")
    tag(doc, "{%p endif %}")
    p(doc, "Date range: {{ c.date_range }}.", "Item Detail")
    tag(doc, "{%p if c.search_terms %}")
    p(doc, "Search terms: {{ c.search_terms }}.", "Item Detail")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    p(
        doc,
        "Please include attachments to responsive messages. If any item is unclear, or "
        "too broad to search with reasonable effort, please contact me before narrowing "
        "or denying it; I am glad to discuss its scope.",
        "After List",
    )
    tag(doc, "{%p if no_taxpayer_records %}")
    p(
        doc,
        "This request seeks no return information of any identifiable taxpayer "
        "(26 U.S.C. 6103(b)), and so needs no taxpayer's consent. Where a responsive "
        "record contains such information, I accept aggregate or de-identified data in "
        "its place, and ask that you release the rest of the record.",
    )
    tag(doc, "{%p endif %}")

    heading(doc, "Format, redactions and processing")
    p(
        doc,
        "Please provide the records in {{ format }}, as 5 U.S.C. 552(a)(3)(B) provides "
        "for records readily reproducible in that form: spreadsheets and databases as "
        ".xlsx or .csv, email with its attachments and metadata, and other documents as "
        "searchable PDF, without printing them or converting them to images. Please "
        "deliver them {% if component.has_portal %}through your FOIA portal or {% endif %}"
        "by email to {{ requester.email }}.",
    )
    p(
        doc,
        "If you withhold any record or part of one, please release every reasonably "
        "segregable portion that is not exempt (5 U.S.C. 552(b)), mark each redaction with "
        "the exemption relied on, and withhold only what you reasonably foresee would harm "
        "an interest an exemption protects (5 U.S.C. 552(a)(8)(A)). Please explain each "
        "withholding, so that I can decide whether to appeal.",
    )
    p(
        doc,
        "Please release records on a rolling basis as you process them, rather than "
        "waiting until the whole request is complete. Please also give me the tracking "
        "number of this request, the date you received it, and an estimated date of "
        "completion, as 5 U.S.C. 552(a)(7) provides.",
    )

    heading(doc, "Fees")
    p(
        doc,
        "For fee purposes, please place me in the {{ fee.label }} category (5 U.S.C. "
        "{{ fee.cite }}), which is charged {{ fee.charges }}.{% if fee.category == "
        "'news_media' %} The statute defines a representative of the news media as any "
        "person or entity that gathers information of potential interest to a segment of "
        "the public, uses its editorial skills to turn the raw materials into a distinct "
        "work, and distributes that work to an audience (5 U.S.C. 552(a)(4)(A)(ii)).{% endif %}",
    )
    tag(doc, "{%p if fee.basis %}")
    p(doc, "{{ fee.basis }}")
    tag(doc, "{%p endif %}")
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
        "{% endif %}. If fees will be higher, please tell me before incurring them, so "
        "that I can narrow the request{% if fee_waiver %}. I ask for a waiver of all fees "
        "below; this agreement applies only if it is denied{% endif %}.",
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
    heading(doc, "Request for a fee waiver")
    p(
        doc,
        "I ask you to waive all fees under 5 U.S.C. 552(a)(4)(A)(iii). Disclosure of these "
        "records is in the public interest because it is likely to contribute significantly "
        "to public understanding of the operations or activities of the government, and it "
        "is not primarily in my commercial interest.",
    )
    tag(doc, "{%p if fee_waiver_text %}")
    p(doc, "{{ fee_waiver_text }}")
    tag(doc, "{%p else %}")
    p(
        doc,
        "1.\t**The records concern identifiable operations of the government.** They "
        "document how {{ component.name }} and the other agencies involved carried out "
        "{% if case.name %}{{ case.name }}{% else %}the matter described above{% endif %}, "
        "as listed under Records requested.",
        "Item",
    )
    p(
        doc,
        "2.\t**Disclosure is likely to add to what is known.** The records are not public. "
        "What the public knows today comes from court filings, oversight reports and the "
        "press{% if waiver_facts %}, and leaves open the questions these records would "
        "answer:{% else %}.{% endif %}",
        "Item",
    )
    fact_list(doc, "waiver_facts")
    p(doc, "3.\t**The contribution will reach a reasonably broad audience.** {{ dissemination }}", "Item")
    p(
        doc,
        "4.\t**The contribution will be significant.** Public debate about this matter "
        "rests on partial court records and press accounts. The records would show how the "
        "agencies actually carried it out, which the public cannot learn any other way.",
        "Item",
    )
    p(
        doc,
        "5.\t**Disclosure is not primarily in my commercial interest.** "
        "{% if fee.category == 'commercial' %}Any commercial interest I have is outweighed "
        "by the public interest in disclosure.{% else %}I have no commercial interest in "
        "the records; I seek them to inform the public and will not sell them.{% endif %}",
        "Item",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if expedite %}")
    heading(doc, "Request for expedited processing")
    p(
        doc,
        "I ask for expedited processing under 5 U.S.C. 552(a)(6)(E)"
        "{% if component.regulation %} and {{ component.regulation }}{% endif %}. There is "
        "a compelling need for these records on the following "
        "{% if expedite_grounds|length > 1 %}grounds{% else %}ground{% endif %}:",
    )
    tag(doc, "{%p for g in expedite_grounds %}")
    p(
        doc,
        "{{ g.number }}.\t**{{ g.title }}** ({{ g.cite }}). {{ g.text }}"
        "{% if g.route_to %} Your rules direct a request on this ground to "
        "{{ g.route_to }}; please forward this section there.{% endif %}",
        "Item",
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if expedite_text %}")
    p(doc, "{{ expedite_text }}")
    tag(doc, "{%p elif expedite_facts %}")
    p(doc, "The need is urgent now, beyond the public's general interest in the subject:", "After List")
    fact_list(doc, "expedite_facts")
    tag(doc, "{%p endif %}")
    p(doc, CERTIFICATION, "After List")
    tag(doc, "{%p endif %}")

    heading(doc, "Contact")
    p(
        doc,
        "If this request cannot be processed within the time the law allows, please contact me. " + LIAISON,
    )
    p(
        doc,
        "I look forward to your determination within 20 working days, as 5 U.S.C. "
        "552(a)(6)(A)(i) requires{% if expedite %}, and to your decision on expedited "
        "processing within 10 days (5 U.S.C. 552(a)(6)(E)(ii)){% endif %}."
        "{% if signature_required %} As your rules require, I have signed this request."
        "{% endif %} Thank you for your help.",
    )
    signature(doc)
    return doc


def status_inquiry():
    doc = new_document("Status inquiry on a FOIA request", "FOIA status inquiry")
    letter_top(doc, subject="Re: Status of Freedom of Information Act request {{ request.tracking_number }}")
    p(
        doc,
        "I am writing about " + REF + "."
        "{% if received_on %} Your office received it on {{ received_on }}.{% endif %}",
    )
    tag(doc, "{%p if deadline_passed %}")
    p(
        doc,
        "The time limit for a determination (5 U.S.C. 552(a)(6)(A)(i)"
        "{% if deadline_extended %}, as extended under 552(a)(6)(B){% endif %}) ran out on "
        "{{ due_on }}, and I have not yet received one.",
    )
    tag(doc, "{%p endif %}")
    p(
        doc,
        "Please tell me the date your office received the request and " + ECD + ". If "
        "some records have already been processed, please release them now, and the rest "
        "on a rolling basis.",
    )
    tag(doc, "{%p if note %}")
    p(doc, "{{ note }}")
    tag(doc, "{%p endif %}")
    p(
        doc,
        "If the scope of the request is what slows it down, I am willing to discuss "
        "narrowing it or setting priorities. " + LIAISON,
    )
    p(doc, "Thank you for your help.")
    signature(doc)
    return doc


def clarification_reply():
    doc = new_document("Clarification of a FOIA request", "FOIA clarification")
    letter_top(
        doc, subject="Re: Clarification of Freedom of Information Act request {{ request.tracking_number }}"
    )
    p(doc, "I am replying to your letter of {{ agency_letter_date }}, which asked me to clarify " + REF + ".")
    p(doc, "{{ clarification }}")
    p(
        doc,
        "This reply gives you the information you asked for. Under 5 U.S.C. "
        "552(a)(6)(A)(ii), any tolling of the time limit for this request ends when you "
        "receive it. Please resume processing, confirm the date you received this reply, "
        "and tell me " + ECD + ".",
    )
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
        subject="Re: Freedom of Information Act request {{ request.tracking_number }}: I am still interested",
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
        "request open and continue processing it.",
    )
    tag(doc, "{%p if note %}")
    p(doc, "{{ note }}")
    tag(doc, "{%p endif %}")
    p(doc, "Please tell me " + ECD + ", and release any records already processed.")
    p(doc, "Thank you for your help.")
    signature(doc)
    return doc


def fee_response():
    doc = new_document("Reply to a FOIA fee estimate", "FOIA fee reply")
    letter_top(
        doc, subject="Re: Fee estimate for Freedom of Information Act request {{ request.tracking_number }}"
    )
    p(
        doc,
        "I am replying to your letter of {{ agency_letter_date }}, which estimated fees of "
        "{{ fee_estimate }} for " + REF + ".",
    )
    tag(doc, "{%p if accept %}")
    p(
        doc,
        "I agree to pay fees of up to {{ fee_cap }} for this request. Please continue "
        "processing it, and tell me before incurring fees above that amount.",
    )
    tag(doc, "{%p if advance_payment %}")
    p(
        doc,
        "Because the estimate is above $250, I understand that you may ask for payment in "
        "advance (5 U.S.C. 552(a)(4)(A)(v)). Please tell me how to pay.",
    )
    tag(doc, "{%p endif %}")
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
    tag(doc, "{%p if note %}")
    p(doc, "{{ note }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if fee_bar %}")
    p(
        doc,
        "If your office has not met a time limit for this request, 5 U.S.C. "
        "552(a)(4)(A)(viii) bars it from charging search fees"
        "{% if duplication_barred %}, or duplication fees for a requester in my fee "
        "category{% endif %}, except in the circumstances that provision lists. Please "
        "apply it.",
    )
    tag(doc, "{%p endif %}")
    p(
        doc,
        "Under 5 U.S.C. 552(a)(6)(A)(ii), any tolling of the time limit to settle fees ends "
        "when you receive this reply. Please confirm the date you received it. Thank you for "
        "your help.",
    )
    signature(doc)
    return doc


def appeal():
    doc = new_document("Freedom of Information Act Appeal", "FOIA appeal")
    letter_top(
        doc,
        title="Freedom of Information Act Appeal",
        subject="Re: Request {{ request.tracking_number }}, submitted "
        "{{ request.submitted_on }}; determination of {{ determination_date }}",
        salutation="Dear Appeals Officer:",
    )
    p(
        doc,
        "I appeal the determination of {{ determination_date }}"
        "{% if determination_official %}, signed by {{ determination_official }},{% endif %}"
        " on " + REF + ". I ask you to reverse it as set out below and to order the release "
        "of all reasonably segregable, non-exempt records. My request and the determination "
        "are enclosed.",
    )
    tag(doc, "{%p if withheld %}")
    heading(doc, "Records withheld")
    tag(doc, "{%p for item in withheld %}")
    p(
        doc,
        "{{ item.number }}.\t**{{ item.description }}**, withheld under {{ item.exemptions_text }}.",
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
    tag(doc, "{%p if search_argument %}")
    heading(doc, "Adequacy of the search")
    p(doc, "{{ search_argument }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if other_argument %}")
    heading(doc, "Other grounds")
    p(doc, "{{ other_argument }}")
    tag(doc, "{%p endif %}")
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
    tag(doc, "{%p if expedite %}")
    heading(doc, "Expedited processing")
    p(
        doc,
        "I renew my request for expedited processing under 5 U.S.C. 552(a)(6)(E), and ask "
        "that this appeal be decided expeditiously.",
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
        "552(a)(6)(A)(ii) requires. " + LIAISON + " I reserve my right to seek judicial "
        "review.",
    )
    signature(doc)
    p(
        doc,
        "Enclosures: my request of {{ request.submitted_on }}; your determination of "
        "{{ determination_date }}.",
        "Enclosures",
    )
    return doc


TEMPLATES = {
    "request.docx": request_letter,
    "status_inquiry.docx": status_inquiry,
    "clarification_reply.docx": clarification_reply,
    "still_interested_reply.docx": still_interested_reply,
    "fee_response.docx": fee_response,
    "appeal.docx": appeal,
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
