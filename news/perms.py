"""Who may read what in the news capability."""

from portal.accounts.roles import EXTRANET_ACCESS


def may_read_internal(user):
    """Extranet-only news ("actualités internes") are for active users with extranet access."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(EXTRANET_ACCESS))


def document_is_internal(document):
    """True when every use of the document (attachment or link, per Wagtail's reference index)
    is in extranet-only news."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    from .models import NewsPage

    news_type = ContentType.objects.get_for_model(NewsPage)
    uses = list(ReferenceIndex.get_references_to(document).values_list("content_type_id", "object_id"))
    news_ids = {int(object_id) for type_id, object_id in uses if type_id == news_type.id}
    if not news_ids or len(news_ids) != len({(t, o) for t, o in uses}):
        return False
    internal = NewsPage.objects.filter(pk__in=news_ids, extranet_only=True).count()
    return internal == len(news_ids)
