"""Production settings: base settings, plus a refusal to start half-configured.

Production never guesses. Without a setting it needs, the process stops at
start-up with one message naming every missing or unsuitable variable, rather
than quietly running on SQLite, running tasks inline with no beat, counting
rate limits per process or sending links to 127.0.0.1.

A deliberate exception (a throwaway check, a one-machine trial) is named in
PRODUCTION_WAIVE, comma-separated: ``sqlite`` (a database other than
PostgreSQL, or none), ``broker`` (no Celery broker: tasks run inline and
beat's jobs never run), ``cache`` (a per-process cache), ``site_url`` (links
to http://127.0.0.1:8000). SECRET_KEY and ALLOWED_HOSTS cannot be waived.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DATABASES, SECRET_KEY, env_list

WAIVABLE = {"sqlite", "broker", "cache", "site_url"}


def configuration_problems(environ, *, secret_key, allowed_hosts, database_engine):
    """One line per missing or unsuitable variable, in a fixed order; empty
    when production may start. Waivers come from PRODUCTION_WAIVE."""
    waived = {item.strip() for item in environ.get("PRODUCTION_WAIVE", "").split(",")}
    problems = []
    unknown = sorted(item for item in waived - WAIVABLE if item)
    if unknown:
        problems.append(
            f"PRODUCTION_WAIVE: unknown waiver(s) {', '.join(unknown)}; "
            f"only {', '.join(sorted(WAIVABLE))} can be waived."
        )
    if not secret_key or len(secret_key) < 50:
        problems.append(
            "SECRET_KEY: a random string of at least 50 characters, e.g. "
            "python -c 'import secrets; print(secrets.token_urlsafe(64))'."
        )
    if not allowed_hosts:
        problems.append(
            "ALLOWED_HOSTS: the host names this site answers to, separated by commas "
            "(e.g. ALLOWED_HOSTS=cooperativa.example.org)."
        )
    if "sqlite" not in waived:
        if not environ.get("DATABASE_URL"):
            problems.append(
                "DATABASE_URL: the PostgreSQL database, "
                "e.g. postgres://user:password@host:5432/cooperativa."
            )
        elif database_engine != "django.db.backends.postgresql":
            problems.append(
                "DATABASE_URL: must be a PostgreSQL URL (postgres://...); "
                f"it names {database_engine}."
            )
    if "broker" not in waived and not environ.get("CELERY_BROKER_URL"):
        problems.append(
            "CELERY_BROKER_URL: the Celery broker, e.g. redis://127.0.0.1:6379/1 "
            "(without it tasks run inline and beat's jobs never run)."
        )
    if "cache" not in waived and not environ.get("REDIS_URL"):
        problems.append(
            "REDIS_URL: the shared cache, e.g. redis://127.0.0.1:6379/2 "
            "(rate limits must count across processes)."
        )
    if "site_url" not in waived and not environ.get("SITE_URL"):
        problems.append(
            "SITE_URL: the public address used in emails, feeds and the admin, "
            "e.g. https://cooperativa.example.org."
        )
    return problems


_problems = configuration_problems(
    os.environ,
    secret_key=SECRET_KEY,
    allowed_hosts=ALLOWED_HOSTS,
    database_engine=DATABASES["default"].get("ENGINE", ""),
)
if _problems:
    raise ImproperlyConfigured(
        "Production settings are incomplete; set these environment variables "
        "(or waive one on purpose with PRODUCTION_WAIVE, see the README):\n  - "
        + "\n  - ".join(_problems)
    )

if "site_url" in env_list("PRODUCTION_WAIVE") and not os.environ.get("SITE_URL"):
    SITE_URL = "http://127.0.0.1:8000"
    WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = SITE_URL
