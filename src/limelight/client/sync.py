"""``Client`` and ``Job``: ``AsyncClient`` for code that does not use asyncio.

Every client shares one event loop in a daemon thread, started with the first client. A
blocking call hands its coroutine to that loop and waits on the answer's future, and a
``Job`` waits on a condition its ``AsyncJob`` notifies: no thread ever polls.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine, Iterator
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from limelight.client.async_client import DEFAULT_DOWNLOAD_DIR, AsyncClient
from limelight.client.job import AsyncJob, StatusUpdate

__all__ = ["Client", "Job"]

T = TypeVar("T")

_loop: asyncio.AbstractEventLoop | None = None
_loop_lock = threading.Lock()


def _shared_loop() -> asyncio.AbstractEventLoop:
    global _loop
    with _loop_lock:
        if _loop is None:
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="limelight-client", daemon=True).start()
            _loop = loop
        return _loop


def _run(coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
    return asyncio.run_coroutine_threadsafe(coro, _shared_loop()).result(timeout)


def _call_with(callback: Callable[..., object], result: Any) -> None:
    if isinstance(result, tuple):
        callback(*result)
    else:
        callback(result)


class Job:
    """A call started by ``Client.submit``: ``result()`` waits for its result, iterating
    gives each output as it arrives, ``status()`` tells where it is, ``cancel()`` stops
    it."""

    def __init__(self, job: AsyncJob) -> None:
        self._job = job
        self._changed = threading.Condition()
        job.watchers.append(self._wake)

    def _wake(self) -> None:
        with self._changed:
            self._changed.notify_all()

    def result(self, timeout: float | None = None) -> Any:
        """Wait for the result (at most ``timeout`` seconds); raises ``AppError`` when the
        function failed and ``concurrent.futures.CancelledError`` after a cancel."""
        return _run(self._job.result(), timeout)

    def status(self) -> StatusUpdate:
        """Where the job is: in the queue (with its rank), running, done or cancelled."""
        return self._job.status()

    def outputs(self) -> list[Any]:
        """Every output so far (each yield of a generator)."""
        return self._job.outputs()

    def done(self) -> bool:
        """Whether the job has finished."""
        return self._job.done()

    def cancel(self) -> bool:
        """Ask the app to stop the job; True when it had not finished yet."""
        return _run(self._job.cancel())

    @property
    def event_id(self) -> str | None:
        """The id the app's queue gave the job."""
        return self._job.event_id

    def __iter__(self) -> Iterator[Any]:
        seen = 0
        while True:
            with self._changed:
                self._changed.wait_for(partial(self._has_news, seen))
                fresh = self._job.outputs()[seen:]
            yield from fresh
            seen += len(fresh)
            if not fresh and self.done():
                return

    def _has_news(self, seen: int) -> bool:
        return len(self._job.outputs()) > seen or self.done()


class Client:
    """A client of one limelight or Gradio app, with ``gradio_client``'s calling
    conventions: ``Client(url)``, ``predict(*args, api_name="/x")``, ``submit(...)`` for a
    ``Job``, ``view_api()``. It connects at once and raises ``ConnectionError`` when the
    app cannot be reached, and says so unless ``verbose=False``. ``auth``, ``headers``,
    ``download_files``, ``ssl_verify`` and ``httpx_kwargs`` are as for ``AsyncClient``;
    asyncio code uses ``AsyncClient`` itself."""

    def __init__(
        self,
        src: str,
        *,
        auth: tuple[str, str] | None = None,
        headers: dict[str, str] | None = None,
        download_files: str | Path | bool = DEFAULT_DOWNLOAD_DIR,
        ssl_verify: bool = True,
        httpx_kwargs: dict[str, Any] | None = None,
        verbose: bool = True,
    ) -> None:
        async def connect() -> AsyncClient:
            client = AsyncClient(
                src,
                auth=auth,
                headers=headers,
                download_files=download_files,
                ssl_verify=ssl_verify,
                httpx_kwargs=httpx_kwargs,
            )
            try:
                await client.connect()
            except BaseException:
                await client.close()
                raise
            return client

        self._client = _run(connect())
        self.src = self._client.src
        if verbose:
            print(f"Loaded as API: {self.src}/ ✔")

    @property
    def session_hash(self) -> str:
        """The session the client's calls share (their State values live there)."""
        return self._client.session_hash

    @property
    def config(self) -> dict[str, Any]:
        """The app's config, as ``/config`` gave it."""
        return self._client.config

    def predict(
        self,
        *args: Any,
        api_name: str | None = None,
        fn_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Call an endpoint and wait for its result (a generator's last value)."""
        return _run(self._client.predict(*args, api_name=api_name, fn_index=fn_index, **kwargs))

    def submit(
        self,
        *args: Any,
        api_name: str | None = None,
        fn_index: int | None = None,
        result_callbacks: Callable[..., object] | list[Callable[..., object]] | None = None,
        **kwargs: Any,
    ) -> Job:
        """Start a call and give its ``Job`` at once. Each of ``result_callbacks`` is called
        with the result (its outputs as arguments when there are several) once it comes,
        in the client's thread."""
        job = _run(self._client.submit(*args, api_name=api_name, fn_index=fn_index, **kwargs))
        callbacks = [result_callbacks] if callable(result_callbacks) else result_callbacks or []
        for callback in callbacks:
            # The job belongs to the client's loop: register there, not from this thread.
            _shared_loop().call_soon_threadsafe(job.on_result, partial(_call_with, callback))
        return Job(job)

    def view_api(
        self, print_info: bool = True, return_format: str | None = None
    ) -> dict[str, Any] | str | None:
        """Print the endpoints with their parameters; ``return_format="dict"`` gives
        ``/info``'s description, ``"str"`` the text."""
        text = _run(self._client.describe())
        if print_info:
            print(text)
        if return_format == "dict":
            return self._client.info
        if return_format == "str":
            return text
        if return_format is not None:
            raise ValueError(f"return_format must be 'dict', 'str' or None, not {return_format!r}")
        return None

    def reset_session(self) -> None:
        """Start a new session (State values of earlier calls are not seen again)."""
        self._client.reset_session()

    def close(self) -> None:
        """Close the client's connections."""
        _run(self._client.close())

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
