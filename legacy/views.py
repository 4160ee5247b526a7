"""The extranet screen of the import (administrators only): send the files, read the dry run, then confirm.

The checked files wait between the two steps in the private storage (shared by every web process), under a
random key kept in the administrator's session; the confirmation imports them and deletes them.
"""

import secrets

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.template.response import TemplateResponse

from portal.storage import private_storage

from . import perms
from .columns import ENTITIES
from .documents import DocumentSource
from .forms import ImportForm
from .services import run_import

SESSION_KEY = "legacy_import"
FOLDER = "reprise-ancien-portail"
TITLE = "Reprise des données de l'ancien portail"


def import_view(request):
    if not perms.may_import(request.user):
        raise PermissionDenied
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "title": TITLE}
    if request.method == "POST" and form.is_valid():
        _discard(request.session.get(SESSION_KEY))
        token = secrets.token_urlsafe(24)
        _keep(token, form.cleaned_data["tables"], form.cleaned_data["documents"])
        request.session[SESSION_KEY] = token
        report = run_import(
            form.cleaned_data["tables"],
            user=request.user,
            documents=DocumentSource.from_uploads(form.cleaned_data["documents"]),
            dry_run=True,
        )
        context.update(_report_context(report), token=token, form=ImportForm())
    return TemplateResponse(request, "legacy/import.html", context)


def _confirm(request):
    token = request.session.get(SESSION_KEY)
    context = {"form": ImportForm(), "title": TITLE}
    if not token or request.POST.get("token") != token:
        context["expired"] = True
        return TemplateResponse(request, "legacy/import.html", context, status=400)
    tables, documents = _load(token)
    report = run_import(tables, user=request.user, documents=DocumentSource.from_uploads(documents))
    _discard(token)
    del request.session[SESSION_KEY]
    context.update(_report_context(report), done=True)
    return TemplateResponse(request, "legacy/import.html", context)


def _report_context(report):
    return {
        "report": report,
        "summary": report.summary_lines(ENTITIES),
        "rows": [(row, row.label(report.dry_run)) for row in report.rows],
    }


def _keep(token, tables, documents):
    for kind, files in (("tables", tables), ("documents", documents)):
        for name, content in files.items():
            private_storage().save(f"{FOLDER}/{token}/{kind}/{name}", ContentFile(content))


def _load(token):
    loaded = []
    for kind in ("tables", "documents"):
        folder = f"{FOLDER}/{token}/{kind}"
        files = {}
        for name in _listdir(folder)[1]:
            with private_storage().open(f"{folder}/{name}") as handle:
                files[name] = handle.read()
        loaded.append(files)
    return loaded


def _listdir(folder):
    try:
        return private_storage().listdir(folder)
    except FileNotFoundError:
        return [], []


def _discard(token):
    if not token:
        return
    for kind in ("tables", "documents"):
        folder = f"{FOLDER}/{token}/{kind}"
        for name in _listdir(folder)[1]:
            private_storage().delete(f"{folder}/{name}")
