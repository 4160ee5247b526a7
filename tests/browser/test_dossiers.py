"""A Référent Emploi creates a dossier in a real browser: identification, drawn signature, CV, save."""

import pytest
from playwright.sync_api import expect

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


def log_in(page, user):
    page.goto("/extranet/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/extranet/")


def sign(page):
    """Draw a zigzag on the consent pad, as the candidate would with a finger."""
    canvas = page.locator("[data-signature-pad] canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + box["height"] / 2)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(box["x"] + 20 + step * 25, box["y"] + box["height"] / 2 + (15 if step % 2 else -15))
    page.mouse.up()
    page.get_by_text("Signature enregistrée").wait_for()


def test_adviser_creates_a_dossier_with_a_drawn_signature_and_a_cv(page, tmp_path):
    constitution(), situation(), channel(), terms()
    organisation, adviser = partner_with_adviser()
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(PDF_BYTES)

    log_in(page, adviser)
    page.goto("/extranet/recrutement/dossiers/new/")
    page.set_viewport_size({"width": 1280, "height": 4000})
    page.check("input[name=civility][value='Mme']") if page.locator("input[name=civility]").count() else (
        page.select_option("select[name=civility]", "Mme")
    )
    page.fill("input[name=last_name]", "Navigateur")
    page.fill("input[name=first_name]", "Élodie")
    page.check("input[name=has_france_travail_id][value=True]")
    expect(page.locator("input[name=france_travail_id]")).to_be_visible()
    page.fill("input[name=france_travail_id]", "7654321B")
    page.check("input[name=is_rsa_beneficiary][value=False]")
    expect(page.locator("input[name=caf_number]")).to_be_hidden()
    page.select_option("select[name=employment_area]", str(area().pk))
    page.fill("input[name=city]", "Haguenau")
    page.fill("input[name=phone]", "06 12 34 56 78")

    page.click("[data-duplicate-check-button]")
    page.get_by_text("Aucun dossier existant").wait_for()

    open_panel(page, "Source d'information")
    page.select_option("select[name=organisation_contact]", str(adviser.pk))
    page.select_option("select[name=channel]", str(channel().pk))

    open_panel(page, "Consentement")
    sign(page)
    expect(page.locator("input[name=consent_method][value=signature]")).to_be_checked()

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


def test_the_drawn_signature_survives_a_form_error(strict_page, tmp_path):
    page = strict_page
    constitution(), situation(), terms()
    source = channel()
    organisation, adviser = partner_with_adviser()
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(PDF_BYTES)

    log_in(page, adviser)
    page.goto("/extranet/recrutement/dossiers/new/")
    page.set_viewport_size({"width": 1280, "height": 4000})
    page.select_option("select[name=civility]", "M.") if page.locator("select[name=civility]").count() else (
        page.check("input[name=civility][value='M.']")
    )
    page.fill("input[name=last_name]", "Retour")
    page.fill("input[name=first_name]", "Gabin")
    page.check("input[name=has_france_travail_id][value=False]")
    page.check("input[name=is_rsa_beneficiary][value=False]")
    page.select_option("select[name=employment_area]", str(area().pk))
    page.fill("input[name=city]", "Saverne")
    page.fill("input[name=phone]", "06 98 76 54 32")
    open_panel(page, "Source d'information")
    page.select_option("select[name=organisation_contact]", str(adviser.pk))
    # The channel is left empty: the form comes back with an error.
    open_panel(page, "Consentement")
    sign(page)
    open_panel(page, "Documents transmis par le candidat")
    page.locator("#id_candidate_documents-ADD").click()
    page.set_input_files("input[name='candidate_documents-0-file']", str(cv))
    page.get_by_role("button", name="Créer", exact=True).click()
    page.wait_for_load_state()

    assert "/new/" in page.url and not Candidate.objects.exists()
    signature = page.input_value("input[name=consent_signature]")
    assert signature.startswith("data:image/png;base64,")
    expect(page.locator("input[name=consent_method][value=signature]")).to_be_checked()
    pad = page.locator("[data-signature-pad]")
    page.wait_for_function("document.querySelector('[data-signature-pad]').dataset.redrawn === '1'")
    drawn = pad.locator("canvas").evaluate(
        "canvas => canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data.some(v => v !== 0)"
    )
    assert drawn, "the signature pad is blank after the error"
    assert page.input_value("input[name=last_name]") == "Retour"
    assert page.get_by_text("Les fichiers choisis doivent être sélectionnés à nouveau.").count() >= 1
    assert page.csp_violations == []

    if not page.locator("select[name=channel]").is_visible():
        open_panel(page, "Source d'information")
    page.select_option("select[name=channel]", str(source.pk))
    if page.locator("input[name='candidate_documents-0-file']").count():
        page.set_input_files("input[name='candidate_documents-0-file']", str(cv))
    page.get_by_role("button", name="Créer", exact=True).click()
    page.wait_for_url("**/edit/**")

    candidate = Candidate.objects.get(last_name="RETOUR")
    assert candidate.has_consent and candidate.consent.method == ConsentMethod.SIGNATURE
    assert candidate.consent.collected_by == adviser
    with candidate.consent.file.open("rb") as handle:
        assert handle.read(4) == b"\x89PNG"
