"""Widgets of the dossier form and search: signature pad, job tree, selects and checkboxes rendered from plain
data, city autocomplete, private file input."""

import base64
import binascii
import re
from itertools import groupby

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

MAX_SIGNATURE_BYTES = 1024 * 1024
PNG_DATA_URL = re.compile(r"data:image/png;base64,[A-Za-z0-9+/]+={0,2}")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
FILES_LOST = "Les fichiers choisis doivent être sélectionnés à nouveau."


def png_data_url_or_empty(value):
    """`value` if it is a PNG data URL of bounded size (safe to send back to the page), else ""."""
    if not isinstance(value, str) or len(value) > MAX_SIGNATURE_BYTES * 4 // 3 + 64:
        return ""
    if not PNG_DATA_URL.fullmatch(value):
        return ""
    try:
        head = base64.b64decode(value.split(",", 1)[1][:12], validate=True)
    except (binascii.Error, ValueError):
        return ""
    return value if head.startswith(PNG_MAGIC) else ""


class SignaturePadWidget(forms.HiddenInput):
    """A canvas the candidate signs on (mouse, finger, stylus); the PNG data URL goes into the hidden input.

    After a form error the submitted drawing is sent back (only if it is a PNG data URL) and redrawn by the JS.
    """

    class Media:
        js = ["js/recruitment/signature.js"]
        css = {"all": ["css/recruitment.css"]}

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {}), "data-signature-input": ""}
        hidden = super().render(name, png_data_url_or_empty(value), attrs, renderer)
        input_id = attrs.get("id", name)
        return format_html(
            '<div class="signature-pad" data-signature-pad="{}">'
            '<canvas width="600" height="200" class="signature-pad__canvas" '
            'aria-label="Zone de signature du candidat" role="img"></canvas>'
            '<p class="signature-pad__actions"><button type="button" class="button button-small button-secondary" '
            "data-signature-clear>Effacer la signature</button> "
            '<span class="signature-pad__state" data-signature-state>Pas encore signé.</span></p>{}</div>',
            input_id,
            hidden,
        )


def _job_groups(choices):
    """[(family, [(value, label), ...]), ...] from the widget's choices: grouped plain data (the dossier form's
    cached lists, `recruitment.choices.job_groups`) or a model field's iterator (read with their family)."""
    queryset = getattr(choices, "queryset", None)
    if queryset is None:
        return [(family, list(members)) for family, members in choices if isinstance(members, list | tuple)]
    jobs = queryset.select_related("family").order_by("family__order", "family__name", "order")
    return [
        (family.name, [(job.pk, job.name) for job in members]) for family, members in groupby(jobs, lambda j: j.family)
    ]


class JobTreeWidget(forms.CheckboxSelectMultiple):
    """Job families as closable <details>, each with its jobs as checkboxes."""

    class Media:
        css = {"all": ["css/recruitment.css"]}

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in (value or [])}
        base_id = (attrs or {}).get("id", name)
        blocks = []
        for family, members in _job_groups(self.choices):
            has_selected = any(str(pk) in selected for pk, _label in members)
            boxes = format_html_join(
                "",
                '<li><label><input type="checkbox" name="{}" value="{}" id="{}_{}"{}> {}</label></li>',
                (
                    (name, pk, base_id, pk, mark_safe(" checked") if str(pk) in selected else "", label)
                    for pk, label in members
                ),
            )
            blocks.append(
                format_html(
                    '<details class="job-tree__family"{}><summary>{}</summary><ul class="job-tree__jobs">{}</ul>'
                    "</details>",
                    mark_safe(" open") if has_selected else "",
                    family,
                    boxes,
                )
            )
        return format_html('<div class="job-tree" id="{}">{}</div>', base_id, mark_safe("".join(blocks)))


def _flat(choices):
    for value, label in choices:
        if isinstance(label, list | tuple):
            yield from label
        else:
            yield value, label


class Select(forms.Select):
    """Django's select rendered in one pass from plain choices (no template per option). Same class name as
    Django's: Wagtail styles a field by its widget's class name."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (v, mark_safe(" selected") if str(v) in selected else "", label)
                for v, label in _flat(self.choices)
                if v is not None
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final), options)


class CheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Django's checkboxes (same markup, same class name for Wagtail's styles) rendered in one pass from
    plain choices: a template per option is most of the time of a filter form."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in (value or [])}
        base_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        boxes = format_html_join(
            "",
            '<div><label for="{}_{}"><input type="checkbox" name="{}" value="{}" id="{}_{}"{}> {}</label></div>',
            (
                (base_id, i, name, v, base_id, i, mark_safe(" checked") if str(v) in selected else "", label)
                for i, (v, label) in enumerate(_flat(self.choices))
            ),
        )
        return format_html('<div id="{}">{}</div>', base_id, boxes)


class CityInput(forms.TextInput):
    """A text input completed from the cities already entered (scoped JSON endpoint + <datalist>)."""

    class Media:
        js = ["js/recruitment/dossier-form.js"]

    def __init__(self, url="", attrs=None):
        super().__init__({"autocomplete": "off", **(attrs or {})})
        self.url = url

    def render(self, name, value, attrs=None, renderer=None):
        list_id = f"{(attrs or {}).get('id', name)}-list"
        attrs = {**(attrs or {}), "list": list_id, "data-city-autocomplete": str(self.url)}
        return format_html('{}<datalist id="{}"></datalist>', super().render(name, value, attrs, renderer), list_id)


class ReselectFileInput(forms.ClearableFileInput):
    """A file input that, once the form came back with an error, says the chosen file must be chosen again."""

    template_name = "recruitment/widgets/private_file_input.html"
    files_lost = False

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        # A bound form is only shown again after an error, and the browser cannot be given the file back.
        self.files_lost = bool(files.get(name))
        return value

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["files_lost"] = self.files_lost
        context["widget"]["files_lost_message"] = FILES_LOST
        return context


class PrivateFileInput(ReselectFileInput):
    """File input that never shows the storage URL: the current file links to the permission-checked view."""

    download_url = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["download_url"] = self.download_url
        context["widget"]["filename"] = getattr(value, "name", "").rsplit("/", 1)[-1] if value else ""
        return context
