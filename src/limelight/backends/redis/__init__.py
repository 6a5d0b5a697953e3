"""The services on Redis (``redis.asyncio``, the ``redis`` extra): ``queue.RedisQueue``."""
