"""Side-by-side benchmarks of limelight and Gradio 6.31: ``python -m benchmarks``.

Every figure runs the same app file (``benchmarks/apps/``) on both libraries, started as
servers in subprocesses on free 127.0.0.1 ports, and the same clients measure them; a group
only limelight can run says why Gradio has no figure. ``benchmarks/README.md`` lists the
groups. Nothing here runs in CI's test suite; ``tests/test_benchmarks.py`` only keeps the
code working.
"""
