"""Randomized differential sweep: tabkit's Frame.fromCSV against pandas 3.1.1's read_csv.

One fixed numpy RandomState draws every case: a CSV text of 0-30 rows and 1-6 columns whose
columns are drawn in styles (integers, decimals in many spellings, huge and tiny numbers,
infinity spellings, mixed numbers, text, booleans, near misses of numbers, all missing) with
missing fields in every default spelling (tabkit's and pandas' extra ones), near misses of them
and whitespace-only fields; fields are quoted when they must be and sometimes when they need not
be. The text varies in LF/CRLF line ends, a UTF-8 BOM, a missing trailing newline, blank and
whitespace-only lines, rows shorter or longer than the header and duplicate or empty header
names. Some cases pass `naValues` (pandas: keep_default_na=False, na_values) or `kinds`
(pandas: dtype str for "categorical", float64 for "numeric").

For each case it records pandas' result on the text (`pandas`): per column its name, dtype and
values (a float64 block for numeric dtypes; for others a list of str, None for missing, or
{"py", "repr"} for a non-string object), or the exception. Where the case runs into a behaviour
in which tabkit deliberately differs from pandas (its `why` list), it also records `documented`:
pandas' result on a rewritten text or with options that give tabkit's behaviour (a padded
missing spelling or infinity trimmed, tabkit's default missing list instead of pandas', a boolean
column read as text, a column of integers read as float64), or that tabkit refuses the text.
src/core/csv.sweep.test.ts replays each case with Frame.fromCSV.

Writes test/fixtures/core/sweeps/csv.json.
"""
import io
import os
import re
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import attempt, f64, write_fixture  # noqa: E402

SEED = 20261207
CASES = 260
rs = np.random.RandomState(SEED)

# tabkit's default missing spellings (docs/conventions.md "Reading CSV") and the ones only pandas adds.
TABKIT_NA = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "<NA>"]
PANDAS_ONLY_NA = ["#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "n/a"]
NEAR_NA = ["na", "Null", "NONE", "NAN", "Nan", "nil", "none", "N/a", "<na>"]
NEAR_NUMBER = ["-", ".", "+", "e5", "1e", "1.5.5", "+-1", "--1", "0x1F", "0X1f", "0b101", "0o17", "1_000", "infinit",
               "inff", "\u221e", "\uff11\uff12", "\u0663", "1,5", "1 000", "1e5.5", "1d3", "0x", "5%", "$3"]
INF = ["inf", "-inf", "+inf", "Inf", "INF", "Infinity", "-Infinity", "+INFINITY", "infinity", "iNfInItY", "-INF"]
EDGE_NUMBERS = [".5", "-3.", "1e-3", "1E+5", "+.5", "-.5e-3", "007", "+5", "-0", "-000", "0", "-0.0", "1e309", "-1e309",
                "1e-400", "4.9e-324", "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623158e308",
                "1.7976931348623159e308", "0.1000000000000000055511151231257827021181583404541015625", "9007199254740993",
                "18446744073709551615", "99999999999999999999", "-9223372036854775809", "1.e5", "5e0", "00.50", "1E-05"]
TEXTS = ["abc", "Fran\u00e7a", "\U0001F600", "Zo\u00eb", "a,b", 'say "hi"', "two\nlines", "cr\r\nlf", " lead", "trail ",
         'x"y', "B", "b", "\u00c9lan", "caf\u00e9 cr\u00e8me", "tab\there", "\u4e2d\u6587", ",", '"', "a;b"]
BOOLS = ["True", "False", "true", "false", "TRUE", "FALSE"]
BLANKS = ["  ", "\t", " \t "]
NAMES = ["a", "b", "idade", "saldo", "x1", "pre\u00e7o", "c d", "B", "col,1", 'q"n', " sp ", "\U0001F600", "Unnamed: 0"]
INFINITY_TEXT = re.compile(r"^[+-]?inf(inity)?$", re.IGNORECASE)


def pick(options):
    return options[rs.randint(len(options))]


def random_decimal():
    """A float64 written in one of several notations, sometimes with more digits than it needs."""
    v = float(rs.choice([-1.0, 1.0]) * 10 ** rs.uniform(-12, 12))
    form = rs.randint(6)
    if form == 0:
        return repr(v)
    if form == 1:
        return f"{v:.{rs.randint(0, 20)}e}"
    if form == 2:
        return f"{v:.{rs.randint(0, 8)}f}"
    if form == 3:
        return f"{v:.{rs.randint(1, 12)}E}"
    if form == 4:  # 16-25 significant digits: correct rounding matters in the last bit
        digits = "".join(str(d) for d in rs.randint(0, 10, rs.randint(16, 26)))
        at = rs.randint(0, len(digits) + 1)
        text = digits[:at] + "." + digits[at:]
        return text + (f"e{rs.randint(-330, 310)}" if rs.rand() < 0.5 else "")
    return f"{v:.{rs.randint(1, 6)}g}"


def random_int():
    form = rs.randint(5)
    if form == 0:
        return str(rs.randint(-10, 11))
    if form == 1:
        return str(rs.randint(-100000, 100000))
    if form == 2:
        return str(int(rs.randint(0, 2**62)) * int(rs.choice([-1, 1])))
    if form == 3:
        return pick(["+5", "007", "-0", "+0", "00", "-000", "0012"])
    return str(rs.randint(0, 1000))


def padded(text):
    return pick(["", " ", "  ", "\t"]) + text + pick(["", " ", "\t"])


STYLES = {"int": 0.18, "decimal": 0.2, "mixed": 0.16, "text": 0.13, "chaos": 0.1, "allna": 0.05, "bool": 0.05, "near": 0.08,
          "infs": 0.05}


def value_for(style):
    if style == "int":
        return random_int() if rs.rand() < 0.95 else pick(EDGE_NUMBERS)
    if style == "decimal":
        return random_decimal() if rs.rand() < 0.8 else pick(EDGE_NUMBERS)
    if style == "infs":
        return pick(INF) if rs.rand() < 0.6 else random_int()
    if style == "mixed":
        r = rs.rand()
        return random_int() if r < 0.3 else random_decimal() if r < 0.6 else pick(EDGE_NUMBERS) if r < 0.8 else pick(INF)
    if style == "text":
        return pick(TEXTS)
    if style == "bool":
        return pick(BOOLS)
    if style == "near":
        return pick(NEAR_NUMBER + NEAR_NA) if rs.rand() < 0.15 else random_int()
    if style == "allna":
        return pick(TABKIT_NA)
    pools = [TEXTS, BOOLS, NEAR_NUMBER, NEAR_NA, INF, EDGE_NUMBERS, PANDAS_ONLY_NA, BLANKS]
    return pick(pools[rs.randint(len(pools))]) if rs.rand() < 0.6 else random_decimal()


def missing_spelling():
    r = rs.rand()
    if r < 0.75:
        return pick(TABKIT_NA)
    if r < 0.81:
        return pick(PANDAS_ONLY_NA)
    if r < 0.86:
        return pick(BLANKS)
    if r < 0.9:
        return padded(pick(TABKIT_NA[1:]))
    return pick(NEAR_NA)


def cell(style, p_missing):
    """(text, quoted) of one field."""
    text = missing_spelling() if rs.rand() < p_missing else value_for(style)
    if style in ("int", "decimal", "mixed", "infs") and rs.rand() < 0.08:
        text = padded(text)
    must = any(ch in text for ch in ',"\n\r')
    return text, must or rs.rand() < 0.08


def write_field(text, quoted):
    return '"' + text.replace('"', '""') + '"' if quoted else text


class Draft:
    """A CSV text as cells, so that it can be written again with some cells or the header changed."""

    def __init__(self):
        cols = 1 + int(6 * rs.rand() ** 1.3)
        self.header = [(name, any(ch in name for ch in ',"')) for name in rs.choice(NAMES, cols, replace=False)]
        if rs.rand() < 0.05:
            at = rs.randint(cols)
            self.header[at] = (self.header[rs.randint(cols)][0], self.header[at][1]) if rs.rand() < 0.5 else ("", False)
        n = int(31 * rs.rand() ** 1.5)
        styles = [str(rs.choice(list(STYLES), p=list(STYLES.values()))) for _ in range(cols)]
        p_missing = [0.0 if rs.rand() < 0.4 else rs.uniform(0, 0.35) for _ in range(cols)]
        self.styles = styles
        self.rows = [[cell(styles[j], p_missing[j]) for j in range(cols)] for _ in range(n)]
        if n > 0 and rs.rand() < 0.07:  # a row shorter or longer than the header
            r = rs.randint(n)
            self.rows[r] = self.rows[r][:-1] if rs.rand() < 0.5 and cols > 1 else self.rows[r] + [cell("int", 0.1)]
        if n > 0 and rs.rand() < 0.02:  # every row one field longer: pandas takes the first as the index
            self.rows = [row + [cell("int", 0)] for row in self.rows]
        self.ends = pick(["\n", "\n", "\r\n", "mixed"])
        self.bom = rs.rand() < 0.08
        self.trailing = rs.rand() < 0.8
        # Lines inserted before row k (0 = before the header): blank or whitespace-only.
        self.extra = {}
        for _ in range(rs.poisson(0.25)):
            self.extra.setdefault(rs.randint(n + 2), []).append(pick(["", "", "  ", "\t", " \t"]))

    def text(self, rows=None, header=None):
        rows = self.rows if rows is None else rows
        header = self.header if header is None else header
        lines = [",".join(write_field(*f) for f in header)] + [",".join(write_field(*f) for f in row) for row in rows]
        out = []
        for k, line in enumerate(lines):
            out.extend(self.extra.get(k, []))
            out.append(line)
        out.extend(self.extra.get(len(lines), []))
        text = ""
        for k, line in enumerate(out):
            end = self.ends if self.ends != "mixed" else pick(["\n", "\r\n"])
            text += line + (end if k < len(out) - 1 or self.trailing else "")
        return ("\ufeff" if self.bom else "") + text


def pandas_kwargs(options, names=None):
    kwargs = {}
    if "naValues" in options:
        kwargs.update(keep_default_na=False, na_values=options["naValues"])
    if "kinds" in options:
        kwargs["dtype"] = {k: (str if v == "categorical" else "float64") for k, v in options["kinds"].items()}
    if names is not None:
        kwargs.update(header=0, names=names)
    return kwargs


def record(text, kwargs):
    frame, error = attempt(lambda: pd.read_csv(io.StringIO(text), **kwargs))
    if error is not None:
        return {"error": error}
    columns = []
    for k, name in enumerate(frame.columns):
        s = frame.iloc[:, k]
        entry = {"name": str(name), "dtype": str(s.dtype)}
        if s.dtype.kind in "iuf":
            entry["values"] = f64(s.to_numpy(dtype=np.float64))
        else:
            entry["values"] = [None if (isinstance(v, float) and np.isnan(v)) else v if isinstance(v, str)
                               else {"py": type(v).__name__, "repr": repr(v)} for v in s.tolist()]
        columns.append(entry)
    return {"error": None, "rows": len(frame), "columns": columns}


def beyond_int64(text):
    """An integer literal beyond int64 (pandas then reads its column as uint64, Python ints or text)."""
    return re.fullmatch(r"\s*[+-]?\d+\s*", text) is not None and not -2**63 <= int(text) < 2**63


def documented(draft, options, pandas):
    """Where the case meets a deliberate difference of tabkit's: (why, record of tabkit's behaviour) or None."""
    why = []
    names = [h for h, _ in draft.header]
    width = len(names)
    if any(len(row) != width for row in draft.rows):
        return ["ragged row"], {"error": "refused"}
    if len(set(names)) < width:
        return ["duplicate header name"], {"error": "refused"}
    na = options.get("naValues", TABKIT_NA)
    forced = options.get("kinds", {})
    kwargs = pandas_kwargs(options)
    # pandas turns booleans into 1.0 and 0.0 in a column forced to float64; tabkit refuses them.
    for j, name in enumerate(names):
        if forced.get(name) == "numeric" and any(t.strip(" \t") in BOOLS and t.strip(" \t") not in na for row in draft.rows for t, _ in [row[j]]):
            return ["boolean column"], {"error": "refused"}
    if "naValues" not in options and any(t in PANDAS_ONLY_NA for row in draft.rows for t, _ in row):
        why.append("pandas-only missing spelling")
        kwargs.update(keep_default_na=False, na_values=TABKIT_NA)
    rows = [list(row) for row in draft.rows]
    for row in rows:
        for j, (t, q) in enumerate(row):
            s = t.strip(" \t")
            if s != t and s in na:
                why.append("padded missing spelling")
                row[j] = (s, q)
    # pandas also matches a numeric na_values entry ("0", "inf") by value ("+0", "Infinity"); tabkit
    # compares text: mark the fields tabkit finds missing and leave those entries out.
    if "naValues" in options and any(attempt(lambda: float(v))[1] is None for v in na):
        why.append("numeric naValues entry")
        rows = [[("<missing>", q) if t.strip(" \t") in na else (t, q) for t, q in row] for row in rows]
        kwargs["na_values"] = ["<missing>"] + [v for v in na if attempt(lambda: float(v))[1] is not None]
    inf_columns = set()
    for row in rows:
        for j, (t, q) in enumerate(row):
            s = t.strip(" \t")
            if s != t and INFINITY_TEXT.match(s) and s not in na and forced.get(names[j]) != "categorical":
                inf_columns.add(j)
    use_names = None
    # With one column an unquoted empty name is a blank line, which both skip.
    if "" in names and (width > 1 or draft.header[0][1]):
        why.append("empty header name")
        use_names = names
    if use_names is not None:
        kwargs.update(header=0, names=use_names)
    if not why and not inf_columns and pandas.get("error") is not None:
        return None
    base = record(draft.text(rows), kwargs)
    # A padded infinity is a number in tabkit: trim it where the column is numeric once trimmed.
    if inf_columns and base["error"] is None:
        trimmed = [[(t.strip(" \t"), q) if j in inf_columns else (t, q) for j, (t, q) in enumerate(row)] for row in rows]
        again = record(draft.text(trimmed), kwargs)
        if again["error"] is None:
            numeric = {j for j in inf_columns if again["columns"][j]["dtype"] == "float64"}
            if numeric:
                why.append("padded infinity")
                rows = [[(t.strip(" \t"), q) if j in numeric else (t, q) for j, (t, q) in enumerate(row)] for row in rows]
                base = record(draft.text(rows), kwargs)
    # Column-wise differences read off pandas' result: booleans, integers pandas keeps as int64/object.
    if base["error"] is None:
        dtypes = dict(kwargs.get("dtype", {}))
        for j, col in enumerate(base["columns"]):
            values = col["values"]
            if col["dtype"] == "bool" or (isinstance(values, list) and any(isinstance(v, dict) and v["py"] == "bool" for v in values)):
                why.append("boolean column")
                dtypes[names[j]] = str
            elif isinstance(values, list) and any(beyond_int64(t) for row in rows for t, _ in [row[j]]) and forced.get(names[j]) is None:
                if attempt(lambda: pd.read_csv(io.StringIO(draft.text(rows)), **{**kwargs, "dtype": {**dtypes, names[j]: "float64"}}))[1] is None:
                    why.append("integers beyond int64")
                    dtypes[names[j]] = "float64"
            elif col["dtype"] in ("int64", "uint64", "float64") and any(re.fullmatch(r"\s*-0+\s*", t) for row in rows for t, _ in [row[j]]):
                as_float = record(draft.text(rows), {**kwargs, "dtype": {**dtypes, names[j]: "float64"}})
                if as_float["columns"][j]["values"]["$f64"] != col["values"]["$f64"]:
                    why.append("-0 as an integer")
                    dtypes[names[j]] = "float64"
        if dtypes != kwargs.get("dtype", {}):
            kwargs["dtype"] = dtypes
            base = record(draft.text(rows), kwargs)
    if not why:
        return None
    return sorted(set(why)), base


def random_options(draft):
    names = [h for h, _ in draft.header]
    r = rs.rand()
    if r < 0.12:
        pool = TABKIT_NA + PANDAS_ONLY_NA + ["x", "-", "?", "na", "0", "inf"]
        return {"naValues": [str(v) for v in rs.choice(pool, rs.randint(1, 6), replace=False)]}
    if r < 0.27 and len(set(names)) == len(names):
        chosen = rs.choice(names, rs.randint(1, len(names) + 1), replace=False)
        return {"kinds": {str(n): ("categorical" if rs.rand() < 0.5 else "numeric") for n in chosen}}
    return {}


# Hand-written cases: (description, text, None or (why, text and read_csv options giving tabkit's behaviour)).
TABKIT_NA_ONLY = {"keep_default_na": False, "na_values": TABKIT_NA}
FIXED = [
    ("empty text", "", None),
    ("only line breaks", "\n\r\n\n", None),
    ("BOM only", "\ufeff", None),
    ("header without newline", "a", None),
    ("header only, CRLF", "a,b\r\n", None),
    ("unclosed quote", 'a\n"x\n', None),
    ("unclosed quote in header", '"a,b\n1\n', None),
    ("quoted empty row in one column", 'a\n1\n""\n3\n', None),
    ("whitespace-only line in one column", "a\n1\n   \n3\n", None),
    ("whitespace-only line between rows", "a,b\n1,2\n \t \r\n3,4\n", None),
    ("whitespace-only line before the header", "  \na,b\n1,2\n", None),
    ("whitespace-only last line without newline", "a\n1\n\t ", None),
    ("quoted whitespace in one column", 'a\n1\n"  "\n', (["padded missing spelling"], 'a\n1\n""\n', {})),
    ("text after a closing quote", 'a\n"x"y\n"1"2\n', None),
    ("quote inside an unquoted field", 'a\nx"y\n', None),
    ("BOM before a quoted header", '\ufeff"a b",c\n1,2\n', None),
    ("CR inside quotes", 'a\n"x\r\ny"\n"\r"\n', (["padded missing spelling"], 'a\n"x\r\ny"\n""\n', {})),
    ("lone CR line ends", "a,b\r1,2\r3,4\r", None),
    ("every default missing spelling", "a\n1\n" + "\n".join(f'"{v}"' if v == "" else v for v in TABKIT_NA) + "\n", None),
    ("pandas-only missing spellings", "a\n1\n" + "\n".join(PANDAS_ONLY_NA) + "\n",
     (["pandas-only missing spelling"], "a\n1\n" + "\n".join(PANDAS_ONLY_NA) + "\n", TABKIT_NA_ONLY)),
    ("near misses of missing", "a\n" + "\n".join(NEAR_NA) + "\n", None),
    ("infinity spellings", "a\n" + "\n".join(INF) + "\n", None),
    ("edge decimals", "a\n" + "\n".join([".5", "-3.", "1e-3", "1E+5", "+.5", "-.5e-3", "007", "-0.0", "1e309", "-1e309", "1e-400",
                                         "4.9e-324", "2.4703282292062328e-324", "1.7976931348623158e308", "1.7976931348623159e308",
                                         "0.1000000000000000055511151231257827021181583404541015625", "1.e5", "00.50"]) + "\n", None),
    ("huge integers", "a\n9007199254740993\n18446744073709551615\n18446744073709551616\n-9223372036854775809\n",
     (["integers beyond int64"], "a\n9007199254740993\n18446744073709551615\n18446744073709551616\n-9223372036854775809\n", {"dtype": {"a": "float64"}})),
    ("booleans", "a,b\nTrue,true\nFalse,NA\n", (["boolean column"], "a,b\nTrue,true\nFalse,NA\n", {"dtype": {"a": str, "b": str}})),
    ("-0 among integers", "a,b\n-0,-0.0\n1,1\n", (["-0 as an integer"], "a,b\n-0,-0.0\n1,1\n", {"dtype": {"a": "float64"}})),
    ("number padded with a no-break space", "a\n1\n\u00a02\n", (["unicode space around a number"], "a\n1\n2\n", {})),
    ("numbers padded with spaces and tabs", "a\n 12 \n\t3\n+4 \n", None),
    ("padded missing and infinity", "a,b\n1, NA\n inf ,2\n", (["padded infinity", "padded missing spelling"], "a,b\n1,NA\ninf,2\n", {})),
    ("one empty header name", "a,\n1,2\n", (["empty header name"], "a,\n1,2\n", {"header": 0, "names": ["a", ""]})),
    ("two empty header names", ",b,\n1,2,3\n", (["duplicate header name"], None, None)),
    ("duplicate header names", "a,b,a\n1,2,3\n", (["duplicate header name"], None, None)),
    ("short row", "a,b\n1,2\n3\n", (["ragged row"], None, None)),
    ("every row one field longer", "a,b\n1,2,3\n4,5,6\n", (["ragged row"], None, None)),
    ("all-missing column", "a,b\n1,\n2,NA\n", None),
]


def main():
    cases = []
    for desc, text, doc in FIXED:
        case = {"index": len(cases), "desc": desc, "text": text, "options": {}, "pandas": record(text, {})}
        if doc is not None:
            why, doc_text, kwargs = doc
            case["why"], case["documented"] = why, {"error": "refused"} if doc_text is None else record(doc_text, kwargs)
        cases.append(case)
    while len(cases) < CASES:
        draft = Draft()
        options = random_options(draft)
        text = draft.text()
        pandas = record(text, pandas_kwargs(options))
        case = {"index": len(cases), "desc": "+".join(sorted(set(draft.styles))) + f" {len(draft.rows)}x{len(draft.header)}",
                "text": text, "options": options, "pandas": pandas}
        found = documented(draft, options, pandas)
        if found is not None:
            case["why"], case["documented"] = found
        cases.append(case)
    write_fixture("core/sweeps/csv.json", {"seed": SEED, "pandas": pd.__version__, "cases": cases})


if __name__ == "__main__":
    main()
