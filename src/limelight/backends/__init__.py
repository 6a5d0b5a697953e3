"""Services that live outside the process, so that many processes serve one app: each
implements an interface of ``limelight.server`` (``redis/``: on Redis, the ``redis`` extra)."""

__all__: list[str] = []
