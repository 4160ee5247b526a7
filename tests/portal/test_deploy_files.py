"""The image and the compose stack cannot rot unnoticed: pinned images, a non-root user, the documented topology."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
COMPOSE = (ROOT / "compose.yaml").read_text()
NGINX = (ROOT / "deploy" / "nginx.conf").read_text()


def test_the_image_runs_gunicorn_as_a_non_root_user_from_a_pinned_base():
    base = re.search(r"^FROM (\S+)", DOCKERFILE, re.MULTILINE).group(1)
    assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim-\w+", base), base
    assert re.search(r"^USER (?!root)\w+", DOCKERFILE, re.MULTILINE)
    assert "collectstatic" in DOCKERFILE
    assert '"gunicorn", "portal.wsgi"' in DOCKERFILE


def test_every_third_party_image_of_the_stack_is_pinned_to_a_version():
    images = re.findall(r"^\s*image:\s*(\S+)", COMPOSE, re.MULTILINE)
    third_party = [image for image in images if not image.startswith("nege-portal")]
    assert len(third_party) == 5, third_party  # db, redis, objects, bucket, proxy
    for image in third_party:
        name, _, tag = image.partition(":")
        assert tag and tag != "latest" and re.search(r"\d", tag), image


def test_the_stack_has_two_web_processes_two_workers_and_a_proxy_that_forwards_the_client():
    for service in ("db", "redis", "objects", "migrate", "web1", "web2", "worker1", "worker2", "proxy"):
        assert re.search(rf"^  {service}:", COMPOSE, re.MULTILINE), service
    assert 'NEGE_TRUSTED_PROXIES: "1"' in COMPOSE  # one proxy in front: nginx
    assert "server web1:8000;" in NGINX and "server web2:8000;" in NGINX
    assert "X-Forwarded-For $proxy_add_x_forwarded_for" in NGINX
    assert "X-Forwarded-Proto $scheme" in NGINX


def test_the_gunicorn_worker_count_is_the_readmes_for_a_two_core_host():
    """README: 4 workers on a 2-core host; the image's default is that figure, compose's two web containers split it."""
    readme = (ROOT / "README.md").read_text()
    per_host = int(re.search(r"^gunicorn portal\.wsgi --workers (\d+)", readme, re.MULTILINE).group(1))
    assert re.search(r"^\s+WEB_CONCURRENCY=(\d+)$", DOCKERFILE, re.MULTILINE).group(1) == str(per_host)
    assert "--workers" not in DOCKERFILE  # the CMD takes WEB_CONCURRENCY (gunicorn's own default)
    web_containers = re.findall(r"^  (web\d+):", COMPOSE, re.MULTILINE)
    per_container = int(re.search(r"WEB_CONCURRENCY: \$\{WEB_CONCURRENCY:-(\d+)\}", COMPOSE).group(1))
    assert per_container * len(web_containers) == per_host
