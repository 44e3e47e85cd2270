"""4. Storage: per-article caches and the saved build."""
