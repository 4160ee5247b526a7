# One image for the web processes (default command: gunicorn) and the workers
# (`python manage.py qcluster`). Build: docker build -t nege-portal .  See compose.yaml and the README.
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DEBUG=0 \
    WEB_CONCURRENCY=4
# WEB_CONCURRENCY: gunicorn's worker count, the README's figure for a 2-core host (two per core: a request
# waits on PostgreSQL and Redis much of its time). Several web containers on one host share it (compose.yaml).

# The PostgreSQL client tools, for `manage.py backup` / `restore` run from the image.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client-15 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
# collectstatic needs settings but no secret: a throw-away key, never used at run time.
RUN SECRET_KEY=collectstatic-only-build-key-never-used-at-run-time-0123456789 \
    python manage.py collectstatic --noinput -v 0 \
    && useradd --system --uid 10001 --home-dir /app nege \
    && mkdir -p /app/var/media /app/var/private /app/var/mail-journal \
    && chown -R nege /app/var

USER nege
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["gunicorn", "portal.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
