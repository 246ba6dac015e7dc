"""How long sign-up takes for a known and for a new address.

    python -m tests.bench.signup_timing [-n 20]

A measurement, not a test (the suite asserts the work instead: see
tests/test_accounts_enumeration.py). It migrates a throw-away SQLite
database (or the database ``--database-url`` names, e.g. a PostgreSQL
database of its own), creates one verified account, then posts the sign-up form ``-n``
times for that known address and ``-n`` times for new ones, interleaved so
that the machine's load weighs on both alike, with the production password
hasher (Django's default PBKDF2) and the embedded default's inline email
delivery (to memory). Rate limits are off so that the requests are not
refused. It reports the medians twice: with allauth's own sign-up form
("before") and with the platform's (ACCOUNT_FORMS, "after"). Besides the
wall-clock time (what a visitor measures) it reports the CPU time of this
process, which other programs on a busy machine do not disturb.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KNOWN = "known@example.org"
PASSWORD = "a fresh long password 97"


def setup(database_url):
    os.environ["DJANGO_SETTINGS_MODULE"] = "cooperativa.settings.test"
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    for name in ("REDIS_URL", "CELERY_BROKER_URL"):
        os.environ.pop(name, None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)


def sign_up(email):
    from django.test import Client

    client = Client()
    client.get("/accounts/signup/")
    started, cpu_started = time.perf_counter(), time.process_time()
    response = client.post(
        "/accounts/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    assert response.status_code == 302, response.status_code
    return elapsed, cpu


def measure(rounds, label):
    known, new = [], []
    for number in range(rounds):
        known.append(sign_up(KNOWN))
        new.append(sign_up(f"new-{label}-{number}-{time.time_ns()}@example.org"))
    return known, new


def medians(samples):
    """Median wall-clock and CPU milliseconds of (wall, cpu) samples."""
    return tuple(statistics.median(sample[i] for sample in samples) * 1000 for i in (0, 1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=20, help="requests per path and variant")
    parser.add_argument("--database-url", help="a database to use (default: a new SQLite file)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        setup(arguments.database_url or f"sqlite:///{directory}/db.sqlite3")
        from django.conf import global_settings, settings
        from django.db import connection
        from django.test import override_settings

        from cooperativa.accounts.models import User
        from tests.factories import verified_user

        if not User.objects.filter(email=KNOWN).exists():
            verified_user(email=KNOWN)
        print(f"Database: {connection.vendor}")
        variants = {"before (allauth's form)": {}, "after (ACCOUNT_FORMS)": settings.ACCOUNT_FORMS}
        hashers = global_settings.PASSWORD_HASHERS
        for label, forms in variants.items():
            with override_settings(
                PASSWORD_HASHERS=hashers, ACCOUNT_RATE_LIMITS=False, ACCOUNT_FORMS=forms
            ):
                sign_up(KNOWN)  # warm up
                known, new = measure(arguments.n, label.split()[0])
            (known_wall, known_cpu), (new_wall, new_cpu) = medians(known), medians(new)
            print(
                f"{label}: median of {arguments.n} requests each, {hashers[0].rsplit('.', 1)[1]}\n"
                f"  known address {known_wall:5.0f} ms (CPU {known_cpu:5.0f} ms)\n"
                f"  new address   {new_wall:5.0f} ms (CPU {new_cpu:5.0f} ms)\n"
                f"  difference    {new_wall - known_wall:+5.0f} ms (CPU {new_cpu - known_cpu:+5.0f} ms)"
            )


if __name__ == "__main__":
    main()
