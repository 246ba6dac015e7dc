"""``make bench``: how fast the public pages are with 10,000 opportunities.

1. Prepares a SQLite database of its own under var/bench/ (never the dev
   database in var/): migrate, ``load_demo``, then 10,000 generated
   opportunities (scale.py). Both are idempotent, so a second run reuses
   the data in a few seconds; ``--fresh`` starts again from an empty
   database, ``--load-only`` stops once the data is ready.
2. Collects static files into var/bench/static and starts gunicorn on a
   free port of 127.0.0.1 with the production settings (DEBUG off, whitenoise,
   compressed manifest storage), 2 worker processes of 2 threads each.
3. Sends each page a burst of concurrent keep-alive requests (loadgen.py)
   and reports requests per second, median and 95th percentile latency and
   the size of the HTML.
4. Counts the SQL queries of each page separately, in this process, with
   Django's test client on the same database (a warm second request).

The table is printed and written to var/bench/results.md.
"""

import argparse
import datetime
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from . import loadgen

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / "var" / "bench"
DATABASE = BENCH_DIR / "db.sqlite3"
HOST = "127.0.0.1"
WORKERS = 2
THREADS = 2
SEARCH_WORD = "gardener"


def bench_environment():
    env = dict(os.environ)
    # Services a developer may have configured for other work would change
    # what is measured: the benchmark is the embedded mode under gunicorn.
    for name in ("REDIS_URL", "CELERY_BROKER_URL", "AWS_STORAGE_BUCKET_NAME"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="cooperativa.settings.production",
        # The embedded mode on purpose: SQLite, tasks inline, local cache.
        PRODUCTION_WAIVE="sqlite,broker,cache",
        VAR_DIR=str(BENCH_DIR),
        DATABASE_URL=f"sqlite:///{DATABASE}",
        STATIC_ROOT=str(BENCH_DIR / "static"),
        MEDIA_ROOT=str(BENCH_DIR / "media"),
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS=f"{HOST},localhost,testserver",
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        SITE_URL=f"http://{HOST}",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env, *args):
    print(f"$ manage.py {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_gunicorn(env, port):
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [
        str(gunicorn),
        "cooperativa.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(WORKERS),
        "--worker-class",
        "gthread",
        "--threads",
        str(THREADS),
        "--keep-alive",
        "5",
        "--log-level",
        "warning",
    ]
    print(f"$ {' '.join(command[1:])}", flush=True)
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited during start-up; see the messages above.")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/", timeout=10) as response:  # noqa: S310 - our own local server
                if response.status == 200:
                    return server
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    stop(server)
    raise RuntimeError("gunicorn did not answer within 90 seconds.")


def stop(server):
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def setup_django(env):
    """Use the benchmark's settings in this process too, for the URLs to
    test and the query counts."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def pages_to_test():
    from wagtail.models import Locale

    from cooperativa.opportunities.models import PlacementPage
    from partners.models import PartnerPage

    english = Locale.get_default()
    placement = (
        PlacementPage.objects.live()
        .filter(locale=english, slug="bakery-assistant-early-shift")
        .first()
        or PlacementPage.objects.live().filter(locale=english).first()
    )
    partner = (
        PartnerPage.objects.live().filter(locale=english, slug="granaio-nuovo").first()
        or PartnerPage.objects.live().filter(locale=english).first()
    )
    return [
        ("Home", "/"),
        ("All opportunities", "/opportunities/"),
        ("Placements hub", "/placements/"),
        ("Calls hub", "/calls/"),
        ("Projects hub", "/projects/"),
        ("Filtered hub", "/placements/?sector=catering&paid=yes"),
        ("Placement detail", placement.url),
        ("Partner profile", partner.url),
        ("Search", f"/search/?q={SEARCH_WORD}"),
        ("Italian hub", "/it/tirocini/"),
    ]


def count_queries(path):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    client.get(path)  # warm: caches and lazily built state, as in a running server
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return len(queries), response.status_code


def dataset_summary():
    from cooperativa.opportunities.models import OpportunityPage

    return OpportunityPage.objects.live().count()


def markdown(rows, context):
    lines = [
        "| Page | Address | Requests/s | p50 (ms) | p95 (ms) | HTML (KB) | SQL queries |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for label, path, result, queries in rows:
        note = "" if result.ok else (f" ⚠ statuses {dict(result.statuses)}, {result.errors} errors")
        lines.append(
            f"| {label}{note} | `{path}` | {result.requests_per_second:.1f} | "
            f"{result.percentile(50):.0f} | {result.percentile(95):.0f} | "
            f"{result.body_bytes / 1024:.1f} | {queries} |"
        )
    return "\n".join([context, "", *lines, ""])


def main():
    parser = argparse.ArgumentParser(description="Benchmark the public pages under gunicorn.")
    parser.add_argument(
        "--fresh", action="store_true", help="Delete the benchmark database and build it again."
    )
    parser.add_argument(
        "--scale", type=int, default=10_000, help="Generated opportunities to load (default 10000)."
    )
    parser.add_argument(
        "--load-only", action="store_true", help="Prepare the data, then stop (no server, no load)."
    )
    parser.add_argument(
        "--connections", type=int, default=4, help="Concurrent keep-alive connections (default 4)."
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=300,
        help="At most this many requests per page (default 300).",
    )
    parser.add_argument(
        "--seconds", type=float, default=15.0, help="At most this long per page (default 15)."
    )
    parser.add_argument(
        "--respond-clients",
        type=int,
        default=16,
        help="Concurrent clients sending the response form (default 16).",
    )
    parser.add_argument(
        "--respond-only",
        action="store_true",
        help="Measure only the response form, with the broker up and down.",
    )
    args = parser.parse_args()

    started = time.monotonic()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if args.fresh:
        DATABASE.unlink(missing_ok=True)
        shutil.rmtree(BENCH_DIR / "media", ignore_errors=True)
    env = bench_environment()

    step = time.monotonic()
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo", "-v", "1")
    setup_django(env)
    from django.db import connections

    from . import scale

    scale.load(args.scale)
    # Leave the SQLite file to the server's workers.
    connections.close_all()
    load_seconds = time.monotonic() - step
    print(f"Data ready in {load_seconds:.1f} s.", flush=True)
    if args.load_only:
        return
    manage(env, "collectstatic", "--noinput", "-v", "0")

    pages = [] if args.respond_only else pages_to_test()
    opportunities = dataset_summary()

    rows = []
    port = free_port()
    server = start_gunicorn(env, port) if pages else None
    try:
        for label, path in pages:
            # Warm up every worker: first renders build caches and image
            # renditions that a running site would already have.
            loadgen.run(
                HOST,
                port,
                path,
                connections=args.connections,
                max_requests=args.connections * 3,
                max_seconds=30,
            )
            result = loadgen.run(
                HOST,
                port,
                path,
                connections=args.connections,
                max_requests=args.requests,
                max_seconds=args.seconds,
            )
            print(
                f"  {label}: {result.requests_per_second:.1f} req/s, "
                f"p95 {result.percentile(95):.0f} ms",
                flush=True,
            )
            rows.append([label, path, result, None])
    finally:
        if server is not None:
            stop(server)

    # The response form, with a broker of its own up, then unreachable.
    from . import respond

    respond_rows = respond.bench(env, connections=args.respond_clients)
    connections.close_all()

    for row in rows:
        queries, status = count_queries(row[1])
        row[3] = queries if status == 200 else f"{queries} (HTTP {status})"

    context = (
        f"Benchmark of {datetime.date.today():%d %B %Y}: {opportunities:,} live opportunities "
        f"(English and Italian demo content plus {args.scale:,} generated), SQLite, gunicorn "
        f"with {WORKERS} workers × {THREADS} threads and production settings, "
        f"{args.connections} concurrent keep-alive connections, up to {args.requests} "
        f"requests or {args.seconds:.0f} s per page; {os.cpu_count()} CPU cores, Python "
        f"{platform.python_version()}. Preparing the data took {load_seconds:.0f} s; the whole run "
        f"{time.monotonic() - started:.0f} s."
    )
    table = markdown(rows, context) + "\n" + respond.markdown(respond_rows, args.respond_clients)
    (BENCH_DIR / "results.md").write_text(table, encoding="utf-8")
    print()
    print(table)
    print(f"Written to {BENCH_DIR / 'results.md'}")
    if not all(row[2].ok for row in rows) or not all(row["ok"] for row in respond_rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
