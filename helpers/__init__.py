"""Press articles on the coalition's withdrawal from Iraq -> sourced chronology, map and charts.

The one entry point is :func:`helpers.build.build` (``build(data_dir)`` -> every table).
"""
