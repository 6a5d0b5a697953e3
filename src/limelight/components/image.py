"""Image: an image in (numpy array, PIL image or file path) and out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, PayloadError
from limelight.components.filebase import FileComponent, file_schema, options_props, to_file_data
from limelight.components.image_files import image_in, image_out
from limelight.components.imaging import ImageType, is_image_value
from limelight.components.watermark import stamped, watermark_prop
from limelight.core.events import EventListener
from limelight.files.processing import FileContext

__all__ = ["Image"]

Source = Literal["upload", "webcam", "clipboard"]


class Image(FileComponent):
    """An image. As an input it passes a numpy array (``type="numpy"``, the default), a PIL
    image (``"pil"``) or a file path (``"filepath"``); as an output it shows any of those
    (or a URL). Arrays and PIL images are saved as ``format`` (webp by default).

    Users can upload, paste, drop or take a webcam picture (``sources``). Fires ``upload``,
    ``clear``, and ``select`` with the ``[x, y]`` pixel clicked as ``SelectData.index``.
    """

    TYPE = "image"
    upload = EventListener("upload", "The user uploaded (or pasted, dropped, captured) an image.")
    clear = EventListener("clear", "The user cleared the image.")
    select = EventListener("select", "The user clicked the image; index is [x, y] in pixels.")
    input = EventListener("input", "The user changed the image.")
    stream = EventListener("stream", "A webcam frame, while streaming.")

    def __init__(
        self,
        value: str | Path | Any | Callable[..., Any] | None = None,
        *,
        type: ImageType = "numpy",
        format: str = "webp",
        image_mode: str | None = "RGB",
        sources: list[Source] | Source | None = None,
        height: int | str | None = None,
        width: int | str | None = None,
        streaming: bool = False,
        show_download_button: bool = True,
        placeholder: str | None = None,
        webcam_options: Any = None,
        watermark: Any = None,
        alt_text: str | None = None,
        **options: Unpack[ComponentOptions],
    ) -> None:
        if type not in ("numpy", "pil", "filepath"):
            raise ValueError(f"type must be 'numpy', 'pil' or 'filepath', not {type!r}")
        self.type = type
        self.format = format
        self.image_mode = image_mode
        self.sources = (
            [sources]
            if isinstance(sources, str)
            else list(sources or ["upload", "webcam", "clipboard"])
        )
        self.height = height
        self.width = width
        self.streaming = streaming
        self.show_download_button = show_download_button
        self.placeholder = placeholder
        self.webcam_options = webcam_options
        self.watermark = watermark
        self.alt_text = alt_text
        super().__init__(value, **options)

    def preprocess_with(self, payload: Any, files: FileContext) -> Any:
        """The uploaded image as ``type``: ``PayloadError`` if the file is not an image."""
        return image_in(payload, files, self.type, self.image_mode)

    def postprocess_with(self, value: Any, files: FileContext) -> Any:
        """An array or PIL image is encoded as ``format``; a path or URL is shown as is. With
        a ``watermark``, the image is shown with the watermark drawn on it."""
        if value is not None and getattr(self.watermark, "watermark", None) is not None:
            value = stamped(_local_image(value, files), self.watermark)
        return image_out(value, files, self.format)

    def normalize_prop(self, name: str, value: Any) -> Any:
        if name == "watermark":
            return watermark_prop(value)
        return super().normalize_prop(name, value)

    def api_info(self) -> dict[str, Any]:
        return file_schema("ImageData")

    def example_payload(self) -> Any:
        return {
            "path": "https://example.com/bus.png",
            "url": "https://example.com/bus.png",
            "orig_name": "bus.png",
            "meta": {"_type": "gradio.FileData"},
        }

    def component_props(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "image_mode": self.image_mode,
            "sources": self.sources,
            "height": self.height,
            "width": self.width,
            "streaming": self.streaming,
            "show_download_button": self.show_download_button and self.has_button("download"),
            "placeholder": self.placeholder,
            "alt_text": self.alt_text,
            "webcam_options": options_props(self.webcam_options),
            "_selectable": True,
        }


def _local_image(value: Any, files: FileContext) -> Any:
    """An in-memory image as is; a path the function returned, once allowed, as the local
    file to draw on (a watermark is drawn on the server, so a URL is refused)."""
    if is_image_value(value):
        return value
    payload = to_file_data(value, files)
    local = Path(payload.path or "") if payload is not None else None
    if local is None or not local.is_file():
        raise PayloadError(f"A watermark is drawn on local images, not on {value}")
    return local
