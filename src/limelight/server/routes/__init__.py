"""Routes, one module per concern; each module exports its ``routes`` list."""

from . import call, info, page, queue

__all__ = ["call", "info", "page", "queue"]
