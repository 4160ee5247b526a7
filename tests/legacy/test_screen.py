"""The import screen: administrators only, files checked by content, the dry run shown before the confirmation."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.accounts.roles import Role
from portal.organisations.models import Organisation
from recruitment.models import Candidate
from tests.portal.factories import UserFactory

from .factories import administrator, samples

pytestmark = pytest.mark.django_db
URL = "/extranet/reprise-ancien-portail/"


def upload(folder, fmt="csv"):
    tables = [SimpleUploadedFile(p.name, p.read_bytes()) for p in sorted((folder / fmt).iterdir())]
    documents = [SimpleUploadedFile(p.name, p.read_bytes()) for p in sorted((folder / "documents").iterdir())]
    return {"tables": tables, "documents": documents}


@pytest.fixture
def folder(tmp_path):
    return samples(tmp_path / "ancien-portail")


def test_the_url_is_the_named_route():
    assert reverse("legacy_import") == URL


@pytest.mark.parametrize("role", [Role.EMPLOYMENT_ADVISER, Role.SESSION_PILOT, Role.EDITOR, Role.PRESIDENT])
def test_closed_to_non_administrators(client, folder, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(URL).status_code in (302, 403)
    response = client.post(URL, upload(folder))
    assert response.status_code in (302, 403)
    assert not Organisation.objects.filter(name="Octet & Pixel SARL").exists()


def test_the_menu_entry_is_the_administrators(client):
    client.force_login(UserFactory(roles=[Role.EMPLOYMENT_ADVISER]))
    assert URL not in client.get("/extranet/").content.decode()
    client.force_login(administrator())
    assert URL in client.get("/extranet/").content.decode()


def test_dry_run_then_confirmation(client, folder, settings):
    client.force_login(administrator())
    assert client.get(URL).status_code == 200
    response = client.post(URL, upload(folder, "xlsx"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Simulation : ce que l&#x27;import ferait" in page or "Simulation : ce que l'import ferait" in page
    assert "Dossiers de candidature : 6 à créer, 0 à mettre à jour, 0 inchangé, 5 refusés." in page
    assert "Document introuvable : « CV-1-LE-MOIGN-Ewen.pdf »" in page
    assert Candidate.objects.count() == 0 and not Organisation.objects.filter(name="Octet & Pixel SARL").exists()

    token = response.context["token"]
    response = client.post(URL, {"confirm": "1", "token": token})
    page = response.content.decode()
    assert "Dossiers de candidature : 6 créés, 0 mis à jour, 0 inchangé, 5 refusés." in page
    assert Candidate.objects.count() == 6
    assert Candidate.objects.get(last_name="KERDRAON").candidate_documents.count() == 2
    waiting = Path(settings.STORAGES["private"]["OPTIONS"]["location"]) / "reprise-ancien-portail"
    assert not [p for p in waiting.rglob("*") if p.is_file()]  # the files kept between the steps are gone

    response = client.post(URL, {"confirm": "1", "token": token})  # the same confirmation twice
    assert response.status_code == 400 and Candidate.objects.count() == 6


def test_files_are_checked_by_content(client):
    client.force_login(administrator())
    fake = SimpleUploadedFile("organismes.xlsx", b"Raison sociale;Categorie\nACME;Entreprise\n")
    response = client.post(URL, {"tables": [fake]})
    assert response.status_code == 200
    assert "en réalité au format texte brut" in response.content.decode()
    assert "token" not in response.context or not response.context.get("token")
    too_big = SimpleUploadedFile("organismes.csv", b"Raison sociale\n" + b"A" * (10 * 1024 * 1024 + 10))
    response = client.post(URL, {"tables": [too_big]})
    assert "dépasse la taille maximale de 10 Mo" in response.content.decode()
