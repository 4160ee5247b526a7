"""Spreadsheet exports ready for a French spreadsheet: one place for every CSV/XLSX of the site.

- CSV: UTF-8 with a BOM (Excel reads the accents) and `;` as separator (a French Excel splits the
  columns), values as shown on screen: Oui/Non, choice labels, local dates `dd/mm/yyyy` and times
  `dd/mm/yyyy HH:MM` (Europe/Paris), decimals with a comma, nothing for an empty value.
- XLSX: real dates and numbers, but local naive date-times (Excel has no time zone) shown in the
  same French format.
- Headings: the `export_headings` override, else the field's verbose name; never a field name.

Wagtail's listings get it through `FrenchExportMixin`, which `portal.viewsets` mixes into the index
view of every `ScopedModelViewSet` and `ExportModelViewSet`. Hand-written exports call
`csv_response(filename, headings, rows)` and `xlsx_response(filename, sheets)`.
"""

import csv
import datetime
import decimal
import io
from collections import OrderedDict

from django.contrib.admin.utils import label_for_field
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.text import capfirst
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.coreutils import multigetattr

BOM = "\ufeff"
DELIMITER = ";"
DATE_FORMAT = "%d/%m/%Y"
DATETIME_FORMAT = "%d/%m/%Y %H:%M"
XLSX_DATE_FORMAT = "dd/mm/yyyy"
XLSX_DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
PK_HEADING = "N°"


def local_datetime(value):
    """An aware date-time as the naive local (Europe/Paris) one the screens show."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None, microsecond=0)


def cell_value(value):
    """A value for an XLSX cell: local naive date-times, Oui/Non, text for everything not native."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, datetime.datetime):
        return local_datetime(value)
    if isinstance(value, (datetime.date, datetime.time, int, float, decimal.Decimal, str)):
        return value
    return cell_text(value)


def cell_text(value):
    """A value for a CSV cell, written as the screens show it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, datetime.datetime):
        return local_datetime(value).strftime(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, (float, decimal.Decimal)):
        return str(value).replace(".", ",")
    if isinstance(value, models.Manager):
        value = list(value.all())
    if isinstance(value, (list, tuple, set, models.QuerySet)):
        return ", ".join(cell_text(item) for item in value)
    return force_str(value)


class _Echo:
    def write(self, value):
        return value.encode("utf-8")


def csv_rows(headings, rows):
    """Encoded CSV lines (the first one with the BOM) of a heading row and value rows."""
    writer = csv.writer(_Echo(), delimiter=DELIMITER)
    yield BOM.encode("utf-8") + writer.writerow([force_str(h) for h in headings])
    for row in rows:
        yield writer.writerow([cell_text(value) for value in row])


def csv_response(filename, headings, rows):
    """A downloadable CSV (`filename` without extension) of hand-built rows."""
    response = HttpResponse(b"".join(csv_rows(headings, rows)), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_cells(worksheet, values):
    """Write-only cells of one row: native dates and numbers, text never read as a formula."""
    for value in values:
        cell = WriteOnlyCell(worksheet, cell_value(value))
        if cell.data_type == "f":
            cell.data_type = "s"
        if isinstance(value, datetime.datetime):
            cell.number_format = XLSX_DATETIME_FORMAT
        elif isinstance(value, datetime.date):
            cell.number_format = XLSX_DATE_FORMAT
        yield cell


def xlsx_response(filename, sheets):
    """A downloadable workbook (`filename` without extension) of hand-built sheets:
    [(sheet title, headings, value rows)], the headings in bold."""
    workbook = Workbook(write_only=True)
    for title, headings, rows in sheets:
        worksheet = workbook.create_sheet(title[:31])
        heading_cells = list(xlsx_cells(worksheet, [force_str(h) for h in headings]))
        for cell in heading_cells:
            cell.font = Font(bold=True)
        worksheet.append(heading_cells)
        for row in rows:
            worksheet.append(list(xlsx_cells(worksheet, row)))
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def _display(item, accessor):
    """The value of `accessor` on `item`, with a choice field's label rather than its code."""
    owner_path, _dot, name = accessor.rpartition(".")
    owner = multigetattr(item, owner_path) if owner_path else item
    if isinstance(owner, models.Model):
        try:
            field = owner._meta.get_field(name)
        except FieldDoesNotExist:
            field = None
        if field is not None and field.choices and not field.is_relation:
            return getattr(owner, f"get_{field.attname}_display")()
    return multigetattr(item, accessor)


class FrenchExportMixin(SpreadsheetExportMixin):
    """Mixed into the index views of the extranet (see `portal.viewsets`)."""

    def to_row_dict(self, item):
        return OrderedDict((field, _display(item, field)) for field in self.list_export)

    def get_heading(self, queryset, field):
        override = self.export_headings.get(field)
        if override:
            return force_str(override)
        if field == "pk":
            return PK_HEADING
        try:
            return capfirst(force_str(label_for_field(field, queryset.model)))
        except (AttributeError, FieldDoesNotExist):
            # A method or property without a verbose name: say it in words at least.
            return capfirst(field.replace("_", " "))

    def preprocess_field_value(self, field, value, export_format):
        custom = self.custom_field_preprocess.get(field, {})
        if export_format in custom:
            return custom[export_format](value)
        return cell_text(value) if export_format == self.FORMAT_CSV else cell_value(value)

    def stream_csv(self, queryset):
        yield from csv_rows(
            [self.get_heading(queryset, field) for field in self.list_export],
            (
                [self.preprocess_field_value(field, value, self.FORMAT_CSV) for field, value in row.items()]
                for row in map(self.to_row_dict, queryset)
            ),
        )

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(self.stream_csv(queryset), content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for field, value in row_dict.items():
            cell = WriteOnlyCell(worksheet, self.preprocess_field_value(field, value, self.FORMAT_XLSX))
            if cell.data_type == "f":
                cell.data_type = "s"  # never a formula
            if isinstance(value, datetime.datetime):
                cell.number_format = XLSX_DATETIME_FORMAT
            elif isinstance(value, datetime.date):
                cell.number_format = XLSX_DATE_FORMAT
            yield cell


def with_french_export(view_class):
    """`view_class` exporting the French way (unchanged if it exports nothing or already does)."""
    if not issubclass(view_class, SpreadsheetExportMixin) or issubclass(view_class, FrenchExportMixin):
        return view_class
    return type(view_class.__name__, (FrenchExportMixin, view_class), {})
