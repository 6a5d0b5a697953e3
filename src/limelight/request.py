"""``gr.Request``: the HTTP request behind an event, for functions that ask for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the server makes them; building an app must not import Starlette
    from starlette.requests import HTTPConnection

__all__ = ["Header", "Request"]


class AttributeDict(dict[str, Any]):
    """A dict whose keys also read as attributes (``request.cookies.theme``), as the
    dict-valued attributes of Gradio's ``gr.Request`` do."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def _with_attributes(value: Any) -> Any:
    if isinstance(value, dict):
        return AttributeDict({k: _with_attributes(v) for k, v in value.items()})
    return value


class Request:
    """The request behind an event: declare a parameter annotated ``gr.Request`` to get it.

    It reads through to the underlying Starlette request (``request.request``), as Gradio's
    does: ``headers`` (case-insensitive), ``cookies``, ``query_params``, ``path_params``,
    ``url`` (the full URL of the request that started the event: the queue's ``join``, the
    ``call`` or the ``run`` request), ``base_url``, ``method``, ``client`` (``.host``,
    ``.port``) and ``state``; plus ``username`` (with ``auth=``) and ``session_hash``.

    Pickling keeps plain copies of those values (so it can cross a process boundary);
    ``Request(headers={...}, ...)`` builds one from such values, as in tests.
    """

    def __init__(
        self,
        request: HTTPConnection | Callable[[], HTTPConnection] | None = None,
        username: str | None = None,
        session_hash: str | None = None,
        **kwargs: Any,
    ) -> None:
        # A function making the request is called on first use: most functions never read
        # their request, and a queued job's is rebuilt from a snapshot.
        self._request = request
        self.username = username
        self.session_hash = session_hash
        self.kwargs: dict[str, Any] = kwargs

    @property
    def request(self) -> HTTPConnection | None:
        """The underlying Starlette request (None for one built from plain values)."""
        if callable(self._request):
            self._request = self._request()
        return self._request

    def __getattr__(self, name: str) -> Any:
        # Only names that are not set on the instance get here: the request's attributes.
        if name.startswith("__") or name in ("_request", "kwargs"):
            raise AttributeError(name)
        if self.request is not None:
            return _with_attributes(getattr(self.request, name))
        try:
            return _with_attributes(self.kwargs[name])
        except KeyError:
            raise AttributeError(f"'Request' object has no attribute {name!r}") from None

    def __getstate__(self) -> dict[str, Any]:
        """Plain values instead of the live request, which cannot be pickled."""
        request = self.request
        state = dict(self.__dict__)
        del state["_request"]
        kwargs = dict(self.kwargs)
        if request is not None:
            client = request.client
            kwargs.update(
                headers=dict(request.headers),
                query_params=dict(request.query_params),
                cookies=dict(request.cookies),
                path_params=dict(request.path_params),
                client={"host": client.host, "port": client.port} if client else None,
                url=str(request.url),
            )
        state.update(_request=None, kwargs=kwargs)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


class Header(str):
    """The value of one request header, for a parameter annotated ``gr.Header``: the
    parameter's name with ``_`` read as ``-`` names the header (``x_api_token`` reads
    ``X-Api-Token``); None when the request has no such header. Takes no input component.
    """
