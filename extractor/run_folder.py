"""The output folder of a corpus run: batches committed as they finish, a manifest, a lock.

    OUT/mentions.csv ... documents.csv       the four tables, written when the run finishes
    OUT/_run/parts/000007/*.parquet           one committed batch: its mentions, quantities, documents
    OUT/_run/manifest.jsonl                   a line per committed batch: {"part": 7, "docs": {doc_id: hash}};
                                              the last line is {"finished": true} once the tables are written
    OUT/_run/lock                             held (flock) by the run writing here

A batch counts as committed once its manifest line is complete: the part is
written under a temporary name and renamed first, so a kill at any moment
leaves either a whole batch or one that the next ``--resume`` throws away.
A document is known by its id and the hash of its text, so an input that
changed since is done again.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
from pathlib import Path

import pandas as pd

from extractor.export import FORMATS, write_table
from extractor.tables import EntityCounter

RUN_DIR = "_run"
PART_TABLES = ("mentions", "quantities", "documents")


class RunError(Exception):
    """A run that cannot start: the message says what to do."""


def content_hash(text: str | None, error: str | None) -> str:
    return hashlib.sha1((text if text is not None else f"error: {error}").encode("utf-8", "surrogatepass")).hexdigest()


class RunFolder:
    def __init__(self, out: Path, format: str = "csv", safe_csv: bool = True):
        if format not in FORMATS:
            raise RunError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
        self.out, self.format, self.safe_csv = Path(out), format, safe_csv
        self.state = self.out / RUN_DIR
        self.manifest = self.state / "manifest.jsonl"
        self.committed: dict[str, tuple[str, int]] = {}  # doc_id -> (hash, part)
        self.next_part = 1
        self._lock = None

    def open(self, resume: bool) -> None:
        """Check the folder, take the lock and read what an earlier run committed; before any model loads."""
        if self.out.exists() and not self.out.is_dir():
            raise RunError(f"--out {self.out}: is a file, not a folder")
        try:
            self.state.mkdir(parents=True, exist_ok=True)
            self._lock = open(self.state / "lock", "a+")
        except OSError as error:
            raise RunError(f"--out {self.out}: cannot write there ({error.strerror or error})") from error
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunError(f"--out {self.out}: another extractor run is writing there; wait for it to end "
                           "or choose another folder") from None
        self._lock.seek(0), self._lock.truncate(), self._lock.write(str(os.getpid())), self._lock.flush()
        lines = self._manifest_lines()
        if lines and not resume:
            if not lines[-1].get("finished"):
                self.close()
                raise RunError(f"--out {self.out}: holds an unfinished run ({len(lines)} batches committed); "
                               "add --resume to go on with it, or choose another folder")
            self._clear()  # a finished run's folder is written afresh
            lines = []
        self._rewrite(lines)  # without a line cut short by a kill, so that new lines append cleanly
        for line in lines:
            for doc_id, digest in line.get("docs", {}).items():
                self.committed[doc_id] = (digest, line["part"])
        parts = {line["part"] for line in lines if "part" in line}
        for orphan in (self.state / "parts").glob("*"):  # written by a run killed before its manifest line
            if not orphan.name.isdigit() or int(orphan.name) not in parts:
                shutil.rmtree(orphan, ignore_errors=True)
        self.next_part = max(parts, default=0) + 1

    def is_done(self, doc_id: str, digest: str) -> bool:
        return self.committed.get(doc_id, ("", 0))[0] == digest

    def commit(self, tables: tuple[pd.DataFrame, ...], hashes: dict[str, str]) -> int:
        """Write one processed batch and record it; returns its part number."""
        part = self.next_part
        self.next_part += 1
        folder = self.state / "parts" / f"{part:06d}"
        temporary = folder.with_name(f".{folder.name}.tmp")
        shutil.rmtree(temporary, ignore_errors=True)
        temporary.mkdir(parents=True)
        for name, table in zip(PART_TABLES, tables):
            table.to_parquet(temporary / f"{name}.parquet", index=False)
        os.replace(temporary, folder)
        self._append({"part": part, "docs": hashes})
        for doc_id, digest in hashes.items():
            self.committed[doc_id] = (digest, part)
        return part

    def finish(self) -> list[Path]:
        """Write the four tables from the committed batches, one batch in memory at a time: a first
        pass counts the entities (and links surnames across the run), a second writes the rows."""
        parts = sorted({part for _, part in self.committed.values()})
        entities = EntityCounter()
        for part in parts:
            entities.add(self._part_rows(part, "mentions"))
        paths = []
        for name in PART_TABLES:
            path = self.out / f"{name}.{self.format}"
            chunks = (self._part_rows(part, name) for part in parts)
            if name == "mentions":
                chunks = (entities.relinked(chunk) for chunk in chunks)
            write_table(chunks if parts else [self._empty(name)], path, self.format, self.safe_csv)
            paths.append(path)
            if name == "mentions":
                path = self.out / f"entities.{self.format}"
                write_table([entities.table()], path, self.format, self.safe_csv)
                paths.append(path)
        self._append({"finished": True, "documents": len(self.committed)})
        return paths

    def close(self) -> None:
        if self._lock:
            self._lock.close()  # releases the flock
            self._lock = None

    def _part_rows(self, part: int, name: str) -> pd.DataFrame:
        """A part's rows of documents whose latest commit is this part (an input redone after a change
        leaves its older rows behind in an older part)."""
        rows = pd.read_parquet(self.state / "parts" / f"{part:06d}" / f"{name}.parquet")
        latest = rows.doc_id.map(lambda doc_id: self.committed.get(doc_id, ("", 0))[1] == part)
        return rows[latest.astype(bool)].reset_index(drop=True)

    @staticmethod
    def _empty(name: str) -> pd.DataFrame:
        from extractor.tables import document_tables

        return dict(zip(PART_TABLES, document_tables([])))[name]

    def _manifest_lines(self) -> list[dict]:
        if not self.manifest.exists():
            return []
        lines = []
        for text in self.manifest.read_text(encoding="utf-8").splitlines():
            try:
                lines.append(json.loads(text))
            except json.JSONDecodeError:
                break  # a line cut short by a kill: that batch was never committed
        return lines

    def _append(self, record: dict) -> None:
        with open(self.manifest, "a", encoding="utf-8") as manifest:
            manifest.write(json.dumps(record, ensure_ascii=False) + "\n")
            manifest.flush()
            os.fsync(manifest.fileno())

    def _rewrite(self, lines: list[dict]) -> None:
        temporary = self.manifest.with_name(".manifest.tmp")
        temporary.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
        os.replace(temporary, self.manifest)

    def _clear(self) -> None:
        shutil.rmtree(self.state / "parts", ignore_errors=True)
        self.manifest.unlink(missing_ok=True)
