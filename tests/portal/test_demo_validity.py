"""The demo looks like the real thing: with 500 dossiers, every record of every project model passes its model's
validation, each demo company has candidates in its pool, the pool lock can be shown, texts are not Faker's.

One seeded database for the module (about a minute on SQLite), committed outside the tests' transactions:
the assertions only read it, and the module empties the database when it ends.
"""

import re
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings
from faker.providers.lorem.fr_FR import Provider as LoremProvider

from news.models import NewsPage
from portal.accounts.models import User
from portal.organisations.enums import CategoryCode
from portal.organisations.models import Organisation
from recruitment.commission.enums import POOL_CLASSES
from recruitment.models import Candidate
from recruitment.sar import perms as sar_perms
from recruitment.sar.demo import UNLOCKED
from recruitment.sar.models import FollowUpSheet
from tests.conftest import ensure_base_data

CANDIDATES = 500
PROJECT_APPS = [
    config
    for config in apps.get_app_configs()
    if config.path.startswith(str(settings.BASE_DIR)) and "site-packages" not in config.path
]
# First names Faker fr_FR gives to one gender only (the demo draws them with the civility).
FEMALE = {"Marie", "Camille", "Julie", "Isabelle", "Nathalie", "Sophie", "Catherine", "Anne"}
MALE = {"Jean", "Michel", "Pierre", "Philippe", "Nicolas", "Alain", "Patrick", "Louis"}


LOREM = set(LoremProvider.word_list)


def looks_like_lorem(text):
    """Faker's word salad: (almost) only words of its lorem list; real French has at most half of them."""
    words = re.findall(r"[a-zà-ÿœ]+", text.lower())
    return sum(word not in LOREM for word in words) < 0.4 * len(words)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The full demo with 500 dossiers, seeded once (its files in a temporary folder); emptied at the end."""
    files = tmp_path_factory.mktemp("demo-files")
    storages = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(files)}},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(files / "private"), "base_url": None},
        },
    }
    fast = {"PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"], "NEGE_TASKS_SYNC": True}
    with django_db_blocker.unblock():
        with override_settings(STORAGES=storages, MEDIA_ROOT=files, **fast):
            out = StringIO()
            call_command("seed_demo", candidates=CANDIDATES, force=True, verbosity=1, stdout=out)
        yield out.getvalue()
        call_command("flush", interactive=False, verbosity=0)
        ensure_base_data()


def project_models():
    return [
        model
        for config in PROJECT_APPS
        for model in config.get_models()
        if not model._meta.proxy and model._meta.managed
    ]


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
class TestDemoValidity:
    def test_the_project_apps_are_found(self):
        labels = {config.label for config in PROJECT_APPS}
        assert {"recruitment", "commission", "sar", "news", "directory", "membership", "organisations"} <= labels
        assert not [config for config in PROJECT_APPS if "site-packages" in config.path]

    def test_every_record_of_every_model_is_valid(self):
        invalid = []
        for model in project_models():
            for record in model._default_manager.all().iterator():
                try:
                    record.full_clean()
                except ValidationError as error:
                    invalid.append(f"{model._meta.label} #{record.pk}: {error.message_dict}")
        assert invalid[:10] == []
        assert Candidate.objects.count() == CANDIDATES

    def test_classified_dossiers_have_their_classification_date(self):
        assert Candidate.objects.filter(classification__isnull=False).count() > CANDIDATES // 3
        assert not Candidate.objects.filter(classification__isnull=False, classified_on__isnull=True).exists()
        assert not Candidate.objects.exclude(classification__isnull=False).filter(classified_on__isnull=False).exists()

    def test_each_demo_company_has_a_pool(self):
        recruiters = User.objects.filter(username__startswith="recruteur.")
        pools = {user.username: sar_perms.pool_for(user).count() for user in recruiters}
        assert set(pools) >= {"recruteur.a", "recruteur.a2", "recruteur.b"}
        assert min(pools.values()) >= 15, pools
        # The pool's own definition: classified Employable/Adaptable with a date and consent.
        pooled = Candidate.objects.filter(classification__in=POOL_CLASSES, has_consent=True).count()
        assert pooled > 50

    def test_the_pool_lock_is_shown_by_another_user_than_the_companies_pool(self):
        overdue = FollowUpSheet.objects.overdue()
        assert overdue.exclude(created_by__username__in=UNLOCKED).exists()
        assert not overdue.filter(created_by__username__in=UNLOCKED).exists()
        for username in UNLOCKED:
            assert not sar_perms.own_sheets(User.objects.get(username=username)).overdue().exists()

    def test_civilities_agree_with_first_names(self):
        people = list(Candidate.objects.values_list("civility", "first_name")) + list(
            User.objects.exclude(civility="").values_list("civility", "first_name")
        )
        wrong = [(c, f) for c, f in people if (c == "M." and f in FEMALE) or (c == "Mme" and f in MALE)]
        assert wrong == []
        assert {c for c, _f in people} == {"M.", "Mme"}

    def test_news_and_presentations_are_written_about_the_association(self):
        news = list(NewsPage.objects.live().values_list("title", "lead"))
        assert len(news) >= 20
        assert len({title for title, _lead in news}) == len(news)
        titles = " ".join(title for title, _lead in news).lower()
        assert all(subject in titles for subject in ("session", "job dating", "formation", "bienvenue"))
        assert [text for text in (f"{t} {lead}" for t, lead in news) if looks_like_lorem(text)] == []
        companies = Organisation.objects.filter(category__code=CategoryCode.COMPANY).exclude(presentation="")
        paragraphs = [
            p for html in companies.values_list("presentation", flat=True) for p in re.findall("<p>(.*?)</p>", html)
        ]
        assert len(paragraphs) >= 20
        assert [p for p in paragraphs if looks_like_lorem(p)] == []

    def test_progress_is_shown(self, demo):
        assert "dossiers : 100/500 créés" in demo
        assert "dossiers : 500/500 créés" in demo
