"""Reading reply files: the words in every format, and a clear refusal for a file that can't be used."""

import hashlib
import io
from datetime import date
from pathlib import Path

import pytest

from foiadesk.core.replies import files as replies
from foiadesk.core.replies.files import ReplyFileError, read_reply, read_reply_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "replies"


def fixture(name):
    return read_reply(FIXTURES / name)


def flat(text):
    """Text with its line breaks and runs of space as single spaces, as a reader sees it."""
    return " ".join(text.split())


def test_the_original_bytes_are_kept_untouched():
    path = FIXTURES / "ice-partial.eml"
    reply = read_reply(path)
    assert reply.data == path.read_bytes()
    assert reply.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (reply.kind, reply.mime) == ("eml", "message/rfc822")


def test_a_multipart_email_reads_its_body_and_the_letter_attached_to_it():
    reply = fixture("ice-partial.eml")
    assert reply.subject == "Final Response: ICE FOIA 2026-ICFO-41872"
    assert reply.sender == "ICE FOIA <ice-foia@ice.dhs.gov>"
    assert reply.sent_on == date(2026, 11, 17)
    assert reply.attachments == ("2026-ICFO-41872 Final Response.pdf", "2026-ICFO-41872 Records Part 1.pdf")
    assert "Please find attached ICE's final response" in reply.text  # the email's body
    assert "pursuant to Exemptions (b)(5), (b)(6), (b)(7)(C), and (b)(7)(E)" in flat(reply.text)  # the letter
    assert reply.notes == (  # the letter was read: the scan beside it is the records
        "Attachment 2026-ICFO-41872 Records Part 1.pdf is a scan FoiaDesk could not read; its "
        "text is not in this review. If it holds the agency's letter rather than records, read "
        "it and correct the fields.",
    )


def test_an_email_with_text_and_html_reads_the_text_once():
    reply = fixture("ice-ack.eml")
    assert reply.text.count("This acknowledges receipt") == 1


def test_an_html_only_email_is_read_as_text():
    reply = fixture("dhs-referral.eml")
    assert "<p>" not in reply.text and "&ldquo;" not in reply.text
    assert 'for the "on demand" address-verification' in reply.text.replace("\u201c", '"').replace(
        "\u201d", '"'
    )
    assert "transferred your request to the ICE FOIA Office" in flat(reply.text)


def test_an_outlook_message_with_its_attachment():
    reply = fixture("tigta-extension.msg")
    assert (reply.kind, reply.mime) == ("msg", "application/vnd.ms-outlook")
    assert reply.subject == "FOIA Request 2027-FOIA-00031 - Extension of Time"
    assert reply.sent_on == date(2026, 11, 6)
    assert reply.attachments == ("2027-FOIA-00031 Extension Letter.pdf",)
    assert "Please see the attached letter" in reply.text
    assert "unusual circumstances exist under 5 U.S.C. § 552(a)(6)(B)(iii)" in flat(reply.text)


@pytest.mark.parametrize(
    "name, words",
    [
        ("irs-glomar.eml", "Internal Revenue Code (IRC) § 6103"),  # Windows-1252, quoted-printable
        ("doj-expedite-granted.txt", "Office of Information Policy"),  # UTF-16 with a byte-order mark
        ("treasury-referral.txt", "ICE\u2019s corrective action plans"),  # Windows-1252 curly apostrophe
        ("dhs-clarification.txt", "6 C.F.R. § 5.3(b)"),  # UTF-8
    ],
)
def test_odd_encodings_are_read(name, words):
    assert words in flat(fixture(name).text)


def test_an_email_in_an_unknown_charset_is_read_and_says_how():
    data = (
        b"From: foia@agency.gov\r\nTo: maya.okafor@ridgeline.example\r\nSubject: Your request\r\n"
        b"Date: Mon, 2 Nov 2026 10:00:00 -0500\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\n"
        b"Withheld under Section \xa7 6103 \x93return information\x94\r\n"
    )
    reply = read_reply_bytes("odd.eml", data)
    assert "\u00a7 6103 \u201creturn information\u201d" in reply.text
    assert reply.notes == ("Text declared as 'x-unknown' was read as Windows-1252.",)


def test_a_pdf_locked_only_against_editing_is_read():
    assert "did not locate any records responsive" in flat(fixture("dhs-no-records.pdf").text)


def test_a_pdf_locked_with_aes_only_against_editing_is_read():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(FIXTURES / "irs-ack.pdf"))
    writer.encrypt(user_password="", owner_password="disclosure", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    assert "Case number: 2026-IRS-FOIA-001234" in read_reply_bytes("aes.pdf", out.getvalue()).text


def test_a_scanned_pdf_is_kept_and_flagged_no_text():
    reply = fixture("ice-scanned-letter.pdf")
    assert reply.no_text and reply.data == (FIXTURES / "ice-scanned-letter.pdf").read_bytes()
    assert reply.notes == (
        "ice-scanned-letter.pdf has no text layer (a scan?): read it and fill in the reply yourself.",
    )


def test_only_the_first_pages_of_a_long_pdf_are_read(monkeypatch):
    monkeypatch.setattr(replies, "MAX_PDF_PAGES", 1)
    reply = fixture("irs-partial.pdf")
    assert "Notice 393" not in reply.text.split("Enclosed is")[-1].split("\n", 3)[-1]
    assert reply.notes == ("irs-partial.pdf: read the first 1 of 2 pages (the letter is at the front).",)


# -- files that are refused: the message names the file and says what is wrong -----------------

EMAIL = b"From: foia@agency.gov\r\nTo: maya.okafor@ridgeline.example\r\nSubject: Your request\r\n"
BAD = [
    ("empty.pdf", b"", "empty.pdf is empty (0 bytes): nothing to import."),
    ("blank.txt", b"  \r\n\t\r\n", "blank.txt holds only blank space: nothing to import."),
    ("letter.docx", b"PK\x03\x04", "letter.docx is damaged and cannot be read as a Word document (.docx)."),
    (
        "letter.doc",
        b"hello",
        "FoiaDesk imports replies saved as .eml, .msg, .pdf, .docx or .txt (not '.doc')",
    ),
    (
        "letter",
        b"hello",
        "FoiaDesk imports replies saved as .eml, .msg, .pdf, .docx or .txt (not 'no extension')",
    ),
    ("letter.docx", b"%PDF-1.4\n1 0 obj", "letter.docx is named .docx but is a PDF. Rename it to letter.pdf"),
    ("letter.txt", b"%PDF-1.4\n1 0 obj", "letter.txt is named .txt but is a PDF. Rename it to letter.pdf"),
    ("reply.pdf", EMAIL + b"\r\nHello", "reply.pdf is named .pdf but is an email. Rename it to reply.eml"),
    ("reply.eml", b"PK\x03\x04zip", "reply.eml is named .eml but is a Word, Excel or ZIP file."),
    ("scan.pdf", b"\xff\xd8\xff\xe0JFIF", "scan.pdf is named .pdf but is an image."),
    ("notes.msg", b"Call ICE on Monday.", "notes.msg is not an Outlook message (.msg)"),
    ("notes.eml", b"Call ICE on Monday.\nAsk about the MOU.", "notes.eml is not an email (.eml)"),
    ("data.txt", bytes(range(256)) * 8, "data.txt is named .txt but holds binary data, not text."),
    (
        "broken.pdf",
        b"%PDF-1.4\n" + bytes(range(256)) * 4,
        "broken.pdf is damaged and cannot be read as a PDF",
    ),
    (
        "nobound.eml",
        EMAIL + b'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="XYZ"\r\n\r\nno parts\r\n',
        "nobound.eml is a damaged email: its MIME structure is broken (StartBoundaryNotFoundDefect)",
    ),
]


@pytest.mark.parametrize("name, data, message", BAD, ids=[b[0] for b in BAD])
def test_bad_files_get_a_clear_message(name, data, message):
    with pytest.raises(ReplyFileError) as error:
        read_reply_bytes(name, data)
    assert message in str(error.value)


def test_a_truncated_email_or_pdf_is_damaged():
    eml = (FIXTURES / "ice-partial.eml").read_bytes()
    pdf = (FIXTURES / "irs-ack.pdf").read_bytes()
    with pytest.raises(ReplyFileError, match=r"cut.eml is a damaged email: it is cut short"):
        read_reply_bytes("cut.eml", eml[: len(eml) // 2])
    with pytest.raises(ReplyFileError, match=r"cut.pdf is damaged and cannot be read as a PDF"):
        read_reply_bytes("cut.pdf", pdf[: len(pdf) // 2])


def test_a_password_protected_pdf_is_refused():
    with pytest.raises(
        ReplyFileError, match=r"irs-password.pdf is password-protected\. Open it with its password"
    ):
        fixture("irs-password.pdf")


def test_an_office_file_named_msg_is_refused():
    from extract_msg.ole_writer import OleWriter

    writer = OleWriter()
    writer.addEntry("WordDocument", b"\0" * 600)  # an old Word file is OLE too, but not a message
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ReplyFileError, match=r"old.msg is not an Outlook message, or it is damaged"):
        read_reply_bytes("old.msg", out.getvalue())


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "release.pdf"
    with path.open("wb") as f:
        f.truncate(replies.MAX_BYTES + 1)  # sparse: no 50 MB written
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("a huge file was read"))
    with pytest.raises(ReplyFileError, match=r"release.pdf is 50.0 MB; FoiaDesk imports replies up to 50 MB"):
        read_reply(path)


def test_a_missing_file_or_a_folder(tmp_path):
    with pytest.raises(ReplyFileError, match=r"Cannot read gone.pdf: No such file or directory"):
        read_reply(tmp_path / "gone.pdf")
    (tmp_path / "letters.pdf").mkdir()
    with pytest.raises(ReplyFileError, match=r"letters.pdf is a folder"):
        read_reply(tmp_path / "letters.pdf")


def test_a_damaged_attachment_is_a_note_not_a_refusal():
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "foia@agency.gov", "maya.okafor@ridgeline.example", "Letter"
    msg.set_content("Please see the attached letter.")
    msg.add_attachment(b"%PDF-1.4 broken", maintype="application", subtype="pdf", filename="letter.pdf")
    msg.add_attachment(b"\x89PNG....", maintype="image", subtype="png", filename="seal.png")
    reply = read_reply_bytes("reply.eml", msg.as_bytes())
    assert reply.notes == (
        "Attachment letter.pdf is damaged; its text was not read.",
        "Attachment seal.png (image/png) is not a format FoiaDesk reads; its text was not read.",
    )
    assert "Please see the attached letter." in reply.text


# -- Word letters (.docx) -------------------------------------------------------------------------


def word_letter(*, header: str = "", body=(), table=(), zip_extra: dict[str, bytes] | None = None) -> bytes:
    """A .docx as Word writes one: the letterhead in the page header, then the body."""
    import zipfile

    from docx import Document

    document = Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    for line in body:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    if not zip_extra:
        return out.getvalue()
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in zip_extra.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_word_letter_is_read_letterhead_first():
    data = word_letter(
        header="U.S. Department of Homeland Security, Privacy Office",
        body=("November 4, 2026", "Re: 2027-HQFO-00112", "Dear Ms. Okafor:", "We received your request."),
        table=(("Tracking number", "2027-HQFO-00112"), ("Pages released", "12")),
    )
    reply = read_reply_bytes("DHS letter.docx", data)
    assert (reply.kind, reply.data) == ("docx", data)
    assert reply.mime == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    lines = reply.text.splitlines()
    assert lines[0] == "U.S. Department of Homeland Security, Privacy Office"
    assert lines.index("November 4, 2026") < lines.index("We received your request.")
    assert "Tracking number   2027-HQFO-00112" in lines and "Pages released   12" in lines


def test_a_word_file_that_is_no_letter_is_refused(monkeypatch):
    with pytest.raises(ReplyFileError, match=r"empty.docx holds no text: nothing to import."):
        read_reply_bytes("empty.docx", word_letter())
    import zipfile

    sheet = io.BytesIO()
    with zipfile.ZipFile(sheet, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(
        ReplyFileError, match=r"book.docx is not a Word document \(.docx\): it is another kind"
    ):
        read_reply_bytes("book.docx", sheet.getvalue())
    bomb = word_letter(
        body=("Hello",), zip_extra={"word/media/big.bin": b"\0" * (replies.MAX_DOCX_UNPACKED + 1)}
    )
    with pytest.raises(ReplyFileError, match=r"bomb.docx unpacks to more than"):
        read_reply_bytes("bomb.docx", bomb)


def test_a_word_letter_attached_to_an_email_is_read():
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "foia@agency.gov", "me@example.org", "Your request"
    message.set_content("Our letter is attached.")
    letter = word_letter(
        body=("We have determined that your request does not reasonably describe the records.",)
    )
    message.add_attachment(
        letter,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="Letter.docx",
    )
    reply = read_reply_bytes("reply.eml", message.as_bytes())
    assert "does not reasonably describe the records" in reply.text and reply.notes == ()
