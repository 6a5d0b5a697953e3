"""A large table: 100,000 rows by 10 columns, sortable, selectable and editable.

Used by tests/browser/test_dataframe.py; benchmarks/apps/dataframe.py builds the same table
for benchmarks/dataframe.py.
"""

import limelight as gr

ROWS = 100_000
COLUMNS = 10


def table(rows: int = ROWS) -> list[list[object]]:
    return [[r * COLUMNS + c for c in range(COLUMNS)] for r in range(rows)]


def make_demo(rows: int = ROWS) -> gr.Blocks:
    """The app, with a table of ``rows`` rows."""
    with gr.Blocks() as app:
        build(rows)
    return app


def build(rows: int) -> None:
    df = gr.Dataframe(
        table(rows),
        headers=[f"col{c}" for c in range(COLUMNS)],
        datatype="number",
        type="array",
        interactive=True,
        elem_id="df",
    )
    picked = gr.Textbox(label="Picked", elem_id="picked")
    total = gr.Number(label="Total of column 0", elem_id="total")

    df.select(pick, None, picked)
    df.change(lambda values: sum(r[0] for r in values), df, total)


def pick(evt: gr.SelectData) -> str:
    return f"{evt.index} = {evt.value}"


demo = make_demo()

if __name__ == "__main__":
    demo.launch()
