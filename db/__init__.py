"""The Jiaokan project store: one SQLite file per project. Pure Python, no Qt.

Open a project with :meth:`db.Project.open`; every operation the UI needs is a
method of :class:`db.Project`, every refusal a :class:`db.errors.StoreError`,
and every committed change is announced to listeners as a
:class:`db.events.ChangeEvent`.
"""

from db.errors import (
    AnnotationError,
    EditError,
    NotAProject,
    NotFound,
    ProjectBusy,
    ProjectCorrupt,
    ProjectNotFound,
    ProjectOpenError,
    ProjectTooNew,
    QueryError,
    RevertConflict,
    SourceAttributeError,
    StoreError,
    TagError,
)
from db.events import Change, ChangeEvent
from db.project import Project
from db.schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "AnnotationError",
    "Change",
    "ChangeEvent",
    "EditError",
    "NotAProject",
    "NotFound",
    "Project",
    "ProjectBusy",
    "ProjectCorrupt",
    "ProjectNotFound",
    "ProjectOpenError",
    "ProjectTooNew",
    "QueryError",
    "RevertConflict",
    "SourceAttributeError",
    "StoreError",
    "TagError",
]
