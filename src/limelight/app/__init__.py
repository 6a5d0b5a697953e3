"""Building an app and running its events: the app model (``Blocks`` without its server),
the page config, ``@gr.render``, examples, and the pipeline that runs one dependency
(payloads in, the user's function, payloads out)."""

__all__: list[str] = []
