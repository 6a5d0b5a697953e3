"""ImageSlider: two images shown one over the other, compared with a draggable divider."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from typing_extensions import Unpack

from limelight.components.base import ComponentOptions, PayloadError
from limelight.components.filebase import FileComponent, check_file_shape, file_schema
from limelight.components.image_files import image_in, image_out
from limelight.components.imaging import ImageType
from limelight.core.events import EventListener
from limelight.files.processing import FileContext

__all__ = ["ImageSlider"]

_EXAMPLE = {
    "path": "https://example.com/bus.png",
    "url": "https://example.com/bus.png",
    "orig_name": "bus.png",
    "meta": {"_type": "gradio.FileData"},
}


class ImageSlider(FileComponent):
    """A pair of images, the second drawn over the first up to a divider the user drags
    (``slider_position``, 0..100, where it starts). The value is ``(image_a, image_b)``,
    each a numpy array, PIL image or path (as ``type`` says, for an input) or ``None``.
    Uploading an image makes it the first of the pair and fires ``upload``.
    """

    TYPE = "imageslider"
    NOT_TAKEN = frozenset({"info"})
    upload = EventListener("upload", "The user uploaded an image.")
    clear = EventListener("clear", "The user cleared the images.")
    select = EventListener("select", "The user clicked the images.")
    input = EventListener("input", "The user changed the images.")
    stream = EventListener("stream", "Accepted as in Gradio; the slider does not stream.")

    def __init__(
        self,
        value: tuple[Any, Any] | Callable[..., Any] | None = None,
        *,
        format: str = "webp",
        height: int | str | None = None,
        width: int | str | None = None,
        image_mode: str | None = "RGB",
        type: ImageType = "numpy",
        slider_position: float = 50,
        max_height: int = 500,
        **options: Unpack[ComponentOptions],
    ) -> None:
        if type not in ("numpy", "pil", "filepath"):
            raise ValueError(f"type must be 'numpy', 'pil' or 'filepath', not {type!r}")
        self.format = format
        self.height = height
        self.width = width
        self.image_mode = image_mode
        self.type = type
        self.slider_position = slider_position
        self.max_height = max_height
        super().__init__(value, **options)

    def preprocess_with(self, payload: Any, files: FileContext) -> Any:
        """The two images as ``type`` (either may be ``None``)."""
        if payload is None:
            return None
        self.check_payload(payload)
        return tuple(self._load(item, files) for item in payload)

    def _load(self, item: Any, files: FileContext) -> Any:
        return image_in(item, files, self.type, self.image_mode)

    def postprocess_with(self, value: Any, files: FileContext) -> Any:
        """A pair of ``ImageData``; arrays and PIL images are encoded as ``format``."""
        if value is None:
            return None
        if not isinstance(value, Sequence) or isinstance(value, str) or len(value) != 2:
            raise TypeError("ImageSlider expects a pair of images (image_a, image_b)")
        return [self._store(item, files) for item in value]

    def _store(self, item: Any, files: FileContext) -> Any:
        return image_out(item, files, self.format)

    def check_payload(self, payload: Any) -> None:
        """``null`` or a list of two ``FileData`` (or ``null``) items."""
        if payload is None:
            return
        if not isinstance(payload, (list, tuple)) or len(payload) != 2:
            raise PayloadError(f"Expected a pair of images, got {payload!r:.80}")
        for item in payload:
            check_file_shape(item)

    def api_info(self) -> dict[str, Any]:
        image = {"anyOf": [file_schema("ImageData"), {"type": "null"}]}
        pair = {"type": "array", "prefixItems": [image, image], "minItems": 2, "maxItems": 2}
        return {"anyOf": [pair, {"type": "null"}], "title": "SliderData"}

    def example_payload(self) -> Any:
        return [_EXAMPLE, _EXAMPLE]

    def component_props(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "height": self.height,
            "width": self.width,
            "image_mode": self.image_mode,
            "type": self.type,
            "slider_position": self.slider_position,
            "max_height": self.max_height,
            "_selectable": True,
        }
