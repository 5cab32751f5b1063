"""The application core: every use case the UI or the CLI performs, one module per feature, no Qt.

Each use case takes the open store, reads, validates and saves in one session (one transaction) and
returns plain values; a use case that changes data names the kinds it changes (``changes.use_case``).
The UI renders and calls these on its store thread; the CLI calls the same functions.
"""
