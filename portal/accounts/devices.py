"""A user's second-factor devices (django-otp): the authenticator app (TOTP) and the recovery codes.

One TOTP device and one static device (10 single-use recovery codes) per user. A new TOTP device
stays unconfirmed until the user types a code it produced; confirming it replaces the old one.
"""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

TOTP_NAME = "Application d'authentification"
RECOVERY_NAME = "Codes de secours"
RECOVERY_CODE_COUNT = 10
# A login session remembers whether its user had a device at login, so that the middleware asks
# the database nothing for the users who have none (see two_factor.remember_enrolment).
ENROLLED_SESSION_KEY = "nege_otp_enrolled"
# The recovery codes just generated, shown once by the next page and then forgotten.
NEW_CODES_SESSION_KEY = "nege_otp_new_codes"


def has_confirmed_device(user):
    return user_has_device(user, confirmed=True)


def confirmed_totp(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_totp(user):
    """The unconfirmed TOTP device being enrolled (created on first call, kept across page reloads)."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def confirm_totp(device, code):
    """Confirm an enrolment when `code` is one the device produces; the previous devices are replaced.
    Returns the new recovery codes, or None for a wrong code."""
    if not device.verify_token(code):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes by RECOVERY_CODE_COUNT new ones (the old ones stop working)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def normalise_code(code):
    return "".join((code or "").split()).lower()


def verify(user, code):
    """Check `code` against the user's confirmed devices: (the device that accepted it or None, throttled).

    Six digits are an authenticator code, anything else a recovery code (used up by its first success).
    After wrong codes a device refuses any code for a while (django-otp's throttling, doubling each
    time): `throttled` is then True and nothing was checked."""
    code = normalise_code(code)
    if not code:
        return None, False
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if not isinstance(device, model):
                continue
            if not device.verify_is_allowed()[0]:
                return None, True
            if device.verify_token(code):
                return device, False
    return None, False


@transaction.atomic
def reset(user):
    """Delete every device of the user (lost phone): they enrol again at their next login. Returns the count."""
    count = 0
    for model in (TOTPDevice, StaticDevice):
        _, per_model = model.objects.filter(user=user).delete()  # the tokens of a static device go with it
        count += per_model.get(model._meta.label, 0)
    return count


def secret_for_manual_entry(device):
    """The key as authenticator apps ask for it when typed by hand: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device):
    """The enrolment QR code (the otpauth:// URL) as an inline SVG element."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=20, border=2)
    return image.to_string(encoding="unicode")
