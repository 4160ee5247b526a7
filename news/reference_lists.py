"""The news categories: an admin-editable reference list, seeded by `load_reference`."""

from portal.registry import ReferenceList

from .models import NewsCategory

# (slug, name): users subscribe to categories by slug, so slugs are stable.
NEWS_CATEGORIES = [
    ("evenement-public", "Evénement public"),
    ("vie-de-l-association", "Vie de l'association"),
    ("commission-aide-au-recrutement", "Commission Aide au Recrutement"),
    ("commission-adaptation-des-competences", "Commission Adaptation des Compétences"),
    ("processus-et-documentation", "Processus & Documentation"),
]

REFERENCE_LISTS = [ReferenceList(NewsCategory, feminine=True)]


def load_reference():
    for order, (slug, name) in enumerate(NEWS_CATEGORIES):
        NewsCategory.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})
