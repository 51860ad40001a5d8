"""Real storage servers for the bucket tests, started on 127.0.0.1 by the test that needs them: moto's S3
server (`moto_server`, from the dev extras) and Azurite (Microsoft's Azure Storage emulator, an npm
package installed by `make test-servers`), and a TCP relay that can drop a connection mid-response."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
AZURITE = HERE / "node_modules" / ".bin" / "azurite-blob"
MOTO_SERVER = Path(sys.executable).parent / "moto_server"
# Azurite's one built-in account and its key, published in Microsoft's documentation.
AZURITE_ACCOUNT = "devstoreaccount1"
AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


@contextmanager
def server(command: list[str], port: int, log: Path) -> Iterator[None]:
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=output, stdin=subprocess.DEVNULL)
        try:
            wait_for_port(port, 60)
            yield
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def moto_s3(directory: Path) -> Iterator[str]:
    """An S3 endpoint URL served by moto on 127.0.0.1."""
    port = free_port()
    with server([str(MOTO_SERVER), "-H", "127.0.0.1", "-p", str(port)], port, directory / "moto.log"):
        yield f"http://127.0.0.1:{port}"


@contextmanager
def azurite_blob(directory: Path) -> Iterator[str]:
    """An Azure blob service URL (account devstoreaccount1) served by Azurite on 127.0.0.1."""
    if not AZURITE.exists():
        raise RuntimeError(f"Azurite is not installed ({AZURITE}): run `make test-servers`")
    port = free_port()
    data = directory / "azurite"
    data.mkdir(exist_ok=True)
    command = [str(AZURITE), "--blobHost", "127.0.0.1", "--blobPort", str(port), "--location", str(data),
               "--skipApiVersionCheck", "--loose", "--silent"]
    with server(command, port, directory / "azurite.log"):
        yield f"http://127.0.0.1:{port}/{AZURITE_ACCOUNT}"


def azurite_connection_string(endpoint: str) -> str:
    return (f"DefaultEndpointsProtocol=http;AccountName={AZURITE_ACCOUNT};AccountKey={AZURITE_KEY};"
            f"BlobEndpoint={endpoint};")


@dataclass
class Relay:
    """A TCP relay to `upstream` on 127.0.0.1 that counts requests and can cut responses short.

    `cut(path_part)` decides for each request whose request line contains `path_part` whether the
    response is cut after `cut_after` bytes (the connection is then closed, as a network that
    drops does). HTTP/1.1 requests on one connection are sequential, so the last request line
    seen on a connection is the one being answered.
    """

    upstream: int
    cut: Callable[[str], bool] = lambda _line: False
    cut_after: int = 200
    requests: list[str] = field(default_factory=list)
    port: int = 0

    def start(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        threading.Thread(target=self._accept, daemon=True).start()

    def stop(self) -> None:
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.upstream))
        state = {"cut": False}

        def requests_in() -> None:
            try:
                while data := client.recv(65536):
                    for line in data.split(b"\r\n"):
                        if line[:4] in (b"GET ", b"PUT ", b"HEAD", b"POST", b"DELE"):
                            text = line.decode("latin-1")
                            self.requests.append(text)
                            state["cut"] = self.cut(text)
                    upstream.sendall(data)
            except OSError:
                pass
            finally:
                _close(upstream)

        threading.Thread(target=requests_in, daemon=True).start()
        sent = 0
        try:
            while data := upstream.recv(65536):
                if state["cut"]:
                    client.sendall(data[: max(0, self.cut_after - sent)])
                    break
                client.sendall(data)
        except OSError:
            pass
        finally:
            _close(client)
            _close(upstream)


def _close(sock: socket.socket) -> None:
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


def environment_without_cloud_credentials() -> dict[str, str]:
    """This process's environment less every AWS and Azure credential variable (for anonymous runs)."""
    return {name: value for name, value in os.environ.items()
            if not name.startswith(("AWS_", "AZURE_"))}
