"""Backup and restore: the demo site, backed up, comes back in a fresh database with the same dossiers,
sheets and files, byte for byte (on the engine the suite runs on: PostgreSQL in CI, SQLite locally)."""

import hashlib
import json
import os
import subprocess
import sys
import tarfile
import uuid
from io import BytesIO, StringIO
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection

from portal.operations.backup import walk
from recruitment.models import Candidate
from recruitment.sar.models import FollowUpSheet

ROOT = Path(settings.BASE_DIR)
pytestmark = pytest.mark.django_db(transaction=True)


def file_digests(storage_names=("default", "private")):
    digests = {}
    for storage_name in storage_names:
        storage = storages[storage_name]
        for name in walk(storage):
            with storage.open(name, "rb") as handle:
                digests[f"{storage_name}/{name}"] = hashlib.sha256(handle.read()).hexdigest()
    return digests


def folder_digests(media, private):
    digests = {}
    for storage_name, root in (("default", media), ("private", private)):
        for path in sorted(Path(root).rglob("*")):
            if path.is_file():
                digests[f"{storage_name}/{path.relative_to(root).as_posix()}"] = hashlib.sha256(
                    path.read_bytes()
                ).hexdigest()
    return digests


@pytest.fixture
def fresh_database(tmp_path):
    """An empty database next to the test database, dropped afterwards; yields its DATABASE_URL."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    params = connection.settings_dict
    name = f"nege_restore_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(
        host=params["HOST"] or "127.0.0.1",
        port=params["PORT"] or 5432,
        user=params["USER"],
        dbname="postgres",
        password=params.get("PASSWORD") or None,
        autocommit=True,
    )
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{params['USER']}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def manage(*args, database_url, media, private):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(private),
        "DEBUG": "1",
    }
    env.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def restored_rows(database_url, query):
    """Rows of the restored database, read by a separate process (not through this test's connection)."""
    code = (
        "import os, django, json, sys; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'portal.settings'); "
        "django.setup(); from django.db import connection; c = connection.cursor(); "
        f"c.execute({query!r}); print(json.dumps([list(map(str, r)) for r in c.fetchall()]))"
    )
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "1"}
    env.pop("REDIS_URL", None)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_demo_site_backed_up_and_restored_into_a_fresh_database(tmp_path, fresh_database):
    call_command("seed_demo", candidates=12, force=True, verbosity=0, stdout=StringIO())
    # A file of every kind of storage, with bytes no demo shares.
    candidate = Candidate.objects.order_by("pk").first()
    storages["private"].save(f"candidates/{candidate.pk}/cv-test.pdf", ContentFile(b"%PDF-1.4 " + os.urandom(512)))
    storages["default"].save("images/logo-test.png", ContentFile(os.urandom(256)))
    dossiers = sorted([str(c.pk), c.last_name, c.first_name] for c in Candidate.objects.all())
    sheets = sorted([str(s.pk), str(s.candidate_id), str(s.company_id)] for s in FollowUpSheet.objects.all())
    files = file_digests()
    assert dossiers and sheets and len(files) >= 2

    archive = tmp_path / "nege.tar"
    call_command("backup", str(archive), stdout=StringIO())
    with tarfile.open(archive) as tar:
        assert "manifest.json" in tar.getnames()

    media, private = tmp_path / "restored-media", tmp_path / "restored-private"
    result = manage("restore", str(archive), database_url=fresh_database, media=media, private=private)
    assert result.returncode == 0, result.stderr
    assert "restaurée" in result.stdout

    table = Candidate._meta.db_table
    assert sorted(restored_rows(fresh_database, f"SELECT id, last_name, first_name FROM {table}")) == dossiers
    sheet_table = FollowUpSheet._meta.db_table
    assert sorted(restored_rows(fresh_database, f"SELECT id, candidate_id, company_id FROM {sheet_table}")) == sheets
    assert folder_digests(media, private) == files

    # A second restore into the now populated database is refused, and says why.
    again = manage("restore", str(archive), database_url=fresh_database, media=media, private=private)
    assert again.returncode != 0
    assert "contient déjà des tables" in again.stderr


def test_a_tampered_archive_is_refused(tmp_path, fresh_database):
    storages["private"].save("candidates/1/cv.pdf", ContentFile(b"%PDF-1.4 original"))
    archive = tmp_path / "nege.tar"
    call_command("backup", str(archive), stdout=StringIO())
    tampered = tmp_path / "tampered.tar"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "files/private/candidates/1/cv.pdf":
                data = b"%PDF-1.4 altered!"
                member.size = len(data)
            target.addfile(member, BytesIO(data))
    result = manage("restore", str(tampered), database_url=fresh_database, media=tmp_path / "m", private=tmp_path / "p")
    assert result.returncode != 0
    assert "Fichier altéré" in result.stderr
