"""The processes of the multi-process test: an S3 server, gunicorn instances and `qcluster` workers, all run
from this repository with one environment (same database, Redis broker and cache, bucket, secret key).

The workers are started and killed with the fault tests' helpers (tests/faults/test_worker_killed.py); the
SMTP server is theirs too (tests/faults/smtp.py). `NEGE_TEST_PORT_BASE` (optional) makes every server of
the test listen on consecutive ports from that number, for machines where each developer has a port range;
by default the system picks free ports.
"""

import contextlib
import itertools
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import boto3
import redis
from django.conf import settings as django_settings

from tests.faults.smtp import free_port
from tests.faults.test_worker_killed import database_url, kill, start_worker

BUCKET = "nege-multiprocess"
S3_KEYS = {"AWS_ACCESS_KEY_ID": "nege-test", "AWS_SECRET_ACCESS_KEY": "nege-test-secret"}
REGION = "us-east-1"

_next_port = itertools.count(int(os.environ["NEGE_TEST_PORT_BASE"])) if os.environ.get("NEGE_TEST_PORT_BASE") else None


def port():
    return next(_next_port) if _next_port else free_port()


def redis_url():
    """The Redis database of this test run (the cache and broker every process shares)."""
    cache = django_settings.CACHES["default"]
    if not cache["BACKEND"].endswith("RedisCache"):
        raise AssertionError("the multi-process test needs Redis: set REDIS_URL (see .ci/run)")
    return cache["LOCATION"]


def wait_until(condition, timeout, what, logs=()):
    """Poll `condition` until true; on time-out fail with the end of each process log."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    tails = "\n".join(f"--- {Path(log).name}\n{Path(log).read_text(errors='replace')[-3000:]}" for log in logs)
    raise AssertionError(f"timed out waiting for {what}\n{tails}")


def http_status(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


class Processes:
    """Child processes of one test, each with its own log file; all stopped at the end."""

    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.children = []
        self.logs = []

    def log(self, name):
        path = self.tmp_path / f"{name}.log"
        self.logs.append(path)
        return open(path, "w")  # noqa: SIM115 (closed by stop_all)

    def popen(self, name, command, env):
        log = self.log(name)
        process = subprocess.Popen(
            command,
            cwd=django_settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.children.append((process, log))
        return process

    def workers(self, env, count=2):
        """`count` real `manage.py qcluster` (the fault tests' launcher), started together; returned once each
        cluster's guard loop runs (it refreshes its status key in Redis every half second)."""
        started = []
        for number in range(1, count + 1):
            log = self.log(f"worker-{number}")
            started.append(start_worker(env, log))
            self.children.append((started[-1], log))
        status = redis.Redis.from_url(redis_url())
        pattern = f"django_q:{django_settings.Q_CLUSTER['name']}:cluster:*"
        wait_until(lambda: len(status.keys(pattern)) == count, 90, "the clusters to run", self.logs)
        return started

    def kill(self, process):
        kill(process)

    def stop_all(self):
        for process, log in self.children:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    kill(process)
            log.close()


class S3Server:
    """moto's S3-compatible server (`moto[server]`): no real S3 server installs from the registries here (see
    the package docstring), and moto speaks the S3 HTTP protocol that boto3 and django-storages use."""

    def __init__(self, processes):
        self.port = port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = processes.popen(
            "s3", [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)], dict(os.environ)
        )
        wait_until(lambda: http_status(f"{self.url}/moto-api/") == 200, 30, "the S3 server", processes.logs)
        self.client = boto3.client("s3", endpoint_url=self.url, region_name=REGION, **_boto_keys())
        self.client.create_bucket(Bucket=BUCKET)

    def keys(self, prefix=""):
        listing = self.client.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
        return [item["Key"] for item in listing.get("Contents", [])]

    def read(self, key):
        return self.client.get_object(Bucket=BUCKET, Key=key)["Body"].read()


def _boto_keys():
    return {
        "aws_access_key_id": S3_KEYS["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": S3_KEYS["AWS_SECRET_ACCESS_KEY"],
    }


def environment(tmp_path, s3, **extra):
    """What every process of the stack runs with: production settings (DEBUG off, JSON logs), except plain HTTP
    on 127.0.0.1 and a password-only login (NEGE_TWO_FACTOR=offered); one proxy in front (the test plays it)."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "EMAIL_URL"}}
    env.update(
        DATABASE_URL=database_url(),
        REDIS_URL=redis_url(),
        SECRET_KEY=secrets.token_urlsafe(50),
        DEBUG="0",
        LOG_FORMAT="json",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        NEGE_TWO_FACTOR="offered",
        NEGE_TRUSTED_PROXIES="1",
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=s3.url,
        AWS_S3_REGION_NAME=REGION,
        **S3_KEYS,
        MEDIA_ROOT=str(tmp_path / "media"),  # must stay empty: files go to the bucket
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        NEGE_EMAIL_JOURNAL_DIR=str(tmp_path / "journal"),  # one folder for every worker, as in production
        EMAIL_URL=f"filemail://{tmp_path / 'mail'}",
        NEGE_TASKS_SYNC="0",
        Q_WORKERS="1",
    )
    env.update(extra)
    return env


def start_web(processes, env, count=2):
    """`count` gunicorn instances (the image's entry point), started together; their base URLs once each
    /readyz answers 200 (database, cache, broker and bucket reachable)."""
    bases = []
    for number in range(1, count + 1):
        web_port = port()
        command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{web_port}"]
        processes.popen(f"web-{number}", [*command, "--access-logfile", "-"], env)
        bases.append(f"http://127.0.0.1:{web_port}")
    for base in bases:
        wait_until(lambda base=base: http_status(f"{base}/readyz") == 200, 90, f"{base} to be ready", processes.logs)
    return bases
