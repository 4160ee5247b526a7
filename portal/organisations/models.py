"""Organisations of the network and the geography they work in.

`Organisation` is shared by the directory (public sheet), membership (application and
decision) and recruitment (employment partners follow candidates, companies keep sheets).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.reference import ReferenceItem

from . import rules
from .enums import CategoryCode, MembershipState


class Territory(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "territoire"
        verbose_name_plural = "territoires"


class Department(ReferenceItem):
    code = models.CharField("numéro", max_length=3, unique=True)
    territory = models.ForeignKey(
        Territory, verbose_name="territoire", on_delete=models.PROTECT, related_name="departments"
    )

    class Meta(ReferenceItem.Meta):
        verbose_name = "département"
        verbose_name_plural = "départements"
        ordering = ["order", "code"]

    def __str__(self):
        return f"{self.territory.name} : {self.name} ({self.code})"


class EmploymentArea(ReferenceItem):
    """A bassin d'emploi, named "Territoire / Département"."""

    territory = models.ForeignKey(
        Territory, verbose_name="territoire", on_delete=models.PROTECT, related_name="employment_areas"
    )
    department = models.ForeignKey(
        Department,
        verbose_name="département",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="employment_areas",
    )

    class Meta(ReferenceItem.Meta):
        verbose_name = "bassin d'emploi"
        verbose_name_plural = "bassins d'emploi"


class OrganisationCategory(ReferenceItem):
    code = models.CharField("code", max_length=30, choices=CategoryCode.choices, unique=True)

    class Meta(ReferenceItem.Meta):
        verbose_name = "catégorie d'organisme"
        verbose_name_plural = "catégories d'organisme"


class CompanyType(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "type d'entreprise"
        verbose_name_plural = "types d'entreprise"


class Activity(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "activité principale"
        verbose_name_plural = "activités principales"


class OrganisationQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(membership_state=MembershipState.ACCEPTED)

    def companies(self):
        return self.filter(category__code=CategoryCode.COMPANY)

    def employment_partners(self):
        return self.filter(category__code=CategoryCode.EMPLOYMENT_PARTNER)


class Organisation(index.Indexed, models.Model):
    name = models.CharField("raison sociale", max_length=255)
    slug = models.SlugField("identifiant d'URL", max_length=255, unique=True, blank=True)
    category = models.ForeignKey(
        OrganisationCategory,
        verbose_name="catégorie d'organisme",
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    head_office_department = models.ForeignKey(
        Department,
        verbose_name="localisation de la direction régionale",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name="logo", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    presentation = RichTextField(
        "présentation", blank=True, features=["bold", "italic", "h3", "h4", "ol", "ul", "link"]
    )
    website = models.URLField("site web", blank=True)
    address = models.CharField("adresse", max_length=255, blank=True)
    postcode = models.CharField("code postal", max_length=10, blank=True)
    city = models.CharField("ville", max_length=100, blank=True)
    company_type = models.ForeignKey(
        CompanyType,
        verbose_name="type d'entreprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
    )
    activities = models.ManyToManyField(
        Activity, verbose_name="activités principales", blank=True, related_name="organisations"
    )
    establishment_departments = models.ManyToManyField(
        Department, verbose_name="localisation des établissements", blank=True, related_name="established_organisations"
    )
    intervention_departments = models.ManyToManyField(
        Department,
        verbose_name="zones géographiques d'intervention",
        blank=True,
        related_name="intervening_organisations",
    )
    affiliation = models.ForeignKey(
        "self",
        verbose_name="affiliation à un organisme professionnel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        limit_choices_to={"category__code": CategoryCode.PROFESSIONAL_BODY},
        related_name="affiliated_organisations",
    )
    referent = models.ForeignKey(
        "accounts.User",
        verbose_name="référent de l'organisme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referent_of",
    )
    hr_contact = models.ForeignKey(
        "accounts.User",
        verbose_name="contact des ressources humaines",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hr_contact_of",
    )
    membership_state = models.CharField(
        "état de l'adhésion",
        max_length=20,
        choices=MembershipState.choices,
        default=MembershipState.PENDING,
        db_index=True,
    )
    member_since = models.DateField("adhérent depuis", null=True, blank=True)
    headcount_alsace = models.PositiveIntegerField("adhésion pour l'Alsace", default=0)
    headcount_champagne_ardenne = models.PositiveIntegerField("adhésion pour Champagne-Ardenne", default=0)
    headcount_lorraine = models.PositiveIntegerField("adhésion pour Lorraine", default=0)
    is_startup = models.BooleanField("startup", default=False)
    has_syntec_startup_pack = models.BooleanField("pack startup Syntec Numérique", default=False)
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("presentation"),
        index.FilterField("membership_state"),
        index.FilterField("category_id"),
    ]

    class Meta:
        verbose_name = "organisme"
        verbose_name_plural = "organismes"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if refusal := rules.hr_contact_refusal(self.pk, self.hr_contact):
            errors["hr_contact"] = refusal
        if refusal := rules.affiliation_refusal(self.pk, self.affiliation):
            errors["affiliation"] = refusal
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.name)[:240] or "organisme"
        slug, n = base, 2
        while Organisation.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    @property
    def headcount(self):
        return self.headcount_alsace + self.headcount_champagne_ardenne + self.headcount_lorraine

    @property
    def is_accepted(self):
        return self.membership_state == MembershipState.ACCEPTED

    @property
    def contact_recipient(self):
        """Who receives the directory's contact form: the HR contact, else the referent."""
        return self.hr_contact or self.referent
