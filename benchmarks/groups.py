"""The figure groups of ``python -m benchmarks``: what each measures, its figures, and its
quick and full plans. The default groups run when none is named; the slow browser groups and
the limelight-only ones run when asked for (``--only NAME`` or ``--all``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import audio, calls, chat, dataframe, frontend, page, scaleout, startup
from .env import UI
from .report import Figure, Results

__all__ = ["GROUPS", "Group"]


@dataclass(frozen=True)
class Group:
    """One group: ``run(ui, plan, results)`` measures its figures for one library."""

    name: str
    about: str
    run: Callable[[UI, Any, Results], None]
    figures: tuple[Figure, ...]
    quick: Any
    full: Any
    """Each full round takes about half of the samples: two rounds, in opposite orders."""
    default: bool = True

    @property
    def limelight_only(self) -> bool:
        """True when Gradio can give none of its figures (it then runs for limelight only)."""
        return all(figure.gradio_na for figure in self.figures)


GROUPS = {
    group.name: group
    for group in (
        Group(
            "startup",
            "import time, start-up, idle memory and CPU (hello app)",
            startup.run,
            startup.FIGURES,
            quick=startup.Plan(imports=3, startups=2, settle_s=1.0, idle_s=3.0),
            full=startup.Plan(imports=3, startups=3, idle_s=5.0),
        ),
        Group(
            "calls",
            "call latency and CPU, throughput, streaming, sessions, client round trips",
            calls.run,
            calls.FIGURES,
            quick=calls.Plan(
                latency_batches=2,
                latency_calls=100,
                load_seconds=1.5,
                load_runs=1,
                nap_runs=1,
                streams=5,
                sessions=200,
                client_calls=10,
            ),
            full=calls.Plan(
                latency_batches=3,
                load_seconds=4.0,
                load_runs=2,
                nap_runs=2,
                streams=10,
                client_calls=25,
            ),
        ),
        Group(
            "page",
            "page weight, requests, time to interactive; the large app (chromium)",
            page.run,
            page.FIGURES,
            quick=page.Plan(hello_loads=2, large_loads=1, settle_s=0.5),
            full=page.Plan(hello_loads=3, large_loads=2),
        ),
        Group(
            "chat",
            "a reply streamed into a 200-message Chatbot at 10 ms a token (chromium), "
            "and server CPU per yield at 0, 50, 200 messages",
            chat.run,
            chat.FIGURES,
            quick=chat.Plan(tokens=300, server_tokens=200),
            full=chat.Plan(),
            default=False,
        ),
        Group(
            "dataframe",
            "a 100,000 x 10 Dataframe: first rows on load and on a click, scroll frames, JS heap "
            "(chromium)",
            dataframe.run,
            dataframe.FIGURES,
            quick=dataframe.Plan(loads=1),
            full=dataframe.Plan(loads=2),
            default=False,
        ),
        Group(
            "audio",
            "streaming audio: click to first scheduled chunk (chromium; limelight only)",
            audio.run,
            audio.FIGURES,
            quick=audio.Plan(runs=3),
            full=audio.Plan(runs=10),
            default=False,
        ),
        Group(
            "scaleout",
            "1, 2, 4 processes on Redis behind nginx against one in memory (limelight only)",
            scaleout.run,
            scaleout.FIGURES,
            quick=scaleout.Plan(seconds=1.0, clients=20, workers=(1, 2), calls=50),
            full=scaleout.Plan(),
            default=False,
        ),
        Group(
            "frontend",
            "npm run bench's micro-benchmarks, gzip size of the entry and each lazy chunk "
            "(limelight only)",
            frontend.run,
            frontend.FIGURES,
            quick=frontend.Plan(),
            full=frontend.Plan(),
            default=False,
        ),
    )
}
