"""Exports of the annotated corpus in the formats researchers' tools read.

Every writer takes the same plain snapshot (:mod:`db.exports.model`), so formats
never query the store themselves and can be tested on hand-built corpora.
"""
