"""Who sees and does what with the saved pool searches.

A search is its owner's; shared, the other recruiters of the owner's company may open it (never
change it, delete it or receive its alerts). Nobody outside the company ever sees it. Everything
needs the pool search itself (recruitment.sar.perms.may_search_pool): a company's screen.
"""

from django.db.models import Q

from recruitment.sar import perms as sar_perms

from .models import SavedSearch

VIEW_SEARCHES = "alerts.view_savedsearch"
ADD_SEARCHES = "alerts.add_savedsearch"
CHANGE_SEARCHES = "alerts.change_savedsearch"
DELETE_SEARCHES = "alerts.delete_savedsearch"


def may_save_searches(user):
    """'Mes recherches': the pool search, and the permission to keep searches."""
    return sar_perms.may_search_pool(user) and user.has_perm(VIEW_SEARCHES)


def saved_searches_for(user):
    """The user's own searches and those their company's recruiters shared."""
    if not may_save_searches(user):
        return SavedSearch.objects.none()
    return SavedSearch.objects.filter(
        Q(owner=user) | Q(shared=True, owner__organisation_id=user.organisation_id, owner__is_active=True)
    )


def own_saved_searches(user):
    """The searches the user may change, delete and be alerted of: their own."""
    return saved_searches_for(user).filter(owner=user)
