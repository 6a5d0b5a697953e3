"""``gr.Request``: the HTTP request behind an event, for functions that ask for it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["Header", "Request"]


class Client:
    """The address of the client that sent the request."""

    def __init__(self, host: str | None, port: int | None) -> None:
        self.host = host
        self.port = port


class Request:
    """What a function learns about the request behind its event: declare a parameter
    annotated ``gr.Request`` to receive it. Plain data, so it can cross process boundaries.
    """

    def __init__(
        self,
        *,
        headers: Mapping[str, str] | None = None,
        client_host: str | None = None,
        client_port: int | None = None,
        query_params: Mapping[str, str] | None = None,
        path: str = "/",
        session_hash: str | None = None,
        username: str | None = None,
    ) -> None:
        self.headers: dict[str, str] = {k.lower(): v for k, v in (headers or {}).items()}
        self.client = Client(client_host, client_port)
        self.query_params: dict[str, str] = dict(query_params or {})
        self.path = path
        self.session_hash = session_hash
        self.username = username

    @property
    def url(self) -> str:
        """The path of the request."""
        return self.path

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"gr.Request has no attribute {name!r}")


class Header(str):
    """The value of one request header, for a parameter annotated ``gr.Header``: the
    parameter's name with ``_`` read as ``-`` names the header (``x_api_token`` reads
    ``X-Api-Token``); None when the request has no such header. Takes no input component.
    """
