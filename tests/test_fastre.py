"""helpers.fastre: a pattern compiled from its record on disk is the pattern re compiles."""
import re

from helpers.extract import fastre


def _big_pattern() -> str:
    words = [f"w{i}[a-zà-ÿ]+" for i in range(400)]
    return "(?iu)^(?:" + "|".join(words) + r")(?P<tail>\d*)$"


SAMPLES = ["w12abc", "W399Zé42", "w400abc", "w3", "xw1a", "w7ßü", "w250é99x", ""]


def test_recorded_program_gives_the_same_pattern(tmp_path):
    cache = tmp_path / "regex.pkl"
    pattern = _big_pattern()
    original = re._compiler.compile
    with fastre.compiled_on_disk(cache):
        first = re._compiler.compile(pattern, 0)  # records
    assert cache.exists()
    with fastre.compiled_on_disk(cache):
        second = re._compiler.compile(pattern, 0)  # from the record
    plain = re._compiler.compile(pattern, 0)
    for p in (first, second):
        assert (p.pattern, p.flags, p.groups, p.groupindex) == (plain.pattern, plain.flags, plain.groups,
                                                               plain.groupindex)
        for s in SAMPLES:
            a, b = p.match(s), plain.match(s)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
    assert re._compiler.compile is original  # restored after the block


def test_a_corrupt_record_file_is_ignored(tmp_path):
    cache = tmp_path / "regex.pkl"
    cache.write_bytes(b"garbage")
    with fastre.compiled_on_disk(cache):
        p = re._compiler.compile(_big_pattern(), 0)
    assert p.match("w5abc")
    import pickle

    assert len(pickle.loads(cache.read_bytes())) == 1  # rewritten as a valid record
    with fastre.compiled_on_disk(cache):
        assert re._compiler.compile(_big_pattern(), 0).match("w5abc")
