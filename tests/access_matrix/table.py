"""The whole declared table: {key: Row}, one module per area (a key declared twice is an error)."""

from . import apps, libraries, wagtail_admin


def _table():
    table = {}
    for module in (wagtail_admin, libraries, apps):
        for entry in module.ROWS:
            if entry.key in table:
                raise ValueError(f"access matrix: {entry.key!r} is declared twice ({module.__name__}).")
            table[entry.key] = entry
    return table


TABLE = _table()
