"""A Référent Emploi creates a dossier in a real browser: identification, drawn signature, CV, save."""

import pytest

from recruitment.enums import ConsentMethod
from recruitment.models import Candidate
from tests.portal.factories import PASSWORD
from tests.recruitment.factories import PDF_BYTES, area, channel, constitution, partner_with_adviser, situation, terms

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_panel(page, heading):
    """Open a collapsed "volet" by clicking its title, as the manual describes."""
    title = page.locator("h2.w-panel__heading", has_text=heading).first
    toggle = page.locator(
        f"[data-panel-toggle][aria-controls='{title.get_attribute('id').replace('-heading', '-content')}']"
    )
    if toggle.count() and toggle.first.get_attribute("aria-expanded") == "false":
        toggle.first.click()
    else:
        title.click()


def test_adviser_creates_a_dossier_with_a_drawn_signature_and_a_cv(page, tmp_path):
    constitution(), situation(), channel(), terms()
    organisation, adviser = partner_with_adviser()
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(PDF_BYTES)

    page.goto("/extranet/login/")
    page.fill("input[name=username]", adviser.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/extranet/")

    page.goto("/extranet/recrutement/dossiers/new/")
    page.set_viewport_size({"width": 1280, "height": 4000})
    page.check("input[name=civility][value='Mme']") if page.locator("input[name=civility]").count() else (
        page.select_option("select[name=civility]", "Mme")
    )
    page.fill("input[name=last_name]", "Navigateur")
    page.fill("input[name=first_name]", "Élodie")
    page.check("input[name=has_france_travail_id][value=True]")
    assert page.locator("input[name=france_travail_id]").is_visible()
    page.fill("input[name=france_travail_id]", "7654321B")
    page.check("input[name=is_rsa_beneficiary][value=False]")
    assert not page.locator("input[name=caf_number]").is_visible()
    page.select_option("select[name=employment_area]", str(area().pk))
    page.fill("input[name=city]", "Haguenau")
    page.fill("input[name=phone]", "06 12 34 56 78")

    page.click("[data-duplicate-check-button]")
    page.get_by_text("Aucun dossier existant").wait_for()

    open_panel(page, "Source d'information")
    page.select_option("select[name=organisation_contact]", str(adviser.pk))
    page.select_option("select[name=channel]", str(channel().pk))

    open_panel(page, "Consentement")
    canvas = page.locator("[data-signature-pad] canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + box["height"] / 2)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(box["x"] + 20 + step * 25, box["y"] + box["height"] / 2 + (15 if step % 2 else -15))
    page.mouse.up()
    page.get_by_text("Signature enregistrée").wait_for()
    assert page.locator("input[name=consent_method][value=signature]").is_checked()

    open_panel(page, "Documents transmis par le candidat")
    page.locator("#id_candidate_documents-ADD").click()
    page.set_input_files("input[name='candidate_documents-0-file']", str(cv))
    # The recommended name is offered as soon as the file is chosen.
    assert page.input_value("input[name='candidate_documents-0-title']") == "CV-1-NAVIGATEUR-Elodie-7654321B.pdf"

    page.get_by_role("button", name="Créer", exact=True).click()
    page.wait_for_url("**/edit/**")

    candidate = Candidate.objects.get(last_name="NAVIGATEUR")
    assert candidate.organisation == organisation
    assert candidate.france_travail_id == "7654321B"
    assert candidate.consent.method == ConsentMethod.SIGNATURE
    assert candidate.consent.collected_by == adviser
    with candidate.consent.file.open("rb") as handle:
        assert handle.read(4) == b"\x89PNG"
    document = candidate.candidate_documents.get()
    assert document.doc_type == "CV"
    assert document.title == "CV-1-NAVIGATEUR-Elodie-7654321B.pdf"
    # Consent recorded: the "Projet professionnel" volet is now offered.
    assert page.get_by_text("Projet professionnel").count() > 0
