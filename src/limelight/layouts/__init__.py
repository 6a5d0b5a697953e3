"""Layouts: blocks that arrange other blocks."""

from .accordion import Accordion
from .column import Column
from .form import Form
from .group import Group
from .row import Row
from .sidebar import Sidebar
from .tabs import Tab, TabItem, Tabs

__all__ = ["Accordion", "Column", "Form", "Group", "Row", "Sidebar", "Tab", "TabItem", "Tabs"]
