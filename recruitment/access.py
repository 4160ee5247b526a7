"""The access log of the dossiers: one place that records an outsider's access (one insert, no other query).

Every screen that shows a dossier's personal data calls `record_access(request, candidate, action)` once
the dossier is loaded (the function views, the commission and pool screens) or mixes `RecordsAccess` into
its class-based view (the dossier viewset's edit and history screens). Only a user outside the dossier's
organisation is recorded (`perms.is_outsider`); the address is the client's behind the trusted proxies
(`request.client_address`, set by `portal.client.ClientAddressMiddleware`).
"""

from django.utils import timezone

from . import perms
from .models import AccessAction, DossierAccess

__all__ = ["AccessAction", "RecordsAccess", "record_access"]


def record_access(request, candidate, action):
    """Record `action` on `candidate` when `request.user` is outside the dossier's organisation."""
    user = request.user
    if not user.is_authenticated or not perms.is_outsider(user, candidate):
        return None
    return DossierAccess.objects.create(
        at=timezone.now(),
        user_id=user.pk,
        user_organisation_id=user.organisation_id,
        candidate_id=candidate.pk,
        candidate_organisation_id=candidate.organisation_id,
        action=action,
        path=request.path[:255],
        address=getattr(request, "client_address", None) or None,
    )


class RecordsAccess:
    """For a view with `self.object` (a dossier): a successful GET is recorded as `access_action`."""

    access_action = AccessAction.VIEW

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # A listing's AJAX refresh (`results_only`) is the same screen: recorded once, when it opens.
        if response.status_code == 200 and not getattr(self, "results_only", False):
            record_access(request, self.object, self.access_action)
        return response
