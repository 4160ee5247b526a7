"""An adviser enrols the authenticator app in a real browser: QR code, code typed, recovery codes, dossiers."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.portal.factories import PASSWORD
from tests.recruitment.factories import partner_with_adviser

from .conftest import assert_no_serious_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_adviser_enrols_then_reaches_the_dossiers(page, settings):
    settings.NEGE_TWO_FACTOR = "required"
    _organisation, adviser = partner_with_adviser()

    page.goto("/extranet/login/")
    page.fill("input[name=username]", adviser.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/extranet/securite/activer/**")
    expect(page.locator(".nege-qr svg")).to_be_visible()
    assert_no_serious_axe_violations(page)

    page.fill("input[name=code]", "000000")
    page.click("button[type=submit]:has-text('Activer')")
    page.get_by_text("Ce code ne correspond pas").wait_for()
    page.wait_for_timeout(1100)  # django-otp refuses any code for 1 s after a wrong one

    device = TOTPDevice.objects.get(user=adviser, confirmed=False)
    code = str(totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)).zfill(6)
    page.fill("input[name=code]", code)
    page.click("button[type=submit]:has-text('Activer')")
    page.wait_for_url("**/extranet/securite/codes-de-secours/**")
    assert page.locator(".nege-recovery__codes li").count() == 10
    expect(page.locator("[data-nege-print]")).to_be_visible()
    assert_no_serious_axe_violations(page)

    page.click("text=J'ai conservé mes codes, continuer")
    page.wait_for_url("**/extranet/")
    page.goto("/extranet/recrutement/dossiers/")
    assert "/securite/" not in page.url
