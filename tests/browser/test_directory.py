"""The directory in a real browser: filter the list, open a company, send it a message with a CV."""

import pytest
from playwright.sync_api import expect

from tests.directory.factories import PDF_BYTES, OrganisationFactory, company_with_hr, department, directory_page

from .conftest import assert_no_serious_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def directory():
    directory_page()
    elan = company_with_hr(name="Agence Numérique Élan", presentation="<p>Développement web et mobile.</p>")
    elan.establishment_departments.set([department("67")])
    other = OrganisationFactory(name="Numérique Lorrain", presentation="<p>Infogérance.</p>")
    other.establishment_departments.set([department("57")])
    OrganisationFactory(name="Boulangerie Sans Rapport", presentation="<p>Pain.</p>")
    OrganisationFactory(name="Numérique En Attente", pending=True)
    return elan


def card_names(page):
    return page.locator(".org-card__name").all_inner_texts()


def test_filter_the_directory_and_write_to_a_company(page, directory, mailoutbox):
    page.goto("/annuaire/")
    assert card_names(page) == ["Agence Numérique Élan", "Boulangerie Sans Rapport", "Numérique Lorrain"]
    assert_no_serious_axe_violations(page)

    # Free text without accents, then a département: the filters combine and live in the URL.
    page.get_by_label("Rechercher (nom, présentation)").fill("numerique")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url("**/annuaire/?q=numerique*")
    assert card_names(page) == ["Agence Numérique Élan", "Numérique Lorrain"]
    page.locator("summary", has_text="Départements d'établissement").click()
    page.get_by_label("Bas-Rhin (67)").check()
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url("**etablissement=67*")
    assert "etablissement=67" in page.url and "q=numerique" in page.url
    assert card_names(page) == ["Agence Numérique Élan"]

    # A shared link gives the same list; "Effacer les filtres" brings everything back.
    page.goto(page.url)
    assert card_names(page) == ["Agence Numérique Élan"]
    page.get_by_role("link", name="Agence Numérique Élan").click()
    page.wait_for_url(f"**/annuaire/{directory.slug}/")
    assert_no_serious_axe_violations(page)
    assert "rh.personne@entreprise.test" not in page.content()

    # The contact form: a mistake keeps what was typed, then the message goes with the CV.
    page.get_by_label("Vos prénom et nom *").fill("Camille Martin")
    page.get_by_label("Votre adresse de courriel *").fill("camille@exemple.test")
    page.get_by_label("Objet *").fill("Candidature spontanée")
    page.get_by_label("Message *").fill("Bonjour, je souhaite vous rencontrer.")
    page.get_by_role("button", name="Envoyer le message").click()
    expect(page.locator(".field__error").first).to_be_visible()
    assert "Vous devez accepter le traitement de vos données" in page.content()
    assert page.get_by_label("Message *").input_value() == "Bonjour, je souhaite vous rencontrer."

    page.get_by_label("Votre CV (facultatif)").set_input_files(
        {"name": "cv-camille.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    page.get_by_label("J'accepte que les données").check()
    page.get_by_role("button", name="Envoyer le message").click()
    page.wait_for_url("**?envoye=1*")
    assert page.get_by_role("status").inner_text().startswith("Votre message a bien été envoyé")

    assert [m.to for m in mailoutbox] == [["rh.personne@entreprise.test"], ["camille@exemple.test"]]
    assert mailoutbox[0].attachments[0][0] == "cv-camille.pdf"
