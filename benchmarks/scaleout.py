"""Scaling out (limelight only): ``call/v2`` throughput and p99 (the ``calls`` app's
``echo_free``) through nginx round robin (deploy/nginx.conf, no sticky sessions) over 1, 2
and 4 limelight processes sharing one Redis (``limelight run --workers N`` with
``LIMELIGHT_BACKEND``), against one in-memory process behind the same nginx; and the latency
Redis adds to one call (one client, one process, without nginx).

It needs the Redis backend (``limelight.backends``), Debian's ``redis-server`` and ``nginx``;
without one of them the group is skipped with a message that says which.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from .env import REPO, UI
from .report import Figure, Results, Skipped
from .servers import APPS, free_port, http_status
from .wire import Connection, call_v2

__all__ = ["FIGURES", "Plan", "missing", "nginx_config", "run"]

ONE_PROCESS = "Gradio serves an app from one process: its queue and sessions live in it"
CONFIGURATIONS = (
    ("memory1", "1 process in memory"),
    ("redis1", "1 process on Redis"),
    *((f"redis{n}", f"{n} processes on Redis") for n in (2, 4)),
)


def _figures() -> tuple[Figure, ...]:
    """Calls/s and p99 of each configuration, then what Redis adds to one call."""
    found = []
    for key, what in CONFIGURATIONS:
        cps = Figure(f"scale_{key}_cps", f"scale-out, {what}", "calls/s", False)
        found += [cps, Figure(f"scale_{key}_p99_ms", f"  p99 latency, {what}", "ms")]
    found.append(Figure("scale_redis_call_ms", "scale-out: latency Redis adds to a call", "ms"))
    return tuple(replace(figure, gradio_na=ONE_PROCESS) for figure in found)


FIGURES = _figures()
DEPLOYED_SITE = REPO / "deploy" / "nginx.conf"
NGINX_MAIN = """
daemon off;
master_process off;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {site};
}}
"""
ARGS = {"text": "hi"}
READY_SECONDS = 60.0


@dataclass(frozen=True)
class Plan:
    """The load on each configuration, and the calls timed for the overhead."""

    seconds: float = 5.0
    clients: int = 50
    workers: tuple[int, ...] = (1, 2, 4)
    """Processes on Redis, each of 1, 2 and 4."""
    calls: int = 200


def nginx_config(work: Path, upstreams: list[str], port: int) -> Path:
    """A main nginx config in ``work`` including deploy/nginx.conf as deployed, but for
    ``upstreams`` instead of compose's ``app:7860`` and on loopback ``port``; its path."""
    text = DEPLOYED_SITE.read_text()
    if text.count("server app:7860;") != 1 or text.count("listen 80;") != 1:
        raise RuntimeError(f"{DEPLOYED_SITE} no longer has one upstream server and port 80")
    servers = " ".join(f"server {upstream};" for upstream in upstreams)
    site = work / "site.conf"
    site.write_text(
        text.replace("server app:7860;", servers).replace("listen 80;", f"listen 127.0.0.1:{port};")
    )
    main = work / "nginx.conf"
    main.write_text(NGINX_MAIN.format(work=work, site=site))
    return main


def missing() -> list[str]:
    """What this benchmark needs and cannot find."""
    needs = []
    if importlib.util.find_spec("limelight.backends") is None:
        needs.append("the Redis backend (limelight.backends)")
    if shutil.which("redis-server") is None:
        needs.append("redis-server (scripts/setup-dev)")
    if (shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")) is None:
        needs.append("nginx (scripts/setup-dev)")
    return needs


def _wait(port: int, process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while http_status(port, "/config") != 200:
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start")
        time.sleep(0.05)


@contextmanager
def _process(command: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines: list[bytes] = []
    threading.Thread(target=lambda: lines.extend(process.stdout or []), daemon=True).start()
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _pong(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextmanager
def _redis(work: Path) -> Iterator[str]:
    port = free_port()
    server = shutil.which("redis-server") or "redis-server"
    command = [server, "--bind", "127.0.0.1", "--port", str(port), "--dir", str(work)]
    with _process([*command, "--save", "", "--appendonly", "no"], dict(os.environ)):
        deadline = time.monotonic() + READY_SECONDS
        while not _pong(port):
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"


@contextmanager
def _app(ui: UI, workers: int, backend: str | None) -> Iterator[int]:
    """The calls app served by ``limelight run`` (``--workers``); gives its port."""
    port = free_port()
    env = ui.env()
    env.pop("LIMELIGHT_BACKEND", None)
    if backend is not None:
        env["LIMELIGHT_BACKEND"] = backend
    command = [ui.python, "-m", "limelight.cli", "run", str(APPS / "calls.py")]
    command += ["--port", str(port), "--workers", str(workers)]
    with _process(command, env) as process:
        _wait(port, process, f"limelight with {workers} worker(s)")
        yield port


@contextmanager
def _nginx(upstream_port: int, work: Path) -> Iterator[int]:
    port = free_port()
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin") or "nginx"
    config = nginx_config(work, [f"127.0.0.1:{upstream_port}"], port)
    with _process([nginx, "-p", str(work), "-c", str(config)], dict(os.environ)) as process:
        _wait(port, process, "nginx")
        yield port


async def _load(port: int, clients: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []

    async def client() -> None:
        conn = Connection(port)
        try:
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                await call_v2(conn, "echo_free", ARGS)
                latencies.append(time.perf_counter() - start)
        finally:
            conn.close()

    start = time.perf_counter()
    deadline = start + seconds
    await asyncio.gather(*(client() for _ in range(clients)))
    ranked = sorted(latencies)
    return {
        "calls_per_s": round(len(ranked) / (time.perf_counter() - start), 1),
        "p50_ms": round(statistics.median(ranked) * 1000, 2),
        "p99_ms": round(ranked[min(len(ranked) - 1, int(len(ranked) * 0.99))] * 1000, 2),
        "calls": len(ranked),
    }


async def _latency(port: int, calls: int) -> float:
    """The median milliseconds of one call, one after another on one connection."""
    conn = Connection(port)
    for _ in range(min(calls, 20)):
        await call_v2(conn, "echo_free", ARGS)
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        await call_v2(conn, "echo_free", ARGS)
        times.append((time.perf_counter() - start) * 1000)
    conn.close()
    return statistics.median(times)


def _measure(ui: UI, plan: Plan, work: Path, results: Results) -> None:
    with _redis(work) as redis_url:
        for key, workers, backend in [
            ("memory1", 1, None),
            *((f"redis{n}", n, redis_url) for n in plan.workers),
        ]:
            with _app(ui, workers, backend) as app, _nginx(app, work) as front:
                # A first round warms every worker up (imports, connections to Redis).
                asyncio.run(_load(front, plan.clients, min(plan.seconds, 1.0)))
                load = asyncio.run(_load(front, plan.clients, plan.seconds))
            results.add(f"scale_{key}_cps", ui.name, [load["calls_per_s"]], calls=load["calls"])
            results.add(f"scale_{key}_p99_ms", ui.name, [load["p99_ms"]], p50=load["p50_ms"])
        latency = {}
        for name, backend in (("memory", None), ("redis", redis_url)):
            with _app(ui, 1, backend) as app:
                latency[name] = asyncio.run(_latency(app, plan.calls))
    results.add("scale_redis_call_ms", ui.name, [latency["redis"] - latency["memory"]], **latency)


def run(ui: UI, plan: Plan, results: Results) -> None:
    """Measure this group's figures (limelight only); skipped when something is missing."""
    needs = missing()
    if needs:
        raise Skipped("scale-out needs " + ", ".join(needs))
    with tempfile.TemporaryDirectory(prefix="limelight-scaleout-") as work:
        _measure(ui, plan, Path(work), results)
