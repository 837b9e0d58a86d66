"""The word lists are read a block at a time: every word is found with wordfreq's own
frequency, words it never saw are 0, and lookups do not depend on where blocks begin."""

from __future__ import annotations

import random

from briefer.lang import vocabulary


def test_every_sampled_word_is_found_with_its_frequency() -> None:
    for lang in ("de", "uk"):
        vocabulary.vocabulary(lang)  # builds the list in this run's fresh cache
        lines = vocabulary._path(lang).read_bytes().splitlines()  # the file ends in a newline: no empty last line
        sample = random.Random(7).sample(lines, 3000) + [lines[0], lines[-1]]
        for line in sample:
            word, _, zipf = line.decode("utf-8").partition("\t")
            assert vocabulary.vocabulary(lang).zipf(word) == int(zipf) / 10, (lang, word)


def test_unknown_words_and_case_and_apostrophes() -> None:
    assert vocabulary.zipf("publicnego", "pl") == 0.0 < vocabulary.zipf("publicznego", "pl")
    assert vocabulary.zipf("Beschließt", "de") == vocabulary.zipf("beschliesst", "de") > 0
    assert vocabulary.zipf("п’ятиденного", "uk") == vocabulary.zipf("п'ятиденного", "uk") > 0
