"""Building the POST data of the dossier form as the browser would send it."""

from django.urls import reverse

from .factories import area, channel, constitution, situation

ADD_URL = "recruitment_dossiers:add"


def url(name, *args):
    return reverse(f"recruitment_dossiers:{name}", args=args)


def formset(prefix, forms=()):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(forms)),
        f"{prefix}-INITIAL_FORMS": str(sum(1 for f in forms if f.get("id"))),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, form in enumerate(forms):
        for key, value in form.items():
            data[f"{prefix}-{i}-{key}"] = value
        data.setdefault(f"{prefix}-{i}-ORDER", str(i + 1))
        data.setdefault(f"{prefix}-{i}-DELETE", "")
    return data


def dossier_data(adviser, documents=(), internal=(), **overrides):
    data = {
        "civility": "Mme",
        "last_name": "Durand",
        "first_name": "Zoé",
        "has_france_travail_id": "False",
        "france_travail_id": "",
        "is_rsa_beneficiary": "False",
        "caf_number": "",
        "employment_area": area().pk,
        "city": "Strasbourg",
        "street_number": "",
        "street": "",
        "postcode": "",
        "phone": "0600000000",
        "email": "",
        "organisation": adviser.organisation_id,
        "organisation_contact": adviser.pk,
        "agency": "",
        "adviser_name": "",
        "adviser_contact": "",
        "channel": channel().pk,
        "situation": situation().pk,
        "situation_date": "2026-01-05",
        "situation_end_date": "",
        "situation_note": "",
        "status": constitution().pk,
        "status_date": "2026-01-05",
        "status_note": "",
        "consent_method": "",
        "consent_signature": "",
        **formset("candidate_documents", documents),
        **formset("internal_documents", internal),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def assert_refused(response):
    """A logged-in user refused: 403, or the extranet's answer to PermissionDenied (back to its dashboard)."""
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home"), response.url
    else:
        assert response.status_code == 403, response.status_code
