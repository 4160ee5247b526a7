from django.core.validators import RegexValidator
from django.utils.deconstruct import deconstructible


@deconstructible
class UsernameValidator(RegexValidator):
    """Letters, digits, space and the characters . - ' _ @ (as on the previous portal)."""

    regex = r"^[\w .'@-]+\Z"
    message = (
        "Le nom d'utilisateur ne peut contenir que des lettres, des chiffres, des espaces et les caractères . - ' _ @."
    )
    flags = 0
