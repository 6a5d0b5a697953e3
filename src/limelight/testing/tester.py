"""``AppTester`` (for plain tests) and ``AsyncAppTester`` (for async ones): start an app
in-process, with its queue and services, and drive it through pages.

Both serve the app through ``create_app`` and talk to it over httpx's ASGI transport, so a
test exercises the very routes, payload checks and queue a browser or ``gradio_client``
meets, with no socket and no port. ``AppTester`` runs the app's event loop in a thread of
its own (an anyio blocking portal), so a plain ``def test_...`` can use it.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx
from anyio.from_thread import BlockingPortal, start_blocking_portal

from limelight.app.blocks_base import BlocksBase
from limelight.components.state import State
from limelight.server import create_app
from limelight.server.services import ServerSettings
from limelight.testing.pages import AsyncPage, Connection, Target
from limelight.testing.results import EventResult, ShownError, Toast

__all__ = ["AppTester", "AsyncAppTester", "Page"]

BASE_URL = "http://127.0.0.1:7860"
"""The URL the in-process client claims to reach the app at (file URLs name it)."""


@asynccontextmanager
async def _serving(app: BlocksBase, settings: ServerSettings) -> AsyncIterator[Connection]:
    asgi = create_app(app, settings)
    async with asgi.router.lifespan_context(asgi):
        transport = httpx.ASGITransport(app=asgi)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            connection = Connection()
            connection.connect(client, asgi.state.services)
            yield connection


class AsyncAppTester(AsyncPage):
    """Serve ``app`` in-process while the ``async with`` block runs; the tester is the app's
    first page (``new_page()`` opens more, each its own session).

    ``show_error`` is ``launch(show_error=)``; ``settings`` gives every server option at once
    (a ``limelight.server.services.ServerSettings``):

        async with AsyncAppTester(demo) as page:
            await page.set(name, "World")
            result = await page.click(greet)
            assert result.output == "Hello World!"
    """

    def __init__(
        self,
        app: BlocksBase,
        *,
        show_error: bool = False,
        settings: ServerSettings | None = None,
        session_hash: str | None = None,
    ) -> None:
        self._app_serving = _serving(app, settings or ServerSettings(show_error=show_error))
        super().__init__(Connection(), session_hash)
        self.app = app

    async def __aenter__(self) -> AsyncAppTester:
        self._connection = await self._app_serving.__aenter__()
        try:
            await self.open()
        except BaseException as error:
            await self._app_serving.__aexit__(type(error), error, error.__traceback__)
            raise
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self._app_serving.__aexit__(kind, error, traceback)

    async def new_page(self, session_hash: str | None = None) -> AsyncPage:
        """Open another page of the app (another browser tab: a session of its own)."""
        page = AsyncPage(self._connection, session_hash)
        await page.open()
        return page


class Page:
    """A session of the app for a plain (not async) test: ``AsyncPage``'s methods, each
    run to its end on the app's event loop."""

    def __init__(self, portal: BlockingPortal, page: AsyncPage) -> None:
        self._portal = portal
        self._page = page

    def _call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self._portal.call(functools.partial(fn, *args, **kwargs))

    @property
    def session_hash(self) -> str:
        """The session this page is."""
        return self._page.session_hash

    @property
    def history(self) -> list[EventResult]:
        """Every event the page ran, in the order they ran."""
        return self._page.history

    @property
    def toasts(self) -> list[Toast]:
        """Every toast the page's events showed, in order."""
        return self._page.toasts

    @property
    def errors(self) -> list[ShownError]:
        """Every error the page's events ended with, in order."""
        return self._page.errors

    def value(self, target: Target) -> Any:
        """The payload the page holds for ``target`` (see ``AsyncPage.value``)."""
        return self._page.value(target)

    def props(self, target: Target) -> dict[str, Any]:
        """``target``'s props after every ``gr.update`` so far."""
        return self._page.props(target)

    def find(self, **props: Any) -> int:
        """The id of the one component whose props (and ``type``) are these."""
        return self._page.find(**props)

    def state(self, state: State) -> Any:
        """The session's value of ``state``, as the server keeps it."""
        value: Any = self._call(self._page.state, state)
        return value

    def set(self, target: Target, value: Any) -> list[EventResult]:
        """Set ``target``'s value as a user does and run its input and change listeners."""
        results: list[EventResult] = self._call(self._page.set, target, value)
        return results

    def click(self, target: Target) -> EventResult:
        """Click ``target``: runs its ``click`` listeners."""
        return self.trigger(target, "click")

    def submit(self, target: Target) -> EventResult:
        """Press Enter in ``target``: runs its ``submit`` listeners."""
        return self.trigger(target, "submit")

    def trigger(
        self, target: Target | str, event: str = "click", *, event_data: Any = None
    ) -> EventResult:
        """Fire ``event`` on ``target`` (or the listener named ``target``) with the page's
        values; gives the first listener's result (see ``AsyncPage.trigger``)."""
        result: EventResult = self._call(self._page.trigger, target, event, event_data=event_data)
        return result

    def call(self, api_name: str, *args: Any) -> EventResult:
        """Call the endpoint ``api_name`` with ``args`` as an API client does."""
        result: EventResult = self._call(self._page.call, api_name, *args)
        return result

    def upload(self, file: Path | str | bytes, name: str | None = None) -> dict[str, Any]:
        """Upload a file as the page does; gives its ``FileData`` payload."""
        payload: dict[str, Any] = self._call(self._page.upload, file, name)
        return payload

    def download(self, file: dict[str, Any] | str) -> bytes:
        """The bytes of a file an output holds."""
        content: bytes = self._call(self._page.download, file)
        return content

    def request(self, method: str, url: str, **options: Any) -> httpx.Response:
        """Send a request of the test's own to the app (``options`` as httpx takes them)."""
        response: httpx.Response = self._call(self._page.client.request, method, url, **options)
        return response


class AppTester(Page):
    """Serve ``app`` in-process while the ``with`` block runs, for plain tests; the tester is
    the app's first page (``new_page()`` opens more):

        with AppTester(demo) as page:
            page.set(name, "World")
            assert page.click(greet).output == "Hello World!"
    """

    def __init__(
        self,
        app: BlocksBase,
        *,
        show_error: bool = False,
        settings: ServerSettings | None = None,
        session_hash: str | None = None,
    ) -> None:
        self.app = app
        self._tester = AsyncAppTester(
            app, show_error=show_error, settings=settings, session_hash=session_hash
        )
        self._lifetime = self._run()

    @contextmanager
    def _run(self) -> Iterator[None]:
        with start_blocking_portal() as portal, portal.wrap_async_context_manager(self._tester):
            super().__init__(portal, self._tester)
            yield

    def __enter__(self) -> AppTester:
        self._lifetime.__enter__()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._lifetime.__exit__(kind, error, traceback)

    def new_page(self, session_hash: str | None = None) -> Page:
        """Open another page of the app (a session of its own)."""
        page: AsyncPage = self._call(self._tester.new_page, session_hash)
        return Page(self._portal, page)
