"""One encoder per export format, each from the same typed rows and the same schema.

Parquet carries the types itself. JSON Lines writes lists as arrays and dates as ISO text.
CSV and xlsx are cells: a list is written as JSON text (``["train", "post"]``), which reads
back unambiguously where ``"a; b"`` did not. Record text is never a formula: xlsx cells
holding it are typed text, and a CSV cell that a spreadsheet would evaluate (leading ``=``,
``+``, ``-``, ``@``, tab or carriage return) gets the OWASP quote prefix.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import unicodedata
from typing import Any

from barrier_cli.core import i18n
from barrier_cli.core.extras import require
from barrier_cli.reports.export.rows import Table
from barrier_cli.reports.export.schema import Shape, arrow_schema, arrow_type

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TEXT_KINDS = frozenset({"string", "choice", "list", "records"})


def parquet(table: Table) -> bytes:
    require("pyarrow", purpose="export --format parquet")
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrays = [
        pa.array([row[n] for row in table.rows], type=arrow_type(column.shape, top=True))
        for n, column in enumerate(table.columns)
    ]
    data = pa.Table.from_arrays(arrays, schema=arrow_schema(table.spec, table.lang))
    buffer = io.BytesIO()
    pq.write_table(data, buffer)
    return buffer.getvalue()


def jsonl(table: Table) -> bytes:
    headers = table.headers
    lines = (
        json.dumps(dict(zip(headers, row, strict=True)), ensure_ascii=False, default=_iso) + "\n"
        for row in table.rows
    )
    return "".join(lines).encode("utf-8")


def csv_bytes(table: Table) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in table.headers])
    shapes = [c.shape for c in table.columns]
    for row in table.rows:
        writer.writerow([_csv_cell(shape, value) for shape, value in zip(shapes, row, strict=True)])
    # utf-8 with BOM: Excel on a Chinese Windows opens it without mangling the text.
    return text.getvalue().encode("utf-8-sig")


def neutralise(text: str) -> str:
    """A cell a spreadsheet would run as a formula, quoted so it shows as the same text."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_cell(shape: Shape, value: Any) -> str:
    text = cell_text(value)
    return neutralise(text) if shape.kind in _TEXT_KINDS else text


def cell_text(value: Any) -> str:
    """A value as the text of one spreadsheet cell."""
    if value is None or value == []:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False, default=_iso)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _iso(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


# Column widths in characters (a CJK character counts two): wide enough to read, never a wall.
_MIN_WIDTH, _MAX_WIDTH = 8, 60
# Excel holds at most this many characters a cell and reports a workbook with more as damaged.
CELL_LIMIT = 32767
_CUT = "…[cut: Excel holds 32767 characters a cell; csv, jsonl and parquet hold it all]"


def xlsx(tables: list[Table]) -> tuple[bytes, list[str]]:
    """One workbook, a sheet per table: frozen header, autofilter, widths, text cells as text.

    Also returns a line for each cell cut to Excel's limit, naming the table, row and column.
    """
    require("openpyxl", purpose="export --format xlsx")
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    cut: list[str] = []
    for table in tables:
        sheet = book.create_sheet(table.name)
        headers = table.headers
        last = get_column_letter(len(headers))
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
        for n, width in enumerate(_widths(table), start=1):
            sheet.column_dimensions[get_column_letter(n)].width = width
        sheet.append([_text_cell(WriteOnlyCell(sheet), h, bold) for h in headers])
        shapes = [c.shape for c in table.columns]
        for row in table.rows:
            cells: list[Any] = []
            for shape, value, header in zip(shapes, row, headers, strict=True):
                if shape.kind in _TEXT_KINDS:
                    text = cell_text(value)
                    if len(text) > CELL_LIMIT:
                        text = text[: CELL_LIMIT - len(_CUT)] + _CUT
                        cut.append(
                            i18n._("{table} {row}: {column} cut to {limit} characters").format(
                                table=table.name, row=row[0], column=header, limit=CELL_LIMIT
                            )
                        )
                    cells.append(_text_cell(WriteOnlyCell(sheet), text, None))
                elif shape.kind == "date" and value is not None:
                    cells.append(WriteOnlyCell(sheet, value))
                    cells[-1].number_format = "yyyy-mm-dd"
                else:
                    cells.append(value)  # a number, yes/no or nothing: typed as it is
            sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), cut


def _text_cell(cell: Any, text: str, font: Any) -> Any:
    """A cell typed as text whatever it starts with: '=HYPERLINK(…)' is shown, never run."""
    # No control character XML refuses gets here: the loader refuses records holding one.
    if text:
        cell.value = text
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell


def _widths(table: Table) -> list[int]:
    widths = []
    for n, header in enumerate(table.headers):
        # Only the first _MAX_WIDTH characters can matter to a width capped at _MAX_WIDTH.
        longest = max(
            (_display_width(cell_text(row[n])[:_MAX_WIDTH]) for row in table.rows), default=0
        )
        widths.append(min(max(_display_width(header) + 3, longest + 2, _MIN_WIDTH), _MAX_WIDTH))
    return widths


def _display_width(text: str) -> int:
    first_line = text.split("\n", 1)[0]
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in first_line)
