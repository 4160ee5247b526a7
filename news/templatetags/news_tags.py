from django import template

from news.models import NewsIndexPage, NewsPage

register = template.Library()


@register.filter
def linebreaks_indented(text, indent="  "):
    """Indent the continuation lines of a plain-text paragraph (e-mail lists)."""
    return "\n".join(line.strip() for line in str(text).strip().splitlines() if line.strip()).replace(
        "\n", "\n" + indent
    )


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news(context, count=3):
    """The latest public news (never the extranet-only ones), for the home page."""
    items = (
        NewsPage.objects.public_news()
        .select_related("category", "image")
        .order_by("-date", "-first_published_at")[:count]
    )
    index = NewsIndexPage.objects.live().first()
    return {"news_items": list(items), "news_index": index, "request": context.get("request")}
