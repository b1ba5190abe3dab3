"""The Jiaokan text engine: reflow raw newspaper page dumps. Pure Python, no Qt."""

from reader.decoding import Decoded, DecodeError, decode_bytes, read_dump
from reader.engine import ENGINE_VERSION, reflow_bytes, reflow_text
from reader.gold import document_to_gold
from reader.model import Article, ArticleKind, Block, BlockKind, Document, Extractor, Layout, TracedText

__all__ = [
    "ENGINE_VERSION",
    "Article",
    "ArticleKind",
    "Block",
    "BlockKind",
    "DecodeError",
    "Decoded",
    "Document",
    "Extractor",
    "Layout",
    "TracedText",
    "decode_bytes",
    "document_to_gold",
    "read_dump",
    "reflow_bytes",
    "reflow_text",
]
