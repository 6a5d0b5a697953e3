"""Subprocess entry: ``python serve.py APP_FILE PORT`` launches the app's ``demo`` on
127.0.0.1:PORT with the library named by ``BENCH_UI``. Runs under either library's
Python, so it imports nothing from the benchmarks package."""

import runpy
import sys

if __name__ == "__main__":
    app_file, port = sys.argv[1], int(sys.argv[2])
    demo = runpy.run_path(app_file)["demo"]
    demo.launch(server_name="127.0.0.1", server_port=port, quiet=True)
