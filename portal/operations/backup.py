"""Backup and restore of the whole portal: the database plus every stored file.

A backup is one tar archive:

- `manifest.json`: when, which database engine, the applied migrations, and every file with its size and
  SHA-256;
- `database.dump` (PostgreSQL, `pg_dump --format=custom`) or `database.sqlite3` (SQLite, the online backup
  API, consistent while the site runs);
- `files/<storage>/<name>` for the public media (`default`) and the private files (`private`: CVs, consents,
  attachments), read through Django's storages, so a local folder and an S3 bucket are backed up alike.

A restore goes into an empty database (a fresh `createdb`, or a new SQLite file) and empty storages; it
refuses to overwrite a database that already has tables unless told to, and checks every file against the
manifest after writing it.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

BACKED_UP_STORAGES = ("default", "private")
FORMAT_VERSION = 1


class BackupError(Exception):
    """A backup or a restore that cannot be done as asked (message in French, for the operator)."""


def walk(storage, folder=""):
    """Every file name of a storage, recursively (works for local folders and S3 buckets)."""
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for directory in sorted(directories):
        yield from walk(storage, f"{folder}/{directory}" if folder else directory)


def _pg_env(alias="default"):
    settings_dict = connections[alias].settings_dict
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    args = ["--dbname", settings_dict["NAME"]]
    if settings_dict.get("HOST"):
        args += ["--host", settings_dict["HOST"]]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", settings_dict["USER"]]
    return env, args


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(data))


def _dump_database(workdir, alias="default"):
    connection = connections[alias]
    if connection.vendor == "postgresql":
        target = workdir / "database.dump"
        env, args = _pg_env(alias)
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target), *args]
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode:
            raise BackupError(f"pg_dump a échoué : {result.stderr.strip()}")
        return target
    if connection.vendor == "sqlite":
        target = workdir / "database.sqlite3"
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        with destination:
            connection.connection.backup(destination)
        destination.close()
        return target
    raise BackupError(f"Moteur de base de données non pris en charge : {connection.vendor}")


def create_backup(destination, *, alias="default"):
    """Write the archive at `destination` (a path); return the manifest."""
    destination = Path(destination)
    with tempfile.TemporaryDirectory() as tmp:
        dump = _dump_database(Path(tmp), alias)
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "engine": connections[alias].vendor,
            "database": dump.name,
            "migrations": sorted(
                f"{app}.{name}" for app, name in MigrationRecorder(connections[alias]).applied_migrations()
            ),
            "files": [],
        }
        partial = destination.with_name(destination.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            archive.add(dump, arcname=dump.name)
            for storage_name in BACKED_UP_STORAGES:
                storage = storages[storage_name]
                for name in walk(storage):
                    with storage.open(name, "rb") as handle:
                        data = handle.read()
                    _add_bytes(archive, f"files/{storage_name}/{name}", data)
                    manifest["files"].append(
                        {
                            "storage": storage_name,
                            "name": name,
                            "size": len(data),
                            "sha256": hashlib.sha256(data).hexdigest(),
                        }
                    )
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
        partial.replace(destination)  # never leave a half-written archive under the final name
    return manifest


def read_manifest(source):
    with tarfile.open(source) as archive:
        member = archive.extractfile("manifest.json")
        if member is None:
            raise BackupError("Archive sans manifeste : ce n'est pas une sauvegarde du portail.")
        manifest = json.load(member)
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError("Format de sauvegarde inconnu.")
    return manifest


def _database_is_empty(alias):
    with connections[alias].cursor() as cursor:
        return not connections[alias].introspection.table_names(cursor)


def _restore_database(archive, manifest, alias, force):
    connection = connections[alias]
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            f"La sauvegarde vient d'une base {manifest['engine']} ; la base cible est {connection.vendor}."
        )
    if not force and not _database_is_empty(alias):
        raise BackupError(
            "La base cible contient déjà des tables : restaurez dans une base neuve (createdb) "
            "ou confirmez l'écrasement avec --force."
        )
    with tempfile.TemporaryDirectory() as tmp:
        archive.extract(manifest["database"], tmp, filter="data")
        dump = Path(tmp) / manifest["database"]
        if connection.vendor == "postgresql":
            connection.close()
            env, args = _pg_env(alias)
            command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", *args]
            if force:
                command += ["--clean", "--if-exists"]
            result = subprocess.run([*command, str(dump)], env=env, capture_output=True, text=True)
            if result.returncode:
                raise BackupError(f"pg_restore a échoué : {result.stderr.strip()}")
        else:
            connection.close()
            shutil.copyfile(dump, connection.settings_dict["NAME"])


def _restore_files(archive, manifest):
    for entry in manifest["files"]:
        storage = storages[entry["storage"]]
        member = archive.extractfile(f"files/{entry['storage']}/{entry['name']}")
        data = member.read() if member else b""
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise BackupError(f"Fichier altéré dans l'archive : {entry['storage']}/{entry['name']}")
        if storage.exists(entry["name"]):
            storage.delete(entry["name"])
        saved = storage.save(entry["name"], ContentFile(data))
        if saved != entry["name"]:
            raise BackupError(f"Le stockage a renommé {entry['name']} en {saved}.")
        with storage.open(saved, "rb") as handle:
            if hashlib.sha256(handle.read()).hexdigest() != entry["sha256"]:
                raise BackupError(f"Fichier mal écrit : {entry['storage']}/{entry['name']}")


def restore_backup(source, *, alias="default", force=False):
    """Restore the archive into the configured database and storages; return the manifest."""
    manifest = read_manifest(source)
    with tarfile.open(source) as archive:
        _restore_database(archive, manifest, alias, force)
        _restore_files(archive, manifest)
    return manifest
