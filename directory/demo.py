"""Demo content of the directory: menu link, logos, and more fictitious member companies.

Idempotent: extra organisations are looked up by slug, logos are added only where missing.
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from portal import demo
from portal.demo_places import STREETS, town_in_department
from portal.organisations.enums import CategoryCode, MembershipState
from portal.organisations.models import Activity, CompanyType, Department, Organisation, OrganisationCategory
from portal.registry import DemoStep

from .demo_texts import NAMES, presentation
from .models import DirectoryPage

EXTRA_COMPANIES = 24
COLOURS = [(11, 94, 168), (30, 126, 52), (176, 0, 32), (120, 60, 160), (200, 110, 0), (0, 120, 130)]


def seed(stdout, *, candidates=0):
    page = DirectoryPage.objects.live().first()
    if page is None:
        stdout.write("Annuaire : page absente (migration directory.0002), rien à faire.")
        return
    demo.add_menu_item("Annuaire", page=page)
    created = _seed_extra_companies()
    logos = _seed_logos()
    stdout.write(f"Annuaire : {created} entreprise(s) créée(s), {logos} logo(s) ajouté(s).")


def _seed_extra_companies():
    rng = random.Random("directory-demo")
    company = OrganisationCategory.objects.get(code=CategoryCode.COMPANY)
    types = list(CompanyType.objects.exclude(name__in=["N/A", "Organisme public"]))
    activities = list(Activity.objects.all())
    departments = list(Department.objects.all())
    bodies = list(Organisation.objects.accepted().filter(category__code=CategoryCode.PROFESSIONAL_BODY))
    created = 0
    for n in range(EXTRA_COMPANIES):
        name = NAMES[n % len(NAMES)]
        slug = f"demo-entreprise-{n + 1:02d}"
        here = rng.sample(departments, k=min(2, len(departments)))
        town, postcode = town_in_department(here[0].code, rng) if here else ("Strasbourg", "67000")
        # A few are not (or no longer) members, to show that the directory leaves them out.
        state = {5: MembershipState.PENDING, 11: MembershipState.SUSPENDED}.get(n, MembershipState.ACCEPTED)
        org, is_new = Organisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "category": company,
                "membership_state": state,
                "company_type": rng.choice(types) if types else None,
                "presentation": presentation(name, town, rng),
                "website": f"https://www.{slug}.{demo.DEMO_DOMAIN}",
                "address": f"{rng.randint(1, 80)} {rng.choice(STREETS)}",
                "city": town,
                "postcode": postcode,
                "affiliation": rng.choice(bodies) if bodies and n % 3 == 0 else None,
            },
        )
        if is_new:
            created += 1
            if activities:
                org.activities.set(rng.sample(activities, k=min(2, len(activities))))
            if here:
                org.establishment_departments.set(here[:1])
                org.intervention_departments.set(here)
    return created


def _seed_logos():
    added = 0
    # Not the pending applicants (membership.demo creates them after this step: a rerun would add theirs).
    for org in (
        Organisation.objects.filter(logo__isnull=True).exclude(membership_state=MembershipState.PENDING).order_by("pk")
    ):
        if org.pk % 4 == 3:
            continue  # logos are optional: keep some without (always the same ones, so reruns add none)
        org.logo = _logo_image(org.name, COLOURS[org.pk % len(COLOURS)])
        org.save(update_fields=["logo"])
        added += 1
    return added


def _logo_image(name, colour):
    initials = "".join(word[0] for word in name.split()[:2] if word[0].isalnum()).upper() or "N"
    picture = PILImage.new("RGB", (300, 300), colour)
    draw = ImageDraw.Draw(picture)
    draw.text((150, 150), initials, fill=(255, 255, 255), anchor="mm", font_size=120)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return get_image_model().objects.create(
        title=f"Logo {name}"[:255], file=ImageFile(buffer, name=f"logo-{initials.lower()}.png")
    )


DEMO_STEPS = [DemoStep(100, seed)]
