import pytest


@pytest.fixture(autouse=True)
def _news_index(request):
    """The news index comes from a data migration: recreate it after a transactional test's flush."""
    if request.node.get_closest_marker("django_db") or {"db", "transactional_db", "live_server"} & set(
        request.fixturenames
    ):
        from news.setup import ensure_news_index

        ensure_news_index()
