"""Server-side HTML sanitising, so markup from a function reaches no browser with script in it.

The browser sanitises again (DOMPurify); this pass also protects API clients and any page
that embeds the value without the limelight frontend.
"""

from __future__ import annotations

__all__ = ["sanitize_html"]

EXTRA_TAGS = {"details", "summary", "figure", "figcaption", "mark", "section", "article", "span"}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html: str) -> str:
    """``html`` without scripts, event handlers, styles that load things, or unsafe URLs."""
    import nh3  # lazy: a compiled extension only HTML-showing components need

    tags = set(nh3.ALLOWED_TAGS) | EXTRA_TAGS
    attributes = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
    attributes["*"] = {*attributes.get("*", set()), "class", "id", "style", "title", "dir"}
    return nh3.clean(html, tags=tags, attributes=attributes, url_schemes=URL_SCHEMES)
