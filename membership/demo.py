"""Fictitious membership demo content: the /adherer/ pages, applications in each state, an access request."""

from datetime import timedelta

from django.utils import timezone

from portal import demo as base
from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.organisations.enums import CategoryCode, MembershipState
from portal.organisations.models import Department, Organisation, OrganisationCategory
from portal.registry import DemoStep

from .content import install_pages
from .enums import AccountRequestState, ApplicationState, Sector
from .models import AccountRequest, MembershipApplication
from .quotes import organisation_fee

# username, organisation name, state, days since sending, headcounts (Alsace, Champagne-Ardenne, Lorraine)
DEMO_APPLICATIONS = [
    ("demo.candidature1", "Pixel Rhénan (démo)", ApplicationState.PENDING, 3, (8, 0, 4)),
    ("demo.candidature2", "Codeurs de la Moselle (démo)", ApplicationState.PENDING, 20, (0, 0, 45)),
    ("demo.candidature3", "Champagne Data (démo)", ApplicationState.DRAFT, None, (0, 12, 0)),
]
PRESENTATIONS = {
    "demo.candidature1": "<p>Agence de création de sites et d'applications installée à Strasbourg et à "
    "Sarrebourg. Nous recherchons des intégrateurs web et souhaitons participer aux job datings de "
    "l'association.</p>",
    "demo.candidature2": "<p>Entreprise de services numériques messine, nous intervenons en développement "
    "et en maintenance applicative pour l'industrie. Nous recrutons une dizaine de développeurs par an et "
    "voulons accéder au vivier de candidats qualifiés.</p>",
}


def seed(stdout, *, candidates=0):
    home = base.home_page()
    if home is not None:
        index, created = install_pages(home)
        base.add_menu_item("Devenir adhérent", page=index)
        stdout.write(f"Adhésion : {created} page(s) créée(s).")
    created = sum(_application(*spec) for spec in DEMO_APPLICATIONS)
    stdout.write(f"Adhésion : {created} demande(s) de démonstration créée(s).")
    _account_request()


def _application(username, name, state, days, headcounts):
    if User.objects.filter(username=username).exists():
        return 0
    fake = base.faker(username)
    user = User(
        username=username,
        email=f"{username}@{base.DEMO_DOMAIN}",
        civility="Mme",
        first_name=fake.first_name_female(),
        last_name=fake.last_name().upper(),
        function="Responsable des ressources humaines",
        is_active=False,
        conditions_accepted_at=timezone.now(),
    )
    base.set_demo_password(user)
    user.save()
    application = MembershipApplication(applicant=user, organisation_name=name, sector=Sector.DIGITAL, state=state)
    if state == ApplicationState.DRAFT:
        application.draft_data = {"name": [name], "headcount_champagne_ardenne": [str(headcounts[1])]}
        application.save()
        return 1
    organisation = Organisation.objects.create(
        name=name,
        category=OrganisationCategory.objects.get(code=CategoryCode.COMPANY),
        head_office_department=Department.objects.order_by("order").first(),
        presentation=PRESENTATIONS.get(username, ""),
        website=f"https://{username.replace('.', '-')}.{base.DEMO_DOMAIN}",
        referent=user,
        membership_state=MembershipState.PENDING,
        headcount_alsace=headcounts[0],
        headcount_champagne_ardenne=headcounts[1],
        headcount_lorraine=headcounts[2],
    )
    user.organisation = organisation
    user.save(update_fields=["organisation"])
    application.organisation = organisation
    application.submitted_at = timezone.now() - timedelta(days=days)
    application.save()
    quote = organisation_fee(application)
    application.expected_fee = quote.amount if quote else None
    application.save(update_fields=["expected_fee"])
    return 1


def _account_request():
    recruiter = base.demo_user("recruteur.a")
    organisation = recruiter.organisation if recruiter else None
    if organisation is None or AccountRequest.objects.filter(organisation=organisation).exists():
        return
    requested_by = organisation.referent or recruiter
    AccountRequest.objects.create(
        organisation=organisation,
        requested_by=requested_by,
        last_name="EXEMPLE",
        first_name="Dominique",
        email=f"dominique.exemple@{base.DEMO_DOMAIN}",
        role=Role.COMPANY_RECRUITER.value,
        state=AccountRequestState.PENDING,
    )


DEMO_STEPS = [DemoStep(110, seed)]
