"""The vocabulary of an app: blocks, the layout context they are created in, listeners and the
dependencies that wire a function to events. Everything else in limelight builds on these;
they import only the base modules (``protocol``, ``exceptions``, ``request``)."""

__all__: list[str] = []
