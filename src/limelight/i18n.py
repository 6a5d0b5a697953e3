"""``gr.I18n``: translated strings for labels and text, by key and locale."""

from __future__ import annotations

__all__ = ["I18n", "I18nData"]


class I18nData(str):
    """A translated string: the text in the app's language, with its ``key``."""

    key: str

    def __new__(cls, key: str, text: str) -> I18nData:
        instance = super().__new__(cls, text)
        instance.key = key
        return instance


class I18n:
    """Translations by locale: ``gr.I18n(en={"greeting": "Hello"}, fr={...})``; calling it with
    a key gives the text to use (``label=i18n("greeting")``). limelight pages are not translated
    per visitor yet: the English text (else the first locale's) is used, or the key itself."""

    def __init__(self, **translations: dict[str, str]) -> None:
        for locale, table in translations.items():
            if not isinstance(table, dict):
                raise TypeError(f"Translations for {locale!r} must be a dict of key to text")
        self.translations = translations

    def __call__(self, key: str) -> I18nData:
        """The text for ``key``."""
        table = self.translations.get("en") or next(iter(self.translations.values()), {})
        return I18nData(key, table.get(key, key))
