"""The multi-process test (marker `multiprocess`): the production topology on the real engines.

PostgreSQL, Redis (cache, sessions of the rate limits, task broker), an S3-compatible server started for
the test (`AWS_S3_ENDPOINT_URL`), two gunicorn instances on two ports and two `manage.py qcluster` workers,
all on the same database, broker and bucket. `.ci/run` runs it on its own, after the fault tests.

The S3 server is moto's server mode (`moto[server]`, pinned in requirements-dev.txt), a stand-in: MinIO (the
compose stack's object store) is not packaged on PyPI, Debian or npm, and Debian's Ceph gateway (radosgw,
Pacific) needs a whole RADOS cluster. moto answers the S3 HTTP API that boto3 and django-storages speak, so
the portal runs with its production S3 settings, unchanged.
"""
