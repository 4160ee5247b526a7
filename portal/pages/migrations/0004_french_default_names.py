"""French names for what Wagtail's own migrations seed in English, and the default site's real address.

- the groups "Moderators" and "Editors", the workflow and task "Moderators approval" (the news editor
  showed "Soumettre à Moderators approval");
- the default site, seeded as localhost:80, takes the host and port of BASE_URL (the API's `html_url`,
  the links of the e-mails). A site an administrator already changed is left alone.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import migrations

GROUPS = {"Moderators": "Modérateurs", "Editors": "Éditeurs"}
WORKFLOWS = {"Moderators approval": "Relecture par les modérateurs"}
TASKS = {"Moderators approval": "Validation par les modérateurs"}
SEEDED_SITE = ("localhost", 80)


def site_address(base_url):
    """(hostname, port) of a base URL; the port defaults to the scheme's."""
    parts = urlsplit(base_url)
    return parts.hostname or SEEDED_SITE[0], parts.port or (443 if parts.scheme == "https" else 80)


def _rename(model, names):
    for old, new in names.items():
        if not model.objects.filter(name=new).exists():
            model.objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    _rename(apps.get_model("auth", "Group"), GROUPS)
    _rename(apps.get_model("wagtailcore", "Workflow"), WORKFLOWS)
    _rename(apps.get_model("wagtailcore", "Task"), TASKS)
    hostname, port = site_address(settings.BASE_URL)
    apps.get_model("wagtailcore", "Site").objects.filter(
        is_default_site=True, hostname=SEEDED_SITE[0], port=SEEDED_SITE[1]
    ).update(hostname=hostname, port=port)


def backwards(apps, schema_editor):
    _rename(apps.get_model("auth", "Group"), {new: old for old, new in GROUPS.items()})
    _rename(apps.get_model("wagtailcore", "Workflow"), {new: old for old, new in WORKFLOWS.items()})
    _rename(apps.get_model("wagtailcore", "Task"), {new: old for old, new in TASKS.items()})
    hostname, port = site_address(settings.BASE_URL)
    apps.get_model("wagtailcore", "Site").objects.filter(is_default_site=True, hostname=hostname, port=port).update(
        hostname=SEEDED_SITE[0], port=SEEDED_SITE[1]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_block_templates"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtaildocs", "0002_initial_data"),
        ("wagtailimages", "0001_squashed_0021"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
