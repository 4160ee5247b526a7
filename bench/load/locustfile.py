"""Load scenario of the portal (issue #16): anonymous visitors and extranet users at the same time.

Run it through `bench/load_scenario.py`, which builds the data, starts gunicorn and writes the plan this
file reads (NEGE_LOAD_PLAN: a JSON file with the URLs to visit and one session cookie per simulated user).
Every simulated user waits 1 to 5 s between two pages (a person reading), so 40 users make a few
requests per second, not a queue. Logged-in users never post the login form: the driver opened their
sessions beforehand (one per simulated user), so the login rate limits play no part.

Users (40 users = exactly these counts; with fewer, the pilots and the yardstick keep their 2 each and the
others share the rest by weight):
- 20 anonymous visitors: home, news list, a news item, the directory, an organisation page, a company's
  page with its contact form (shown, never sent: it would send e-mails and hit the contact limits);
- 8 employment advisers: dossier search (default list, filters, page 5), open a dossier, save it unchanged;
- 8 company recruiters: pool search (no filter and filters), their sheets, open a sheet, save it unchanged;
- 2 session pilots: the list across all organisations (default sort, a filter, page 20);
- 2 yardstick users: a bare Wagtail admin page (the account page) and the extranet dashboard.
"""

import json
import os
import random
import re
from html.parser import HTMLParser
from itertools import count
from pathlib import Path

from locust import HttpUser, between, events, task

PLAN = json.loads(Path(os.environ["NEGE_LOAD_PLAN"]).read_text(encoding="utf-8"))
_session_counters = {}


def _next_session(role):
    """One pre-opened session per simulated user (round robin when there are more users than sessions):
    {"cookie": session key, "items": the dossiers or sheets this user may edit}."""
    counter = _session_counters.setdefault(role, count())
    sessions = PLAN["sessions"][role]
    return sessions[next(counter) % len(sessions)]


class _FormFields(HTMLParser):
    """The fields of the page's POST forms, as a browser would submit them unchanged."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._form, self._select, self._textarea = [], None, None, None
        self._template = 0  # fields inside <template> (empty formset forms) are not submitted

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "template":
            self._template += 1
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._form = {"action": attrs.get("action") or "", "fields": []}
            self.forms.append(self._form)
        if self._form is None or self._template or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self._form["fields"].append((attrs["name"], attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select":
            self._select = {"name": attrs["name"], "multiple": "multiple" in attrs, "chosen": [], "first": None}
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attrs:
                self._select["chosen"].append(value)
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "template":
            self._template -= 1
        if self._form is None:
            return
        if tag == "select" and self._select is not None:
            chosen = self._select["chosen"]
            if not chosen and not self._select["multiple"] and self._select["first"] is not None:
                chosen = [self._select["first"]]
            self._form["fields"].extend((self._select["name"], value) for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, value = self._textarea
            self._form["fields"].append((name, value[1:] if value.startswith("\n") else value))  # as HTML parses it
            self._textarea = None
        elif tag == "form":
            self._form = None


def edit_form_fields(html):
    """The fields of the largest POST form of an edit page (Wagtail's edit form, not the header's)."""
    parser = _FormFields()
    parser.feed(html)
    forms = [form for form in parser.forms if any(name == "csrfmiddlewaretoken" for name, _ in form["fields"])]
    return max(forms, key=lambda form: len(form["fields"]))["fields"] if forms else None


class _ExtranetUser(HttpUser):
    abstract = True
    wait_time = between(1, 5)
    role = ""

    def on_start(self):
        session = _next_session(self.role)
        self.items = session["items"]
        self.client.cookies.set("sessionid", session["cookie"], domain="127.0.0.1", path="/")

    def get(self, url, name, /, **params):  # positional-only: the pool filters include a `name`
        with self.client.get(url, params=params or None, name=name, catch_response=True) as response:
            if response.status_code != 200 or response.url.split("?")[0].endswith("/extranet/login/"):
                response.failure(f"{response.status_code} {response.url}")
            return response

    def resave(self, url, name):
        """Open an edit page and save it unchanged (a 302 back to the list is a success)."""
        page = self.get(url, name + " (ouverture)")
        if page.status_code != 200:
            return
        fields = edit_form_fields(page.text)
        if fields is None:
            page.failure("pas de formulaire")
            return
        with self.client.post(
            url, data=fields, name=name + " (enregistrement)", allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 302:
                errors = re.findall(r'class="error-message"[^>]*>\s*<span>([^<]+)', response.text)[:3]
                response.failure(f"{response.status_code} {errors}")


class AnonymousVisitor(HttpUser):
    weight = 20
    wait_time = between(1, 5)

    def on_start(self):
        self.public = PLAN["public"]

    @task(3)
    def home(self):
        self.client.get("/", name="public : accueil")

    @task(2)
    def news_list(self):
        self.client.get(self.public["news_list"], name="public : actualités")

    @task(2)
    def news_item(self):
        self.client.get(random.choice(self.public["news_items"]), name="public : une actualité")

    @task(2)
    def directory(self):
        self.client.get(self.public["directory"], name="public : annuaire")

    @task(2)
    def organisation(self):
        self.client.get(random.choice(self.public["organisations"]), name="public : fiche d'organisme")

    @task(1)
    def contact_form(self):
        self.client.get(random.choice(self.public["contact_pages"]), name="public : formulaire de contact")


class EmploymentAdviser(_ExtranetUser):
    weight = 8
    role = "adviser"

    def on_start(self):
        super().on_start()
        self.filters = PLAN["dossier_filters"]

    @task(3)
    def search(self):
        self.get(PLAN["urls"]["dossiers"], "référent : recherche de dossiers")

    @task(2)
    def search_filtered(self):
        self.get(PLAN["urls"]["dossiers"], "référent : recherche filtrée", **random.choice(self.filters))

    @task(1)
    def search_page(self):
        self.get(PLAN["urls"]["dossiers"], "référent : recherche, page 5", p=5)

    @task(2)
    def edit(self):
        self.resave(PLAN["urls"]["dossier_edit"].format(pk=random.choice(self.items)), "référent : dossier")


class CompanyRecruiter(_ExtranetUser):
    weight = 8
    role = "recruiter"

    @task(4)
    def pool(self):
        params = random.choice(PLAN["pool_filters"])
        self.get(PLAN["urls"]["pool"], "recruteur : recherche dans le vivier", **params)

    @task(1)
    def sheets_list(self):
        self.get(PLAN["urls"]["sheets"], "recruteur : portefeuille")

    @task(2)
    def edit_sheet(self):
        if self.items:
            self.resave(PLAN["urls"]["sheet_edit"].format(pk=random.choice(self.items)), "recruteur : fiche de suivi")


class SessionPilot(_ExtranetUser):
    fixed_count = 2  # started first, whatever --users (the weights share the others)
    role = "pilot"

    @task(3)
    def all_dossiers(self):
        self.get(PLAN["urls"]["dossiers"], "pilote : dossiers de tous les organismes")

    @task(1)
    def filtered(self):
        self.get(PLAN["urls"]["dossiers"], "pilote : recherche filtrée", **random.choice(PLAN["dossier_filters"]))

    @task(1)
    def page(self):
        self.get(PLAN["urls"]["dossiers"], "pilote : dossiers, page 20", p=20)


class Yardstick(_ExtranetUser):
    """The machine's yardstick: a Wagtail admin page that does almost nothing of ours."""

    fixed_count = 2
    role = "yardstick"

    @task(3)
    def account(self):
        self.get(PLAN["urls"]["yardstick"], "étalon : page Wagtail nue (compte)")

    @task(1)
    def dashboard(self):
        self.get(PLAN["urls"]["dashboard"], "extranet : tableau de bord")


@events.quitting.add_listener
def _fail_on_errors(environment, **_kwargs):
    environment.process_exit_code = 1 if environment.stats.total.num_failures else 0
