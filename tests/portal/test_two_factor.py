"""Staff second factor: who must enrol, the enrolment and verification screens, recovery codes, the policy
setting, and the administrator's reset of a user's devices."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from portal.accounts import devices, rules
from portal.accounts.roles import Role
from portal.accounts.security_forms import THROTTLED, WRONG_CODE, WRONG_ENROLMENT_CODE
from portal.limits import SECOND_FACTOR_PER_USER
from tests.recruitment.factories import partner_with_adviser

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

HOME = "/extranet/"
DOSSIERS = "/extranet/recrutement/dossiers/"
ENROL = "/extranet/securite/activer/"
VERIFY = "/extranet/securite/verifier/"
CODES = "/extranet/securite/codes-de-secours/"


@pytest.fixture
def required(settings):
    settings.NEGE_TWO_FACTOR = "required"


@pytest.fixture
def adviser():
    return partner_with_adviser()[1]


def login(client, user):
    response = client.post(reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, "the password is accepted"
    return response


def code_for(device, later=0):
    """The code the user's phone shows now (`later` steps ahead: a code the device has not used yet)."""
    return str(totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=later)).zfill(6)


def enrolled(user):
    """A user who already set up the authenticator app and holds recovery codes."""
    device = TOTPDevice.objects.create(user=user, name=devices.TOTP_NAME, confirmed=True)
    return device, devices.new_recovery_codes(user)


def verified_client(client, user):
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or enrolled(user)[0]
    login(client, user)
    response = client.post(VERIFY, {"code": code_for(device), "next": HOME})
    assert response.status_code == 302 and response["Location"] == HOME
    return client


class TestWhoNeedsASecondFactor:
    @pytest.mark.parametrize(
        "role",
        [
            Role.EMPLOYMENT_ADVISER,
            Role.SESSION_PILOT,
            Role.ADVISORY_RECRUITER,
            Role.TRAINING_COMMISSION,
            Role.COMPANY_RECRUITER,
            Role.PRESIDENT,
            Role.ADMINISTRATOR,
        ],
    )
    def test_roles_that_read_personal_data(self, role):
        assert rules.requires_second_factor(UserFactory(roles=[role]))

    def test_superuser(self):
        assert rules.requires_second_factor(UserFactory(administrator=True))

    @pytest.mark.parametrize("roles", [[Role.EDITOR], [Role.ORGANISATION_REFERENT], []])
    def test_site_content_editors_and_referents_alone_do_not(self, roles):
        assert not rules.requires_second_factor(UserFactory(roles=roles))

    def test_permissions_decide_not_role_names(self):
        """A group an administrator made up, holding only the dossier reading permission."""
        group = Group.objects.create(name="Stagiaires du service emploi")
        group.permissions.add(Permission.objects.get(codename="view_candidate", content_type__app_label="recruitment"))
        user = UserFactory()
        user.groups.add(group)
        assert rules.requires_second_factor(user)

    def test_steps(self):
        step = rules.second_factor_step
        assert step(policy="required", required_for_user=True, has_device=False, verified=False) == rules.ENROL
        assert step(policy="required", required_for_user=True, has_device=True, verified=False) == rules.VERIFY
        assert step(policy="required", required_for_user=True, has_device=True, verified=True) is None
        assert step(policy="required", required_for_user=False, has_device=False, verified=False) is None
        assert step(policy="offered", required_for_user=True, has_device=False, verified=False) is None
        assert step(policy="offered", required_for_user=False, has_device=True, verified=False) == rules.VERIFY


@pytest.mark.usefixtures("required")
class TestRequiredPolicy:
    def test_password_alone_leads_to_the_enrolment_and_nowhere_else(self, client, adviser):
        response = login(client, adviser)
        assert client.get(response["Location"]).url.startswith(ENROL)
        response = client.get(DOSSIERS)
        assert response.status_code == 302 and response.url.startswith(ENROL) and "next=" in response.url
        assert client.get(reverse("wagtailadmin_account")).status_code == 302
        assert client.get("/extranet/api/main/pages/").status_code == 403

    def test_the_apps_routes_outside_the_extranet_are_held_too_not_the_public_site(self, client, adviser):
        login(client, adviser)
        response = client.get(reverse("recruitment:cities"), {"q": "Stras"})
        assert response.status_code == 302 and response.url.startswith(ENROL)
        assert client.get("/").status_code == 200
        assert client.get("/api/v2/pages/").status_code == 200

    def test_enrolment_page_shows_the_qr_code_and_the_key(self, client, adviser):
        login(client, adviser)
        content = client.get(ENROL).content.decode()
        device = TOTPDevice.objects.get(user=adviser, confirmed=False)
        assert "<svg" in content and "<path" in content
        assert devices.secret_for_manual_entry(device) in content
        assert "Plus tard" not in content  # forced: no way around it

    def test_a_wrong_code_is_refused_next_to_the_field(self, client, adviser):
        login(client, adviser)
        client.get(ENROL)
        response = client.post(ENROL, {"code": "000000"})
        assert response.status_code == 200
        assert WRONG_ENROLMENT_CODE.replace("'", "&#x27;") in response.content.decode()
        assert 'class="error-message"' in response.content.decode()
        assert not TOTPDevice.objects.filter(user=adviser, confirmed=True).exists()
        assert client.get(DOSSIERS).status_code == 302

    def test_enrolment_with_the_phone_code_opens_the_extranet_and_shows_the_codes_once(self, client, adviser):
        login(client, adviser)
        client.get(ENROL)
        device = TOTPDevice.objects.get(user=adviser, confirmed=False)
        response = client.post(ENROL, {"code": code_for(device), "next": DOSSIERS})
        assert response.status_code == 302 and response.url.startswith(CODES)
        device.refresh_from_db()
        assert device.confirmed
        page = client.get(response.url)
        codes = [token.token for token in StaticDevice.objects.get(user=adviser).token_set.all()]
        assert len(codes) == 10 and all(code in page.content.decode() for code in codes)
        assert "data-nege-print" in page.content.decode()
        assert client.get(CODES).status_code == 302  # shown once only
        assert client.get(DOSSIERS).status_code == 200
        assert ModelLogEntry.objects.filter(action="accounts.enrol_second_factor", object_id=str(adviser.pk)).exists()

    def test_each_login_asks_for_the_code(self, client, adviser):
        device, _codes = enrolled(adviser)
        response = login(client, adviser)
        assert client.get(response["Location"]).url.startswith(VERIFY)
        assert client.get(DOSSIERS).url.startswith(VERIFY)
        assert client.get(ENROL).url.startswith(VERIFY)  # no replacing the device with the password alone
        response = client.post(VERIFY, {"code": "123 456", "next": DOSSIERS})
        assert response.status_code == 200 and WRONG_CODE.replace("'", "&#x27;") in response.content.decode()

    def test_the_right_code_verifies_the_session(self, client, adviser):
        device, _codes = enrolled(adviser)
        login(client, adviser)
        key_before = client.session.session_key
        response = client.post(VERIFY, {"code": code_for(device), "next": DOSSIERS})
        assert response.status_code == 302 and response.url == DOSSIERS
        assert client.session.session_key != key_before  # the session gained a privilege: a new key
        assert client.get(DOSSIERS).status_code == 200

    def test_a_recovery_code_works_once(self, client, adviser):
        _device, codes = enrolled(adviser)
        login(client, adviser)
        response = client.post(VERIFY, {"code": codes[0].upper(), "next": DOSSIERS})
        assert response.status_code == 302 and response.url == DOSSIERS
        assert client.get(DOSSIERS).status_code == 200
        assert devices.remaining_recovery_codes(adviser) == 9
        client.post(reverse("wagtailadmin_logout"))
        login(client, adviser)
        response = client.post(VERIFY, {"code": codes[0], "next": DOSSIERS})
        assert response.status_code == 200
        assert client.get(DOSSIERS).status_code == 302

    def test_a_code_right_after_a_wrong_one_waits(self, client, adviser, settings):
        """django-otp locks the device for a moment after a failure (doubling each time): said in French."""
        settings.OTP_TOTP_THROTTLE_FACTOR = 60  # 1 s by default: a slow machine must not outrun it
        device, _codes = enrolled(adviser)
        login(client, adviser)
        client.post(VERIFY, {"code": "000000"})
        response = client.post(VERIFY, {"code": code_for(device)})
        assert THROTTLED.replace("'", "&#x27;") in response.content.decode()
        assert client.get(DOSSIERS).status_code == 302

    def test_code_attempts_are_rate_limited_per_user(self, client, adviser, settings):
        settings.NEGE_RATE_LIMITS = {SECOND_FACTOR_PER_USER.name: "3/h"}
        settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's own delay aside: the limit alone
        device, _codes = enrolled(adviser)
        login(client, adviser)
        for _ in range(3):
            client.post(VERIFY, {"code": "000000"})
        response = client.post(VERIFY, {"code": code_for(device)})
        assert response.status_code == 429
        assert "Trop de codes saisis" in response.content.decode()
        assert client.get(DOSSIERS).status_code == 302

    def test_an_editor_is_not_forced(self, client):
        editor = UserFactory(roles=[Role.EDITOR])
        login(client, editor)
        assert client.get(HOME).status_code == 200
        assert client.get(reverse("nege_security")).status_code == 200

    def test_an_editor_who_enrolled_proves_it(self, client):
        editor = UserFactory(roles=[Role.EDITOR])
        enrolled(editor)
        login(client, editor)
        assert client.get(HOME).url.startswith(VERIFY)


class TestOfferedPolicy:
    def test_nobody_is_forced(self, client, adviser, settings):
        settings.NEGE_TWO_FACTOR = "offered"
        login(client, adviser)
        assert client.get(DOSSIERS).status_code == 200
        page = client.get(reverse("nege_security")).content.decode()
        assert "Activer la double authentification" in page
        assert "Plus tard" in client.get(ENROL).content.decode()

    def test_the_dashboard_offers_the_security_page(self, client, adviser):
        client.force_login(adviser)
        assert reverse("nege_security") in client.get(HOME).content.decode()


@pytest.mark.usefixtures("required")
class TestRecoveryCodes:
    def test_regenerating_replaces_the_codes(self, client, adviser):
        _device, old_codes = enrolled(adviser)
        verified_client(client, adviser)
        assert client.get(reverse("nege_security")).status_code == 200
        assert client.get(reverse("nege_security_regenerate")).status_code == 405  # POST only
        response = client.post(reverse("nege_security_regenerate"))
        assert response.url == CODES
        new_codes = [token.token for token in StaticDevice.objects.get(user=adviser).token_set.all()]
        assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
        page = client.get(CODES).content.decode()
        assert all(code in page for code in new_codes)


@pytest.fixture
def administrator(client):
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    verified_client(client, admin)
    return admin


@pytest.mark.usefixtures("required")
class TestAdministratorReset:
    def url(self, user):
        return reverse("nege_security_reset", args=[user.pk])

    def test_reset_deletes_the_devices_and_the_user_enrols_again(self, client, administrator, adviser, mailoutbox):
        enrolled(adviser)
        own = verified_client(Client(), adviser)
        assert own.get(DOSSIERS).status_code == 200
        page = client.get(self.url(adviser))
        assert page.status_code == 200 and "Réinitialiser" in page.content.decode()
        assert TOTPDevice.objects.filter(user=adviser).exists()  # the confirmation page changes nothing
        response = client.post(self.url(adviser))
        assert response.url == reverse("wagtailusers_users:edit", args=[adviser.pk])
        assert not TOTPDevice.objects.filter(user=adviser).exists()
        assert not StaticDevice.objects.filter(user=adviser).exists()
        entry = ModelLogEntry.objects.get(action="accounts.reset_second_factor", object_id=str(adviser.pk))
        assert entry.user_id == administrator.pk
        assert [message.to for message in mailoutbox] == [[adviser.email]]
        assert "réinitialisée" in mailoutbox[0].subject
        # the adviser's open session loses its proof: enrol again
        assert own.get(DOSSIERS).url.startswith(VERIFY)
        assert own.get(VERIFY).url.startswith(ENROL)

    def test_the_button_is_on_the_user_screens(self, client, administrator, adviser):
        label = "Réinitialiser la double authentification"
        assert label in client.get(reverse("wagtailusers_users:edit", args=[adviser.pk])).content.decode()
        assert self.url(adviser) in client.get(reverse("wagtailusers_users:index")).content.decode()

    def test_a_non_administrator_cannot_reset(self, client, adviser):
        other = UserFactory(roles=[Role.EMPLOYMENT_ADVISER], organisation=adviser.organisation)
        enrolled(other)
        verified_client(client, adviser)
        assert client.get(self.url(other)).status_code == 403
        assert client.post(self.url(other)).status_code == 403
        assert TOTPDevice.objects.filter(user=other).exists()

    def test_an_administrator_cannot_reset_a_superuser(self, client, administrator):
        superuser = UserFactory(administrator=True)
        enrolled(superuser)
        assert client.post(self.url(superuser)).status_code == 403
        assert TOTPDevice.objects.filter(user=superuser).exists()
