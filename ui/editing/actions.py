"""The editing desk's actions, declared once like :mod:`ui.actions` (and added to the window's registry)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.actions import SK, ActionSpec


class EditActionId(StrEnum):
    UNDO = "undo"
    REDO = "redo"
    CORRECT = "correct"
    SHOW_CORRECTIONS = "show_corrections"
    JOIN_NEXT = "join_next"
    SPLIT_BLOCK = "split_block"
    ROLE_JUMP = "role_jump"
    ROLE_KICKER = "role_kicker"
    ROLE_TITLE = "role_title"
    ROLE_SUBTITLE = "role_subtitle"
    ROLE_BYLINE = "role_byline"
    ROLE_PARAGRAPH = "role_paragraph"
    ROLE_SUBHEAD = "role_subhead"
    ROLE_CAPTION = "role_caption"
    MOVE_TO_PREVIOUS = "move_to_previous"
    MOVE_TO_NEXT = "move_to_next"
    SPLIT_ARTICLE = "split_article"
    MERGE_NEXT = "merge_next"
    TAG_SELECTION = "tag_selection"
    TAG_SLOT_1 = "tag_slot_1"
    TAG_SLOT_2 = "tag_slot_2"
    TAG_SLOT_3 = "tag_slot_3"
    TAG_SLOT_4 = "tag_slot_4"
    TAG_SLOT_5 = "tag_slot_5"
    TAG_SLOT_6 = "tag_slot_6"
    TAG_SLOT_7 = "tag_slot_7"
    TAG_SLOT_8 = "tag_slot_8"
    TAG_SLOT_9 = "tag_slot_9"
    REMOVE_ANNOTATION = "remove_annotation"
    AUTOTAG = "autotag"
    ARTICLE_NOTE = "article_note"
    REVIEW_UNREVIEWED = "review_unreviewed"
    REVIEW_IN_PROGRESS = "review_in_progress"
    REVIEW_PROOFREAD = "review_proofread"
    REVIEW_CYCLE = "review_cycle"
    SHOW_CODEBOOK = "show_codebook"
    SHOW_ANNOTATIONS = "show_annotations"
    SHOW_HISTORY = "show_history"
    SHOW_NOTES = "show_notes"


E = EditActionId
ROLE_ACTIONS = {
    E.ROLE_KICKER: "kicker",
    E.ROLE_TITLE: "title",
    E.ROLE_SUBTITLE: "subtitle",
    E.ROLE_BYLINE: "byline",
    E.ROLE_PARAGRAPH: "paragraph",
    E.ROLE_SUBHEAD: "subhead",
    E.ROLE_CAPTION: "caption",
    E.ROLE_JUMP: "jump",
}
SLOT_ACTIONS = [getattr(E, f"TAG_SLOT_{n}") for n in range(1, 10)]
REVIEW_ACTIONS = {
    E.REVIEW_UNREVIEWED: "unreviewed",
    E.REVIEW_IN_PROGRESS: "in_progress",
    E.REVIEW_PROOFREAD: "proofread",
}
_SLOT_TEXTS = (
    QT_TRANSLATE_NOOP("Actions", "Apply Tag in Slot &1"),
    QT_TRANSLATE_NOOP("Actions", "Apply Tag in Slot &2"),
    QT_TRANSLATE_NOOP("Actions", "Apply Tag in Slot &3"),
    QT_TRANSLATE_NOOP("Actions", "Apply Tag in Slot &4"),
    QT_TRANSLATE_NOOP("Actions", "Apply Tag in Slot &5"),
    QT_TRANSLATE_NOOP("Actions", "Apply Tag in Slot &6"),
    QT_TRANSLATE_NOOP("Actions", "Apply Tag in Slot &7"),
    QT_TRANSLATE_NOOP("Actions", "Apply Tag in Slot &8"),
    QT_TRANSLATE_NOOP("Actions", "Apply Tag in Slot &9"),
)

#: Checkable actions without a tip, one row each: (action, text, shortcut).
_REVIEW_TOGGLES = (
    (E.REVIEW_UNREVIEWED, QT_TRANSLATE_NOOP("Actions", "Mark &Unreviewed"), "Alt+1"),
    (E.REVIEW_IN_PROGRESS, QT_TRANSLATE_NOOP("Actions", "Mark &In Progress"), "Alt+2"),
    (E.REVIEW_PROOFREAD, QT_TRANSLATE_NOOP("Actions", "Mark &Proofread"), "Alt+3"),
)
_PANEL_TOGGLES = (
    (E.SHOW_CODEBOOK, QT_TRANSLATE_NOOP("Actions", "&Codebook"), "Ctrl+3"),
    (E.SHOW_ANNOTATIONS, QT_TRANSLATE_NOOP("Actions", "&Annotations"), "Ctrl+4"),
    (E.SHOW_HISTORY, QT_TRANSLATE_NOOP("Actions", "Edit &History"), "Ctrl+5"),
    (E.SHOW_NOTES, QT_TRANSLATE_NOOP("Actions", "Review and &Notes"), "Ctrl+6"),
)


def _toggles(rows: tuple[tuple[EditActionId, str, str], ...]) -> dict[EditActionId, ActionSpec]:
    return {action_id: ActionSpec(text, "", (key,), checkable=True) for action_id, text, key in rows}


EDIT_ACTIONS: dict[EditActionId, ActionSpec] = {
    E.UNDO: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Undo"), "", (SK.Undo,)),
    E.REDO: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Redo"), "", (SK.Redo, "Ctrl+Shift+Z")),
    E.CORRECT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Correct Selection…"),
        QT_TRANSLATE_NOOP("Actions", "Replace the selected text, with the reason as an optional note"),
        ("F2",),
    ),
    E.SHOW_CORRECTIONS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Show C&orrections"),
        QT_TRANSLATE_NOOP("Actions", "Show deleted text struck through and inserted text underlined"),
        ("Ctrl+D",),
        checkable=True,
    ),
    E.JOIN_NEXT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Join with Next Paragraph"),
        QT_TRANSLATE_NOOP("Actions", "Join the paragraph at the cursor with the one after it"),
        ("Ctrl+J",),
    ),
    E.SPLIT_BLOCK: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Split Paragraph at Cursor"),
        QT_TRANSLATE_NOOP("Actions", "Start a new paragraph at the cursor"),
        ("Ctrl+Return",),
    ),
    E.ROLE_KICKER: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Kicker"), "", ("Ctrl+Shift+K",)),
    E.ROLE_TITLE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Title"), "", ("Ctrl+Shift+T",)),
    E.ROLE_SUBTITLE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "S&ubtitle"), "", ("Ctrl+Shift+U",)),
    E.ROLE_BYLINE: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Byline"), "", ("Ctrl+Shift+B",)),
    E.ROLE_PARAGRAPH: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Paragraph"), "", ("Ctrl+Shift+P",)),
    E.ROLE_SUBHEAD: ActionSpec(QT_TRANSLATE_NOOP("Actions", "Sub&head"), "", ("Ctrl+Shift+H",)),
    E.ROLE_CAPTION: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Caption"), "", ("Ctrl+Shift+C",)),
    E.ROLE_JUMP: ActionSpec(QT_TRANSLATE_NOOP("Actions", "&Jump Line"), "", ("Ctrl+Shift+J",)),
    E.MOVE_TO_PREVIOUS: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Move Block to &Previous Article"),
        QT_TRANSLATE_NOOP("Actions", "Move the article's first block to the end of the previous article"),
        ("Alt+Shift+Up",),
    ),
    E.MOVE_TO_NEXT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Move Block to &Next Article"),
        QT_TRANSLATE_NOOP("Actions", "Move the article's last block to the start of the next article"),
        ("Alt+Shift+Down",),
    ),
    E.SPLIT_ARTICLE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Split &Article Here"),
        QT_TRANSLATE_NOOP("Actions", "Start a new article with the block at the cursor"),
        ("Ctrl+Shift+Return",),
    ),
    E.MERGE_NEXT: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Merge with Next Article"),
        QT_TRANSLATE_NOOP("Actions", "Append the next article of the page to this one"),
        ("Ctrl+Shift+M",),
    ),
    E.TAG_SELECTION: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Tag Selection"),
        QT_TRANSLATE_NOOP("Actions", "Apply the tag chosen in the codebook to the selected text"),
        ("Ctrl+T",),
    ),
    **{
        action_id: ActionSpec(text, "", (str(n),))
        for n, (action_id, text) in enumerate(zip(SLOT_ACTIONS, _SLOT_TEXTS, strict=True), 1)
    },
    E.REMOVE_ANNOTATION: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Remove &Annotation"),
        QT_TRANSLATE_NOOP("Actions", "Remove the annotations under the selection or the cursor"),
        ("Ctrl+Delete",),
    ),
    E.AUTOTAG: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Tag All Search &Hits…"),
        QT_TRANSLATE_NOOP("Actions", "Tag every hit of the current search, in one step that can be undone"),
        ("Ctrl+Shift+A",),
    ),
    E.ARTICLE_NOTE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "Add &Note to Article…"),
        QT_TRANSLATE_NOOP("Actions", "Write a note about the open article"),
        ("Ctrl+M",),
    ),
    **_toggles(_REVIEW_TOGGLES),
    E.REVIEW_CYCLE: ActionSpec(
        QT_TRANSLATE_NOOP("Actions", "&Next Review State"),
        QT_TRANSLATE_NOOP("Actions", "Unreviewed, in progress, proofread, and round again"),
        ("F8",),
    ),
    **_toggles(_PANEL_TOGGLES),
}
