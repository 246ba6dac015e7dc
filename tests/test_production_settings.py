"""Production settings refuse to start half-configured, and say exactly what
is missing, in one message."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

COMPLETE = {
    "SECRET_KEY": "k" * 64,
    "ALLOWED_HOSTS": "cooperativa.example.org",
    "DATABASE_URL": "postgres://cooperativa@db.example.org:5432/cooperativa",
    "CELERY_BROKER_URL": "redis://redis.example.org:6379/1",
    "REDIS_URL": "redis://redis.example.org:6379/2",
    "SITE_URL": "https://cooperativa.example.org",
}
REQUIRED = list(COMPLETE)
SETTINGS_VARIABLES = [*REQUIRED, "PRODUCTION_WAIVE", "DJANGO_SETTINGS_MODULE"]


def start_production(**overrides):
    """Import the production settings in a fresh interpreter (nothing is
    connected to); returns (exit code, stderr)."""
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    env.update(COMPLETE)
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    result = subprocess.run(
        [sys.executable, "-c", "import cooperativa.settings.production"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode, result.stderr


def named_variables(stderr):
    """The variables the refusal names, one per "  - NAME: ..." line."""
    return {
        line.strip()[2:].split(":", 1)[0] for line in stderr.splitlines() if line.startswith("  - ")
    }


def test_production_starts_with_everything_set():
    code, stderr = start_production()
    assert code == 0, stderr


@pytest.mark.parametrize("missing", REQUIRED)
def test_each_missing_variable_is_named(missing):
    code, stderr = start_production(**{missing: None})
    assert code != 0
    assert "ImproperlyConfigured" in stderr
    assert named_variables(stderr) == {missing}


def test_every_missing_variable_is_named_in_one_message():
    code, stderr = start_production(**dict.fromkeys(REQUIRED))
    assert code != 0
    assert stderr.count("ImproperlyConfigured:") == 1
    assert named_variables(stderr) == set(REQUIRED)


def test_a_database_other_than_postgresql_is_refused():
    code, stderr = start_production(DATABASE_URL="sqlite:////tmp/production.sqlite3")
    assert code != 0
    assert named_variables(stderr) == {"DATABASE_URL"}
    assert "PostgreSQL" in stderr


def test_a_waiver_names_what_it_waives_and_nothing_more():
    code, stderr = start_production(
        DATABASE_URL="sqlite:////tmp/production.sqlite3",
        REDIS_URL=None,
        CELERY_BROKER_URL=None,
        PRODUCTION_WAIVE="sqlite,cache",
    )
    assert code != 0
    assert named_variables(stderr) == {"CELERY_BROKER_URL"}

    code, stderr = start_production(
        DATABASE_URL="sqlite:////tmp/production.sqlite3",
        REDIS_URL=None,
        PRODUCTION_WAIVE="sqlite,cache",
    )
    assert code == 0, stderr


def test_an_unknown_waiver_is_refused():
    code, stderr = start_production(PRODUCTION_WAIVE="secret_key")
    assert code != 0
    assert named_variables(stderr) == {"PRODUCTION_WAIVE"}


def test_dev_and_test_default_the_site_address_but_production_does_not():
    from django.conf import settings

    assert os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/") == settings.SITE_URL
    code, stderr = start_production(SITE_URL=None)
    assert named_variables(stderr) == {"SITE_URL"}
