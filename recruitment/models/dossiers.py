"""The candidate dossier (seed 000) and the cities already typed in one."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.models import ClusterableModel

from portal.accounts.enums import Civility
from portal.organisations.enums import CategoryCode

from .. import duplicates, rules
from ..enums import Availability, Classification, ProfessionalObjective
from .queries import SEARCH_NAME_LENGTH, CandidateQuerySet, fill_search_name
from .reference import ApplicationChannel, ContractType, DossierStatus, Job, SalaryBand, SearchContext, Situation

__all__ = ["Candidate", "City", "reference_row"]

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
        key = rules.normalize(name)
        if key:
            cls.objects.get_or_create(key=key, defaults={"name": name})


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
        db_index=False,  # the first column of recruitment_cand_area_sort
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
    situation = models.ForeignKey(
        Situation,
        verbose_name="situation",
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,  # the first column of recruitment_cand_situ_sort
    )
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
        DossierStatus,
        verbose_name="statut du dossier",
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,  # the first column of recruitment_cand_status_sort
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
    # Data protection (recruitment.retention, recruitment.privacy): set by the daily task after 24 months
    # without activity, cleared by the next save; why the personal data was erased.
    review_flagged_on = models.DateTimeField("à revoir (RGPD) depuis le", null=True, blank=True, editable=False)
    erased_on_request = models.BooleanField("effacé à la demande de la personne", default=False, editable=False)
    erasure_reason = models.TextField("motif de l'effacement", blank=True, editable=False)
    # Mirrors the existence of `consent` (kept by Consent and by save()) so that the pool, a partial index
    # on candidates, needs no join.
    has_consent = models.BooleanField("consentement recueilli", default=False, editable=False)
    # `rules.search_text` of the name, kept by save() and the queryset's bulk methods (`fill_search_name`).
    search_name = models.CharField(max_length=SEARCH_NAME_LENGTH, blank=True, editable=False)

    objects = CandidateQuerySet.as_manager()

    class Meta:
        verbose_name = "dossier de candidature"
        verbose_name_plural = "dossiers de candidature"
        ordering = ["last_name", "first_name", "pk"]
        permissions = [
            ("view_all_candidates", "Voir les dossiers de tous les organismes"),
            ("set_commission_status", "Attribuer les statuts réservés à la commission"),
            ("anonymise_candidate", "Anonymiser un dossier de candidature"),
            ("export_candidate_data", "Exporter les données personnelles d'un candidat"),
        ]
        # The default sort (last name, first name, id) served by an index alone, then with each basic filter
        # in front (the pilot's list across organisations, a filter and its first page without a sort step).
        indexes = [
            models.Index(fields=["last_name", "first_name", "id"], name="recruitment_cand_sort"),
            models.Index(fields=["organisation", "last_name", "first_name", "id"], name="recruitment_cand_org_sort"),
            models.Index(
                fields=["employment_area", "last_name", "first_name", "id"], name="recruitment_cand_area_sort"
            ),
            models.Index(fields=["status", "last_name", "first_name", "id"], name="recruitment_cand_status_sort"),
            models.Index(fields=["situation", "last_name", "first_name", "id"], name="recruitment_cand_situ_sort"),
            models.Index(
                fields=["classification", "last_name", "first_name", "id"], name="recruitment_cand_class_sort"
            ),
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

    def identity_keys(self):
        """(identifier key, identity key) of the identity as currently typed (stored on save)."""
        return duplicates.identity_keys(
            france_travail_id=self.france_travail_id if self.has_france_travail_id else "",
            last_name=self.last_name,
            first_name=self.first_name,
            city=self.city,
        )

    def clean(self):
        errors = {}
        if self.has_france_travail_id and not (self.france_travail_id or "").strip():
            errors["france_travail_id"] = "L'identifiant est obligatoire quand il est connu."
        if self.is_rsa_beneficiary and not (self.caf_number or "").strip():
            errors["caf_number"] = "Le numéro CAF est obligatoire pour un bénéficiaire du RSA."
        if self.situation_id and self.situation.is_temporary and not self.situation_end_date:
            errors["situation_end_date"] = "Indiquez la date de fin prévue de cette situation temporaire."
        if (
            self.organisation_id
            and self.organisation_contact_id
            and self.organisation_contact.organisation_id != self.organisation_id
        ):
            errors["organisation_contact"] = "Choisissez une personne de l'organisme sélectionné."
        if self.status_id and rules.hands_to_commission(self.status.code):
            try:
                rules.require_consent(self)
            except ValidationError as error:
                errors["status"] = error
        if errors:
            raise ValidationError(errors)
        self.validate_unique_identity()

    def validate_unique_identity(self):
        """The uniqueness check, on every save that changes the identifier, the name or the city."""
        keys = self.identity_keys()
        if self.pk is not None and keys == (self.identifier_key, self.identity_key):
            return  # unchanged identity: a twin already known to the commission does not block the dossier
        names = type(self).objects.duplicate_names(*keys, exclude_pk=self.pk)
        if names:
            raise rules.duplicate_error(names)

    def save(self, *args, **kwargs):
        self.last_name = " ".join(self.last_name.split()).upper()
        self.first_name = " ".join(self.first_name.split())
        self.city = " ".join(self.city.split())
        if not self.has_france_travail_id:
            self.france_travail_id = ""
        if not self.is_rsa_beneficiary:
            self.caf_number = ""
        self.identifier_key, self.identity_key = self.identity_keys()
        fill_search_name(self)
        self.updated_at = timezone.now()
        self.review_flagged_on = None  # activity again: no longer to review
        # A copy loaded before the consent was recorded must not write the flag back.
        self.has_consent = self.pk is not None and type(self).objects.filter(pk=self.pk, consent__isnull=False).exists()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                *("updated_at", "identifier_key", "identity_key", "search_name", "has_consent", "review_flagged_on"),
            }
        super().save(*args, **kwargs)
        if self.city and not self.anonymised_at:
            City.remember(self.city)

    @property
    def needs_review(self):
        """Inactive for 24 months: to be reviewed (and possibly anonymised) by an administrator."""
        return rules.needs_review(self.updated_at, timezone.now())

    def full_name(self):
        return str(self)

    full_name.short_description = "Nom Prénom"
    full_name.admin_order_field = "last_name"

    @property
    def display_name(self):
        return f"{self.get_civility_display()} {self}"
