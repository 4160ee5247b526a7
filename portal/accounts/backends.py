from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UsernameOrEmailBackend(ModelBackend):
    """Log in with the username or the e-mail address, case-insensitively."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        User = get_user_model()
        identifier = username.strip()
        field = "email__iexact" if "@" in identifier and "." in identifier.split("@")[-1] else "username__iexact"
        user = User.objects.filter(**{field: identifier}).first()
        if user is None and field == "email__iexact":
            user = User.objects.filter(username__iexact=identifier).first()
        if user is None:
            User().set_password(password)  # same cost as a real check: no user enumeration by timing
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
