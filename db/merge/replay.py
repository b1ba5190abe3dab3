"""Replaying one incoming edit here: located by raw offsets, applied, found already done, or kept as a conflict.

- a text correction is applied where the text here still equals what it replaced; where it
  already reads as corrected it is a duplicate; where this project changed the same text
  differently, a conflict is kept;
- a structural edit (join, split, role, moves, article split and merge) is applied when the
  articles it involves read exactly as before it, is a duplicate when they read as after it,
  and is a conflict otherwise;
- a revert reverts the edit here that copies the one it reverted.

Every method returns a :class:`~db.merge.model.Replayed`; none raises for a mismatch.
"""

from __future__ import annotations

from db import edits
from db.articles import expand
from db.connection import Connection
from db.errors import StoreError
from db.export import origin_key
from db.merge.conflict_store import CONTEXT, ConflictStore
from db.merge.model import ALREADY, Outcome, Replayed
from db.merge.target import Hit, Target, snap_raws

STRUCTURAL_OPS = frozenset({"join", "split", "move_previous", "move_next", "split_article", "merge"})


def origin_of(e: dict) -> str:
    """The key that names an incoming edit across projects."""
    return e.get("origin") or origin_key(e.get("at", ""), e.get("author"), e.get("op", ""))


class _Before:
    """An incoming structural edit's view of the paragraphs it involved, matched to ``target``."""

    def __init__(self, e: dict, target: Target) -> None:
        before = e.get("before") or {}
        self.rows: dict = before.get("blocks") or {}
        self.order: dict = before.get("order") or {}
        self.target = target

    def row(self, block_id: object) -> dict | None:
        return self.rows.get(str(block_id))

    def near(self, block_id: object) -> Hit | None:
        """The block here made from the same raw text as the incoming block (however it reads)."""
        r = self.row(block_id)
        return self.target.vote_block(snap_raws(r)) if r is not None else None

    def here(self, block_id: object) -> Hit | None:
        """The block here made from the same raw text, reading exactly as before the edit."""
        r, hit = self.row(block_id), self.near(block_id)
        if r is None or hit is None or (hit.block.role.value, hit.block.text) != (r["role"], r["text"]):
            return None
        return hit

    def article_of(self, key: object) -> int | None:
        raws: list[int | None] = []
        for b in self.order.get(str(key), ()):
            r = self.row(b)
            if r is not None:
                raws.extend(snap_raws(r))
        return self.target.vote_article(raws)

    def index(self, aid: int | None) -> int:
        return self.target.articles.index(aid) if aid in self.target.articles else -1


class EditReplayer:
    """Replays incoming edits through :mod:`db.edits`; keeps what cannot be applied in ``store``."""

    def __init__(self, cx: Connection, store: ConflictStore, edit_map: dict[int, int] | None = None) -> None:
        self.cx = cx
        self.store = store
        self.edit_map = edit_map if edit_map is not None else {}  #: export edit id -> edit id here
        self.touched_articles: set[int] = set()

    def replay(self, e: dict, target: Target) -> Replayed:
        """Any incoming edit; a store error while applying it becomes a conflict."""
        op = e.get("op")
        try:
            if op == "correct":
                return self.correct(e, target)
            if op == "role":
                return self.role(e, target)
            if op in STRUCTURAL_OPS:
                return self.structural(e, target)
            if op == "revert":
                return self.revert(e)
            return self._conflict(e, "structure", None, detail=f"unknown operation {op!r}")
        except StoreError as exc:
            return self._conflict(e, "structure", None, detail=f"could not be applied here: {exc}")

    def _conflict(self, e: dict, kind: str, where: tuple[int, int, int] | None, **fields) -> Replayed:
        return Replayed(Outcome.CONFLICT, conflict_id=self.store.record(e, origin_of(e), kind, where, **fields))

    def _applied(self, entry) -> Replayed:
        self.touched_articles.update(a for a in (entry.article_id, entry.other_article_id) if a is not None)
        return Replayed.applied(entry.id)

    # -- text -----------------------------------------------------------------------------------
    def correct(self, e: dict, target: Target) -> Replayed:
        params = e.get("params", {})
        old, new = params.get("old_text", ""), params.get("text", "")
        step = next((s for s in e.get("steps", ()) if s[0] == "breplace"), None)
        snap = (e.get("before") or {}).get("blocks", {}).get(str(step[2])) if step else None
        if step is None or snap is None:
            return self._conflict(e, "text", None, base=old, theirs=new,
                                  detail="the export does not say where this correction was made")
        _, _, _, bs, be, _ = step
        bt = snap["text"]
        found = self._locate(target, bt, snap_raws(snap), bs, be)
        if found is None:
            return self._conflict(e, "text", None, base=old, theirs=new, source_id=target.source_id,
                                  detail="the text this correction changed was not found in this project")
        hit, lo, hi, wide = found
        text = hit.block.text
        start = target.start_of(hit.article_id, hit.index)
        if text[lo:hi] == old and (old or _same_context(text, lo, bt, bs, be)):
            entry = edits.correct(self.cx, hit.article_id, start + lo, start + hi, new,
                                  author=e.get("author"), note=e.get("note"))
            self.touched_articles.add(hit.article_id)
            return Replayed.applied(entry.id)
        if text[lo : lo + len(new)] == new or text[wide[0] : wide[1]] == new:
            return ALREADY
        lo2, hi2 = wide
        return self._conflict(
            e, "text", (hit.article_id, start + lo2, start + hi2), base=old, ours=text[lo2:hi2], theirs=new,
            context=(text[max(0, lo2 - CONTEXT) : lo2], text[hi2 : hi2 + CONTEXT]), source_id=target.source_id,
            detail="this project changed the same text differently",
        )

    def _locate(
        self, target: Target, bt: str, raws: list[int | None], bs: int, be: int
    ) -> tuple[Hit, int, int, tuple[int, int]] | None:
        """Where block-text range [bs, be) of the export stands here: (hit, lo, hi, widened range)."""
        inside = [i for i in range(bs, be) if raws[i] is not None]
        hit = lo = hi = None
        if inside:
            first, last = target.at_raw(raws[inside[0]]), target.at_raw(raws[inside[-1]])
            if first is not None and last is not None and first.block.id == last.block.id:
                hit, lo, hi = first, first.offset - (inside[0] - bs), last.offset + 1 + (be - 1 - inside[-1])
        if hit is None and bs > 0 and raws[bs - 1] is not None:
            h = target.at_raw(raws[bs - 1])
            if h is not None:
                hit, lo = h, h.offset + 1
                hi = lo + (be - bs)
        if hit is None and be < len(raws) and raws[be] is not None:
            h = target.at_raw(raws[be])
            if h is not None:
                hit, hi = h, h.offset
                lo = hi - (be - bs)
        if hit is None:
            return _by_text(target, bt, bs, be)
        text = hit.block.text
        lo, hi = max(0, lo), min(len(text), max(lo, hi))
        traws = expand(hit.block.runs, len(text))
        wlo, whi = lo, hi
        while wlo > 0 and traws[wlo - 1] is None:
            wlo -= 1
        while whi < len(text) and traws[whi] is None:
            whi += 1
        return hit, lo, hi, (wlo, whi)

    # -- structure ------------------------------------------------------------------------------
    def role(self, e: dict, target: Target) -> Replayed:
        params = e.get("params", {})
        snap = (e.get("before") or {}).get("blocks", {}).get(str(params.get("block_id")))
        if snap is None:
            return self._conflict(e, "structure", None, detail="the export does not say which block changed role")
        hit = target.vote_block(snap_raws(snap))
        if hit is not None and hit.block.text == snap["text"]:
            if hit.block.role.value == params.get("old_role"):
                entry = edits.set_role(self.cx, hit.block.id, params["role"], author=e.get("author"),
                                       note=e.get("note"))
                self.touched_articles.add(hit.article_id)
                return Replayed.applied(entry.id)
            if hit.block.role.value == params.get("role"):
                return ALREADY
        return self._conflict(
            e, "structure", target.span_of(hit) if hit is not None else None, base=params.get("old_role", ""),
            ours=hit.block.role.value if hit else "", theirs=params.get("role", ""), source_id=target.source_id,
            detail="the paragraph reads differently here or has another role",
        )

    def structural(self, e: dict, target: Target) -> Replayed:
        """Join, split, moves, article split and merge: applied where the paragraphs involved read as before it."""
        op = e["op"]
        handler = {
            "join": self._join,
            "split": self._split,
            "move_previous": self._move,
            "move_next": self._move,
            "split_article": self._split_article,
            "merge": self._merge,
        }.get(op)
        if handler is None:
            return self._structure_conflict(e, target, f"unknown operation {op!r}")
        return handler(e, _Before(e, target), e.get("params") or {})

    def _structure_conflict(self, e: dict, target: Target, detail: str, hit: Hit | None = None) -> Replayed:
        where = target.span_of(hit) if hit is not None else None
        return self._conflict(e, "structure", where, source_id=target.source_id, detail=detail)

    def _join(self, e: dict, was: _Before, params: dict) -> Replayed:
        block_id, next_id = params.get("block_id"), params.get("next_block_id")
        a, b = was.here(block_id), was.here(next_id)
        if a is not None and b is not None and a.article_id == b.article_id and b.index == a.index + 1:
            return self._applied(edits.join_with_next(self.cx, a.block.id, author=e.get("author"),
                                                      note=e.get("note")))
        first, second, hit = was.row(block_id), was.row(next_id), was.near(block_id)
        if first and second and hit is not None and hit.block.text == first["text"] + second["text"]:
            return ALREADY
        return self._structure_conflict(e, was.target, "the two paragraphs it joined read differently here", hit)

    def _split(self, e: dict, was: _Before, params: dict) -> Replayed:
        block_id, offset = params.get("block_id"), params.get("offset", 0)
        a = was.here(block_id)
        if a is not None and 0 < offset < len(a.block.text):
            return self._applied(edits.split_block(self.cx, a.block.id, offset, author=e.get("author"),
                                                   note=e.get("note")))
        r, hit = was.row(block_id), was.near(block_id)
        if r is not None and hit is not None and hit.block.text == r["text"][:offset]:
            nxt = was.target.blocks[hit.article_id][hit.index + 1 : hit.index + 2]
            if nxt and nxt[0].text == r["text"][offset:]:
                return ALREADY
        return self._structure_conflict(e, was.target, "the paragraph it split reads differently here", hit)

    def _move(self, e: dict, was: _Before, params: dict) -> Replayed:
        step = -1 if e["op"] == "move_previous" else 1
        block_id = params.get("block_id")
        a = was.here(block_id)
        dest = was.article_of(params.get("to_article"))
        if a is not None and dest is not None:
            blocks = was.target.blocks[a.article_id]
            at_edge = a.index == (0 if step < 0 else len(blocks) - 1)
            if at_edge and len(blocks) > 1 and was.index(dest) == was.index(a.article_id) + step:
                move = edits.move_to_previous if step < 0 else edits.move_to_next
                return self._applied(move(self.cx, a.block.id, author=e.get("author"), note=e.get("note")))
        hit = was.near(block_id)
        if hit is not None and dest is not None and hit.article_id == dest:
            return ALREADY
        return self._structure_conflict(
            e, was.target, "the paragraph it moved, or the article it moved it to, differs here", hit
        )

    def _split_article(self, e: dict, was: _Before, params: dict) -> Replayed:
        block_id = params.get("block_id")
        a = was.here(block_id)
        if a is not None and a.index > 0:
            return self._applied(edits.split_article(self.cx, a.block.id, author=e.get("author"),
                                                     note=e.get("note")))
        hit = was.near(block_id)
        rest = [b for b in was.order.get(str(e.get("article_id")), ()) if b != block_id]
        first_of_old = was.near(rest[0]) if rest else None
        apart = first_of_old is None or first_of_old.article_id != hit.article_id if hit is not None else False
        if hit is not None and hit.index == 0 and apart:
            return ALREADY
        return self._structure_conflict(e, was.target, "the article it split reads differently here", hit)

    def _merge(self, e: dict, was: _Before, params: dict) -> Replayed:
        first, second = was.article_of(e.get("article_id")), was.article_of(params.get("next_article_id"))
        if first is not None and second is not None:
            if first == second:
                return ALREADY
            if was.index(second) == was.index(first) + 1:
                return self._applied(edits.merge_with_next(self.cx, first, author=e.get("author"),
                                                           note=e.get("note")))
        return self._structure_conflict(e, was.target, "the articles it merged are not neighbours here")

    # -- reverts --------------------------------------------------------------------------------
    def revert(self, e: dict) -> Replayed:
        reverted = (e.get("params") or {}).get("reverts", e.get("reverts"))
        here = self.edit_map.get(reverted)
        if here is None:
            return self._conflict(e, "revert", None, detail="it reverts an edit that was not merged into this project")
        try:
            entry = edits.revert(self.cx, here, author=e.get("author"), note=e.get("note"))
        except StoreError as exc:
            if "already reverted" in str(exc):
                return ALREADY
            return self._conflict(e, "revert", None, detail=str(exc))
        return Replayed.applied(entry.id)


def _same_context(text: str, lo: int, bt: str, bs: int, be: int) -> bool:
    """For an insertion: the characters either side are the ones it was made between."""
    before_ok = bs == 0 or (lo > 0 and text[lo - 1] == bt[bs - 1])
    after_ok = be >= len(bt) or (lo < len(text) and text[lo] == bt[be])
    return before_ok and after_ok


def _by_text(target: Target, bt: str, bs: int, be: int) -> tuple[Hit, int, int, tuple[int, int]] | None:
    """No raw offset to go by (text typed by an editor): the unique place with the same text and context."""
    needle = bt[max(0, bs - 8) : be + 8]
    places = []
    for aid in target.articles:
        for index, block in enumerate(target.blocks[aid]):
            at = block.text.find(needle)
            while at >= 0 and len(places) < 2:
                places.append((aid, index, block, at + (bs - max(0, bs - 8))))
                at = block.text.find(needle, at + 1)
    if len(places) != 1:
        return None
    aid, index, block, lo = places[0]
    return Hit(aid, block, index, lo), lo, lo + (be - bs), (lo, lo + (be - bs))
