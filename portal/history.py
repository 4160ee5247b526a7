"""History of changes: one way to describe a model's fields, diff them and show the diff.

    before = snapshot(dossier, TRACKED_FIELDS)
    ... change and save dossier ...
    log_changes(dossier, before, user=request.user, action="recruitment.change", fields=TRACKED_FIELDS)

and register `ChangesFormatter` (or a subclass with its own `label`) for that action. A field name can be
replaced by a `Described(name, label, describe)` for what is not a plain field (documents, consent...).
"""

import datetime

from django.utils import timezone
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as log_action

EMPTY = "—"


class Described:
    """A tracked value that is not a plain model field: `describe(instance)` gives its displayable text."""

    def __init__(self, name, label, describe):
        self.name, self.label, self.describe = name, label, describe


def _display(instance, field):
    if field.many_to_many:
        if instance.pk is None:
            return ""
        return ", ".join(sorted(str(related) for related in getattr(instance, field.name).all()))
    if field.is_relation:
        related = getattr(instance, field.name, None)
        return "" if related is None else str(related)
    if not field.choices and hasattr(instance, f"get_{field.name}_display"):
        return getattr(instance, f"get_{field.name}_display")()  # the model's own display (e.g. a code list)
    value = getattr(instance, field.attname, None)
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def snapshot(instance, fields):
    """The displayable French value of each named field ("" when empty)."""
    meta = instance._meta
    return {
        _name(entry): entry.describe(instance)
        if isinstance(entry, Described)
        else _display(instance, meta.get_field(entry))
        for entry in fields
    }


def _name(entry):
    return entry.name if isinstance(entry, Described) else entry


def _label(instance, entry):
    return entry.label if isinstance(entry, Described) else str(instance._meta.get_field(entry).verbose_name)


def diff(instance, before, fields):
    """The fields whose value differs from `before`: [{"field": label, "old": ..., "new": ...}]."""
    after = snapshot(instance, fields)
    return [
        {"field": _label(instance, entry), "old": before.get(_name(entry), ""), "new": after[_name(entry)]}
        for entry in fields
        if after[_name(entry)] != before.get(_name(entry), "")
    ]


def log_changes(instance, before, *, user, action, fields):
    """Log one entry listing the fields whose value differs from `before`; none when nothing changed."""
    changes = diff(instance, before, fields)
    if changes:
        log_action(instance, action, user=user, data={"changes": changes})
    return changes


class ChangesFormatter(LogFormatter):
    """Renders a `log_changes` entry as "Modification : Champ : ancien → nouveau ; …"."""

    label = "Modification"

    def format_message(self, log_entry):
        changes = (log_entry.data or {}).get("changes", [])
        return "Modification : " + " ; ".join(
            f"{change['field']} : {change['old'] or EMPTY} → {change['new'] or EMPTY}" for change in changes
        )
