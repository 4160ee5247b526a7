"""French wording of the extranet's generic screens: a model's noun with its gender, agreed once.

Wagtail's French catalogue writes "Ajouter un(e) %(model_name)s", "%(model_name)s créé(e)",
"Nouvel(le)": it cannot know the gender of a model's name. A viewset declares it (see
`portal.viewsets.FrenchWordingViewSetMixin`), and every message is built from a `FrenchNoun`:

    >>> FrenchNoun("session", feminine=True).new()
    'Nouvelle session'
    >>> FrenchNoun("dossier").created("DUPONT Élise")
    'Dossier « DUPONT Élise » créé.'
"""

from dataclasses import dataclass

from django.utils.text import capfirst

VOWELS = "aâàeéèêëiîïoôuûùyh"


@dataclass(frozen=True)
class FrenchNoun:
    """`feminine=None` (gender not declared yet): neutral sentences, still without "(e)"."""

    noun: str
    feminine: bool | None = False

    @property
    def neutral(self):
        return self.feminine is None

    @property
    def elided(self):
        """Starts with a vowel sound: "l'état", "cet organisme", "nouvel état"."""
        return self.noun[:1].lower() in VOWELS

    def agree(self, participle):
        """'créé' → 'créée' for a feminine noun."""
        return f"{participle}e" if self.feminine else participle

    @property
    def definite(self):
        if self.elided:
            return f"l'{self.noun}"
        return f"{'la' if self.feminine else 'le'} {self.noun}"

    @property
    def demonstrative(self):
        if self.feminine:
            return f"cette {self.noun}"
        return f"{'cet' if self.elided else 'ce'} {self.noun}"

    def new(self):
        """The add button and the creation page's title: "Nouvelle session", "Nouvel organisme"."""
        if self.neutral:
            return f"Ajouter : {self.noun}"
        masculine = "Nouvel" if self.elided else "Nouveau"
        return f"{'Nouvelle' if self.feminine else masculine} {self.noun}"

    def _done(self, obj, participle, neutral):
        if self.neutral:
            return f"{capfirst(self.noun)} « {obj} » : {neutral}."
        return f"{capfirst(self.noun)} « {obj} » {self.agree(participle)}."

    def created(self, obj):
        return self._done(obj, "créé", "création enregistrée")

    def updated(self, obj):
        return self._done(obj, "modifié", "modifications enregistrées")

    def deleted(self, obj):
        return self._done(obj, "supprimé", "suppression effectuée")

    def _failed(self, participle, neutral):
        if self.neutral:
            return f"{neutral} ({self.noun}) : corrigez les erreurs signalées."
        return f"{capfirst(self.definite)} n'a pas pu être {self.agree(participle)} : corrigez les erreurs signalées."

    def not_created(self):
        return self._failed("créé", "Création impossible")

    def not_saved(self):
        return self._failed("enregistré", "Enregistrement impossible")

    def confirm_delete(self):
        if self.neutral:
            return f"Confirmez-vous la suppression ({self.noun}) ?"
        return f"Voulez-vous vraiment supprimer {self.demonstrative} ?"
