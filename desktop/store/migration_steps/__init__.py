"""Schema steps of the local store, one module per version (see desktop.store.migrations)."""
