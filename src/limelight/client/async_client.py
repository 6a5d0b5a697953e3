"""``AsyncClient``: calls an app's endpoints over its queue (docs/protocol.md §3), on an
event loop.

One session per client, as ``gradio_client`` keeps: State lives on across calls. Every
call joins the queue; one reader of the session's event stream hands each message to the
job it names, so waiting for a result costs no polling: the job wakes when its message
arrives.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import uuid
from pathlib import Path
from typing import Any

import httpx

from limelight.client.endpoints import Endpoint, describe, find_endpoint, read_endpoints
from limelight.client.files import download_files, upload_files
from limelight.client.job import AppError, AsyncJob, OutputHook

__all__ = ["DEFAULT_DOWNLOAD_DIR", "AsyncClient", "QueueError"]

DEFAULT_DOWNLOAD_DIR = Path(tempfile.gettempdir()) / "limelight-client"
"""Where returned files are saved unless the client is told otherwise."""


class QueueError(Exception):
    """The app's queue is full (``queue(max_size=)``): try again later."""


def _base_url(src: str) -> str:
    if not src.startswith(("http://", "https://")):
        raise ValueError(
            f"{src!r} is not a URL: limelight's client connects to a running app by its URL "
            "(http://... or https://...); Hugging Face Space names are not supported"
        )
    return src.rstrip("/")


def _detail(response: httpx.Response) -> str:
    """The reason a refusal gives (``{"detail": ...}``), else its text."""
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        detail = None
    return str(detail) if detail else f"{response.status_code} {response.text}"


class AsyncClient:
    """A client of one limelight or Gradio app, for asyncio code.

    ``AsyncClient("http://127.0.0.1:7860")`` connects on first use (or ``await
    client.connect()``); ``await client.predict(*args, api_name="/x")`` calls an endpoint,
    ``client.submit(...)`` starts a call and gives its ``AsyncJob``. ``auth=(user,
    password)`` logs in first; files returned go to ``download_files`` (a folder, or False
    to get the ``FileData`` payloads as they are); ``ssl_verify=False`` accepts an https
    app's self-signed certificate; ``httpx_kwargs`` go to the ``httpx.AsyncClient``. Close
    it with ``await client.close()`` or ``async with``.
    """

    def __init__(
        self,
        src: str,
        *,
        auth: tuple[str, str] | None = None,
        headers: dict[str, str] | None = None,
        download_files: str | Path | bool = DEFAULT_DOWNLOAD_DIR,
        ssl_verify: bool = True,
        httpx_kwargs: dict[str, Any] | None = None,
    ) -> None:
        self.src = _base_url(src)
        self.session_hash = uuid.uuid4().hex
        self.config: dict[str, Any] = {}
        self.info: dict[str, Any] = {}
        self.endpoints: list[Endpoint] = []
        self._auth = auth
        folder = DEFAULT_DOWNLOAD_DIR if download_files is True else download_files
        self._downloads = Path(folder) if folder else None
        options: dict[str, Any] = {
            "timeout": httpx.Timeout(60.0, read=None),
            "verify": ssl_verify,
            **(httpx_kwargs or {}),
        }
        self._http = httpx.AsyncClient(
            headers={"x-gradio-user": "api", **(headers or {})}, **options
        )
        self._api = self.src + "/gradio_api"
        self._connected = False
        self._jobs: dict[str, AsyncJob] = {}
        self._early: dict[str, list[dict[str, Any]]] = {}
        self._reader: asyncio.Task[None] | None = None

    async def __aenter__(self) -> AsyncClient:
        await self.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def connect(self) -> None:
        """Log in when asked to, then read the app's config and API description."""
        if self._connected:
            return
        try:
            if self._auth is not None:
                login = await self._http.post(
                    self.src + "/login",
                    data={"username": self._auth[0], "password": self._auth[1]},
                )
                if login.status_code != 200:
                    raise ValueError(f"could not log in to {self.src}: {login.text.strip()}")
            config = await self._http.get(self.src + "/config")
            if config.status_code == 401:
                raise ValueError(f"{self.src} needs a login: pass auth=(username, password)")
            config.raise_for_status()
            self.config = config.json()
            self._api = self.src + str(self.config.get("api_prefix") or "/gradio_api")
            # Every endpoint's parameters, undocumented ones too (they can be called by
            # name); ``info`` keeps the public ones, as view_api shows them.
            info = await self._http.get(self._api + "/info", params={"all_endpoints": "true"})
            info.raise_for_status()
            every = info.json()
        except httpx.TransportError as exc:
            raise ConnectionError(f"could not reach {self.src}: {exc}") from exc
        except (httpx.HTTPStatusError, json.JSONDecodeError) as exc:
            raise ConnectionError(f"{self.src} does not look like a Gradio app: {exc}") from exc
        self.endpoints = read_endpoints(self.config, every)
        named = every.get("named_endpoints", {})
        self.info = {
            **every,
            "named_endpoints": {
                name: entry
                for name, entry in named.items()
                if entry.get("api_visibility", "public") == "public"
            },
        }
        self._connected = True

    async def close(self) -> None:
        """Stop reading the session's stream and close the connections; jobs still
        running end with a ``ConnectionError``."""
        if self._reader is not None:
            self._reader.cancel()
        for job in self._jobs.values():
            job.fail(ConnectionError("the client was closed before the job finished"))
        self._jobs.clear()
        await self._http.aclose()

    async def view_api(self) -> dict[str, Any]:
        """The app's API description (``/info``): named endpoints, parameters, returns."""
        await self.connect()
        return self.info

    async def describe(self) -> str:
        """``view_api``'s text: each endpoint with its parameters and returns."""
        await self.connect()
        return describe(self.info, self.src)

    async def predict(
        self,
        *args: Any,
        api_name: str | None = None,
        fn_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Call an endpoint and give its result (for a generator, its last value)."""
        job = await self.submit(*args, api_name=api_name, fn_index=fn_index, **kwargs)
        return await job.result()

    async def submit(
        self,
        *args: Any,
        api_name: str | None = None,
        fn_index: int | None = None,
        **kwargs: Any,
    ) -> AsyncJob:
        """Start a call and give its job at once; the job follows it to its end."""
        await self.connect()
        endpoint = find_endpoint(self.endpoints, api_name, fn_index)
        data = await upload_files(self._http, self._api, endpoint.arguments(args, kwargs))
        job = AsyncJob(endpoint, self._shape(endpoint))
        await self._join(job, data)
        return job

    def reset_session(self) -> None:
        """Start a new session: State values of earlier calls are not seen again."""
        self.session_hash = uuid.uuid4().hex

    def _shape(self, endpoint: Endpoint) -> OutputHook:
        async def shape(data: list[Any]) -> Any:
            if self._downloads is not None:
                data = await download_files(self._http, data, self._downloads)
            return endpoint.shown(data)

        return shape

    async def _join(self, job: AsyncJob, data: list[Any]) -> None:
        body = {
            "data": data,
            "fn_index": job.endpoint.fn_index,
            "session_hash": self.session_hash,
            "event_data": None,
            "trigger_id": None,
        }
        response = await self._http.post(self._api + "/queue/join", json=body)
        if response.status_code == 503:
            raise QueueError(f"the queue of {self.src} is full")
        if 400 <= response.status_code < 500:  # the server refused these arguments
            raise ValueError(f"{job.endpoint.label}: {_detail(response)}")
        if response.status_code != 200:
            raise AppError(f"{job.endpoint.label}: {response.status_code} {response.text}")
        event_id = str(response.json()["event_id"])
        session_hash = self.session_hash

        async def cancel() -> None:
            await self._http.post(
                self._api + "/cancel",
                json={
                    "event_id": event_id,
                    "session_hash": session_hash,
                    "fn_index": job.endpoint.fn_index,
                },
            )

        job.started(event_id, cancel)
        self._jobs[event_id] = job
        for message in self._early.pop(event_id, []):
            await self._deliver(message)
        if self._reader is None or self._reader.done():
            self._reader = asyncio.create_task(self._read())

    async def _deliver(self, message: dict[str, Any]) -> None:
        event_id = message.get("event_id")
        job = self._jobs.get(str(event_id))
        if job is None:  # its join's answer is still on the way
            self._early.setdefault(str(event_id), []).append(message)
        elif await job.feed(message):
            del self._jobs[str(event_id)]

    async def _read(self) -> None:
        """Read the session's stream until it has no job left (§3.2); a new join while the
        stream closes opens it again."""
        try:
            while self._jobs:
                await self._read_stream()
        except (httpx.HTTPError, ValueError, ConnectionError) as exc:
            for job in self._jobs.values():
                job.fail(ConnectionError(f"the event stream of {self.src} broke: {exc}"))
            self._jobs.clear()

    async def _read_stream(self) -> None:
        params = {"session_hash": self.session_hash}
        async with self._http.stream("GET", self._api + "/queue/data", params=params) as stream:
            stream.raise_for_status()
            async for line in stream.aiter_lines():
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                kind = message.get("msg")
                if kind == "close_stream":
                    return
                if kind == "unexpected_error":
                    raise ConnectionError(str(message.get("message")))
                if kind != "heartbeat":
                    await self._deliver(message)
