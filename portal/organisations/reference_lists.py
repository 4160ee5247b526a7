"""The site-wide reference lists (geography, organisation categories, types and activities)."""

from portal.reference import upsert_by_name
from portal.reference_data import geography, organisations
from portal.registry import ReferenceList

from .models import Activity, CompanyType, Department, EmploymentArea, OrganisationCategory, Territory

REFERENCE_LISTS = [
    ReferenceList(Territory, feminine=False),
    ReferenceList(Department, feminine=False, extra_list=("code", "territory"), filters=("territory",)),
    ReferenceList(EmploymentArea, feminine=False, extra_list=("territory",), filters=("territory",)),
    ReferenceList(OrganisationCategory, feminine=True, extra_list=("code",)),
    ReferenceList(CompanyType, feminine=False),
    ReferenceList(Activity, feminine=True),
]


def load_reference():
    territories = upsert_by_name(Territory, geography.TERRITORIES)
    for order, (code, name, territory) in enumerate(geography.DEPARTMENTS):
        department, _ = Department.objects.update_or_create(
            code=code, defaults={"name": name, "territory": territories[territory], "order": order}
        )
        EmploymentArea.objects.update_or_create(
            name=f"{territory} / {name}",
            defaults={"territory": territories[territory], "department": department, "order": order},
        )
    for order, (code, name) in enumerate(organisations.CATEGORIES):
        OrganisationCategory.objects.update_or_create(code=code, defaults={"name": name, "order": order})
    upsert_by_name(CompanyType, organisations.COMPANY_TYPES)
    upsert_by_name(Activity, organisations.ACTIVITIES)
