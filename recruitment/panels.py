"""The dossier's edit screen: its sections, panels and the panels other apps add to it."""

from django import forms
from django.urls import reverse, reverse_lazy
from telepath import BaseAdapter, ValueNode
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    TabbedInterface,
)
from wagtail.admin.telepath import register
from wagtail.admin.widgets import AdminDateInput

from . import perms
from .forms import DossierForm
from .widgets import CheckboxSelectMultiple, CityInput, JobTreeWidget, PrivateFileInput, Select

#: Apps built on the dossiers add read-only panels at the end of "Information du dossier":
#: `@hooks.register(DOSSIER_PANELS_HOOK)` on a function returning a list of panels.
DOSSIER_PANELS_HOOK = "register_dossier_panels"


class ConsentStatusPanel(Panel):
    """Shows whether consent is recorded (how, when, by whom, which version) with a link to the proof."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "recruitment/panels/consent_status.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            candidate = self.instance
            consent = candidate.consent if candidate.pk and candidate.has_consent else None
            context.update(
                candidate=candidate,
                consent=consent,
                terms_url=reverse("recruitment:terms"),
                proof_url=reverse("recruitment:consent_proof", args=[candidate.pk]) if consent else "",
            )
            return context


class DossierToolsPanel(Panel):
    """Links of an existing dossier: data export (right of access), anonymisation, review flag."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "recruitment/panels/dossier_tools.html"

        def is_shown(self):
            return bool(self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            candidate = self.instance
            user = self.request.user
            context.update(
                candidate=candidate,
                export_url=reverse("recruitment:personal_data", args=[candidate.pk])
                if perms.may_export_personal_data(user, candidate)
                else "",
                anonymise_url=reverse("recruitment:anonymise", args=[candidate.pk])
                if perms.may_anonymise(user) and not candidate.anonymised_at
                else "",
                erase_url=reverse("recruitment:erase", args=[candidate.pk])
                if perms.may_anonymise(user) and not candidate.anonymised_at
                else "",
            )
            return context


class DuplicateCheckPanel(Panel):
    """The "Vérifier l'unicité du dossier" button (the check is enforced again on save)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "recruitment/panels/duplicate_check.html"

        def is_shown(self):
            return not self.instance.pk

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["check_url"] = reverse("recruitment:check_duplicates")
            return context


class DossierTabs(TabbedInterface):
    """The dossier's two sections. The page is rendered on the server alone: no client-side copy of the panels."""

    class BoundPanel(TabbedInterface.BoundPanel):
        pass


class ServerRenderedPanel(BaseAdapter):
    """Packs the dossier form for the browser as nothing. Wagtail copies an edit form's panels into the page
    (`window.wagtail.editHandler`) by rendering every widget a second time; no script of the portal or of
    Wagtail reads that copy for a model without previews or StreamFields. Half the queries and bytes of the
    dossier page were that copy."""

    def build_node(self, obj, context):
        return ValueNode(None)


register(ServerRenderedPanel(), DossierTabs.BoundPanel)


def document_panels():
    return [
        FieldPanel("doc_type"),
        FieldPanel("file", widget=PrivateFileInput),
        FieldPanel("title"),
    ]


def dossier_edit_handler():
    """Two sections (tabs) of "volets" (collapsible panels), in the order of the manual."""
    date = AdminDateInput
    information = [
        DossierToolsPanel(),
        MultiFieldPanel(
            [
                FieldPanel("civility"),
                FieldPanel("last_name"),
                FieldPanel("first_name"),
                FieldPanel("has_france_travail_id"),
                FieldPanel("france_travail_id"),
                FieldPanel("is_rsa_beneficiary"),
                FieldPanel("caf_number"),
            ],
            heading="Identification",
        ),
        MultiFieldPanel(
            [
                FieldPanel("employment_area", widget=Select),
                FieldPanel("city", widget=CityInput(url=reverse_lazy("recruitment:cities"))),
                FieldRowPanel([FieldPanel("street_number"), FieldPanel("street"), FieldPanel("postcode")]),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading="Coordonnées",
        ),
        DuplicateCheckPanel(heading="Vérification de l'unicité du dossier"),
        MultiFieldPanel(
            [
                FieldPanel("organisation", widget=Select),
                FieldPanel("organisation_contact", widget=Select),
                FieldPanel("agency"),
                FieldPanel("adviser_name"),
                FieldPanel("adviser_contact"),
                FieldPanel("channel", widget=Select),
            ],
            heading="Source d'information",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                ConsentStatusPanel(),
                FieldPanel("consent_method"),
                FieldPanel("consent_signature"),
                FieldPanel("consent_scan"),
            ],
            heading="Consentement",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [FieldPanel("contexts", widget=CheckboxSelectMultiple)],
            heading="Contexte",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                FieldPanel("situation", widget=Select),
                FieldPanel("situation_date", widget=date),
                FieldPanel("situation_end_date", widget=date),
                FieldPanel("situation_note"),
            ],
            heading="Situation actuelle",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [InlinePanel("candidate_documents", panels=document_panels(), label="Document")],
            heading="Documents transmis par le candidat",
            help_text="Ne joignez que des documents qui peuvent être portés à la connaissance des recruteurs "
            "d'entreprise. Nommage : TYPE-N°-NOM-Prénom-Identifiant (proposé automatiquement si vous laissez le nom "
            "vide).",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [InlinePanel("internal_documents", panels=document_panels(), label="Document")],
            heading="Documents internes",
            help_text="Tests de connaissances, justificatifs, courriers : jamais montrés aux entreprises.",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                FieldPanel("status", widget=Select),
                FieldPanel("status_date", widget=date),
                FieldPanel("status_note"),
            ],
            heading="Suivi du traitement du dossier",
            classname="collapsed",
        ),
        # Read-only panels of the apps built on the dossiers (the commission's opinion).
        *(panel for hook in hooks.get_hooks(DOSSIER_PANELS_HOOK) for panel in hook()),
    ]
    qualification = [
        MultiFieldPanel(
            [
                FieldPanel("objective", widget=forms.RadioSelect),
                FieldPanel("wishes"),
                FieldPanel("company_types", widget=CheckboxSelectMultiple),
                FieldPanel("contract_types", widget=CheckboxSelectMultiple),
                FieldPanel("availability", widget=forms.RadioSelect),
                FieldPanel("current_jobs", widget=JobTreeWidget),
                FieldPanel("wished_jobs", widget=JobTreeWidget),
                FieldPanel("last_salary", widget=Select),
                FieldPanel("expected_salary", widget=Select),
                FieldPanel("minimum_salary", widget=Select),
                FieldPanel("other_information"),
            ],
            heading="Projet professionnel",
        ),
    ]
    return DossierTabs(
        [
            ObjectList(information, heading="Information du dossier"),
            ObjectList(qualification, heading="Qualification de l'employabilité"),
        ],
        base_form_class=DossierForm,
    )
