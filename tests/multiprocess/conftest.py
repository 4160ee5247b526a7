import pytest

from .stack import Processes, S3Server


@pytest.fixture
def processes(transactional_db, tmp_path):
    """Every child process of the test, stopped before the database is emptied."""
    children = Processes(tmp_path)
    yield children
    children.stop_all()


@pytest.fixture
def s3(processes):
    return S3Server(processes)
