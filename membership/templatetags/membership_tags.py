from django import template

from ..fees import format_euros

register = template.Library()


@register.filter
def fields(form, names):
    """The bound fields of `form` named in the comma-separated `names` (a panel of the form)."""
    return [form[name.strip()] for name in names.split(",") if name.strip() in form.fields]


@register.filter
def euros(amount):
    return "" if amount is None else format_euros(amount)
