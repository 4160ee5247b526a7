"""Accent- and case-insensitive text matching that works on PostgreSQL and SQLite.

PostgreSQL uses the `unaccent` extension (created by migration 0001); SQLite gets a Python
function of the same name registered on every new connection (see apps.py), so the same
ORM expression runs on both.
"""

import unicodedata

from django.db.models import CharField, Func, TextField
from django.db.models.functions import Lower


def normalise(text):
    """'Numérique' -> 'numerique': strip accents (NFKD) and case-fold."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Unaccent(Func):
    function = "UNACCENT"
    output_field = TextField()


def normalised(expression):
    """SQL expression of `expression` without accents, lower-cased."""
    return Lower(Unaccent(expression, output_field=CharField()))


def register_sqlite_functions(sender, connection, **kwargs):
    """`connection_created` receiver: give SQLite an UNACCENT function."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("UNACCENT", 1, _sqlite_unaccent, deterministic=True)


def _sqlite_unaccent(value):
    # SQLite's LOWER() only folds ASCII, so fold case here too.
    return None if value is None else normalise(value)
