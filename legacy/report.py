"""The import's report, row by row, in French: what was (or, in a dry run, would be) created, updated or refused."""

from collections import Counter
from dataclasses import dataclass, field

from django.db import models


class Outcome(models.TextChoices):
    CREATED = "created", "Créé"
    UPDATED = "updated", "Mis à jour"
    UNCHANGED = "unchanged", "Inchangé"
    REFUSED = "refused", "Refusé"


# How a dry run says it (the nouns of the report are masculine: organisme, membre, dossier).
DRY_RUN_LABELS = {
    Outcome.CREATED: "Serait créé",
    Outcome.UPDATED: "Serait mis à jour",
    Outcome.UNCHANGED: "Inchangé",
    Outcome.REFUSED: "Refusé",
}
DRY_RUN_COUNT_WORDS = {
    Outcome.CREATED: ("à créer", "à créer"),
    Outcome.UPDATED: ("à mettre à jour", "à mettre à jour"),
    Outcome.UNCHANGED: ("inchangé", "inchangés"),
    Outcome.REFUSED: ("refusé", "refusés"),
}
COUNT_WORDS = {
    Outcome.CREATED: ("créé", "créés"),
    Outcome.UPDATED: ("mis à jour", "mis à jour"),
    Outcome.UNCHANGED: ("inchangé", "inchangés"),
    Outcome.REFUSED: ("refusé", "refusés"),
}


@dataclass
class RowResult:
    entity: object  # legacy.columns.Entity
    file: str
    line: int
    subject: str  # "ACME", "DUPONT Alain"…
    outcome: str
    reasons: list = field(default_factory=list)  # why refused, or what changes

    def label(self, dry_run):
        return DRY_RUN_LABELS[self.outcome] if dry_run else Outcome(self.outcome).label

    def text(self, dry_run):
        """'dossiers.xlsx, ligne 4 (dossier « DUPONT Alain ») : refusé — raison'."""
        where = f"{self.file}, ligne {self.line}"
        subject = f"{self.entity.noun} « {self.subject} »" if self.subject else self.entity.noun
        detail = f" — {' ; '.join(self.reasons)}" if self.reasons else ""
        return f"{where} ({subject}) : {self.label(dry_run).lower()}{detail}"


@dataclass
class Report:
    dry_run: bool
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # whole files refused, columns ignored

    def add(self, entity, file, line, subject, outcome, reasons=()):
        result = RowResult(entity, file, line, subject, outcome, list(reasons))
        self.rows.append(result)
        return result

    def counts(self, entity=None):
        """{outcome: number} over the rows (of one entity)."""
        counter = Counter(row.outcome for row in self.rows if entity is None or row.entity.key == entity.key)
        return {outcome.value: counter.get(outcome.value, 0) for outcome in Outcome}

    @property
    def changes(self):
        counts = self.counts()
        return counts[Outcome.CREATED] + counts[Outcome.UPDATED]

    def summary_lines(self, entities):
        lines = []
        for entity in entities:
            counts = self.counts(entity)
            if not any(counts.values()):
                continue
            words = DRY_RUN_COUNT_WORDS if self.dry_run else COUNT_WORDS
            parts = [f"{counts[o]} {words[o][counts[o] > 1]}" for o in Outcome]
            lines.append(f"{entity.label} : {', '.join(parts)}.")
        if not self.changes:
            lines.append(
                "Aucune modification : les données sont déjà à jour." if self.rows else "Aucune ligne importée."
            )
        elif self.dry_run:
            lines.append("Simulation : rien n'a été enregistré.")
        return lines

    def text(self, entities):
        """The whole report as plain text (the command prints it)."""
        lines = [*self.problems, *(row.text(self.dry_run) for row in self.rows), "", *self.summary_lines(entities)]
        return "\n".join(lines)
