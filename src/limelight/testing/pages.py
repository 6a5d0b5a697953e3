"""``AsyncPage``: one browser session of an app, driven in-process through the real protocol.

A page does what the browser's page does, over the same routes: it reads ``/config``, keeps
each component's value and props, fires the ``load`` listeners when it opens, sends the
inputs' values when a listener fires (``queue/join`` and the session's event stream, or
``run/predict`` for ``queue=False``), applies the outputs (``gr.update`` included), then
runs the listeners chained after it (``.then``, ``.success``, ``.failure``) and the
``change`` listeners of the components whose value changed. Events run one after another,
so a test reads a settled page; listeners that are JavaScript only (``js=`` without a
Python function) run in a browser and are not run here.
"""

from __future__ import annotations

import mimetypes
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

from limelight.app.session_data import SessionData
from limelight.components.state import State
from limelight.core.block import Block
from limelight.server.services import Services
from limelight.testing.results import EventResult, ShownError, Toast, parse_event_stream

__all__ = ["AsyncPage", "Connection", "EventRefused", "Target"]

API = "/gradio_api"

Target = Block | int
"""A component (or any block) of the app, or the id of one (a rendered one, from ``find``)."""


class EventRefused(Exception):
    """The server refused to run an event (an unknown endpoint, a payload of the wrong shape,
    a full queue): the answer's status and its ``detail``."""

    def __init__(self, status_code: int, detail: Any) -> None:
        super().__init__(f"{status_code}: {detail}")
        self.status_code = status_code
        self.detail = detail


class Connection:
    """The in-process client and services of a running app, which its pages share; set
    once the app has started."""

    def __init__(self) -> None:
        self._client: httpx.AsyncClient | None = None
        self._services: Services | None = None

    def connect(self, client: httpx.AsyncClient, services: Services) -> None:
        """The app has started: its pages talk to it through ``client``."""
        self._client, self._services = client, services

    @property
    def client(self) -> httpx.AsyncClient:
        """The httpx client talking to the app in-process."""
        if self._client is None:
            raise RuntimeError("the app has not started: enter the tester first (with/async with)")
        return self._client

    @property
    def services(self) -> Services:
        """The app's queue, sessions and stores."""
        if self._services is None:
            raise RuntimeError("the app has not started: enter the tester first (with/async with)")
        return self._services


def _block_id(target: Target) -> int:
    return target if isinstance(target, int) else target.id


class AsyncPage:
    """One session of the app (a browser tab): its component values, and every event it ran.

    Made by ``AsyncAppTester`` (which is itself the first page) and ``new_page()``."""

    def __init__(self, connection: Connection, session_hash: str | None = None) -> None:
        self.session_hash = session_hash or uuid.uuid4().hex[:11]
        self.history: list[EventResult] = []
        """Every event the page ran, in the order they ran."""
        self._connection = connection
        self._components: dict[int, dict[str, Any]] = {}
        self._props: dict[int, dict[str, Any]] = {}
        self._dependencies: dict[int, dict[str, Any]] = {}
        self._rendered: dict[int, list[int]] = {}
        """The component ids each render container's last run made."""
        self._running: dict[int, set[str]] = {}
        """The ids of the page's events waiting or running, by listener."""

    @property
    def client(self) -> httpx.AsyncClient:
        """The httpx client talking to the app in-process, for requests of a test's own."""
        return self._connection.client

    async def open(self) -> None:
        """Read the config as the page does and run the app's ``load`` listeners."""
        response = await self.client.get("/config")
        response.raise_for_status()
        config = response.json()
        self._add_config(config["components"], config["dependencies"])
        for dependency in self._listeners(0, "load"):
            await self._run(dependency, trigger_id=None)

    # What the page shows

    def value(self, target: Target) -> Any:
        """The payload the page holds for ``target`` (a component's value as it travels: a
        ``FileData`` dict for a file, a list of message dicts for a chatbot)."""
        return self.props(target).get("value")

    def props(self, target: Target) -> dict[str, Any]:
        """``target``'s props as the page holds them, after every ``gr.update`` so far."""
        block_id = _block_id(target)
        if block_id not in self._props:
            raise LookupError(f"the page has no block {block_id}")
        return self._props[block_id]

    def find(self, **props: Any) -> int:
        """The id of the one component whose props hold these values (``label="Name"``,
        ``elem_id="out"``, ``value="Go"`` for a button's text), and whose ``type`` is the
        one given (``type="button"``): how a test reaches what ``@gr.render`` made."""
        kind = props.pop("type", None)
        found = [
            block_id
            for block_id, held in self._props.items()
            if all(held.get(k) == v for k, v in props.items())
            and (kind is None or self._components[block_id]["type"] == kind)
        ]
        if len(found) != 1:
            raise LookupError(f"{len(found)} components match {props} (type {kind!r})")
        return found[0]

    @property
    def toasts(self) -> list[Toast]:
        """Every toast the page's events showed (``gr.Info``, ``gr.Warning``, ...), in order."""
        return [toast for result in self.history for toast in result.toasts]

    @property
    def errors(self) -> list[ShownError]:
        """Every error the page's events ended with, in order."""
        return [result.error for result in self.history if result.error is not None]

    async def state(self, state: State) -> Any:
        """The session's value of ``state``, as the server keeps it (it never travels)."""
        session: SessionData = await self._connection.services.sessions.load(self.session_hash)
        return session.state_value(state)

    # What a user does

    async def set(self, target: Target, value: Any) -> list[EventResult]:
        """Set ``target``'s value as a user does, then run its ``input`` listeners and, when
        the value changed, its ``change`` listeners; gives their results. A
        ``pathlib.Path`` (or a list of them) is uploaded first and set as ``FileData``."""
        block_id = _block_id(target)
        payload = await self._uploaded(value)
        props = self.props(block_id)
        changed, props["value"] = props.get("value") != payload, payload
        results = [await self._run(dep, block_id) for dep in self._listeners(block_id, "input")]
        if changed:
            for dependency in self._listeners(block_id, "change"):
                results.append(await self._run(dependency, block_id))
        return results

    async def click(self, target: Target) -> EventResult:
        """Click ``target`` (a button): runs its ``click`` listeners."""
        return await self.trigger(target, "click")

    async def submit(self, target: Target) -> EventResult:
        """Press Enter in ``target`` (a textbox, a chat input): runs its ``submit`` listeners."""
        return await self.trigger(target, "submit")

    async def trigger(
        self, target: Target | str, event: str = "click", *, event_data: Any = None
    ) -> EventResult:
        """Fire ``event`` on ``target`` with the page's values as inputs; ``event_data`` is
        what the browser sends with it (``{"index": 1, "value": "b", "selected": True}`` for
        a select). A string ``target`` names a listener by ``api_name`` instead. Gives the
        result of the first listener (the others, and what ran after each, are in
        ``history`` and the result's ``then``). A listener's ``cancels`` stop the page's
        running events it names first; one without a Python function that only cancels (a
        Stop button) gives an empty result."""
        if isinstance(target, str):
            return await self._run(self._by_api_name(target), None, event_data)
        block_id = _block_id(target)
        fired = [d for d in self._dependencies.values() if [block_id, event] in d["targets"]]
        for dependency in fired:
            if not dependency["backend_fn"]:
                await self._cancel(dependency)
        listeners = [dependency for dependency in fired if dependency["backend_fn"]]
        if not listeners:
            cancelling = [dependency for dependency in fired if dependency["cancels"]]
            if cancelling:
                return EventResult(cancelling[0]["id"], cancelling[0]["api_name"])
            raise LookupError(f"block {block_id} has no Python listener for {event!r}")
        results = [await self._run(dep, block_id, event_data) for dep in listeners]
        return results[0]

    async def call(self, api_name: str, *args: Any) -> EventResult:
        """Call the endpoint ``api_name`` as an API client does: ``args`` are its parameters
        (State and button inputs left out, as ``gradio_client`` takes them). The page's
        values are neither read nor changed."""
        dependency = self._by_api_name(api_name)
        parameters = [i for i in dependency["inputs"] if not self._components[i]["skip_api"]]
        if len(args) != len(parameters):
            raise TypeError(f"{api_name!r} takes {len(parameters)} arguments, not {len(args)}")
        given = dict(zip(parameters, [await self._uploaded(arg) for arg in args]))
        data = [given.get(i) for i in dependency["inputs"]]
        return await self._run(dependency, None, data=data, apply=False)

    # Files

    async def upload(self, file: Path | str | bytes, name: str | None = None) -> dict[str, Any]:
        """Upload a file (a path, or bytes named ``name``) as the page does; gives the
        ``FileData`` payload an input sends for it (``docs/protocol.md §7.1``)."""
        if isinstance(file, bytes):
            content, filename = file, name or "file"
        else:
            content, filename = Path(file).read_bytes(), name or Path(file).name
        response = await self.client.post(f"{API}/upload", files=[("files", (filename, content))])
        if response.status_code != 200:
            raise EventRefused(response.status_code, response.text)
        return {
            "path": response.json()[0],
            "orig_name": filename,
            "size": len(content),
            "mime_type": mimetypes.guess_type(filename)[0],
            "meta": {"_type": "gradio.FileData"},
        }

    async def download(self, file: dict[str, Any] | str) -> bytes:
        """The bytes of a file an output holds (its ``FileData`` dict, or its path)."""
        path = file if isinstance(file, str) else file["path"]
        response = await self.client.get(f"{API}/file={path}")
        response.raise_for_status()
        return response.content

    async def _uploaded(self, value: Any) -> Any:
        if isinstance(value, Path):
            return await self.upload(value)
        if isinstance(value, list) and value and all(isinstance(v, Path) for v in value):
            return [await self.upload(v) for v in value]
        return value

    # Running listeners

    def _listeners(self, block_id: int, event: str) -> list[dict[str, Any]]:
        return [
            dep
            for dep in self._dependencies.values()
            if [block_id, event] in dep["targets"] and dep["backend_fn"]
        ]

    def _by_api_name(self, api_name: str) -> dict[str, Any]:
        name = api_name.removeprefix("/")
        for dependency in self._dependencies.values():
            if dependency["api_name"] == name:
                return dependency
        raise LookupError(f"no listener has api_name {name!r}")

    async def _run(
        self,
        dependency: dict[str, Any],
        trigger_id: int | None,
        event_data: Any = None,
        *,
        data: list[Any] | None = None,
        apply: bool = True,
    ) -> EventResult:
        await self._cancel(dependency)
        if data is None:
            data = self._inputs(dependency)
        body = {
            "data": data,
            "fn_index": dependency["id"],
            "session_hash": self.session_hash,
            "event_data": event_data,
            "trigger_id": trigger_id,
        }
        if dependency["queue"] is False:
            result = await self._predict(dependency, body)
        else:
            result = await self._queued(dependency, body)
        self.history.append(result)
        if apply:
            await self._after(dependency, result)
        return result

    async def _cancel(self, dependency: dict[str, Any]) -> None:
        """Cancel the page's running events of the listeners ``dependency`` cancels, as the
        page does before it runs (docs/protocol.md §6.3)."""
        for fn_index in dependency.get("cancels") or []:
            for event_id in list(self._running.get(fn_index, ())):
                body = {"fn_index": fn_index, "session_hash": self.session_hash}
                await self.client.post(f"{API}/cancel", json={**body, "event_id": event_id})

    def _inputs(self, dependency: dict[str, Any]) -> list[Any]:
        """What the page sends for the listener's inputs: null for State (the server keeps
        it, docs/protocol.md §3.1) and ``{"value": ...}`` for an input the function takes as
        a component (``x: gr.Number``), whose props the server keeps too."""
        wrapped = set(dependency.get("component_prop_inputs") or [])
        data = []
        for index, block_id in enumerate(dependency["inputs"]):
            value = None
            if self._components[block_id]["type"] != "state":
                value = self._props[block_id].get("value")
            data.append({"value": value} if index in wrapped else value)
        return data

    async def _queued(self, dependency: dict[str, Any], body: dict[str, Any]) -> EventResult:
        joined = await self.client.post(f"{API}/queue/join", json=body)
        if joined.status_code != 200:
            raise EventRefused(joined.status_code, joined.json().get("detail"))
        event_id = joined.json()["event_id"]
        if dependency.get("connection") == "stream":
            # A media stream's first chunk travels with the join; closing the stream at once
            # makes it a stream of that one chunk (docs/protocol.md §4.4).
            await self.client.post(f"{API}/stream/{event_id}/close")
        running = self._running.setdefault(dependency["id"], set())
        running.add(event_id)
        try:
            stream = await self.client.get(
                f"{API}/queue/data", params={"session_hash": self.session_hash}
            )
        finally:
            running.discard(event_id)
        messages = parse_event_stream(stream.text)
        own = [m for m in messages if m.get("event_id") == event_id]
        if not any(m.get("msg") == "process_completed" for m in own):
            raise RuntimeError(f"the event stream ended before event {event_id} did: {messages}")
        return EventResult.from_messages(dependency["id"], dependency["api_name"], own)

    async def _predict(self, dependency: dict[str, Any], body: dict[str, Any]) -> EventResult:
        response = await self.client.post(f"{API}/run/predict", json=body)
        if response.status_code not in (200, 500):
            raise EventRefused(response.status_code, response.json().get("detail"))
        result = EventResult(dependency["id"], dependency["api_name"])
        result.finish(response.json(), success=response.status_code == 200)
        return result

    async def _after(self, dependency: dict[str, Any], result: EventResult) -> None:
        """Apply the outputs, then run what the page runs after an event."""
        changed = self._apply(dependency["outputs"], result)
        for chained in self._dependencies.values():
            if chained["trigger_after"] == dependency["id"] and chained["backend_fn"]:
                if chained["trigger_only_on_success"] and not result.ok:
                    continue
                if chained["trigger_only_on_failure"] and result.error is None:
                    continue
                result.then.append(await self._run(chained, None))
        for block_id in changed:
            for listener in self._listeners(block_id, "change"):
                result.then.append(await self._run(listener, block_id))

    def _apply(self, outputs: Sequence[int], result: EventResult) -> list[int]:
        """Put each step of ``result``, then its outputs, on the page, as the page shows
        them; gives the ids whose value changed."""
        if result.render_config is not None:
            self._add_render(result.render_config)
        before = {i: self._props[i].get("value") for i in outputs if i in self._props}
        for data in [*result.steps, *([result.data] if result.ok else [])]:
            for block_id, payload in zip(outputs, data):
                self._show(block_id, payload)
        changed = [i for i in result.changed_state_ids if i in self._props]
        return changed + [i for i, old in before.items() if self._props[i].get("value") != old]

    def _show(self, block_id: int, payload: Any) -> None:
        if self._components[block_id]["type"] == "state":
            return
        props = self._props[block_id]
        if isinstance(payload, dict) and payload.get("__type__") == "update":
            props.update({k: v for k, v in payload.items() if k != "__type__"})
        else:
            props["value"] = payload

    def _add_config(
        self, components: list[dict[str, Any]], dependencies: list[dict[str, Any]]
    ) -> None:
        for component in components:
            self._components[component["id"]] = component
            self._props[component["id"]] = dict(component.get("props") or {})
        for dependency in dependencies:
            self._dependencies[dependency["id"]] = dependency

    def _add_render(self, render_config: dict[str, Any]) -> None:
        # A render run replaces what its previous run made (components with a ``key`` the
        # new run made again come back in its config, with the value they keep).
        container = render_config["id"]
        for block_id in self._rendered.pop(container, []):
            self._components.pop(block_id, None)
            self._props.pop(block_id, None)
        for fn_index in [
            i for i, dep in self._dependencies.items() if dep.get("rendered_in") == container
        ]:
            del self._dependencies[fn_index]
        self._add_config(render_config["components"], render_config["dependencies"])
        self._rendered[container] = [c["id"] for c in render_config["components"]]
