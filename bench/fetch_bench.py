#!/usr/bin/env python3
"""Fetch benchmark (issue 3): `kim fetch` over 50 slow sources on 127.0.0.1.

    .venv/bin/python bench/fetch_bench.py                       # 50 sources, 3 runs
    .venv/bin/python bench/fetch_bench.py --sources 50 --runs 5 --concurrency 50

What it does
1. Starts a threading HTTP server on 127.0.0.1 (random port). Source n answers
   after a delay drawn from random.Random(seed + n).uniform(0.5, 2.0) seconds,
   with an RSS 2.0 feed of --items unique items and an ETag; a request with a
   matching If-None-Match gets 304.
2. Cold runs: `--runs` times, a fresh archive, the real pipeline
   (kabarkim.kabar.fetch.fetch_sources: fetch -> parse -> clean -> archive).
   Reports the median wall time, items archived, and the sum of the delays
   (what a one-by-one fetcher would wait at least).
3. Warm run: the same archive again with unchanged sources; reports how many
   answers were 304 and how many parse calls happened (expected: 50 and 0).

It writes only to a temporary folder and never touches the network.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

import yaml  # noqa: E402

from kabarkim.kabar import parser as feed_parser  # noqa: E402
from kabarkim.kabar.fetch import fetch_sources  # noqa: E402
from kabarkim.kabar.fetcher import FetchConfig  # noqa: E402


def make_feed(n: int, items: int) -> bytes:
    parts = [f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
             f"<title>Sumber {n}</title><link>https://sumber{n}.example/</link><description>x</description>"]
    for i in range(items):
        parts.append(
            f"<item><title>Kabar {i} dari sumber {n}: warga gotong royong</title>"
            f"<link>https://sumber{n}.example/berita/{i}/</link>"
            f'<guid isPermaLink="false">sumber-{n}-item-{i}</guid>'
            f"<pubDate>Selasa, {1 + i % 28} Mei 2025 10:00:00 WIB</pubDate>"
            f"<description><![CDATA[<p>Ringkasan kabar {i} <a href=\"/x?utm_source=rss\">tautan</a>"
            f"<script>alert(1)</script></p><p>{'Isi berita panjang. ' * 30}</p>]]></description></item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


class Server:
    def __init__(self, sources: int, items: int, seed: int):
        self.delays = {n: random.Random(seed + n).uniform(0.5, 2.0) for n in range(sources)}
        self.bodies = {n: make_feed(n, items) for n in range(sources)}
        self.hits = {"200": 0, "304": 0}
        lock = threading.Lock()
        srv = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_GET(self):
                n = int(self.path.rsplit("/", 1)[-1])
                time.sleep(srv.delays[n])
                etag = f'"s{n}"'
                if self.headers.get("If-None-Match") == etag:
                    with lock:
                        srv.hits["304"] += 1
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                body = srv.bodies[n]
                with lock:
                    srv.hits["200"] += 1
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        class Backlogged(ThreadingHTTPServer):
            request_queue_size = 128  # listen() backlog; the default 5 drops bursts of connects
            daemon_threads = True

        self.httpd = Backlogged(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def url(self, n: int) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/feed/{n}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", type=int, default=50)
    ap.add_argument("--items", type=int, default=20, help="items per feed")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--concurrency", type=int, default=None, help="default: FetchConfig default (20)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)

    server = Server(args.sources, args.items, args.seed)
    cfg = FetchConfig()
    if args.concurrency:
        cfg.concurrency = args.concurrency
    delays = list(server.delays.values())
    with tempfile.TemporaryDirectory(prefix="fetch-bench-") as tmp:
        tmp = Path(tmp)
        (tmp / "content" / "kim").mkdir(parents=True)
        sources_file = tmp / "content" / "sumber.yaml"
        sources_file.write_text(yaml.safe_dump([
            {"name": f"Sumber {n}", "url": server.url(n), "kind": "berita"} for n in range(args.sources)
        ]), encoding="utf-8")

        cold = []
        for run in range(args.runs):
            archive = tmp / f"kabar-{run}"
            before = feed_parser.PARSE_CALLS
            t0 = time.perf_counter()
            report = fetch_sources(sources_file, archive, config=cfg)
            wall = time.perf_counter() - t0
            ok = sum(1 for r in report.sources if r.outcome == "ok")
            items = sum(r.stats.new for r in report.sources)
            cold.append(wall)
            print(f"cold run {run + 1}: {wall:.2f} s, {ok}/{args.sources} ok, {items} items, "
                  f"{feed_parser.PARSE_CALLS - before} parse calls")

        server.hits.update({"200": 0, "304": 0})
        before = feed_parser.PARSE_CALLS
        t0 = time.perf_counter()
        report = fetch_sources(sources_file, tmp / "kabar-0", config=cfg)
        warm = time.perf_counter() - t0
        warm_parses = feed_parser.PARSE_CALLS - before
        not_modified = sum(1 for r in report.sources if r.outcome == "304")

    figures = {
        "sources": args.sources,
        "items_per_source": args.items,
        "concurrency": cfg.concurrency,
        "delay_min_s": round(min(delays), 2),
        "delay_max_s": round(max(delays), 2),
        "delay_sum_s": round(sum(delays), 1),
        "cold_median_s": round(statistics.median(cold), 2),
        "cold_runs_s": [round(c, 2) for c in cold],
        "warm_s": round(warm, 2),
        "warm_304": not_modified,
        "warm_server_304": server.hits["304"],
        "warm_parse_calls": warm_parses,
    }
    print(f"\n{args.sources} sources, delays {figures['delay_min_s']}-{figures['delay_max_s']} s "
          f"(sum {figures['delay_sum_s']} s), concurrency {cfg.concurrency}")
    print(f"cold: median {figures['cold_median_s']} s over {args.runs} runs {figures['cold_runs_s']}")
    print(f"warm (unchanged sources): {warm:.2f} s, {not_modified}/{args.sources} answered 304, "
          f"{warm_parses} parse calls")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    server.httpd.shutdown()
    return 0 if warm_parses == 0 and not_modified == args.sources else 1


if __name__ == "__main__":
    sys.exit(main())
