"""Downloading a file a user sent the bot in Teams (a plan): from the attachment's pre-authorised
`downloadUrl`, with a time limit and a size limit. Teams' URLs are HTTPS; plain HTTP is accepted only from
this machine (the tests' loopback file server)."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

import aiohttp

from bot.services.plan_files import PlanFileError

# A file that takes longer than a turn is read in the background (bot/commands/plans.py), so this only
# bounds a download that hangs.
DOWNLOAD_SECONDS = 30.0
_CHUNK = 64 * 1024


def _allowed(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return True
    if parts.scheme != "http" or not parts.hostname:
        return False
    if parts.hostname == "localhost":
        return True
    try:
        return ipaddress.ip_address(parts.hostname).is_loopback
    except ValueError:
        return False


async def download(url: str, limit: int, *, seconds: float = DOWNLOAD_SECONDS) -> bytes:
    """The file's bytes; PlanFileError("too_large") past `limit` bytes, ("download") when it cannot be
    fetched in time."""
    if not _allowed(url):
        raise PlanFileError("download", "the file's address is not one Teams gives")
    try:
        timeout = aiohttp.ClientTimeout(total=seconds)
        async with aiohttp.ClientSession(timeout=timeout) as session, session.get(url) as response:
            if response.status != 200:
                raise PlanFileError("download", f"the file could not be fetched (HTTP {response.status})")
            if response.content_length is not None and response.content_length > limit:
                raise PlanFileError("too_large", "the file is too large")
            data = bytearray()
            async for chunk in response.content.iter_chunked(_CHUNK):
                data.extend(chunk)
                if len(data) > limit:
                    raise PlanFileError("too_large", "the file is too large")
            return bytes(data)
    except (aiohttp.ClientError, TimeoutError) as error:
        raise PlanFileError("download", "the file could not be fetched") from error
