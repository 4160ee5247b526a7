"""Membership: the yearly fee grid, applications with their draft and decision, access requests."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.accounts.roles import Role
from portal.pages.blocks import BodyBlock
from portal.storage import private_storage

from . import rules
from .enums import AccountRequestState, ApplicationState, Sector
from .fees import Band, GridRules, band_label
from .forms.calculator import FeeCalculatorForm

# Fee grid ------------------------------------------------------------------


class FeeGridQuerySet(models.QuerySet):
    def current(self):
        """The grid of the current year, else the latest one before it, else the latest one."""
        year = timezone.localdate().year
        return self.filter(year__lte=year).order_by("-year").first() or self.order_by("-year").first()


class FeeGrid(ClusterableModel):
    year = models.PositiveIntegerField("année", unique=True)
    startup_fee = models.PositiveIntegerField("startup : cotisation standard (€)", default=120)
    startup_affiliated_fee = models.PositiveIntegerField("startup : cotisation organisme affilié (€)", default=60)
    startup_pack_fee = models.PositiveIntegerField(
        "startup affiliée ayant souscrit le pack Startup de Syntec Numérique (€)", default=0
    )

    objects = FeeGridQuerySet.as_manager()

    panels = [
        FieldPanel("year"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("startup_fee"), FieldPanel("startup_affiliated_fee")]),
                FieldPanel("startup_pack_fee"),
            ],
            "Règle startup (secteur numérique)",
        ),
        InlinePanel("bands", label="Tranche", heading="Tranches d'effectif"),
    ]

    class Meta:
        verbose_name = "grille de cotisation"
        verbose_name_plural = "grilles de cotisation"
        ordering = ["-year"]

    def __str__(self):
        return f"Grille de cotisation {self.year}"

    def rules(self):
        return GridRules(
            year=self.year,
            bands=tuple(
                Band(b.sector, b.min_headcount, b.max_headcount, b.standard_fee, b.affiliated_fee)
                for b in self.bands.all()
            ),
            startup_fee=self.startup_fee,
            startup_affiliated_fee=self.startup_affiliated_fee,
            startup_pack_fee=self.startup_pack_fee,
        )

    def table(self, sector):
        return [band for band in self.bands.all() if band.sector == sector]


class FeeBand(Orderable):
    grid = ParentalKey(FeeGrid, related_name="bands", on_delete=models.CASCADE)
    sector = models.CharField("grille", max_length=20, choices=Sector.choices, default=Sector.DIGITAL)
    min_headcount = models.PositiveIntegerField("effectif minimum", default=0)
    max_headcount = models.PositiveIntegerField(
        "effectif maximum", null=True, blank=True, help_text="Laisser vide pour la dernière tranche (« Plus de … »)."
    )
    standard_fee = models.PositiveIntegerField("cotisation annuelle standard (€)")
    affiliated_fee = models.PositiveIntegerField("cotisation annuelle organisme affilié (€)")

    panels = [
        FieldPanel("sector"),
        FieldRowPanel([FieldPanel("min_headcount"), FieldPanel("max_headcount")]),
        FieldRowPanel([FieldPanel("standard_fee"), FieldPanel("affiliated_fee")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "tranche d'effectif"
        verbose_name_plural = "tranches d'effectif"

    def __str__(self):
        return f"{self.get_sector_display()} – {self.label}"

    @property
    def label(self):
        return band_label(self.min_headcount, self.max_headcount)


# Applications --------------------------------------------------------------


class MembershipApplicationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=ApplicationState.PENDING)

    def overdue(self, now=None):
        """`rules.is_review_overdue`, as a query."""
        return self.pending().filter(submitted_at__lt=rules.review_cutoff(now or timezone.now()))


class MembershipApplication(models.Model):
    """One application: part 1 creates the (inactive) account, part 2 is kept as a draft until sent."""

    state = models.CharField(
        "état", max_length=20, choices=ApplicationState.choices, default=ApplicationState.DRAFT, db_index=True
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="demandeur (référent)",
        on_delete=models.CASCADE,
        related_name="membership_applications",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name="organisme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="membership_applications",
    )
    organisation_name = models.CharField("raison sociale", max_length=255, blank=True)
    sector = models.CharField("secteur", max_length=20, choices=Sector.choices, default=Sector.DIGITAL)
    draft_data = models.JSONField("brouillon de la partie 2", default=dict, blank=True)
    draft_logo = models.FileField(
        "logo (brouillon)", upload_to="membership/logos/%Y/", storage=private_storage, blank=True
    )
    expected_fee = models.PositiveIntegerField("cotisation annuelle attendue (€)", null=True, blank=True)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    submitted_at = models.DateTimeField("transmise le", null=True, blank=True)
    decided_at = models.DateTimeField("décidée le", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="décidée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decision_comment = models.TextField("commentaire de la décision", blank=True)
    last_reminder_at = models.DateTimeField("dernière relance le", null=True, blank=True)

    objects = MembershipApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = "demande d'adhésion"
        verbose_name_plural = "demandes d'adhésion"
        ordering = ["-submitted_at", "-created_at"]
        permissions = [
            ("decide_membershipapplication", "Peut accepter ou refuser une demande d'adhésion"),
            ("receive_membershipapplication", "Reçoit les demandes d'adhésion et leurs relances"),
        ]

    def __str__(self):
        return self.organisation_name or f"Demande n° {self.pk}"

    @property
    def is_overdue(self):
        return rules.is_review_overdue(self.state, self.submitted_at, timezone.now())

    @property
    def days_pending(self):
        return rules.days_pending(self.state, self.submitted_at, timezone.now())


class AccountRequest(models.Model):
    """A referent asks for an extranet account for a colleague; an administrator approves."""

    ROLE_CHOICES = [
        (Role.COMPANY_RECRUITER.value, Role.COMPANY_RECRUITER.value),
        (Role.EMPLOYMENT_ADVISER.value, Role.EMPLOYMENT_ADVISER.value),
    ]

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name="organisme",
        on_delete=models.CASCADE,
        related_name="account_requests",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="demandé par", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    last_name = models.CharField("nom", max_length=150)
    first_name = models.CharField("prénom", max_length=150)
    email = models.EmailField("adresse de courriel")
    role = models.CharField("rôle souhaité", max_length=50, choices=ROLE_CHOICES)
    state = models.CharField(
        "état", max_length=20, choices=AccountRequestState.choices, default=AccountRequestState.PENDING, db_index=True
    )
    created_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="compte créé",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("demandé le", auto_now_add=True)
    decided_at = models.DateTimeField("traité le", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="traité par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    comment = models.TextField("commentaire", blank=True)

    class Meta:
        verbose_name = "demande d'accès à l'extranet"
        verbose_name_plural = "demandes d'accès à l'extranet"
        ordering = ["-created_at"]
        permissions = [
            ("approve_accountrequest", "Peut accepter ou refuser une demande d'accès"),
            # self-service of an accepted organisation's referent
            ("designate_hr_contact", "Peut désigner le contact RH de son organisme"),
        ]

    def __str__(self):
        return f"{self.last_name.upper()} {self.first_name} ({self.organisation})"

    def colleague(self):
        return f"{self.last_name.upper()} {self.first_name}"

    colleague.short_description = "Collaborateur"  # the list's column (label_for_field)
    colleague.admin_order_field = "last_name"


# Settings and pages ----------------------------------------------------------


@register_setting(icon="form")
class MembershipSettings(BaseSiteSetting):
    statutes_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="statuts",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rules_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="règlement intérieur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("statutes_document"), FieldPanel("rules_document")]

    class Meta:
        verbose_name = "paramètres des adhésions"


class MembershipIndexPage(Page):
    """/adherer/: why, how, how much, taking part; and the button to apply."""

    intro = models.TextField("chapô", blank=True)
    body = StreamField(BodyBlock(), verbose_name="contenu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["pages.ContentPage", "membership.FeeGridPage"]
    max_count = 1

    class Meta:
        verbose_name = "page Devenir adhérent"


class FeeGridPage(Page):
    """The fee grid of the current year (data) and the calculator."""

    intro = models.TextField("chapô", blank=True)
    body = StreamField(BodyBlock(), verbose_name="notes sous la grille", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["membership.MembershipIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "page Grille de cotisation"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        grid = FeeGrid.objects.current()
        context["grid"] = grid
        if grid:
            context["digital_bands"] = grid.table(Sector.DIGITAL)
            context["non_digital_bands"] = grid.table(Sector.NON_DIGITAL)
        form = FeeCalculatorForm(request.GET if "sector" in request.GET else None)
        context["calculator"] = form
        if grid and form.is_valid():
            context["quote"] = form.quote(grid.rules())
        return context
