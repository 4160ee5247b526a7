"""The fit score (recruitment.sar.fit), on hand-computed examples: no database."""

import pytest

from recruitment.sar import fit
from recruitment.sar.fit import AskedSkill, Facts, Item, Need

PYTHON = Item(1, "Python")
SQL = Item(2, "SQL")
LINUX = Item(3, "Linux")
GIT = Item(4, "Git")
DOCKER = Item(5, "Docker")
BAC2 = Item(14, "Bac + 2", order=4)
BAC3 = Item(15, "Bac + 3", order=5)
BAC = Item(13, "Bac", order=3)
ONE_TWO = Item(22, "1 à 2 ans", order=2)
THREE_FIVE = Item(23, "3 à 5 ans", order=3)
STRASBOURG = Item(31, "Alsace / Bas-Rhin")
METZ = Item(32, "Lorraine / Moselle")
DEVELOPER = Item(41, "Développeur web")
FIS = Item(51, "FIS")


@pytest.mark.parametrize(
    ("held", "minimum", "meets"),
    [
        ("operationnel", "operationnel", True),  # exactly at the minimum counts
        ("debutant", "operationnel", False),  # one level below does not
        ("experimente", "operationnel", True),
        ("experimente", "experimente", True),
        ("operationnel", "experimente", False),
        ("debutant", "debutant", True),
        (None, "debutant", False),  # not assessed
    ],
)
def test_mastery_boundaries(held, minimum, meets):
    assert fit.mastery_meets(held, minimum) is meets


def test_levels_at_least():
    assert fit.levels_at_least("debutant") == ("debutant", "operationnel", "experimente")
    assert fit.levels_at_least("operationnel") == ("operationnel", "experimente")
    assert fit.levels_at_least("experimente") == ("experimente",)


@pytest.mark.parametrize(("held", "meets"), [(BAC2, True), (BAC3, True), (BAC, False), (None, False)])
def test_study_level_at_the_level_asked_or_above(held, meets):
    need = Need(study_level=BAC2)
    result = fit.explain(need, Facts(study_level=held))
    assert result.points == (2 if meets else 0)
    assert result.lines[0].met is meets


def test_four_skills_out_of_five_level_and_experience():
    """The issue's example: 4 of 5 skills at the level asked, Python Expérimenté, Bac+2 asked / Bac+3 held."""
    need = Need(
        skills=(
            AskedSkill(PYTHON, "operationnel"),
            AskedSkill(SQL, "operationnel"),
            AskedSkill(LINUX, "debutant"),
            AskedSkill(GIT, "experimente"),
            AskedSkill(DOCKER, "operationnel"),
        ),
        study_level=BAC2,
        experience=THREE_FIVE,
    )
    facts = Facts(
        skills={1: "experimente", 2: "operationnel", 3: "debutant", 4: "experimente", 5: "debutant"},
        study_level=BAC3,
        experience=ONE_TWO,
    )
    result = fit.explain(need, facts)
    # 4 skills × 2 + level 2 + experience 0 = 10 out of 5 × 2 + 2 + 2 = 14.
    assert (result.points, result.possible, result.percent) == (10, 14, 71)
    assert result.summary == "10 points sur 14"
    texts = [line.text for line in result.lines]
    assert texts == [
        "4 compétences sur 5 au niveau demandé",
        "Python Expérimenté",
        "SQL Opérationnel",
        "Linux Débutant",
        "Git Expérimenté",
        "Docker Débutant (Opérationnel demandé)",
        "Niveau Bac + 2 demandé / Bac + 3 détenu",
        "Expérience numérique 3 à 5 ans demandée / 1 à 2 ans détenue",
    ]
    assert [line.met for line in result.lines] == [False, True, True, True, True, False, True, False]


def test_job_area_and_training():
    need = Need(job=DEVELOPER, area=STRASBOURG, training=FIS)
    assert need.possible_points() == 3 + 1 + 1
    exercised = fit.explain(need, Facts(current_job_ids=frozenset({41}), area=STRASBOURG, has_training=True))
    assert exercised.points == 5
    assert [line.text for line in exercised.lines] == [
        "Métier Développeur web : exercé",
        "Bassin Alsace / Bas-Rhin : oui",
        "Formation FIS : envisagée ou suivie",
    ]
    judged = fit.explain(need, Facts(possible_job_ids=frozenset({41}), area=METZ))
    assert judged.points == 3
    assert [line.text for line in judged.lines] == [
        "Métier Développeur web : exerçable selon la commission",
        "Bassin Alsace / Bas-Rhin demandé / Lorraine / Moselle",
        "Formation FIS : ni envisagée ni suivie",
    ]
    nothing = fit.explain(need, Facts())
    assert (nothing.points, nothing.percent) == (0, 0)
    assert nothing.lines[0].text == "Métier Développeur web : ni exercé ni jugé exerçable"


def test_skill_not_assessed_and_singular_summary():
    need = Need(skills=(AskedSkill(PYTHON, "experimente"), AskedSkill(SQL, "debutant")))
    result = fit.explain(need, Facts(skills={2: "debutant"}))
    assert (result.points, result.possible) == (2, 4)
    assert [line.text for line in result.lines] == [
        "1 compétence sur 2 au niveau demandé",
        "Python : non évalué (Expérimenté demandé)",
        "SQL Débutant",
    ]
    assert result.summary == "2 points sur 4"


def test_unrecorded_level_and_band():
    result = fit.explain(Need(study_level=BAC, experience=ONE_TWO), Facts())
    assert [line.text for line in result.lines] == [
        "Niveau Bac demandé / non renseigné",
        "Expérience numérique 1 à 2 ans demandée / non renseignée",
    ]
    assert result.points == 0


def test_empty_need_scores_nothing():
    need = Need()
    assert need.is_empty()
    result = fit.explain(need, Facts(skills={1: "experimente"}, area=STRASBOURG))
    assert (result.points, result.possible, result.percent, result.lines) == (0, 0, 0, ())
