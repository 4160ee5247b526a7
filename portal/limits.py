"""Every rate limit of the site, in one place: name, rate, key, French message, and how to apply them.

Counters live in the cache (Redis in production) through django-ratelimit. "client" always means the
address of the visitor behind our TLS proxy (`portal/client.py`, `NEGE_TRUSTED_PROXIES`), never the
proxy's own address, so two visitors behind the same proxy have separate budgets. A rate can be changed
without code through `settings.NEGE_RATE_LIMITS = {"limit-name": "5/h"}` (tests use it too).

Login: three counters, so that no one can lock an account's owner out
----------------------------------------------------------------------------
A lockout keyed on the username alone lets anyone block the president by failing ten times on
`president`. Instead:

1. `login-client` counts every login attempt of a client address (30 / 5 min): a flood from one address
   is refused, whatever the account.
2. `login-failures` counts the failed passwords of one (account, client address) pair (10 / 5 min). Once
   spent, that address is refused for that account, even with the right password (the attacker learns
   nothing); another address, e.g. the real owner's, is not affected.
3. `login-account-failures` counts an account's failures across all addresses (20 / hour). It never
   refuses anyone by itself and adds no delay (a sleep would tie up a sync worker: a DoS of its own).
   It marks the account as *under attack*: a distributed attacker then gets a much smaller budget per
   address (`login-failures-under-attack`, 3 failures / hour per (account, address)), while the owner's
   right password, from an address that has not been failing, still logs in. The second factor of the
   extranet (django-otp) remains the real protection of a guessed password.

Only real failures count towards 2 and 3 (a refused attempt checks no password). The account is the user
the typed identifier (username or e-mail, any case) designates, or the identifier itself when none does,
so switching between username and e-mail buys no new budget.

Password reset: `password-reset-account` (3 / hour per typed address) and `password-reset-client`
(10 / hour per client address) are silent: once spent, no e-mail is sent but the answer is the usual
"if an account exists, an e-mail is on its way" page, so the limit reveals nothing about the account.
"""

import ipaddress
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.utils import ErrorDict
from django_ratelimit.core import get_usage

from portal.accounts.backends import find_user
from portal.client import ratelimit_ip

logger = logging.getLogger(__name__)

CLIENT, ACCOUNT, TARGET, USER = "client", "account", "target", "user"

LOGIN_MESSAGE = "Trop de tentatives de connexion. Par sécurité, patientez quelques minutes avant de réessayer."
CONTACT_MESSAGE = (
    "Vous avez envoyé trop de messages en peu de temps. Par mesure de sécurité, patientez une heure avant de réessayer."
)
CONTACT_TARGET_MESSAGE = (
    "Cette entreprise a reçu beaucoup de messages depuis l'annuaire ces dernières minutes. "
    "Merci de réessayer dans une heure."
)
MEMBERSHIP_MESSAGE = (
    "Trop de demandes envoyées depuis votre connexion : votre saisie est conservée ci-dessous, "
    "réessayez de l'envoyer dans une heure."
)
ACCESS_REQUEST_MESSAGE = (
    "Trop de demandes d'accès envoyées en peu de temps : votre saisie est conservée, réessayez dans une heure."
)


@dataclass(frozen=True)
class Limit:
    """A budget of `rate` ("count/period") per value of `key` (a tuple of CLIENT, ACCOUNT, TARGET, USER)."""

    name: str
    rate: str
    key: tuple
    message: str = ""

    @property
    def current_rate(self):
        return getattr(settings, "NEGE_RATE_LIMITS", {}).get(self.name, self.rate)

    def _usage(self, request, increment, account=None, target=None):
        parts = []
        for part in self.key:
            if part == CLIENT:
                parts.append(client_key(request))
            elif part == ACCOUNT:
                parts.append(f"a:{account}")
            elif part == TARGET:
                parts.append(f"t:{target}")
            elif part == USER:
                parts.append(f"u:{request.user.pk}")
        value = "|".join(parts)
        return get_usage(
            request,
            group=self.name,
            key=lambda group, request: value,
            rate=self.current_rate,
            increment=increment,
        )

    def hit(self, request, **values):
        """Count one use; True when this use exceeds the budget (logged with the client address)."""
        usage = self._usage(request, True, **values)
        exceeded = bool(usage and usage["should_limit"])
        if exceeded:
            logger.warning("Rate limit %s reached by client %s", self.name, client_key(request))
        return exceeded

    def spent(self, request, **values):
        """True when the budget is already used up, without counting anything."""
        usage = self._usage(request, False, **values)
        return bool(usage and usage["count"] >= usage["limit"])


LOGIN_PER_CLIENT = Limit("login-client", "30/5m", (CLIENT,), LOGIN_MESSAGE)
LOGIN_FAILURES = Limit("login-failures", "10/5m", (ACCOUNT, CLIENT), LOGIN_MESSAGE)
LOGIN_ACCOUNT_FAILURES = Limit("login-account-failures", "20/h", (ACCOUNT,))
LOGIN_FAILURES_UNDER_ATTACK = Limit("login-failures-under-attack", "3/h", (ACCOUNT, CLIENT), LOGIN_MESSAGE)
PASSWORD_RESET_PER_ACCOUNT = Limit("password-reset-account", "3/h", (ACCOUNT,))
PASSWORD_RESET_PER_CLIENT = Limit("password-reset-client", "10/h", (CLIENT,))
CONTACT_PER_CLIENT = Limit("contact-client", "5/h", (CLIENT,), CONTACT_MESSAGE)
CONTACT_PER_TARGET = Limit("contact-target", "20/h", (TARGET,), CONTACT_TARGET_MESSAGE)
MEMBERSHIP_REFERENT = Limit("membership-referent-client", "20/h", (CLIENT,), MEMBERSHIP_MESSAGE)
MEMBERSHIP_ORGANISATION = Limit("membership-organisation-client", "60/h", (CLIENT,), MEMBERSHIP_MESSAGE)
MEMBERSHIP_AUTOSAVE = Limit("membership-autosave-client", "600/h", (CLIENT,))  # the page's script, as one types
MEMBERSHIP_SUBMIT = Limit("membership-submit-client", "10/h", (CLIENT,), MEMBERSHIP_MESSAGE)
ACCESS_REQUEST_PER_CLIENT = Limit("access-request-client", "30/h", (CLIENT,), ACCESS_REQUEST_MESSAGE)
ACCESS_REQUEST_PER_USER = Limit("access-request-user", "20/h", (USER,), ACCESS_REQUEST_MESSAGE)
# Codes typed at the second factor (verification and enrolment), per logged-in user (portal.accounts.security_views).
SECOND_FACTOR_PER_USER = Limit(
    "second-factor-user",
    "10/15m",
    (USER,),
    "Trop de codes saisis en peu de temps. Par sécurité, patientez quelques minutes avant de réessayer.",
)


def client_key(request):
    """The client address as counted: an IPv6 client is its /64 (one host often holds the whole prefix)."""
    address = ratelimit_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address) if ip.version == 6 else str(ip)


def first_exceeded(request, *limits, **values):
    """Count one use against each limit (all of them, so none can be skipped); the first exceeded one, or None."""
    exceeded = [limit for limit in limits if limit.hit(request, **values)]
    return exceeded[0] if exceeded else None


def refuse(form, message, validate=False):
    """Show `message` as the form's error; the typed values stay in the fields (the form stays bound).

    Without `validate`, the form's own checks are not run (for the login form they would check the password)."""
    if validate:
        form.is_valid()
        form.errors.clear()
        form.add_error(None, message)
        return form
    form.cleaned_data = {}
    form._errors = ErrorDict({NON_FIELD_ERRORS: form.error_class([message], error_class="nonfield")})
    return form


# Login ---------------------------------------------------------------------------------------------


def login_account(identifier):
    """The account a typed identifier designates, as counted by the login limits."""
    user = find_user(identifier) if identifier else None
    return f"user:{user.pk}" if user else f"name:{(identifier or '').strip().lower()}"


def login_refusal(request, identifier):
    """Count a login attempt; the French message when it must be refused before any password check."""
    if LOGIN_PER_CLIENT.hit(request):
        return LOGIN_PER_CLIENT.message
    account = login_account(identifier)
    if LOGIN_FAILURES.spent(request, account=account):
        return LOGIN_FAILURES.message
    if LOGIN_ACCOUNT_FAILURES.spent(request, account=account) and LOGIN_FAILURES_UNDER_ATTACK.spent(
        request, account=account
    ):
        return LOGIN_FAILURES_UNDER_ATTACK.message
    return None


def record_login_failure(request, identifier):
    account = login_account(identifier)
    for limit in (LOGIN_FAILURES, LOGIN_ACCOUNT_FAILURES, LOGIN_FAILURES_UNDER_ATTACK):
        limit.hit(request, account=account)


# Password reset ------------------------------------------------------------------------------------


def password_reset_allowed(request, email):
    """Count a reset request; False when no e-mail may be sent (the caller answers as usual all the same)."""
    account = (email or "").strip().lower()
    return first_exceeded(request, PASSWORD_RESET_PER_CLIENT, PASSWORD_RESET_PER_ACCOUNT, account=account) is None
