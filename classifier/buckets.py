"""Bucket roots: `s3://BUCKET/PREFIX` and `az://CONTAINER/PREFIX`, listed and read through fsspec.

An exposed-data report is usually about a bucket, and a responder should not have to download
terabytes before knowing what is in it. Objects are listed a page at a time (a container of
millions of objects is never held as one listing) and read into the worker's memory under the
same size limit as files, never written to disk. Credentials come from each process's own
environment (AWS's usual chain; Azure's connection string, account key or SAS token variables)
and are never passed on, stored or written: a `Bucket` says only whether to sign requests at all.
With no credentials found, requests are anonymous, which is how an exposed public bucket is read.

s3fs and adlfs are imported only when a bucket root is scanned (`pip install leakcensus[buckets]`).
"""

from __future__ import annotations

import errno
import os
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from classifier.errors import RunError
from classifier.names import escape_path
from classifier.path_filter import PathFilter

SCHEMES = ("s3", "az")
LIST_PAGE = 1000  # objects per listing request (S3's and Azure's own maximum page)
READ_ATTEMPTS = 3  # reads of one object before it is recorded as unreadable
RETRY_PAUSE_S = 0.5
HEAD_BYTES = 1 << 20
AZURE_RETRIES = 2  # per read attempt, inside the Azure SDK


class BucketError(RunError):
    """A bucket root that cannot be scanned: one line for the operator, no secret in it."""


@dataclass(frozen=True)
class Bucket:
    """Where a bucket root's objects are: no credential, only whether requests are signed."""

    scheme: str  # "s3" or "az"
    name: str  # the bucket or container
    prefix: str  # "" or a key prefix ending in "/"
    endpoint_url: str | None = None  # an S3-compatible service, or an Azure blob service URL (Azurite)
    anonymous: bool = False

    @property
    def url(self) -> str:
        """The root as written in outputs: `s3://bucket/prefix` without a trailing slash."""
        return f"{self.scheme}://{self.name}/{self.prefix}".rstrip("/")

    def object_url(self, key: str) -> str:
        return f"{self.scheme}://{self.name}/{key}"


@dataclass(frozen=True, slots=True)
class RemoteObject:
    """One object as the listing saw it; `version` is its ETag (what a rescan compares)."""

    bucket: Bucket
    key: str
    version: str


def is_bucket_url(root: str) -> bool:
    return "://" in root


def parse_bucket_url(root: str, endpoint_url: str | None = None, anonymous: bool | None = None) -> Bucket:
    """`s3://b/p` or `az://c/p` -> Bucket. `anonymous=None`: sign requests when this process has
    credentials for the service, else read anonymously (a public bucket)."""
    scheme, _, rest = root.partition("://")
    scheme = scheme.lower()
    if scheme not in SCHEMES:
        raise BucketError(f"unsupported root scheme {scheme!r}: roots are folders, files, s3://BUCKET/PREFIX "
                          "or az://CONTAINER/PREFIX")
    name, _, prefix = rest.partition("/")
    if not name:
        raise BucketError(f"no bucket or container in root {escape_path(root)}")
    prefix = prefix.strip("/")
    signed = has_credentials(scheme) if anonymous is None else not anonymous
    return Bucket(scheme, name, prefix + "/" if prefix else "", endpoint_url, not signed)


def has_credentials(scheme: str) -> bool:
    if scheme == "s3":
        import botocore.session

        return botocore.session.get_session().get_credentials() is not None
    return any(os.environ.get(name) for name in (
        "AZURE_STORAGE_CONNECTION_STRING", "AZURE_STORAGE_ACCOUNT_KEY", "AZURE_STORAGE_SAS_TOKEN",
        "AZURE_STORAGE_CLIENT_SECRET"))


_filesystems: dict[tuple[Bucket, int], Any] = {}


def filesystem(bucket: Bucket) -> Any:
    """This process's fsspec filesystem for the bucket (one per process: fsspec's event loop and
    sessions do not survive a fork)."""
    key = (bucket, os.getpid())
    fs = _filesystems.get(key)
    if fs is None:
        fs = _filesystems[key] = _new_filesystem(bucket)
    return fs


def _new_filesystem(bucket: Bucket) -> Any:
    try:
        if bucket.scheme == "s3":
            import s3fs

            client_kwargs: dict[str, str] = {}
            if bucket.endpoint_url is not None and not os.environ.get("AWS_DEFAULT_REGION") \
                    and not os.environ.get("AWS_REGION"):
                client_kwargs["region_name"] = "us-east-1"  # an emulated service has no region to find
            return s3fs.S3FileSystem(anon=bucket.anonymous, endpoint_url=bucket.endpoint_url,
                                     use_listings_cache=False, skip_instance_cache=True,
                                     client_kwargs=client_kwargs)
        import adlfs
    except ImportError:
        raise BucketError("bucket roots need the buckets extra: pip install 'leakcensus[buckets]'") from None
    try:
        fs = adlfs.AzureBlobFileSystem(skip_instance_cache=True, **_azure_options(bucket))
    except ValueError:  # adlfs: "Must provide either a connection_string or account_name ..."
        raise BucketError("az:// roots need the storage account: set AZURE_STORAGE_ACCOUNT_NAME (or "
                          "AZURE_STORAGE_CONNECTION_STRING), or give --endpoint-url https://ACCOUNT.blob.core.windows.net") from None
    # adlfs finds the account and credentials; the client is made again with quick retries. The SDK's
    # default for storage waits 15 s, then 18 s, ... : a dropped connection would hold a worker for
    # minutes, where a few quick retries and then an `error` record let the scan go on.
    from azure.storage.blob.aio import BlobServiceClient, LinearRetry

    client = fs.service_client
    fs.service_client = BlobServiceClient(account_url=client.url, credential=client.credential,
                                          retry_policy=LinearRetry(backoff=1, retry_total=AZURE_RETRIES,
                                                                   random_jitter_range=1))
    return fs


def _azure_options(bucket: Bucket) -> dict[str, Any]:
    """adlfs's arguments: its own environment variables, pointed at `endpoint_url` when given (adlfs
    builds https URLs from an account name, so another endpoint, such as Azurite's http one, goes
    in as a connection string)."""
    connection_string = os.environ.get("AZURE_STORAGE_CONNECTION_STRING")
    if bucket.anonymous:
        if bucket.endpoint_url is not None:
            return {"connection_string": f"BlobEndpoint={bucket.endpoint_url};", "anon": True}
        return {"anon": True, "connection_string": None, "account_key": None, "sas_token": None}
    if bucket.endpoint_url is None or connection_string:
        return {}
    parts = [f"BlobEndpoint={bucket.endpoint_url}"]
    account = os.environ.get("AZURE_STORAGE_ACCOUNT_NAME") or _account_of(bucket.endpoint_url)
    if os.environ.get("AZURE_STORAGE_ACCOUNT_KEY"):
        parts += [f"AccountName={account}", f"AccountKey={os.environ['AZURE_STORAGE_ACCOUNT_KEY']}"]
    elif os.environ.get("AZURE_STORAGE_SAS_TOKEN"):
        parts.append(f"SharedAccessSignature={os.environ['AZURE_STORAGE_SAS_TOKEN'].lstrip('?')}")
    return {"connection_string": ";".join(parts) + ";"}


def _account_of(endpoint_url: str) -> str:
    """The account an Azure blob service URL names: `https://ACCOUNT.blob.core.windows.net`, or an
    emulator's `http://127.0.0.1:10000/ACCOUNT`."""
    host, _, path = endpoint_url.partition("://")[2].partition("/")
    return path.strip("/").split("/")[0] if path.strip("/") else host.split(".")[0]


@dataclass(frozen=True)
class Listed:
    key: str
    size: int
    mtime_ns: int
    version: str


def list_objects(bucket: Bucket, prefix: str | None = None) -> Iterator[Listed]:
    """Every object under the prefix (the root's, unless given) in key order, one page in memory at a time."""
    fs = filesystem(bucket)
    prefix = bucket.prefix if prefix is None else prefix
    if bucket.scheme == "s3":
        yield from _s3_objects(fs, bucket.name, prefix)
    else:
        yield from _sync_iter(fs, _azure_objects(fs, bucket.name, prefix))


def single_object(bucket: Bucket) -> Listed | None:
    """The object whose key is the root's prefix itself (`s3://b/reports/q3.pdf`), as a root that
    names one file is that file; None when there is none."""
    key = bucket.prefix.rstrip("/")
    if not key:
        return None
    # Keys that start with it follow it in key order ("q3.pdf", "q3.pdf.bak", ...): the first says.
    first = next(list_objects(bucket, key), None)
    return first if first is not None and first.key == key else None


def _s3_objects(fs: Any, name: str, prefix: str) -> Iterator[Listed]:
    request: dict[str, Any] = {"Bucket": name, "Prefix": prefix, "MaxKeys": LIST_PAGE}
    while True:
        page = _call(fs.call_s3, "list_objects_v2", **request)
        for item in page.get("Contents", []):
            yield Listed(item["Key"], int(item["Size"]), _ns(item["LastModified"]), str(item.get("ETag", "")))
        if not page.get("IsTruncated"):
            return
        request["ContinuationToken"] = page["NextContinuationToken"]


async def _azure_objects(fs: Any, name: str, prefix: str) -> AsyncIterator[Listed]:
    container = fs.service_client.get_container_client(name)
    pages = container.list_blobs(name_starts_with=prefix or None, results_per_page=LIST_PAGE)
    async for blob in pages:
        yield Listed(blob.name, int(blob.size), _ns(blob.last_modified), str(blob.etag))


def _sync_iter(fs: Any, items: AsyncIterator[Listed]) -> Iterator[Listed]:
    """An async listing walked from synchronous code on the filesystem's own event loop."""
    from fsspec.asyn import sync

    while True:
        try:
            yield _call(sync, fs.loop, items.__anext__)
        except StopAsyncIteration:
            return


def _call(function: Any, *args: Any, **kwargs: Any) -> Any:
    """A listing request; what the services answer becomes a BucketError that names no secret."""
    try:
        return function(*args, **kwargs)
    except StopAsyncIteration:
        raise
    except Exception as exc:
        raise BucketError(f"cannot list: {problem(exc)}") from None


def _ns(moment: datetime) -> int:
    return int(moment.timestamp() * 1_000_000_000)


def bucket_entries(bucket: Bucket, skipped: Counter[str], chosen: PathFilter) -> Iterator[tuple[str, Listed]]:
    """(path relative to the root, object) of each object to scan. Folder markers (keys ending in
    `/`, zero bytes) are counted as skipped, as directories are not files."""
    listed_any = False
    for listed in list_objects(bucket):
        listed_any = True
        relative = listed.key[len(bucket.prefix):]
        if not relative or relative.endswith("/"):
            skipped["folder_marker"] += 1
            continue
        rel_path = escape_path(relative)
        if chosen and (chosen.skips_file(rel_path) or _in_skipped_folder(chosen, rel_path)):
            skipped["excluded_file"] += 1
            continue
        yield rel_path, listed
    if not listed_any and (single := single_object(bucket)) is not None:
        yield escape_path(single.key.rsplit("/", 1)[-1]), single


def _in_skipped_folder(chosen: PathFilter, rel_path: str) -> bool:
    parts = rel_path.split("/")[:-1]
    return any(chosen.skips_directory("/".join(parts[: depth + 1])) for depth in range(len(parts)))


def check_bucket(bucket: Bucket) -> None:
    """Fail before anything is written when the root cannot be listed or is empty (an empty
    census of a bucket the scan could not see would read as "nothing leaked")."""
    for _ in list_objects(bucket):
        return
    if single_object(bucket) is not None:
        return
    raise BucketError(f"root is empty: {bucket.url} (nothing to scan; is the prefix right?)")


def read_object(remote: RemoteObject, size: int, limit: int) -> bytes:
    """The object's bytes, never more than `limit` + 1 (it may have grown since it was listed).
    Read again after a dropped connection; OSError with a short reason when it cannot be read."""
    if size == 0:
        return b""
    return _retrying(remote, 0, min(size, limit) + 1)


def read_head(remote: RemoteObject, size: int) -> bytes:
    return b"" if size == 0 else _retrying(remote, 0, min(size, HEAD_BYTES))


def _retrying(remote: RemoteObject, start: int, end: int) -> bytes:
    fs = filesystem(remote.bucket)
    path = f"{remote.bucket.name}/{remote.key}"
    for attempt in range(READ_ATTEMPTS):
        try:
            if remote.bucket.scheme == "az":
                from fsspec.asyn import sync

                return bytes(sync(fs.loop, _azure_range, fs, remote, start, end))
            return bytes(fs.cat_file(path, start=start, end=end))
        except (FileNotFoundError, PermissionError) as exc:
            raise OSError(errno.EIO, problem(exc)) from None
        except Exception as exc:
            if attempt == READ_ATTEMPTS - 1:
                raise OSError(errno.EIO, problem(exc)) from None
            time.sleep(RETRY_PAUSE_S * (attempt + 1))
    raise AssertionError("unreachable")


async def _azure_range(fs: Any, remote: RemoteObject, start: int, end: int) -> bytes:
    """Bytes [start, end) of a blob (fewer at its end)."""
    blob = fs.service_client.get_blob_client(container=remote.bucket.name, blob=remote.key)
    stream = await blob.download_blob(offset=start, length=end - start)
    return bytes(await stream.readall())


def problem(exc: BaseException) -> str:
    """A short reason for a failed request, from its type alone: the services' messages quote
    object names (which can name people) and request details."""
    if isinstance(exc, FileNotFoundError):
        return "not found"
    if isinstance(exc, PermissionError):
        return "access denied"
    name = type(exc).__name__
    status = getattr(exc, "status_code", None)  # azure-core's HttpResponseError
    if name in ("ClientAuthenticationError", "NoCredentialsError") or "Auth" in name or status in (401, 403):
        return "access denied"
    if name == "ResourceNotFoundError" or status == 404:
        return "not found"
    if "Connect" in name or "Disconnect" in name or "Payload" in name or "IncompleteRead" in name \
            or "ServiceRequest" in name or "ServiceResponse" in name or isinstance(exc, ConnectionError):
        return "connection lost"
    if isinstance(exc, TimeoutError) or "Timeout" in name:
        return "timed out"
    text = str(exc)
    for status, reason in (("403", "access denied"), ("AuthenticationFailed", "access denied"),
                           ("AccessDenied", "access denied"), ("NoSuchBucket", "no such bucket"),
                           ("ContainerNotFound", "no such container"), ("404", "not found")):
        if status in text:
            return reason
    return name
