"""The seeded content of the reference lists (DESIGN.md section 4).

Each module holds plain data; the `load_reference()` of each app's `reference_lists.py` (run by
`manage.py load_reference`, see portal.registry) upserts it, so an administrator's later edits of
labels are kept only for entries not listed here (entries are matched by their code, or by their
name when the list has no code).
"""
