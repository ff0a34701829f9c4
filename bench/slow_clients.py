#!/usr/bin/env python3
"""Slow and idle clients against `ramstein serve` on loopback.

Opens CONNECTIONS connections of one kind, then times PROBES requests for
/healthz and for a cached report on connections of their own while those
stay open, and reports the latency percentiles and the server's memory.

  slowloris  each connection sends a request line, then one header line every
             2 s, never the blank line that ends the headers
  idle       each connection completes one request and keeps the connection
  flood      each connection sends header lines as fast as it can (the header
             limit must stop it: counted are the answers 431 and the bytes sent)

Bounded: at most 10,000 connections, for at most SECONDS, loopback only.
Usage: slow_clients.py PORT SERVER_PID KIND CONNECTIONS SECONDS
"""
import socket
import statistics
import sys
import threading
import time

HOST = "127.0.0.1"


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def timed_get(port, path):
    started = time.perf_counter()
    with socket.create_connection((HOST, port), timeout=30) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    elapsed = (time.perf_counter() - started) * 1000
    ok = data.startswith(b"HTTP/1.1 200")
    return elapsed, ok


def main():
    port, pid, kind = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    connections, seconds = min(int(sys.argv[4]), 10_000), min(float(sys.argv[5]), 120)
    deadline = time.monotonic() + seconds
    sockets = []
    for _ in range(connections):
        s = socket.create_connection((HOST, port), timeout=10)
        if kind == "idle":
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            s.recv(4096)
        else:
            s.sendall(b"GET /api/v1/reports/donors HTTP/1.1\r\nHost: x\r\n")
        sockets.append(s)
    stop = threading.Event()
    flood_bytes = [0]

    def trickle():
        while not stop.is_set() and time.monotonic() < deadline:
            for s in sockets:
                try:
                    s.sendall(b"X-Slow: 1\r\n")
                except OSError:
                    pass
            stop.wait(2)

    def flood():
        line = b"X-Flood: " + b"f" * 100 + b"\r\n"
        while not stop.is_set() and time.monotonic() < deadline:
            for s in sockets[:50]:
                try:
                    s.sendall(line * 100)
                    flood_bytes[0] += len(line) * 100
                except OSError:
                    pass

    worker = None
    if kind == "slowloris":
        worker = threading.Thread(target=trickle, daemon=True)
    elif kind == "flood":
        worker = threading.Thread(target=flood, daemon=True)
    if worker:
        worker.start()
    time.sleep(1)
    results = {}
    for path in ("/healthz", "/api/v1/reports/donors"):
        timed_get(port, path)  # fills the cache
        times, failures = [], 0
        while len(times) < 200 and time.monotonic() < deadline:
            elapsed, ok = timed_get(port, path)
            times.append(elapsed)
            failures += 0 if ok else 1
        times.sort()
        results[path] = (times, failures)
    memory = rss_kib(pid)
    stop.set()
    refused = 0
    if kind == "flood":
        for s in sockets[:50]:
            try:
                s.settimeout(1)
                refused += 1 if s.recv(64).startswith(b"HTTP/1.1 431") else 0
            except OSError:
                pass
    for s in sockets:
        s.close()
    for path, (times, failures) in results.items():
        p50 = statistics.median(times)
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(f"| {kind} x{connections} | {path} | {len(times)} | {p50:.2f} ms | {p99:.2f} ms | "
              f"{failures} | {memory // 1024} MB |")
    if kind == "flood":
        print(f"flood: {flood_bytes[0] // 1024} KiB of header lines sent on 50 connections, {refused} answered 431")


if __name__ == "__main__":
    main()
