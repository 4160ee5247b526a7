"""Storage for private files (CVs, consent forms, attachments): never under a public URL."""

from django.core.files.storage import storages


def private_storage():
    return storages["private"]
