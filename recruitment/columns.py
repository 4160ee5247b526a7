"""Columns of the dossier search, each cell written in one pass (no template per cell: 50 rows of 9 columns
were most of the page's rendering time) and without the per-row "more" menu (its only entry was the link
the name already is)."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.admin.ui.tables import Column


def _td(column, html, *args):
    if column.classname:
        return format_html('<td class="{}">' + html + "</td>", column.classname, *args)
    return format_html("<td>" + html + "</td>", *args)


class TextColumn(Column):
    """A cell holding the text of the value ('' when empty)."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        return _td(self, "{}", "" if value is None else value)


class LinkColumn(Column):
    """The row's title: its text linked to the edit view named `url_name` (Wagtail's title cell, lighter)."""

    def __init__(self, name, url_name, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name = url_name

    def render_cell_html(self, instance, parent_context):
        return format_html(
            '<td class="title"><div class="title-wrapper"><a href="{}">{}</a></div></td>',
            reverse(self.url_name, args=[instance.pk]),
            self.get_value(instance),
        )


class AbbreviatedColumn(Column):
    """A long value (an organisation's name) cut to the column's width, whole in its tooltip."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        extra = f" {self.classname}" if self.classname else ""
        if not value:
            return format_html('<td class="dossier-col-abbreviated{}">—</td>', extra)
        return format_html(
            '<td class="dossier-col-abbreviated{}"><span class="dossier-abbreviated" title="{}">{}</span></td>',
            extra,
            value,
            value,
        )


RECORDED = mark_safe('<span class="w-status w-status--primary">Recueilli</span>')
NOT_RECORDED = mark_safe('<span class="w-status w-status--label dossier-no-consent">Non recueilli</span>')


class ConsentColumn(Column):
    def render_cell_html(self, instance, parent_context):
        return _td(self, "{}", RECORDED if instance.has_consent else NOT_RECORDED)


def updated_on(candidate):
    return formats.date_format(timezone.localtime(candidate.updated_at), "d/m/Y H:i")
