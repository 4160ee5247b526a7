"""Public views of the news capability (the pages themselves are Wagtail pages)."""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .notifications import user_id_from_token


@csrf_exempt  # authenticated by the signed token; mail clients POST here (RFC 8058) without a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """One-click unsubscribe from the daily digest, without logging in.

    GET shows a single confirmation button (link scanners of mail providers follow links:
    they must not unsubscribe anyone); POST, from that button or from the mail client's
    `List-Unsubscribe-Post`, unsubscribes.
    """
    user_id = user_id_from_token(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        raise Http404
    done = False
    if request.method == "POST":
        user.news_categories.clear()
        done = True
    categories = [] if done else list(user.news_categories.all())
    return render(request, "news/unsubscribe.html", {"done": done, "categories": categories, "token": token})
