"""Exports ready for a French spreadsheet: BOM, `;`, Oui/Non, local times as on screen, French headings."""

import csv
import datetime
import decimal
import io

import openpyxl
import pytest
from django.urls import reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

from directory.models import OrganisationSheet
from membership.enums import ApplicationState
from membership.models import AccountRequest, MembershipApplication
from portal.exports import FrenchExportMixin, cell_text, cell_value
from recruitment.models import Candidate
from recruitment.sar.models import FollowUpSheet, TrainingNeed
from tests.commission.factories import pilot
from tests.membership.factories import MembershipApplicationFactory
from tests.portal.factories import UserFactory
from tests.recruitment.factories import CandidateFactory, partner_with_adviser
from tests.sar.conftest import login
from tests.sar.factories import FollowUpSheetFactory, company_with_recruiters

pytestmark = pytest.mark.django_db
BOM = b"\xef\xbb\xbf"
# 23:30 UTC on 14 January is 00:30 on the 15th in Paris (winter, UTC+1): a UTC export shows the 14th.
NEAR_MIDNIGHT_UTC = datetime.datetime(2026, 1, 14, 23, 30, 12, 345678, tzinfo=datetime.UTC)
LOCAL_TEXT = "15/01/2026 00:30"
LOCAL_NAIVE = datetime.datetime(2026, 1, 15, 0, 30, 12)


def csv_export(client, url):
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(BOM)
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def xlsx_export(client, url):
    response = client.get(url, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows())
    headings = [cell.value for cell in rows[0]]
    return [dict(zip(headings, row, strict=True)) for row in rows[1:]]


class TestDossierExport:
    URL = "recruitment_dossiers:index"

    @pytest.fixture
    def adviser(self, client):
        organisation, adviser = partner_with_adviser()
        candidate = CandidateFactory(organisation=organisation, civility="Mme", last_name="DURAND", with_consent=True)
        Candidate.objects.filter(pk=candidate.pk).update(updated_at=NEAR_MIDNIGHT_UTC)
        client.force_login(adviser)
        return adviser

    def test_csv_reads_in_a_french_spreadsheet(self, client, adviser):
        [row] = csv_export(client, reverse(self.URL))
        assert row["Civilité"] == "Madame"
        assert row["Nom"] == "DURAND"
        assert row["Consentement recueilli"] == "Oui"
        assert row["Modifié le"] == LOCAL_TEXT
        assert row["Identifiant Pôle Emploi (France Travail)"] == ""
        assert "pk" not in row and "N° de dossier" in row

    def test_csv_time_is_the_one_the_listing_shows(self, client, adviser):
        assert LOCAL_TEXT in client.get(reverse(self.URL)).content.decode()  # the short screen format

    def test_xlsx_has_the_local_time(self, client, adviser):
        [row] = xlsx_export(client, reverse(self.URL))
        assert row["Modifié le"].value == LOCAL_NAIVE
        assert row["Modifié le"].number_format == "dd/mm/yyyy hh:mm"
        assert row["Consentement recueilli"].value == "Oui"
        assert row["Civilité"].value == "Madame"


class TestPortfolioExport:
    URL = "sar_sheets:index"

    @pytest.fixture
    def sheet(self, client):
        _company, [recruiter] = company_with_recruiters()
        sheet = FollowUpSheetFactory(
            company=recruiter.organisation, created_by=recruiter, due_on=datetime.date(2026, 3, 1)
        )
        FollowUpSheet.objects.filter(pk=sheet.pk).update(created_at=NEAR_MIDNIGHT_UTC)
        login(client, recruiter)
        return sheet

    def test_csv(self, client, sheet):
        [row] = csv_export(client, reverse(self.URL))
        assert row["Créé le"] == LOCAL_TEXT
        assert row["Non réponse"] == "Non"
        assert row["Date d'échéance"] == "01/03/2026"
        assert row["Candidat"] == str(sheet.candidate)
        assert "pk" not in row and "N° de fiche" in row

    def test_listing_shows_the_same_time(self, client, sheet):
        assert LOCAL_TEXT in client.get(reverse(self.URL)).content.decode()  # the short screen format

    def test_xlsx(self, client, sheet):
        [row] = xlsx_export(client, reverse(self.URL))
        assert row["Créé le"].value == LOCAL_NAIVE
        assert row["Date d'échéance"].value == datetime.date(2026, 3, 1)
        assert row["Date d'échéance"].number_format == "dd/mm/yyyy"
        assert row["Non réponse"].value == "Non"


class TestMembershipApplicationExport:
    URL = "membership_applications:index"

    def test_csv_and_xlsx(self, client):
        MembershipApplicationFactory(
            accepted=True,
            organisation_name="Société Générale d'Études",
            expected_fee=384,
            submitted_at=NEAR_MIDNIGHT_UTC,
            decided_at=None,
        )
        client.force_login(UserFactory(administrator=True))
        [row] = csv_export(client, reverse(self.URL))
        assert row["Raison sociale"] == "Société Générale d'Études"
        assert row["État"] == ApplicationState.ACCEPTED.label
        assert row["Transmise le"] == LOCAL_TEXT
        assert row["Cotisation attendue (€)"] == "384"
        assert row["Décidée le"] == ""
        [cells] = xlsx_export(client, reverse(self.URL))
        assert cells["Transmise le"].value == LOCAL_NAIVE
        assert cells["Cotisation attendue (€)"].value == 384


@pytest.mark.parametrize(
    "value, text",
    [
        (None, ""),
        (True, "Oui"),
        (False, "Non"),
        (datetime.date(2026, 7, 3), "03/07/2026"),
        # summer time: UTC+2
        (datetime.datetime(2026, 7, 3, 22, 5, 59, tzinfo=datetime.UTC), "04/07/2026 00:05"),
        (decimal.Decimal("12.50"), "12,50"),
        (0, "0"),
        (["a", "b"], "a, b"),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_cell_value_is_local_and_naive():
    assert cell_value(datetime.datetime(2026, 7, 3, 22, 5, tzinfo=datetime.UTC)) == datetime.datetime(2026, 7, 4, 0, 5)
    assert cell_value(None) == "" and cell_value(True) == "Oui"


def test_statistics_csv(client):
    client.force_login(pilot())
    response = client.get(reverse("commission:statistics"), {"format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(BOM)
    reader = csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    headings = next(reader)
    assert headings[:3] == ["Territoire", "Dossiers reçus", "Dossiers examinés"]
    assert [row[0] for row in reader][-1] == "Total"


def export_views():
    """(viewset, index view instance) of every registered listing that offers an export."""
    reverse("wagtailadmin_home")  # the admin URLs populate the viewset registry
    for viewset in viewsets.viewsets:
        if isinstance(viewset, ModelViewSet):
            function = viewset.index_view
            view = function.view_class(**function.view_initkwargs)
            if view.list_export:
                yield viewset, view


def test_every_extranet_export_is_french():
    found = list(export_views())
    models = {viewset.model for viewset, _view in found}
    assert {Candidate, FollowUpSheet, TrainingNeed, OrganisationSheet, MembershipApplication, AccountRequest} <= models
    for viewset, view in found:
        assert isinstance(view, FrenchExportMixin), viewset.url_namespace
        queryset = viewset.model.objects.none()
        for field in view.list_export:
            heading = view.get_heading(queryset, field)
            assert heading != field and "_" not in heading, (viewset.url_namespace, field, heading)
