"""Zip to JSON: upload a zip archive and see the name and size of every file in it."""

import zipfile

import limelight as gr


def list_zip(path: str | None) -> dict[str, int]:
    if path is None:
        return {}
    try:
        with zipfile.ZipFile(path) as archive:
            return {info.filename: info.file_size for info in archive.infolist()}
    except zipfile.BadZipFile:
        raise gr.Error("That file is not a zip archive.") from None


demo = gr.Interface(
    list_zip,
    gr.File(label="Archive", file_types=[".zip"]),
    gr.JSON(label="Contents"),
    title="Zip to JSON",
)

if __name__ == "__main__":
    demo.launch()
