"""Membership fee: a pure calculation over a yearly grid (no database access here).

`FeeGrid.rules()` turns the administrator-edited grid into `GridRules`; `compute_fee` is
used by the public calculator, the application preview and the board's review screen.
"""

from dataclasses import dataclass

from .enums import Sector


@dataclass(frozen=True)
class Band:
    sector: str
    min_headcount: int
    max_headcount: int | None  # None: no upper limit
    standard_fee: int
    affiliated_fee: int

    def contains(self, headcount):
        return headcount >= self.min_headcount and (self.max_headcount is None or headcount <= self.max_headcount)

    @property
    def label(self):
        return band_label(self.min_headcount, self.max_headcount)


@dataclass(frozen=True)
class GridRules:
    year: int
    bands: tuple
    startup_fee: int
    startup_affiliated_fee: int
    startup_pack_fee: int


@dataclass(frozen=True)
class FeeQuote:
    amount: int
    headcount: int
    band: str
    column: str

    @property
    def is_free(self):
        return self.amount == 0


STANDARD = "Cotisation annuelle standard"
AFFILIATED = "Cotisation annuelle organisme affilié"


def band_label(min_headcount, max_headcount):
    """French label of a headcount band: "< 10", "10 à 24", "Plus de 1000"."""
    if max_headcount is None:
        return f"Plus de {max(min_headcount - 1, 0)}"
    if min_headcount == 0:
        return f"< {max_headcount + 1}"
    return f"{min_headcount} à {max_headcount}"


def total_headcount(headcounts):
    """Headcount = sum of the perimeter values (territories where the organisation joins)."""
    return sum(int(value or 0) for value in headcounts)


def compute_fee(rules, *, sector, headcounts, affiliated=False, startup=False, syntec_pack=False):
    """Annual fee in euros for an organisation.

    The startup rule exists only in the digital-sector grid: a startup pays the startup fee,
    or, when affiliated, the reduced fee (free if it took the Syntec Numérique startup pack).
    """
    headcount = total_headcount(headcounts)
    column = AFFILIATED if affiliated else STANDARD
    if startup and sector == Sector.DIGITAL:
        if not affiliated:
            amount = rules.startup_fee
        else:
            amount = rules.startup_pack_fee if syntec_pack else rules.startup_affiliated_fee
        return FeeQuote(amount=amount, headcount=headcount, band="Startup", column=column)
    for band in rules.bands:
        if band.sector == sector and band.contains(headcount):
            amount = band.affiliated_fee if affiliated else band.standard_fee
            return FeeQuote(amount=amount, headcount=headcount, band=band.label, column=column)
    raise ValueError(f"No band of the {rules.year} grid for {sector} / {headcount}")


def format_euros(amount):
    """12000 -> "12 000 €" (French thousands separator, non-breaking)."""
    if amount == 0:
        return "Gratuit"
    return f"{amount:,}".replace(",", "\u00a0") + "\u00a0€"
