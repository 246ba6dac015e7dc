"""``make bench``: how fast the public pages are with 10,000 opportunities,
as a share of what a trivial Django view serves in the same run.

1. Prepares a database of its own: SQLite under var/bench/ (never the dev
   database in var/), or the PostgreSQL database named by ``--database-url``:
   migrate, ``load_demo``, then generated opportunities (``load_demo
   --scale``'s generator), 100, then 1,000, then 10,000; at each size it
   times every page's render in this process (the median of a few warm
   renders, page cache off): the scaling table. Idempotent, so a second run
   reuses the data; ``--fresh`` starts SQLite again from an empty database,
   ``--load-only`` stops once the data is ready.
2. Collects static files and starts gunicorn on a free port of 127.0.0.1
   with the production settings (DEBUG off, whitenoise, compressed manifest
   storage), 2 worker processes of 2 threads each, serving the site and the
   ceiling (ceiling.py: a trivial view returning 20 KB through the same
   middleware) twice: once without the page cache, once with it.
3. Sends each page, and the ceiling, a burst of concurrent keep-alive
   requests (loadgen.py) and reports requests per second and its share of
   the ceiling's, uncached and cached, with latency and size.
4. Counts the SQL queries of each page in this process (a warm request).

The tables, with the machine's load average, are printed and written to
var/bench/results.md.
"""

import argparse
import datetime
import os
import platform
import secrets
import shutil
import socket
import statistics
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
SEARCH_WORD = "assistant"  # in thousands of generated opportunities
CEILING = "/bench-ceiling/"
SIZES = (100, 1_000)  # then --scale (10,000)
RENDERS = 5


def bench_environment(database_url=None):
    env = dict(os.environ)
    # Services a developer may have configured for other work would change
    # what is measured: the benchmark is the embedded mode under gunicorn.
    for name in ("REDIS_URL", "CELERY_BROKER_URL", "AWS_STORAGE_BUCKET_NAME"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="cooperativa.settings.production",
        VAR_DIR=str(BENCH_DIR),
        DATABASE_URL=database_url or f"sqlite:///{DATABASE}",
        # Rendered afresh unless a pass turns the page cache on.
        PAGE_CACHE_SECONDS="0",
        PRODUCTION_WAIVE="broker,cache" if database_url else "sqlite,broker,cache",
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


def start_gunicorn(env, port, *, worker_class="gthread"):
    """gunicorn on ``port`` with WORKERS processes: threaded ones keeping
    connections alive (``gthread``, THREADS each), or ``sync`` ones, which
    take one connection at a time from the kernel's queue."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [
        str(gunicorn),
        "tests.bench.ceiling:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(WORKERS),
        "--worker-class",
        worker_class,
        "--log-level",
        "warning",
    ]
    if worker_class == "gthread":
        command += ["--threads", str(THREADS), "--keep-alive", "5"]
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
        ("Search, common word", f"/search/?q={SEARCH_WORD}"),
        ("API", "/api/v2/pages/?type=opportunities.PlacementPage&fields=*"),
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


def render_times(pages):
    """{path: median milliseconds of RENDERS warm renders} in this process,
    page cache off (the caches under the content version stay on)."""
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    times = {}
    for _label, path in pages:
        client.get(path)
        samples = []
        for _ in range(RENDERS):
            started = time.perf_counter()
            client.get(path)
            samples.append((time.perf_counter() - started) * 1000)
        times[path] = statistics.median(samples)
    return times


def dataset_summary():
    from cooperativa.opportunities.models import OpportunityPage

    return OpportunityPage.objects.live().count()


def measure(env, pages, args, *, cached):
    """{path: loadgen result} for the ceiling and every page, on a gunicorn
    started for this pass (page cache on or off)."""
    env = {**env, "PAGE_CACHE_SECONDS": "600" if cached else "0"}
    port = free_port()
    server = start_gunicorn(env, port)
    results = {}
    try:
        for _label, path in [("Ceiling", CEILING), *pages]:
            # Warm up every worker: first renders build caches and image
            # renditions that a running site would already have.
            loadgen.run(HOST, port, path, connections=args.connections, max_requests=8)
            result = loadgen.run(
                HOST,
                port,
                path,
                connections=args.connections,
                max_requests=args.requests,
                max_seconds=args.seconds,
            )
            print(
                f"  {'cached' if cached else 'uncached'} {path}: "
                f"{result.requests_per_second:.1f} req/s",
                flush=True,
            )
            results[path] = result
    finally:
        stop(server)
    return results


def share(result, ceiling):
    return 100 * result.requests_per_second / ceiling.requests_per_second


def throughput_table(pages, uncached, cached, queries):
    lines = [
        "| Page | Address | Uncached req/s | % of ceiling | Cached req/s | % of ceiling "
        "| p95 uncached (ms) | HTML (KB) | SQL queries |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, path in [("Ceiling (trivial view, 20 KB)", CEILING), *pages]:
        plain, fast = uncached[path], cached[path]
        bad = [r for r in (plain, fast) if not r.ok]
        note = f" ⚠ statuses {dict(bad[0].statuses)}, {bad[0].errors} errors" if bad else ""
        lines.append(
            f"| {label}{note} | `{path}` | {plain.requests_per_second:.1f} | "
            f"{share(plain, uncached[CEILING]):.1f}% | {fast.requests_per_second:.1f} | "
            f"{share(fast, cached[CEILING]):.1f}% | {plain.percentile(95):.0f} | "
            f"{plain.body_bytes / 1024:.1f} | {queries.get(path, '')} |"
        )
    return "\n".join(lines)


def scaling_table(pages, times):
    sizes = sorted(times)
    header = " | ".join(f"{size:,} (ms)" for size in sizes)
    lines = [
        f"| Page | {header} | {sizes[-1]:,} ÷ {sizes[0]:,} |",
        "|---|" + "---:|" * (len(sizes) + 1),
    ]
    for label, path in pages:
        values = [times[size][path] for size in sizes]
        cells = " | ".join(f"{value:.1f}" for value in values)
        lines.append(f"| {label} | {cells} | {values[-1] / values[0]:.2f} |")
    return "\n".join(lines)


def load_average():
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description="Benchmark the public pages under gunicorn.")
    parser.add_argument(
        "--fresh", action="store_true", help="Delete the benchmark database and build it again."
    )
    parser.add_argument(
        "--scale", type=int, default=10_000, help="Generated opportunities to load (default 10000)."
    )
    parser.add_argument(
        "--database-url",
        help="Measure on this PostgreSQL database (postgres://...) instead of SQLite.",
    )
    parser.add_argument(
        "--load-only", action="store_true", help="Prepare the data, then stop (no server, no load)."
    )
    parser.add_argument(
        "--connections",
        type=int,
        default=8,
        # Four connections over two worker processes all land on one of them
        # one time in eight, which halves that page's figure; with eight,
        # about one time in 128.
        help="Concurrent keep-alive connections (default 8).",
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=1000,
        help="At most this many requests per page and pass (default 1000).",
    )
    parser.add_argument(
        "--seconds",
        type=float,
        default=5.0,
        help="At most this long per page and pass (default 5).",
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
    load_before = load_average()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if args.fresh and not args.database_url:
        DATABASE.unlink(missing_ok=True)
        shutil.rmtree(BENCH_DIR / "media", ignore_errors=True)
    env = bench_environment(args.database_url)

    step = time.monotonic()
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo", "-v", "1")
    # Pages render with the compressed manifest storage: its manifest first.
    manage(env, "collectstatic", "--noinput", "-v", "0")
    setup_django(env)
    from django.db import connections

    from home.demo.generated import load

    times = {}
    pages = None
    for size in [*(size for size in SIZES if size < args.scale), args.scale]:
        load(size)
        pages = pages or pages_to_test()
        if not args.load_only:
            times[size] = render_times(pages)
    queries = {}
    if not args.load_only:
        for _label, path in pages:
            count, status = count_queries(path)
            queries[path] = count if status == 200 else f"{count} (HTTP {status})"
    # Leave the database to the server's workers.
    connections.close_all()
    load_seconds = time.monotonic() - step
    print(f"Data ready and renders timed in {load_seconds:.1f} s.", flush=True)
    if args.load_only:
        return
    if args.respond_only:
        pages = []
    opportunities = dataset_summary()
    connections.close_all()

    uncached = measure(env, pages, args, cached=False)
    cached = measure(env, pages, args, cached=True)

    # The response form, with a broker of its own up, then unreachable.
    from . import respond

    respond_rows = respond.bench(env, connections=args.respond_clients)
    connections.close_all()

    database = "PostgreSQL" if args.database_url else "SQLite"
    context = (
        f"Benchmark of {datetime.date.today():%d %B %Y}: {opportunities:,} live opportunities "
        f"(English and Italian demo content plus {args.scale:,} generated), {database}, "
        f"gunicorn with {WORKERS} workers × {THREADS} threads and production settings, "
        f"{args.connections} concurrent keep-alive connections, up to {args.requests} "
        f"requests or {args.seconds:.0f} s per page and pass; {os.cpu_count()} CPU cores, "
        f"Python {platform.python_version()}; load average {load_before} at the start, "
        f"{load_average()} at the end (1, 5, 15 minutes). The whole run took "
        f"{time.monotonic() - started:.0f} s."
    )
    text = "\n".join(
        [
            context,
            "",
            throughput_table(pages, uncached, cached, queries),
            "",
            "Render time in one process (median of "
            f"{RENDERS} warm renders, page cache off) as opportunities grow:",
            "",
            scaling_table(pages, times),
            "",
            respond.markdown(respond_rows, args.respond_clients),
        ]
    )
    name = "results-postgresql.md" if args.database_url else "results.md"
    (BENCH_DIR / name).write_text(text, encoding="utf-8")
    print()
    print(text)
    print(f"Written to {BENCH_DIR / name}")
    if not all(result.ok for result in [*uncached.values(), *cached.values()]) or not all(
        row["ok"] for row in respond_rows
    ):
        sys.exit(1)


if __name__ == "__main__":
    main()
