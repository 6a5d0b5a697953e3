"""Server-side HTML sanitising, so markup from a function reaches no browser with script in it.

The browser sanitises again (DOMPurify); this pass also protects API clients and any page
that embeds the value without the limelight frontend.
"""

from __future__ import annotations

__all__ = ["sanitize_html"]

EXTRA_TAGS = {"details", "summary", "figure", "figcaption", "mark", "section", "article", "span"}
URL_SCHEMES = {"http", "https", "mailto"}
STYLE_PROPERTIES = {
    *(
        f"{side}{edge}"
        for side in ("margin", "padding")
        for edge in ("", "-top", "-right", "-bottom", "-left")
    ),
    "color",
    "background-color",
    "border",
    "border-color",
    "border-radius",
    "border-style",
    "border-width",
    "display",
    "font-family",
    "font-size",
    "font-style",
    "font-weight",
    "gap",
    "height",
    "line-height",
    "max-height",
    "max-width",
    "min-height",
    "min-width",
    "opacity",
    "text-align",
    "text-decoration",
    "vertical-align",
    "white-space",
    "width",
}
"""Inline styles keep only these properties: none of them loads a URL."""


def sanitize_html(html: str) -> str:
    """``html`` without scripts, event handlers, styles that load things, or unsafe URLs."""
    import nh3  # lazy: a compiled extension only HTML-showing components need

    tags = set(nh3.ALLOWED_TAGS) | EXTRA_TAGS
    attributes = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
    attributes["*"] = {*attributes.get("*", set()), "class", "id", "style", "title", "dir"}
    return nh3.clean(
        html,
        tags=tags,
        attributes=attributes,
        url_schemes=URL_SCHEMES,
        filter_style_properties=STYLE_PROPERTIES,
    )
