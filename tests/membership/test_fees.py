"""The fee: every band of both grids, both columns, the startup rule, several territories."""

import pytest

from membership.enums import Sector
from membership.fees import compute_fee, format_euros
from membership.models import FeeGrid

pytestmark = pytest.mark.django_db

# (headcount, standard, affiliated) of the 2019 grid as published in seed 002, band edges included.
DIGITAL_2019 = [
    (1, 192, 96),
    (9, 192, 96),
    (10, 384, 192),
    (24, 384, 192),
    (25, 672, 336),
    (50, 672, 336),
    (51, 1152, 576),
    (100, 1152, 576),
    (101, 1824, 912),
    (250, 1824, 912),
    (251, 3300, 1650),
    (500, 3300, 1650),
    (501, 6000, 3000),
    (1000, 6000, 3000),
    (1001, 12000, 6000),
    (25000, 12000, 6000),
]
NON_DIGITAL_2019 = [
    (1, 384, 192),
    (9, 384, 192),
    (10, 768, 384),
    (24, 768, 384),
    (25, 1344, 672),
    (50, 1344, 672),
    (51, 2304, 1152),
    (100, 2304, 1152),
    (101, 3648, 1824),
    (250, 3648, 1824),
    (251, 6600, 3300),
    (500, 6600, 3300),
    (501, 12000, 6000),
    (1000, 12000, 6000),
    (1001, 24000, 12000),
]


@pytest.fixture
def rules():
    return FeeGrid.objects.get(year=2019).rules()


class TestSeededGrid:
    @pytest.mark.parametrize(("headcount", "standard", "affiliated"), DIGITAL_2019)
    def test_digital_bands(self, rules, headcount, standard, affiliated):
        assert compute_fee(rules, sector=Sector.DIGITAL, headcounts=[headcount]).amount == standard
        assert compute_fee(rules, sector=Sector.DIGITAL, headcounts=[headcount], affiliated=True).amount == affiliated

    @pytest.mark.parametrize(("headcount", "standard", "affiliated"), NON_DIGITAL_2019)
    def test_non_digital_bands(self, rules, headcount, standard, affiliated):
        assert compute_fee(rules, sector=Sector.NON_DIGITAL, headcounts=[headcount]).amount == standard
        quote = compute_fee(rules, sector=Sector.NON_DIGITAL, headcounts=[headcount], affiliated=True)
        assert quote.amount == affiliated

    def test_band_labels_follow_the_published_grid(self, rules):
        labels = [b.label for b in rules.bands if b.sector == Sector.DIGITAL]
        assert labels == [
            "< 10",
            "10 à 24",
            "25 à 50",
            "51 à 100",
            "101 à 250",
            "251 à 500",
            "501 à 1000",
            "Plus de 1000",
        ]


class TestStartupRule:
    def test_standard_startup_pays_120(self, rules):
        quote = compute_fee(rules, sector=Sector.DIGITAL, headcounts=[4], startup=True)
        assert (quote.amount, quote.band) == (120, "Startup")

    def test_affiliated_startup_pays_60(self, rules):
        assert compute_fee(rules, sector=Sector.DIGITAL, headcounts=[4], affiliated=True, startup=True).amount == 60

    def test_affiliated_startup_with_syntec_pack_is_free(self, rules):
        quote = compute_fee(
            rules, sector=Sector.DIGITAL, headcounts=[4], affiliated=True, startup=True, syntec_pack=True
        )
        assert quote.amount == 0
        assert format_euros(quote.amount) == "Gratuit"

    def test_syntec_pack_alone_does_not_make_a_standard_startup_free(self, rules):
        assert compute_fee(rules, sector=Sector.DIGITAL, headcounts=[4], startup=True, syntec_pack=True).amount == 120

    def test_no_startup_rule_outside_the_digital_sector(self, rules):
        assert compute_fee(rules, sector=Sector.NON_DIGITAL, headcounts=[4], startup=True).amount == 384


class TestHeadcountOverSeveralTerritories:
    def test_headcount_is_the_sum_of_the_territories(self, rules):
        # 6 + 3 + 2 = 11: the "10 à 24" band, not "< 10" as each territory alone would be
        quote = compute_fee(rules, sector=Sector.DIGITAL, headcounts=[6, 3, 2])
        assert (quote.headcount, quote.band, quote.amount) == (11, "10 à 24", 384)

    def test_a_territory_at_zero_is_left_out(self, rules):
        quote = compute_fee(rules, sector=Sector.NON_DIGITAL, headcounts=[400, 0, 200], affiliated=True)
        assert (quote.headcount, quote.amount) == (600, 6000)


class TestGridIsData:
    def test_an_edited_grid_changes_the_fee(self, rules):
        grid = FeeGrid.objects.get(year=2019)
        band = grid.bands.get(sector=Sector.DIGITAL, min_headcount=0)
        band.standard_fee = 200
        band.save()
        assert compute_fee(grid.rules(), sector=Sector.DIGITAL, headcounts=[3]).amount == 200

    def test_the_current_grid_is_the_latest_year_not_in_the_future(self):
        FeeGrid.objects.create(year=2999)
        grid_2020 = FeeGrid.objects.create(year=2020)
        assert FeeGrid.objects.current() == grid_2020

    def test_format_euros_uses_french_thousands(self):
        assert format_euros(12000) == "12\u00a0000\u00a0€"
