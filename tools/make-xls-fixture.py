"""Writes the legacy Excel (.xls, BIFF8) fixtures tests/data/numbers.xls and
tests/data/errors.xls: the sheets, cells and values of numbers.xlsx and
errors.xlsx, taken from fixture_sheets() in tools/make-survey-exports.py so
that the data lives in one place. numbers.xls is copied to
fuzz/seeds-sheet/numbers.xls as a fuzzing seed.

It needs the PyPI package xlwt (the exports script needs only the standard
library, so this is a script of its own); .ci/run installs its last release:

  python3 -m venv target/xls-venv
  target/xls-venv/bin/pip install "xlwt==1.3.0"

Usage, from the repository root: target/xls-venv/bin/python tools/make-xls-fixture.py [--check]

A text is a string cell (in the shared string table), a number a number cell.
BIFF stores every number as a double, and xlwt writes a whole one (4, 2.0) as
an integer RK record, so calamine reads 2.0 as the integer 2 where the .xlsx
gives the float 2.0; 4.5 is an RK record of 450 hundredths. Booleans and
dates are not written (the fixtures have none). The output is deterministic:
xlwt writes no time stamp, and the owner is the fixed "None".

--check reads the files back, as bytes (no xlrd): the compound document's
stream "Workbook", then its BIFF8 records (BOUNDSHEET names in order, SST
strings, LABELSST, RK, MULRK and NUMBER cells), and compares every cell's
position, kind and value with what was written, and the seed with the fixture.
"""
import importlib.util
import os
import shutil
import struct
import sys

import xlwt

sys.dont_write_bytecode = True  # no tools/__pycache__ from the import below
HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("survey_exports", os.path.join(HERE, "make-survey-exports.py"))
exports = importlib.util.module_from_spec(spec)
spec.loader.exec_module(exports)  # its writing is behind __main__: this only defines

SEEDED = ["numbers.xls"]


def xls_sheets():
    """{file name: sheets}: an .xls for each .xlsx fixture of the exports script."""
    return {name.removesuffix("x"): sheets for name, sheets in exports.fixture_sheets().items()
            if name.endswith(".xlsx")}


def write_xls(path, sheets):
    """Writes a BIFF8 workbook to path with xlwt. sheets is as for the exports script's write_xlsx:
    a list of (sheet name, rows), rows[0] is row 1 and row[0] column A, a None cell is no cell.
    A cell is a str (text) or an int or float (number); anything else is refused."""
    exports.check_sheet_names(sheets)
    book = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets:
        sheet = book.add_sheet(name)
        for y, row in enumerate(rows):
            for x, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                    raise TypeError(f"{name}!{exports.column(x)}{y + 1}: cannot write {value!r}")
                if isinstance(value, float):
                    exports.number(value)  # refuses NaN and infinities
                sheet.write(y, x, value)
    book.save(path)


def ole_stream(data, name="Workbook"):
    """The bytes of the stream name in the compound document (OLE2) data: the header's sector
    size, the FAT from the header's DIFAT (up to 109 sectors, enough for a small file), the
    directory's entries, and the stream's sectors (the mini stream for one under 4096 bytes)."""
    assert data[:8] == bytes.fromhex("D0CF11E0A1B11AE1"), "not a compound document"
    shift, mini_shift = struct.unpack_from("<HH", data, 30)
    size, mini_size = 1 << shift, 1 << mini_shift
    fat_sectors, dir_start, cutoff, minifat_start = (struct.unpack_from("<i", data, o)[0] for o in (44, 48, 56, 60))
    sector = lambda k: data[512 + k * size:512 + (k + 1) * size]
    difat = struct.unpack_from("<109i", data, 76)[:fat_sectors]
    fat = [n for k in difat for n in struct.unpack(f"<{size // 4}i", sector(k))]

    def chain(start, table, read):
        out, k = b"", start
        while k >= 0:
            out += read(k)
            k = table[k]
        return out

    directory = chain(dir_start, fat, sector)
    entries = {}
    for k in range(len(directory) // 128):
        e = directory[128 * k:128 * (k + 1)]
        n = struct.unpack_from("<H", e, 64)[0]
        entries[e[:max(n - 2, 0)].decode("utf-16-le")] = (e[66], *struct.unpack_from("<iI", e, 116))
    kind, start, length = entries[name]
    assert kind == 2, (name, kind)  # a stream
    if length >= cutoff:
        return chain(start, fat, sector)[:length]
    _, root_start, _ = entries["Root Entry"]
    mini = chain(root_start, fat, sector)
    table = chain(minifat_start, fat, sector)
    minifat = struct.unpack(f"<{len(table) // 4}i", table)
    return chain(start, minifat, lambda k: mini[k * mini_size:(k + 1) * mini_size])[:length]


def read_xls(path):
    """[(sheet name, {cell reference: value})] of a workbook written by write_xls, in sheet order:
    a LABELSST cell as its str, an RK, MULRK or NUMBER cell as a float. Asserts BIFF8 and that no
    other kind of cell (LABEL, BOOLERR, FORMULA, BLANK, MULBLANK, RSTRING) is there."""
    with open(path, "rb") as f:
        stream = ole_stream(f.read())
    records, at = [], 0
    while stream[at:].strip(b"\0"):  # xlwt pads the stream with zeros to 4096 bytes, out of the mini stream
        kind, length = struct.unpack_from("<HH", stream, at)
        records.append((at, kind, stream[at + 4:at + 4 + length]))
        at += 4 + length

    def text(b, at):
        """A BIFF8 XLUnicodeString at b[at:], with a 16-bit count: (str, offset after it).
        Asserts no rich text, no Asian phonetics (write_xls writes neither)."""
        n, flags = struct.unpack_from("<HB", b, at)
        assert flags & ~1 == 0, flags
        width = 2 if flags & 1 else 1
        raw = b[at + 3:at + 3 + n * width]
        return raw.decode("utf-16-le" if width == 2 else "latin-1"), at + 3 + n * width

    _, kind, bof = records[0]
    assert kind == 0x0809 and struct.unpack_from("<HH", bof)[0:2] == (0x0600, 0x0005), "not a BIFF8 workbook"
    sheets, sst = [], []
    for at, kind, b in records:
        if kind == 0x0085:  # BOUNDSHEET: the stream offset of the sheet's BOF, visible, worksheet, name
            offset, hidden, sheet_type, n, flags = struct.unpack_from("<IBBBB", b)
            assert hidden == 0 and sheet_type == 0
            sheets.append((offset, b[8:8 + n * (2 if flags & 1 else 1)].decode("utf-16-le" if flags & 1 else "latin-1")))
        elif kind == 0x00FC:  # SST, without CONTINUE records: the fixtures' strings are short
            total, unique = struct.unpack_from("<II", b)
            pos = 8
            for _ in range(unique):
                s, pos = text(b, pos)
                sst.append(s)
            assert pos == len(b)
    assert not any(kind == 0x003C for _, kind, _ in records), "CONTINUE records are not read here"
    starts = {at: k for k, (at, kind, _) in enumerate(records) if kind == 0x0809}
    def rk(b, at):
        """The number of an RK value at b[at:]: a 30-bit integer or the top of a double, maybe in hundredths."""
        rk = struct.unpack_from("<i", b, at)[0]
        v = float(rk >> 2) if rk & 2 else struct.unpack("<d", struct.pack("<q", (rk & ~3) << 32))[0]
        return v / 100 if rk & 1 else v

    out = []
    for offset, name in sheets:
        cells = {}

        def put(y, x, value):
            ref = f"{exports.column(x)}{y + 1}"
            assert ref not in cells, ref
            cells[ref] = value

        for _, kind, b in records[starts[offset] + 1:]:
            y, x = struct.unpack_from("<HH", b) if len(b) >= 4 else (None, None)
            if kind == 0x000A:  # EOF
                break
            elif kind == 0x00FD:  # LABELSST
                put(y, x, sst[struct.unpack_from("<I", b, 6)[0]])
            elif kind == 0x0203:  # NUMBER
                put(y, x, struct.unpack_from("<d", b, 6)[0])
            elif kind == 0x027E:  # RK
                put(y, x, rk(b, 6))
            elif kind == 0x00BD:  # MULRK: a run of RK cells in a row, from column x to the last
                last = struct.unpack_from("<H", b, len(b) - 2)[0]
                assert len(b) == 6 + 6 * (last - x + 1), (y, x, last)
                for k in range(last - x + 1):
                    put(y, x + k, rk(b, 6 + 6 * k))
            else:
                assert kind not in (0x0204, 0x0205, 0x0006, 0x0201, 0x00BE, 0x00D6), hex(kind)
        out.append((name, cells))
    return out


def check():
    for name, sheets in xls_sheets().items():
        want = [(sheet, {f"{exports.column(x)}{y}": (str, c) if isinstance(c, str) else (float, float(c))
                         for y, row in enumerate(rows, 1) for x, c in enumerate(row) if c is not None})
                for sheet, rows in sheets]
        got = [(s, {r: (type(v), v) for r, v in c.items()}) for s, c in read_xls(f"{exports.FIXTURES}/{name}")]
        assert got == want, (name, got, want)
        print(f"{exports.FIXTURES}/{name}: " + ", ".join(f"{s} {len(c)} cells" for s, c in got)
              + ", all as written (numbers as doubles)")
    for name in SEEDED:
        with open(f"{exports.FIXTURES}/{name}", "rb") as fixture, open(f"{exports.SEEDS}/{name}", "rb") as seed:
            assert fixture.read() == seed.read(), f"{exports.SEEDS}/{name}"
        print(f"{exports.SEEDS}/{name}: the same as {exports.FIXTURES}/{name}")


def main():
    os.makedirs(exports.FIXTURES, exist_ok=True)
    for name, sheets in xls_sheets().items():
        write_xls(f"{exports.FIXTURES}/{name}", sheets)
    os.makedirs(exports.SEEDS, exist_ok=True)
    for name in SEEDED:
        shutil.copyfile(f"{exports.FIXTURES}/{name}", f"{exports.SEEDS}/{name}")
    if "--check" in sys.argv[1:]:
        check()


if __name__ == "__main__":
    main()
