"""Speed figures for choosing the app server: ``python tools/bench.py`` (``make bench``).

The "speed" target compares anonymous pages answered from our page cache with nginx serving the
same HTML bytes as a static file on the same machine (>= 20 % with no extra server, >= 90 %
behind an nginx cache). This script measures exactly that, on loopback only:

1. a throw-away var dir (SQLite migrated, demo content, collected static files);
2. each candidate app server in turn (granian WSGI with a few thread counts, gunicorn gthread,
   gunicorn sync for reference) with production settings and the page cache on, one request to
   warm the cache, then ``wrk`` against ``/``;
3. one uncached figure (``PAGE_CACHE_ENABLED=0``) for the best app server;
4. nginx serving the cached page's bytes as a static file (the 100 % reference);
5. nginx as a caching reverse proxy in front of the best app server.

Every server runs in its own process group and is stopped in a ``finally`` block, so an error or
Ctrl-C leaves nothing listening. ``wrk`` and ``nginx`` come from Debian's packages when missing
(clean machines and CI do not have them); no other dependency is needed.
"""

# ruff: noqa: S603  (every command here is built from fixed arguments, never from input)

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

HOST = "127.0.0.1"  # never anything else: the bench must not send traffic off this machine
TOOLS_DIR = Path(__file__).resolve().parent
REPO_DIR = TOOLS_DIR.parent
BIN_DIR = Path(sys.executable).parent
WSGI_TARGET = "biuletyn.wsgi:application"
# By name, found through PYTHONPATH: run as a script, this module is __main__.
CEILING_TARGET = "bench:ceiling_app"
BUSY_WARNING = 0.15  # share of all CPUs busy with other work before a run that makes it suspect
SBIN_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/local/sbin", "/usr/sbin", "/sbin"])


# --- tools ----------------------------------------------------------------------------------
def which(name: str) -> str | None:
    """``shutil.which`` that also looks in sbin: Debian puts nginx in /usr/sbin, which is not on
    a non-root PATH."""
    return shutil.which(name, path=SBIN_PATH)


def apt_install(packages: list[str]) -> bool:
    """Install Debian packages; False when apt cannot (no such package on this release)."""
    prefix: list[str] = []
    if os.geteuid() != 0:
        if not shutil.which("sudo"):
            return False
        prefix = ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    cmd = [*prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages]
    return subprocess.run(cmd, env=env, check=False, timeout=600).returncode == 0


def ensure_tools() -> tuple[str, str]:
    """Paths of wrk and nginx, installing them from Debian when missing. nginx-light is enough
    (static files and proxy_cache are core modules) but newer Debian releases dropped it, so
    plain ``nginx`` is the fallback."""
    if which("wrk") and which("nginx"):
        return which("wrk") or "", which("nginx") or ""
    print("== installing wrk and nginx from Debian (missing on this machine)", flush=True)
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    subprocess.run([*prefix, "apt-get", "update", "-qq"], check=False, timeout=600)
    if not apt_install(["wrk", "nginx-light"]) and not apt_install(["wrk", "nginx"]):
        sys.exit("Could not install wrk and nginx with apt-get; install them and run again.")
    wrk, nginx = which("wrk"), which("nginx")
    if not wrk or not nginx:
        sys.exit("wrk or nginx still missing after apt-get install.")
    return wrk, nginx


# --- processes ------------------------------------------------------------------------------
def free_port() -> int:
    """A port the kernel says is free on loopback (the tiny race is harmless for a bench)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Server:
    """One running server: its own process group, so stopping it stops its workers too."""

    name: str
    port: int
    proc: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        """SIGTERM to the group, SIGKILL if it has not gone within 10 s."""
        if self.proc.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, sig)
            try:
                self.proc.wait(timeout=wait)
                return
            except subprocess.TimeoutExpired:
                continue

    def log_tail(self, lines: int = 20) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


@dataclass
class Bench:
    """Shared state: the temp dir, the environment for app servers and everything started."""

    tmp: Path
    env: dict[str, str]
    wrk: str
    nginx: str
    args: argparse.Namespace
    running: list[Server] = field(default_factory=list)

    def start(
        self, name: str, cmd: list[str], port: int, env: dict[str, str] | None = None
    ) -> Server:
        """Start a server in a new session (its own process group) with output in a log file."""
        log = self.tmp / "logs" / f"{re.sub(r'[^a-z0-9]+', '-', name.lower())}.log"
        log.parent.mkdir(exist_ok=True)
        with log.open("wb") as out:
            proc = subprocess.Popen(
                cmd,
                cwd=REPO_DIR,
                env=env or self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        server = Server(name, port, proc, log)
        self.running.append(server)
        return server

    def stop_all(self) -> None:
        while self.running:
            self.running.pop().stop()

    @contextlib.contextmanager
    def serving(
        self, name: str, cmd: list[str], port: int, env: dict[str, str] | None = None
    ) -> Iterator[Server]:
        """A server that is up (answers ``/``) for the duration of the block, stopped after."""
        server = self.start(name, cmd, port, env)
        try:
            wait_until_up(server)
            yield server
        finally:
            server.stop()
            if server in self.running:
                self.running.remove(server)


# --- HTTP -----------------------------------------------------------------------------------
@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


def get(port: int, path: str = "/") -> Reply:
    """One GET on loopback. http.client rather than urllib: urllib honours *_proxy variables,
    and the bench must never leave this machine."""
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": f"{HOST}:{port}"})
        resp = conn.getresponse()
        return Reply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
    finally:
        conn.close()


def wait_until_up(server: Server, timeout: float = 60.0) -> None:
    """Poll ``/`` until the server answers; Django's first import takes a few seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise RuntimeError(f"{server.name} exited early:\n{server.log_tail()}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            get(server.port)
            return
        time.sleep(0.2)
    raise RuntimeError(f"{server.name} did not answer within {timeout:.0f} s:\n{server.log_tail()}")


# --- wrk ------------------------------------------------------------------------------------
@dataclass
class Figures:
    name: str
    rps: float
    p99_ms: float
    note: str = ""


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def parse_wrk(name: str, output: str) -> Figures:
    """Requests/sec, the 99th percentile latency and anything that went wrong."""
    rps_match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p99_match = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
    notes = []
    if m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output):
        notes.append(f"{m.group(1)} non-2xx")
    if m := re.search(r"Socket errors: (.+)", output):
        notes.append(f"socket errors: {m.group(1).strip()}")
    if not rps_match or not p99_match:
        return Figures(name, 0.0, 0.0, "wrk output not understood: " + output.strip()[-200:])
    p99 = float(p99_match.group(1)) * _UNITS_MS[p99_match.group(2)]
    return Figures(name, float(rps_match.group(1)), p99, "; ".join(notes))


def run_wrk(bench: Bench, name: str, port: int) -> Figures:
    """A short warm-up (imports, thread pools, CPU caches) and then the measured run, both
    bounded by wrk's own duration plus a safety timeout."""
    url = f"http://{HOST}:{port}/"
    a = bench.args
    busy = cpu_busy(0.5)  # the server idles now: anything above a few % is someone else's work
    base = [bench.wrk, f"-t{a.threads}", f"-c{a.connections}", "--latency", "--timeout", "5s"]
    if a.warmup > 0:
        subprocess.run([*base, f"-d{a.warmup}s", url], capture_output=True, timeout=a.warmup + 30)
    done = subprocess.run(
        [*base, f"-d{a.duration}s", url], capture_output=True, text=True, timeout=a.duration + 30
    )
    figures = parse_wrk(name, done.stdout + done.stderr)
    if busy > BUSY_WARNING:
        figures.note = "; ".join(
            filter(None, [f"CPUs {busy:.0%} busy before the run", figures.note])
        )
    print(
        f"   {figures.name:<44} {figures.rps:>10.0f} req/s  p99 {figures.p99_ms:>8.2f} ms",
        flush=True,
    )
    return figures


# --- preparation ----------------------------------------------------------------------------
def app_env(var_dir: Path) -> dict[str, str]:
    """Production settings on a throw-away var dir. The page cache lives longer than the whole
    bench so that no entry expires in the middle of a run."""
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.update(
        DJANGO_SETTINGS_MODULE="biuletyn.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        BIULETYN_VAR_DIR=str(var_dir),
        PAGE_CACHE_ENABLED="1",
        PAGE_CACHE_SECONDS="3600",
        DEBUG="0",
        PYTHONUNBUFFERED="1",
    )
    env.pop("DATABASE_URL", None)  # SQLite in the temp dir, never a real database
    return env


def prepare(env: dict[str, str]) -> None:
    """Migrate, load the demo content and collect static files (the production settings use
    hashed static names, so pages cannot render without the manifest)."""
    manage = [sys.executable, "manage.py"]
    for step in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"]):
        done = subprocess.run(
            [*manage, *step, "--verbosity", "0"],
            cwd=REPO_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(step)} failed:\n{done.stdout}{done.stderr}")


# --- candidates -----------------------------------------------------------------------------
def granian_cmd(port: int, *, threads: int, workers: int) -> list[str]:
    """The same flags as ``make serve``."""
    return [
        str(BIN_DIR / "granian"),
        "--interface", "wsgi",
        "--host", HOST,
        "--port", str(port),
        "--workers", str(workers),
        "--blocking-threads", str(threads),
        "--no-ws",
        "--log-level", "warning",
        WSGI_TARGET,
    ]  # fmt: skip


def gunicorn_cmd(port: int, worker_class: str, workers: int, threads: int = 1) -> list[str]:
    return [
        str(BIN_DIR / "gunicorn"),
        "--bind", f"{HOST}:{port}",
        "--worker-class", worker_class,
        "--workers", str(workers),
        "--threads", str(threads),
        "--log-level", "warning",
        WSGI_TARGET,
    ]  # fmt: skip


@dataclass
class Candidate:
    """An app server configuration: a name for the table and its command line for a port."""

    name: str
    build: Callable[[int], list[str]]

    def cmd(self, port: int) -> list[str]:
        return self.build(port)


def candidates(args: argparse.Namespace) -> list[Candidate]:
    w = args.workers
    found = [
        Candidate(
            f"granian wsgi w{w} blocking-threads {t}",
            partial(granian_cmd, threads=t, workers=w),
        )
        for t in args.granian_threads
    ]
    found.append(
        Candidate(
            f"gunicorn gthread w{w} threads {args.gthreads}",
            lambda port: gunicorn_cmd(port, "gthread", w, args.gthreads),
        )
    )
    found.append(Candidate(f"gunicorn sync w{w}", lambda port: gunicorn_cmd(port, "sync", w)))
    return found


def warm(port: int) -> Reply:
    """One request stores ``/`` in the page cache; the second must come back as a hit."""
    first = get(port)
    if first.status != 200:
        raise RuntimeError(f"GET / answered {first.status}")
    return get(port)


def measure_app(bench: Bench, cand: Candidate) -> tuple[Figures, Reply]:
    port = free_port()
    with bench.serving(cand.name, cand.cmd(port), port) as server:
        reply = warm(server.port)
        figures = run_wrk(bench, cand.name, server.port)
        if reply.headers.get("x-page-cache") != "hit":
            figures.note = "NOT A CACHE HIT; " + figures.note
        return figures, reply


def measure_uncached(bench: Bench, cand: Candidate) -> Figures:
    port = free_port()
    env = {**bench.env, "PAGE_CACHE_ENABLED": "0"}
    name = f"{cand.name} (no page cache)"
    with bench.serving(name, cand.cmd(port), port, env) as server:
        reply = get(server.port)
        figures = run_wrk(bench, name, server.port)
        if "x-page-cache" in reply.headers:
            figures.note = "page cache still answered; " + figures.note
        return figures


# --- nginx ----------------------------------------------------------------------------------
NGINX_COMMON = """\
worker_processes 2;
{user}
pid {tmp}/nginx-{tag}.pid;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    error_log {tmp}/logs/nginx-{tag}-error.log warn;
    sendfile on;
    tcp_nopush on;
    default_type text/html;
    client_body_temp_path {tmp}/nginx-tmp/body;
    proxy_temp_path {tmp}/nginx-tmp/proxy;
    fastcgi_temp_path {tmp}/nginx-tmp/fastcgi;
    uwsgi_temp_path {tmp}/nginx-tmp/uwsgi;
    scgi_temp_path {tmp}/nginx-tmp/scgi;
{body}
}}
"""

NGINX_STATIC = """\
    server {{
        listen {host}:{port};
        root {root};
        index index.html;
    }}"""

# Anything with a session cookie or credentials goes straight to the app and is never stored
# (the app also marks those responses private/no-store; this is the belt to those braces).
NGINX_PROXY_CACHE = """\
    proxy_cache_path {tmp}/nginx-cache levels=1:2 keys_zone=pages:10m max_size=256m
                     inactive=10m use_temp_path=off;
    upstream app {{
        server {host}:{app_port};
        keepalive 32;
    }}
    server {{
        listen {host}:{port};
        location / {{
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_cache pages;
            proxy_cache_lock on;
            proxy_cache_use_stale updating error timeout;
            proxy_cache_bypass $cookie_sessionid $http_authorization;
            proxy_no_cache $cookie_sessionid $http_authorization;
            add_header X-Nginx-Cache $upstream_cache_status always;
        }}
    }}"""


def nginx_conf(bench: Bench, tag: str, body: str) -> Path:
    """Write a config into the temp dir. As root nginx would drop to ``nobody``, which cannot
    read a 0700 temp dir; ``user root`` keeps the bench self-contained."""
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (bench.tmp / "nginx-tmp" / sub).mkdir(parents=True, exist_ok=True)
    (bench.tmp / "logs").mkdir(exist_ok=True)
    user = "user root;" if os.geteuid() == 0 else ""
    conf = bench.tmp / f"nginx-{tag}.conf"
    conf.write_text(NGINX_COMMON.format(user=user, tmp=bench.tmp, tag=tag, body=body))
    return conf


def nginx_cmd(bench: Bench, conf: Path) -> list[str]:
    """Foreground nginx (``daemon off``) so that it stays in our process group; ``-e`` keeps
    even the start-up log out of /var/log."""
    return [
        bench.nginx,
        "-p", str(bench.tmp),
        "-e", str(bench.tmp / "logs" / "nginx-startup.log"),
        "-c", str(conf),
        "-g", "daemon off;",
    ]  # fmt: skip


def measure_nginx_static(bench: Bench, html: bytes) -> Figures:
    root = bench.tmp / "static-html"
    root.mkdir(exist_ok=True)
    (root / "index.html").write_bytes(html)
    port = free_port()
    body = NGINX_STATIC.format(host=HOST, port=port, root=root)
    name = "nginx static file (same HTML bytes)"
    with bench.serving(name, nginx_cmd(bench, nginx_conf(bench, "static", body)), port) as server:
        reply = get(server.port)
        figures = run_wrk(bench, name, server.port)
        if reply.body != html:
            figures.note = "served bytes differ; " + figures.note
        return figures


def measure_nginx_cache(bench: Bench, cand: Candidate) -> Figures:
    app_port, port = free_port(), free_port()
    body = NGINX_PROXY_CACHE.format(host=HOST, port=port, app_port=app_port, tmp=bench.tmp)
    name = f"nginx proxy_cache -> {cand.name}"
    with (
        bench.serving(cand.name, cand.cmd(app_port), app_port),
        bench.serving(name, nginx_cmd(bench, nginx_conf(bench, "cache", body)), port) as server,
    ):
        get(server.port)
        reply = get(server.port)
        figures = run_wrk(bench, name, server.port)
        if reply.headers.get("x-nginx-cache") != "HIT":
            status = reply.headers.get("x-nginx-cache")
            figures.note = f"nginx cache status {status}; " + figures.note
        return figures


# --- ceiling -------------------------------------------------------------------------------
@cache
def _ceiling_response() -> tuple[list[tuple[str, str]], bytes]:
    body = Path(os.environ["BENCH_CEILING_BODY"]).read_bytes()
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
    return headers, body


def ceiling_app(environ: dict[str, object], start_response: Callable[..., object]) -> list[bytes]:
    """A WSGI app that answers the cached page's bytes with no lookup at all: the most any
    page-cache lookup could reach on this server, so the table shows the lookup's own cost."""
    headers, body = _ceiling_response()
    start_response("200 OK", headers)
    return [body]


def measure_ceiling(bench: Bench, cand: Candidate, html: bytes) -> Figures:
    """The winner's command line with the constant app instead of the project's (granian and
    gunicorn both take the target as the last argument)."""
    body = bench.tmp / "ceiling.html"
    body.write_bytes(html)
    port = free_port()
    cmd = [*cand.cmd(port)[:-1], CEILING_TARGET]
    pythonpath = os.pathsep.join(filter(None, [str(TOOLS_DIR), bench.env.get("PYTHONPATH")]))
    env = {**bench.env, "BENCH_CEILING_BODY": str(body), "PYTHONPATH": pythonpath}
    name = f"{cand.name}, constant app (ceiling)"
    with bench.serving(name, cmd, port, env) as server:
        return run_wrk(bench, name, server.port)


def cpu_busy(seconds: float = 1.0) -> float:
    """Share of all CPUs busy over a short sample (Linux /proc/stat): other work on the machine
    skews every figure, so the bench says so instead of printing misleading numbers."""

    def sample() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
        return idle, sum(fields)

    try:
        idle0, total0 = sample()
        time.sleep(seconds)
        idle1, total1 = sample()
    except (OSError, ValueError, IndexError):
        return 0.0
    return 1.0 - (idle1 - idle0) / max(1, total1 - total0)


# --- the WordPress import (issue 12) ---------------------------------------------------------
def measure_import(tmp: Path, count: int) -> tuple[float, int]:
    """Wall time (s) and peak memory (MB) of ``import_wordpress`` on a generated export of
    ``count`` posts, on a fresh SQLite database, in a subprocess of its own (os.wait4 gives
    that process's own ru_maxrss, not the largest of every child so far)."""
    var_dir = tmp / f"import-{count}"
    var_dir.mkdir(parents=True)
    export = var_dir / "export.xml"
    env = {**app_env(var_dir), "DJANGO_SETTINGS_MODULE": "biuletyn.settings.dev"}
    python = str(BIN_DIR / "python")
    subprocess.run(
        [python, str(TOOLS_DIR / "generate_wxr.py"), str(count), str(export)], check=True
    )
    manage = [python, str(REPO_DIR / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "--verbosity", "0"], env=env, check=True)
    setup = (
        "import django; django.setup()\n"
        "from biuletyn.demo.content import HOME_INTROS, HOME_TITLES\n"
        "from biuletyn.pages.services import ensure_home_pages\n"
        "ensure_home_pages(titles=HOME_TITLES, intros=HOME_INTROS)\n"
    )
    subprocess.run([python, "-c", setup], env=env, check=True, cwd=REPO_DIR)
    started = time.monotonic()
    with (var_dir / "report.txt").open("w") as report:
        proc = subprocess.Popen(
            [*manage, "import_wordpress", str(export), "--no-progress"], env=env, stdout=report
        )
        _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.monotonic() - started
    if proc.returncode:
        raise RuntimeError(f"import_wordpress failed ({proc.returncode}); see {var_dir}")
    return elapsed, usage.ru_maxrss // 1024  # Linux gives kB


def run_import_figures(bench: Bench) -> None:
    print("== WordPress import (generated exports, fresh SQLite each)", flush=True)
    for count in (int(n) for n in bench.args.import_posts.split(",") if n):
        seconds, peak = measure_import(bench.tmp, count)
        print(f"   {count:>6} posts: {seconds:7.1f} s wall, peak memory {peak} MB", flush=True)


# --- report ---------------------------------------------------------------------------------
def print_table(rows: list[Figures], reference: Figures) -> None:
    print()
    print(f"{'server':<58} {'req/s':>9} {'p99 ms':>9} {'% nginx':>8}  note")
    print("-" * 100)
    for row in rows:
        share = 100.0 * row.rps / reference.rps if reference.rps else 0.0
        print(f"{row.name:<58} {row.rps:>9.0f} {row.p99_ms:>9.2f} {share:>7.1f}%  {row.note}")


def verdict(best: Figures, proxied: Figures, reference: Figures) -> None:
    """The two thresholds of the speed target, stated plainly."""
    if not reference.rps:
        return
    for label, row, goal in (
        ("page cache, no extra server", best, 20.0),
        ("behind nginx proxy_cache", proxied, 90.0),
    ):
        share = 100.0 * row.rps / reference.rps
        mark = "ok" if share >= goal else "BELOW TARGET"
        print(f"{label:<30} {share:5.1f}% of nginx static (target >= {goal:.0f}%): {mark}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python tools/bench.py", description=__doc__)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of wrk before each run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="app server processes")
    parser.add_argument(
        "--granian-threads",
        type=lambda s: [int(x) for x in s.split(",")],
        default=[1, 2, 4],
        help="granian --blocking-threads values to try, comma-separated",
    )
    parser.add_argument("--gthreads", type=int, default=4, help="gunicorn gthread --threads")
    parser.add_argument(
        "--import-posts",
        default="1000,5000",
        help="sizes of the generated WordPress exports to import, comma-separated ('' for none)",
    )
    parser.add_argument(
        "--import-only", action="store_true", help="only the WordPress import figures"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs, configs)")
    return parser.parse_args(argv)


def _raise_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # so that the finally blocks stop every server


def run(bench: Bench) -> None:
    if bench.args.import_only:
        run_import_figures(bench)
        return
    busy = cpu_busy()
    if busy > BUSY_WARNING:
        print(f"!! the CPUs are already {busy:.0%} busy: the figures below will be low and noisy")
    print("== preparing a throw-away var dir (migrate, demo content, collectstatic)", flush=True)
    prepare(bench.env)
    print("== app servers, page cache hits on /", flush=True)
    results: list[tuple[Candidate, Figures, Reply]] = []
    for cand in candidates(bench.args):
        figures, reply = measure_app(bench, cand)
        results.append((cand, figures, reply))
    winner, best, reply = max(results, key=lambda item: item[1].rps)
    print(f"== best: {winner.name}; uncached figure and nginx", flush=True)
    ceiling = measure_ceiling(bench, winner, reply.body)
    uncached = measure_uncached(bench, winner)
    static = measure_nginx_static(bench, reply.body)
    proxied = measure_nginx_cache(bench, winner)
    print_table([*(f for _, f, _ in results), ceiling, uncached, static, proxied], static)
    print()
    verdict(best, proxied, static)
    print()
    run_import_figures(bench)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _raise_on_sigterm)
    wrk, nginx = ensure_tools()
    tmp = Path(tempfile.mkdtemp(prefix="biuletyn-bench-"))
    bench = Bench(tmp=tmp, env=app_env(tmp / "var"), wrk=wrk, nginx=nginx, args=args)
    started = time.monotonic()
    try:
        run(bench)
    finally:
        bench.stop_all()
        if args.keep:
            print(f"\nTemp dir kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"\nBench took {time.monotonic() - started:.0f} s.")


if __name__ == "__main__":
    main()
