"""Per-column filters on a large table (``show_search="filter"``): 100,000 rows by 10 columns.
Click the funnel in a column header, pick a condition (text columns: contains, starts with,
is, is empty, ...; number columns: =, ≠, >, <, ≥, ≤, ...), type a value and press Enter. Filters
on several columns combine; each chip removes its filter, and "Clear filters" removes them all.
The search box above still searches every cell.
"""

import limelight as gr

ROWS = 100_000
FRUITS = ["apple", "banana", "cherry", "damson", "elderberry"]
HEADERS = ["name", "fruit", "shop", *(f"n{c}" for c in range(1, 8))]


def table(rows: int = ROWS) -> list[list[object]]:
    """Rows ``item-00000``, ... with a fruit, a shop and seven numbers each."""
    return [
        [f"item-{r:05d}", FRUITS[r % 5], f"shop {r % 7}", *(r * c % 1000 for c in range(1, 8))]
        for r in range(rows)
    ]


def make_demo(rows: int = ROWS) -> gr.Blocks:
    """The app, with a table of ``rows`` rows."""
    with gr.Blocks() as app:
        gr.Dataframe(
            table(rows),
            headers=HEADERS,
            datatype=["str", "str", "str", *["number"] * 7],
            show_search="filter",
            label="Stock",
            elem_id="df",
        )
    return app


demo = make_demo()

if __name__ == "__main__":
    demo.launch()
