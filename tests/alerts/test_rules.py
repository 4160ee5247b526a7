"""The alert period and the week's bounds, at their edges."""

from datetime import date

import pytest

from recruitment.alerts import rules
from recruitment.alerts.enums import AlertFrequency

MONDAY, SUNDAY = date(2026, 12, 7), date(2026, 12, 13)


@pytest.mark.parametrize(
    ("last", "today", "due"),
    [
        (None, MONDAY, True),
        (MONDAY, MONDAY, False),  # once a day
        (date(2026, 12, 6), MONDAY, True),  # yesterday
        (date(2025, 12, 7), date(2025, 12, 7), False),
    ],
)
def test_daily_alert_once_per_calendar_day(last, today, due):
    assert rules.alert_due(AlertFrequency.DAILY, last, today) is due


@pytest.mark.parametrize(
    ("last", "today", "due"),
    [
        (None, SUNDAY, True),
        (MONDAY, SUNDAY, False),  # Monday and Sunday are the same ISO week
        (date(2026, 12, 6), MONDAY, True),  # Sunday, then the next Monday: a new week
        (date(2025, 12, 29), date(2026, 1, 4), False),  # ISO week 1 of 2026 starts in 2025
        (date(2026, 12, 28), date(2027, 1, 3), False),  # ISO week 53 of 2026 runs into 2027
        (date(2027, 1, 3), date(2027, 1, 4), True),
    ],
)
def test_weekly_alert_once_per_iso_week(last, today, due):
    assert rules.alert_due(AlertFrequency.WEEKLY, last, today) is due


def test_no_alert_without_a_frequency():
    assert rules.alert_due(AlertFrequency.NONE, None, MONDAY) is False


@pytest.mark.parametrize(("today", "end"), [(MONDAY, SUNDAY), (SUNDAY, SUNDAY), (date(2026, 12, 10), SUNDAY)])
def test_the_week_ends_on_sunday(today, end):
    assert rules.week_end(today) == end


def test_saved_criteria_keep_only_the_pool_filters_with_values():
    items = [
        ("employment_area", ["3", "1"]),
        ("name", [" "]),
        ("p", ["2"]),
        ("sort", ["classified_on"]),
        ("per_page", ["50"]),
        ("unknown", ["x"]),
        ("classification", ["employable"]),
    ]
    criteria = rules.saved_criteria(items, {"employment_area", "name", "classification", "sort"})
    assert criteria == {"classification": ["employable"], "employment_area": ["3", "1"]}


def test_strongest_skills_first():
    order = ["Débutant", "Opérationnel", "Expérimenté"]
    skills = [("a", "Débutant"), ("b", "Expérimenté"), ("c", "Opérationnel")]
    assert rules.strongest_skills(skills, order, 2) == [("b", "Expérimenté"), ("c", "Opérationnel")]
