"""Template tags of the recruitment support module."""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def skills_popup(candidate):
    """The "Voir les savoir faire" popup of a pool row: skills grouped by theme, with their levels.

    Built with plain string joins: as template loops (or one format_html per item), twenty rows of a dozen
    themes and fifteen skills took a fifth of the page's time. `candidate.sar_skills` is set by
    `views.decorate_with_profile`; every text is escaped here.
    """
    if candidate.sar_skills:
        themes = []
        for theme, skills in candidate.sar_skills:
            items = "".join(f"<li>{escape(skill)}-{escape(level)}</li>" for skill, level in skills)
            themes.append(f"<li>{escape(theme)}<ul>{items}</ul></li>")
        body = mark_safe(f"<ul>{''.join(themes)}</ul>")  # every part escaped above
    else:
        body = mark_safe("<p>Aucun savoir-faire évalué.</p>")
    return format_html(
        '<details class="sar-skills"><summary>Voir les savoir faire</summary>'
        '<div class="sar-skills-popup" role="dialog" aria-label="Savoir faire de {} {}">'
        "<h3>Savoir faire</h3>{}</div></details>",
        candidate.first_name,
        candidate.last_name,
        body,
    )


@register.simple_tag
def fast_select(bound):
    """The <select> of a `ranking.ListField`, its options escaped once per list (the need form of the fit
    ranking has five selects of some 300 skills: too slow through Django's widget templates)."""
    value = bound.value()
    selected = "" if value is None else str(value)
    options = "".join(
        f"{before} selected{after}" if option == selected else f"{before}{after}"
        for option, before, after in bound.field.options
    )
    return mark_safe(  # every part escaped by ranking._rendered
        f'<select name="{escape(bound.html_name)}" id="{escape(bound.id_for_label)}">{options}</select>'
    )
