"""Template tags of the public site skeleton."""

from django import template

from portal.pages.navigation import get_navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """Menu and footer of the current site (cached): `{% site_navigation as site_nav %}`.

    Menu entries get `current` (this very page) and `active` (this page or one below it).
    """
    request = context.get("request")
    nav = get_navigation(request)
    path = getattr(request, "path", "")
    menu = []
    for item in nav["menu"]:
        href = item["href"]
        current = href == path
        active = current or (href.startswith("/") and href != "/" and path.startswith(href))
        menu.append({**item, "current": current, "active": active})
    return {**nav, "menu": menu}
