"""The Redis backend: the app's shared services in one Redis, so that many processes (on
one host or several) serve one app without sticky sessions. Each module implements one
of ``limelight.server``'s service interfaces; every key starts with the app's prefix
(``limelight.backends.select``), so apps sharing a Redis stay apart. Needs the
``limelight[redis]`` extra (``redis>=5``)."""

__all__: list[str] = []
