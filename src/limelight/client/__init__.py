"""A fast client of limelight and Gradio apps, with ``gradio_client``'s calling conventions.

``Client`` blocks, ``AsyncClient`` is for asyncio code; both speak the queue protocol
(docs/protocol.md §3) and wait on events, never by polling. ``handle_file`` marks a file
argument. httpx is the one library it needs (the ``client`` extra).
"""

from limelight.client.async_client import AsyncClient, QueueError
from limelight.client.files import handle_file
from limelight.client.job import AppError, AsyncJob, Status, StatusUpdate
from limelight.client.sync import Client, Job

__all__ = [
    "AppError",
    "AsyncClient",
    "AsyncJob",
    "Client",
    "Job",
    "QueueError",
    "Status",
    "StatusUpdate",
    "handle_file",
]
