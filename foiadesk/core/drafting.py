"""Drafting letters: build a context (pure, in letters.py) and render it into a .docx.

Templates are Word files filled by docxtpl. A template in the user's templates folder
overrides the shipped one of the same name; the shipped folder is never written to. All
templates render in a Jinja sandbox with StrictUndefined and autoescaping, so an edited
template cannot reach Python internals, a misspelt variable fails instead of printing
nothing, and "&", "<" or quotes in the data come out as typed. The sandbox limits neither
time nor memory, so user templates render in a separate process that is stopped after a
time limit. Rendering returns bytes and writes nothing.
"""

from __future__ import annotations

import io
import multiprocessing
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from lxml import etree

from .errors import UserError
from .letters import (  # noqa: F401  (the drafting API, re-exported)
    DraftingError,
    DraftOptions,
    Requester,
    RequestRef,
    build_appeal_context,
    build_clarification_reply_context,
    build_fee_response_context,
    build_request_context,
    build_status_inquiry_context,
    build_still_interested_context,
    exemption,
)
from .paths import TEMPLATES

TEMPLATE_NAMES = ("request", "status_inquiry", "clarification_reply", "still_interested_reply",
                  "fee_response", "appeal")
USER_TEMPLATE_SECONDS = 20.0
USER_TEMPLATE_MEMORY = 1 << 30  # bytes of address space for the worker, where supported


class TemplateError(UserError):
    """A template cannot be used; the message names the file and the line or variable."""


def template_path(template_name: str, user_templates_dir: Path | None = None) -> Path:
    """The file a template name resolves to: the user's copy if there is one."""
    name = template_name if template_name.endswith(".docx") else f"{template_name}.docx"
    if Path(name).name != name or name.startswith("."):
        raise TemplateError(f"'{template_name}' is not a template name.")
    if user_templates_dir is not None and (Path(user_templates_dir) / name).is_file():
        return Path(user_templates_dir) / name
    return TEMPLATES / name


def render(template_name: str, context: dict, *, user_templates_dir: Path | None = None,
           timeout: float = USER_TEMPLATE_SECONDS) -> bytes:
    """The filled-in letter as .docx bytes. Raises TemplateError for a template that is
    missing, corrupt, has a syntax error, uses a variable the context lacks, tries to reach
    Python internals, or (user templates) runs longer than `timeout` seconds."""
    path = template_path(template_name, user_templates_dir)
    if not path.is_file():
        raise TemplateError(f"{path.name}: template not found in {path.parent}.")
    if path.parent.resolve() == TEMPLATES.resolve():
        return _render_file(path, context)  # shipped with the app: trusted
    return _render_in_worker(path, context, timeout)


def suggested_filename(kind: str, component_abbr: str | None, letter_date: date,
                       case_id: str | None = None) -> str:
    """A file name safe on Windows, macOS and Linux: 2026-11-25_irs-ice-mou_ICE_request.docx"""
    parts = [letter_date.isoformat(), case_id or "", component_abbr or "agency", kind]
    safe = [re.sub(r"[^A-Za-z0-9.-]+", "-", p).strip("-.")[:40] for p in parts]
    return "_".join(p for p in safe if p) + ".docx"


# --- rendering one file -----------------------------------------------------------------


def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)


def _render_file(path: Path, context: dict) -> bytes:
    name = path.name
    try:
        tpl = DocxTemplate(path)
        tpl.init_docx()
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError,
            etree.XMLSyntaxError) as exc:
        raise TemplateError(f"{name}: not a Word document that can be read ({exc}).") from None
    env = _environment()
    _check_syntax(tpl, env, name)
    missing = sorted(tpl.get_undeclared_template_variables(jinja_env=env, context=context))
    if missing:
        listed = ", ".join(f"'{v}'" for v in missing)
        raise TemplateError(f"{name}: unknown variable{'s' if len(missing) > 1 else ''} {listed}")
    try:
        tpl.render(context, jinja_env=env, autoescape=True)
        out = io.BytesIO()
        tpl.save(out)
    except SecurityError as exc:
        raise TemplateError(f"{name}: refused: the template tries to reach Python internals "
                            f"({exc})") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{name}: unknown variable or field ({exc})") from None
    except Exception as exc:  # anything else a user-edited template can provoke
        raise TemplateError(f"{name}: cannot be filled in ({type(exc).__name__}: {exc})") from None
    return out.getvalue()


def _check_syntax(tpl: DocxTemplate, env: SandboxedEnvironment, name: str) -> None:
    """Parse body, headers and footers; report the line (one per paragraph, as docxtpl
    splits them) and its text, which is what the user can find in Word."""
    parts = [("", tpl.xml_to_string(tpl.docx.element.body))]
    for rel in tpl.docx.part.rels.values():
        if rel.reltype in (tpl.HEADER_URI, tpl.FOOTER_URI) and not rel.is_external:
            where = "header" if rel.reltype == tpl.HEADER_URI else "footer"
            parts.append((where, tpl.xml_to_string(parse_xml(rel.target_part.blob))))
    for where, xml in parts:
        xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(xml))
        try:
            env.parse(xml)
        except jinja2.TemplateSyntaxError as exc:
            lines = xml.splitlines()
            text = lines[exc.lineno - 1] if 0 < exc.lineno <= len(lines) else ""
            text = " ".join(re.sub(r"<[^>]+>", " ", text).split())
            snippet = f" (“{text[:60]}{'…' if len(text) > 60 else ''}”)" if text else ""
            place = f"{where} line" if where else "line"
            raise TemplateError(f"{name}: {place} {exc.lineno}{snippet}: {exc.message}") from None


# --- user templates run in a worker process ------------------------------------------------


def _render_in_worker(path: Path, context: dict, timeout: float) -> bytes:
    """Render in a fresh process and stop it after `timeout` seconds."""
    mp = multiprocessing.get_context("spawn")
    receiver, sender = mp.Pipe(duplex=False)
    worker = mp.Process(target=_worker, args=(str(path), context, sender), daemon=True)
    worker.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise TemplateError(f"{path.name}: filling in the template took longer than "
                                f"{timeout:g} seconds and was stopped.")
        status, payload = receiver.recv()
    except EOFError:
        raise TemplateError(f"{path.name}: filling in the template failed (the worker "
                            "stopped, perhaps out of memory).") from None
    finally:
        receiver.close()
        if worker.is_alive():
            worker.kill()
        worker.join(5)
    if status == "error":
        raise TemplateError(payload)
    return payload


def _worker(path: str, context: dict, sender: Any) -> None:
    try:
        import resource  # not on Windows

        resource.setrlimit(resource.RLIMIT_AS, (USER_TEMPLATE_MEMORY, USER_TEMPLATE_MEMORY))
    except (ImportError, ValueError, OSError):
        pass
    try:
        result = ("ok", _render_file(Path(path), context))
    except TemplateError as exc:
        result = ("error", str(exc))
    except MemoryError:
        result = ("error", f"{Path(path).name}: filling in the template needs too much memory.")
    sender.send(result)
    sender.close()
