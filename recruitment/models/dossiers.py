"""Candidate dossiers (seed 000): the dossier, its documents, consent, cities and contact points."""

import os
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable
from wagtail.models.audit_log import BaseLogEntry, BaseLogEntryManager

from portal.accounts.enums import Civility
from portal.organisations.enums import CategoryCode
from portal.storage import private_storage

from .. import duplicates
from ..enums import (
    INACTIVITY_REVIEW_DAYS,
    Availability,
    CandidateDocumentType,
    Classification,
    ConsentMethod,
    InternalDocumentType,
    ProfessionalObjective,
)
from ..uploads import suggested_name, validate_document, validate_scan
from .reference import ApplicationChannel, ContractType, DossierStatus, Job, SalaryBand, SearchContext, Situation

__all__ = [
    "Candidate",
    "CandidateDocument",
    "City",
    "Consent",
    "ConsentTerms",
    "ContactPoint",
    "DossierLogEntry",
    "InternalDocument",
    "mark_consent",
    "reference_row",
]

YES_NO = [(True, "Oui"), (False, "Non")]


def reference_row(model, code_and_label):
    """The reference row with this code, else with this label (codes are set by `load_reference`)."""
    code, label = code_and_label
    return model.objects.filter(Q(code=code) | Q(name__iexact=label)).order_by("-is_active", "order").first()


class City(models.Model):
    """Cities already typed in a dossier, offered by the autocomplete."""

    name = models.CharField("ville", max_length=100)
    key = models.CharField("clé de comparaison", max_length=100, unique=True, editable=False)

    class Meta:
        verbose_name = "ville"
        verbose_name_plural = "villes"
        ordering = ["name"]

    def __str__(self):
        return self.name

    @classmethod
    def remember(cls, name):
        name = " ".join((name or "").split())
        key = duplicates.normalize(name)
        if key:
            cls.objects.get_or_create(key=key, defaults={"name": name})


class ConsentTerms(models.Model):
    """A version of the conditions of use shown to the candidate: a consent keeps the one it was given on."""

    version = models.CharField("version", max_length=20, unique=True)
    text = models.TextField("texte des conditions d'utilisation")
    published_on = models.DateField("en vigueur depuis", default=timezone.localdate)

    class Meta:
        verbose_name = "conditions d'utilisation des données"
        verbose_name_plural = "conditions d'utilisation des données"
        ordering = ["-published_on", "-pk"]

    def __str__(self):
        return f"Version {self.version} du {self.published_on:%d/%m/%Y}"

    @classmethod
    def current(cls):
        return cls.objects.filter(published_on__lte=timezone.localdate()).first()


class ContactPoint(models.Model):
    """The NEGE contact point of an organisation for an employment area (receives the alerts)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name="organisme",
        on_delete=models.CASCADE,
        related_name="contact_points",
        limit_choices_to={"category__code": CategoryCode.EMPLOYMENT_PARTNER},
    )
    employment_area = models.ForeignKey(
        "organisations.EmploymentArea", verbose_name="bassin d'emploi", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="point de contact", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = "point de contact NEGE"
        verbose_name_plural = "points de contact NEGE"
        ordering = ["organisation__name", "employment_area__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "employment_area"],
                name="recruitment_contactpoint_unique",
                violation_error_message="Cet organisme a déjà un point de contact pour ce bassin d'emploi.",
            )
        ]

    def __str__(self):
        return f"{self.organisation} – {self.employment_area} : {self.user}"


class CandidateQuerySet(models.QuerySet):
    def with_consent(self):
        return self.filter(has_consent=True)

    def inactive(self):
        return self.filter(updated_at__lt=timezone.now() - timedelta(days=INACTIVITY_REVIEW_DAYS))


class Candidate(ClusterableModel):
    """A candidate dossier, followed by one employment partner (its `organisation`)."""

    # Identification
    civility = models.CharField("civilité", max_length=3, choices=Civility.choices)
    last_name = models.CharField("nom", max_length=100, help_text="Enregistré en majuscules.")
    first_name = models.CharField("prénom", max_length=100)
    has_france_travail_id = models.BooleanField(
        "identifiant Pôle Emploi connu",
        choices=YES_NO,
        default=False,
        help_text="Il est préférable d'indiquer l'identifiant pour faciliter la détection de doublon.",
    )
    france_travail_id = models.CharField("identifiant Pôle Emploi (France Travail)", max_length=20, blank=True)
    is_rsa_beneficiary = models.BooleanField("bénéficiaire du RSA", choices=YES_NO, default=False)
    caf_number = models.CharField("numéro CAF", max_length=20, blank=True)

    # Coordonnées
    employment_area = models.ForeignKey(
        "organisations.EmploymentArea",
        verbose_name="bassin d'emploi",
        on_delete=models.PROTECT,
        related_name="candidates",
        help_text="Bassin d'emploi dans lequel habite (ou habitera) le candidat.",
    )
    city = models.CharField(
        "ville",
        max_length=100,
        help_text="Commencez à saisir le nom de la ville : les villes déjà saisies sont proposées ; "
        "sinon saisissez le nom complet, il sera mémorisé.",
    )
    street_number = models.CharField("n°", max_length=10, blank=True)
    street = models.CharField("voie", max_length=255, blank=True)
    postcode = models.CharField("code postal", max_length=10, blank=True)
    phone = models.CharField(
        "téléphone",
        max_length=30,
        blank=True,
        help_text="Où le candidat peut être joint par la commission ou une entreprise (téléphone ou courriel "
        "recommandé).",
    )
    email = models.EmailField("courriel", blank=True)

    # Source d'information
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name="organisme principal accompagnant le candidat",
        on_delete=models.PROTECT,
        related_name="candidates",
        limit_choices_to={"category__code": CategoryCode.EMPLOYMENT_PARTNER},
    )
    organisation_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="point de contact de l'organisme",
        on_delete=models.PROTECT,
        related_name="followed_candidates",
        help_text="Personne de l'organisme pour les échanges avec la commission.",
    )
    agency = models.CharField(
        "établissement / agence",
        max_length=255,
        blank=True,
        help_text="Si c'est un autre organisme que celui qui gère le dossier, saisissez d'abord son nom.",
    )
    adviser_name = models.CharField("nom du conseiller Emploi", max_length=150, blank=True)
    adviser_contact = models.CharField("coordonnées du conseiller Emploi", max_length=255, blank=True)
    channel = models.ForeignKey(
        ApplicationChannel,
        verbose_name="canal de candidature",
        on_delete=models.PROTECT,
        related_name="candidates",
    )

    # Contexte
    contexts = models.ManyToManyField(
        SearchContext,
        verbose_name="contexte spécifique de recherche d'emploi",
        blank=True,
        related_name="candidates",
        help_text="Cochez les cas de figure correspondant à la situation du candidat.",
    )

    # Situation actuelle
    situation = models.ForeignKey(Situation, verbose_name="situation", on_delete=models.PROTECT, related_name="+")
    situation_date = models.DateField("date de situation", default=timezone.localdate)
    situation_end_date = models.DateField(
        "date de fin prévue",
        null=True,
        blank=True,
        help_text="Pour une situation temporaire (CDD, formation, indisponibilité).",
    )
    situation_note = models.TextField(
        "note de suivi de la situation",
        blank=True,
        help_text="Commentaire synthétique sur le contexte du changement de situation (l'historique est "
        "conservé automatiquement).",
    )

    # Suivi du traitement
    status = models.ForeignKey(
        DossierStatus, verbose_name="statut du dossier", on_delete=models.PROTECT, related_name="+"
    )
    status_date = models.DateField("date du statut", default=timezone.localdate)
    status_note = models.TextField(
        "commentaire sur le statut",
        blank=True,
        help_text="Contexte du changement de statut si nécessaire (l'historique est conservé automatiquement).",
    )
    # The commission's fields (issue #8 fills them).
    classification = models.CharField(
        "classification", max_length=20, choices=Classification.choices, blank=True, null=True
    )
    classified_on = models.DateField("date de classification", null=True, blank=True)

    # Qualification de l'employabilité → Projet professionnel (only once consent is recorded)
    objective = models.CharField(
        "objectif professionnel", max_length=20, choices=ProfessionalObjective.choices, blank=True
    )
    wishes = models.TextField(
        "souhaits et attentes du candidat",
        blank=True,
        help_text="Ce que le candidat recherche, aimerait faire, ce qui le motive. Ces données sont saisies sous "
        "la responsabilité de leur auteur.",
    )
    company_types = models.ManyToManyField(
        "organisations.CompanyType",
        verbose_name="types d'entreprise souhaités",
        blank=True,
        related_name="+",
    )
    contract_types = models.ManyToManyField(
        ContractType, verbose_name="types de contrat souhaités", blank=True, related_name="+"
    )
    availability = models.CharField("niveau de disponibilité", max_length=20, choices=Availability.choices, blank=True)
    current_jobs = models.ManyToManyField(
        Job, verbose_name="métiers exercés", blank=True, related_name="current_candidates"
    )
    wished_jobs = models.ManyToManyField(
        Job, verbose_name="métiers souhaités", blank=True, related_name="wishing_candidates"
    )
    last_salary = models.ForeignKey(
        SalaryBand,
        verbose_name="niveau de salaire du dernier poste",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    expected_salary = models.ForeignKey(
        SalaryBand,
        verbose_name="prétention salariale actuelle",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    minimum_salary = models.ForeignKey(
        SalaryBand,
        verbose_name="salaire minimum accepté",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    other_information = models.TextField("autres informations", blank=True)

    # Bookkeeping
    identifier_key = models.CharField(max_length=40, blank=True, editable=False, db_index=True)
    identity_key = models.CharField(max_length=320, blank=True, editable=False, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="créé par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField("créé le", default=timezone.now, editable=False)
    updated_at = models.DateTimeField("modifié le", default=timezone.now, editable=False, db_index=True)
    anonymised_at = models.DateTimeField("anonymisé le", null=True, blank=True, editable=False)
    # Mirrors the existence of `consent` (kept by Consent and by save()) so that the pool, a partial index
    # on candidates, needs no join.
    has_consent = models.BooleanField("consentement recueilli", default=False, editable=False)

    objects = CandidateQuerySet.as_manager()

    class Meta:
        verbose_name = "dossier de candidature"
        verbose_name_plural = "dossiers de candidature"
        ordering = ["last_name", "first_name", "pk"]
        indexes = [
            models.Index(fields=["organisation", "last_name"], name="recruitment_cand_org_name"),
            models.Index(fields=["status", "organisation"], name="recruitment_cand_status_org"),
            # The pool (vivier): classified Employable/Adaptable, listed by classification date. The included
            # columns are those the pool search filters on: counting a search reads the index alone.
            models.Index(
                fields=["-classified_on", "-id"],
                include=["employment_area", "situation_date", "last_name", "first_name"],
                condition=models.Q(
                    classification__in=["employable", "adaptable"], anonymised_at__isnull=True, has_consent=True
                ),
                name="recruitment_cand_pool",
            ),
        ]

    def __str__(self):
        return f"{self.last_name} {self.first_name}".strip()

    def save(self, *args, **kwargs):
        self.last_name = " ".join(self.last_name.split()).upper()
        self.first_name = " ".join(self.first_name.split())
        self.city = " ".join(self.city.split())
        if not self.has_france_travail_id:
            self.france_travail_id = ""
        if not self.is_rsa_beneficiary:
            self.caf_number = ""
        self.identifier_key = duplicates.identifier_key(self.france_travail_id)
        self.identity_key = duplicates.identity_key(self.last_name, self.first_name, self.city)
        self.updated_at = timezone.now()
        # A copy loaded before the consent was recorded must not write the flag back.
        self.has_consent = self.pk is not None and Consent.objects.filter(candidate_id=self.pk).exists()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                *("updated_at", "identifier_key", "identity_key", "has_consent"),
            }
        super().save(*args, **kwargs)
        if self.city and not self.anonymised_at:
            City.remember(self.city)

    @property
    def needs_review(self):
        """Inactive for two years: to be reviewed (and possibly anonymised) by an administrator."""
        return self.updated_at < timezone.now() - timedelta(days=INACTIVITY_REVIEW_DAYS)

    def full_name(self):
        return str(self)

    full_name.short_description = "Nom Prénom"
    full_name.admin_order_field = "last_name"

    @property
    def display_name(self):
        return f"{self.get_civility_display()} {self}"

    def next_document_number(self, doc_type, related_name):
        return getattr(self, related_name).filter(doc_type=doc_type).count() + 1


def _document_path(instance, filename):
    return f"dossiers/{instance.candidate_id or 'nouveau'}/{filename}"


class DossierDocument(Orderable):
    """A private file of the dossier: served only through the permission-checked download view."""

    title = models.CharField(
        "nom du fichier",
        max_length=255,
        blank=True,
        help_text="Laissez vide : le nom recommandé (TYPE-N°-NOM-Prénom-Identifiant) est proposé automatiquement.",
    )
    file = models.FileField(
        "fichier",
        upload_to=_document_path,
        storage=private_storage,
        max_length=255,
        validators=[validate_document],
        help_text="PDF, image (JPEG, PNG) ou document bureautique, 10 Mo au maximum.",
    )
    uploaded_at = models.DateTimeField("déposé le", default=timezone.now, editable=False)

    related_name = None

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.title or os.path.basename(self.file.name)

    def save(self, *args, **kwargs):
        if not self.title and self.file:
            extension = os.path.splitext(self.file.name)[1]
            candidate = self.candidate
            number = (
                type(self).objects.filter(candidate=candidate, doc_type=self.doc_type).exclude(pk=self.pk).count() + 1
                if candidate.pk
                else 1
            )
            self.title = suggested_name(
                self.doc_type, number, candidate.last_name, candidate.first_name, candidate.france_travail_id, extension
            )
        super().save(*args, **kwargs)


class CandidateDocument(DossierDocument):
    """Documents transmitted by the candidate: may be shown to company recruiters."""

    candidate = ParentalKey(Candidate, related_name="candidate_documents", on_delete=models.CASCADE)
    doc_type = models.CharField(
        "type de document", max_length=2, choices=CandidateDocumentType.choices, default=CandidateDocumentType.CV
    )

    class Meta(DossierDocument.Meta):
        verbose_name = "document transmis par le candidat"
        verbose_name_plural = "documents transmis par le candidat"


class InternalDocument(DossierDocument):
    """Internal documents (tests, certificates, mails): never shown to companies."""

    candidate = ParentalKey(Candidate, related_name="internal_documents", on_delete=models.CASCADE)
    doc_type = models.CharField(
        "type de document", max_length=2, choices=InternalDocumentType.choices, default=InternalDocumentType.TC
    )

    class Meta(DossierDocument.Meta):
        verbose_name = "document interne"
        verbose_name_plural = "documents internes"


def _consent_path(instance, filename):
    return f"consentements/{instance.candidate_id}/{filename}"


class Consent(models.Model):
    """The candidate's consent (RGPD): how, when, by whom, and on which version of the conditions."""

    candidate = models.OneToOneField(
        Candidate, verbose_name="dossier", on_delete=models.CASCADE, related_name="consent"
    )
    method = models.CharField("mode de recueil", max_length=20, choices=ConsentMethod.choices)
    file = models.FileField(
        "preuve du consentement",
        upload_to=_consent_path,
        storage=private_storage,
        max_length=255,
        validators=[validate_scan],
    )
    terms = models.ForeignKey(
        ConsentTerms, verbose_name="conditions d'utilisation présentées", on_delete=models.PROTECT, related_name="+"
    )
    collected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="recueilli par",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    collected_at = models.DateTimeField("recueilli le", default=timezone.now)

    class Meta:
        verbose_name = "consentement"
        verbose_name_plural = "consentements"

    def __str__(self):
        return f"{self.get_method_display()} le {timezone.localtime(self.collected_at):%d/%m/%Y %H:%M}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        mark_consent([self.candidate_id], True)
        if Consent.candidate.is_cached(self):
            self.candidate.has_consent = True


def mark_consent(candidate_ids, recorded):
    """Keep `Candidate.has_consent` in step (for bulk loads of consents, which bypass save())."""
    Candidate.objects.filter(pk__in=candidate_ids).update(has_consent=recorded)


@receiver(post_delete, sender=Consent)
def _consent_deleted(sender, instance, **kwargs):
    mark_consent([instance.candidate_id], False)


class DossierLogEntryManager(BaseLogEntryManager):
    """Dossier history, visible only to whoever may open the dossier (also in Wagtail's site history)."""

    def log_action(self, instance, action, **kwargs):
        kwargs.update(object_id=str(instance.pk))
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(object_id=str(instance.pk))

    def viewable_by_user(self, user):
        from ..perms import dossiers_for, sees_all_dossiers

        if sees_all_dossiers(user):
            return self.all()
        visible = dossiers_for(user).annotate(pk_text=Cast("pk", models.CharField())).values("pk_text")
        return self.filter(object_id__in=visible)


class DossierLogEntry(BaseLogEntry):
    """A change, an access or an export of a dossier (who, when, what)."""

    object_id = models.CharField(max_length=255, db_index=True)

    objects = DossierLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = "historique d'un dossier"
        verbose_name_plural = "historiques des dossiers"
