"""A second OS process for ``tests/backends/redis/test_queue.py``: claims one job from a
``RedisQueue``, prints its event id, then holds it (renewing its lease) until killed.

Run as ``python -m tests.backends.redis.claimer REDIS_URL PREFIX LEASE_SECONDS``.
"""

from __future__ import annotations

import asyncio
import sys

from redis.asyncio import Redis

from limelight.backends.redis.queue import RedisQueue
from limelight.server.streams import InMemoryEventStreams

__all__ = ["main"]


async def main(url: str, prefix: str, lease_seconds: float) -> None:
    """Claim a job and hold it for ever."""
    queue = RedisQueue(
        Redis.from_url(url), prefix, InMemoryEventStreams(), lease_seconds=lease_seconds
    )
    (record,) = await queue.claim()
    print(record.event_id, flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], float(sys.argv[3])))
