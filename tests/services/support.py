"""Helpers for the services layer: the SMTP mailbox, the processes the
tests start (a Celery worker, web servers) and waiting on things another
process does."""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
# Generous limits for a loaded CI machine: a cold worker imports all of
# Wagtail before it is ready. They bound waiting; they are not assertions.
WORKER_START_TIMEOUT = 120
WAIT_TIMEOUT = 60


def services_required():
    return os.environ.get("REQUIRE_SERVICES", "").strip().lower() in {"1", "true", "yes", "on"}


def unavailable(reason):
    """Skip, or fail when the run insists on the services layer (CI)."""
    if services_required():
        pytest.fail(f"{reason}. REQUIRE_SERVICES=1, so this is a failure.", pytrace=False)
    pytest.skip(reason)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, what, process=None, timeout=WAIT_TIMEOUT):
    """Poll ``condition`` until it is true; fail with the log of ``process``
    (a ServiceProcess doing the awaited work) if it never is or the process dies."""
    deadline = time.monotonic() + timeout
    while True:
        if condition():
            return
        if process is not None:
            process.assert_alive()
        if time.monotonic() > deadline:
            log = process.log() if process is not None else ""
            pytest.fail(f"Waited {timeout}s for {what}, in vain.\n{log}", pytrace=False)
        time.sleep(0.2)


@dataclass
class ReceivedMail:
    mail_from: str
    rcpt_tos: list
    message: EmailMessage

    @property
    def text(self):
        return self.message.get_body(preferencelist=("plain",)).get_content()

    @property
    def html(self):
        part = self.message.get_body(preferencelist=("html",))
        return part.get_content() if part else None


@dataclass
class Mailbox:
    """An aiosmtpd handler that keeps every message it accepts."""

    host: str = "127.0.0.1"
    port: int = 0
    messages: list = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self._lock:
            self.messages.append(ReceivedMail(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def find(self, subject):
        with self._lock:
            return next((m for m in self.messages if m.message["Subject"] == subject), None)

    def wait_for(self, subject, worker=None, timeout=WAIT_TIMEOUT):
        """The first message received with ``subject``."""
        wait_until(
            lambda: self.find(subject) is not None,
            f"an email with subject {subject!r} at {self.host}:{self.port}",
            process=worker,
            timeout=timeout,
        )
        return self.find(subject)


class ServiceProcess:
    """A process the tests start (a Celery worker, a web server), its output
    going to a log file. Started at once; ``stop`` ends it."""

    name = "process"

    def __init__(self, command, env, log_path):
        self.log_path = log_path
        with open(log_path, "wb") as log:
            self.process = subprocess.Popen(
                command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )

    def output(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def log(self):
        return f"--- {self.name} log ({self.log_path}) ---\n{self.output()}--- end ---"

    def assert_alive(self):
        if self.process.poll() is not None:
            pytest.fail(
                f"The {self.name} exited with status {self.process.returncode}.\n{self.log()}",
                pytrace=False,
            )

    def wait_for_log(self, text):
        wait_until(lambda: text in self.output(), f"{text!r} in the {self.name}'s log", self)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()  # warm shutdown: finishes the current work
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Worker(ServiceProcess):
    """A ``celery worker`` process."""

    name = "Celery worker"

    def wait_until_ready(self):
        # Celery logs "celery@<name> ready." once it consumes from the broker.
        wait_until(
            lambda: " ready." in self.output(),
            "the Celery worker to be ready",
            process=self,
            timeout=WORKER_START_TIMEOUT,
        )


class WebServer(ServiceProcess):
    """The site served by gunicorn (one worker process) on a free port of
    127.0.0.1, with the settings and services that ``env`` names."""

    name = "web server"

    def __init__(self, env, log_path):
        self.port = free_port()
        command = [
            sys.executable, "-m", "gunicorn", "cooperativa.wsgi",
            "--bind", f"127.0.0.1:{self.port}", "--workers", "1",
            "--access-logfile", "-", "--error-logfile", "-",
            # Several servers run at once: no shared control socket in ~/.gunicorn.
            "--no-control-socket",
        ]  # fmt: skip
        super().__init__(command, env, log_path)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def answers(self, path):
        try:
            with urllib.request.urlopen(self.url(path), timeout=5) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def wait_until_ready(self, path="/"):
        # gunicorn loads the site in its worker: ready once a page answers.
        wait_until(
            lambda: self.answers(path),
            f"the web server on port {self.port} to answer {path}",
            process=self,
            timeout=WORKER_START_TIMEOUT,
        )
