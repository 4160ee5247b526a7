"""Extranet users: one account per person, attached to an organisation."""

from django.contrib.auth.models import AbstractUser, Group, UserManager
from django.db import models
from django.db.models.functions import Lower

from portal.storage import private_storage

from .enums import Civility
from .roles import Role
from .validators import UsernameValidator


class ExtranetUserManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(username__iexact=username)


class User(AbstractUser):
    username = models.CharField(
        "nom d'utilisateur",
        max_length=150,
        unique=True,
        validators=[UsernameValidator()],
        help_text="Plusieurs caractères spéciaux sont autorisés : l'espace, le point (.), le tiret (-), "
        "l'apostrophe ('), le tiret bas (_) et le signe @.",
        error_messages={"unique": "Ce nom d'utilisateur est déjà utilisé."},
    )
    email = models.EmailField(
        "adresse de courriel",
        help_text="Une adresse de courriel valide. Tous les courriels de la part du système seront envoyés "
        "à cette adresse. Elle n'est pas publique.",
    )
    civility = models.CharField("civilité", max_length=3, choices=Civility.choices, blank=True)
    function = models.CharField("fonction", max_length=150, blank=True)
    mobile_phone = models.CharField("téléphone mobile", max_length=30, blank=True)
    landline_phone = models.CharField("téléphone fixe", max_length=30, blank=True)
    photo = models.ImageField(
        "photo",
        upload_to="photos/%Y/",
        storage=private_storage,
        blank=True,
        help_text="Votre visage ou image virtuelle.",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name="organisme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    workplace_name = models.CharField(
        "nom du site", max_length=150, blank=True, help_text="Siège, établissement, agence…"
    )
    workplace_area = models.ForeignKey(
        "organisations.EmploymentArea",
        verbose_name="zone géographique",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    workplace_address = models.CharField("adresse", max_length=255, blank=True)
    workplace_postcode = models.CharField("code postal", max_length=10, blank=True)
    workplace_city = models.CharField("ville", max_length=100, blank=True)
    news_categories = models.ManyToManyField(
        "news.NewsCategory",
        verbose_name="notifications de publication d'une actualité",
        blank=True,
        related_name="subscribers",
        help_text="Catégories d'actualités pour lesquelles vous recevez un courriel quotidien.",
    )
    conditions_accepted_at = models.DateTimeField("conditions d'utilisation acceptées le", null=True, blank=True)

    objects = ExtranetUserManager()

    class Meta(AbstractUser.Meta):
        verbose_name = "utilisateur"
        verbose_name_plural = "utilisateurs"
        ordering = ["last_name", "first_name"]
        permissions = [
            ("manage_site_content", "Gérer le contenu du site (pages, images, documents)"),
            ("view_technical_menus", "Voir les menus techniques (aide, rapports)"),
            ("reset_second_factor", "Réinitialiser la double authentification d'un utilisateur"),
        ]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_ci_unique",
                condition=~models.Q(email=""),
                violation_error_message="Cette adresse de courriel est déjà utilisée.",
            ),
        ]

    def __str__(self):
        full = f"{self.civility} {self.last_name.upper()} {self.first_name}".strip()
        return full if self.last_name else self.username

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower() if self.email else ""
        super().save(*args, **kwargs)


class RoleGroup(models.Model):
    """Which group holds a role: the stable key of a role, so an administrator may rename its group freely
    (`setup_roles`, the demo and account approvals find the group through it, never by its name)."""

    role = models.CharField("rôle", max_length=50, choices=Role.choices, unique=True)
    group = models.OneToOneField(Group, verbose_name="groupe", on_delete=models.CASCADE, related_name="role_key")

    class Meta:
        verbose_name = "groupe d'un rôle"
        verbose_name_plural = "groupes des rôles"

    def __str__(self):
        return f"{self.get_role_display()} → {self.group.name}"
