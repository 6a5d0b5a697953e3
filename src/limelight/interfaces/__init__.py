"""Whole apps and their launch: ``Blocks.launch``, ``Interface``, ``TabbedInterface``,
``ChatInterface`` and flagging."""

__all__: list[str] = []
