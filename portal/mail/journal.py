"""Delivery journal: proof, outside the database, that the SMTP server accepted a message.

The worker writes an entry right after the server accepts a message and before it records
"sent" in the database; the entry is removed once the database holds that outcome. When the
database connection is lost in between, the entry survives the worker: the claim of a message
checks it before any (re-)send, and the sweeper reconciles every entry first thing. So a lost
connection after the hand-over never turns into a second send.

One small file per accepted message, named after a hash of its Message-ID and written atomically
(temporary file, fsync, rename, fsync of the folder): lookups are a `stat`, there is nothing to
compact, and several workers may share the folder (NEGE_EMAIL_JOURNAL_DIR; workers on several
machines must share one folder).
"""

import hashlib
import json
import os
from datetime import datetime
from pathlib import Path

from django.conf import settings

SUFFIX = ".sent"


def folder():
    path = Path(settings.NEGE_EMAIL_JOURNAL_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _entry(message_id):
    return folder() / (hashlib.sha256(message_id.encode()).hexdigest() + SUFFIX)


def record(message_id, accepted_at):
    """Durably note that `message_id` was accepted by the server at `accepted_at`."""
    path = _entry(message_id)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    data = json.dumps({"message_id": message_id, "accepted_at": accepted_at.isoformat()}).encode()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    _fsync_folder(path.parent)


def is_recorded(message_id):
    return _entry(message_id).exists()


def accepted_at(message_id):
    """When the server accepted `message_id`, or None when the journal does not know it."""
    try:
        return _read(_entry(message_id))[1]
    except (FileNotFoundError, ValueError, KeyError):
        return None


def entries():
    """[(message_id, accepted_at)] of every entry not yet reconciled."""
    result = []
    for path in sorted(folder().glob(f"*{SUFFIX}")):
        try:
            result.append(_read(path))
        except (FileNotFoundError, ValueError, KeyError):  # removed meanwhile, or a torn file from a foreign tool
            continue
    return result


def forget(message_id):
    """The database now holds the outcome: the entry is no longer needed."""
    _entry(message_id).unlink(missing_ok=True)


def _read(path):
    data = json.loads(path.read_bytes())
    return data["message_id"], datetime.fromisoformat(data["accepted_at"])


def _fsync_folder(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
