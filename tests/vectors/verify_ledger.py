#!/usr/bin/env python3
"""A second verifier of Ramstein ledgers, written from docs/formats/events.md
alone, with Python's standard library only.

    verify_ledger.py LEDGER            verify; prints "ok: N events" or "FAILED: ..."
    verify_ledger.py --self-test       the pinned chain examples of events.md
    verify_ledger.py --reforge LEDGER  what a forger does after editing rows:
                                       every hash and the head recomputed, -ack removed

It checks, in the spec's order, for each event: (1) storage classes, type
range, salt length; (2) sequence continuity; (3) the chain hash (format 1
and 2); (4) the author is UTF-8; (5) the type is a known kind; (6) the
payload is canonical JSON (re-encoded to the same bytes; money, dates and
integers as the spec spells them); (7) `sources` is the payload's cited ids;
(8) a source's sha256 is its text's. Then the head, and LEDGER-ack.
It does not check (9), each kind's fields and the rules records must meet
(records.md), nor recompute a migration record: `ramstein verify` does.
Exit status 0 when the ledger verifies, 1 when it does not, 2 on misuse.
"""

import hashlib
import json
import os
import re
import sqlite3
import struct
import sys

KINDS = {i + 1: k for i, k in enumerate(
    "source actor person role forum membership chair meeting attendance item measure status delivery hold "
    "resumption authority balance requirement claim figure release migration".split())}
ZERO = bytes(32)
FORMATS = {"ramstein-ledger-1": 1, "ramstein-ledger-2": 2}


class Failed(Exception):
    pass


def blake2b(data):
    return hashlib.blake2b(data, digest_size=32).digest()


def entry(fmt, sequence, time_ms, type_, author, sources, payload, salt):
    """The entry bytes of an event ("Entry bytes of an event")."""
    if fmt == 2:
        return (b"RMSEV2" + struct.pack("<QqH", sequence, time_ms, type_) + struct.pack("<I", len(author)) + author
                + blake2b(salt + payload))
    return (b"RMSEV1" + struct.pack("<QqH", sequence, time_ms, type_) + struct.pack("<I", len(author)) + author
            + struct.pack("<I", len(sources)) + sources + struct.pack("<I", len(payload)) + payload)


# --- canonical JSON ---------------------------------------------------------

SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# The fields records.md types as dates, in every kind.
DATE_FIELDS = {"announced", "created", "date", "founded", "from", "needed_by", "period", "published", "stated", "to"}
DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def canonical_string(text):
    out = ['"']
    for ch in text:
        if ch in SHORT_ESCAPES:
            out.append(SHORT_ESCAPES[ch])
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def canonical(value, where):
    """The canonical spelling of a decoded value; Failed for what no payload holds."""
    if isinstance(value, bool) or value is None or isinstance(value, float):
        raise Failed(where + "a boolean, null or float")
    if isinstance(value, int):
        if not -2**63 <= value < 2**63:
            raise Failed(where + "an integer out of range")
        return str(value)
    if isinstance(value, str):
        return canonical_string(value)
    if isinstance(value, list):
        if not value:
            raise Failed(where + "an empty list")
        return "[" + ",".join(canonical(v, where) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            raise Failed(where + "an empty object")
        keys = sorted(value, key=lambda k: k.encode())
        return "{" + ",".join(canonical_string(k) + ":" + canonical(value[k], where) for k in keys) + "}"
    raise Failed(where + "an unknown value")


def pairs_without_repeats(pairs):
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise Failed("a key repeated")
    return dict(pairs)


def check_values(value, where, key=None):
    """Dates and money as the spec spells them, wherever they appear."""
    if isinstance(value, dict):
        if set(value) == {"amount", "currency"}:
            amount = value["amount"]
            if not isinstance(amount, str) or not re.fullmatch(r"(0|[1-9]\d*)(\.\d+)?", amount):
                raise Failed(where + "money whose amount is not a non-negative decimal")
            if not isinstance(value["currency"], str) or not re.fullmatch(r"[A-Z]{3}", value["currency"]):
                raise Failed(where + "money without a currency code")
            minor = int(amount.replace(".", ""))
            if minor > 10**17:
                raise Failed(where + "money above 10^17 minor units")
        for k, v in value.items():
            check_values(v, where, k)
    elif isinstance(value, list):
        for v in value:
            check_values(v, where, key)
    elif isinstance(value, str) and key in DATE_FIELDS:
        m = DATE.match(value)
        if not m:
            raise Failed(where + "field '%s' is not a date" % key)
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if not 1900 <= year <= 2199:
            raise Failed(where + "field '%s' is outside the years 1900..2199" % key)
        if month is not None:
            month = int(month)
            if not 1 <= month <= 12:
                raise Failed(where + "field '%s' is not a date" % key)
            if day is not None:
                leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
                last = 29 if month == 2 and leap else DAYS_IN_MONTH[month - 1]
                if not 1 <= int(day) <= last:
                    raise Failed(where + "field '%s' is not a calendar date" % key)


def decode_payload(payload, where):
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError:
        raise Failed(where + "payload is not valid UTF-8")
    try:
        value = json.loads(text, object_pairs_hook=pairs_without_repeats, parse_float=lambda s: float(s),
                           parse_constant=lambda s: float("nan"))
    except (ValueError, Failed) as error:
        raise Failed(where + "payload is not JSON: %s" % error)
    if not isinstance(value, dict):
        raise Failed(where + "payload is not an object")
    try:
        spelled = canonical(value, where + "payload holds ").encode()
    except UnicodeEncodeError:  # an escaped lone surrogate
        raise Failed(where + "payload holds a string that is not Unicode")
    if spelled != payload:
        raise Failed(where + "payload is not canonical")
    check_values(value, where + "payload holds ")
    return value


# --- the verifier -----------------------------------------------------------

def open_read_only(path):
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)  # with its write-ahead log
    db.text_factory = bytes
    return db


def verify(path):
    if not os.path.exists(path):
        raise Failed("no ledger at '%s'" % path)
    db = open_read_only(path)
    try:
        fmt_row = db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
    except sqlite3.DatabaseError as error:
        raise Failed("not a Ramstein ledger: %s" % error)
    fmt = FORMATS.get(fmt_row[0].decode() if fmt_row and isinstance(fmt_row[0], bytes) else None)
    if fmt is None:
        raise Failed("not a Ramstein ledger (format %r)" % (fmt_row and fmt_row[0]))
    salt_column = ", salt, typeof(salt)" if fmt == 2 else ""
    rows = db.execute("SELECT sequence, time_ms, author, type, sources, payload, hash, typeof(sequence), typeof(time_ms), "
                      "typeof(author), typeof(type), typeof(sources), typeof(payload), typeof(hash)" + salt_column +
                      " FROM events ORDER BY sequence")
    previous_hash, previous_sequence, count = ZERO, 0, 0
    for row in rows:
        sequence, time_ms, author, type_, sources, payload, stored_hash = row[:7]
        classes = [c.decode() for c in row[7:14]]
        where = "event %s: " % sequence
        # (1) storage classes and ranges
        expected = ["integer", "integer", "text", "integer", "text", "text", "blob"]
        names = ["sequence", "time_ms", "author", "type", "sources", "payload", "hash"]
        for name, got, want in zip(names, classes, expected):
            if got != want:
                raise Failed(where + "column '%s' is not stored as %s" % (name, want.upper()))
        if not 0 <= type_ <= 65535:
            raise Failed(where + "type out of range")
        if len(stored_hash) != 32:
            raise Failed(where + "hash is malformed")
        salt = b""
        if fmt == 2:
            salt, salt_class = row[14], row[15].decode()
            if salt_class != "blob" or len(salt) != 16:
                raise Failed(where + "salt is not a 16-byte BLOB")
        # (2) sequence
        if sequence != previous_sequence + 1:
            raise Failed("event %d is missing" % (previous_sequence + 1))
        # (3) chain
        computed = blake2b(previous_hash + entry(fmt, sequence, time_ms, type_, author, sources, payload, salt))
        if computed != stored_hash:
            raise Failed(where + "bytes do not match its hash")
        # (4) author
        try:
            author.decode("utf-8")
        except UnicodeDecodeError:
            raise Failed(where + "the author is not valid UTF-8")
        # (5) kind
        kind = KINDS.get(type_)
        if kind is None:
            raise Failed(where + "unknown type %d" % type_)
        # (6) canonical payload
        record = decode_payload(payload, where)
        if not isinstance(record.get("id"), str):
            raise Failed(where + "the record has no id")
        # (7) sources
        cited = {e.get("source") for e in record.get("evidence", []) if isinstance(e, dict)}
        if kind == "source":
            cited.add(record["id"])
        if any(not isinstance(c, str) for c in cited):
            raise Failed(where + "evidence without a source id")
        if b"\n".join(sorted(c.encode() for c in cited)) != sources:
            raise Failed(where + "sources do not match the payload's evidence")
        # (8) a source's sha256
        if kind == "source" and "text" in record:
            if record.get("sha256") != hashlib.sha256(record["text"].encode()).hexdigest():
                raise Failed(where + "the source's sha256 is not that of its text")
        previous_hash, previous_sequence, count = stored_hash, sequence, count + 1
    # The head names the last event.
    head = db.execute("SELECT value, typeof(value) FROM meta WHERE key='head'").fetchone()
    if head is None:
        if count:
            raise Failed("the ledger holds events up to %d but no head" % previous_sequence)
    else:
        value, value_class = head
        if value_class.decode() != "blob" or len(value) != 40:
            raise Failed("the ledger's head record is malformed")
        head_sequence = struct.unpack("<Q", value[:8])[0]
        if head_sequence != previous_sequence or value[8:] != previous_hash:
            raise Failed("the chain ends at event %d but the ledger's head records event %d" %
                         (previous_sequence, head_sequence))
    # What was acknowledged must still be there.
    ack_path = path + "-ack"
    if os.path.exists(ack_path):
        ack = open(ack_path, "rb").read()
        if len(ack) != 40:
            raise Failed("'%s' is malformed" % ack_path)
        acknowledged = struct.unpack("<Q", ack[:8])[0]
        if acknowledged > previous_sequence:
            raise Failed("the ledger ends at event %d, but event %d was acknowledged: events were lost" %
                         (previous_sequence, acknowledged))
        if acknowledged == previous_sequence and ack[8:] != previous_hash:
            raise Failed("event %d is not the one acknowledged: the ledger was replaced" % acknowledged)
    return count, previous_hash


def reforge(path):
    """Every chain hash recomputed from the rows as they are, the head rewritten, -ack removed."""
    db = sqlite3.connect(path)
    db.text_factory = bytes
    fmt = FORMATS[db.execute("SELECT value FROM meta WHERE key='format'").fetchone()[0].decode()]
    salt_column = ", salt" if fmt == 2 else ", NULL"
    previous, last = ZERO, 0
    updates = []
    for sequence, time_ms, author, type_, sources, payload, salt in db.execute(
            "SELECT sequence, time_ms, CAST(author AS BLOB), type, CAST(sources AS BLOB), CAST(payload AS BLOB)" +
            salt_column + " FROM events ORDER BY sequence"):
        previous = blake2b(previous + entry(fmt, int(sequence), int(time_ms), int(type_), author, sources, payload,
                                            salt or b""))
        updates.append((previous, sequence))
        last = sequence
    db.executemany("UPDATE events SET hash = ? WHERE sequence = ?", updates)
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('head', ?)", (struct.pack("<Q", last) + previous,))
    db.commit()
    db.close()
    if os.path.exists(path + "-ack"):
        os.remove(path + "-ack")


def self_test():
    """The pinned examples of events.md, "The chain"."""
    args = dict(sequence=1, time_ms=1700000000000, type_=2, author=b"tester", sources=b"s:1", payload=b"{}")
    salt = bytes(range(16))
    checks = [
        (blake2b(salt + b"{}").hex(), "4616a50648a445fea8c324a336d6ad021753823eeb304c4476af219ed8115ed4"),
        (blake2b(ZERO + entry(2, salt=salt, **args)).hex(), "6b2f19136161e4c6cb4d19aa04fd2023724c3e10311d190d81af7d45fba4e1a0"),
        (blake2b(ZERO + entry(1, salt=b"", **args)).hex(), "997803eb08eced0eb54f9bc4634641b53710ddec58b8ad85772d8ff58ae654fc"),
    ]
    failed = [got for got, want in checks if got != want]
    print("self-test: %d passed, %d failed" % (len(checks) - len(failed), len(failed)))
    return 1 if failed else 0


def main(argv):
    if len(argv) == 2 and argv[1] == "--self-test":
        return self_test()
    if len(argv) == 3 and argv[1] == "--reforge":
        reforge(argv[2])
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        count, head = verify(argv[1])
    except Failed as failure:
        print("FAILED: %s" % failure)
        return 1
    except sqlite3.DatabaseError as error:
        print("FAILED: the database cannot be read: %s" % error)
        return 1
    print("ok: %d events verified; chain head %s" % (count, head.hex()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
