"""Wagtail's own extranet routes: shell, pages, choosers, collections, workflows, reports, account."""

from . import ADMIN, ANON, EDITORS, EVERYONE, NOBODY, STAFF_USERS, family, row

PAGE = {"obj": "page"}
CT = {"content_type_app_name": "pages", "content_type_model_name": "contentpage"}


def _page(**extra):
    return lambda w, page: {"page_id": page.pk, **extra}


def _revision(w, page):
    return {"page_id": w.kinds["revision"][0].object_id, "revision_id": w.kinds["revision"][0].pk}


def _compare(w, page):
    return {"pk": page.pk, "revision_id_a": "earliest", "revision_id_b": "latest"}


EXTERNAL_LINK = "/extranet/choose-external-link/"  # where the page tree sends those without site content
NO_WORKFLOW = "no workflow runs in the demo: the task state does not exist, 404 for everyone"

ROWS = [
    # Shell and login.
    row("wagtailadmin_home", STAFF_USERS),
    row("wagtailadmin_login", ANON, note="a logged-in user is sent to the dashboard"),
    row("wagtailadmin_password_reset", EVERYONE),
    row("wagtailadmin_password_reset_done", EVERYONE),
    row("wagtailadmin_password_reset_confirm", EVERYONE, kwargs={"uidb64": "MQ", "token": "x-y"}),
    row("wagtailadmin_password_reset_complete", EVERYONE),
    row("wagtailadmin_javascript_catalog", EVERYONE),
    row("wagtailadmin_sprite", EVERYONE),
    row("wagtailadmin_account", STAFF_USERS),
    row("wagtailadmin_logout", STAFF_USERS, post=True),
    row("wagtailadmin_dismissibles", STAFF_USERS, post=True),
    row(
        "wagtailadmin_error_test",
        skip="Wagtail's error test raises on purpose for extranet accounts; anonymous: tests/portal/test_urls.py",
    ),
    row("extranet/test404/", STAFF_USERS, note="Wagtail's 404 test page", path=lambda w, o: "/extranet/test404/"),
    row("extranet/^.*/$", NOBODY, path=lambda w, o: "/extranet/nulle-part/", note="the extranet's catch-all 404"),
    row("wagtailadmin_block_preview", NOBODY, note="needs a block: 404 without"),
    row("wagtailadmin_tag_autocomplete", STAFF_USERS, note="tag names only"),
    row("wagtailadmin_tag_model_autocomplete", STAFF_USERS, kwargs={"app_name": "taggit", "model_name": "tag"}),
    row(
        "wagtail_bulk_action",
        NOBODY,
        post=True,
        kwargs={"app_label": "wagtailcore", "model_name": "page", "action": "delete"},
    ),
    row(
        "wagtailadmin_editing_sessions:ping",
        NOBODY,
        post=True,
        kwargs={"app_label": "wagtailcore", "model_name": "page", "object_id": "1", "session_id": 1},
    ),
    row(
        "wagtailadmin_editing_sessions:release",
        STAFF_USERS,
        post=True,
        note="releases own sessions only",
        kwargs={"session_id": 1},
    ),
    # Admin API (page explorer, choosers).
    row("wagtailadmin_api:pages:find", NOBODY, note="needs a query: 404 without"),
    *family("wagtailadmin_api:pages", {"listing": {}, "detail": {"obj": "page"}}, allow=EDITORS),
    row(
        "wagtailadmin_api:pages:action",
        EDITORS,
        post=True,
        obj="page",
        kwargs=lambda w, p: {"pk": p.pk, "action_name": "copy"},
    ),
    row("wagtailadmin_api:images:find", NOBODY, note="needs a query: 404 without"),
    *family("wagtailadmin_api:images", {"listing": {}, "detail": {"obj": "image"}}, allow=EDITORS),
    row("wagtailadmin_api:documents:find", NOBODY, note="needs a query: 404 without"),
    *family("wagtailadmin_api:documents", {"listing": {}, "detail": {"obj": "document"}}, allow=EDITORS),
    # Page tree.
    row("wagtailadmin_explore_root", EDITORS),
    row("wagtailadmin_explore", EDITORS, **PAGE, kwargs=lambda w, p: {"parent_page_id": p.pk}),
    row("wagtailadmin_explore_results", EDITORS, **PAGE, kwargs=lambda w, p: {"parent_page_id": p.pk}),
    row("wagtailadmin_pages:add", EDITORS, **PAGE, kwargs=lambda w, p: {**CT, "parent_page_id": p.get_parent().pk}),
    row("wagtailadmin_pages:preview_on_add", EDITORS, **PAGE, kwargs=lambda w, p: {**CT, "parent_page_id": p.pk}),
    row("wagtailadmin_pages:type_use", EDITORS, kwargs=CT),
    row("wagtailadmin_pages:type_use_results", EDITORS, kwargs=CT),
    row("wagtailadmin_pages:choose_parent", EDITORS, kwargs={"app_label": "pages", "model_name": "contentpage"}),
    row("wagtailadmin_pages:add_subpage", EDITORS, **PAGE, kwargs=lambda w, p: {"parent_page_id": p.pk}),
    row("wagtailadmin_pages:search", EDITORS),
    row("wagtailadmin_pages:search_results", EDITORS),
    *family(
        "wagtailadmin_pages",
        {name: {} for name in ("usage", "edit", "preview_on_edit", "view_draft", "delete", "unpublish", "copy")}
        | {name: {} for name in ("set_privacy", "history", "history_results")}
        | {name: {} for name in ("workflow_history",)},
        allow=EDITORS,
        **PAGE,
        kwargs=_page(),
    ),
    row("wagtailadmin_pages:convert_alias", NOBODY, **PAGE, kwargs=_page(), note="not an alias: 404"),
    row("wagtailadmin_pages:revisions_index", STAFF_USERS, **PAGE, kwargs=_page(), note="redirects to the history"),
    row("wagtailadmin_pages:lock", EDITORS, post=True, **PAGE, kwargs=_page()),
    row("wagtailadmin_pages:unlock", EDITORS, post=True, **PAGE, kwargs=_page()),
    row("wagtailadmin_pages:move", EDITORS, **PAGE, kwargs=lambda w, p: {"page_to_move_id": p.pk}),
    row(
        "wagtailadmin_pages:move_confirm",
        STAFF_USERS,
        note="Wagtail renders the confirmation to any account (doubtful; the move itself is a POST)",
        **PAGE,
        kwargs=lambda w, p: {"page_to_move_id": p.pk, "destination_id": p.get_parent().pk},
    ),
    row(
        "wagtailadmin_pages:set_page_position",
        EDITORS,
        post=True,
        **PAGE,
        kwargs=lambda w, p: {"page_to_move_id": p.pk},
    ),
    row("wagtailadmin_pages:revisions_view", EDITORS, **PAGE, kwargs=_revision),
    row("wagtailadmin_pages:revisions_revert", EDITORS, **PAGE, kwargs=_revision),
    row("wagtailadmin_pages:revisions_unschedule", EDITORS, **PAGE, kwargs=_revision),
    row("wagtailadmin_pages:revisions_compare", EDITORS, **PAGE, kwargs=_compare),
    row(
        "wagtailadmin_pages:workflow_action",
        NOBODY,
        **PAGE,
        note=NO_WORKFLOW,
        kwargs=_page(action_name="approve", task_state_id=999),
    ),
    row(
        "wagtailadmin_pages:collect_workflow_action_data",
        NOBODY,
        **PAGE,
        note=NO_WORKFLOW,
        kwargs=_page(action_name="approve", task_state_id=999),
    ),
    row(
        "wagtailadmin_pages:confirm_workflow_cancellation", STAFF_USERS, **PAGE, note="an empty dialog", kwargs=_page()
    ),
    row("wagtailadmin_pages:workflow_preview", NOBODY, **PAGE, note=NO_WORKFLOW, kwargs=_page(task_id=999)),
    row(
        "wagtailadmin_pages:workflow_history_detail",
        NOBODY,
        **PAGE,
        note=NO_WORKFLOW,
        kwargs=_page(workflow_state_id=999),
    ),
    # Page chooser and link choosers (closed to roles without site content: portal.accounts.choosers).
    row("wagtailadmin_choose_page", EDITORS, refused_redirects=(EXTERNAL_LINK,)),
    row(
        "wagtailadmin_choose_page_child",
        EDITORS,
        **PAGE,
        kwargs=lambda w, p: {"parent_page_id": p.pk},
        refused_redirects=(EXTERNAL_LINK,),
    ),
    row("wagtailadmin_choose_page_search", EDITORS, refused_redirects=(EXTERNAL_LINK,)),
    row("wagtailadmin_choose_page_chosen_multiple", EDITORS, refused_redirects=(EXTERNAL_LINK,)),
    *[row(f"wagtailadmin_choose_page_{kind}_link", STAFF_USERS) for kind in ("external", "email", "phone", "anchor")],
    # Collections, workflows, reports.
    row("wagtailadmin_collections:index", ADMIN),
    row("wagtailadmin_collections:add", ADMIN),
    row("wagtailadmin_collections:edit", ADMIN, obj="collection"),
    row("wagtailadmin_collections:delete", ADMIN, obj="collection"),
    row("wagtailadmin_collections:set_privacy", ADMIN, obj="collection", kwargs=lambda w, c: {"collection_id": c.pk}),
    *family(
        "wagtailadmin_workflows",
        {
            a: {}
            for a in (
                "index",
                "index_results",
                "add",
                "select_task_type",
                "task_index",
                "task_index_results",
                "task_chooser",
                "task_chooser_results",
                "task_chooser_create",
            )
        },
        allow=ADMIN,
    ),
    *family(
        "wagtailadmin_workflows", {a: {"obj": "workflow"} for a in ("edit", "usage", "usage_results")}, allow=ADMIN
    ),
    *family(
        "wagtailadmin_workflows", {a: {"obj": "workflow", "post": True} for a in ("enable", "disable")}, allow=ADMIN
    ),
    row(
        "wagtailadmin_workflows:remove",
        ADMIN,
        post=True,
        obj="page",
        kwargs=[
            lambda w, p: {"page_pk": p.pk},
            lambda w, p: {"page_pk": p.pk, "workflow_pk": w.kinds["workflow"][0].pk},
        ],
    ),
    row(
        "wagtailadmin_workflows:add_task", ADMIN, kwargs={"app_label": "wagtailcore", "model_name": "groupapprovaltask"}
    ),
    row("wagtailadmin_workflows:edit_task", ADMIN, obj="task"),
    row("wagtailadmin_workflows:disable_task", ADMIN, obj="task"),
    row("wagtailadmin_workflows:enable_task", ADMIN, post=True, obj="task"),
    row("wagtailadmin_workflows:task_chosen", ADMIN, obj="task", kwargs=lambda w, t: {"task_id": t.pk}),
    *family(
        "wagtailadmin_reports",
        {
            f"{r}{s}": {}
            for r in ("locked_pages", "workflow", "workflow_tasks", "aging_pages", "page_types_usage")
            for s in ("", "_results")
        },
        allow=EDITORS,
    ),
    # The site history lists every object's log entries: administrators only (portal.accounts.choosers).
    row("wagtailadmin_reports:site_history", ADMIN),
    row("wagtailadmin_reports:site_history_results", ADMIN),
]
