"""Benchmark the photo pipeline (issue 5) on phone-sized JPEGs.

    .venv/bin/python bench/images_bench.py [--count 8] [--workers 2]

Makes `count` phone-like photos (4032x3024, EXIF orientation/GPS, 3-5 MB),
then times: cold run with 1 worker, cold run with N workers, warm run (cache).
Prints bytes before/after per format. Writes nothing outside a temp folder.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tests" / "images")]

from kabarkim.images import process as ip  # noqa: E402
from phonephoto import phone_photo  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        srcs = [phone_photo(tmp / "src" / f"foto-{i}.jpg", (4032, 3024), orientation=(1, 6)[i % 2],
                            seed=i, quality=96) for i in range(args.count)]
        src_bytes = [p.stat().st_size for p in srcs]
        rows = []
        for label, workers, cache in (("cold, 1 worker", 1, "c1"), (f"cold, {args.workers} workers", args.workers, "c2"),
                                      ("warm (cache hit)", args.workers, "c2")):
            t = time.perf_counter()
            res = ip.process_many(srcs, tmp / cache, workers=workers)
            rows.append((label, time.perf_counter() - t))
        print(f"{args.count} photos, source JPEG mean {statistics.mean(src_bytes) / 1e6:.2f} MB "
              f"(min {min(src_bytes) / 1e6:.2f}, max {max(src_bytes) / 1e6:.2f})")
        for label, secs in rows:
            print(f"  {label:22s} {secs:7.2f} s  ({secs / args.count:.2f} s/photo)")
        per = {}
        for r in res.values():
            for v in r.variants:
                per.setdefault((v.format, v.width), []).append(v.bytes)
            per.setdefault(("og", 1200), []).append(r.og.bytes)
        print("  output mean bytes per photo:")
        for (fmt, w), sizes in sorted(per.items()):
            print(f"    {fmt:5s} {w:5d}w  {statistics.mean(sizes) / 1000:7.1f} KB (max {max(sizes) / 1000:.1f} KB)")


if __name__ == "__main__":
    main()
