"""Ingest jobs started from the browser or the API, run one at a time in a background thread.

A job writes through the same :class:`~presscut.corpus.Corpus` methods as the
command line (``ingest`` for uploaded files, ``fetch`` for URLs, ``add`` for
pasted text); its progress (files done of total, then the ingest report) is
polled through ``/api/jobs/{id}``.
"""

from __future__ import annotations

import queue
import re
import shutil
import tempfile
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presscut.article import Article, Origin
from presscut.corpus import Corpus, IngestReport
from presscut.errors import InputError

#: Finished jobs kept for polling; older ones are forgotten.
KEEP_JOBS = 200
#: Upload names are reduced to these characters (the rest become ``_``).
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class IngestRequest:
    """What one job ingests: uploaded files (already saved in ``folder``), URLs, and pasted text."""

    folder: Path | None = None
    files: int = 0
    urls: list[str] = field(default_factory=list)
    text: str = ""
    url: str | None = None
    title: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.files or self.urls or self.text.strip())


@dataclass
class Job:
    id: str
    #: ``queued``, ``running``, ``done`` or ``failed``.
    state: str = "queued"
    #: Steps of the job: one per uploaded file, one for the URLs, one for the text.
    total: int = 0
    done: int = 0
    message: str = "waiting"
    report: dict[str, Any] | None = None
    error: str | None = None
    created: float = field(default_factory=time.time)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "state": self.state, "total": self.total, "done": self.done,
            "message": self.message, "report": self.report, "error": self.error,
            "finished": self.state in ("done", "failed"),
        }


class JobRunner:
    """Queues ingest jobs and runs them in one daemon thread (SQLite has one writer at a time)."""

    def __init__(self, db: Path, on_done: Callable[[Job], None] | None = None) -> None:
        self.db = db
        #: Called in the worker thread after each job (the app forgets its cached filter lists).
        self.on_done = on_done
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._queue: queue.Queue[tuple[Job, IngestRequest]] = queue.Queue()
        self._thread: threading.Thread | None = None

    def submit(self, request: IngestRequest) -> Job:
        if request.empty:
            raise InputError("nothing to ingest: give URLs, text or files")
        job = Job(uuid.uuid4().hex[:16])
        job.total = request.files + (1 if request.urls else 0) + (1 if request.text.strip() else 0)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                self._jobs.popitem(last=False)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="presscut-ingest", daemon=True)
                self._thread.start()
        self._queue.put((job, request))
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def wait(self, job_id: str, timeout: float = 30.0) -> Job | None:
        """Block until the job has finished (for tests and scripts)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.get(job_id)
            if job is None or job.state in ("done", "failed"):
                return job
            time.sleep(0.02)
        return self.get(job_id)

    def _work(self) -> None:
        while True:
            job, request = self._queue.get()
            try:
                self._run(job, request)
                if self.on_done is not None:
                    self.on_done(job)
            finally:
                if request.folder is not None:
                    shutil.rmtree(request.folder, ignore_errors=True)

    def _run(self, job: Job, request: IngestRequest) -> None:
        job.state = "running"
        merged: dict[str, int] = {}
        read = skipped = 0

        def note(report: IngestReport) -> None:
            nonlocal read, skipped
            read += report.read
            skipped += report.skipped
            for k, v in report.stored.items():
                merged[k] = merged.get(k, 0) + v

        def file_done() -> None:
            job.done += 1

        try:
            with Corpus(self.db) as corpus:
                if request.files and request.folder is not None:
                    job.message = f"reading {request.files} file{'s' if request.files != 1 else ''}"
                    note(corpus.ingest([request.folder], on_file_done=file_done))
                    job.done = request.files
                if request.urls:
                    job.message = f"fetching {len(request.urls)} URL{'s' if len(request.urls) != 1 else ''}"
                    note(corpus.fetch(request.urls))
                    job.done += 1
                if request.text.strip():
                    job.message = "cleaning the pasted text"
                    note(corpus.add([_pasted(request)]))
                    job.done += 1
        except Exception as exc:  # a job reports its failure; the worker thread lives on
            job.state, job.error, job.message = "failed", str(exc) or type(exc).__name__, "failed"
            return
        job.report = {"read": read, "skipped": skipped, "stored": merged}
        stored = ", ".join(f"{v} {k}" for k, v in sorted(merged.items())) or "nothing new"
        job.state, job.message = "done", f"read {read}, skipped {skipped}; stored: {stored}"


def _pasted(request: IngestRequest) -> Article:
    """Pasted HTML goes through ``extract``, anything else through ``clean_text``."""
    from presscut.clean import clean_text
    from presscut.extraction import extract

    text = request.text.strip()
    if text.startswith("<") and re.search(r"<(html|body|p|div|article)\b", text[:4096], re.IGNORECASE):
        article = extract(text, url=request.url)
        if request.title:
            article.title = request.title
    else:
        article = clean_text(text, url=request.url, title=request.title)
    article.origin = Origin("text", url=request.url)
    article.assign_id()
    return article


def save_upload(folder: Path, index: int, filename: str | None) -> Path:
    """Where to save an uploaded file: a safe name inside ``folder``, keeping its extensions."""
    name = _SAFE_NAME.sub("_", Path(filename or "upload").name).strip("._") or "upload"
    return folder / f"{index:04d}-{name[-120:]}"


def upload_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="presscut-upload-"))
