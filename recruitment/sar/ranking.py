"""Ranking the pool by fit with a company's need ("Classer par adéquation").

The need form is read from the query string (`fit_*` parameters, beside the pool's own filters, which
keep narrowing the list: a saved pool search opens its ranked list). The points of `recruitment.sar.fit`
are computed in the database, in one query over the filtered pool: the criteria most candidates meet
(area, study level, experience) per row from the candidate and its profile (a LEFT JOIN); the selective
ones (skills, job, training) as small sets of ids read from their indexes, summed per candidate once
(UNION ALL, GROUP BY) and joined. Nothing of the pool is loaded into Python; the explanation is computed
for the page's rows only, from a constant number of queries.
"""

from functools import reduce
from operator import add

from django import forms
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Case, ExpressionWrapper, F, IntegerField, Q, Value, When
from django.utils.html import escape

from portal.organisations.models import EmploymentArea
from recruitment.choices import ReferenceChoices
from recruitment.commission.models import EmployabilityProfile, ProfileSkill
from recruitment.models import Candidate, ExperienceBand, Job, Skill, StudyLevel, TrainingCourse

from . import fit
from .filters import training_holders, with_training

SKILL_ROWS = 5
PREFIX = "fit_"
MASTERY_CHOICES = [(value, fit.MASTERY_LABELS[value]) for value in fit.MASTERY_ORDER]


def _items(cached, queryset, *, group=None):
    """{pk: fit.Item} and the select's choices (grouped under `group` when given), from the cached reference
    lists (recruitment.choices: one query the first time, none until the list is edited)."""
    fields = ("pk", "name", "order") + ((group,) if group else ())
    items, groups = {}, {}
    for pk, name, order, *rest in cached.values(queryset.values_list(*fields)):
        items[str(pk)] = fit.Item(pk=pk, name=name, order=order)
        groups.setdefault(rest[0] if rest else None, []).append((str(pk), name))
    return items, [("", "—"), *(groups.items() if group else groups.get(None, []))]


def _rendered(choices):
    """The <option>s of a select, escaped once per list (five selects share the 300 skills):
    [(value or None for an optgroup tag, HTML before the "selected" mark, HTML after it)]."""
    parts = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            parts.append((None, f'<optgroup label="{escape(value)}">', ""))
            parts.extend((str(v), f'<option value="{escape(v)}"', f">{escape(lbl)}</option>") for v, lbl in label)
            parts.append((None, "</optgroup>", ""))
        else:
            parts.append((str(value), f'<option value="{escape(value)}"', f">{escape(label)}</option>"))
    return parts


class ListField(forms.Field):
    """One value of a reference list, checked against the list's values (a ChoiceField would normalise
    the 300 skills' choices once per field), rendered by `sar_tags.fast_select` from `options`."""

    def __init__(self, *, options, **kwargs):
        super().__init__(required=False, **kwargs)
        self.options = options
        self.valid = {value for value, _before, _after in options if value is not None}

    def to_python(self, value):
        return "" if value in (None, "") else str(value)

    def validate(self, value):
        if value and value not in self.valid:
            raise forms.ValidationError("Cette valeur n'est plus disponible.", code="invalid_choice")


class NeedForm(forms.Form):
    """A company's need: the skills wanted with a minimum mastery, a job, a minimum study level and digital
    experience, an area, a training. The choice lists come from the cached reference lists (no query per
    field on validation either: the lists resolve the values)."""

    def __init__(self, data=None, **kwargs):
        super().__init__(data, prefix=None, **kwargs)
        cached = ReferenceChoices()
        self.lists = {
            "skill": _items(
                cached,
                Skill.objects.filter(is_active=True, theme__is_active=True).order_by(
                    "theme__order", "theme__name", "order", "name"
                ),
                group="theme__name",
            ),
            "job": _items(
                cached,
                Job.objects.filter(is_active=True).order_by("family__order", "family__name", "order", "name"),
                group="family__name",
            ),
            "study_level": _items(cached, StudyLevel.objects.filter(is_active=True)),
            "experience": _items(cached, ExperienceBand.objects.filter(is_active=True)),
            "area": _items(cached, EmploymentArea.objects.all()),
            "training": _items(cached, TrainingCourse.objects.filter(is_active=True)),
        }
        cached.save()
        skills, masteries = _rendered(self.lists["skill"][1]), _rendered(MASTERY_CHOICES)
        for index in range(1, SKILL_ROWS + 1):
            self.fields[f"{PREFIX}skill_{index}"] = ListField(label=f"Compétence {index}", options=skills)
            self.fields[f"{PREFIX}mastery_{index}"] = ListField(
                label=f"Niveau minimum de la compétence {index}", options=masteries, initial=fit.MASTERY_ORDER[1]
            )
        labels = {
            "job": "Métier recherché",
            "study_level": "Niveau d'étude minimum",
            "experience": "Expérience numérique minimum",
            "area": "Bassin d'emploi",
            "training": "Formation envisagée ou suivie",
        }
        for name, label in labels.items():
            self.fields[PREFIX + name] = ListField(label=label, options=_rendered(self.lists[name][1]))

    def _item(self, name, value):
        return self.lists[name][0].get(value) if value else None

    def need(self):
        """The fit.Need typed (an empty need when the form is unbound or invalid)."""
        if not self.is_bound or not self.is_valid():
            return fit.Need()
        data = self.cleaned_data
        skills, seen = [], set()
        for index in range(1, SKILL_ROWS + 1):
            skill = self._item("skill", data.get(f"{PREFIX}skill_{index}"))
            if skill is not None and skill.pk not in seen:
                seen.add(skill.pk)
                minimum = data.get(f"{PREFIX}mastery_{index}") or fit.MASTERY_ORDER[1]
                skills.append(fit.AskedSkill(skill=skill, minimum=minimum))
        return fit.Need(
            skills=tuple(skills),
            **{name: self._item(name, data.get(PREFIX + name)) for name in ("job", "study_level", "experience")},
            area=self._item("area", data.get(PREFIX + "area")),
            training=self._item("training", data.get(PREFIX + "training")),
        )

    def skill_rows(self):
        return [
            (self[f"{PREFIX}skill_{index}"], self[f"{PREFIX}mastery_{index}"]) for index in range(1, SKILL_ROWS + 1)
        ]

    def other_fields(self):
        return [self[PREFIX + name] for name in ("job", "study_level", "experience", "area", "training")]


def need_data(query, pool_data):
    """The need's values: the `fit_*` parameters of the query string when there are any, else what the pool
    filters already say (a single area, job or training; the lowest study level and experience chosen)."""
    data = {key: query.get(key) for key in query if key.startswith(PREFIX)}
    if data:
        return data
    data = {}
    for pool_name, name in (("employment_area", "area"), ("current_jobs", "job"), ("training", "training")):
        chosen = list(pool_data.get(pool_name) or [])
        if len(chosen) == 1:
            data[PREFIX + name] = str(chosen[0].pk)
    for pool_name, name in (("study_level", "study_level"), ("digital_experience", "experience")):
        chosen = sorted(pool_data.get(pool_name) or [], key=lambda item: (item.order, item.name))
        if chosen:
            data[PREFIX + name] = str(chosen[0].pk)
    return data


def _ids(queryset, column):
    """The queryset as a bare list of candidate ids named `cid` (no default ordering: a part of a UNION)."""
    return queryset.order_by().values(cid=F(column))


def _holders(need):
    """[(queryset of candidate ids as `cid`, points)] of the selective criteria (skills, job, training):
    small sets, read from their indexes and summed per candidate once."""
    sets = []
    for asked in need.skills:
        held = ProfileSkill.objects.filter(skill_id=asked.skill.pk, level__in=fit.levels_at_least(asked.minimum))
        sets.append((_ids(held, "profile_id"), fit.WEIGHTS["skill"]))
    if need.job is not None:
        current = Candidate.current_jobs.through.objects.filter(job_id=need.job.pk)
        possible = EmployabilityProfile.objects.filter(analysis__possible_jobs=need.job.pk)
        sets.append((_ids(current, "candidate_id").union(_ids(possible, "candidate_id")), fit.WEIGHTS["job"]))
    if need.training is not None:
        wished, followed = training_holders([need.training.pk])
        either = _ids(wished, "candidate_id").union(_ids(followed, "plan__candidate_id"))
        sets.append((either, fit.WEIGHTS["training"]))
    return sets


def _wide_points(need):
    """The points of the criteria most candidates meet (area, study level, experience), per row through the
    candidate's columns and its employability profile (a LEFT JOIN)."""
    terms = []
    if need.area is not None:
        terms.append((Q(employment_area_id=need.area.pk), fit.WEIGHTS["area"]))
    if need.study_level is not None:
        terms.append(
            (Q(employability_profile__study_level__order__gte=need.study_level.order), fit.WEIGHTS["study_level"])
        )
    if need.experience is not None:
        terms.append(
            (Q(employability_profile__digital_experience__order__gte=need.experience.order), fit.WEIGHTS["experience"])
        )
    cases = [Case(When(q, then=Value(points)), default=Value(0)) for q, points in terms]
    return ExpressionWrapper(reduce(add, cases) if cases else Value(0), output_field=IntegerField())


def _wide_max(need):
    """The most points the wide criteria can give: the bound of a candidate who holds no selective one."""
    return sum(fit.WEIGHTS[name] for name in ("area", "study_level", "experience") if getattr(need, name) is not None)


def _pool_sql(queryset, need):
    pool = (
        queryset.annotate(fit_pk=F("pk"), fit_on=F("classified_on"), fit_wide=_wide_points(need))
        .order_by()
        .values("fit_pk", "fit_on", "fit_wide")
    )
    sql, params = pool.query.sql_with_params()
    return sql, list(params)


def _selective_sql(need):
    """(SQL, params) of (cid, s): the points of the selective criteria per candidate holding one, or None."""
    parts, params = [], []
    for index, (holders, points) in enumerate(_holders(need)):
        holders_sql, holders_params = holders.order_by().query.sql_with_params()
        parts.append(f"SELECT h{index}.cid, {int(points)} AS p FROM ({holders_sql}) h{index}")
        params.extend(holders_params)
    if not parts:
        return None
    return f"SELECT pts.cid, SUM(pts.p) AS s FROM ({' UNION ALL '.join(parts)}) pts GROUP BY pts.cid", params


ORDER = "ORDER BY fit_points DESC, fit_on DESC, fit_pk DESC"
# Holders examined first (those with the most selective points), at least: see `_scores_sql`.
EXAMINED = 1000


def _scores_sql(queryset, need, offset, limit):
    """SQL and parameters of (candidate id, classification date, points) over `queryset`, best first: what
    fit.explain gives each candidate.

    Only the candidates holding a selective criterion (skills, job, training) can have more points than the
    wide criteria give (`_wide_max`), and they are few. So for a page (`limit`), the holders with the most
    selective points (`EXAMINED`, or four times the rows up to the page's end) are scored first, each looked up
    by its id; when the last row up to the page's end has more points than anyone not examined could reach,
    that is the order. Otherwise (a narrow pool, few holders, a far page) the whole filtered pool is scored in
    one pass (the selective points summed per candidate once and joined). The same result either way.
    """
    pool_sql, pool_params = _pool_sql(queryset, need)
    selective = _selective_sql(need)
    if selective is None:
        full = f"SELECT pool.fit_pk, pool.fit_on, pool.fit_wide AS fit_points FROM ({pool_sql}) pool {ORDER}"
        if limit is None:
            return full, pool_params
        return f"{full} LIMIT %s OFFSET %s", [*pool_params, int(limit), int(offset)]
    selective_sql, selective_params = selective
    full = (
        f"SELECT pool.fit_pk, pool.fit_on, pool.fit_wide + COALESCE(sel.s, 0) AS fit_points "
        f"FROM ({pool_sql}) pool LEFT JOIN sel ON sel.cid = pool.fit_pk"
    )
    if limit is None:
        return f"WITH sel AS ({selective_sql}) {full} {ORDER}", [*selective_params, *pool_params]
    end = int(offset) + int(limit)
    sql = (
        f"WITH sel AS MATERIALIZED ({selective_sql}), "
        # The examined: the EXAMINED (at least) with the most selective points, and every tie of the last one.
        "cut AS MATERIALIZED (SELECT COALESCE((SELECT sel.s FROM sel ORDER BY sel.s DESC LIMIT 1 OFFSET %s), 0) AS s), "
        "scored AS MATERIALIZED (SELECT pool.fit_pk, pool.fit_on, pool.fit_wide + sel.s AS fit_points "
        f"FROM sel INNER JOIN ({pool_sql}) pool ON pool.fit_pk = sel.cid "
        f"WHERE sel.s >= (SELECT cut.s FROM cut) {ORDER} LIMIT %s), "
        # Nobody else reaches the last row scored: at most the wide points plus the selective points left.
        "sure AS MATERIALIZED (SELECT COUNT(*) = %s AND MIN(scored.fit_points) > %s + COALESCE("
        "(SELECT MAX(sel.s) FROM sel WHERE sel.s < (SELECT cut.s FROM cut)), 0) AS ok FROM scored) "
        "SELECT fit_pk, fit_on, fit_points FROM ("
        "SELECT fit_pk, fit_on, fit_points FROM scored WHERE (SELECT ok FROM sure) "
        f"UNION ALL SELECT * FROM ({full.replace('LEFT JOIN sel ', f'LEFT JOIN ({selective_sql}) sel ')} "
        f"WHERE NOT (SELECT ok FROM sure) {ORDER} LIMIT %s) whole"
        f") ranked {ORDER} LIMIT %s OFFSET %s"
    )
    examined = max(EXAMINED, 4 * end) - 1  # OFFSET of the last one
    params = [*selective_params, examined, *pool_params, end, end, _wide_max(need)]
    return sql, [*params, *pool_params, *selective_params, end, int(limit), int(offset)]


def scores(queryset, need, offset=0, limit=None):
    """[(candidate id, points)] of the queryset's candidates, best first (ties: latest classified first)."""
    try:
        sql, params = _scores_sql(queryset, need, offset, limit)
    except EmptyResultSet:  # queryset.none(): invalid pool filters
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return [(pk, int(points)) for pk, _on, points in cursor.fetchall()]


def page_ids(queryset, need):
    """For views.paginate: the ids of one page of the ranked queryset."""
    return lambda offset, limit: [pk for pk, _points in scores(queryset, need, offset, limit)]


def explain_page(candidates, need):
    """Attach `candidate.fit` (fit.Fit) to the page's candidates, from a constant number of queries.
    `candidates` have `employment_area` and `current_jobs` loaded (views.paginate)."""
    ids = [c.pk for c in candidates]
    skills = {}
    if need.skills:
        rows = ProfileSkill.objects.filter(profile_id__in=ids, skill_id__in=[a.skill.pk for a in need.skills])
        for candidate_id, skill_id, level in rows.values_list("profile_id", "skill_id", "level"):
            skills.setdefault(candidate_id, {})[skill_id] = level
    profiles = {}
    if need.study_level is not None or need.experience is not None:
        columns = ("candidate_id", "study_level_id", "study_level__name", "study_level__order")
        columns += ("digital_experience_id", "digital_experience__name", "digital_experience__order")
        for pk, level, level_name, level_order, band, band_name, band_order in EmployabilityProfile.objects.filter(
            candidate_id__in=ids
        ).values_list(*columns):
            profiles[pk] = (
                fit.Item(level, level_name, level_order) if level is not None else None,
                fit.Item(band, band_name, band_order) if band is not None else None,
            )
    possible = set()
    if need.job is not None:
        possible = set(
            EmployabilityProfile.objects.filter(candidate_id__in=ids, analysis__possible_jobs=need.job.pk).values_list(
                "candidate_id", flat=True
            )
        )
    trained = set()
    if need.training is not None:
        trained = set(
            Candidate.objects.filter(with_training([need.training.pk]), pk__in=ids).values_list("pk", flat=True)
        )
    for candidate in candidates:
        level, band = profiles.get(candidate.pk, (None, None))
        area = candidate.employment_area
        facts = fit.Facts(
            skills=skills.get(candidate.pk, {}),
            current_job_ids=frozenset(job.pk for job in candidate.current_jobs.all()),
            possible_job_ids=frozenset({need.job.pk}) if candidate.pk in possible else frozenset(),
            study_level=level,
            experience=band,
            area=fit.Item(area.pk, area.name) if area is not None else None,
            has_training=candidate.pk in trained,
        )
        candidate.fit = fit.explain(need, facts)
    return candidates
