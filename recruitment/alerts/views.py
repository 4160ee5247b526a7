"""Views of the saved searches outside the viewset: opening one in the pool search, and the one-click
unsubscribe of the e-mailed alerts (public, authenticated by its signed token)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from . import matching, perms
from .enums import AlertFrequency
from .notifications import search_from_token


@require_GET
def open_search(request, pk):
    """The pool search with the saved criteria; for its owner, its new candidates are then known."""
    if not perms.may_save_searches(request.user):
        raise PermissionDenied
    search = get_object_or_404(perms.saved_searches_for(request.user), pk=pk)
    if search.owner_id == request.user.pk:
        matching.mark_known(search)
    query = matching.query_string(search.query)
    return redirect(f"{reverse('sar_pool:index')}?{query}" if query else reverse("sar_pool:index"))


@csrf_exempt  # authenticated by the signed token; mail clients POST here (RFC 8058) without a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """Stop the alerts of one saved search, without logging in. GET shows a confirmation button (mail
    providers' link scanners follow links: they must not unsubscribe anyone); POST, from that button
    or from the mail client's `List-Unsubscribe-Post`, sets the frequency to "Aucune"."""
    search = search_from_token(token)
    if search is None:
        raise Http404
    done = False
    if request.method == "POST":
        search.frequency = AlertFrequency.NONE
        search.save(update_fields=["frequency"])
        done = True
    return render(
        request,
        "alerts/unsubscribe.html",
        {"search": search, "done": done, "subscribed": search.frequency != AlertFrequency.NONE},
    )
