import pytest

from tests.directory.factories import directory_page


@pytest.fixture(autouse=True)
def _directory_page(db):
    """The page of migration directory.0002 (rebuilt if a transactional test flushed the reused DB)."""
    return directory_page()
