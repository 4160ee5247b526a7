"""The portal's own screens: directory, membership, news, recruitment (dossiers, commission, SAR), public site."""

from membership.models import MembershipApplication
from membership.tokens import make_token
from news.notifications import unsubscribe_token
from recruitment.alerts.notifications import unsubscribe_token as alert_token

from . import (
    ADMIN,
    ADVISERS,
    EVERYONE,
    NOBODY,
    ORG_REFERENTS,
    RECRUITERS,
    STAFF_USERS,
    family,
    row,
    viewset,
)

PRESIDENT = frozenset({"president"})
PILOT = frozenset({"pilot"})
ADC = frozenset({"adc"})
ADVISORY = frozenset({"advisory"})
COMPANY_A = frozenset({"recruiter_a", "recruiter_a2"})
OPINION_READERS = ADMIN | PILOT | ADVISORY | ADC | ADVISERS
COMMISSION = PILOT | ADVISORY | ADC
DOSSIERS = ADMIN | ADVISERS | COMMISSION  # commission members read and update every dossier (view_all)
ALL_DOSSIERS = ADMIN | COMMISSION


def _candidate(**extra):
    return lambda w, c: {"candidate_pk": c.pk, **extra}


def _document(w, doc):
    return {"candidate_pk": doc.candidate_id, "kind": "candidat", "pk": doc.pk}


def _pool_document(w, doc):
    return {"candidate_pk": doc.candidate_id, "pk": doc.pk}


def _draft_token(w, obj):
    draft = MembershipApplication.objects.filter(submitted_at=None).first()
    return {"token": make_token(draft)}


ROWS = [
    # Directory: the referent edits their own organisation's sheet only (directory.perms.sheets_for).
    *viewset(
        "organisation_sheets",
        obj="my_organisation",
        lists=ADMIN | ORG_REFERENTS,
        add=ADMIN,
        own=ADMIN | ORG_REFERENTS,
        other=ADMIN,
        delete=ADMIN,
    ),
    *family("wagtailapi:annuaire", {"listing": {}, "detail": {"obj": "organisation"}}, allow=EVERYONE),
    row("wagtailapi:annuaire:find", NOBODY, path=lambda w, o: "/api/v2/annuaire/find/?id=1", note="by id: 400"),
    # Membership: applications (president, administrators), access requests (referents of their
    # organisation), fee grids (administrators), the public application form.
    row("membership_hr_contact", ORG_REFERENTS, note="the referent's own organisation: none for the superuser"),
    *viewset(
        "membership_applications",
        obj="application",
        lists=ADMIN | PRESIDENT,
        actions=("inspect", "delete", "history", "history_results", "usage"),
        delete=ADMIN,
    ),
    *viewset(
        "membership_account_requests",
        obj="account_request",
        lists=ADMIN | ORG_REFERENTS,
        add=ORG_REFERENTS,
        own=ADMIN | {"recruiter_a"},
        other=ADMIN,
        delete=ADMIN,
        actions=("add", "inspect", "delete", "history", "history_results", "usage"),
    ),
    *viewset("membership_fee_grids", obj="fee_grid", lists=ADMIN),
    row("membership:apply", EVERYONE),
    # The signed link e-mailed to the applicant is the key of the draft (no account yet).
    row("membership:organisation", EVERYONE, kwargs=_draft_token),
    row("membership:autosave", EVERYONE, post=True, kwargs=_draft_token),
    row("membership:preview", EVERYONE, kwargs=_draft_token),
    row("membership:sent", EVERYONE),
    # News: internal information for every extranet account, public feeds, digest unsubscribe.
    row("news_informations:index", STAFF_USERS),
    row("news_informations:detail", STAFF_USERS, obj="information"),
    row("news:feed_rss", EVERYONE),
    row("news:feed_atom", EVERYONE),
    row("news:category_feed_rss", EVERYONE, obj="model:news.NewsCategory", kwargs=lambda w, c: {"category": c.slug}),
    row("news:category_feed_atom", EVERYONE, obj="model:news.NewsCategory", kwargs=lambda w, c: {"category": c.slug}),
    row(
        "news:unsubscribe",
        EVERYONE,
        kwargs=lambda w, o: {"token": unsubscribe_token(w.users["adviser"])},
        note="a signed link: GET only confirms",
    ),
    # Candidate dossiers: an adviser sees their organisation's dossiers only (recruitment.perms.dossiers_for).
    *viewset(
        "recruitment_dossiers", obj="candidate", lists=DOSSIERS, add=ADMIN | ADVISERS, other=ALL_DOSSIERS, delete=ADMIN
    ),
    *viewset("recruitment_contact_points", obj="contact_point", lists=ADMIN, other=ADMIN),
    *viewset("recruitment_consent_terms", obj="consent_terms", lists=ADMIN),
    row("recruitment:document", DOSSIERS, obj="candidate_document", other=ALL_DOSSIERS, kwargs=_document),
    row("recruitment:consent_proof", DOSSIERS, obj="consented", other=ALL_DOSSIERS, kwargs=_candidate()),
    row("recruitment:personal_data", ADMIN | ADVISERS, obj="candidate", other=ADMIN, kwargs=_candidate()),
    row("recruitment:anonymise", ADMIN, obj="candidate", other=ADMIN, kwargs=_candidate()),
    row("recruitment:erase", ADMIN, obj="candidate", other=ADMIN, kwargs=_candidate()),
    # Personal data: the inactive dossiers to review and the log of outside accesses (administrators).
    row("recruitment_review:index", ADMIN),
    row("recruitment_access:index", ADMIN),
    row("recruitment_access:index_results", ADMIN),
    # Account security (two-factor authentication): every extranet account, on its own account only.
    row("nege_security", STAFF_USERS),
    row("nege_security_enrol", STAFF_USERS),
    row(
        "nege_security_verify",
        NOBODY,
        note="without a device, sent on to the dashboard: tests/portal/test_two_factor.py",
    ),
    row("nege_security_codes", STAFF_USERS, note="nothing to show: back to the security page"),
    row(
        "nege_security_regenerate",
        NOBODY,
        post=True,
        refused_redirects=("/extranet/securite/activer/",),
        note="needs a device (none in the demo: sent to enrolment): tests/portal/test_two_factor.py",
    ),
    row("nege_security_reset", ADMIN, obj="user", other=ADMIN, kwargs=lambda w, u: {"user_id": u.pk}),
    row("recruitment:cities", DOSSIERS),
    row("recruitment:candidate_names", DOSSIERS),
    row("recruitment:organisation_users", DOSSIERS),
    row("recruitment:check_duplicates", ADMIN | ADVISERS),
    row("recruitment:terms", STAFF_USERS),
    # Commission.
    *viewset(
        "commission_sessions", obj="session", lists=ADMIN | PILOT | ADVISORY, add=ADMIN | PILOT, own=ADMIN | PILOT
    ),
    row("commission:session", ADMIN | PILOT | ADVISORY, obj="session"),
    row("commission:debriefing", ADMIN | PILOT, obj="session"),
    row("commission:publish", ADMIN | PILOT, obj="session"),
    row("commission:analysis", ADMIN | PILOT | ADVISORY, obj="analysis"),
    row("commission:classify", ADMIN | PILOT, obj="analysis"),
    row("commission:dossiers", OPINION_READERS),
    row("commission:dossier", OPINION_READERS, obj="candidate", other=OPINION_READERS - ADVISERS),
    row("commission:statistics", ADMIN | PILOT | PRESIDENT),
    row("commission:proposals", ADMIN | PILOT | ADC),
    row("commission:take_over", ADMIN | PILOT | ADC, obj="trainee", other=ADMIN | PILOT | ADC),
    *viewset("commission_plans", obj="plan", lists=ADMIN | ADC | PILOT | ADVISERS, add=ADMIN | ADC, own=ADMIN | ADC),
    # SAR: the pool (published candidates only), the company's sheets and training needs.
    # The pool is a company's screen: the superuser, who belongs to no company, does not get it.
    row("sar_pool:index", RECRUITERS),
    row("sar_pool:ranking", RECRUITERS),
    row("sar_pool:study", RECRUITERS, obj="pool", other=NOBODY),
    row("sar_pool:quick_action", NOBODY, post=True, obj="pool", other=NOBODY),
    row("sar_pool:document", RECRUITERS, obj="pool_document", other=NOBODY, kwargs=_pool_document),
    # A sheet is opened from the pool (no blank "new" form); only administrators delete one.
    *viewset(
        "sar_sheets",
        obj="sheet",
        lists=ADMIN | RECRUITERS,
        add=NOBODY,
        own=ADMIN | RECRUITERS,
        other=ADMIN,
        delete=ADMIN,
    ),
    *viewset(
        "sar_training_needs",
        obj="training_need",
        lists=ADMIN | RECRUITERS | ADC,
        add=ADMIN | RECRUITERS,
        own=ADMIN | RECRUITERS | ADC,
        other=ADMIN | ADC,
        delete=ADMIN,
    ),
    row("sar_trainees:index", RECRUITERS),
    row("sar_trainees:propose", RECRUITERS),
    row("sar_trainees:edit", RECRUITERS, obj="trainee", other=NOBODY),
    row("sar_trainees:finalise", RECRUITERS, post=True, obj="trainee", other=NOBODY),
    # Saved pool searches: shared ones listed, changed by their owner only (recruitment.alerts.perms).
    *viewset("saved_searches", obj="saved_search", lists=RECRUITERS, own={"recruiter_a", "recruiter_b"}, other=NOBODY),
    row("saved_searches:open", RECRUITERS, obj="saved_search", other=NOBODY, note="colleagues open a shared one"),
    row("alerts:unsubscribe", EVERYONE, kwargs=lambda w, o: {"token": alert_token(w.kinds["saved_search"][0])}),
    row("legacy_import", ADMIN),  # import from the old portal (legacy.roles: administrators only)
    # Public site.
    row("sitemap", EVERYONE),
    row("robots", EVERYONE),
    row("wagtail_serve", EVERYONE, path=lambda w, o: "/"),
    row("wagtailcore_login", EVERYONE),
    row("wagtailcore_authenticate_with_password", NOBODY, kwargs={"page_view_restriction_id": 999, "page_id": 999}),
    row("^media/(?P<path>.*)$", skip="served by Django only with DEBUG (development); absent in tests and production"),
]
