#!/usr/bin/env python3
"""Builds every ledger of vectors.json with the `ramstein` binary given and
checks that `ramstein verify` and verify_ledger.py both reach its expected
verdict (and name its event, where it gives one). Prints one line per
vector and "N passed, N failed"; exit status 1 when any failed.

    run_vectors.py RAMSTEIN_BINARY"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import verify_ledger  # noqa: E402


def run(args):
    done = subprocess.run(args, capture_output=True, text=True, errors="replace")
    return done.returncode, done.stdout + done.stderr


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary = argv[1]
    vectors = json.load(open(os.path.join(HERE, "vectors.json")))["vectors"]
    work = tempfile.mkdtemp(prefix="ramstein-vectors-")
    passed = failed = 0
    try:
        bases = {}
        for base, args in (("bundled", ["init", "--bundled"]), ("empty", ["init"])):
            path = os.path.join(work, base + ".db")
            code, out = run([binary, "--db", path] + args)
            if code != 0:
                print("not ok - base %s: %s" % (base, out))
                return 1
            bases[base] = path
        for number, vector in enumerate(vectors):
            path = os.path.join(work, "vector-%d.db" % number)
            base = bases[vector["base"]]
            for suffix in ("", "-ack"):
                if os.path.exists(base + suffix):
                    shutil.copyfile(base + suffix, path + suffix)
            ack = open(path + "-ack", "rb").read() if os.path.exists(path + "-ack") else None
            db = sqlite3.connect(path)
            for statement in vector.get("sql", []):
                before = db.total_changes
                db.execute(statement)
                if db.total_changes == before:
                    print("not ok - %s: its SQL changed nothing: %s" % (vector["name"], statement))
                    return 1
            db.commit()
            db.close()
            if vector.get("reforge"):
                verify_ledger.reforge(path)
                if vector.get("keep_ack") and ack is not None:
                    open(path + "-ack", "wb").write(ack)
            cxx_code, cxx_out = run([binary, "--db", path, "verify"])
            py_code, py_out = run([sys.executable, os.path.join(HERE, "verify_ledger.py"), path])
            want_ok = vector["expect"] == "ok"
            problems = []
            for who, code, out in (("ramstein verify", cxx_code, cxx_out), ("verify_ledger.py", py_code, py_out)):
                if (code == 0) != want_ok:
                    problems.append("%s: %s" % (who, out.strip().splitlines()[-1] if out.strip() else code))
                elif not want_ok and "event" in vector and "event %d" % vector["event"] not in out:
                    problems.append("%s does not name event %d: %s" % (who, vector["event"], out.strip()))
            if problems:
                failed += 1
                print("not ok - %s (expected %s)\n  %s" % (vector["name"], vector["expect"], "\n  ".join(problems)))
            else:
                passed += 1
                print("ok - %s: %s" % (vector["name"], "both verify" if want_ok else "both refuse"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
