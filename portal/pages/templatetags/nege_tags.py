"""Template tags of the public site skeleton."""

from django import template

from portal.pages.navigation import get_navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """Menu and footer links of the current site (cached): `{% site_navigation as nav %}`."""
    return get_navigation(context.get("request"))
