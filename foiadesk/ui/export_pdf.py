"""The evidence index as a PDF through Qt, for the window.

QPdfWriter prints the index in a fraction of a second and needs no LibreOffice. The window
passes ``index_pdf`` to ``export_request``/``export_case`` as ``pdf_maker``; the core and the
CLI never import this module (they use LibreOffice, or say that no PDF could be made).
It may run in the window's worker thread: it paints only on a QPdfWriter, never on widgets.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from html import escape

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUuid
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from foiadesk.core.export.files import fixed_pdf

MARGINS_INCH = (0.7, 0.6, 0.7, 0.6)  # left, top, right, bottom; the footer sits inside the bottom
FOOTER_PT = 9
STYLE = """
h1 { font-size: 16pt; margin-bottom: 0; }
h2 { font-size: 12.5pt; margin-top: 14px; margin-bottom: 3px; }
p.sub { font-size: 12pt; margin-top: 2px; }
p.intro { color: #595959; font-style: italic; }
p.clock { font-weight: bold; margin-top: 7px; margin-bottom: 1px; }
p.trace { margin-top: 0; margin-bottom: 0; }
p.day { margin-top: 0; margin-bottom: 0; color: #595959; }
th { background-color: #e7e6e6; text-align: left; }
td.label { color: #595959; font-weight: bold; }
td.mono { font-family: "Courier New", "Liberation Mono", monospace; font-size: 7pt; }
"""


def _e(text) -> str:
    return escape(str(text))


def _table(headers: list[str], rows: list[list[str]], widths: list[int]) -> str:
    """A ruled table whose header row repeats on every page; cells are HTML already."""
    head = "".join(f'<th width="{w}%">{_e(h)}</th>' for h, w in zip(headers, widths, strict=True))
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<table width="100%" border="1" cellspacing="0" cellpadding="3" '
        f'style="border-collapse: collapse; border-color: #a6a6a6;"><thead><tr>{head}</tr></thead>'
        f"{body}</table>"
    )


def _details(pairs: list[tuple[str, str]]) -> str:
    rows = "".join(
        f'<tr><td class="label" width="18%">{_e(k)}</td><td>{_e(v)}</td></tr>' for k, v in pairs if v
    )
    return f'<table width="100%" cellspacing="0" cellpadding="2">{rows}</table>'


def _clocks(clocks: list[dict], *, trace: bool) -> str:
    out = []
    for k in clocks:
        out.append(f'<p class="clock">{_e(k["headline"])}</p>')
        if trace:
            out.extend(_trace_line(t["text"], t["depth"]) for t in k["trace"])
    return "".join(out)


def _trace_line(text: str, depth: int) -> str:
    """Qt applies indents given on the paragraph itself, not from the style sheet."""
    indent = (18, 30, 48)[depth]
    return f'<p class="{"day" if depth == 2 else "trace"}" style="margin-left: {indent}px">{_e(text)}</p>'


def _h2(title: str, intro: str = "") -> str:
    """A section heading (Qt takes its top margin only inline), with an optional intro line."""
    return f"<h2 style='margin-top: 14px'>{title}</h2>" + (f"<p class='intro'>{intro}</p>" if intro else "")


def _about(index: dict, what: str) -> str:
    notes = "".join(f"<p><i>Note: {_e(n)}</i></p>" for n in index.get("notes", []))
    return (
        _h2("About this bundle")
        + f"<p>{what} was made by {_e(index['made_by'])} on {_e(index['as_of_long'])} from the request "
        "log. Replies from the agency are included exactly as they were imported, with "
        "their attachments (.eml and .msg files keep their original headers); letters are included as they "
        "were saved. Private notes are not included.</p>"
        "<p><b>manifest.json</b> lists every file in this bundle with its SHA-256 hash, size, the event it "
        "belongs to and that event's date. To check that a file is unaltered, compute its SHA-256 (Windows: "
        "certutil -hashfile FILE SHA256; macOS: shasum -a 256 FILE; Linux: sha256sum FILE) and compare it "
        "with the manifest and the list above.</p>"
        "<p>Deadlines are not typed in: FoiaDesk computes each from the logged events under 5 U.S.C. "
        "552(a)(6), counting working days without weekends and the legal public holidays of 5 U.S.C. 6103, "
        f"and its trace shows every step. States (met, missed, open) are judged on {_e(index['as_of'])}.</p>"
        + notes
    )


def request_html(index: dict) -> str:
    """The index of one request, as the Word index lays it out."""
    r = index["request"]
    parts = [
        f"<h1>Evidence index: FOIA request #{r['id']}</h1><p class='sub'>{_e(r['title'])}</p>",
        _details(
            [
                ("Component", f"{r['component_name']} ({r['component']}), {r['agency']}"),
                ("Case", r["case"]),
                ("Requester", r["requester"]),
                ("Records sought", r["description"]),
                ("Tracking numbers", r["tracking"] or "none logged"),
                ("Filed", r["filed"] or "not filed"),
                ("Received by the agency", r["received"]),
                ("Status", f"{r['status']} (as of {index['as_of']})"),
                ("Deadlines", index["deadline_summary"]),
            ]
        ),
        _h2(
            "Communications",
            "Every communication logged for this request, oldest first. Each item's files are in the "
            "communications folder, in a subfolder that starts with the item's number.",
        ),
    ]
    rows = [
        [
            _e(c["number"]),
            _e(c["date"]),
            _e(c["direction"]),
            _e(c["channel"]),
            f"<b>{_e(c['event'])}</b>" + (f": {_e(c['details'])}" if c["details"] else ""),
            _e(c["tracking"]),
            "<br>".join(_e(f) for f in c["files"]),
        ]
        for c in index["communications"]
    ]
    parts.append(
        _table(
            ["No.", "Date", "Direction", "Channel", "Communication", "Tracking no.", "Files"],
            rows,
            [5, 10, 10, 8, 36, 12, 19],
        )
        if rows
        else "<p>No communications have been logged.</p>"
    )
    parts.append(
        _h2(
            "Deadline history",
            "Each statutory deadline and each reply the requester owed, with the date it fell on, whether "
            f"it was met on {_e(index['as_of'])}, and how the date was computed.",
        )
    )
    parts.append(
        _clocks(index["clocks"], trace=True) or "<p>No deadlines: the request has not been filed.</p>"
    )
    parts.append(_h2("Files in this bundle", "Paths are inside this request's folder. Hashes are SHA-256."))
    files = [
        [
            _e(f["path"]),
            _e(f["size"]),
            f'<span style="font-family: Courier New, monospace; font-size: 7pt">{_e(f["sha256"])}</span>',
        ]
        for f in index["files"]
    ]
    parts.append(
        _table(["File", "Size", "SHA-256"], files, [48, 9, 43])
        if files
        else "<p>No files are attached to this request's events.</p>"
    )
    parts.append(_about(index, "This index"))
    return "".join(parts)


def case_html(index: dict) -> str:
    """The index of a case: its requests, then each one's deadlines."""
    c = index["case"]
    n = len(index["requests"])
    parts = [
        f"<h1>Case index: {_e(c['name'])}</h1><p class='sub'>{n} request{'s' * (n != 1)} · "
        f"deadlines as of {_e(index['as_of'])}</p>"
    ]
    if c.get("summary"):
        parts.append(f"<p>{_e(c['summary'])}</p>")
    rows = [
        [
            f"#{r['id']}",
            _e(r["component"]),
            _e(r["title"]),
            _e(r["status"]),
            _e(r["tracking"]),
            _e(r["filed"]),
            _e(r["next_deadline"] or "none open"),
            _e(r["folder"]),
        ]
        for r in index["requests"]
    ]
    parts.append(
        _h2("Requests", "Each request has its own folder with its own index, communications and files.")
    )
    parts.append(
        _table(
            ["No.", "Component", "Request", "Status", "Tracking no.", "Filed", "Next deadline", "Folder"],
            rows,
            [5, 9, 24, 11, 11, 9, 17, 14],
        )
    )
    parts.append(
        _h2(
            "Deadline history",
            f"Each request's deadlines, judged on {_e(index['as_of'])}; the arithmetic of each is in the "
            "request's own index.",
        )
    )
    for r in index["requests"]:
        parts.append(f"<p class='clock'>#{r['id']} {_e(r['component'])}: {_e(r['title'])}</p>")
        parts.extend(_trace_line(k["headline"], 0) for k in r["clocks"])
    parts.append(_about(index, "This case bundle"))
    return "".join(parts)


def index_pdf(index: dict) -> bytes:
    """The PDF of an index (the data ``export_bundle`` builds): US Letter, landscape,
    "Page n of N" in the footer. The same data gives the same bytes."""
    case = index["kind"] == "case"
    html = case_html(index) if case else request_html(index)
    footer = (
        f"Case {index['case']['slug']} · case index"
        if case
        else f"FOIA request #{index['request']['id']} · evidence index"
    ) + f" as of {index['as_of']} · {index['made_by']}"

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    left, top, right, bottom = MARGINS_INCH
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.Letter),
            QPageLayout.Orientation.Landscape,
            QMarginsF(left, top, right, bottom),
            QPageLayout.Unit.Inch,
        )
    )
    writer.setResolution(72)  # one CSS px is one point: Qt takes margins in px only
    writer.setTitle("Case index" if case else f"Evidence index: FOIA request #{index['request']['id']}")
    writer.setCreator(index["made_by"])
    content = json.dumps(index, sort_keys=True, default=str)
    writer.setDocumentId(QUuid(str(uuid.uuid5(uuid.NAMESPACE_URL, "foiadesk-index:" + content))))

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setFamilies(["Calibri", "Carlito", "Arial", "Liberation Sans"])
    font.setPointSizeF(9)
    for tag in ("liga", "clig"):  # a ligature ("fi", "ti") would make words unsearchable in the PDF
        font.setFeature(QFont.Tag(tag), 0)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(STYLE)
    doc.setHtml(html)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    footer_height = FOOTER_PT * 2.2 * writer.resolution() / 72
    body = QSizeF(page.width(), page.height() - footer_height)
    doc.setPageSize(body)
    pages = doc.pageCount()

    painter = QPainter(writer)
    small = QFont(font)
    small.setPointSizeF(FOOTER_PT - 0.5)
    for number in range(pages):
        if number:
            writer.newPage()
        painter.save()
        painter.translate(0, -number * body.height())
        doc.drawContents(painter, QRectF(0, number * body.height(), body.width(), body.height()))
        painter.restore()
        painter.setFont(small)
        painter.setPen(Qt.GlobalColor.darkGray)
        line = QRectF(0, page.height() - footer_height * 0.6, page.width(), footer_height * 0.6)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, footer)
        painter.drawText(
            line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, f"Page {number + 1} of {pages}"
        )
    painter.end()
    buffer.close()
    return fixed_pdf(bytes(data), date.fromisoformat(index["as_of"]))
