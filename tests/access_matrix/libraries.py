"""Wagtail's libraries and settings: images, documents, reference lists (snippets), sites, users, groups,
redirects, forms, settings, embeds, and the public documents and API."""

from django.urls import reverse
from wagtail import hooks
from wagtail.snippets.models import get_snippet_models

from . import ADMIN, EDITORS, EVERYONE, NOBODY, ORG_REFERENTS, Row, family, row

hooks.search_for_hooks()  # the apps' wagtail_hooks register their reference lists as snippets

SNIPPET_OBJECT_ACTIONS = ("edit", "delete", "usage", "history", "history_results", "copy")
IMAGE_CHOOSERS = EDITORS | ORG_REFERENTS
# Referents hold wagtailimages.add_image (the logo): Wagtail opens them the library too (its menu hidden).
IMAGE_LIBRARY = EDITORS | ORG_REFERENTS
DOCUMENT_CHOOSERS = EDITORS


# One reference list per app is walked as every profile; the others, which share Wagtail's snippet
# views and differ only by model permissions, as an administrator, an editor and an adviser.
FULLY_WALKED = {"organisations.Territory", "recruitment.Job", "news.NewsCategory", "mail.OutgoingEmail"}
SAMPLED = ("admin", "editor", "adviser", "anonymous")


def snippet_rows(model):
    """Every route of a reference list (snippet) and of its chooser: the administrators' business."""
    label = f"{model._meta.app_label}_{model._meta.model_name}"
    kind = f"model:{model._meta.label}"
    if model._meta.label not in FULLY_WALKED:
        return [
            Row(**{**r.__dict__, "profiles": SAMPLED, "note": "same snippet views as the fully walked lists"})
            for r in snippet_rows_of(label, kind, model)
        ]
    return snippet_rows_of(label, kind, model)


def snippet_rows_of(label, kind, model):
    rows = [
        *family(f"wagtailsnippets_{label}", {"list": {}, "list_results": {}, "add": {}}, allow=ADMIN),
        *family(f"wagtailsnippets_{label}", dict.fromkeys(SNIPPET_OBJECT_ACTIONS, {}), allow=ADMIN, obj=kind),
        *family(
            f"wagtailsnippetchoosers_{label}",
            dict.fromkeys(("choose", "choose_results", "chosen_multiple", "create"), {}),
            allow=ADMIN,
        ),
        row(f"wagtailsnippetchoosers_{label}:chosen", ADMIN, obj=kind),
    ]
    if model._meta.label == "mail.OutgoingEmail":
        rows.append(row(f"wagtailsnippets_{label}:inspect", ADMIN, obj=kind))
        rows.append(row(f"wagtailsnippets_{label}:html", ADMIN, obj=kind, note="the HTML as sent, for the preview"))
        rows.append(row(f"wagtailsnippets_{label}:resend", ADMIN, obj=kind, note="a queued e-mail: sent back"))
    return rows


def _image(**extra):
    return lambda w, image: {"image_id": image.pk, **extra}


def _find(endpoint):
    return lambda w, obj: reverse(f"wagtailapi:{endpoint}:find") + f"?id={obj.pk}"


def _document(w, doc):
    return {"document_id": doc.pk}


ROWS = [
    row("wagtailsnippets:index", NOBODY, note="sent to the dashboard: the lists have their own menu"),
    *[r for model in get_snippet_models() for r in snippet_rows(model)],
    # Images library.
    *family("wagtailimages", dict.fromkeys(("index", "index_results", "add", "add_multiple"), {}), allow=IMAGE_LIBRARY),
    *family(
        "wagtailimages",
        dict.fromkeys(("edit", "delete", "image_usage"), {}),
        allow=EDITORS,
        obj="image",
        kwargs=_image(),
    ),
    *family(
        "wagtailimages",
        dict.fromkeys(("url_generator", "url_generator_output"), {}),
        obj="image",
        kwargs=_image(),
        note="the dynamic image serve view is not installed: 404",
    ),
    row("wagtailimages:preview", EDITORS, obj="image", kwargs=_image(filter_spec="max-165x165")),
    *family(
        "wagtailimages",
        dict.fromkeys(("edit_multiple", "delete_multiple"), {}),
        allow=EDITORS,
        post=True,
        obj="image",
        kwargs=_image(),
    ),
    *family(
        "wagtailimages",
        dict.fromkeys(("create_multiple_from_uploaded_image", "delete_upload_multiple"), {}),
        allow=NOBODY,
        post=True,
        kwargs={"uploaded_file_id": 999},
    ),
    *family(
        "wagtailimages_chooser",
        dict.fromkeys(("choose", "choose_results", "chosen_multiple"), {}),
        allow=IMAGE_CHOOSERS,
    ),
    row("wagtailimages_chooser:create", IMAGE_CHOOSERS, post=True),
    row("wagtailimages_chooser:chosen", IMAGE_CHOOSERS, obj="image"),
    row("wagtailimages_chooser:select_format", IMAGE_CHOOSERS, obj="image", kwargs=_image()),
    # Documents library.
    *family("wagtaildocs", dict.fromkeys(("index", "index_results", "add", "add_multiple"), {}), allow=EDITORS),
    *family(
        "wagtaildocs",
        dict.fromkeys(("edit", "delete", "document_usage"), {}),
        allow=EDITORS,
        obj="document",
        kwargs=_document,
    ),
    *family(
        "wagtaildocs",
        dict.fromkeys(("edit_multiple", "delete_multiple"), {}),
        allow=EDITORS,
        post=True,
        obj="document",
        kwargs=lambda w, d: {"doc_id": d.pk},
    ),
    *family(
        "wagtaildocs",
        dict.fromkeys(("create_multiple_from_uploaded_document", "delete_upload_multiple"), {}),
        allow=NOBODY,
        post=True,
        kwargs={"uploaded_file_id": 999},
    ),
    *family(
        "wagtaildocs_chooser",
        dict.fromkeys(("choose", "choose_results", "chosen_multiple"), {}),
        allow=DOCUMENT_CHOOSERS,
    ),
    row("wagtaildocs_chooser:create", EDITORS, post=True),
    row("wagtaildocs_chooser:chosen", DOCUMENT_CHOOSERS, obj="document"),
    # Public documents: a document outside a private collection is public.
    row("wagtaildocs_serve", EVERYONE, obj="document", path=lambda w, d: d.url),
    row("wagtaildocs_authenticate_with_password", NOBODY, kwargs={"restriction_id": 999}),
    # Embeds (rich text of pages).
    row("wagtailembeds:chooser", EDITORS),
    row("wagtailembeds:chooser_upload", EDITORS, post=True),
    # Sites, users, groups.
    *family("wagtailsites", dict.fromkeys(("index", "index_results", "add"), {}), allow=ADMIN),
    *family(
        "wagtailsites",
        dict.fromkeys(("edit", "delete", "history", "history_results", "usage", "copy"), {}),
        allow=ADMIN,
        obj="model:wagtailcore.Site",
    ),
    *family("wagtailusers_users", dict.fromkeys(("index", "index_results", "add"), {}), allow=ADMIN),
    *family(
        "wagtailusers_users",
        dict.fromkeys(("edit", "history", "history_results", "usage", "copy"), {}),
        allow=ADMIN,
        obj="user",
        other=ADMIN,
    ),
    row("wagtailusers_users:delete", NOBODY, obj="user", other=ADMIN, note="nobody deletes their own account"),
    *family("wagtailusers_groups", dict.fromkeys(("index", "index_results", "add"), {}), allow=ADMIN),
    *family(
        "wagtailusers_groups",
        dict.fromkeys(("edit", "delete", "history", "history_results", "usage"), {}),
        allow=ADMIN,
        obj="group",
    ),
    # Redirects, form submissions, settings.
    *family("wagtailredirects", dict.fromkeys(("index", "index_results", "add", "start_import"), {}), allow=ADMIN),
    row("wagtailredirects:process_import", ADMIN, post=True, note="an empty POST crashes Wagtail (KeyError)"),
    *family(
        "wagtailredirects",
        dict.fromkeys(("edit", "delete"), {}),
        allow=ADMIN,
        obj="redirect",
        kwargs=lambda w, r: {"redirect_id": r.pk},
    ),
    *family("wagtailforms", dict.fromkeys(("index", "index_results"), {}), allow=EDITORS),
    *family(
        "wagtailforms",
        dict.fromkeys(("list_submissions", "list_submissions_results", "delete_submissions"), {}),
        allow=NOBODY,
        obj="page",
        kwargs=lambda w, p: {"page_id": p.pk},
        note="no form page in the portal: 404",
    ),
    row(
        "wagtailsettings:edit",
        EDITORS,
        kwargs=[
            {"app_name": "pages", "model_name": "sitesettings"},
            lambda w, o: {
                "app_name": "pages",
                "model_name": "sitesettings",
                "pk": w.objects("model:wagtailcore.Site", "admin")[0].pk,
            },
        ],
    ),
    row(
        "wagtailsettings:preview_on_edit",
        NOBODY,
        post=True,
        kwargs=lambda w, o: {
            "app_name": "pages",
            "model_name": "sitesettings",
            "pk": w.objects("model:wagtailcore.Site", "admin")[0].pk,
        },
    ),
    # Public API: pages, images, documents (the directory's endpoint is in apps.py).
    *[
        r
        for endpoint in ("pages", "images", "documents")
        for r in family(
            f"wagtailapi:{endpoint}",
            {"listing": {}, "find": {"obj": endpoint[:-1], "path": _find(endpoint)}, "detail": {"obj": endpoint[:-1]}},
            allow=EVERYONE,
        )
    ],
]
