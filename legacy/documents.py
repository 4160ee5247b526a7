"""Where the dossiers' files are found by name: a folder, a zip archive, or the files sent on the import screen.

Names are compared on their last path component, case-insensitively. Nothing is trusted here: every file is
checked by `portal.uploads.validate_upload` (content, size) when a row attaches it.
"""

import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from portal.uploads import UploadKind

MAX_MEMBERS = 5_000
MAX_BYTES = UploadKind.DOCUMENT.max_bytes


def _key(name):
    return str(name).replace("\\", "/").rsplit("/", 1)[-1].strip().casefold()


class DocumentSource:
    """name -> bytes, read only when a row asks for the file (`get`)."""

    def __init__(self, loaders=None):
        self._loaders = loaders or {}  # {key: (name, callable returning bytes)}

    def __contains__(self, name):
        return _key(name) in self._loaders

    def __len__(self):
        return len(self._loaders)

    def get(self, name):
        """An uploaded-file object for `name` (None when absent), at most the document size limit + 1 byte."""
        entry = self._loaders.get(_key(name))
        if entry is None:
            return None
        real_name, load = entry
        return SimpleUploadedFile(real_name, load())

    @classmethod
    def empty(cls):
        return cls()

    @classmethod
    def from_path(cls, path):
        """A folder (its files, recursively) or a .zip archive."""
        path = Path(path)
        if path.is_dir():
            return cls.from_folder(path)
        return cls.from_zip(path)

    @classmethod
    def from_folder(cls, folder):
        loaders = {}
        for file in sorted(Path(folder).rglob("*")):
            if file.is_file():
                loaders[_key(file.name)] = (file.name, _file_loader(file))
        return cls(loaders)

    @classmethod
    def from_zip(cls, archive_path):
        """The members of a zip archive; the archive is refused (ValueError) when it holds too many members."""
        archive = zipfile.ZipFile(archive_path)
        members = [member for member in archive.infolist() if not member.is_dir()]
        if len(members) > MAX_MEMBERS:
            raise ValueError(f"L'archive contient plus de {MAX_MEMBERS} fichiers.")
        loaders = {}
        for member in members:
            name = _key(member.filename)
            loaders[name] = (member.filename.rsplit("/", 1)[-1], _zip_loader(archive, member))
        return cls(loaders)

    @classmethod
    def from_uploads(cls, files):
        """Files already read (name -> bytes), e.g. those kept between the screen's dry run and its confirmation."""
        return cls({_key(name): (name, _bytes_loader(content)) for name, content in files.items()})


def _file_loader(path):
    def load():
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)

    return load


def _zip_loader(archive, member):
    def load():
        with archive.open(member) as handle:
            return handle.read(MAX_BYTES + 1)  # bounded: the declared size of a member is not proof

    return load


def _bytes_loader(content):
    return lambda: content
