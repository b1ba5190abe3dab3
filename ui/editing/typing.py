"""Typing in the article itself: every keystroke a tracked correction (proofreading layout only).

The mode rule is one sentence: **in the proofreading layout (F6) the article takes typing;
in the reading (F5) and coding (F7) layouts single keys navigate and tag.** While typing is
on and the article has the focus, plain letters, digits, Backspace, Delete and Return are
text keys: the view claims them before any shortcut (``ShortcutOverride``), so J/K/N/P and
1–9 cannot steal a typed letter; Ctrl/Alt shortcuts keep working everywhere.

What each key does, each one history entry and one undo step:

- a character (or the commit of an input method: Chinese is typed through one) replaces the
  selection or is inserted at the cursor, and the cursor moves after it;
- Backspace / Delete remove the selection, or the character before / after the cursor;
- paste (Ctrl+V) inserts the clipboard's text (one paragraph at most);
- Return splits the paragraph at the cursor.

Annotations follow their words through every such edit (the store moves them). F2 still opens
the correction field, for a correction with a reason. Outside the proofreading layout, a
typed character shows how to correct instead of doing nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent, QKeySequence

from ui.editing import commands as C
from ui.editing.context import DeskContext
from ui.editing.structure import spans_blocks

TEXT_KEYS = {Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Enter}
PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.KeypadModifier)


def is_text_key(event: QKeyEvent) -> bool:
    """A key that types (a printable character, Backspace, Delete, Return) with no Ctrl/Alt/Meta."""
    modifiers = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
    if modifiers != Qt.KeyboardModifier.NoModifier:
        return False
    if event.key() in TEXT_KEYS:
        return True
    text = event.text()
    return bool(text) and text.isprintable()


class TypingEditor(QObject):
    """Turns keys and input-method commits in the article view into corrections through the desk."""

    def __init__(self, ctx: DeskContext, split_block: Callable[[], None]) -> None:
        super().__init__(ctx.session)
        self.setObjectName("typingEditor")
        self.ctx = ctx
        self.split_block = split_block  # Enter splits the paragraph (the structure controller)
        self.view = ctx.view
        self.enabled = False
        self.view.installEventFilter(self)

    def set_enabled(self, on: bool) -> None:
        """Typing edits the article (True: the proofreading layout) or single keys navigate (False)."""
        self.enabled = on
        self.view.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, on)
        self.view.setCursorWidth(2 if on else 1)
        flags = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        self.view.setTextInteractionFlags(flags)

    def follow_layout(self, layout) -> None:
        from ui.layouts import Layout

        self.set_enabled(layout == Layout.PROOFREADING)

    # -- events -------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if obj is not self.view:
            return False
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            if self.enabled and (is_text_key(event) or event.matches(QKeySequence.StandardKey.Paste)):
                event.accept()  # the view takes the key: no single-key shortcut fires
                return True
            return False
        if kind == QEvent.Type.KeyPress:
            return self._key(event)
        if kind == QEvent.Type.InputMethod and self.enabled:
            return self._input_method(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        if event.matches(QKeySequence.StandardKey.Paste):
            if self.enabled:
                self.paste()
                return True
            return False
        if not is_text_key(event):
            return False
        key = event.key()
        if not self.enabled:
            if event.text() and event.text().isprintable() and key not in TEXT_KEYS:
                self.ctx.status(
                    self.tr(
                        "To correct the text here, switch to the proofreading layout (F6) and type, "
                        "or select the words and press F2"
                    )
                )
            return False
        if key == Qt.Key.Key_Backspace:
            self.delete(backward=True)
        elif key == Qt.Key.Key_Delete:
            self.delete(backward=False)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.split_block()
        else:
            self.type_text(event.text())
        return True

    def _input_method(self, event: QInputMethodEvent) -> bool:
        commit = event.commitString()
        if commit:
            self.type_text(commit)
        elif event.preeditString():
            self.ctx.status(self.tr("Composing: %1").replace("%1", event.preeditString()))
        return True

    # -- edits ---------------------------------------------------------------------------------
    def type_text(self, text: str) -> bool:
        """Replace the selection with ``text`` (or insert it at the cursor); the cursor goes after it."""
        start, end = self.view.selected_range()
        return self._replace(start, end, text, self.tr("Type “%1”").replace("%1", text))

    def delete(self, backward: bool) -> bool:
        """Backspace (``backward``) or Delete: the selection, else one character beside the cursor."""
        article = self.ctx.article()
        if article is None:
            return False
        start, end = self.view.selected_range()
        if start == end:
            start, end = (start - 1, start) if backward else (start, start + 1)
            if start < 0 or end > len(article.text) or article.text[start:end] == "\n":
                self.ctx.status(self.tr("That is a paragraph boundary: join the paragraphs with Ctrl+J"))
                return False
        label = self.tr("Delete “%1”").replace("%1", article.text[start:end])
        return self._replace(start, end, "", label)

    def paste(self) -> bool:
        text = QGuiApplication.clipboard().text()
        if not text:
            return False
        if "\n" in text.strip("\n"):
            self.ctx.status(self.tr("Paste one paragraph at a time: a correction stays inside one paragraph"))
            return False
        start, end = self.view.selected_range()
        return self._replace(start, end, text.strip("\n"), self.tr("Paste “%1”").replace("%1", text.strip("\n")))

    def _replace(self, start: int, end: int, text: str, label: str) -> bool:
        found = self.ctx.editable()
        if found is None or (start == end and not text):
            return False
        article = found[0]
        if spans_blocks(article, start, end):
            self.ctx.status(
                self.tr("A correction stays inside one paragraph: select less, or join the paragraphs first")
            )
            return False
        command = C.correct(self.ctx.session, article.id, start, end, text, None, label)
        after = start + len(text)
        command.select_after = (after, after)
        return self.ctx.run(command, select=(after, after), typed=True)
