"""The declared access matrix: every URL pattern of the URLconf × every demo profile → allowed / refused.

A row is keyed by the pattern's full name ("namespace:name"), or by its route when it has none.
`allow` names the profiles that get the screen (on their own object, for object URLs); `other`
names those that also get another organisation's / company's object by direct URL (default:
nobody but the staff sets given). Families of Wagtail's generic routes (every `<viewset>:history`,
`usage`, `edit`...) are expanded by `viewset()` and `family()`, so a family stays one line but
every concrete pattern still gets its own row, walked for real. A pattern without a row fails
`tests/portal/test_access_matrix.py` with its name; `skip="reason"` is the only way not to walk one.

Adding a URL is one line in the module of its app: `row("app:name", allow=ADVISERS)`.
"""

from dataclasses import dataclass, field

ALLOWED, REFUSED = "allowed", "refused"

# Profiles: the demo users of `seed_demo` (portal.accounts.demo, membership.demo).
PROFILES = {
    "anonymous": None,
    "admin": "admin",  # Administrateur (superuser)
    "editor": "redacteur",  # Rédacteur
    "president": "president",  # Président / CA
    "org_referent": "referent.training-b",  # Référent de l'organisme only
    "adviser": "referent.a",  # Référent Emploi of partner A (partner B's dossiers are "other")
    "pilot": "pilote",  # Pilote de session
    "advisory": "conseil",  # Recruteur Conseil
    "adc": "adc",  # Commission ADC
    "recruiter_a": "recruteur.a",  # Chargé de recrutement + Référent de l'organisme, company A
    "recruiter_a2": "recruteur.a2",  # Chargé de recrutement, company A (HR contact)
    "recruiter_b": "recruteur.b",  # Chargé de recrutement, company B
    "applicant": "demo.candidature1",  # membership applicant, account not active yet
}

ANON = frozenset({"anonymous", "applicant"})  # an inactive account is an anonymous visitor
EVERYONE = frozenset(PROFILES)
NOBODY = frozenset()
ADMIN = frozenset({"admin"})
EDITORS = frozenset({"admin", "editor"})
RECRUITERS = frozenset({"recruiter_a", "recruiter_a2", "recruiter_b"})
COMMISSION = frozenset({"pilot", "advisory", "adc"})
ADVISERS = frozenset({"adviser"})
ORG_REFERENTS = frozenset({"org_referent", "recruiter_a"})
STAFF_USERS = EVERYONE - ANON  # every active extranet account


@dataclass(frozen=True)
class Row:
    key: str  # "namespace:name", or the route of an unnamed pattern
    allow: frozenset = NOBODY  # profiles that get the page (own object for object URLs)
    obj: str | None = None  # kind of object the URL addresses (tests/access_matrix/world.py)
    other: frozenset | None = None  # profiles that get another organisation's object; None: not walked
    kwargs: object = None  # dict, or callable(world, obj) -> dict, or list of either (several routes)
    path: object = None  # callable(world, obj) -> path, for unnamed patterns or query strings
    post: bool = False  # POST-only: refused profiles POST with no data, which must not succeed
    skip: str = ""  # reason the pattern is not walked (e.g. covered elsewhere)
    note: str = ""
    refused_redirects: tuple = field(default=())  # extra redirect targets that mean "refused"
    profiles: tuple = ()  # the profiles walked, when not all (with the reason in `note`)


def row(key, allow=NOBODY, **options):
    return Row(key, frozenset(allow), **options)


def family(namespace, actions, **common):
    """Rows for the routes `namespace:<action>` of one viewset: actions = {action: dict of Row options}."""
    return [row(f"{namespace}:{action}", **{**common, **options}) for action, options in actions.items()]


LIST_ACTIONS = ("index", "index_results")
OBJECT_ACTIONS = ("edit", "delete", "history", "history_results", "usage", "inspect", "copy")


def viewset(namespace, *, obj, lists, add=None, own=None, other=None, delete=None, actions=None, **common):
    """A Wagtail model viewset: listing and results for `lists`, `new` for `add`, and every
    object route (edit, delete, history, usage...) for `own` on the profile's own object and
    `other` on another organisation's object (the viewset's scoped queryset). `delete` narrows
    who may delete (on both)."""
    actions = actions or ("add", "edit", "delete", "history", "history_results", "usage")
    own = lists if own is None else frozenset(own)
    rows = [row(f"{namespace}:index", lists, **common), row(f"{namespace}:index_results", lists, **common)]
    for action in actions:
        if action == "add":
            rows.append(row(f"{namespace}:add", lists if add is None else add, **common))
            continue
        allowed, allowed_other = own, other
        if action == "delete" and delete is not None:
            allowed = own & delete
            allowed_other = None if other is None else frozenset(other) & delete
        rows.append(row(f"{namespace}:{action}", allowed, obj=obj, other=allowed_other, **common))
    return rows
