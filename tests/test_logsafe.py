"""Request data in the log: one record is one line, escaped, and bounded."""

from __future__ import annotations

import io
import logging

from bot import logsafe

FORMAT = "%(levelname)s %(name)s: %(message)s"


def _logged(*args: object, msg: str = "ignoring a %s activity from tenant %s", exc: bool = False) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logsafe.install(handler, FORMAT)
    # A logger of its own, outside logging's registry: no other test's handlers or levels reach it, and
    # pytest's log capture never holds the raw (unencodable) text.
    logger = logging.Logger("tests.logsafe")
    logger.addHandler(handler)
    if exc:
        try:
            raise ValueError("bad\nINFO bot.app: forged")
        except ValueError:
            logger.exception(msg, *args)
    else:
        logger.warning(msg, *args)
    return stream.getvalue()


def test_a_newline_in_request_data_cannot_start_a_line_of_its_own() -> None:
    line = _logged("message", "t1\nINFO bot.app: admin granted to mallory\r")
    assert line.count("\n") == 1
    assert "t1\\nINFO bot.app: admin granted to mallory\\r" in line


def test_control_bidi_and_surrogates_are_written_as_escapes() -> None:
    line = _logged("\x1b[31mred", "\u202egnp.exe\ud800\x00")
    assert "\\x1b[31mred" in line
    assert "\\u202egnp.exe\\ud800\\x00" in line
    line.encode("utf-8")  # writable to any UTF-8 log


def test_a_long_field_is_cut_and_so_is_the_whole_message() -> None:
    line = _logged("x" * 100_000, "y" * 100_000)
    assert len(line) < logsafe.MAX_MESSAGE + 200
    assert f"(+{100_000 - logsafe.MAX_FIELD} chars)" in line


def test_a_traceback_stays_under_its_record() -> None:
    text = _logged("message", "t1", exc=True)
    lines = text.splitlines()
    assert lines[0].startswith("ERROR tests.logsafe: ignoring")
    assert all(line.startswith("    ") for line in lines[1:])
    assert not any(line.startswith("INFO") for line in lines)


def test_numbers_and_reprs_are_formatted_as_before() -> None:
    assert "took 12.5 ms for 'a'" in _logged(12.5, "a", msg="took %.1f ms for %r")
