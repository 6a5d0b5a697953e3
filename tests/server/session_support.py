"""What the session tests share: a store that keeps every session as bytes (as a store
outside the process does), a client of an app served with it, and an app whose render makes
keyed listeners."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

import limelight as gr
from limelight.app.session_data import SessionData
from limelight.server import create_app
from limelight.server.sessions import (
    InMemorySessionStore,
    SessionConflict,
    SessionStore,
    dump_session,
    load_session,
)

__all__ = ["PicklingSessionStore", "keyed_app", "pickling_client"]


class PicklingSessionStore(InMemorySessionStore):
    """The in-memory store's bookkeeping, but every session kept as ``dump_session`` bytes
    and every load a fresh copy: what a store outside the process (Redis) does."""

    def __init__(self, ttl: float = 3600.0, capacity: int = 10000) -> None:
        super().__init__(ttl, capacity)
        self._blobs: dict[str, bytes] = {}

    async def load(self, session_hash: str) -> SessionData:
        blob = self._blobs.get(session_hash)
        data = load_session(blob) if blob is not None else SessionData()
        self._touch(session_hash, data)
        return data

    async def save(self, session_hash: str, data: SessionData) -> None:
        blob = self._blobs.get(session_hash)
        stored = load_session(blob).version if blob is not None else 0
        if stored != data.version:
            raise SessionConflict(session_hash, data.version, stored)
        data.version += 1
        self._blobs[session_hash] = dump_session(data)
        self._touch(session_hash, data)

    async def commit(self, session_hash: str, data: SessionData) -> SessionData:
        return await SessionStore.commit(self, session_hash, data)

    async def delete(self, session_hash: str) -> None:
        await super().delete(session_hash)
        self._blobs.pop(session_hash, None)

    async def expire(self) -> list[SessionData]:
        gone = await super().expire()
        live = set(self._sessions)
        self._blobs = {key: blob for key, blob in self._blobs.items() if key in live}
        return gone


def keyed_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        text = gr.Textbox()

        @gr.render(inputs=text)
        def show(value: str) -> None:
            for letter in value:
                box = gr.Textbox(letter, key=f"box-{letter}")
                out = gr.Textbox()
                gr.Button("up", key=f"button-{letter}").click(
                    lambda v, letter=letter: v.upper() + letter, box, out, key=f"up-{letter}"
                )

    return demo


@asynccontextmanager
async def pickling_client(demo: gr.Blocks) -> AsyncIterator[httpx.AsyncClient]:
    """A client of ``demo`` served with a ``PicklingSessionStore``: every load a copy, as
    from a store outside the process (Redis)."""
    app = create_app(demo)
    app.state.services.sessions = PicklingSessionStore()
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            yield client
