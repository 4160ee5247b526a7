"""Business rules of the saved searches and their alerts, as pure functions."""

from datetime import timedelta

from .enums import NON_CRITERIA, AlertFrequency


def alert_period(frequency, day):
    """The period `day` belongs to: the day itself (daily), its ISO week (weekly), None (no alert)."""
    if frequency == AlertFrequency.DAILY:
        return day
    if frequency == AlertFrequency.WEEKLY:
        year, week, _ = day.isocalendar()
        return (year, week)
    return None


def alert_due(frequency, last_alert_on, today):
    """At most one alert per period: none yet, or the last one was sent in an earlier day / ISO week
    (Monday to Sunday). `last_alert_on` and `today` are local dates."""
    if alert_period(frequency, today) is None:
        return False
    return last_alert_on is None or alert_period(frequency, last_alert_on) != alert_period(frequency, today)


def week_end(today):
    """Sunday of `today`'s week: "due this week" runs from today to that day included."""
    return today + timedelta(days=6 - today.weekday())


def saved_criteria(items, filter_names):
    """The criteria to save from the pool's query string: `items` = [(name, [values])]; only the pool's
    filters, without empty values, nor page, size and sort."""
    criteria = {}
    for name, values in items:
        if name in NON_CRITERIA or name not in filter_names:
            continue
        kept = [value for value in values if str(value).strip()]
        if kept:
            criteria[name] = kept
    return dict(sorted(criteria.items()))


def strongest_skills(skills, order, limit):
    """The `limit` skills of highest mastery: `skills` = [(name, level)], `order` = levels from weakest."""
    rank = {level: index for index, level in enumerate(order)}
    return sorted(skills, key=lambda item: -rank.get(item[1], -1))[:limit]
