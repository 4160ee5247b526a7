"""Authentication by username or e-mail, and what the owner of an inactive account may be told."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from portal import registry


def find_user(identifier):
    """The account an identifier (username or e-mail address, any case) designates, or None."""
    User = get_user_model()
    identifier = (identifier or "").strip()
    field = "email__iexact" if "@" in identifier and "." in identifier.split("@")[-1] else "username__iexact"
    user = User.objects.filter(**{field: identifier}).first()
    if user is None and field == "email__iexact":
        user = User.objects.filter(username__iexact=identifier).first()
    return user


class UsernameOrEmailBackend(ModelBackend):
    """Log in with the username or the e-mail address, case-insensitively."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user = find_user(username)
        if user is None:
            get_user_model()().set_password(password)  # same cost as a real check: no user enumeration by timing
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id):
        """The session's user with Wagtail's profile (language, time zone) read by every extranet screen:
        one query instead of two."""
        User = get_user_model()
        user = User._default_manager.select_related("wagtail_userprofile").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None


def inactive_account_message(identifier, password):
    """Why this inactive account may not log in yet (an app's `login.inactive_account_message(user)`), or None.

    Only for whoever holds the password: a wrong one, an active or unknown account give None, at the
    cost of one password hash in every case."""
    user = find_user(identifier) if identifier and password else None
    if user is None or user.is_active:
        get_user_model()().set_password(password or "")
        return None
    if not user.check_password(password):
        return None
    for hook in registry.collect("login", "inactive_account_message"):
        message = hook(user)
        if message:
            return message
    return None
