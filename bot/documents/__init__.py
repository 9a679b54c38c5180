"""The board's documents: the follow-up and the year's report as Word files (python-docx), and the
dashboard page. Rendering only: what they say comes from bot/services/followup.py, in words shared with the
chat cards (bot/cards/followup.py)."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.i18n import strip_invisible

if TYPE_CHECKING:
    from docx.document import Document

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# What XML 1.0 cannot hold, beyond what strip_invisible removes.
_NOT_XML = re.compile("[\ufffe\uffff]")


def clean(text: str) -> str:
    """User text as a Word document can hold it: invisible controls removed (reporters type comments)."""
    return _NOT_XML.sub("", strip_invisible(text))


def document(title: str, *, language: str) -> Document:
    """An empty document with its title as the first heading, marked as written in `language`."""
    # python-docx and lxml load with the first Word file: a server that writes none does not carry them.
    from docx import Document as new_document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = new_document()
    doc.core_properties.title = clean(title)
    doc.core_properties.language = "sv-SE" if language == "sv" else "en-GB"
    defaults = doc.styles["Normal"].element.get_or_add_rPr()
    lang = defaults.find(qn("w:lang"))
    if lang is None:
        lang = defaults.makeelement(qn("w:lang"), {})
        defaults.append(lang)
    lang.set(qn("w:val"), doc.core_properties.language)
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(clean(title), level=0)
    return doc


def bullets(doc: Document, lines: Sequence[str]) -> None:
    for line in lines:
        doc.add_paragraph(clean(line), style="List Bullet")


def table(doc: Document, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A table with a header row that repeats on every page."""
    from docx.oxml.ns import qn

    grid = doc.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(clean(text)).bold = True
    header_row = grid.rows[0]._tr.get_or_add_trPr()
    header_row.append(header_row.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))
    for row in rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = clean(text)


def placeholder(doc: Document, text: str) -> None:
    """A marked place for the board's own words: highlighted, so it is not left in by mistake."""
    from docx.enum.text import WD_COLOR_INDEX

    run = doc.add_paragraph().add_run(clean(text))
    run.italic = True
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def to_bytes(doc: Document) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
