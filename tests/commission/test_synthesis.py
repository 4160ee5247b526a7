"""The synthesis contract: identical for the three audiences, internal parts never for companies."""

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string

from recruitment.commission.synthesis import synthesis_context
from recruitment.models import InternalDocument
from tests.recruitment.factories import PDF_BYTES

from .factories import AnalysisFactory

pytestmark = pytest.mark.django_db

INTERNAL = {"audience", "show_internal", "internal_notes", "internal_documents", "candidate", "analysis", "session"}


def public_part(context):
    """The part of a synthesis that must be identical for every audience."""
    return {key: value for key, value in context.items() if key not in INTERNAL}


@pytest.fixture
def analysed():
    analysis = AnalysisFactory(completed=True, details=True)
    InternalDocument.objects.create(
        candidate=analysis.candidate, doc_type="TC", title="TC-1-TEST-INTERNE.pdf", file=ContentFile(PDF_BYTES, "t.pdf")
    )
    return analysis


def test_same_synthesis_for_the_three_audiences(analysed):
    parts = [
        public_part(synthesis_context(analysed.candidate, audience=a)) for a in ("commission", "adviser", "company")
    ]
    assert parts[0] == parts[1] == parts[2]
    scales = parts[0]["scales"]
    assert [s["value"] for s in scales] == [4, 5, 6, 3, 6]
    assert scales[0]["label"] == "Vue d'ensemble (socle de base)"
    assert parts[0]["skills"] and parts[0]["behaviours"] and parts[0]["mobility"] and parts[0]["training"]


def test_company_never_gets_internal_notes_or_documents(analysed):
    company = synthesis_context(analysed.candidate, audience="company")
    assert company["internal_notes"] == "" and company["internal_documents"] == []
    html = render_to_string("commission/includes/synthesis.html", {"synthesis": company})
    assert "NOTE INTERNE" not in html and "TC-1-TEST-INTERNE" not in html and "data-internal" not in html
    commission = render_to_string(
        "commission/includes/synthesis.html",
        {"synthesis": synthesis_context(analysed.candidate, audience="commission")},
    )
    assert "NOTE INTERNE" in commission and "TC-1-TEST-INTERNE" in commission


def test_rendered_scales_highlight_the_chosen_step_with_a_text_equivalent(analysed):
    html = render_to_string(
        "commission/includes/synthesis.html", {"synthesis": synthesis_context(analysed.candidate, audience="company")}
    )
    assert html.count("(avis retenu)") == 5
    assert html.count('aria-current="true"') == 5
    # The label follows the score (hidden by CSS on a tablet, where the highlighted step already says it).
    assert '4/6<span class="commission-scale__chosen-label"> – Vue d&#x27;ensemble (socle de base)</span>' in html


def test_draft_analyses_are_not_shown(analysed):
    draft = AnalysisFactory(competence_opinion=1)
    context = synthesis_context(draft.candidate, audience="adviser")
    assert context["analysis"] is None
    assert all(s["value"] is None for s in context["scales"])


def test_unknown_audience_is_refused(analysed):
    with pytest.raises(ValueError):
        synthesis_context(analysed.candidate, audience="public")


def _synthesis_html(html):
    """The synthesis section of a page, without the internal block."""
    start = html.index('<section class="commission-synthesis"')
    end = html.index("</section>", start)
    section = html[start:end]
    internal = section.find('<div class="commission-internal"')
    return (section if internal == -1 else section[:internal]).strip()


def test_identical_synthesis_in_the_commission_adviser_and_company_views(client, analysed):
    from django.urls import reverse

    from tests.commission.factories import pilot

    candidate = analysed.candidate
    client.force_login(pilot())
    commission_html = _synthesis_html(client.get(reverse("commission:dossier", args=[candidate.pk])).content.decode())
    from portal.accounts.roles import Role
    from tests.portal.factories import UserFactory

    client.force_login(UserFactory(roles=[Role.EMPLOYMENT_ADVISER], organisation=candidate.organisation))
    adviser_page = client.get(reverse("commission:dossier", args=[candidate.pk])).content.decode()
    company_html = _synthesis_html(
        render_to_string(
            "commission/includes/synthesis.html", {"synthesis": synthesis_context(candidate, audience="company")}
        )
    )
    assert commission_html == _synthesis_html(adviser_page) == company_html
    assert "NOTE INTERNE" in adviser_page and "NOTE INTERNE" not in company_html
