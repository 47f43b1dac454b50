"""Parquet in, Parquet out: the named text columns cleaned, everything else kept.

A Parquet file is read a row group at a time and written a row group at a time,
so memory holds one row group whatever the file's size. Each named column is
cleaned on its Arrow data (:func:`presswash.clean_arrow`); the other columns,
the schema with its metadata (pandas' index, for one), the row groups' sizes and
the compression go to the output as they were. A file that is not Parquet, or is
cut short, is an error that names it; the output is written atomically, so it is
then left untouched.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from presswash.cleaner import Cleaner
from presswash.cli.decoding import STDIN
from presswash.cli.errors import Failure
from presswash.cli.output import Sink
from presswash.integrations import require


@dataclass
class RowGroup:
    """One row group, cleaned, and whether cleaning changed it."""

    table: Any
    changed: bool


class ParquetInput:
    """A Parquet file (or standard input, read whole: Parquet is read from its end) and the text
    columns of it to clean; a file that is not Parquet, and a column that is missing or not text,
    fail here, before anything is written."""

    def __init__(self, name: str, label: str, columns: list[str]) -> None:
        pa = require("pyarrow", "arrow")
        pq = require("pyarrow.parquet", "arrow")
        from presswash.integrations.columns import is_text_type

        self.label = label
        self.columns = columns
        try:
            self.reader = pq.ParquetFile(pa.BufferReader(sys.stdin.buffer.read()) if name == STDIN else name)
        except OSError as error:
            raise Failure(label, error.strerror or str(error)) from None
        except pa.ArrowException as error:
            raise Failure(label, f"not a readable Parquet file (truncated?): {error}") from None
        self.schema = self.reader.schema_arrow
        for column in columns:
            if column not in self.schema.names:
                raise Failure(label, f"no column {column!r}; the columns are: {', '.join(self.schema.names)}")
            if not is_text_type(self.schema.field(column).type):
                raise Failure(label, f"column {column!r} is {self.schema.field(column).type}, not text")

    def stored_size(self, index: int) -> int:
        """The bytes row group ``index`` takes in the file."""
        group = self.reader.metadata.row_group(index)
        return sum(group.column(column).total_compressed_size for column in range(group.num_columns))

    def cleaned(self, cleaner: Cleaner) -> Iterator[RowGroup]:
        """Each row group, in order, with the columns cleaned by ``cleaner``."""
        pa = require("pyarrow", "arrow")
        from presswash.integrations.columns import clean_arrow

        for index in range(self.reader.num_row_groups):
            try:
                table = self.reader.read_row_group(index)
            except (OSError, pa.ArrowException) as error:
                raise Failure(self.label, f"row group {index} cannot be read: {error}") from None
            changed = False
            for column in self.columns:
                position = self.schema.get_field_index(column)
                chunks = table.column(position).chunks
                cleaned = [clean_arrow(chunk, cleaner) for chunk in chunks]
                # clean_arrow returns the very array it was given when nothing in it changes.
                if any(new is not old for new, old in zip(cleaned, chunks, strict=True)):
                    changed = True
                    field = self.schema.field(column)
                    table = table.set_column(position, field, pa.chunked_array(cleaned, type=field.type))
            yield RowGroup(table, changed)


class ParquetOutput:
    """Writes the row groups to a :class:`~presswash.cli.output.Sink`, each as one row group,
    with the source's schema (and metadata) and compression."""

    def __init__(self, sink: Sink, source: ParquetInput) -> None:
        pq = require("pyarrow.parquet", "arrow")
        metadata = source.reader.metadata
        compression = (
            metadata.row_group(0).column(0).compression.lower()
            if metadata.num_row_groups and metadata.num_columns
            else "snappy"
        )
        self._stream = _SinkStream(sink)
        self._writer = pq.ParquetWriter(self._stream, source.schema, compression=compression)

    def write(self, table: Any) -> None:
        self._writer.write_table(table, row_group_size=max(1, table.num_rows))

    def close(self) -> None:
        self._writer.close()


class _SinkStream:
    """The file object that pyarrow writes Parquet to, over a sink of bytes."""

    def __init__(self, sink: Sink) -> None:
        self._sink = sink
        self._position = 0
        self.closed = False

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self._sink.write_bytes(chunk)
        self._position += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self._position

    def flush(self) -> None:
        """Nothing to do: the sink makes the output final when it is committed."""

    def writable(self) -> bool:
        return True

    def close(self) -> None:
        self.closed = True
