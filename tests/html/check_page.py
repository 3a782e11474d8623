#!/usr/bin/env python3
"""Checks for tests/html/check.sh, with Python's standard library only.

    check_page.py static PAGE.html            no URL, link, script, font, @import or url() in the page
    check_page.py netlog NETLOG.json          the page itself asked the network for nothing
    check_page.py png SHOT.png [RRGGBB N]     a real picture: many colours, ink on the page (and
                                              at least N pixels of colour RRGGBB: the SVG bars)
    check_page.py pdf PRINT.pdf MAX_PAGES     a PDF of 1 to MAX_PAGES pages
    check_page.py aging DOM.html AGING.json   the DOM's total rows equal the JSON's totals
    check_page.py statement DOM.html ST.json  the DOM's statement figures equal the JSON's

Each prints what it found and exits 1 when the check fails.
"""

import json
import re
import struct
import sys
import zlib
from html.parser import HTMLParser


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


# --- static: what in a page could make a browser fetch something --------------------------

EXTERNAL = [
    r"https?:", r"ftp:", r"file:", r"url\(", r"@import", r"@font-face", r"\bsrc\s*=",
    r"\bsrcset\s*=", r"\baction\s*=", r"\bposter\s*=", r"<script", r"<link", r"<iframe",
    r"<object", r"<embed", r"<img", r"<base", r"//",
]


def check_static(path):
    page = open(path, encoding="utf-8").read()
    found = [p for p in EXTERNAL if re.search(p, page, re.IGNORECASE)]
    # href= is allowed only to a fragment of the page itself.
    for href in re.findall(r"""\bhref\s*=\s*["']?([^"'\s>]*)""", page, re.IGNORECASE):
        if not href.startswith("#"):
            found.append(f"href={href}")
    if found:
        fail(f"{path} names something outside itself: {found}")
    print(f"ok: {path}: no external reference")


# --- netlog: requests the page made ---------------------------------------------------------

def check_netlog(path):
    log = json.load(open(path, encoding="utf-8"))
    types = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    # Chromium's own background requests (update checks, the clock, accounts) have no file://
    # page behind them; a request the page makes is keyed to the file:// site that asked.
    asked = set()
    for event in log["events"]:
        params = event.get("params") or {}
        if types.get(event["type"]) != "URL_REQUEST_START_JOB" or "url" not in params:
            continue
        key = str(params.get("network_isolation_key", "")) + str(params.get("site_for_cookies", ""))
        if "file://" in key and not params["url"].startswith("file:"):
            asked.add(params["url"])
    if asked:
        fail(f"{path}: the page made requests: {sorted(asked)}")
    print(f"ok: {path}: the page made no network request")


# --- png: decode (8-bit RGB/RGBA, not interlaced: what Chromium writes) ---------------------

def png_pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        fail(f"{path}: unexpected PNG format (depth {depth}, colour type {colour})")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, previous, at = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = previous[i]
            corner = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, bpp, rows


def check_png(path, colour=None, at_least=0):
    width, height, bpp, rows = png_pixels(path)
    colours, ink, matching = set(), 0, 0
    want = bytes.fromhex(colour) if colour else None
    for row in rows:
        for x in range(0, len(row), bpp):
            pixel = row[x:x + 3]
            colours.add(pixel)
            if sum(pixel) < 3 * 200:
                ink += 1
            if want is not None and pixel == want:
                matching += 1
    share = ink / (width * height)
    print(f"{path}: {width}x{height}, {len(colours)} colours, {share:.1%} ink"
          + (f", {matching} pixels of #{colour}" if want else ""))
    if len(colours) < 16:
        fail(f"{path} is blank or nearly: {len(colours)} colours")
    if share < 0.005:
        fail(f"{path} has almost nothing drawn on it")
    if want is not None and matching < at_least:
        fail(f"{path}: {matching} pixels of #{colour}, fewer than {at_least}: the chart is missing")
    print(f"ok: {path} is a real picture")


def check_pdf(path, max_pages):
    data = open(path, "rb").read()
    if not data.startswith(b"%PDF-"):
        fail(f"{path} is not a PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    if not 1 <= pages <= max_pages:
        fail(f"{path} has {pages} pages; expected 1 to {max_pages}")
    print(f"ok: {path}: {pages} printed page(s)")


# --- totals from the DOM --------------------------------------------------------------------

class Fields(HTMLParser):
    """Collects the text of each data-field element, by the nearest enclosing element marked
    data-total-currency (aging) or data-currency (a section)."""

    def __init__(self):
        super().__init__()
        self.stack, self.found, self.field, self.text = [], {}, None, ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.stack.append((tag, attrs))
        if "data-field" in attrs:
            self.field, self.text = attrs["data-field"], ""

    def handle_endtag(self, tag):
        if self.field is not None and self.stack and self.stack[-1][0] == tag \
                and "data-field" in self.stack[-1][1]:
            scope, customer = None, None
            for _, attrs in reversed(self.stack):
                if "data-total-currency" in attrs:
                    scope = ("total", attrs["data-total-currency"])
                    break
                if "data-customer-id" in attrs:
                    customer = attrs["data-customer-id"]
                if "data-currency" in attrs:
                    currency = attrs["data-currency"]
                    scope = ("customer", customer, currency) if customer else ("section", currency)
                    break
            self.found.setdefault(scope, {})[self.field] = self.text.strip()
            self.field = None
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.field is not None:
            self.text += data


def dom_fields(path):
    parser = Fields()
    parser.feed(open(path, encoding="utf-8").read())
    return parser.found


def exact_json(path):
    # Numbers as their text: 10000.00 stays "10000.00", never a float.
    return json.load(open(path, encoding="utf-8"), parse_float=str, parse_int=str)


def compare(what, got, want):
    if got != want:
        fail(f"{what}: the page shows {got}, the JSON says {want}")
    print(f"ok: {what}: {got}")


def check_aging(dom, report):
    found, report = dom_fields(dom), exact_json(report)
    names = ["current", "days1To30", "days31To60", "days61To90", "days90Plus", "total"]
    if not report["totals"]:
        fail("the sample ledger has nothing outstanding")
    for total in report["totals"]:
        currency = total["currency"]
        compare(f"aging total {currency}", found.get(("total", currency)),
                {n: total[n] for n in names})
    for row in report["customers"]:
        compare(f"aging customer {row['customerId']} {row['currency']}",
                found.get(("customer", row["customerId"], row["currency"])),
                {n: row[n] for n in names})


def check_statement(dom, statement):
    found, statement = dom_fields(dom), exact_json(statement)
    names = ["openingBalance", "openingFunds", "closingBalance", "availableFunds"]
    for section in statement["currencies"]:
        currency = section["currency"]
        compare(f"statement {statement['customerId']} {currency}",
                found.get(("section", currency)), {n: section[n] for n in names})


def main(args):
    command = args[0] if args else ""
    if command == "static":
        check_static(args[1])
    elif command == "netlog":
        check_netlog(args[1])
    elif command == "png":
        check_png(args[1], *(args[2:3]), *([int(args[3])] if len(args) > 3 else []))
    elif command == "pdf":
        check_pdf(args[1], int(args[2]))
    elif command == "aging":
        check_aging(args[1], args[2])
    elif command == "statement":
        check_statement(args[1], args[2])
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv[1:])
