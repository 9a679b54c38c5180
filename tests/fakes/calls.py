"""The work a turn runs off the event loop (issue 16: one call for who wrote, one for what they asked)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")


@contextmanager
def off_loop_calls(background: Collection[asyncio.Task[Any]] = ()) -> Iterator[list[str]]:
    """The names of the functions handed to `asyncio.to_thread` while inside, except by the `background`
    tasks (work a turn leaves to the scheduler, which the writer does not wait for)."""
    calls: list[str] = []
    real = asyncio.to_thread

    async def counted(work: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        if asyncio.current_task() not in background:
            calls.append(getattr(work, "__qualname__", repr(work)))
        return await real(work, *args, **kwargs)

    asyncio.to_thread = counted  # type: ignore[assignment]
    try:
        yield calls
    finally:
        asyncio.to_thread = real
