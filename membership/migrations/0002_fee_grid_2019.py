"""Seed the 2019 fee grid (DESIGN.md section 2, seed 002): data an administrator edits afterwards."""

from django.db import migrations

# (min, max or None, standard, affiliated)
DIGITAL = [
    (0, 9, 192, 96),
    (10, 24, 384, 192),
    (25, 50, 672, 336),
    (51, 100, 1152, 576),
    (101, 250, 1824, 912),
    (251, 500, 3300, 1650),
    (501, 1000, 6000, 3000),
    (1001, None, 12000, 6000),
]
NON_DIGITAL = [
    (0, 9, 384, 192),
    (10, 24, 768, 384),
    (25, 50, 1344, 672),
    (51, 100, 2304, 1152),
    (101, 250, 3648, 1824),
    (251, 500, 6600, 3300),
    (501, 1000, 12000, 6000),
    (1001, None, 24000, 12000),
]


def seed_grid(apps, schema_editor):
    FeeGrid = apps.get_model("membership", "FeeGrid")
    FeeBand = apps.get_model("membership", "FeeBand")
    if FeeGrid.objects.filter(year=2019).exists():
        return
    grid = FeeGrid.objects.create(year=2019, startup_fee=120, startup_affiliated_fee=60, startup_pack_fee=0)
    order = 0
    for sector, bands in (("digital", DIGITAL), ("non_digital", NON_DIGITAL)):
        for low, high, standard, affiliated in bands:
            FeeBand.objects.create(
                grid=grid,
                sector=sector,
                min_headcount=low,
                max_headcount=high,
                standard_fee=standard,
                affiliated_fee=affiliated,
                sort_order=order,
            )
            order += 1


def unseed_grid(apps, schema_editor):
    apps.get_model("membership", "FeeGrid").objects.filter(year=2019).delete()


class Migration(migrations.Migration):
    dependencies = [("membership", "0001_initial")]

    operations = [migrations.RunPython(seed_grid, unseed_grid)]
