"""Tables written for spreadsheets: article text that a spreadsheet would evaluate is neutralized.

Titles, outlets, file names, sentences: every text cell of the tables comes from the articles, which are
untrusted. A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (the OWASP
CSV-injection list, plus their full-width forms, which some spreadsheets also read as formulas) would be
evaluated by Excel or LibreOffice (``=HYPERLINK(…)`` sends the other cells away when clicked). Such a
cell is written with a single quote in front (``'=HYPERLINK(…)``): the spreadsheet shows the text as
text, and a reader still reads it. Numbers are left alone (``-3.5`` stays a number); only text cells are
changed. :func:`unneutralize` gives the text back (for code that reads the tables again).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralize(value):
    """``value`` with a ``'`` in front when it is text a spreadsheet would evaluate; other values as they are."""
    if isinstance(value, str) and value.lstrip(" ").startswith(TRIGGERS):
        return "'" + value
    return value


def unneutralize(value):
    """The text :func:`neutralize` was given (the quote it added removed)."""
    if isinstance(value, str) and value.startswith("'") and value[1:].lstrip(" ").startswith(TRIGGERS):
        return value[1:]
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells (and column names) are neutralized (numbers untouched)."""
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == object or pd.api.types.is_string_dtype(out[c].dtype):
            out[c] = out[c].map(neutralize, na_action="ignore")
    out.columns = [neutralize(str(c)) for c in out.columns]
    return out


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """``df`` as the project writes every table: UTF-8 CSV, ``\\n`` line ends, no index, six decimals,
    text cells neutralized."""
    safe_frame(df).to_csv(path, index=False, lineterminator="\n", float_format="%.6f")
