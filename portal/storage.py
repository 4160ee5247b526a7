"""Storage for private files (CVs, consent forms, attachments): never under a public URL.

`private_storage()` is what the FileFields name (`storage=private_storage`). Django calls it once, when
the model is defined, so it returns a lazy proxy (like `default_storage`) that always reaches the
configured `STORAGES["private"]`: a change of the setting (tests, a restore into other storages) is seen
by every field, instead of files landing in the storage that existed at import.
"""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["private"]


_private_storage = PrivateStorage()


def private_storage():
    return _private_storage


@receiver(setting_changed)
def _follow_the_setting(*, setting, **kwargs):
    if setting in ("STORAGES", "PRIVATE_MEDIA_ROOT"):
        _private_storage._wrapped = empty
