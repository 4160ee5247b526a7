"""The right-of-access archive: one zip a person can read, with a French HTML summary of everything held on
them (no external asset), the same data as JSON, and every document file as stored."""

import io
import json
import os
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import get_valid_filename

from . import privacy

SUMMARY_NAME = "synthese.html"
JSON_NAME = "donnees.json"


def archive_name(candidate):
    return f"donnees-candidat-{candidate.pk}.zip"


def _file_name(folder, title, field_file, taken):
    extension = os.path.splitext(field_file.name)[1]
    base = title if title.lower().endswith(extension.lower()) else f"{title}{extension}"
    name = f"{folder}/{get_valid_filename(base) or 'document'}"
    stem, ext = os.path.splitext(name)
    number = 2
    while name in taken:
        name, number = f"{stem}-{number}{ext}", number + 1
    taken.add(name)
    return name


def build_archive(candidate):
    """The zip (bytes): the HTML summary, the JSON, then the documents under their folders."""
    sections = privacy.sections(candidate)
    files, taken, missing = [], set(), []
    for folder, title, field_file in privacy.documents(candidate):
        name = _file_name(folder, title, field_file, taken)
        try:
            with field_file.open("rb") as handle:
                files.append((name, handle.read()))
        except (FileNotFoundError, ValueError):
            missing.append(name)
    summary = render_to_string(
        "recruitment/privacy/summary.html",
        {
            "candidate": candidate,
            "sections": sections,
            "files": [name for name, _content in files],
            "missing": missing,
            "generated_at": timezone.localtime(),
        },
    )
    data = privacy.personal_data(candidate, sections)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(SUMMARY_NAME, summary)
        archive.writestr(JSON_NAME, json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        for name, content in files:
            archive.writestr(name, content)
    return buffer.getvalue()
