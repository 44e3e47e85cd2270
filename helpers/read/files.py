"""What may be read from the data folder, and how file names are shown.

Only regular files inside ``raw/articles/`` are read: a symbolic link (out of the folder, back into it,
in a loop or to nothing), a named pipe, a device or a socket is listed with the reason it is skipped,
never followed or opened for reading (a pipe would block the build; a link could bring a file from
outside the data folder, such as a key or a password file, into the tables). Files are opened without
following a link and checked again once open, so that a file swapped for a link meanwhile is not read
either. The same holds for the sidecar and the corrections file.

A file name may hold anything but ``/`` and NUL: bytes that are not UTF-8, line breaks, terminal escapes,
bidirectional controls that reverse what follows. Such a name is *shown* (in the tables, the summary, the
reports) with those characters escaped (:func:`shown`: ``\\xff`` for a byte that is not UTF-8, ``\\u001b``
for a control character, ``\\\\`` for a backslash), which cannot be mistaken for anything else and leads
back to the file (:func:`real_name`). Anything printed from the data is passed through :func:`printable`.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import os
import re
import stat
import unicodedata
from pathlib import Path

_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"}


def _unsafe(ch: str) -> bool:
    return unicodedata.category(ch) in _UNSAFE_CATEGORIES


def shown(name: str) -> str:
    """A file name as shown and as a key of the tables: printable, one line, reversible (see the module)."""
    if name.isascii() and name.isprintable() and "\\" not in name:
        return name
    out = []
    for ch in name:
        if ch == "\\":
            out.append("\\\\")
        elif "\udc80" <= ch <= "\udcff":  # a byte that is not UTF-8 (os.fsdecode's surrogate escape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif _unsafe(ch):
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return "".join(out)


_ESCAPE = re.compile(r"\\(\\|x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8})")


def real_name(name: str) -> str:
    """The name on disk of a name :func:`shown` gave (as :func:`os.fsdecode` would give it)."""
    if "\\" not in name:
        return name

    def back(m: re.Match) -> str:
        code = m.group(1)
        if code == "\\":
            return "\\"
        if code[0] == "x":
            return chr(0xDC00 + int(code[1:], 16))
        return chr(int(code[1:], 16))

    return _ESCAPE.sub(back, name)


def printable(text: str) -> str:
    """``text`` safe to print on a terminal or in a log: control characters, terminal escapes, bidirectional
    controls and line breaks escaped (``\\u001b``), the rest as it is."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or ch == " " else (f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        for ch in text
    )


def article_path(articles_dir: Path, rel: str) -> Path:
    """The path of the file a relative name of the corpus (as shown) stands for."""
    return articles_dir / real_name(rel)


def list_names(articles_dir: Path) -> list[str]:
    """Every entry under ``articles_dir`` (any depth; names starting with a dot are left out) as shown,
    sorted: regular files, and the links, pipes and devices that :func:`problem` will skip. Folders are
    walked, links to folders are not."""
    out: list[str] = []

    def walk(folder: str, prefix: str) -> None:
        """Collect the entries under ``folder``."""
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                is_dir = e.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                walk(e.path, f"{prefix}{shown(e.name)}/")
            else:
                out.append(f"{prefix}{shown(e.name)}")

    if articles_dir.is_dir():
        walk(str(articles_dir), "")
    return sorted(out)


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def link_problem(path: Path, root: Path | None) -> str:
    """Why a symbolic link is not read: where it leads (out of ``root``, back into it, a loop, nowhere)."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link in a loop; not followed (only regular files are read)"
        return "symbolic link to nothing; not followed"
    target = os.path.realpath(path)
    what = "a folder" if os.path.isdir(target) else "a file"
    if root is not None and _inside(target, os.path.realpath(root)):
        return f"symbolic link to {what} of raw/articles/; not followed (what it points to is read under its own name)"
    return f"symbolic link to {what} outside raw/articles/; not followed (only regular files inside it are read)"


def kind_problem(mode: int) -> str:
    """Why an entry that is not a regular file is not read ('' for a regular file)."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO), not a regular file; not read"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device, not a regular file; not read"
    if stat.S_ISSOCK(mode):
        return "socket, not a regular file; not read"
    if stat.S_ISDIR(mode):
        return "folder; not read"
    return "not a regular file; not read"


def problem(path: Path, root: Path | None = None) -> str:
    """Why the entry at ``path`` is not read ('' for a regular file, which may be read)."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return f"unreadable file ({exc.strerror or exc})"
    if stat.S_ISLNK(st.st_mode):
        return link_problem(path, root)
    return kind_problem(st.st_mode)


class NotRead(Exception):
    """A file that is not read: the message says why (one line)."""


def read_regular(path: Path, max_bytes: int, root: Path | None = None) -> bytes:
    """The bytes of the regular file at ``path``; raises :class:`NotRead` with the reason for anything
    else (a link, a pipe, a device, a file larger than ``max_bytes``, an empty or unreadable file).

    The file is opened without following a link and without blocking, then checked once open: what is
    read is what was checked."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK) or os.path.islink(path):
            raise NotRead(link_problem(path, root)) from None
        raise NotRead(f"unreadable file ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        why = kind_problem(st.st_mode)
        if why:
            raise NotRead(why)
        if st.st_size == 0:
            raise NotRead("empty file (0 bytes)")
        if st.st_size > max_bytes:
            raise NotRead(f"file too large ({st.st_size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit)")
        chunks, n = [], 0
        while True:  # up to one byte over the limit: a file growing while it is read is caught too
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - n))
            if not chunk:
                break
            chunks.append(chunk)
            n += len(chunk)
            if n > max_bytes:
                raise NotRead(f"file too large (more than {max_bytes / 1e6:.1f} MB limit)")
        data = b"".join(chunks)
    except OSError as exc:
        raise NotRead(f"unreadable file ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if not data:
        raise NotRead("empty file (0 bytes)")
    return data


# --- the researcher's CSV files (sidecar, corrections): one row per line, parsed strictly ---------------

MAX_CELL = 2000  # characters: a longer cell is not a file name, a date or a title
DELIMITERS = (",", ";", "\t")  # the comma, and what spreadsheets write in French locales or as "text"


def nfc(name: str) -> str:
    """A file name as compared between the sidecar, the corrections and the disk (macOS writes NFD)."""
    return unicodedata.normalize("NFC", name)


def csv_lines(text: str, label: str, required: str) -> tuple[list[str], list[tuple[int, list[str]]], list[str]]:
    """Parse a researcher's CSV file strictly, line by line: (header, [(line number, cells)], problems).

    The delimiter is the header's: ``,`` or else ``;`` or a tab (said in the problems) when the header
    names the ``required`` column only that way; any other header is a problem and nothing is read.
    A row that cannot be read (a quote left open, text after a closing quote, more cells than columns)
    is reported by its line number and skipped: it never swallows the rows after it. A cell longer than
    :data:`MAX_CELL` characters is reported and emptied."""
    lines = text.lstrip("\ufeff").split("\n")
    problems: list[str] = []
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        return [], [], problems
    head_line = lines[first].rstrip("\r")
    delimiter = None
    for d in DELIMITERS:
        try:
            cells = next(csv.reader([head_line], delimiter=d, strict=True))
        except csv.Error:
            continue
        if required in [c.strip().lower() for c in cells]:
            delimiter = d
            break
    if delimiter is None:
        problems.append(
            f"{label}: no {required!r} column in its first line ({printable(head_line[:80])!r}): the delimiter "
            "is not a comma, a semicolon or a tab, or the header is missing; not read"
        )
        return [], [], problems
    if delimiter != ",":
        problems.append(f"{label}: read with {'a tab' if delimiter == chr(9) else repr(delimiter)} as the delimiter")
    header = [c.strip().lower() for c in next(csv.reader([head_line], delimiter=delimiter))]
    seen: dict[str, int] = {}
    for i, h in enumerate(header):
        if h and h in seen:
            problems.append(f"{label}: column {h!r} appears twice; the second one is ignored")
            header[i] = ""
        seen.setdefault(h, i)
    rows: list[tuple[int, list[str]]] = []
    for n, line in enumerate(lines[first + 1 :], start=first + 2):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        try:
            cells = next(csv.reader([line], delimiter=delimiter, strict=True))
        except csv.Error as exc:
            why = "a quote is left open" if "end of data" in str(exc) else f"not valid CSV ({exc})"
            problems.append(f"{label} row {n}: {why}; row ignored (the rows after it are read)")
            continue
        if len(cells) > len(header):
            problems.append(
                f"{label} row {n}: {len(cells)} cells for {len(header)} columns (a delimiter inside an unquoted "
                "value?); row ignored"
            )
            continue
        for i, c in enumerate(cells):
            if len(c) > MAX_CELL:
                name = header[i] or f"column {i + 1}"
                problems.append(
                    f"{label} row {n}: the {name} cell has {len(c):,} characters (over {MAX_CELL:,}); emptied"
                )
                cells[i] = ""
        rows.append((n, cells))
    return header, rows, problems


def digest(*paths: Path) -> str:
    """A hash of the names and bytes of ``paths`` (files, or folders: every file in them, not below), so that
    what was computed from them is used again only while they hold the same bytes (an edit that keeps the
    size and the time included); a missing file counts as empty."""
    h = hashlib.sha256()
    for path in paths:
        files = sorted(f for f in Path(path).iterdir() if f.is_file()) if Path(path).is_dir() else [Path(path)]
        for f in files:
            h.update(f.name.encode("utf-8", "surrogateescape") + b"\0")
            try:
                h.update(f.read_bytes())
            except OSError:
                pass
            h.update(b"\0")
    return h.hexdigest()[:16]
