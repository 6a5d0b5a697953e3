"""Server figures over the raw protocol: latency, CPU per call, throughput, concurrency of
async functions, streaming and idle sessions (the ``calls`` app)."""

from __future__ import annotations

import asyncio
import resource
import statistics
import time
import uuid
from dataclasses import dataclass
from typing import Any

from limelight.client import Client as LimelightClient

from .env import UI
from .report import Figure, Results
from .servers import Server, cpu_seconds, rss_mib
from .wire import Connection, call_v2

__all__ = ["FIGURES", "Plan", "run"]

FIGURES = (
    Figure("call_ms", "call/v2 + SSE latency, trivial fn", "ms", target=2.0),
    Figure("call_cpu_ms", "server CPU per call", "ms", target=1.0),
    Figure("tput50_default", "throughput 50 clients, default limit", "calls/s", False, 1500),
    Figure("tput50_none", "throughput 50 clients, no limit", "calls/s", False, 1500),
    Figure("tput200_default", "throughput 200 clients, default limit", "calls/s", False, 1500),
    Figure("tput200_default_p50", "  latency p50 at 200, default limit", "s"),
    Figure("tput200_default_p99", "  latency p99 at 200, default limit", "s", target=0.5),
    Figure("tput200_none", "throughput 200 clients, no limit", "calls/s", False, 1500),
    Figure("tput200_none_p50", "  latency p50 at 200, no limit", "s"),
    Figure("tput200_none_p99", "  latency p99 at 200, no limit", "s", target=0.5),
    Figure("sleep100_s", "100 clients x async 1 s sleep, wall", "s", target=1.2),
    Figure("stream_first_ms", "streaming: first token", "ms", target=2.0),
    Figure("stream_tok_s", "streaming: tokens per second", "tok/s", False, 10_000),
    Figure("session_kib", "memory per idle session", "KiB", target=10),
    Figure("client_ms", "gradio_client.predict round trip", "ms"),
    Figure("limelight_client_ms", "limelight.Client.predict round trip", "ms", target=10.0),
)

ARGS = {"text": "hi"}


@dataclass(frozen=True)
class Plan:
    """Bounds of every load this group generates."""

    latency_batches: int = 5
    latency_calls: int = 100
    load_seconds: float = 5.0
    load_runs: int = 3
    clients: tuple[int, ...] = (50, 200)
    nap_runs: int = 3
    streams: int = 20
    sessions: int = 1000
    client_calls: int = 50


async def _latency(server: Server, plan: Plan, results: Results) -> None:
    conn = Connection(server.port)
    for _ in range(20):
        await call_v2(conn, "echo", ARGS)
    latencies, cpu = [], []
    for _ in range(plan.latency_batches):
        before = cpu_seconds(server.pid)
        for _ in range(plan.latency_calls):
            start = time.perf_counter()
            await call_v2(conn, "echo", ARGS)
            latencies.append((time.perf_counter() - start) * 1000)
        cpu.append((cpu_seconds(server.pid) - before) / plan.latency_calls * 1000)
    conn.close()
    results.add("call_ms", server.ui.name, latencies)
    results.add("call_cpu_ms", server.ui.name, cpu)


async def _client(port: int, api: str, deadline: float, latencies: list[float]) -> None:
    conn = Connection(port)
    try:
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            await call_v2(conn, api, ARGS)
            latencies.append(time.perf_counter() - start)
    finally:
        conn.close()


async def _load(server: Server, api: str, clients: int, seconds: float) -> dict[str, float]:
    """``clients`` loops calling ``api`` until ``seconds`` pass; each finishes its call."""
    latencies: list[float] = []
    own_before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before, start = cpu_seconds(server.pid), time.perf_counter()
    deadline = start + seconds
    tasks = [_client(server.port, api, deadline, latencies) for _ in range(clients)]
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + 60)
    wall = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF)
    own_cpu = own.ru_utime + own.ru_stime - own_before.ru_utime - own_before.ru_stime
    ranked = sorted(latencies)
    return {
        "calls_per_s": len(latencies) / wall,
        "p50": statistics.median(ranked),
        "p99": ranked[min(len(ranked) - 1, int(len(ranked) * 0.99))],
        "server_cpu_pct": (cpu_seconds(server.pid) - cpu_before) / wall * 100,
        "client_cpu_pct": own_cpu / wall * 100,
        "calls": len(latencies),
    }


async def _throughput(server: Server, plan: Plan, results: Results) -> None:
    for api, limit in (("echo", "default"), ("echo_free", "none")):
        await _load(server, api, 10, 1.0)
        for clients in plan.clients:
            runs = [
                await _load(server, api, clients, plan.load_seconds) for _ in range(plan.load_runs)
            ]
            key = f"tput{clients}_{limit}"
            results.add(
                key,
                server.ui.name,
                [r["calls_per_s"] for r in runs],
                server_cpu_pct=[round(r["server_cpu_pct"]) for r in runs],
                client_cpu_pct=[round(r["client_cpu_pct"]) for r in runs],
            )
            if clients >= 200:
                results.add(f"{key}_p50", server.ui.name, [r["p50"] for r in runs])
                results.add(f"{key}_p99", server.ui.name, [r["p99"] for r in runs])


async def _nap(server: Server, plan: Plan, results: Results) -> None:
    walls = []
    for _ in range(plan.nap_runs):
        conns = [Connection(server.port) for _ in range(100)]
        start = time.perf_counter()
        await asyncio.wait_for(
            asyncio.gather(*(call_v2(conn, "nap", ARGS) for conn in conns)), timeout=60
        )
        walls.append(time.perf_counter() - start)
        for conn in conns:
            conn.close()
    results.add("sleep100_s", server.ui.name, walls)


async def _streaming(server: Server, plan: Plan, results: Results) -> None:
    conn = Connection(server.port)
    await call_v2(conn, "tokens", ARGS)
    firsts, rates = [], []
    for _ in range(plan.streams):
        start = time.perf_counter()
        events = await call_v2(conn, "tokens", ARGS)
        tokens = [e for e in events if e.name == "generating"]
        if len(tokens) < 100:
            raise RuntimeError(f"expected 100 streamed tokens, got {len(tokens)}")
        firsts.append((tokens[0].at - start) * 1000)
        rates.append(len(tokens) / (tokens[-1].at - start))
    conn.close()
    results.add("stream_first_ms", server.ui.name, firsts)
    results.add("stream_tok_s", server.ui.name, rates)


async def _sessions(server: Server, plan: Plan, results: Results) -> None:
    conns = [Connection(server.port) for _ in range(plan.sessions)]
    await asyncio.sleep(1.0)
    before = rss_mib(server.pid)
    for conn in conns:
        await conn.open_stream(f"/gradio_api/heartbeat/{uuid.uuid4()}")
    await asyncio.sleep(2.0)
    after = rss_mib(server.pid)
    for conn in conns:
        conn.close()
    per = (after - before) * 1024 / plan.sessions
    results.add("session_kib", server.ui.name, [per], sessions=plan.sessions)


def _predict_ms(client: Any, calls: int) -> list[float]:
    """Milliseconds of ``calls`` round trips of ``client.predict`` after one warm-up."""
    client.predict("hi", api_name="/echo")
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        client.predict("hi", api_name="/echo")
        times.append((time.perf_counter() - start) * 1000)
    return times


def _client_round_trips(server: Server, plan: Plan, results: Results) -> None:
    """The official ``gradio_client`` (the one installed here, for both servers), then
    limelight's own ``Client``: the same calls against the same server."""
    from gradio_client import Client  # the suite's own dependency; only this figure needs it

    client = Client(server.url, verbose=False)
    results.add("client_ms", server.ui.name, _predict_ms(client, plan.client_calls))
    client.close()
    with LimelightClient(server.url, verbose=False) as ours:
        results.add("limelight_client_ms", server.ui.name, _predict_ms(ours, plan.client_calls))


async def _raw_figures(server: Server, plan: Plan, results: Results) -> None:
    await _latency(server, plan, results)
    await _streaming(server, plan, results)
    await _nap(server, plan, results)
    await _throughput(server, plan, results)


def run(ui: UI, plan: Plan, results: Results) -> None:
    """Measure this group's figures for ``ui``; idle sessions get a fresh server."""
    with Server(ui, "calls") as server:
        _client_round_trips(server, plan, results)
        asyncio.run(_raw_figures(server, plan, results))
    with Server(ui, "calls") as server:
        asyncio.run(_sessions(server, plan, results))
