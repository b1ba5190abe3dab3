"""The editing desk's screenshots, taken by ``scripts/screenshots.py`` on its sample project.

    editing-tags.png         a codebook with colours, counts and keys; overlapping tags in the text
    editing-corrections.png  the corrections view: deleted text struck through, inserted underlined
    editing-history.png      the edit history of an article, with a revert refused and why

Everything is done through the desk (so each step is an undoable command), on the
bundled sample pages (invented text).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def _find(text: str, word: str, after: int = 0) -> int:
    at = text.find(word, after)
    if at < 0:
        raise SystemExit(f"screenshots: {word!r} is not in the sample article any more")
    return at


def take(window, app, out: Path, settle: Callable) -> list[str]:
    from PySide6.QtCore import Qt  # noqa: TID251 (screenshots of the Qt desk)

    from db import RevertConflict
    from ui.editing.actions import EditActionId as E
    from ui.script import Script

    desk = window.editing
    project = window.store.project
    project.author = "林校对"  # an invented proofreader, rather than the account taking the pictures
    window.set_language("en")
    window.set_script(Script.ORIGINAL)
    window.search_dock.hide()
    window.open_article(project.article_ids(1)[0])
    for action_id in (E.SHOW_CODEBOOK, E.SHOW_ANNOTATIONS):
        desk.docks[action_id].show()
    desk.annotations_dock.raise_()
    window.resizeDocks([desk.codebook_dock], [360], Qt.Orientation.Horizontal)
    window.resizeDocks([desk.codebook_dock, desk.annotations_dock], [250, 600], Qt.Orientation.Vertical)
    window.splitter.setSizes([290, 590, 270])
    settle(app)

    # -- tags: a small codebook, overlapping passages ------------------------------------------------
    people = desk.new_tag(name="人物")
    places = desk.new_tag(name="地点")
    voice = desk.new_tag(name="职工诉求")
    channel = desk.new_tag(parent_id=voice.id, name="议事渠道")
    desk.new_tag(parent_id=voice.id, name="工资待遇")
    view = window.article_view

    def tag(tag_id: int, start: int, end: int) -> None:
        view.select_range(start, end)
        desk.apply_tag(tag_id)

    def span(word: str, after: int = 0) -> tuple[int, int]:
        at = _find(window.article.text, word, after)
        return at, at + len(word)

    quote = _find(window.article.text, "“以前车间里")
    tag(voice.id, quote + 1, span("有回音", quote)[1])
    tag(channel.id, *span("议事角", quote))
    tag(places.id, *span("车间", quote))
    tag(people.id, *span("焊工组组长郑远山"))
    tag(places.id, *span("禾丰农机装备有限公司"))
    tag(channel.id, *span("议事角", _find(window.article.text, "这就是")))
    tag(voice.id, *span("更衣柜不够用"))
    desk.codebook.choose(channel.id)
    view.select_range(quote, quote)  # no selection over the tints
    view.verticalScrollBar().setValue(0)
    window.raw_view.set_article_lines(window.article.offsets.raw_lines_ranges())
    window.statusBar().showMessage("Tagged as 职工诉求/议事渠道")
    settle(app)
    window.grab().save(str(out / "editing-tags.png"))

    # -- corrections: a replacement, a deletion and an insertion, with reasons ----------------------------
    desk.correct(*span("焊工"), "电焊", "原稿为“电焊组”")
    desk.correct(*span("一块", _find(window.article.text, "墙边")), "", "重复的量词")
    at = span("桌上摆着")[1]
    desk.correct(at, at, "一台", "据原报补")
    desk.correct(*span("46家"), "四十六家", "数字用法")
    desk.set_review("proofread")
    window._refresh_library()
    desk.actions[E.SHOW_CORRECTIONS].setChecked(True)
    desk.corrections_view.verticalScrollBar().setValue(0)
    window.statusBar().showMessage("4 corrections in this article")
    settle(app)
    window.grab().save(str(out / "editing-corrections.png"))
    desk.actions[E.SHOW_CORRECTIONS].setChecked(False)

    # -- history: structure edits too, a revert, and a revert the store refuses, saying why --------------
    article = window.article
    starts = article.block_starts()
    view.select_range(starts[8] + 1, starts[8] + 1)
    desk.join_with_next()
    at = _find(window.article.text, "“一开始大家")
    split_at = _find(window.article.text, "郑远山回忆", at)
    view.select_range(split_at, split_at)
    desk.split_block()
    desk.set_role("subhead")
    role_entry = project.history(article.id)[-1]
    desk.revert_entry(role_entry, confirm=False)
    first = next(e for e in project.history(article.id) if e.op == "correct")
    desk.correct(*span("电焊"), "焊接", "核对后再改")
    try:
        project.revert(first.id)
    except RevertConflict as exc:  # shown as the desk shows it, without the message box
        desk.history.set_entries(project.history(article.id))
        desk.history.show_conflict(desk.conflict_message(exc), exc.blocking)
    desk.history.select_entry(first.id)
    desk.history_dock.show()
    desk.history_dock.raise_()
    window.resizeDocks([desk.history_dock], [420], Qt.Orientation.Vertical)
    view.verticalScrollBar().setValue(0)
    window.statusBar().showMessage("")
    settle(app)
    window.grab().save(str(out / "editing-history.png"))
    desk.history_dock.hide()

    # undo it all (one step per command), so the shots after these start from the sample as imported
    while desk.stack.canUndo():
        desk.undo()
    desk.stack.clear()
    project.author = None
    view.select_range(0, 0)
    window.raw_view.set_linked([])
    window.statusBar().clearMessage()
    settle(app)
    return ["editing-tags.png", "editing-corrections.png", "editing-history.png"]
