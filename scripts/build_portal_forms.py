"""Convert FOIA.gov's request-form definitions into resources/portal_forms.json.

Source: ../shared/data/foia-gov-forms/ (usdoj/foia-api, config/default/webform.webform.*.yml,
public domain / CC0; SOURCE.txt there). Kept: every DHS, DOJ and Treasury form and the forms
of the other curated components, each field in the form's order with its label, required
flag, limits, options and help as plain text; and the id of every open form. Run with any
Python that has PyYAML:

    python scripts/build_portal_forms.py [FORMS_FOLDER]

The output is sorted and stable, so a rebuild only shows a diff when FOIA.gov changed a form.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT.parent.parent / "shared" / "data" / "foia-gov-forms"
OUT = ROOT / "resources" / "portal_forms.json"
AS_OF = "2026-06-09"
SOURCE = (
    "FOIA.gov request forms: github.com/usdoj/foia-api, commit f653503cbda6b412e17bc8ebb7fddcc4ae8917d0 "
    "(2026-06-09), config/default/webform.webform.*.yml; public domain in the US, CC0 1.0 elsewhere"
)
FAMILIES = ("dhs_", "doj_", "treasury_")
# Curated components (resources/components.json) and the FOIA.gov form each one uses.
CURATED = {
    "DHS-PRIV": "dhs_priv",
    "ICE": "dhs_ice",
    "USCIS": "dhs_uscis",
    "CBP": "dhs_cbp",
    "TREAS-DO": "treasury_do_form",
    "IRS": "treasury_irs_form",
    "TIGTA": "treasury_tigta_form",
    "DOJ-OIP": "doj_oip",
    "DOJ-OLC": "doj_olc",
    "EOUSA": "doj_eousa",
    "DOJ-CIV": "doj_civil",
    "SSA": "ssa_form",
}
KEEP = (
    "#type",
    "#title",
    "#required",
    "#maxlength",
    "#pattern",
    "#options",
    "#default_value",
    "#multiple",
    "#max_filesize",
    "#file_extensions",
    "#counter_maximum",
)


def plain(text: str) -> str:
    """Help text without HTML: tags dropped, entities decoded, spaces folded."""
    text = re.sub(r"<[^>]+>", " ", str(text))
    return " ".join(html.unescape(text).replace("\xa0", " ").split())


def field(name: str, raw: dict) -> dict:
    out: dict = {"name": name}
    for key in KEEP:
        if key not in raw:
            continue
        value = raw[key]
        short = key[1:]
        if short == "required" or short == "multiple":
            value = str(value).lower() == "true"
        elif short in ("maxlength", "max_filesize", "counter_maximum"):
            value = int(value)
        elif short == "options" and isinstance(value, dict):
            value = {str(k): plain(v) for k, v in value.items()}
        elif short == "title":
            value = plain(value)
        out[short] = value
    help_text = raw.get("#help") or raw.get("#description")
    if help_text:
        out["help"] = plain(help_text)
    return out


def main(folder: Path = FORMS) -> int:
    forms, open_forms = {}, []
    for path in sorted(folder.glob("webform.webform.*.yml")):
        form_id = path.name.removeprefix("webform.webform.").removesuffix(".yml")
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if doc.get("status") == "open":
            open_forms.append(form_id)
        if not (form_id.startswith(FAMILIES) or form_id in CURATED.values()):
            continue
        elements = yaml.safe_load(doc.get("elements") or "") or {}
        fields = [field(name, raw) for name, raw in elements.items() if isinstance(raw, dict)]
        forms[form_id] = {
            "title": plain(doc.get("title", form_id)),
            "status": doc.get("status", ""),
            "file": path.name,
            "fields": [f for f in fields if f.get("type") not in ("webform_markup", "processed_text")],
        }
    missing = sorted(k for k, v in CURATED.items() if v not in forms)
    if missing:
        raise SystemExit(f"no form for {', '.join(missing)} in {folder}")
    data = {
        "format": "foiadesk-portal-forms/1",
        "as_of": AS_OF,
        "source": SOURCE,
        "note": "FOIA.gov accepts submissions only on its own site (captcha); FoiaDesk prepares the "
        "fields for the user to paste and never connects.",
        "components": CURATED,
        # every open form's id, whose first word is its agency's (nasa_ssc_form): which
        # agencies FOIA.gov takes requests for (directory.py reads it)
        "open_forms": open_forms,
        "forms": forms,
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(forms)} forms)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else FORMS))
