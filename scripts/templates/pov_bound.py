#!/usr/bin/env python3
"""Makes every generated weight charge at least the proof size its benchmark measured.

The bencher (frame-benchmarking-cli) writes two proof sizes per benchmark: the one it *measured* (the storage proof
the benchmark recorded) and the one it *estimated* from the storage items' `MaxEncodedLen`, and the
weight charges the estimate. The estimate is not always the larger: a read from a large map
carries more trie nodes than the item's size allows for (`count` reads 59 keys per constituency:
measured 133,003 bytes per constituency, estimated 87,794). A block of such calls would then be
larger than its weight says. This rewrites each weight of a generated `weights.rs` so that its
base and every component's slope are the larger of the two, term by term, in both impls (the
runtime's and `()`), and says so beside the numbers.

Usage: pov_bound.py weights.rs [...]   (scripts/bench.sh runs it on each file it writes)
"""
import re
import sys

TERM = re.compile(r"^\s*(\w+)\s*\*\s*(\d+)\s*$")


def parse(expr):
    """`A + c * X + l * Y` → (A, {c: X, l: Y})."""
    parts = [p.strip() for p in expr.split("+")]
    base, slopes = int(parts[0]), {}
    for p in parts[1:]:
        m = TERM.match(p)
        if not m:
            raise ValueError(f"cannot read proof-size term {p!r} in {expr!r}")
        slopes[m.group(1)] = int(m.group(2))
    return base, slopes


FN = re.compile(r"\tfn (\w+)\(([^)]*)\) -> Weight \{\n(.*?)\n\t\}", re.S)
COMMENT = re.compile(
    r"// Proof size: measured `([^`]*)`, estimated `([^`]*)` bytes(?:; charged: the larger, term by term)?\."
)


def bounds(text):
    """Each benchmark's charged proof size: name → (base, slopes)."""
    out = {}
    for m in FN.finditer(text):
        c = COMMENT.search(m.group(3))
        if not c:
            continue
        (mb, ms), (eb, es) = parse(c.group(1)), parse(c.group(2))
        keys = sorted(set(ms) | set(es))
        out[m.group(1)] = (max(mb, eb), {k: max(ms.get(k, 0), es.get(k, 0)) for k in keys})
    return out


def rewrite(text, charged):
    def one(m):
        name, params, body = m.group(1), m.group(2), m.group(3)
        if name not in charged:
            return m.group(0)
        base, slopes = charged[name]
        lines = body.split("\n")
        # The base: the proof size of the first `Weight::from_parts(ref, proof)`.
        for i, line in enumerate(lines):
            b = re.match(r"(\s*)Weight::from_parts\(([\d_]+), (\d+)\)$", line)
            if b:
                lines[i] = f"{b.group(1)}Weight::from_parts({b.group(2)}, {base})"
                break
        else:
            raise ValueError(f"{name}: no base weight line")
        # The slopes: drop the old proof-size terms, put the charged ones before the database terms.
        lines = [l for l in lines if not re.match(r"\s*\.saturating_add\(Weight::from_parts\(0, \d+\)\.saturating_mul\(\w+\.into\(\)\)\)$", l)]
        at = next((i for i, l in enumerate(lines) if "DbWeight::get()" in l), len(lines))
        new = [f"\t\t\t.saturating_add(Weight::from_parts(0, {s}).saturating_mul({k}.into()))" for k, s in slopes.items() if s > 0]
        lines[at:at] = new
        # A component that now weighs must be named without the unused-marker underscore.
        for k, s in slopes.items():
            if s > 0:
                params = re.sub(rf"\b_{k}: u32", f"{k}: u32", params)
        body = "\n".join(lines)
        if "Proof size: measured" in body and "charged: the larger" not in body:
            body = body.replace(" bytes.\n", " bytes; charged: the larger, term by term.\n", 1)
        return f"\tfn {name}({params}) -> Weight {{\n{body}\n\t}}"

    return FN.sub(one, text)


def main():
    for path in sys.argv[1:]:
        text = open(path).read()
        charged = bounds(text)
        out = rewrite(text, charged)
        # Idempotent: a second pass changes nothing.
        assert rewrite(out, bounds(out)) == out, f"{path}: not idempotent"
        if out != text:
            open(path, "w").write(out)
        print(f"{path}: {len(charged)} weights, proof size charged at least as measured")


if __name__ == "__main__":
    main()
