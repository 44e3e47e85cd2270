"""1. Reading: the article files and their sidecar, decoded and normalized, one row per file."""
