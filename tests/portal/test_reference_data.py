"""The seeded reference lists: contents, business flags, idempotency of `load_reference`."""

import pytest
from django.core.management import call_command

from news.models import NewsCategory
from portal.organisations.models import Activity, EmploymentArea, OrganisationCategory
from recruitment.models import reference as ref
from tests.design_tables import SAR_TABLE

pytestmark = pytest.mark.django_db


ALL_MODELS = [
    EmploymentArea,
    OrganisationCategory,
    Activity,
    NewsCategory,
    *(getattr(ref, name) for name in ref.__all__),
]


class TestSarTable:
    def test_results_follow_the_design_table_row_by_row(self):
        rows = [
            (r.name, r.status.name, r.days_before_update)
            for r in ref.SarResult.objects.select_related("status").order_by("order")
        ]
        assert rows == SAR_TABLE

    def test_only_non_employable_requires_rejection_causes(self):
        codes = set(ref.SarResult.objects.filter(requires_rejection_causes=True).values_list("code", flat=True))
        assert codes == {"profil-non-employable"}

    def test_only_recruitment_requires_the_recruitment_section(self):
        codes = set(ref.SarResult.objects.filter(requires_recruitment=True).values_list("code", flat=True))
        assert codes == {"recrutement"}

    @pytest.mark.parametrize(
        ("code", "status"),
        [
            ("aucun-etude-en-cours", "etude-en-cours"),
            ("profil-non-retenu", "non-retenu"),
            ("profil-interessant-vivier", "candidat-en-vivier"),
            ("profil-vivier-formation", "candidat-en-vivier"),
            ("recrutement", "recrute-periode-essai"),
        ],
    )
    def test_stable_codes_of_the_quick_actions_and_recruitment(self, code, status):
        assert ref.SarResult.objects.get(code=code).status.code == status

    def test_recruitment_states_override_the_status(self):
        states = {s.code: s for s in ref.RecruitmentState.objects.select_related("sets_status")}
        assert states["recrutement-confirme"].sets_status.name == "Recruté"
        assert states["recrutement-confirme"].ends_follow_up
        for code in ("rupture-competences", "rupture-comportement", "rupture-contexte-economique"):
            assert states[code].sets_status.name == "Rupture contrat"
            assert states[code].ends_follow_up
        assert states["demission-candidat"].sets_status.name == "Rupture contrat"
        assert states["periode-essai"].sets_status is None
        assert not states["periode-essai"].ends_follow_up
        assert states["na"].sets_status is None

    def test_contract_types_and_end_dates(self):
        contracts = dict(ref.ContractType.objects.values_list("name", "requires_end_date"))
        assert contracts == {
            "CDD": True,
            "CDI": False,
            "Contrat de professionnalisation": True,
            "Contrat d'apprentissage": True,
        }

    def test_rejection_causes(self):
        assert ref.RejectionCause.objects.count() == 8
        assert ref.RejectionCause.objects.filter(name="Niveau de salaire trop élevé").exists()


class TestSkillsAndJobs:
    def test_twenty_eight_themes_and_at_least_300_skills(self):
        assert ref.SkillTheme.objects.count() == 28
        assert ref.Skill.objects.count() >= 300
        assert not ref.SkillTheme.objects.filter(skills__isnull=True).exists()

    def test_themes_of_the_manual(self):
        names = set(ref.SkillTheme.objects.values_list("name", flat=True))
        assert {"Dev - Langage", "Logiciel - ERP", "Tech - Réseau", "Méthodologies", "Data - ETL"} <= names

    def test_skill_belongs_to_its_theme(self):
        assert ref.Skill.objects.get(name="Python").theme.name == "Dev - Langage"
        assert ref.Skill.objects.get(name="Wordpress").theme.name == "Logiciel - CMS / E-commerce"

    def test_job_families_hold_the_digital_jobs(self):
        jobs = set(ref.Job.objects.values_list("name", flat=True))
        assert {"Développeur", "Technicien support", "Administrateur Système / Réseaux", "Chef de projet"} <= jobs
        assert {"Testeur"} <= jobs
        assert not ref.JobFamily.objects.filter(jobs__isnull=True).exists()

    def test_behaviour_referential(self):
        traits = {(t.category.name, t.name) for t in ref.BehaviourTrait.objects.select_related("category")}
        assert ("Communication", "Synthétique") in traits
        assert ("Relationnel", "Sympathique / Convivial") in traits
        assert ("Langues", "Anglais") in traits
        assert ref.BehaviourCategory.objects.count() == 5


class TestCandidateDossierLists:
    def test_situations_and_temporary_ones(self):
        assert ref.Situation.objects.count() == 11
        assert ref.Situation.objects.order_by("order").first().code == "en-recherche-emploi"
        temporary = set(ref.Situation.objects.filter(is_temporary=True).values_list("name", flat=True))
        assert {"CDD en structure d'insertion", "Formation hors action ADC NEGE", "Indisponibilité ponctuelle"} <= (
            temporary
        )
        assert "En recherche d'emploi" not in temporary

    def test_statuses_an_adviser_may_set(self):
        adviser = list(
            ref.DossierStatus.objects.filter(adviser_may_set=True).order_by("order").values_list("name", flat=True)
        )
        assert adviser == [
            "Constitution dossier",
            "Dossier complet à étudier",
            "Dossier à ré-étudier",
            "Candidature suspendue",
        ]
        assert ref.DossierStatus.objects.order_by("order").first().code == "constitution-dossier"
        assert ref.DossierStatus.objects.filter(adviser_may_set=False, name="Convoqué en commission").exists()

    def test_bands_and_levels(self):
        assert list(ref.StudyLevel.objects.values_list("name", flat=True)) == [
            "< Bac",
            "Bac non validé",
            "Bac",
            "Bac + 2",
            "Bac + 3",
            "Bac + 4",
            "Bac + 5",
            "> Bac+5",
        ]
        assert ref.ExperienceBand.objects.count() == 5
        assert ref.SalaryBand.objects.count() == 8
        assert ref.SalaryBand.objects.order_by("order").first().name == "< 20 k€"

    def test_training_courses_with_definitions(self):
        codes = list(ref.TrainingCourse.objects.values_list("code", flat=True))
        assert codes == ["apre1", "apre2", "apre3", "apre4", "apre5", "apre6", "fis", "fgc", "fgi", "itn"]
        assert "anglais technique" in ref.TrainingCourse.objects.get(code="apre6").definition
        assert str(ref.TrainingCourse.objects.get(code="fis")).startswith("FIS – ")

    def test_company_channel(self):
        assert ref.ApplicationChannel.objects.get(code="company").name == "Soumis par une entreprise"

    def test_mobility_lists(self):
        assert ref.MobilityZone.objects.count() == 6
        assert ref.MobilityFrequency.objects.order_by("order").first().name == "Non souhaitée"


class TestIdempotency:
    def test_running_twice_creates_nothing_more(self):
        before = {model: model.objects.count() for model in ALL_MODELS}
        call_command("load_reference", verbosity=0)
        call_command("load_reference", verbosity=0)
        assert {model: model.objects.count() for model in ALL_MODELS} == before

    def test_a_relabelled_coded_entry_is_restored_not_duplicated(self):
        ref.SarStatus.objects.filter(code="non-retenu").update(name="Renommé")
        call_command("load_reference", verbosity=0)
        assert ref.SarStatus.objects.get(code="non-retenu").name == "Non retenu"
        assert ref.SarStatus.objects.filter(name="Renommé").count() == 0
