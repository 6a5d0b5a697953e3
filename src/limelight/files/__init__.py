"""Files an app receives and returns: the file store, which local files may be served, and the
processing context components use to read and write them."""

__all__: list[str] = []
