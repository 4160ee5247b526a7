"""Ranking the pool by fit with a company's need: the score, as pure functions on plain values.

A need asks for some of: skills each with a minimum mastery, a job, a minimum study level, a minimum
digital experience band, an employment area, a training course. Each criterion asked is worth points
(`WEIGHTS`); a candidate earns them when the criterion is met:

- a skill: assessed by the commission at the minimum mastery asked or above (exactly at the minimum
  counts, one level below does not);
- the job: among the candidate's current jobs or the jobs the commission judged possible now;
- the study level and the experience band: held at the level asked or above (reference lists' order);
- the area: the candidate's employment area;
- the training: wished (recommended by the commission) or followed (PIADC), as the pool filter reads it.

The score is the points earned out of the points of the criteria asked. `recruitment.sar.ranking`
computes the same points in the database to order the pool; `explain` states them for the page's rows.
"""

from dataclasses import dataclass, field

from recruitment.commission.enums import MasteryLevel

# Lowest to highest.
MASTERY_ORDER = (MasteryLevel.BEGINNER.value, MasteryLevel.OPERATIONAL.value, MasteryLevel.EXPERIENCED.value)
MASTERY_LABELS = dict(MasteryLevel.choices)

WEIGHTS = {"skill": 2, "job": 3, "study_level": 2, "experience": 2, "area": 1, "training": 1}


def levels_at_least(minimum):
    """The mastery levels that meet `minimum`: itself and the levels above."""
    return MASTERY_ORDER[MASTERY_ORDER.index(minimum) :]


def mastery_meets(held, minimum):
    """A skill held at `held` (None: not assessed) meets the minimum asked."""
    return held in levels_at_least(minimum)


def rank_meets(held_order, asked_order):
    """A study level or experience band of order `held_order` (None: not recorded) meets the one asked."""
    return held_order is not None and held_order >= asked_order


@dataclass(frozen=True)
class Item:
    """A reference entry as the need names it: id, label and (levels, bands) its order."""

    pk: int
    name: str
    order: int = 0


@dataclass(frozen=True)
class AskedSkill:
    skill: Item
    minimum: str  # a MasteryLevel value


@dataclass(frozen=True)
class Need:
    skills: tuple = ()  # AskedSkill
    job: Item | None = None
    study_level: Item | None = None
    experience: Item | None = None
    area: Item | None = None
    training: Item | None = None

    def is_empty(self):
        return not (self.skills or self.job or self.study_level or self.experience or self.area or self.training)

    def possible_points(self):
        return possible_points(self)


@dataclass(frozen=True)
class Facts:
    """What the portal knows of a candidate, for the criteria of a need."""

    skills: dict = field(default_factory=dict)  # skill id -> MasteryLevel value
    current_job_ids: frozenset = frozenset()
    possible_job_ids: frozenset = frozenset()  # judged possible now by the commission (latest analysis)
    study_level: Item | None = None
    experience: Item | None = None
    area: Item | None = None
    has_training: bool = False


@dataclass(frozen=True)
class Line:
    """One criterion of the explanation: met or not, in French."""

    met: bool
    text: str


@dataclass(frozen=True)
class Fit:
    points: int
    possible: int
    summary: str
    lines: tuple

    @property
    def percent(self):
        return round(100 * self.points / self.possible) if self.possible else 0


def possible_points(need):
    """The points of the criteria asked (the score's denominator)."""
    points = WEIGHTS["skill"] * len(need.skills)
    for name in ("job", "study_level", "experience", "area", "training"):
        if getattr(need, name) is not None:
            points += WEIGHTS[name]
    return points


def _skill_line(asked, held):
    wanted = MASTERY_LABELS[asked.minimum]
    if held is None:
        return Line(False, f"{asked.skill.name} : non évalué ({wanted} demandé)")
    label = MASTERY_LABELS.get(held, held)
    if mastery_meets(held, asked.minimum):
        return Line(True, f"{asked.skill.name} {label}")
    return Line(False, f"{asked.skill.name} {label} ({wanted} demandé)")


def _job_line(job, facts):
    if job.pk in facts.current_job_ids:
        return Line(True, f"Métier {job.name} : exercé")
    if job.pk in facts.possible_job_ids:
        return Line(True, f"Métier {job.name} : exerçable selon la commission")
    return Line(False, f"Métier {job.name} : ni exercé ni jugé exerçable")


def _rank_line(word, asked, held, feminine):
    asked_word = "demandée" if feminine else "demandé"
    held_word = "détenue" if feminine else "détenu"
    if held is None:
        return Line(False, f"{word} {asked.name} {asked_word} / non renseigné{'e' if feminine else ''}")
    return Line(rank_meets(held.order, asked.order), f"{word} {asked.name} {asked_word} / {held.name} {held_word}")


def explain(need, facts):
    """The candidate's fit with the need: points, possible points, a summary and one line per criterion."""
    points, lines = 0, []
    skill_lines = [_skill_line(asked, facts.skills.get(asked.skill.pk)) for asked in need.skills]
    met_skills = sum(line.met for line in skill_lines)
    points += WEIGHTS["skill"] * met_skills
    if need.skills:
        lines.append(Line(met_skills == len(need.skills), _skills_summary(met_skills, len(need.skills))))
        lines.extend(skill_lines)
    if need.job is not None:
        lines.append(_job_line(need.job, facts))
    if need.study_level is not None:
        lines.append(_rank_line("Niveau", need.study_level, facts.study_level, feminine=False))
    if need.experience is not None:
        lines.append(_rank_line("Expérience numérique", need.experience, facts.experience, feminine=True))
    if need.area is not None:
        held = facts.area
        same = held is not None and held.pk == need.area.pk
        text = f"Bassin {need.area.name}" + (
            " : oui" if same else f" demandé / {held.name if held else 'non renseigné'}"
        )
        lines.append(Line(same, text))
    if need.training is not None:
        verb = "envisagée ou suivie" if facts.has_training else "ni envisagée ni suivie"
        lines.append(Line(facts.has_training, f"Formation {need.training.name} : {verb}"))
    for name, line in zip(_criteria_after_skills(need), lines[len(skill_lines) + bool(need.skills) :], strict=True):
        points += WEIGHTS[name] if line.met else 0
    possible = possible_points(need)
    summary = f"{points} point{'s' if points > 1 else ''} sur {possible}"
    return Fit(points=points, possible=possible, summary=summary, lines=tuple(lines))


def _skills_summary(met, asked):
    return f"{met} compétence{'s' if met > 1 else ''} sur {asked} au niveau demandé"


def _criteria_after_skills(need):
    return [
        name for name in ("job", "study_level", "experience", "area", "training") if getattr(need, name) is not None
    ]


def fit_points(need, facts):
    """The score alone (what the database orders by)."""
    return explain(need, facts).points
