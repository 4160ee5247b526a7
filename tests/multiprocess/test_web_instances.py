"""Two gunicorn instances behind one (imaginary) load balancer: what one writes, the other reads.

A CV uploaded through instance 1 lands in the bucket and is downloaded through instance 2, after its
permission check; a session opened on one instance is valid (and closed) on the other; the login rate
limit counts the attempts made on both instances together (the cache is Redis, shared)."""

import time
import zlib

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.urls import reverse
from django.utils.crypto import get_random_string

from portal import limits
from recruitment.models import Candidate
from tests.portal.factories import PASSWORD, UserFactory
from tests.recruitment.factories import PDF_BYTES, partner_with_adviser
from tests.recruitment.helpers import dossier_data

from .stack import environment, start_web

pytestmark = [pytest.mark.multiprocess, pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

LOGIN = "/extranet/login/"
HOME = "/extranet/"


def production_password(user):
    """The instances run the production hashers (the test settings use MD5): a PBKDF2 hash, few iterations."""
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, get_random_string(12), iterations=1000)
    user.save(update_fields=["password"])
    return user


def login(base, username, password=PASSWORD, session=None, client=None):
    """Log in through the form at `base`; (session, response). `client` is the address our proxy forwards."""
    session = session or requests.Session()
    headers = {"X-Forwarded-For": client} if client else {}
    session.get(base + LOGIN, headers=headers)
    data = {"csrfmiddlewaretoken": session.cookies["csrftoken"], "username": username, "password": password}
    response = session.post(base + LOGIN, data=data, headers=headers, allow_redirects=False)
    return session, response


def seconds_left_in_window(value, period):
    """How long the rate-limit window of `value` still runs (django-ratelimit's `_get_window`: the window
    ends at a fixed offset of its period, taken from a CRC32 of the value)."""
    now = int(time.time())
    end = now - (now % period) + (zlib.crc32(value.encode()) % period)
    return (end if end >= now else end + period) - time.time()


def client_far_from_a_window_end(account_value, period, margin=90):
    """A client address (documentation range: only ever a header value) whose window will not end mid-test."""
    for last in range(1, 255):
        address = f"198.51.100.{last}"
        if seconds_left_in_window(f"{account_value}|{address}", period) > margin:
            return address
    raise AssertionError("no address found")  # pragma: no cover - 254 offsets spread over the period


def test_two_web_instances_share_files_sessions_and_rate_limits(processes, s3, tmp_path):
    _organisation, adviser = partner_with_adviser()
    _other, outsider = partner_with_adviser()
    target = UserFactory()
    for user in (adviser, outsider, target):
        production_password(user)
    env = environment(tmp_path, s3)
    one, two = start_web(processes, env)

    # A session opened on instance 1 is valid on instance 2 (same cookie: the balancer may send anywhere).
    session, response = login(one, adviser.username)
    assert response.status_code == 302
    assert session.get(two + HOME, allow_redirects=False).status_code == 200
    assert requests.get(two + HOME, allow_redirects=False).status_code == 302  # no session: to the login page

    # A CV uploaded through instance 1 is written to the bucket, nowhere else.
    session.get(one + reverse("recruitment_dossiers:add"))
    data = dossier_data(adviser, documents=[{"doc_type": "CV", "title": ""}])
    data["csrfmiddlewaretoken"] = session.cookies["csrftoken"]
    upload = {"candidate_documents-0-file": ("mon cv.pdf", PDF_BYTES, "application/pdf")}
    response = session.post(one + reverse("recruitment_dossiers:add"), data=data, files=upload, allow_redirects=False)
    assert response.status_code == 302, response.text[-2000:]
    candidate = Candidate.objects.get()
    cv = candidate.candidate_documents.get()
    assert s3.keys() == [f"private/{cv.file.name}"]
    assert s3.read(f"private/{cv.file.name}") == PDF_BYTES
    assert not (tmp_path / "private").exists() and not (tmp_path / "media").exists()

    # Downloaded through instance 2, with its permission check.
    download_url = two + reverse("recruitment:document", args=[candidate.pk, "candidat", cv.pk])
    download = session.get(download_url, allow_redirects=False)
    assert download.status_code == 200
    assert download.content == PDF_BYTES
    assert cv.title in download.headers["Content-Disposition"]
    outsider_session, response = login(two, outsider.username)
    assert response.status_code == 302
    assert outsider_session.get(download_url, allow_redirects=False).status_code == 404  # not in their scope
    assert requests.get(download_url, allow_redirects=False).status_code == 302  # anonymous: to the login page

    # Logging out on instance 2 ends the session on instance 1.
    session.post(two + "/extranet/logout/", data={"csrfmiddlewaretoken": session.cookies["csrftoken"]})
    assert session.get(one + HOME, allow_redirects=False).status_code == 302

    # The failed-password budget of one (account, client) pair is shared by both instances.
    assert limits.LOGIN_FAILURES.rate == "10/5m"
    client = client_far_from_a_window_end(f"a:user:{target.pk}", period=300)
    failures = [login((one, two)[i % 2], target.username, "mauvais-mot-de-passe", client=client)[1] for i in range(10)]
    assert [r.status_code for r in failures] == [200] * 10  # the form again, with its error
    assert not any(limits.LOGIN_MESSAGE in r.text for r in failures)
    for base in (one, two):  # the right password now, on either instance: refused before any check
        _session, refused = login(base, target.username, client=client)
        assert refused.status_code == 429 and limits.LOGIN_MESSAGE in refused.text
    _session, owner = login(two, target.username, client="198.51.100.254" if client != "198.51.100.254" else None)
    assert owner.status_code == 302  # the owner, from another address, still logs in
