"""Layouts: blocks that arrange other blocks."""

from .accordion import Accordion
from .column import Column
from .draggable import Draggable
from .form import Form
from .group import Group
from .row import Row
from .sidebar import Sidebar
from .tabs import Tab, TabItem, Tabs
from .walkthrough import Step, Walkthrough

__all__ = [
    "Accordion",
    "Column",
    "Draggable",
    "Form",
    "Group",
    "Row",
    "Sidebar",
    "Step",
    "Tab",
    "TabItem",
    "Tabs",
    "Walkthrough",
]
