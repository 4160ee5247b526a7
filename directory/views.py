"""Views of the DirectoryPage routes: the filterable list and an organisation's page."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_protect

from portal.limits import CONTACT_PER_CLIENT, CONTACT_PER_TARGET, first_exceeded
from portal.organisations.enums import CategoryCode

from .filters import DirectoryFilter, listed_organisations, with_list_data
from .forms import ContactForm
from .notifications import send_contact_message
from .text import safe_presentation, summary

PAGE_SIZE = 20


def directory_list(request, page):
    filterset = DirectoryFilter(request.GET or None)
    if filterset.is_bound and not filterset.form.is_valid():
        # A stale link (value removed from a reference list): ignore what is unknown.
        filterset = DirectoryFilter(_valid_only(filterset))
    queryset = with_list_data(filterset.filtered())
    paginator = Paginator(queryset, PAGE_SIZE)
    results = paginator.get_page(request.GET.get("page"))
    for organisation in results:
        organisation.summary = summary(organisation.presentation)
    query = request.GET.copy()
    query.pop("page", None)
    context = page.get_context(request)
    context.update(
        {
            "filterset": filterset,
            "facets": filterset.facets(),
            "results": results,
            "paginator": paginator,
            "filters_active": filterset.active,
            "querystring": query.urlencode(),
        }
    )
    return TemplateResponse(request, "directory/directory_page.html", context)


def _valid_only(filterset):
    data = filterset.data.copy()
    for name in filterset.form.errors:
        data.pop(name, None)
    return data


@csrf_protect
def organisation_detail(request, page, slug):
    organisation = get_object_or_404(
        listed_organisations()
        .select_related("category", "company_type", "logo", "affiliation", "hr_contact", "referent")
        .prefetch_related("activities", "establishment_departments", "intervention_departments"),
        slug=slug,
    )
    is_company = organisation.category.code == CategoryCode.COMPANY
    can_be_contacted = is_company and bool(organisation.contact_recipient and organisation.contact_recipient.email)
    form = None
    status = 200
    if can_be_contacted:
        if request.method == "POST":
            form = ContactForm(request.POST, request.FILES)
            if form.is_spam:
                # Say nothing to the robot; send nothing.
                _count_send(request, organisation)
                return HttpResponseRedirect(f"{page.url}{organisation.slug}/?envoye=1#contact")
            if form.is_valid():
                limited = _count_send(request, organisation)
                if limited:
                    form.add_error(None, limited)
                    status = 429
                else:
                    send_contact_message(organisation, form.cleaned_data, form.cleaned_data.get("cv"))
                    return HttpResponseRedirect(f"{page.url}{organisation.slug}/?envoye=1#contact")
        else:
            form = ContactForm()
    elif request.method == "POST":
        raise Http404("Cet organisme ne reçoit pas de message par l'annuaire.")
    context = page.get_context(request)
    context.update(
        {
            "organisation": organisation,
            "presentation": safe_presentation(organisation.presentation),
            "is_company": is_company,
            "can_be_contacted": can_be_contacted,
            "form": form,
            "sent": request.method == "GET" and request.GET.get("envoye") == "1",
            "list_url": page.url,
        }
    )
    return TemplateResponse(request, "directory/organisation_page.html", context, status=status)


def _count_send(request, organisation):
    """Count one message against the per-client and per-company limits; the French message when exceeded."""
    exceeded = first_exceeded(request, CONTACT_PER_CLIENT, CONTACT_PER_TARGET, target=organisation.pk)
    return exceeded.message if exceeded else None
