"""Fixtures for the services layer: a real PostgreSQL, Redis as broker and
cache, a Celery worker in its own process and an SMTP server.

The layer runs when DATABASE_URL and CELERY_BROKER_URL are set (README,
"Tests"). Without them every test here is skipped with the reason, except
under REQUIRE_SERVICES=1, as in CI, where they fail instead: a CI run that
quietly skipped this layer would prove nothing.

pytest-django creates the test database (``test_<name>``) by running every
migration on PostgreSQL. The worker is given that database's name, and the
tests that share rows with it are transactional, so that it sees them.
"""

import os
import sys
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.services.support import (
    Mailbox,
    ServiceProcess,
    WebServer,
    Worker,
    free_port,
    unavailable,
)

REQUIRED_VARIABLES = ("DATABASE_URL", "CELERY_BROKER_URL")


@pytest.fixture(scope="session", autouse=True)
def _services_configured():
    """Runs before pytest-django creates the test database, so that an
    unconfigured run stops at once instead of building a SQLite database."""
    missing = [name for name in REQUIRED_VARIABLES if not os.environ.get(name)]
    if missing:
        unavailable(
            f"The services layer needs {' and '.join(missing)} (README, Tests: "
            "DATABASE_URL=postgres://… CELERY_BROKER_URL=redis://… make test-services)"
        )

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.fail(
            f"DATABASE_URL points at {connection.vendor}; the services layer needs PostgreSQL.",
            pytrace=False,
        )

    import redis

    broker_url = os.environ["CELERY_BROKER_URL"]
    try:
        redis.Redis.from_url(broker_url, socket_connect_timeout=5).ping()
    except redis.RedisError as error:
        pytest.fail(f"The broker at {broker_url} does not answer: {error}", pytrace=False)


@pytest.fixture(scope="session")
def smtp_server():
    """A real SMTP server on 127.0.0.1, keeping what it receives."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox(port=free_port())
    controller = Controller(mailbox, hostname=mailbox.host, port=mailbox.port)
    controller.start()
    try:
        yield mailbox
    finally:
        controller.stop()


def database_url_for(database_name):
    """DATABASE_URL with its database name replaced."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{database_name}"))


def process_environment():
    """The environment of a process the tests start: the test settings on
    the test database, with the services (broker, cache) of this run."""
    from django.db import connection

    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cooperativa.settings.test",
        # pytest-django created test_<name>: the process must use the same.
        "DATABASE_URL": database_url_for(connection.settings_dict["NAME"]),
        "PYTHONUNBUFFERED": "1",
        # The readiness and task lines the tests wait for are INFO.
        "LOG_LEVEL": "INFO",
    }


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, smtp_server, tmp_path_factory):
    """One real worker for the session (solo pool) on the test database,
    sending mail to ``smtp_server``. Always stopped, even when tests fail."""
    env = {
        **process_environment(),
        # How mail leaves the outbox (OUTBOX_DELIVERY_BACKEND): over SMTP.
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": smtp_server.host,
        "EMAIL_PORT": str(smtp_server.port),
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_USE_TLS": "0",
        "EMAIL_USE_SSL": "0",
    }
    command = [
        sys.executable, "-m", "celery", "-A", "cooperativa", "worker",
        "--pool=solo", "--concurrency=1", "--loglevel=INFO",
        "--hostname", f"services-{uuid.uuid4().hex[:8]}@%h",
        # One worker started fresh: nothing to synchronise with.
        "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]  # fmt: skip
    worker = Worker(command, env, tmp_path_factory.mktemp("celery") / "worker.log")
    try:
        worker.wait_until_ready()
        yield worker
    finally:
        # Before pytest-django drops the test database, which PostgreSQL
        # refuses while the worker is connected to it.
        worker.stop()


@pytest.fixture
def web_servers(django_db_setup, tmp_path):
    """Two web server processes (gunicorn) serving the site on the test
    database and this run's Redis, as two machines behind one load balancer
    would. Always stopped, even when tests fail."""
    if not os.environ.get("REDIS_URL"):
        unavailable("Web servers that share state need REDIS_URL (e.g. redis://127.0.0.1:6379/2)")
    servers = []
    try:
        for number in (1, 2):
            servers.append(WebServer(process_environment(), tmp_path / f"web-{number}.log"))
        for server in servers:
            server.wait_until_ready("/accounts/login/")
        yield servers
    finally:
        for server in servers:
            server.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Attach the logs of the processes a failing test used (the Celery
    worker, web servers)."""
    report = yield
    if report.failed:
        for value in getattr(item, "funcargs", {}).values():
            processes = value if isinstance(value, list | tuple) else [value]
            for process in processes:
                if isinstance(process, ServiceProcess):
                    report.sections.append((f"{process.name} log", process.log()))
    return report
