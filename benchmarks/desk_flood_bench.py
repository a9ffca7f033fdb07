"""The jury desk under a flood: its memory during and after 200 concurrent 20 MB uploads
and 40 slow bodies, and whether every legitimate upload is answered.

`artcharter serve` runs in a child process on a free loopback port, with its defaults. One
jury browser (one session cookie) sends 200 uploads of 20 MB at once, each on its own
connection, while 40 other connections announce 20 MB and then trickle one byte every
2 seconds. The desk's resident memory (VmRSS, sampled every 0.1 s, and the kernel's
high-water mark VmHWM) is read before (idle, after one small upload), during, and after
the jury forgets its files (the page's "forget all"). Targets (issue 12): peak at most
512 MB, after within 10 % of idle, every legitimate upload answered 200, every slow body
cut off.

Loopback only; every connection and the whole run have time limits. Run:
    .venv/bin/python benchmarks/desk_flood_bench.py [--uploads 200] [--slow 40] [--mb 20]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

from PIL import Image

from artcharter.provenance import keys
from artcharter.provenance.config import init_project

ARTCHARTER = str(Path(sys.executable).with_name("artcharter"))
BOUNDARY = "floodbenchboundary"
TIME_LIMIT_S = 900
PEAK_TARGET_MB = 512
AFTER_TARGET = 1.10


def payload(megabytes: int) -> bytes:
    """A small PNG carrying ``megabytes`` of an ancillary chunk: a 20 MB file whose pixels
    cost nothing to decode, so that the bench measures the desk, not Pillow."""
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 90, 150)).save(out, "PNG")
    png = out.getvalue()
    filler = os.urandom(1024 * 1024) * megabytes
    chunk = struct.pack(">I", len(filler)) + b"flDd" + filler
    chunk += struct.pack(">I", zlib.crc32(b"flDd" + filler) & 0xFFFFFFFF)
    end = png.rindex(b"IEND") - 4
    return png[:end] + chunk + png[end:]


def wrapped(data: bytes, name: str) -> tuple[bytes, bytes, bytes]:
    """The multipart body of one file, in three parts (the file itself is not copied)."""
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
        f'filename="{name}"\r\nContent-Type: image/png\r\n\r\n'
    ).encode()
    return head, data, f"\r\n--{BOUNDARY}--\r\n".encode()


class Desk:
    """`artcharter serve` in a child process on a free loopback port."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            [ARTCHARTER, "--project", str(root), "--lang", "en", "serve", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline()  # type: ignore[union-attr]
        if "http://" not in line:
            self.stop()
            raise SystemExit(f"the desk did not start: {line}")
        self.url = line.split()[3].rstrip("/")
        self.port = int(self.url.rsplit(":", 1)[1])

    def status(self, field: str) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
        raise RuntimeError(f"no {field}")

    def stop(self) -> str:
        self.process.terminate()
        try:
            _, err = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
        return err


async def request(
    port: int, method: str, path: str, parts: tuple[bytes, ...] = (), cookie: str = "",
    *, length: int | None = None, trickle: float = 0.0, limit: float = 600.0,
) -> tuple[int, dict[str, str]]:  # fmt: skip
    """One HTTP/1.1 request on its own connection; (status, headers) or (0, {}) if cut."""

    async def run() -> tuple[int, dict[str, str]]:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        size = sum(len(p) for p in parts) if length is None else length
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
            f"Content-Length: {size}\r\nConnection: close\r\n"
            + (f"Cookie: {cookie}\r\n" if cookie else "")
            + "\r\n"
        )
        writer.write(head.encode())
        try:
            for part in parts:
                view = memoryview(part)
                for start in range(0, len(view), 256 * 1024):
                    writer.write(view[start : start + 256 * 1024])
                    await writer.drain()
            if trickle:  # a slow body: one byte at a time, until the desk cuts it off
                for _ in range(int(limit / trickle)):
                    if reader.at_eof() or reader._buffer:
                        break
                    writer.write(b"x")
                    await writer.drain()
                    await asyncio.sleep(trickle)
        except (ConnectionError, OSError):
            pass  # the desk may answer, then close, while the body is still being sent
        try:
            status_line = await reader.readline()
            headers: dict[str, str] = {}
            while (line := await reader.readline()) not in (b"\r\n", b""):
                key, _, value = line.decode("latin-1").partition(":")
                headers[key.strip().lower()] = value.strip()
            await reader.read()
        except (ConnectionError, OSError):
            return 0, {}
        finally:
            writer.close()
        fields = status_line.split()
        return (int(fields[1]) if len(fields) > 1 else 0), headers

    try:
        return await asyncio.wait_for(run(), limit)
    except TimeoutError:
        return 0, {}


def sampler(desk: Desk, samples: list[float], stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            samples.append(desk.status("VmRSS"))
        except (OSError, RuntimeError):
            return
        time.sleep(0.1)


async def flood(desk: Desk, uploads: int, slow: int, megabytes: int) -> dict[str, object]:
    data = payload(megabytes)
    small = payload(0)
    _, headers = await request(desk.port, "GET", "/")
    cookie = headers.get("set-cookie", "").split(";", 1)[0]
    # Warm up: one small upload, then forget it, so that idle includes loaded code.
    await request(desk.port, "POST", "/api/verify", wrapped(small, "warm.png"), cookie)
    await request(desk.port, "DELETE", "/api/uploads", cookie=cookie)
    await asyncio.sleep(1)
    idle = desk.status("VmRSS")
    hwm_idle = desk.status("VmHWM")

    samples: list[float] = []
    stop = threading.Event()
    thread = threading.Thread(target=sampler, args=(desk, samples, stop), daemon=True)
    thread.start()
    started = time.monotonic()
    legit = [
        request(desk.port, "POST", "/api/verify", wrapped(data, f"f{i}.png"), cookie)
        for i in range(uploads)
    ]
    head, _, tail = wrapped(data, "slow.png")
    size = len(head) + len(data) + len(tail)
    trickled = [
        request(desk.port, "POST", "/api/verify", (head,), length=size, trickle=2.0, limit=600)
        for _ in range(slow)
    ]
    results = await asyncio.gather(*legit, *trickled)
    elapsed = time.monotonic() - started
    stop.set()
    thread.join()
    forgot, _ = await request(desk.port, "DELETE", "/api/uploads", cookie=cookie)
    await asyncio.sleep(2)
    after = desk.status("VmRSS")
    statuses = [s for s, _ in results[:uploads]]
    slow_statuses = [s for s, _ in results[uploads:]]
    return {
        "idle": idle,
        "hwm_idle": hwm_idle,
        "peak_sampled": max(samples, default=idle),
        "peak_hwm": desk.status("VmHWM"),
        "after": after,
        "elapsed": elapsed,
        "ok": sum(s == 200 for s in statuses),
        "statuses": sorted(set(statuses)),
        "slow": sorted(set(slow_statuses)),
        "forgot": forgot,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--uploads", type=int, default=200)
    parser.add_argument("--slow", type=int, default=40)
    parser.add_argument("--mb", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        init_project(root, "ESAD Bench", lang="en")
        keys.init_school(root / "keys", "ESAD Bench")
        desk = Desk(root)
        try:
            result = asyncio.run(
                asyncio.wait_for(flood(desk, args.uploads, args.slow, args.mb), TIME_LIMIT_S)
            )
        finally:
            log = desk.stop()
    load = os.getloadavg()
    print(
        f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (shared machine, {os.cpu_count()} cores)"
    )
    print(f"{args.uploads} uploads of {args.mb} MB at once + {args.slow} slow bodies, "
          f"{result['elapsed']:.1f} s")  # fmt: skip
    print(f"desk RSS idle         {result['idle']:8.1f} MB")
    print(f"desk RSS peak (0.1 s) {result['peak_sampled']:8.1f} MB")
    print(f"desk RSS peak (HWM)   {result['peak_hwm']:8.1f} MB  target <= {PEAK_TARGET_MB} MB")
    ratio = result["after"] / result["idle"]
    print(
        f"desk RSS after        {result['after']:8.1f} MB  after/idle {ratio:.2f}  target <= {AFTER_TARGET:.2f}"
    )
    print(
        f"legitimate uploads answered 200: {result['ok']}/{args.uploads} (statuses {result['statuses']})"
    )
    print(f"slow bodies answered: {result['slow']} (408 = cut off; 0 = connection closed)")
    tracebacks = log.count("Traceback")
    print(f"desk log: {len(log.splitlines())} lines, {tracebacks} tracebacks")


if __name__ == "__main__":
    main()
