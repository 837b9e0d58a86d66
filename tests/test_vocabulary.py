"""The word lists are read a block at a time: every word is found with wordfreq's own
frequency, words it never saw are 0, and lookups do not depend on where blocks begin."""

from __future__ import annotations

import random

from briefer import vocabulary


def test_every_sampled_word_is_found_with_its_frequency() -> None:
    for lang in ("de", "uk"):
        lines = vocabulary._path(lang).read_bytes().split(b"\n") if vocabulary._path(lang).is_file() else []
        vocabulary.vocabulary(lang)  # builds the list on a fresh machine
        lines = lines or vocabulary._path(lang).read_bytes().split(b"\n")
        sample = random.Random(7).sample(lines, 3000) + [lines[0], lines[-1]]
        for line in sample:
            word, _, zipf = line.decode("utf-8").partition("\t")
            assert vocabulary.vocabulary(lang).zipf(word) == int(zipf) / 10, (lang, word)


def test_unknown_words_and_case_and_apostrophes() -> None:
    assert vocabulary.zipf("publicnego", "pl") == 0.0 < vocabulary.zipf("publicznego", "pl")
    assert vocabulary.zipf("Beschließt", "de") == vocabulary.zipf("beschliesst", "de") > 0
    assert vocabulary.zipf("п’ятиденного", "uk") == vocabulary.zipf("п'ятиденного", "uk") > 0
