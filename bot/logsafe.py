"""Log lines that a request cannot forge or flood (issue 17).

Request data reaches the log in many places (an activity's id, type and tenant in bot/teams.py, a refused
serviceUrl or token error in bot/app.py, the access log's path and User-Agent). Rather than escaping at
each call site, every handler of the server's log gets:
- SafeFilter: each string argument cut to MAX_FIELD characters, the whole message to MAX_MESSAGE, and
  control and invisible characters (newlines, ESC, bidi overrides, lone surrogates, ...) written as
  escapes (`\\n`, `\\x1b`, `\\u202e`), so one record is one line and says what it received;
- SafeFormatter: a traceback's lines indented under their record, control characters escaped the same way,
  so an exception message cannot start a line that looks like a record of its own.
"""

from __future__ import annotations

import logging
import re

MAX_FIELD = 300  # characters of one string argument
MAX_MESSAGE = 2000  # characters of a whole message

# C0 and C1 controls, line and paragraph separators, zero-width and bidi controls, BOM, lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape(text: str) -> str:
    """`text` with control and invisible characters written as escapes, on one line."""
    return _UNSAFE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    char = match[0]
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}…(+{len(text) - limit} chars)"


class SafeFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(clip(a, MAX_FIELD) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: clip(v, MAX_FIELD) if isinstance(v, str) else v for k, v in record.args.items()}
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string: let logging report it as it does
            return True
        record.msg, record.args = escape(clip(message, MAX_MESSAGE)), None
        return True


class SafeFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        # logging caches a record's formatted traceback (exc_text) for every handler; another handler's
        # formatter may have cached it unescaped, so it is formatted here afresh and the cache left alone.
        cached = record.exc_text
        record.exc_text = None if record.exc_info else self._indent(cached) if cached else None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: object) -> str:  # noqa: N802 - logging's name
        return self._indent(super().formatException(ei))  # type: ignore[arg-type]

    def formatStack(self, stack_info: str) -> str:  # noqa: N802 - logging's name
        return self._indent(stack_info)

    @staticmethod
    def _indent(text: str) -> str:
        return "\n".join("    " + escape(line) for line in text.splitlines())


def install(handler: logging.Handler, fmt: str) -> None:
    handler.addFilter(SafeFilter())
    handler.setFormatter(SafeFormatter(fmt))
