"""The requester the letter tests sign with: a staff reporter at a newsroom (news-media fee
category, with how she shares what she learns)."""

from foiadesk.core.letters.profiles import Requester

NEWS_REPORTER = Requester(
    name="Dana Whitfield",
    email="dana@example.org",
    organization="The Ledger Desk",
    title="Reporter",
    address="1200 K Street NW\nWashington, DC 20005",
    fee_category="news_media",
    fee_category_basis="Staff reporter.",
    dissemination="I publish at ledgerdesk.example.",
)
