"""The expected fee of an application, from the current grid (the calculation itself is `fees`)."""

from .fees import compute_fee, format_euros
from .models import FeeGrid


def current_rules():
    grid = FeeGrid.objects.current()
    return grid.rules() if grid else None


def organisation_fee(application):
    """The expected annual fee of a sent application, from its organisation as it is now."""
    organisation = application.organisation
    rules = current_rules()
    if organisation is None or rules is None:
        return None
    return compute_fee(
        rules,
        sector=application.sector,
        headcounts=[
            organisation.headcount_alsace,
            organisation.headcount_champagne_ardenne,
            organisation.headcount_lorraine,
        ],
        affiliated=organisation.affiliation_id is not None,
        startup=organisation.is_startup,
        syntec_pack=organisation.has_syntec_startup_pack,
    )


def draft_fee(form):
    """The fee a valid part 2 would pay (preview), or None."""
    rules = current_rules()
    return form.quote(rules) if rules and form.is_valid() else None


def fee_text(quote):
    if quote is None:
        return "—"
    band = "startup" if quote.band == "Startup" else f"tranche « {quote.band} »"
    return f"{format_euros(quote.amount)} ({band}, {quote.column.lower()})"
