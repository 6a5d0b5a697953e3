"""The services on Redis (``redis.asyncio``, the ``redis`` extra): ``queue.RedisQueue``."""

__all__: list[str] = []
