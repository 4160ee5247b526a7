"""The extranet dashboard's "to-do" panels: each app adds its own, for the users its perms.py accepts.

An app builds a `TodoPanel` in its `construct_homepage_panels` hook with counts taken from its
`*_for(user)` scopes, and each count links to the listing that shows exactly those objects:

    @hooks.register("construct_homepage_panels")
    def add_todo(request, panels):
        if perms.may_search_pool(request.user):
            panels.append(TodoPanel(name="sar_todo", heading="Mes fiches de suivi", items=[...]))

Panels come before the shortcuts (order below 50), in the order of their `order`.
"""

from dataclasses import dataclass

from wagtail.admin.ui.components import Component

TODO_ORDER = 20


@dataclass(frozen=True)
class TodoItem:
    """One line of work: "3 · Dossiers à compléter", linking to the listing of those objects."""

    label: str
    count: int
    url: str
    help: str = ""


@dataclass(frozen=True)
class TodoLink:
    """A named object of the panel's short list (the next session's dossiers, the overdue sheets)."""

    label: str
    url: str
    meta: str = ""


class TodoPanel(Component):
    template_name = "wagtailadmin/home/todo_panel.html"

    def __init__(self, *, name, heading, items=(), links=(), links_heading="", intro="", order=TODO_ORDER):
        self.name = name
        self.heading = heading
        self.items = list(items)
        self.links = list(links)
        self.links_heading = links_heading
        self.intro = intro
        self.order = order

    @property
    def has_work(self):
        return any(item.count for item in self.items) or bool(self.links)

    def get_context_data(self, parent_context=None):
        return {"panel": self, "panel_id": self.name.replace("_", "-")}
