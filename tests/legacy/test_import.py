"""Import from the old portal: the sample files, the counts reported, idempotency, refusals, the dry run."""

import csv
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from legacy.columns import DOSSIERS, ENTITIES, MEMBERS, ORGANISATIONS
from legacy.sample_data import EXPECTED
from portal.accounts.models import User
from portal.organisations.models import Organisation
from recruitment import choices as reference_choices
from recruitment.enums import Classification
from recruitment.models import Candidate, CandidateDocument, Consent, InternalDocument
from recruitment.models.log import DossierLogEntry

from .factories import administrator, import_samples, samples

pytestmark = pytest.mark.django_db


def counts():
    return {
        "organisations": Organisation.objects.count(),
        "users": User.objects.count(),
        "dossiers": Candidate.objects.count(),
        "consents": Consent.objects.count(),
        "documents": CandidateDocument.objects.count() + InternalDocument.objects.count(),
    }


def reported(report):
    return {entity.key: report.counts(entity) for entity in ENTITIES}


@pytest.fixture
def folder(tmp_path):
    return samples(tmp_path / "ancien-portail")


@pytest.fixture
def admin():
    return administrator()


class TestEmptyDatabase:
    @pytest.mark.parametrize("fmt", ["csv", "xlsx"])
    def test_the_samples_give_the_reported_counts(self, folder, admin, fmt):
        before = counts()
        report = import_samples(folder, admin, fmt=fmt)
        assert reported(report) == EXPECTED
        after = counts()
        assert after["organisations"] - before["organisations"] == EXPECTED["organisations"]["created"] == 5
        assert after["users"] - before["users"] == EXPECTED["members"]["created"] == 4
        assert after["dossiers"] - before["dossiers"] == EXPECTED["dossiers"]["created"] == 6
        assert after["consents"] - before["consents"] == 4
        assert after["documents"] - before["documents"] == 5

    def test_what_the_dossiers_carry(self, folder, admin):
        import_samples(folder, admin, documents="documents.zip")
        ysaline = Candidate.objects.get(identifier_key="8800001z")
        assert (ysaline.classification, ysaline.classified_on.isoformat()) == (Classification.EMPLOYABLE, "2024-03-15")
        assert ysaline.status.name == "Classé" and ysaline.has_consent and ysaline.consent.method == "scan"
        assert sorted(ysaline.candidate_documents.values_list("doc_type", "title")) == [
            ("CV", "CV-1-KERDRAON-Ysaline-8800001Z.pdf"),
            ("LM", "LM-1-KERDRAON-Ysaline-8800001Z.pdf"),
        ]
        assert ysaline.organisation.name == "Mission locale des Trois Vallées"
        assert ysaline.organisation_contact.username == "ancien.quernec"
        gaetan = Candidate.objects.get(last_name="PRIGENT")
        assert gaetan.consent.method == "signature" and gaetan.status.name == "Dossier complet à étudier"
        assert gaetan.caf_number == "7700123" and [c.name for c in gaetan.contexts.all()] == [
            "Jeune de moins de 26 ans"
        ]
        nolwenn = Candidate.objects.get(last_name="GOASDOUÉ")
        assert nolwenn.classification == Classification.DISMISSED
        assert "Pas ou plus d'intérêt pour les métiers du numérique" in nolwenn.status_note
        corentin = Candidate.objects.get(last_name="PLOUZANÉ")
        assert list(corentin.internal_documents.values_list("doc_type", flat=True)) == ["TC"]
        member = User.objects.get(username="ancien.quernec")
        assert not member.has_usable_password() and member.organisation.name == "Mission locale des Trois Vallées"
        assert sorted(member.groups.values_list("role_key__role", flat=True)) == [
            "Référent Emploi",
            "Référent de l'organisme",
        ]
        company = Organisation.objects.get(name="Octet & Pixel SARL")
        assert company.affiliation.name == "Fédération Numérique du Rhin" and company.headcount == 15
        assert sorted(company.establishment_departments.values_list("code", flat=True)) == ["67", "68"]
        assert ModelLogEntry.objects.filter(action="wagtail.create", user=admin).count() == 5 + 4
        assert DossierLogEntry.objects.filter(action="wagtail.create", user=admin).count() == 6


class TestSecondImport:
    def test_it_changes_nothing_and_says_so(self, folder, admin):
        import_samples(folder, admin)
        before = counts()
        stamps = dict(Candidate.objects.values_list("pk", "updated_at"))
        again = import_samples(folder, admin, fmt="xlsx", documents="documents.zip")
        assert {key: (c["created"], c["updated"]) for key, c in reported(again).items()} == {
            "organisations": (0, 0),
            "members": (0, 0),
            "dossiers": (0, 0),
        }
        assert [reported(again)[key]["unchanged"] for key in ("organisations", "members", "dossiers")] == [5, 4, 6]
        assert "Aucune modification : les données sont déjà à jour." in again.text(ENTITIES)
        assert counts() == before
        assert dict(Candidate.objects.values_list("pk", "updated_at")) == stamps

    def test_a_changed_row_updates_its_dossier_and_names_the_field(self, folder, admin, tmp_path):
        import_samples(folder, admin)
        path = folder / "csv" / "dossiers.csv"
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
        phone = rows[0].index("Téléphone")
        rows[1][phone] = "06 39 98 10 99"
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows(rows)
        report = import_samples(folder, admin)
        assert report.counts(DOSSIERS)["updated"] == 1
        (updated,) = [row for row in report.rows if row.outcome == "updated"]
        assert (updated.line, updated.reasons) == (2, ["Modifié : « Téléphone »"])
        assert Candidate.objects.get(identifier_key="8800001z").phone == "06 39 98 10 99"


REFUSALS = [
    ("organismes.csv", 7, "Valeur inconnue pour « Catégorie d'organisme » : « Partenaire de loisirs »."),
    ("organismes.csv", 8, "Champ obligatoire manquant : « Raison sociale »."),
    ("membres.csv", 6, "Valeur inconnue pour « Rôles » : « Super-utilisateur »."),
    ("membres.csv", 7, "Valeur inconnue pour « Organisme » : « Société Fantôme »."),
    ("membres.csv", 8, "Cette adresse de courriel est déjà utilisée."),
    ("dossiers.csv", 8, "Un dossier existe peut-être déjà pour ce candidat : KERDRAON Ysaline."),
    ("dossiers.csv", 9, "Valeur inconnue pour « Canal de candidature » : « Salon de l'emploi 2018 »."),
    ("dossiers.csv", 10, "Champ obligatoire manquant : « Ville »."),
    ("dossiers.csv", 11, "Document introuvable : « CV-1-LE-MOIGN-Ewen.pdf » (colonne « CV du candidat »)."),
    ("dossiers.csv", 12, "Le consentement du candidat n'est pas recueilli"),
]


class TestRefusals:
    def test_each_broken_row_is_refused_with_its_line_and_french_reason(self, folder, admin):
        report = import_samples(folder, admin)
        refused = {(row.file, row.line): " ".join(row.reasons) for row in report.rows if row.outcome == "refused"}
        assert sorted(refused) == sorted((file, line) for file, line, _reason in REFUSALS)
        for file, line, reason in REFUSALS:
            assert reason in refused[(file, line)]
        assert "dossiers.csv, ligne 10 (dossier « RIOU Enora ») : refusé — Champ obligatoire manquant" in report.text(
            ENTITIES
        )

    def test_a_refused_dossier_leaves_nothing_behind(self, folder, admin):
        import_samples(folder, admin)
        assert not Candidate.objects.filter(
            last_name__in=["KERDRAON-LE BIHAN", "QUÉMÉNER", "RIOU", "LE MOIGN"]
        ).exists()
        assert not Candidate.objects.filter(last_name="TANGUY").exists()

    def test_a_dossier_of_another_partner_is_a_possible_duplicate(self, folder, admin):
        """The same identity followed by another organisation is never merged: the commission decides."""
        import_samples(folder, admin)
        ysaline = Candidate.objects.get(identifier_key="8800001z")
        ysaline.organisation = Organisation.objects.get(name="Agence Emploi Vosges Horizon")
        ysaline.organisation_contact = User.objects.get(username="ancien.talmont")
        ysaline.save()
        report = import_samples(folder, admin)
        (row,) = [r for r in report.rows if r.file == "dossiers.csv" and r.line == 2]
        assert row.outcome == "refused" and "Un dossier existe peut-être déjà" in row.reasons[0]

    def test_a_file_without_a_mandatory_column_is_refused_whole(self, folder, admin, tmp_path):
        path = folder / "csv" / "membres.csv"
        text = path.read_text(encoding="utf-8-sig").replace("Nom d'utilisateur;", "Identifiant interne;", 1)
        path.write_text(text, encoding="utf-8-sig")
        report = import_samples(folder, admin)
        assert report.counts(MEMBERS) == {"created": 0, "updated": 0, "unchanged": 0, "refused": 0}
        assert any(p.startswith("membres.csv : Type de fichier non reconnu") for p in report.problems)


class TestDryRun:
    def test_it_reports_what_a_real_run_does_and_writes_nothing(self, folder, admin, settings):
        before = counts()
        report = import_samples(folder, admin, dry_run=True)
        assert reported(report) == EXPECTED
        assert counts() == before
        assert not ModelLogEntry.objects.exists() and not DossierLogEntry.objects.exists()
        private = settings.STORAGES["private"]["OPTIONS"]["location"]
        assert not [path for path in Path(private).rglob("*") if path.is_file()]
        assert "dossiers.csv, ligne 2 (dossier « KERDRAON Ysaline ») : serait créé" in report.text(ENTITIES)
        assert "Simulation : rien n'a été enregistré." in report.text(ENTITIES)

    def test_no_organisation_of_a_dry_run_stays_in_the_cached_lists(self, folder, admin):
        import_samples(folder, admin, dry_run=True)
        assert cache.get(reference_choices.CACHE_KEY) is None


class TestCommand:
    def test_dry_run_then_import(self, folder, admin, capsys):
        call_command(
            "import_legacy",
            str(folder / "xlsx"),
            documents=str(folder / "documents.zip"),
            dry_run=True,
            user=admin.username,
        )
        assert Candidate.objects.count() == 0
        call_command(
            "import_legacy", str(folder / "xlsx"), documents=str(folder / "documents.zip"), user=admin.username
        )
        out = capsys.readouterr().out
        assert "Dossiers de candidature : 6 créés, 0 mis à jour, 0 inchangé, 5 refusés." in out
        assert "Dossiers de candidature : 6 à créer, 0 à mettre à jour, 0 inchangé, 5 refusés." in out
        assert Candidate.objects.count() == 6

    def test_a_user_without_the_permission_may_not_import(self, folder):
        adviser = administrator(username="pas.admin")
        adviser.groups.clear()
        with pytest.raises(Exception, match="Seuls les administrateurs"):
            call_command("import_legacy", str(folder / "csv"), user=adviser.username)
        assert Organisation.objects.filter(name="Octet & Pixel SARL").count() == 0

    def test_seed_demo_writes_the_samples(self, tmp_path):
        call_command("seed_demo", export_legacy=str(tmp_path / "exemples"), verbosity=0)
        names = sorted(p.name for p in (tmp_path / "exemples").rglob("*") if p.is_file())
        assert {"organismes.csv", "membres.csv", "dossiers.csv", "organismes.xlsx", "documents.zip"} <= set(names)
        assert Organisation.objects.count() == 0  # files only, nothing seeded


def test_every_column_of_the_tables_has_a_distinct_key():
    for entity in (ORGANISATIONS, MEMBERS, DOSSIERS):
        keys = [column.key for column in entity.columns]
        assert len(keys) == len(set(keys))
