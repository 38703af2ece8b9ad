#!/usr/bin/env python3
"""Run `provenance crawl` over many WARC archives on a Dask cluster, then merge.

One Dask task a WARC archive (a shard): the task runs the Node CLI,

    provenance crawl --workers 1 --db <tmp>/part.duckdb --parquet <parts>/<id>.tmp <warc>

and renames <parts>/<id>.tmp to <parts>/<id> once it is whole (<id>: the first
16 hex digits of the SHA-256 of the shard's path or URL), so a half-written
part never counts as done. A part already finished is not crawled again: run
the same command again to resume. A failing task is retried (--retries); at
the end the driver runs `provenance merge --db <out.duckdb> <parts>/<id>...`
over every finished part (merging is idempotent), prints a summary, and exits
1 if any shard still failed (the database then holds the others), 0 otherwise.

On one machine (a LocalCluster of N worker processes, one thread each):

    /usr/bin/python3 scripts/dask_crawl.py --local 4 --list warcs.txt \\
        --parts /data/parts --db /data/crawl.duckdb

On a cluster of several machines:

    host$   dask-scheduler                      # or: dask scheduler
    each$   dask-worker tcp://host:8786 --nthreads 1 --nworkers 4
                                                # or: dask worker ...
    host$   /usr/bin/python3 scripts/dask_crawl.py --scheduler tcp://host:8786 \\
                --list warcs.txt --parts /nfs/parts --db /nfs/crawl.duckdb

(Debian's python3-distributed names the commands `dask-scheduler` and
`dask-worker` or `dask scheduler` and `dask worker`, depending on its version.)
Every worker machine needs Node 20 and a checkout of this repository at the
same path with `npm ci && npm run build:cli` run in it (or pass --provenance,
or set PROVENANCE_CMD, to a command that runs the CLI there); the driver's
machine too, for the merge. The WARCs and the --parts folder must be on
storage every machine sees at the same path (NFS), or the list may name
http(s) URLs: the task downloads such an archive to a temporary file, crawls
it (its `shard` column then names that file) and deletes it.
"""
from __future__ import annotations

import argparse
import hashlib
import logging
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from contextlib import ExitStack
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SUMMARY = re.compile(r"(\d+) records, (\d+) pages, (\d+) copies, (\d+) skipped")
COUNTS = ("records", "pages", "copies", "skipped")
WARC_NAME = re.compile(r"\.warc(\.gz)?$", re.IGNORECASE)


def log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def shard_id(source: str) -> str:
    """A shard's part folder name: 16 hex digits of its path's or URL's SHA-256."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def read_sources(list_file: str | None, paths: list[str]) -> list[str]:
    """The shards: a list file's lines (relative to it; # comments), then the paths given;
    a folder gives every *.warc(.gz) under it. Paths are made absolute, duplicates dropped."""
    entries = [(path, os.getcwd()) for path in paths]
    if list_file:
        base = os.path.dirname(os.path.abspath(list_file))
        lines = Path(list_file).read_text(encoding="utf-8").splitlines()
        entries[:0] = [(line.strip(), base) for line in lines
                       if line.strip() and not line.strip().startswith("#")]
    sources: list[str] = []
    for entry, base in entries:
        path = entry if is_url(entry) else os.path.abspath(os.path.join(base, entry))
        if os.path.isdir(path):
            found = (str(f) for f in Path(path).rglob("*") if f.is_file())
            sources += sorted(f for f in found if WARC_NAME.search(f))
        else:
            sources.append(path)
    return list(dict.fromkeys(sources))


def download(url: str, folder: Path) -> Path:
    """Fetches a WARC to a file named like it (.warc or .warc.gz)."""
    name = re.sub(r"[^\w.-]", "_", url.split("?")[0].rstrip("/").rsplit("/", 1)[-1])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or "shard")
    try:
        with urllib.request.urlopen(url, timeout=60) as response, path.open("wb") as out:
            shutil.copyfileobj(response, out, 1 << 20)
    except OSError as error:  # URLError, HTTPError, timeouts, a full disk
        raise RuntimeError(f"cannot download {url}: {error}") from error
    if not WARC_NAME.search(path.name):
        with path.open("rb") as head:
            gzipped = head.read(2) == b"\x1f\x8b"
        path = path.rename(path.with_name(path.name + (".warc.gz" if gzipped else ".warc")))
    return path


def crawl_shard(source: str, parts: str, command: list[str],
                max_page: str | None) -> dict[str, Any]:
    """The Dask task: one shard into <parts>/<id>/. Raises on failure (Dask retries)."""
    part = Path(parts) / shard_id(source)
    if (part / "shards.parquet").exists():
        return {"resumed": True}
    partial = part.with_name(part.name + ".tmp")
    shutil.rmtree(partial, ignore_errors=True)
    # The same file name on every attempt: a downloaded shard's name in the database.
    download_dir = Path(tempfile.gettempdir()) / f"provenance-dask-{part.name}"
    try:
        with tempfile.TemporaryDirectory(prefix="provenance-dask-") as work:
            warc = str(download(source, download_dir)) if is_url(source) else source
            options = ["--db", os.path.join(work, "part.duckdb"), "--parquet", str(partial)]
            options += ["--max-page", max_page] if max_page else []
            cmd = [*command, "crawl", "--workers", "1", *options, warc]
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    finally:
        shutil.rmtree(download_dir, ignore_errors=True)
    lines = done.stderr.strip().splitlines()
    if done.returncode != 0:
        shutil.rmtree(partial, ignore_errors=True)
        tail = " | ".join(line.strip() for line in lines[-8:] if line.strip())[-1000:]
        raise RuntimeError(f"crawl exited with {done.returncode}: {tail or 'no output'}")
    if part.exists():  # another attempt of this shard finished first
        shutil.rmtree(partial, ignore_errors=True)
    else:
        partial.rename(part)
    match = next((m for m in map(SUMMARY.search, reversed(lines)) if m), None)
    if match is None:
        return {"resumed": False, "summary": lines[-1] if lines else ""}
    return {"resumed": False, **dict(zip(COUNTS, map(int, match.groups())))}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="dask_crawl.py",
        description="Crawl WARC archives on a Dask cluster, one task a shard (WARC file), "
        "into Parquet parts, then merge the parts into one DuckDB database.",
        epilog="Exit status: 0 done, 1 some shards failed (the others are merged), 2 usage.",
    )
    add = parser.add_argument
    add("warcs", nargs="*", help="WARC files or folders (at paths every worker sees)")
    add("--list", help="a file of WARC paths or http(s) URLs, one a line (# comments)")
    add("--parts", required=True, help="folder of the Parquet parts: <parts>/<shard-id>/")
    add("--db", required=True, help="the DuckDB database to merge the parts into")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="a running Dask scheduler, e.g. tcp://host:8786")
    where.add_argument("--local", type=int, metavar="N",
                       help="start a local cluster of N worker processes (the default, N=2)")
    add("--retries", type=int, default=2, help="retries of a failed shard (default 2)")
    default = os.environ.get("PROVENANCE_CMD") or f"node {REPO / 'bin/provenance.mjs'}"
    add("--provenance", metavar="COMMAND", default=default,
        help="command that runs the CLI (default: $PROVENANCE_CMD, else %(default)s)")
    add("--max-page", metavar="MB", help="passed to crawl: skip pages larger than this")
    args = parser.parse_args(argv)
    if not args.list and not args.warcs:
        parser.error("give WARC paths, or --list <file>")
    if args.local is not None and args.local < 1:
        parser.error("--local needs at least 1 worker")
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    from distributed import Client, LocalCluster, as_completed

    sources = read_sources(args.list, args.warcs)
    if not sources:
        log("dask_crawl: no WARC files given")
        return 2
    parts = Path(os.path.abspath(args.parts))
    parts.mkdir(parents=True, exist_ok=True)
    command = shlex.split(args.provenance)
    failed: dict[str, str] = {}
    totals = dict.fromkeys(("resumed", *COUNTS), 0)
    with ExitStack() as stack:
        if args.scheduler:
            client = stack.enter_context(Client(args.scheduler))
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=args.local or 2, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR))
            client = stack.enter_context(Client(cluster))
        futures = {
            client.submit(crawl_shard, source, str(parts), command, args.max_page,
                          key=f"crawl-{shard_id(source)}", pure=False,
                          retries=args.retries): source
            for source in sources
        }
        for n, future in enumerate(as_completed(futures), 1):
            source = futures[future]
            if future.status != "finished":
                error = future.exception() if future.status == "error" else future.status
                failed[source] = str(error)
                log(f"{n}/{len(sources)} failed: {source}: {error}")
                continue
            result = future.result()
            for name in totals:
                totals[name] += int(result.get(name, 0))
            counts = ", ".join(f"{result.get(c, '?')} {c}" for c in COUNTS)
            log(f"{n}/{len(sources)} {source}: "
                + ("already done" if result["resumed"] else counts))
    finished = [parts / shard_id(s) for s in sources
                if (parts / shard_id(s) / "shards.parquet").exists()]
    merged = "nothing to merge"
    if finished:
        cmd = [*command, "merge", "--db", args.db, *map(str, finished)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        merged = (done.stderr.strip().splitlines() or ["no output"])[-1]
        if done.returncode != 0:
            log(f"dask_crawl: merge exited with {done.returncode}: {merged}")
            return 1
    crawled = len(sources) - len(failed) - totals["resumed"]
    counts = ", ".join(f"{totals[c]} {c}" for c in COUNTS)
    print(f"dask_crawl: {len(sources)} shards: {crawled} crawled, {totals['resumed']} already "
          f"done, {len(failed)} failed; {counts}", flush=True)
    print(f"dask_crawl: {merged}", flush=True)
    for source, message in failed.items():
        log(f"dask_crawl: failed: {source}: {message}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
