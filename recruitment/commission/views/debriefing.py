"""The debriefing: the pilot steps through the session's dossiers "À déterminer" and "Sans suite"."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from .. import perms, services
from ..enums import SCALES
from ..forms import DebriefingForm
from ..synthesis import synthesis_context
from .base import CommissionView, SessionMixin


class DebriefingView(SessionMixin, CommissionView):
    template_name = "commission/debriefing.html"

    def has_permission(self, user):
        return perms.may_manage_sessions(user)

    def get_page_title(self):
        return f"Débriefing – {self.get_session()}"

    def current(self, analyses):
        wanted = self.request.GET.get("dossier") or self.request.POST.get("dossier")
        if wanted and wanted.isdigit():
            found = next((a for a in analyses if a.pk == int(wanted)), None)
            if found is not None:
                return found
            # Already settled (e.g. classified Employable): back to the first dossier still to discuss.
            if not self.get_session().analyses.filter(pk=int(wanted)).exists():
                raise Http404
        return analyses[0] if analyses else None

    def get_context_data(self, form=None, **kwargs):
        session = self.get_session()
        analyses = services.debriefing_analyses(session)
        current = self.current(analyses)
        context = super().get_context_data(**kwargs)
        context.update(session=session, analyses=analyses, current=current)
        if current:
            position = analyses.index(current)
            context.update(
                position=position + 1,
                next_analysis=analyses[position + 1] if position + 1 < len(analyses) else None,
                previous_analysis=analyses[position - 1] if position > 0 else None,
                synthesis=synthesis_context(current.candidate, audience="commission", analysis=current),
                form=form
                or DebriefingForm(
                    analysis=current,
                    initial={
                        "classification": services.effective_classification(current) or None,
                        "dismissal_reason": current.dismissal_reason_id,
                        "classified_on": current.candidate.classified_on or timezone.localdate(),
                    },
                ),
            )
        return context

    def post(self, request, *args, **kwargs):
        session = self.get_session()
        analyses = services.debriefing_analyses(session)
        current = self.current(analyses)
        if current is None:
            raise Http404
        form = DebriefingForm(request.POST, analysis=current)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.classify(
                    current,
                    classification=data["classification"],
                    dismissal_reason=data["dismissal_reason"],
                    classified_on=data["classified_on"],
                    user=request.user,
                    opinions={field: data[field] for field, _t, _q, _c in SCALES},
                )
            except ValidationError as error:
                form.add_error(None, error)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, f"Avis et classification de {current.candidate} enregistrés.")
        position = analyses.index(current)
        following = analyses[position + 1] if position + 1 < len(analyses) else None
        url = reverse("commission:debriefing", args=[session.pk])
        return redirect(f"{url}?dossier={following.pk}" if following else url)
