"""The right of access: one zip a person can read, with a French HTML summary of everything held on them
(self-contained) and every document file byte for byte."""

import io
import json
import re
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from portal.accounts.roles import Role
from recruitment.models import DossierAccess, InternalDocument
from tests.commission.factories import AnalysisFactory
from tests.portal.factories import UserFactory
from tests.sar.factories import FollowUpSheetFactory

from .factories import CandidateFactory, partner_with_adviser

INTERNAL_BYTES = b"%PDF-1.4\n% test interne\n%%EOF\n"


@pytest.fixture
def dossier():
    org, adviser = partner_with_adviser()
    candidate = CandidateFactory(
        organisation=org,
        organisation_contact=adviser,
        last_name="Martin",
        first_name="Éloïse",
        email="eloise.martin@exemple.test",
        situation_note="Disponible dès janvier",
        with_consent=True,
        with_cv=True,
    )
    InternalDocument.objects.create(
        candidate=candidate, doc_type="TC", file=ContentFile(INTERNAL_BYTES, name="test.pdf")
    )
    return candidate


def archive_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment")
    return zipfile.ZipFile(io.BytesIO(response.content))


@pytest.mark.django_db
class TestArchive:
    def test_summary_in_french_with_every_part_and_the_documents_byte_for_byte(self, client, dossier):
        FollowUpSheetFactory(candidate=dossier, company__name="Société Exemple Numérique", comment="Entretien RH prévu")
        AnalysisFactory(candidate=dossier, completed=True)
        admin = UserFactory(roles=[Role.ADMINISTRATOR])
        client.force_login(admin)
        client.get(reverse("recruitment_dossiers:edit", args=[dossier.pk]))  # an outside access, listed too
        with archive_of(client.get(reverse("recruitment:personal_data", args=[dossier.pk]))) as archive:
            names = archive.namelist()
            html = archive.read("synthese.html").decode()
            data = json.loads(archive.read("donnees.json"))
            stored = {name: archive.read(name) for name in names if name.startswith(("documents", "consentement"))}
        assert '<html lang="fr">' in html
        for expected in ("MARTIN", "Éloïse", "eloise.martin@exemple.test", "Disponible dès janvier", "Consentement",
                         "Société Exemple Numérique", "Entretien RH prévu", "Commission", "NOTE INTERNE",
                         "Historique du dossier", "Consultations par des personnes extérieures"):  # fmt: skip
            assert expected in html, expected
        # Readable offline: no script, no stylesheet or image fetched from anywhere.
        assert not re.search(r"<script|<link|<img|src=|https?://", html)
        assert data["Identification"]["Nom"] == "MARTIN"
        cv = dossier.candidate_documents.get()
        internal = dossier.internal_documents.get()
        expected_files = [cv.file, internal.file, dossier.consent.file]
        assert sorted(stored.values()) == sorted(f.open("rb").read() for f in expected_files)
        assert len([n for n in names if n.startswith("documents/")]) == 1
        assert len([n for n in names if n.startswith("documents-internes/")]) == 1
        assert DossierAccess.objects.filter(candidate=dossier, action="export", user=admin).exists()

    def test_adviser_of_the_dossier_exports_it_other_partners_do_not(self, client, dossier):
        client.force_login(dossier.organisation_contact)
        with archive_of(client.get(reverse("recruitment:personal_data", args=[dossier.pk]))) as archive:
            assert "MARTIN" in archive.read("synthese.html").decode()
        _org, other = partner_with_adviser()
        client.force_login(other)
        assert client.get(reverse("recruitment:personal_data", args=[dossier.pk])).status_code == 404
