"""Merging another project's work into this one, from its JSONL export (:mod:`db.export`).

What is merged, source by source (a source is recognised by the SHA-256 of its raw bytes):

- **Sources** this project lacks are imported from the raw dump the export carries (the
  engine builds their articles as an import would); without that copy the source's work is
  skipped and reported (:mod:`db.merge.incoming`).
- **Tags** are matched by path and created when missing (colour, description, a free keyboard slot).
- **Edits** are replayed in the order they were made, each located in this project by the
  raw-text offsets its characters come from (the same page has the same raw text), never
  by article or block ids (:mod:`db.merge.replay`); what cannot be applied is kept as a
  **conflict**, both versions side by side, until someone accepts or rejects it
  (:mod:`db.merge.conflict_store`, :mod:`db.merge.resolve`). Every edit made here by a merge
  remembers the edit it copies (``merge_origins``: time, author and operation where it was
  first made), so merging the same export again, or merging back and forth between
  projects, never applies an edit twice.
- **Passages, notes, review states** follow (:mod:`db.merge.article_state`).

The whole merge is one transaction (:mod:`db.merge.driver`): it is merged completely or not at all.
A page the project lacks is imported as an import would: when the project holds other content
under the same path, the merged page becomes that path's latest version (reported).

Round trip: exporting a project, merging the export into an empty project and exporting
that again gives the same lines except for what is local to a project: ids (of articles,
sources, blocks, edits, annotations, tags and notes, also inside edit parameters), the times
of the edits (the time of the merge; each edit's ``origin`` keeps where and when it was first
made), their stored ``steps``/``before``/``after`` snapshots (which name those ids), the
sources' import time and the project name on the first line; a source's version number
also restarts at 1 when the export held only a later version. Annotation and note times
are kept. ``tests/exports/test_merge.py`` holds the exact comparison.
"""

from db.merge.conflict_store import CONTEXT, ensure_tables
from db.merge.driver import Merger, merge_jsonl
from db.merge.model import Conflict, MergeError, MergeReport, Outcome, Replayed
from db.merge.resolve import accept_conflict, conflicts, conflicts_by_id, reject_conflict
from db.schema import CONFLICTS_TABLE

__all__ = [
    "CONFLICTS_TABLE",
    "CONTEXT",
    "Conflict",
    "MergeError",
    "MergeReport",
    "Merger",
    "Outcome",
    "Replayed",
    "accept_conflict",
    "conflicts",
    "conflicts_by_id",
    "ensure_tables",
    "merge_jsonl",
    "reject_conflict",
]
