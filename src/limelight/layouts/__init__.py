"""Layouts: blocks that arrange other blocks."""

from limelight.layouts.accordion import Accordion
from limelight.layouts.column import Column
from limelight.layouts.draggable import Draggable
from limelight.layouts.form import Form
from limelight.layouts.group import Group
from limelight.layouts.row import Row
from limelight.layouts.sidebar import Sidebar
from limelight.layouts.tabs import Tab, TabItem, Tabs
from limelight.layouts.walkthrough import Step, Walkthrough

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
