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

import functools
import io
import os
import pickle
import re
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from lxml import etree

from foiadesk.core.errors import UserError
from foiadesk.core.letters.content import (  # noqa: F401  (the drafting API, re-exported)
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
from foiadesk.core.paths import PACKAGE_PARENT, TEMPLATES, data_dir

TEMPLATE_NAMES = (
    "request",
    "status_inquiry",
    "clarification_reply",
    "still_interested_reply",
    "fee_response",
    "appeal",
    "reopen_request",
    "liaison_letter",
    "ogis_request",
    "complaint_outline",
    "identity_statement",
)
USER_TEMPLATE_SECONDS = 20.0
USER_TEMPLATE_MEMORY = 1 << 30  # bytes of address space for the worker, where supported
USER_TEMPLATE_RESULT_BYTES = 10 * 1024 * 1024  # a letter with a scanned signature is well under


class TemplateError(UserError):
    """A template cannot be used; the message names the file and the line or variable."""


def template_path(template_name: str, user_templates_dir: Path | None = None) -> Path:
    """The file a template name resolves to: the user's copy if there is one, in the
    folder given or else in the templates folder of the data directory."""
    name = template_name if template_name.endswith(".docx") else f"{template_name}.docx"
    if Path(name).name != name or name.startswith("."):
        raise TemplateError(f"'{template_name}' is not a template name.")
    folder = Path(user_templates_dir) if user_templates_dir is not None else user_templates_folder()
    if (folder / name).is_file():
        return folder / name
    return TEMPLATES / name


def user_templates_folder() -> Path:
    """Where a user's own templates live: the folder chosen in the settings, else the
    templates folder of the data folder. The shipped ones are never written."""
    from foiadesk.core.settings import load_settings

    return load_settings().templates_dir() or data_dir() / "templates"


def render(
    template_name: str,
    context: dict,
    *,
    user_templates_dir: Path | None = None,
    timeout: float = USER_TEMPLATE_SECONDS,
) -> bytes:
    """The filled-in letter as .docx bytes. Raises TemplateError for a template that is
    missing, corrupt, has a syntax error, uses a variable the context lacks, tries to reach
    Python internals, or (user templates) runs longer than `timeout` seconds."""
    path = template_path(template_name, user_templates_dir)
    if not path.is_file():
        raise TemplateError(f"{path.name}: template not found in {path.parent}.")
    if path.parent.resolve() == TEMPLATES.resolve():
        return _render_file(path, context)  # shipped with the app: trusted
    # Even checking a user template belongs in the worker: compiling it folds constants,
    # and {{ 'x' * 10**10 }} would be computed right here.
    try:
        return _render_in_worker(path, context, timeout)
    except TemplateError as exc:  # the user's own copy, not the shipped one: say where it is
        raise TemplateError(
            f"{str(exc).rstrip('.')}. This is your own template, in {path.parent}: correct it there, "
            f"or take it out of that folder and the shipped {path.name} is used."
        ) from None


def suggested_filename(what: str, office: str | None, letter_date: date, request: str | None = None) -> str:
    """A file name that says plainly what the letter is, safe on Windows, macOS and Linux:
    2026-11-25_ICE_FOIA-request.docx, 2026-12-07_Office-of-Legal-Counsel_FOIA-appeal_FY27-318.docx.
    It travels with the letter (a portal upload, an e-mail attachment), so it names the office
    as the public knows it and the request by the agency's number, never a FoiaDesk key."""
    parts = [letter_date.isoformat(), office or "agency", what, request or ""]
    safe = [re.sub(r"[^A-Za-z0-9.-]+", "-", p).strip("-.")[:40].strip("-.") for p in parts]
    return "_".join(p for p in safe if p) + ".docx"


# --- rendering one file -----------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _patched(src_xml: str) -> str:
    """docxtpl rewrites each part's XML with some forty regular expressions before every
    render; the result depends on the XML alone, so it is kept for the next letter."""
    return DocxTemplate.patch_xml(None, src_xml)  # type: ignore[arg-type]  # uses no state


class _Template(DocxTemplate):
    def patch_xml(self, src_xml: str) -> str:
        return _patched(src_xml)


class _Environment(SandboxedEnvironment):
    """Compiles each distinct template text once per process. docxtpl compiles the whole
    document for every letter it fills, and a case bundle fills one index per request:
    hundreds of identical compilations."""

    def from_string(self, source, globals=None, template_class=None):  # type: ignore[override]
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        return self._compiled(source)

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one environment lives as long as the process
    def _compiled(self, source: str) -> jinja2.Template:
        return super().from_string(source)


_ENVIRONMENT = _Environment(undefined=jinja2.StrictUndefined, autoescape=True)
_CHECKED: set[tuple] = set()  # templates (file version, context keys) already checked


def _environment() -> SandboxedEnvironment:
    return _ENVIRONMENT


def _checked(path: Path, context: dict, env: SandboxedEnvironment) -> DocxTemplate:
    """The template, opened and parsed, with every variable it uses present in `context`.
    A file already checked against the same variables is not parsed again."""
    name = path.name
    try:
        stat = path.stat()  # before reading: a file changed meanwhile is checked next time
        tpl = _Template(path)
        tpl.init_docx()
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        OSError,
        etree.XMLSyntaxError,
    ) as exc:
        raise TemplateError(f"{name}: not a Word document that can be read ({exc}).") from None
    version = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, frozenset(context))
    if version in _CHECKED:
        return tpl
    _check_syntax(tpl, env, name)
    missing = sorted(tpl.get_undeclared_template_variables(jinja_env=env, context=context))
    if missing:
        listed = ", ".join(f"'{v}'" for v in missing)
        raise TemplateError(f"{name}: unknown variable{'s' if len(missing) > 1 else ''} {listed}")
    _CHECKED.add(version)
    return tpl


def _render_file(path: Path, context: dict) -> bytes:
    name = path.name
    env = _environment()
    tpl = _checked(path, context, env)
    try:
        tpl.render(context, jinja_env=env, autoescape=True)
        out = io.BytesIO()
        tpl.save(out)
    except SecurityError as exc:
        raise TemplateError(
            f"{name}: refused: the template tries to reach Python internals ({exc})"
        ) from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{name}: unknown variable or field ({exc})") from None
    except MemoryError:
        raise TemplateError(f"{name}: filling in the template needs too much memory.") from None
    except Exception as exc:  # anything else a user-edited template can provoke
        raise TemplateError(f"{name}: cannot be filled in ({type(exc).__name__}: {exc})") from None
    return out.getvalue()


def _check_syntax(tpl: DocxTemplate, env: SandboxedEnvironment, name: str) -> None:
    """Parse body, headers and footers. An error names its line, counted as docxtpl splits
    the document: one per paragraph, not counting paragraphs that hold only a {%p %} tag,
    and quotes the line's text, which is what the user can search for in Word."""
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
            lines = xml.splitlines()  # line 1 is the part's opening tag
            text = lines[exc.lineno - 1] if 0 < exc.lineno <= len(lines) else ""
            text = " ".join(re.sub(r"<[^>]+>", " ", text).split())
            snippet = f" (“{text[:60]}{'…' if len(text) > 60 else ''}”)" if text else ""
            place = f"{where} line" if where else "line"
            raise TemplateError(f"{name}: {place} {max(exc.lineno - 1, 1)}{snippet}: {exc.message}") from None


# --- user templates run in a worker process ------------------------------------------------


def _render_in_worker(path: Path, context: dict, timeout: float) -> bytes:
    """Render in a fresh interpreter (`python -m foiadesk.core.letters.drafting`), killed after
    `timeout` seconds. A plain subprocess rather than multiprocessing, so callers need no
    `if __name__ == "__main__"` guard. The context goes in and the result comes out pickled;
    both are made here, so unpickling them is safe."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE_PARENT), env.get("PYTHONPATH")]))
    try:
        done = subprocess.run(
            [sys.executable, "-m", "foiadesk.core.letters.drafting"],
            input=pickle.dumps((str(path), context)),
            capture_output=True,
            timeout=timeout,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise TemplateError(
            f"{path.name}: filling in the template took longer than "
            f"{timeout:g} second{'' if timeout == 1 else 's'} and was "
            "stopped."
        ) from None
    if len(done.stdout) > USER_TEMPLATE_RESULT_BYTES:  # reading it back would take minutes
        raise TemplateError(
            f"{path.name}: the filled-in letter is {len(done.stdout) / 1024 / 1024:.1f} MB; a letter "
            f"is at most {USER_TEMPLATE_RESULT_BYTES // 1024 // 1024} MB. Check the template's loops."
        )
    try:
        status, payload = pickle.loads(done.stdout)
    except Exception:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise TemplateError(f"{path.name}: filling in the template failed ({detail[0]}).") from None
    if status == "error":
        raise TemplateError(payload)
    return payload


def _worker_main() -> None:
    """The worker: read (path, context), write ("ok", bytes) or ("error", message)."""
    try:
        import resource  # not on Windows

        resource.setrlimit(resource.RLIMIT_AS, (USER_TEMPLATE_MEMORY, USER_TEMPLATE_MEMORY))
    except (ImportError, ValueError, OSError):
        pass
    path, context = pickle.loads(sys.stdin.buffer.read())
    try:
        result: tuple[str, bytes | str] = ("ok", _render_file(Path(path), context))
    except TemplateError as exc:
        result = ("error", str(exc))
    except MemoryError:  # while checking, before _render_file's own handler
        result = ("error", f"{Path(path).name}: filling in the template needs too much memory.")
    sys.stdout.buffer.write(pickle.dumps(result))


if __name__ == "__main__":
    _worker_main()
