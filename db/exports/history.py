"""Corrections from an article's edit history, and the article's text just before each of them.

:func:`corrections_of` turns the ``edits`` rows of an article into :class:`ExportCorrection`\\ s:
the edits in effect (not reverted, not themselves reverts), a text correction placed where its
text stands in the current text when it still maps there.

:func:`texts_before_edits`: a correction is anchored (W3C) in the text it corrected, not in the
corrected text, where the wording before the edit no longer stands. The store keeps no copy of
each article state, but every ``edits`` row keeps, in ``before``, the full rows of the blocks it
touched as they were before it (a structural edit keeps every block of the articles involved; a
block it created is ``null``). Starting from the current blocks and putting back those rows from
the newest edit to the oldest gives the blocks as they stood before each edit; the article text
of a state is its blocks in position order joined by "\\n", as the store builds it.

:func:`prior_states` also finds, for an orphaned passage, the last state its quote stood in:
the ``before`` snapshot of the edit that orphaned it holds its place there.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from db.anchoring import Span, map_replace
from db.articles import SEPARATOR
from db.exports.model import ExportAnnotation, ExportCorrection
from db.history import active_ids

_STRUCTURAL_TEXT = {"join": ("\n", ""), "split": ("", "\n")}


def _follow(block: int, a: int, b: int, later: list[tuple]) -> tuple[int, int, int] | None:
    """Where block-relative range [a, b) of ``block`` is after the ``later`` edits (None: lost)."""
    for r in later:
        params = json.loads(r[6])
        for step in json.loads(r[9]):
            if step[0] != "breplace":
                continue
            _, _, sblock, s, e, n = step
            if r[3] == "join" and params.get("next_block_id") == block and sblock != block:
                block, a, b = sblock, a + s, b + s  # our paragraph was appended at s of the first
                continue
            if sblock != block:
                continue
            if r[3] == "split" and e == s and n == 1:
                if a >= s:
                    block, a, b = params.get("new_block_id", -1), a - s, b - s
                elif b > s:
                    return None
                continue
            span = map_replace(Span(0, a, b), s, e, n)
            if span.orphaned:
                return None
            a, b = span.start, span.end
    return block, a, b


def corrections_of(
    article_id: int, text: str, block_starts: dict[int, int], rows: list[tuple], priors: dict[int, str] | None = None
) -> list:
    """ExportCorrections of one article from its edit rows (id, at, author, op, article_id, other_id,
    params, note, reverts, steps, …), sorted by id; ``priors``: edit id -> the article text just before it."""
    active = active_ids((r[0], r[8]) for r in rows)
    out: list[ExportCorrection] = []
    for k, r in enumerate(rows):
        edit_id, at, author, op = r[0], r[1], r[2] or "", r[3]
        if op == "revert" or edit_id not in active:
            continue
        params = json.loads(r[6])
        note = r[7] or ""
        if op == "correct":
            step = next((s for s in json.loads(r[9]) if s[0] == "breplace"), None)
            before, after = params.get("old_text", ""), params.get("text", "")
            start = end = -1
            if step is not None:
                _, _, block, bs, _be, n = step
                found = _follow(block, bs, bs + n, rows[k + 1 :])
                if found is not None and found[0] in block_starts:
                    s = block_starts[found[0]] + found[1]
                    if found[2] - found[1] == len(after) and text[s : s + len(after)] == after:
                        start, end = s, s + len(after)
            prior, at_ = (priors or {}).get(edit_id), params.get("start", -1)
            if prior is None or not isinstance(at_, int) or at_ < 0 or prior[at_ : at_ + len(before)] != before:
                prior, at_ = None, -1
            out.append(ExportCorrection(str(edit_id), op, start, end, before, after, author, at, note, prior, at_))
        else:
            before, after = _STRUCTURAL_TEXT.get(op, ("", ""))
            if op == "role":
                before, after = params.get("old_role", ""), params.get("role", "")
            out.append(ExportCorrection(str(edit_id), op, -1, -1, before, after, author, at, note))
    return out


#: (edit id, op, the edit's article id, the ``before`` snapshot as stored: JSON text)
EditRow = tuple[int, str, int | None, str]


def texts_before_edits(
    article_id: int, blocks: Iterable[tuple[int, int, str]], edits: Sequence[EditRow], wanted: Collection[int]
) -> dict[int, str]:
    """Edit id -> the text of ``article_id`` just before that edit, for the ``wanted`` edits.

    ``blocks``: the article's current blocks as (block id, position, text); ``edits``: every edit that
    touched the article, in id order. Snapshots that cannot be read leave the edits before them out.
    """
    if not wanted:
        return {}
    first = min(wanted)
    state: dict[int, tuple[int, int, str]] = {bid: (article_id, pos, text) for bid, pos, text in blocks}
    out: dict[int, str] = {}
    for edit_id, _op, _article, before_json in reversed(edits):
        if edit_id < first:
            break
        try:
            rows = json.loads(before_json)["blocks"]
            for key, row in rows.items():
                if row is None:
                    state.pop(int(key), None)
                else:
                    state[int(key)] = (int(row["article_id"]), int(row["position"]), str(row["text"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            break  # a damaged snapshot: earlier states cannot be rebuilt past it
        if edit_id in wanted:
            mine = sorted((pos, text) for art, pos, text in state.values() if art == article_id)
            out[edit_id] = SEPARATOR.join(text for _, text in mine)
    return out


def _orphaning(article_id: int, orphans: set[int], edits: Sequence[EditRow]) -> dict[int, tuple[int, int]]:
    """Orphaned annotation id -> (edit id, start): the latest edit before which it still stood, placed, in
    this article, and where (its state in that edit's ``before`` snapshot)."""
    out: dict[int, tuple[int, int]] = {}
    for edit_id, _op, _article, before_json in reversed(edits):
        missing = orphans - out.keys()
        if not missing:
            break
        try:
            states = json.loads(before_json).get("annotations", {})
        except (ValueError, AttributeError):
            break
        for ann_id in missing:
            state = states.get(str(ann_id))  # article_id, char_start, char_end, quote, prefix, suffix, orphaned
            if isinstance(state, list) and len(state) >= 7 and state[0] == article_id and not state[6]:
                out[ann_id] = (edit_id, int(state[1]))
    return out


def prior_states(
    article_id: int,
    blocks: Iterable[tuple[int, int, str]],
    edits: Sequence[EditRow],
    annotations: Sequence[ExportAnnotation],
) -> tuple[dict[int, str], tuple[ExportAnnotation, ...]]:
    """The article's text before each correction made in it, and its annotations with each orphan's
    last place filled in (the text before the edit that orphaned it; see :class:`ExportAnnotation`)."""
    orphans = {int(a.id) for a in annotations if a.orphaned and a.id.isdigit()}
    where = _orphaning(article_id, orphans, edits) if orphans else {}
    wanted = {e[0] for e in edits if e[1] == "correct" and e[2] == article_id} | {w[0] for w in where.values()}
    texts = texts_before_edits(article_id, blocks, edits, wanted)
    out: list[ExportAnnotation] = []
    for ann in annotations:
        edit_id, start = where.get(int(ann.id), (-1, -1)) if ann.id.isdigit() else (-1, -1)
        prior = texts.get(edit_id)
        if prior is not None and start >= 0 and prior[start : start + len(ann.quote)] == ann.quote:
            ann = replace(ann, prior_edit=str(edit_id), prior_text=prior, prior_start=start)
        out.append(ann)
    return texts, tuple(out)
