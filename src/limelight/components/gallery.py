"""Gallery: a grid of images (or videos) with captions, and a preview of one."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, PayloadError
from limelight.components.filebase import (
    FileComponent,
    check_file_shape,
    file_schema,
    is_url,
    to_file_data,
)
from limelight.components.imaging import ImageType, encode_image, is_image_value, load_image
from limelight.core.events import EventListener
from limelight.files.processing import FileContext
from limelight.protocol import FileData

__all__ = ["Gallery"]


def _split(item: Any) -> tuple[Any, str | None]:
    if isinstance(item, (tuple, list)) and len(item) == 2:
        return item[0], None if item[1] is None else str(item[1])
    return item, None


def _media_key(name: str) -> str:
    mime = mimetypes.guess_type(name)[0] or ""
    return "video" if mime.startswith("video/") else "image"


class Gallery(FileComponent):
    """Images in a grid. As an output it shows a list whose items are images (numpy
    arrays, PIL images, paths or URLs) or ``(image, caption)`` pairs; as an input it passes
    a list of ``(image, caption)`` pairs, each image as ``type`` (a path by default).

    Clicking an item opens its preview (``allow_preview``) and fires ``select`` with its
    position as ``SelectData.index``.
    """

    TYPE = "gallery"
    NOT_TAKEN = frozenset({"info"})
    select = EventListener("select", "The user clicked an item; index is its position.")
    upload = EventListener("upload", "The user uploaded images into the gallery.")
    preview_open = EventListener("preview_open", "The preview of an item opened.")
    preview_close = EventListener("preview_close", "The preview closed.")

    def __init__(
        self,
        value: list[Any] | Callable[..., Any] | None = None,
        *,
        columns: int = 2,
        rows: int | None = None,
        height: int | str | None = None,
        allow_preview: bool = True,
        preview: bool | None = None,
        selected_index: int | None = None,
        object_fit: Literal["contain", "cover", "fill", "none", "scale-down"] | None = None,
        type: ImageType = "filepath",
        format: str = "webp",
        file_types: list[str] | None = None,
        fit_columns: bool = True,
        sources: list[Literal["upload", "webcam", "clipboard"]] | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        self.columns = columns
        self.rows = rows
        self.height = height
        self.allow_preview = allow_preview
        self.preview = preview
        self.selected_index = selected_index
        self.object_fit = object_fit
        self.type = type
        self.format = format
        self.file_types = file_types
        self.fit_columns = fit_columns
        self.sources = sources
        super().__init__(value, **options)

    def check_payload(self, payload: Any) -> None:
        if payload is None:
            return
        if not isinstance(payload, list):
            raise PayloadError("Gallery expects a list of {image, caption} items")
        for item in payload:
            if not isinstance(item, dict):
                raise PayloadError("Each gallery item must be an object with 'image' or 'video'")
            check_file_shape(item.get("image") or item.get("video"))

    def preprocess_with(self, payload: Any, files: FileContext) -> Any:
        """``[(image, caption), ...]``; videos are passed as paths whatever ``type`` is."""
        if payload is None:
            return None
        self.check_payload(payload)
        result = []
        for item in payload:
            media = item.get("image") or item.get("video")
            path = files.input_path(media)
            if "video" in item or self.type == "filepath":
                value: Any = str(path)
            else:
                value = load_image(path, self.type, "RGB")
            result.append((value, item.get("caption")))
        return result

    def postprocess_with(self, value: Any, files: FileContext) -> Any:
        """Each item as ``{"image" | "video": FileData, "caption": str | None}``."""
        if value is None:
            return None
        items = []
        for raw in value:
            media, caption = _split(raw)
            stored: FileData | None
            if is_image_value(media):
                data, ext = encode_image(media, self.format)
                stored = files.store_bytes(data, f"image.{ext}")
                key = "image"
            else:
                stored = to_file_data(media, files)
                name = str(media) if is_url(media) or isinstance(media, str) else ""
                key = _media_key(stored.orig_name or name) if stored else "image"
            items.append({key: stored, "caption": caption})
        return items

    def api_info(self) -> dict[str, Any]:
        """A list whose items are an image or a video, each with an optional caption."""
        caption = {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None}

        def item(key: str, title: str, media: str) -> dict[str, Any]:
            return {
                "type": "object",
                "title": title,
                "properties": {key: file_schema(media), "caption": caption},
                "required": [key],
            }

        return {
            "type": "array",
            "title": "GalleryData",
            "items": {
                "anyOf": [
                    item("image", "GalleryImage", "ImageData"),
                    item("video", "GalleryVideo", "FileData"),
                ]
            },
        }

    def example_payload(self) -> Any:
        return [
            {
                "image": {
                    "path": "https://example.com/bus.png",
                    "url": "https://example.com/bus.png",
                    "orig_name": "bus.png",
                    "meta": {"_type": "gradio.FileData"},
                },
                "caption": None,
            }
        ]

    def component_props(self) -> dict[str, Any]:
        return {
            "fit_columns": self.fit_columns,
            "sources": self.sources,
            "columns": self.columns,
            "rows": self.rows,
            "height": self.height,
            "allow_preview": self.allow_preview,
            "preview": self.preview,
            "selected_index": self.selected_index,
            "object_fit": self.object_fit,
            "format": self.format,
            "file_types": self.file_types,
            "_selectable": True,
        }
