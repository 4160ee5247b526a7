"""Create the role groups and give them their permissions (idempotent)."""

from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from portal import frame
from portal.accounts.groups import ensure_group
from portal.accounts.roles import PAGE_EDITOR_ROLES, collect_role_permissions

COLLECTION_APPS = {"wagtailimages", "wagtaildocs"}


class Command(BaseCommand):
    help = "Crée les groupes des rôles et leur attribue leurs permissions."

    @transaction.atomic
    def handle(self, *args, **options):
        root_collection = Collection.get_first_root_node()
        root_page = Page.get_first_root_node()
        for role, perm_names in collect_role_permissions().items():
            group = ensure_group(role)
            model_perms, collection_perms = [], []
            for name in sorted(set(perm_names)):
                app_label, codename = name.split(".")
                try:
                    perm = Permission.objects.get(content_type__app_label=app_label, codename=codename)
                except Permission.DoesNotExist as exc:
                    raise CommandError(f"Permission inconnue pour {role}: {name}") from exc
                (collection_perms if app_label in COLLECTION_APPS else model_perms).append(perm)
            group.permissions.set(model_perms)
            GroupCollectionPermission.objects.filter(group=group).exclude(permission__in=collection_perms).delete()
            for perm in collection_perms:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm
                )
            if role in PAGE_EDITOR_ROLES:
                for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"):
                    GroupPagePermission.objects.get_or_create(
                        group=group,
                        page=root_page,
                        permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore"),
                    )
        frame.drop_snapshots()  # every cached permission, even if a change made without signal left them stale
        self.stdout.write(self.style.SUCCESS("Rôles à jour."))
