from __future__ import annotations

from briefer.model.chunking import chunk_text, count_tokens


def _long_article(words: int) -> str:
    sentence = "The minister said on Tuesday that 1,200 new buses would arrive in Gdańsk before winter. "
    paragraphs = []
    per_paragraph = 6
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(sentence * per_paragraph)
    return "\n\n".join(paragraphs)


def test_a_6000_word_article_is_cut_into_chunks_within_budget_without_losing_text() -> None:
    text = _long_article(6000)
    chunks = chunk_text("a", text, 1500)
    assert len(chunks) > 1
    assert all(chunk.n_tokens <= 1500 for chunk in chunks)
    assert [c.index for c in chunks] == list(range(len(chunks)))
    assert " ".join(" ".join(c.text.split()) for c in chunks) == " ".join(text.split())


def test_chunks_end_at_paragraph_or_sentence_boundaries() -> None:
    text = _long_article(2000)
    for chunk in chunk_text("a", text, 300):
        assert chunk.text.rstrip().endswith(".")


def test_one_enormous_sentence_is_still_split_under_budget() -> None:
    text = "word " * 5000
    chunks = chunk_text("a", text, 200)
    assert all(count_tokens(c.text) <= 201 for c in chunks)
