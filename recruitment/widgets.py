"""Widgets of the dossier form: signature pad, job tree, city autocomplete, private file input."""

from itertools import groupby

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class SignaturePadWidget(forms.HiddenInput):
    """A canvas the candidate signs on (mouse, finger, stylus); the PNG data URL goes into the hidden input."""

    class Media:
        js = ["js/recruitment/signature.js"]
        css = {"all": ["css/recruitment.css"]}

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {}), "data-signature-input": ""}
        hidden = super().render(name, "", attrs, renderer)
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


class JobTreeWidget(forms.CheckboxSelectMultiple):
    """Job families as closable <details>, each with its jobs as checkboxes."""

    class Media:
        css = {"all": ["css/recruitment.css"]}

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in (value or [])}
        jobs = list(self.choices.queryset.select_related("family").order_by("family__order", "family__name", "order"))
        base_id = (attrs or {}).get("id", name)
        blocks = []
        for family, members in groupby(jobs, key=lambda job: job.family):
            members = list(members)
            has_selected = any(str(job.pk) in selected for job in members)
            boxes = format_html_join(
                "",
                '<li><label><input type="checkbox" name="{}" value="{}" id="{}_{}"{}> {}</label></li>',
                (
                    (name, job.pk, base_id, job.pk, mark_safe(" checked") if str(job.pk) in selected else "", job.name)
                    for job in members
                ),
            )
            blocks.append(
                format_html(
                    '<details class="job-tree__family"{}><summary>{}</summary><ul class="job-tree__jobs">{}</ul>'
                    "</details>",
                    mark_safe(" open") if has_selected else "",
                    family.name,
                    boxes,
                )
            )
        return format_html('<div class="job-tree" id="{}">{}</div>', base_id, mark_safe("".join(blocks)))


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


class PrivateFileInput(forms.ClearableFileInput):
    """File input that never shows the storage URL: the current file links to the permission-checked view."""

    template_name = "recruitment/widgets/private_file_input.html"
    download_url = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["download_url"] = self.download_url
        context["widget"]["filename"] = getattr(value, "name", "").rsplit("/", 1)[-1] if value else ""
        return context
