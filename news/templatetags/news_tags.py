from django import template

register = template.Library()


@register.filter
def linebreaks_indented(text, indent="  "):
    """Indent the continuation lines of a plain-text paragraph (e-mail lists)."""
    return "\n".join(line.strip() for line in str(text).strip().splitlines() if line.strip()).replace(
        "\n", "\n" + indent
    )
