"""BrowserState: a value kept in the visitor's browser (localStorage), across page loads."""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import hmac
import json
import os
from typing import Any

from limelight.components.base import Component

__all__ = ["BrowserState"]

_SEALED = "ll1:"
"""Prefix of a value sealed with ``secret`` (so a plain stored string is never mistaken)."""
_NONCE = 16
_TAG = 32


def _keystream(key: bytes, nonce: bytes, length: int) -> bytes:
    blocks = (length + 31) // 32
    return b"".join(
        hmac.digest(key, nonce + i.to_bytes(4, "big"), hashlib.sha256) for i in range(blocks)
    )[:length]


class BrowserState(Component):
    """A hidden value stored in each visitor's browser (``localStorage``), so it survives
    reloads and server restarts. Functions read it as an input; returning it as an output
    writes the new value to the browser. API clients send and receive it as a JSON value
    (as in Gradio: a parameter and a return of the endpoints that use it).

    ``storage_key`` names the localStorage entry (default: one made of the page's path and
    the component's id). With ``secret``, values are masked and signed on the server before
    they reach the browser: the stored text is not readable JSON, and a value changed in the
    browser (or stored under another secret) is ignored, so the function gets
    ``default_value``. The secret never leaves the server. It does not stop a visitor from
    restoring an older value they once had, or from deleting the value, and anyone who can
    run script on the page can still read and resend the stored text.
    """

    TYPE = "browserstate"

    def __init__(
        self,
        default_value: Any = None,
        *,
        storage_key: str | None = None,
        secret: str | None = None,
        render: bool = True,
    ) -> None:
        self.storage_key = storage_key
        self._keys = None if secret is None else self._derive(secret)
        super().__init__(default_value, render=render, visible=False)

    @staticmethod
    def _derive(secret: str) -> tuple[bytes, bytes]:
        root = hashlib.sha256(b"limelight-browserstate\0" + secret.encode()).digest()
        return hmac.digest(root, b"mask", hashlib.sha256), hmac.digest(
            root, b"sign", hashlib.sha256
        )

    def preprocess(self, payload: Any) -> Any:
        """The stored value (a JSON value); ``default_value`` when none is stored yet, or,
        with a ``secret``, when the stored text was not sealed by this server."""
        if payload is None:
            return copy.deepcopy(self.initial_value)
        if self._keys is None:
            return payload
        opened = self._open(payload)
        return copy.deepcopy(self.initial_value) if opened is None else opened[0]

    def postprocess(self, value: Any) -> Any:
        """The value to store: as is, or sealed into a string when there is a ``secret``."""
        if self._keys is None or value is None:
            return value
        return self._seal(value)

    def _seal(self, value: Any) -> str:
        assert self._keys is not None
        mask, sign = self._keys
        data = json.dumps(value, separators=(",", ":")).encode()
        nonce = os.urandom(_NONCE)
        body = bytes(a ^ b for a, b in zip(data, _keystream(mask, nonce, len(data))))
        tag = hmac.digest(sign, nonce + body, hashlib.sha256)
        return _SEALED + base64.urlsafe_b64encode(nonce + body + tag).decode()

    def _open(self, payload: Any) -> tuple[Any] | None:
        assert self._keys is not None
        if not isinstance(payload, str) or not payload.startswith(_SEALED):
            return None
        try:
            raw = base64.urlsafe_b64decode(payload[len(_SEALED) :])
        except (binascii.Error, ValueError):
            return None
        mask, sign = self._keys
        nonce, body, tag = raw[:_NONCE], raw[_NONCE:-_TAG], raw[-_TAG:]
        if len(raw) < _NONCE + _TAG or not hmac.compare_digest(
            tag, hmac.digest(sign, nonce + body, hashlib.sha256)
        ):
            return None
        data = bytes(a ^ b for a, b in zip(body, _keystream(mask, nonce, len(body))))
        return (json.loads(data),)

    def api_info(self) -> dict[str, Any]:
        return {"type": {}, "description": "any valid json"}

    def component_props(self) -> dict[str, Any]:
        return {"storage_key": self.storage_key}
