"""5. Presentation: the exported files, charts, maps and the report."""
