"""The HTTP server: app factory, routes grouped by concern, and the services behind them.

The queue (``queue.py``), session store (``sessions.py``) and event streams
(``streams.py``) each sit behind a small interface with an in-memory implementation; a
shared-store implementation can replace them without touching routes or components.
"""

from limelight.server.app import create_app
from limelight.server.services import Services

__all__ = ["Services", "create_app"]
