"""``gr.I18n``: translated strings for labels and text, by key and locale.

As in Gradio, the translating happens in the browser: ``i18n("greeting")`` is a marker
string, ``__i18n__{"__type__": "translation_metadata", "key": "greeting"}``, that goes into
the config and into event outputs as it is (so API clients see what they see under Gradio),
and the page replaces it with the text of the visitor's language, from the translations
that ``launch(i18n=...)`` puts in the config (``i18n_translations``).
"""

from __future__ import annotations

import json
import re
import warnings

__all__ = ["MARKER", "I18n", "I18nData"]

MARKER = "__i18n__"
"""How a translatable string starts on the wire."""

_LOCALE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
"""A BCP 47 language tag such as ``en``, ``fr`` or ``pt-BR``."""


class I18nData(str):
    """A translatable string: the marker the page translates, with its ``key``."""

    key: str

    def __new__(cls, key: str) -> I18nData:
        marker = MARKER + json.dumps({"__type__": "translation_metadata", "key": key})
        instance = super().__new__(cls, marker)
        instance.key = key
        return instance

    def to_dict(self) -> dict[str, str]:
        """``{"__type__": "translation_metadata", "key": ...}``, as Gradio's ``to_dict``."""
        return {"__type__": "translation_metadata", "key": self.key}


class I18n:
    """Translations by locale: ``gr.I18n(en={"greeting": "Hello"}, fr={...})``; calling it
    with a key gives a string to use anywhere text is shown (``label=i18n("greeting")``,
    a Markdown value, a choice's display text). Pass the instance to
    ``demo.launch(i18n=i18n)``: each visitor then reads the text of their browser's
    language (else English, else the key), and may switch language in the page's settings.
    """

    def __init__(self, **translations: dict[str, str]) -> None:
        for locale, table in translations.items():
            if not isinstance(table, dict):
                raise TypeError(f"Translations for {locale!r} must be a dict of key to text")
            if not _LOCALE.match(locale):
                warnings.warn(
                    f"{locale!r} is not a language tag such as 'en', 'fr' or 'pt-BR'; "
                    "browsers will not ask for it",
                    UserWarning,
                    stacklevel=2,
                )
        self.translations = translations

    def __call__(self, key: str) -> I18nData:
        """The translatable string for ``key``."""
        return I18nData(key)

    @property
    def translations_dict(self) -> dict[str, dict[str, str]]:
        """The translations by locale, as the page config carries them."""
        return self.translations
