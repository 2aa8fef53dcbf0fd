"""Build the evidence-bundle index templates in templates/ from the layout in this file.

`templates/bundle_index.docx` is the chronological index of one request and
`templates/case_index.docx` the index of a case; `foiadesk.core.export.bundle` fills them
with docxtpl. Edit the layout here and run `python scripts/build_index_template.py`; the
output is byte-for-byte reproducible, and a test checks the committed files match it.
Fonts, spacing and the helpers come from scripts/build_templates.py, so the indexes look
like the letters they list.

Variables of both templates:
- `as_of`, `as_of_long`: the date deadlines are judged on, "2026-11-25", "November 25, 2026".
- `made_by`: "FoiaDesk 0.1.0".
- `notes`: sentences about what the bundle lacks (no PDF copies, …).
- `pdf_note`: true when no PDF of the index could be made.

bundle_index.docx:
- `request.id`, `.title`, `.description`, `.component`, `.component_name`, `.agency`, `.case`,
  `.case_slug`, `.requester`, `.status`, `.tracking`, `.filed`, `.received`, `.next_deadline`:
  the request; empty strings when unknown.
- `communications`, oldest first: `c.number`, `c.date`, `c.direction` ("To agency", "From
  agency", "Internal"), `c.channel`, `c.event` ("Acknowledged"), `c.details` (one line),
  `c.tracking`, `c.files` (file names, one a line).
- `deadline_summary`: "Response due 2026-01-22, missed; constructive exhaustion from 2026-01-23".
- `clocks`: `k.headline`, `k.label`, `k.owed_by`, `k.due`, `k.state`, `k.short`, `k.trace`
  (`t.text`, `t.depth`: 0 rule or result, 1 step, 2 day not counted).
- `files`: `f.path` (inside the request's folder), `f.size` ("1.2 MB"), `f.bytes`, `f.sha256`.

case_index.docx:
- `case.slug`, `case.name`, `case.summary`.
- `requests`: `r.id`, `r.title`, `r.component`, `r.component_name`, `r.status`, `r.tracking`,
  `r.filed`, `r.received`, `r.next_deadline` (the next open deadline's headline, or ""),
  `r.folder`, `r.communications` and `r.files` (counts), `r.deadline_summary`, `r.clocks`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_templates as letters  # noqa: E402  (shared fonts, styles and fixed-time saving)

OUT = letters.OUT
MARGIN = 0.7
WIDTH = 11 - 2 * MARGIN  # landscape US Letter
MONO = "Courier New"  # Liberation Mono is its metric twin on Linux
HEADER_FILL = "E7E6E6"
RULE = "A6A6A6"


def new_index(title: str, footer: str):
    doc = Document()
    letters._fonts_and_spacing(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Inches(11), Inches(8.5)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(MARGIN))
    section.footer_distance = Inches(0.35)
    _styles(doc)
    para = section.footer.paragraphs[0]
    para.style = doc.styles["Index Footer"]
    para.add_run(footer + "\tPage ")
    for i, name in enumerate(("PAGE", "NUMPAGES")):
        if i:
            para.add_run(" of ")
        para._p.append(
            parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="{name}"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
        )
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "FoiaDesk", "FoiaDesk"
    props.created = props.modified = letters.FIXED_TIME
    props.revision = 1
    props.comments = (
        "Evidence index template for FoiaDesk (docxtpl). Variables: scripts/build_index_template.py."
    )
    return doc


def _styles(doc) -> None:
    s = letters._style
    grey = letters.GREY
    s(doc, "Index Title", size=17, bold=True, font=letters.HEAD_FONT, after=2)
    s(doc, "Index Subtitle", size=12.5, font=letters.HEAD_FONT, after=10)
    s(doc, "Section Heading", size=13, bold=True, font=letters.HEAD_FONT, before=14, after=4, keep_next=True)
    s(doc, "Intro", size=9.5, italic=True, color=grey, after=6, keep_next=True)
    s(doc, "Cell", size=9, after=0).paragraph_format.line_spacing = 1.0
    s(doc, "Cell Label", size=9, bold=True, color=grey, after=0)
    s(doc, "Cell Head", size=9, bold=True, after=0)
    s(doc, "Cell Mono", size=7.5, font=MONO, after=0)
    s(doc, "Clock Heading", size=10.5, bold=True, before=8, after=2, keep_next=True)
    s(doc, "Trace", size=9, left=0.3, after=0)
    s(doc, "Trace Step", size=9, left=0.5, after=0)
    s(doc, "Trace Day", size=8.5, color=grey, left=0.8, after=0)
    s(doc, "About", size=9.5, after=4)
    s(doc, "Note", size=9.5, italic=True, after=4)
    footer = s(doc, "Index Footer", size=8.5, color=grey, after=0)
    footer.paragraph_format.tab_stops.add_tab_stop(Inches(WIDTH), WD_TAB_ALIGNMENT.RIGHT)


# --- tables ----------------------------------------------------------------------------------


def _cell_xml(cell, *, fill: str | None = None) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    if fill:
        tc_pr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))
    tc_pr.append(
        parse_xml(
            f'<w:tcMar {nsdecls("w")}><w:top w:w="30" w:type="dxa"/>'
            '<w:bottom w:w="30" w:type="dxa"/></w:tcMar>'
        )
    )


def _set(cell, text: str, style: str) -> None:
    para = cell.paragraphs[0]
    para.style = cell.part.document.styles[style]
    for chunk in letters._BOLD.split(text):
        if chunk.startswith("**") and chunk.endswith("**"):
            para.add_run(chunk[2:-2]).bold = True
        elif chunk:
            para.add_run(chunk)


def _borders(table, inside: bool) -> None:
    edges = "".join(
        f'<w:{edge} w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>'
        for edge in ("top", "bottom", *(("insideH",) if inside else ()))
    )
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{edges}</w:tblBorders>"))


def _widths(table, widths: list[float]) -> None:
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(width * 1440)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Inches(width)


def loop_table(doc, loop: str, columns: list[tuple]) -> None:
    """A table with a header row repeated on every page and one row per item of ``loop``
    ("c in communications"): each column is (heading, cell text, width in inches[, style])."""
    table = doc.add_table(rows=4, cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    _borders(table, inside=True)
    _widths(table, [column[2] for column in columns])
    head, opener, body, closer = table.rows
    head._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    for row in (head, body):
        row._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    for i, (title, text, _, *style) in enumerate(columns):
        _set(head.cells[i], title, "Cell Head")
        _cell_xml(head.cells[i], fill=HEADER_FILL)
        _set(body.cells[i], text, style[0] if style else "Cell")
        _cell_xml(body.cells[i])
    _set(opener.cells[0], f"{{%tr for {loop} %}}", "Cell")
    _set(closer.cells[0], "{%tr endfor %}", "Cell")


def details_table(doc, rows: list[tuple[str, str, str | None]]) -> None:
    """Label/value rows; a row whose condition is given appears only when it holds."""
    count = sum(3 if cond else 1 for *_, cond in rows)
    table = doc.add_table(rows=count, cols=2)
    _borders(table, inside=False)
    _widths(table, [1.9, WIDTH - 1.9])
    cells = iter(table.rows)
    for label, value, cond in rows:
        if cond:
            _set(next(cells).cells[0], f"{{%tr if {cond} %}}", "Cell")
        row = next(cells)
        _set(row.cells[0], label, "Cell Label")
        _set(row.cells[1], value, "Cell")
        for cell in row.cells:
            _cell_xml(cell)
        if cond:
            _set(next(cells).cells[0], "{%tr endif %}", "Cell")


# --- shared sections -------------------------------------------------------------------------


def clock_traces(doc, var: str) -> None:
    letters.tag(doc, f"{{%p for k in {var} %}}")
    letters.p(doc, "{{ k.headline }}", "Clock Heading")
    letters.tag(doc, "{%p for t in k.trace %}")
    letters.tag(doc, "{%p if t.depth == 2 %}")
    letters.p(doc, "{{ t.text }}", "Trace Day")
    letters.tag(doc, "{%p elif t.depth == 1 %}")
    letters.p(doc, "{{ t.text }}", "Trace Step")
    letters.tag(doc, "{%p else %}")
    letters.p(doc, "{{ t.text }}", "Trace")
    letters.tag(doc, "{%p endif %}")
    letters.tag(doc, "{%p endfor %}")
    letters.tag(doc, "{%p endfor %}")


VERIFY = (
    "**manifest.json** lists every file in this bundle with its SHA-256 hash, size, the event it "
    "belongs to and that event's date. To check that a file is unaltered, compute its SHA-256 "
    "(Windows: certutil -hashfile FILE SHA256; macOS: shasum -a 256 FILE; Linux: sha256sum FILE) "
    "and compare it with the manifest and the list above."
)
COMPUTED = (
    "Deadlines are not typed in: FoiaDesk computes each from the logged events under 5 U.S.C. "
    "552(a)(6), counting working days without weekends and the legal public holidays of 5 U.S.C. "
    "6103, and its trace shows every step. States (met, missed, open) are judged on {{ as_of }}."
)


def about(doc, what: str) -> None:
    letters.p(doc, "About this bundle", "Section Heading")
    letters.p(
        doc,
        f"{what} was made by {{{{ made_by }}}} on {{{{ as_of_long }}}} from the request log. "
        "Replies from the agency are included exactly as they were imported, with their "
        "attachments (.eml and .msg files keep their original headers); letters are included "
        "as they were saved. Private notes are not included.",
        "About",
    )
    letters.p(doc, VERIFY, "About")
    letters.p(doc, COMPUTED, "About")
    letters.tag(doc, "{%p if pdf_note %}")
    letters.p(doc, "No PDF of this index could be made; this Word file is the index.", "Note")
    letters.tag(doc, "{%p endif %}")
    letters.tag(doc, "{%p for n in notes %}")
    letters.p(doc, "Note: {{ n }}", "Note")
    letters.tag(doc, "{%p endfor %}")


# --- the two indexes -------------------------------------------------------------------------


def bundle_index():
    doc = new_index(
        "FOIA request evidence index",
        "FOIA request #{{ request.id }} · evidence index as of {{ as_of }} · {{ made_by }}",
    )
    letters.p(doc, "Evidence index: FOIA request #{{ request.id }}", "Index Title")
    letters.p(doc, "{{ request.title }}", "Index Subtitle")
    details_table(
        doc,
        [
            (
                "Component",
                "{{ request.component_name }} ({{ request.component }}), {{ request.agency }}",
                None,
            ),
            ("Case", "{{ request.case }}", "request.case"),
            ("Requester", "{{ request.requester }}", "request.requester"),
            ("Records sought", "{{ request.description }}", "request.description"),
            (
                "Tracking numbers",
                "{% if request.tracking %}{{ request.tracking }}{% else %}none logged{% endif %}",
                None,
            ),
            ("Filed", "{% if request.filed %}{{ request.filed }}{% else %}not filed{% endif %}", None),
            ("Received by the agency", "{{ request.received }}", "request.received"),
            ("Status", "{{ request.status }} (as of {{ as_of }})", None),
            ("Deadlines", "{{ deadline_summary }}", "deadline_summary"),
        ],
    )

    letters.p(doc, "Communications", "Section Heading")
    letters.p(
        doc,
        "Every communication logged for this request, oldest first. Each item's files are in "
        "the communications folder, in a subfolder that starts with the item's number.",
        "Intro",
    )
    letters.tag(doc, "{%p if communications %}")
    loop_table(
        doc,
        "c in communications",
        [
            ("No.", "{{ c.number }}", 0.45),
            ("Date", "{{ c.date }}", 0.9),
            ("Direction", "{{ c.direction }}", 0.95),
            ("Channel", "{{ c.channel }}", 0.75),
            ("Communication", "**{{ c.event }}**{% if c.details %}: {{ c.details }}{% endif %}", 3.35),
            ("Tracking no.", "{{ c.tracking }}", 1.15),
            ("Files", "{{ c.files }}", 2.05),
        ],
    )
    letters.tag(doc, "{%p else %}")
    letters.p(doc, "No communications have been logged.", "About")
    letters.tag(doc, "{%p endif %}")

    letters.p(doc, "Deadline history", "Section Heading")
    letters.p(
        doc,
        "Each statutory deadline and each reply the requester owed, with the date it fell on, "
        "whether it was met on {{ as_of }}, and how the date was computed.",
        "Intro",
    )
    letters.tag(doc, "{%p if clocks %}")
    clock_traces(doc, "clocks")
    letters.tag(doc, "{%p else %}")
    letters.p(doc, "No deadlines: the request has not been filed.", "About")
    letters.tag(doc, "{%p endif %}")

    letters.p(doc, "Files in this bundle", "Section Heading")
    letters.p(doc, "Paths are inside this request's folder. Hashes are SHA-256.", "Intro")
    letters.tag(doc, "{%p if files %}")
    loop_table(
        doc,
        "f in files",
        [
            ("File", "{{ f.path }}", 4.6),
            ("Size", "{{ f.size }}", 0.8),
            ("SHA-256", "{{ f.sha256 }}", WIDTH - 5.4, "Cell Mono"),
        ],
    )
    letters.tag(doc, "{%p else %}")
    letters.p(doc, "No files are attached to this request's events.", "About")
    letters.tag(doc, "{%p endif %}")
    about(doc, "This index")
    return doc


def case_index():
    doc = new_index("FOIA case index", "Case {{ case.slug }} · case index as of {{ as_of }} · {{ made_by }}")
    letters.p(doc, "Case index: {{ case.name }}", "Index Title")
    letters.p(
        doc,
        "{{ requests|length }} request{% if requests|length != 1 %}s{% endif %} · "
        "deadlines as of {{ as_of }}",
        "Index Subtitle",
    )
    letters.tag(doc, "{%p if case.summary %}")
    letters.p(doc, "{{ case.summary }}", "About")
    letters.tag(doc, "{%p endif %}")

    letters.p(doc, "Requests", "Section Heading")
    letters.p(doc, "Each request has its own folder with its own index, communications and files.", "Intro")
    loop_table(
        doc,
        "r in requests",
        [
            ("No.", "#{{ r.id }}", 0.5),
            ("Component", "{{ r.component }}", 0.85),
            ("Request", "{{ r.title }}", 2.35),
            ("Status", "{{ r.status }}", 1.0),
            ("Tracking no.", "{{ r.tracking }}", 1.05),
            ("Filed", "{{ r.filed }}", 0.8),
            (
                "Next deadline",
                "{% if r.next_deadline %}{{ r.next_deadline }}{% else %}none open{% endif %}",
                1.6,
            ),
            ("Folder", "{{ r.folder }}", WIDTH - 8.15),
        ],
    )

    letters.p(doc, "Deadline history", "Section Heading")
    letters.p(
        doc,
        "Each request's deadlines, judged on {{ as_of }}; the arithmetic of each is in the "
        "request's own index.",
        "Intro",
    )
    letters.tag(doc, "{%p for r in requests %}")
    letters.p(doc, "#{{ r.id }} {{ r.component }}: {{ r.title }}", "Clock Heading")
    letters.tag(doc, "{%p for k in r.clocks %}")
    letters.p(doc, "{{ k.headline }}", "Trace")
    letters.tag(doc, "{%p endfor %}")
    letters.tag(doc, "{%p if not r.clocks %}")
    letters.p(doc, "No deadlines: not filed.", "Trace")
    letters.tag(doc, "{%p endif %}")
    letters.tag(doc, "{%p endfor %}")
    about(doc, "This case bundle")
    return doc


TEMPLATES = {"bundle_index.docx": bundle_index, "case_index.docx": case_index}


def main(out_dir: Path = OUT) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, build in TEMPLATES.items():
        (out_dir / name).write_bytes(letters.to_bytes(build()))
        print(f"wrote {out_dir / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
