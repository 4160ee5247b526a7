"""Read-only panel for the dossier form: the commission's sessions, classification and PIADC of the dossier.

Registered on the dossier screen by wagtail_hooks (recruitment.panels.DOSSIER_PANELS_HOOK).
"""

from django.urls import reverse
from wagtail.admin.panels import Panel

from .models import TrainingPlan


class CommissionPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "commission/panels/commission.html"

        def is_shown(self):
            return bool(self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            candidate = self.instance
            context.update(
                candidate=candidate,
                analyses=list(
                    candidate.commission_analyses.select_related("session", "session__territory").order_by(
                        "-session__date"
                    )
                ),
                plan=TrainingPlan.objects.filter(candidate=candidate).first(),
                opinion_url=reverse("commission:dossier", args=[candidate.pk]),
            )
            return context
