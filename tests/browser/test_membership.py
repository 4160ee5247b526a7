"""A visitor applies for membership in a real browser: part 1, part 2 (autosaved draft), preview, sending."""

import re
from importlib import import_module
from urllib.parse import urlparse

import pytest
from django.apps import apps
from django.core import mail
from playwright.sync_api import expect

from membership.content import install_pages
from membership.enums import ApplicationState
from membership.models import MembershipApplication
from portal.organisations.enums import MembershipState
from tests.portal.page_factories import home_page, site_settings

from .conftest import assert_no_serious_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Un-mot-de-passe-solide-42"


def png_logo():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (300, 300), (11, 94, 168)).save(buffer, "PNG")
    return {"name": "logo.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


@pytest.fixture
def membership_site():
    import_module("membership.migrations.0002_fee_grid_2019").seed_grid(apps, None)
    settings = site_settings()
    settings.president_email = "president@nege.test"
    settings.save()
    install_pages(home_page())


def fill_part1(page):
    page.get_by_label("Adresse de courriel").fill("claire.martin@exemple.test")
    page.get_by_label("Nom d'utilisateur").fill("claire.martin")
    page.get_by_label("Civilité").select_option(label="Madame")
    page.get_by_role("textbox", name="Nom", exact=True).fill("Martin")
    page.get_by_role("textbox", name="Prénom", exact=True).fill("Claire")
    page.get_by_label("Fonction").fill("Responsable RH")
    page.get_by_label("Téléphone mobile").fill("06 11 22 33 44")
    page.get_by_label("Ville").fill("Metz")
    page.get_by_label("Vie de l'association").check()
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Confirmation du mot de passe").fill(PASSWORD)
    page.get_by_label("En cochant cette case").check()
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_url(re.compile(r"/adherer/demande/organisme/"))


def test_a_visitor_applies_in_two_parts(page, membership_site):
    page.goto("/adherer/")
    page.get_by_role("link", name="Combien coûte l'adhésion").click()
    expect(page.get_by_role("table").first).to_be_visible()
    page.get_by_label("Effectif en Alsace").fill("30")
    page.get_by_label("Effectif en Lorraine").fill("25")
    page.get_by_role("button", name="Calculer").click()
    expect(page.get_by_test_id("fee")).to_contain_text("1\u00a0152\u00a0€")

    page.get_by_role("link", name="Déposer une demande d'adhésion").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Demande d'adhésion – partie 1")
    assert_no_serious_axe_violations(page)
    fill_part1(page)

    # Part 2 -- a first attempt without the engagement clauses keeps everything typed.
    page.get_by_label("Raison sociale").fill("Octet Lorrain")
    page.get_by_label("Catégorie d'organisme").select_option(label="Entreprise")
    page.get_by_label("Localisation de la direction régionale").select_option(label="Lorraine : Moselle (57)")
    page.get_by_label("Logo").set_input_files(png_logo())
    page.get_by_label("Ville de la direction régionale").fill("Metz")
    # The presentation's small editor: a paragraph, then bold text from the toolbar.
    page.get_by_role("textbox", name="Présentation").click()
    page.keyboard.type("Éditeur de logiciels messin. ")
    page.get_by_role("button", name="Gras").click()
    page.keyboard.type("Nous recrutons")
    page.get_by_label("Site Web").fill("https://octet-lorrain.test")
    page.get_by_label("PME : 10-250 personnes").check()
    page.get_by_label("Éditeur de logiciel, plateforme SaaS").check()
    page.locator("#champ-establishment_departments").get_by_label("Lorraine : Moselle (57)").check()
    page.locator("#champ-intervention_departments").get_by_label("Alsace : Bas-Rhin (67)").check()
    page.get_by_label("Adhésion pour l'Alsace").fill("6")
    page.get_by_label("Adhésion pour Lorraine").fill("5")
    page.get_by_role("button", name="Aperçu").click()
    expect(page.get_by_text("Cette clause d'engagement est obligatoire.").first).to_be_visible()
    assert page.get_by_label("Raison sociale").input_value() == "Octet Lorrain"
    expect(page.get_by_text("Logo déjà enregistré")).to_be_visible()
    expect(page.locator(".rich-text__editor strong")).to_have_text("Nous recrutons")
    assert_no_serious_axe_violations(page)

    page.get_by_label("Je certifie sur l'honneur").check()
    page.get_by_label("Je certifie avoir pris connaissance").check()
    page.get_by_role("button", name="Aperçu").click()
    page.wait_for_url(re.compile(r"/apercu/$"))
    expect(page.get_by_test_id("fee")).to_contain_text("384\u00a0€")  # 11 employees, digital, standard
    expect(page.get_by_text("Octet Lorrain").first).to_be_visible()
    assert_no_serious_axe_violations(page)

    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_url("**/adherer/demande/envoyee/")
    assert_no_serious_axe_violations(page)

    application = MembershipApplication.objects.get(applicant__username="claire.martin")
    assert application.state == ApplicationState.PENDING
    assert application.organisation.membership_state == MembershipState.PENDING
    assert application.expected_fee == 384
    presentation = application.organisation.presentation
    assert presentation == "<p>Éditeur de logiciels messin. <strong>Nous recrutons</strong></p>"
    assert application.organisation.city == "Metz"
    assert not application.applicant.is_active
    recipients = [message.to for message in mail.outbox]
    assert ["president@nege.test"] in recipients
    assert recipients.count(["claire.martin@exemple.test"]) == 2  # the link to part 2, then the copy


def test_part_2_is_saved_as_the_visitor_types(strict_page, membership_site):
    page = strict_page
    page.goto("/adherer/demande/")
    fill_part1(page)
    part2_url = page.url
    page.get_by_label("Raison sociale").fill("Brouillon Numérique")
    page.get_by_label("Adhésion pour Champagne-Ardenne").fill("14")
    page.get_by_text("Brouillon enregistré automatiquement.").wait_for()

    page.goto("/")  # the visitor leaves without saving, then comes back with the e-mailed link
    link = re.search(r"https?://\S+?(/adherer/demande/organisme/\S+/)", mail.outbox[0].body).group(1)
    # Same application and user; the signatures may differ by their timestamp (made a second apart).
    assert urlparse(part2_url).path.split(":")[0] == link.split(":")[0]
    page.goto(link)
    assert page.get_by_label("Raison sociale").input_value() == "Brouillon Numérique"
    assert page.get_by_label("Adhésion pour Champagne-Ardenne").input_value() == "14"
    assert page.csp_violations == []
