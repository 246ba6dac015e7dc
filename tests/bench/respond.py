"""The response form under load: ``POST /respond/<id>/`` from 16 concurrent
clients, with the broker up and with it down.

Part of ``make bench`` (run.py calls ``bench``), on the benchmark's own
database, where the placement's host organisation is given three members
(``give_members``): each response then writes their three emails to the
outbox and hands them to the broker. For each mode it starts gunicorn with
that broker, with sync workers as in the deployment instructions:

- up: a redis-server of its own on a free port (never a shared one), no
  worker, so each response's emails wait in Redis;
- down: a broker URL at a free port where nothing listens, so every
  response's emails wait in the outbox table.

Each client opens the form once (its CSRF cookie and signed "opened at"
stamp), waits the minimum fill time, then sends the form again and again,
each time with a fresh idempotency token and on a new connection, as many
different people would.
The rate limit counts clients by address: the server trusts 127.0.0.1 as a
reverse proxy and each request names a different client in
X-Forwarded-For, as behind a real proxy. A response counts as done when the
server answers with the redirect to the "sent" page.
"""

import http.client
import re
import shutil
import socket
import statistics
import subprocess
import threading
import time
import uuid
from urllib.parse import urlencode

HOST = "127.0.0.1"
FILL_SECONDS = 3.5
TARGET_P95_MS = 250


def _hidden(html, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    return match.group(1) if match else ""


def load(port, page_id, *, connections=16, max_requests=400, max_seconds=20.0):
    """(latencies in ms, statuses, errors, elapsed seconds) of the POSTs."""
    path = f"/respond/{page_id}/"
    lock = threading.Lock()
    latencies, statuses, errors = [], {}, [0]
    issued = [0]
    counter = iter(range(1, 10**9))
    # Every client has opened its form, then all wait the minimum fill time
    # together, then all start sending.
    opened = threading.Barrier(connections + 1)
    ready = threading.Barrier(connections + 1)
    window = {}

    def client():
        connection = http.client.HTTPConnection(HOST, port, timeout=60)
        connection.request("GET", path, headers={"User-Agent": "cooperativa-bench"})
        form = connection.getresponse()
        html = form.read().decode()
        cookie = form.getheader("Set-Cookie", "")
        csrf = re.search(r"csrftoken=([^;]+)", cookie).group(1)
        fields = {
            "csrfmiddlewaretoken": _hidden(html, "csrfmiddlewaretoken"),
            "started": _hidden(html, "started"),
            "name": "M. R.",
            "contact_route": "phone",
            "phone": "333 1234567",
            "message": "Mornings suit me; I have worked in a kitchen before.",
            "consent": "on",
        }
        connection.close()
        opened.wait()
        ready.wait()
        while True:
            with lock:
                if issued[0] >= max_requests or time.monotonic() >= window["deadline"]:
                    break
                issued[0] += 1
                number = next(counter)
            body = urlencode({**fields, "token": str(uuid.uuid4())})
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={csrf}",
                "User-Agent": "cooperativa-bench",
                # One client address per response, as behind a proxy.
                "X-Forwarded-For": f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}",
            }
            # Each response is another person's, from their own phone: a
            # connection of its own, as a browser opens for one form. (One
            # kept-alive connection per client would instead tie each client
            # to the server process that accepted it, and measure how evenly
            # 16 connections happened to be shared out.)
            headers["Connection"] = "close"
            begin = time.perf_counter()
            connection = http.client.HTTPConnection(HOST, port, timeout=60)
            try:
                connection.request("POST", path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                with lock:
                    errors[0] += 1
                continue
            finally:
                connection.close()
            elapsed = (time.perf_counter() - begin) * 1000
            with lock:
                latencies.append(elapsed)
                statuses[response.status] = statuses.get(response.status, 0) + 1

    threads = [threading.Thread(target=client, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    opened.wait()
    time.sleep(FILL_SECONDS)
    started = time.monotonic()
    window["deadline"] = started + max_seconds
    ready.wait()
    for thread in threads:
        thread.join()
    return latencies, statuses, errors[0], time.monotonic() - started


def percentile(values, percent):
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def start_redis(port):
    server = subprocess.Popen(  # noqa: S603 - a fixed local command
        [shutil.which("redis-server"), "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError("redis-server did not start")


# The host's people who hear of each response: every response then writes
# their emails to the outbox and hands them to the broker after the commit,
# which is what the broker being up or down changes.
MEMBERS = 3


def give_members(placement):
    """Make sure the placement's host organisation has MEMBERS members (users
    of this benchmark's own database, at example.org)."""
    from django.contrib.auth import get_user_model

    from partners.models import Membership

    organisation = placement.get_parent().specific.organisation
    for number in range(1, MEMBERS + 1):
        user, _created = get_user_model().objects.get_or_create(
            email=f"bench-member-{number}@example.org",
            defaults={"display_name": f"Member {number}"},
        )
        Membership.objects.get_or_create(
            user=user,
            organisation=organisation,
            defaults={"role": Membership.Role.ADMIN if number == 1 else Membership.Role.EDITOR},
        )


def bench(env, *, connections=16, max_requests=400, max_seconds=20.0):
    """Rows for the results table: one per broker mode."""
    from cooperativa.opportunities.models import PlacementPage

    from .run import free_port, start_gunicorn, stop

    placement = PlacementPage.objects.live().open().filter(locale__language_code="en").first()
    give_members(placement)
    rows = []
    for mode in ("up", "down"):
        mode_env = {**env, "TRUSTED_PROXIES": HOST}
        redis = None
        if mode == "up":
            redis_port = free_port()
            redis = start_redis(redis_port)
            mode_env["CELERY_BROKER_URL"] = f"redis://{HOST}:{redis_port}/0"
        else:
            mode_env["CELERY_BROKER_URL"] = f"redis://{HOST}:{free_port()}/0"
        port = free_port()
        # As the deployment instructions run it (README, "Deployment"): sync
        # workers, each taking the next connection when it is free, so that
        # people sending forms are answered in the order they came. (Threaded
        # workers accept connections ahead of their threads and can leave
        # some waiting behind a busy process while another is idle.)
        server = start_gunicorn(mode_env, port, worker_class="sync")
        try:
            latencies, statuses, errors, elapsed = load(
                port,
                placement.pk,
                connections=connections,
                max_requests=max_requests,
                max_seconds=max_seconds,
            )
        finally:
            stop(server)
            if redis is not None:
                redis.terminate()
                redis.wait(timeout=10)
        p95 = percentile(latencies, 95)
        print(
            f"  Response POST, broker {mode}: {len(latencies) / elapsed:.1f} req/s, "
            f"p50 {percentile(latencies, 50):.0f} ms, p95 {p95:.0f} ms, statuses {statuses}, "
            f"errors {errors}",
            flush=True,
        )
        rows.append(
            {
                "mode": mode,
                "path": f"/respond/{placement.pk}/",
                "requests_per_second": len(latencies) / elapsed,
                "p50": percentile(latencies, 50),
                "p95": p95,
                "ok": errors == 0 and set(statuses) == {302} and p95 < TARGET_P95_MS,
                "statuses": statuses,
            }
        )
    return rows


def markdown(rows, connections):
    lines = [
        f"Response POST with {connections} concurrent clients (target: p95 under "
        f"{TARGET_P95_MS} ms):",
        "",
        "| Broker | Address | Requests/s | p50 (ms) | p95 (ms) | Statuses |",
        "|---|---|---:|---:|---:|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['mode']} | `{row['path']}` | {row['requests_per_second']:.1f} | "
            f"{row['p50']:.0f} | {row['p95']:.0f} | {row['statuses']} |"
        )
    return "\n".join([*lines, ""])
