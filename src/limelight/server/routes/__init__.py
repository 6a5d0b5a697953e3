"""Routes, one module per concern; each module exports its ``routes`` list."""

from limelight.server.routes import call, info, page, queue

__all__ = ["call", "info", "page", "queue"]
