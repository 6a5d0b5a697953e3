"""Choosing the app's backend from a URL.

``None`` or ``"memory"``: every service in this process's memory (the default; nothing
changes). ``redis://HOST:PORT/DB`` or ``rediss://`` (TLS): the shared services in that
Redis (``limelight[redis]``), under a key prefix of the app's own, so that apps sharing a
Redis stay apart. The prefix is ``limelight:<app id>:``, the app id being
``LIMELIGHT_APP_ID`` when set, else a digest of the app's structure (its blocks and events),
which every process running the same script computes alike; a changed app gets a new
prefix and never reads the pickled sessions of the old one. Any other URL is refused.
"""

from __future__ import annotations

import hashlib
import json
import os
from urllib.parse import urlsplit

from limelight.app.blocks_base import BlocksBase
from limelight.backends.urls import redacted
from limelight.server.services import ServerSettings, ServiceImplementations

__all__ = ["APP_ID_ENV", "BACKEND_ENV", "app_prefix", "implementations"]

BACKEND_ENV = "LIMELIGHT_BACKEND"
APP_ID_ENV = "LIMELIGHT_APP_ID"
_MEMORY = ("memory", "memory://")
_REDIS = ("redis", "rediss")


def implementations(
    url: str | None, app: BlocksBase, settings: ServerSettings
) -> ServiceImplementations:
    """The services of ``url`` (``LIMELIGHT_BACKEND`` when None) for ``app``: none for the
    in-memory default. For Redis, checks now that the server answers, so that a wrong
    address fails at launch, naming the URL."""
    chosen = url if url is not None else os.environ.get(BACKEND_ENV) or None
    if chosen is None or chosen.strip() in _MEMORY:
        return {}
    scheme = urlsplit(chosen).scheme
    if scheme not in _REDIS:
        raise ValueError(
            f"Unknown backend {redacted(chosen)!r}: use 'memory' or a Redis URL "
            "(redis://HOST:PORT/DB, or rediss:// for TLS)."
        )
    # redis is an optional dependency (limelight[redis]): imported only when asked for.
    from limelight.backends.redis.connect import redis_implementations

    return redis_implementations(chosen, app_prefix(app), settings)


def app_prefix(app: BlocksBase) -> str:
    """The key prefix of ``app``'s shared data: alike in every process of the app."""
    return f"limelight:{os.environ.get(APP_ID_ENV) or _structure_digest(app)}:"


def _structure_digest(app: BlocksBase) -> str:
    structure = {
        "blocks": [[id_, type(block).__name__] for id_, block in sorted(app.blocks.items())],
        "fns": [
            [str(dep.api_name), [b.id for b in dep.inputs], [b.id for b in dep.outputs]]
            for dep in app.fns
        ],
    }
    text = json.dumps(structure, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]
