"""Public views of the membership application: part 1, part 2 (draft, autosave), preview, sent."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.datastructures import MultiValueDict
from django.views.decorators.http import require_POST
from wagtail.models import Site

from portal.limits import MEMBERSHIP_AUTOSAVE, MEMBERSHIP_ORGANISATION, MEMBERSHIP_REFERENT, MEMBERSHIP_SUBMIT, refuse
from portal.pages.models import SiteSettings

from . import notifications, quotes, services
from .enums import ApplicationState
from .forms.organisation import OrganisationForm, draft_from_post, initial_from_draft
from .forms.referent import ReferentForm
from .models import FeeGridPage, MembershipApplication, MembershipSettings
from .tokens import make_token, read_token


def _site_settings(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return (SiteSettings.for_site(site), MembershipSettings.for_site(site)) if site else (None, None)


def _legal_notice_url(request):
    site_settings, _ = _site_settings(request)
    page = site_settings.legal_notice_page if site_settings else None
    return page.url if page else None


def _organisation_form_kwargs(request, application):
    _, membership_settings = _site_settings(request)
    fee_page = FeeGridPage.objects.live().first()
    return {
        "application": application,
        "statutes_url": membership_settings.statutes_document.url
        if membership_settings and membership_settings.statutes_document
        else None,
        "rules_url": membership_settings.rules_document.url
        if membership_settings and membership_settings.rules_document
        else None,
        "fee_grid_url": fee_page.url if fee_page else None,
    }


def referent_view(request):
    """Part 1: the referent's account."""
    if request.method == "POST":
        if MEMBERSHIP_REFERENT.hit(request):
            form = ReferentForm(request.POST, legal_notice_url=_legal_notice_url(request))
            refuse(form, MEMBERSHIP_REFERENT.message)
            context = {"form": form, "step": 1, "photo_token": request.POST.get("photo_token", "")}
            return render(request, "membership/application_referent.html", context, status=429)
        form = ReferentForm(request.POST, request.FILES, legal_notice_url=_legal_notice_url(request))
        if form.is_valid():
            application = services.start_application(form)
            messages.success(
                request,
                "Votre compte est enregistré (il sera activé après la décision du Conseil d'Administration). "
                "Complétez maintenant la partie 2. Un lien pour y revenir plus tard vous a été envoyé par courriel.",
            )
            return redirect("membership:organisation", token=make_token(application))
        if form.draft_to_resume is not None:
            notifications.send_resume_link(form.draft_to_resume)
        photo_token = form.kept_photo_token()
    else:
        form = ReferentForm(legal_notice_url=_legal_notice_url(request))
        photo_token = ""
    return render(
        request,
        "membership/application_referent.html",
        {"form": form, "step": 1, "photo_token": photo_token},
    )


def _application_from_token(token):
    found = read_token(token)
    if not found:
        raise Http404("Lien invalide ou expiré.")
    application_pk, user_pk = found
    return get_object_or_404(
        MembershipApplication.objects.select_related("applicant"), pk=application_pk, applicant_id=user_pk
    )


def _bound_from_draft(request, application):
    return OrganisationForm(MultiValueDict(application.draft_data), **_organisation_form_kwargs(request, application))


def organisation_view(request, token):
    """Part 2: the organisation. Every POST keeps what was typed, valid or not."""
    application = _application_from_token(token)
    if application.state != ApplicationState.DRAFT:
        return render(request, "membership/application_already_sent.html", {"application": application}, status=410)
    kwargs = _organisation_form_kwargs(request, application)
    if request.method == "POST":
        if MEMBERSHIP_ORGANISATION.hit(request):
            form = refuse(OrganisationForm(request.POST, **kwargs), MEMBERSHIP_ORGANISATION.message)
            context = {"form": form, "application": application, "token": token, "step": 2}
            return render(request, "membership/application_organisation.html", context, status=429)
        form = OrganisationForm(request.POST, request.FILES, **kwargs)
        valid = form.is_valid()
        # Everything typed is kept, valid or not, with the logo once the upload checks accepted it.
        services.save_draft(application, draft_from_post(request.POST), logo=form.accepted_logo())
        form.has_stored_logo = bool(application.draft_logo)
        if request.POST.get("action") == "draft":
            messages.success(
                request,
                "Votre brouillon est enregistré. Vous pouvez revenir le compléter avec le lien reçu par courriel.",
            )
            if "logo" in form.errors and "logo" in request.FILES:
                messages.error(request, "Logo non enregistré : " + " ".join(form.errors["logo"]))
            return redirect("membership:organisation", token=token)
        if valid:
            return redirect("membership:preview", token=token)
    else:
        form = OrganisationForm(initial=initial_from_draft(application.draft_data), **kwargs)
    return render(
        request,
        "membership/application_organisation.html",
        {"form": form, "application": application, "token": token, "step": 2},
    )


@require_POST
def autosave_view(request, token):
    """Called by the page's script as the visitor types: nothing is lost if the tab is closed."""
    application = _application_from_token(token)
    if application.state != ApplicationState.DRAFT:
        return HttpResponse(status=410)
    if MEMBERSHIP_AUTOSAVE.hit(request):
        return HttpResponse(status=429)
    services.save_draft(application, draft_from_post(request.POST))
    return HttpResponse(status=204)


def preview_view(request, token):
    """Read-only view of the whole application with the expected fee, then "Envoyer ma demande"."""
    application = _application_from_token(token)
    if application.state != ApplicationState.DRAFT:
        return render(request, "membership/application_already_sent.html", {"application": application}, status=410)
    form = _bound_from_draft(request, application)
    if not form.is_valid():
        messages.error(request, "Certaines informations sont manquantes ou incorrectes : corrigez-les avant l'envoi.")
        return redirect("membership:organisation", token=token)
    if request.method == "POST":
        if MEMBERSHIP_SUBMIT.hit(request):
            messages.error(request, MEMBERSHIP_SUBMIT.message)
            return redirect("membership:preview", token=token)
        try:
            services.submit_application(application, form)
        except services.StateError as error:
            messages.error(request, str(error))
            return redirect("membership:organisation", token=token)
        except ValidationError as error:  # e.g. the same organisation sent meanwhile
            messages.error(request, " ".join(error.messages))
            return redirect("membership:organisation", token=token)
        return redirect("membership:sent")
    quote = quotes.draft_fee(form)
    return render(
        request,
        "membership/application_preview.html",
        {
            "form": form,
            "application": application,
            "applicant": application.applicant,
            "token": token,
            "quote": quote,
            "step": 3,
        },
    )


def sent_view(request):
    return render(request, "membership/application_sent.html")
