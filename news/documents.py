"""Documents attached to or linked from news: which ones the public may download."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ReferenceIndex

from .models import NewsPage


def document_is_internal(document):
    """True when every use of the document (attachment or link, per Wagtail's reference index)
    is in extranet-only news."""
    news_type = ContentType.objects.get_for_model(NewsPage)
    uses = list(ReferenceIndex.get_references_to(document).values_list("content_type_id", "object_id"))
    news_ids = {int(object_id) for type_id, object_id in uses if type_id == news_type.id}
    if not news_ids or len(news_ids) != len({(t, o) for t, o in uses}):
        return False
    internal = NewsPage.objects.filter(pk__in=news_ids, extranet_only=True).count()
    return internal == len(news_ids)
