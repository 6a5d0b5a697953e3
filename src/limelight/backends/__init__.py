"""Backends: shared implementations of the server's services, so that many processes (on
one host or several) serve one app. ``select.py`` turns a backend URL
(``launch(backend=)``, ``LIMELIGHT_BACKEND``, ``limelight run --backend``) into them;
``redis/`` holds the Redis ones."""

__all__: list[str] = []
