"""A small closed-loop HTTP load generator for the benchmark.

N threads each keep one HTTP/1.1 connection open (keep-alive) and send GET
requests one after another, until a request budget or a time budget runs
out, whichever comes first. It only ever talks to this machine.

Usable on its own too:
    python -m tests.bench.loadgen http://127.0.0.1:8000/placements/ -c 4 -n 200
"""

import argparse
import http.client
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


@dataclass
class Result:
    path: str
    connections: int
    elapsed: float = 0.0
    latencies_ms: list = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: int = 0
    body_bytes: int = 0

    @property
    def completed(self):
        return len(self.latencies_ms)

    @property
    def requests_per_second(self):
        return self.completed / self.elapsed if self.elapsed else 0.0

    def percentile(self, percent):
        if not self.latencies_ms:
            return float("nan")
        if len(self.latencies_ms) == 1:
            return self.latencies_ms[0]
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[percent - 1]

    @property
    def ok(self):
        return self.errors == 0 and set(self.statuses) == {200}


def run(host, port, path, *, connections=4, max_requests=400, max_seconds=15.0):
    """Hit ``path`` on host:port with ``connections`` concurrent keep-alive
    connections; stops after ``max_requests`` requests or ``max_seconds``."""
    if host not in LOCAL_HOSTS:
        raise ValueError(f"The load generator only talks to this machine, not to {host}.")
    result = Result(path=path, connections=connections)
    lock = threading.Lock()
    issued = 0
    started = time.monotonic()
    deadline = started + max_seconds

    def worker():
        nonlocal issued
        connection = http.client.HTTPConnection(host, port, timeout=60)
        latencies, statuses, errors, size = [], Counter(), 0, 0
        while True:
            with lock:
                if issued >= max_requests or time.monotonic() >= deadline:
                    break
                issued += 1
            begin = time.perf_counter()
            try:
                connection.request("GET", path, headers={"User-Agent": "cooperativa-bench"})
                response = connection.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException):
                errors += 1
                connection.close()
                continue
            latencies.append((time.perf_counter() - begin) * 1000)
            statuses[response.status] += 1
            if response.status == 200:
                size = len(body)
            if response.will_close:
                # The server chose to close; http.client reconnects on the
                # next request.
                connection.close()
        connection.close()
        with lock:
            result.latencies_ms.extend(latencies)
            result.statuses.update(statuses)
            result.errors += errors
            result.body_bytes = max(result.body_bytes, size)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.elapsed = time.monotonic() - started
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="http://127.0.0.1:PORT/path")
    parser.add_argument("-c", "--connections", type=int, default=4)
    parser.add_argument("-n", "--requests", type=int, default=400)
    parser.add_argument("-t", "--seconds", type=float, default=15.0)
    args = parser.parse_args()
    url = urlsplit(args.url)
    if url.scheme != "http":
        parser.error("Only plain http to this machine is supported.")
    path = url.path or "/"
    if url.query:
        path += "?" + url.query
    result = run(
        url.hostname,
        url.port or 80,
        path,
        connections=args.connections,
        max_requests=args.requests,
        max_seconds=args.seconds,
    )
    print(
        f"{result.completed} requests in {result.elapsed:.1f} s: "
        f"{result.requests_per_second:.1f} req/s, p50 {result.percentile(50):.0f} ms, "
        f"p95 {result.percentile(95):.0f} ms, {result.body_bytes} bytes, "
        f"statuses {dict(result.statuses)}, errors {result.errors}"
    )


if __name__ == "__main__":
    main()
