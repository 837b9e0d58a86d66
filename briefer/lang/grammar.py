"""Whether a string of words is a sentence of its language, as far as a tagger's lexicon can tell.

A small model writing word by word leaves strings of real words that no reader takes for a
sentence ("Besonderer Inflationsausgleichsprämie für rund 10.000 Beschäftigten ... nach Angaben
der Bahn"): every word passes the dictionary, none is a finite verb. A German sentence has one,
so a German bullet without one is notes or a garble, not news. The Hannover Tagger (HanTa,
LGPL) knows each German word form's parts of speech from its lexicon and morphology, with the
model in its wheel (about 47 MB in memory, loaded at the first German bullet). Its English
model is left unused: its lexicon takes "struck", "lost", "votes" in good English bullets for
participles and nouns, and English cannot tell them apart without the sentence's syntax.
"""

from __future__ import annotations

import functools
import re
import threading

LANGUAGES = frozenset({"de"})

# STTS tags of a finite verb (HanTa writes them VV(FIN) for VVFIN): full, auxiliary, modal; imperatives.
_FINITE = frozenset({"VV(FIN)", "VA(FIN)", "VM(FIN)", "VV(IMP)", "VA(IMP)"})
_PARTICIPLE = "VV(PP)"
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_CLAUSE_END = frozenset(".;!?")
_lock = threading.Lock()


@functools.cache
def _german_tagger():
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


@functools.lru_cache(maxsize=65536)  # an article's words come back in every bullet
def _tags(word: str) -> frozenset[str]:
    with _lock:  # one tagger for the run's threads, and HanTa does not say it is safe for two at once
        return frozenset(tag for tag, _ in _german_tagger().tag_word(word))


def has_finite_verb(sentence: str, lang: str) -> bool:
    """The sentence has a word that is a finite verb of `lang` (True for a language the module
    has no tagger for: nothing is known against it). A German finite verb is written in lower
    case (a capitalised word is a noun, a name or the sentence's first word); an -t form that is
    both a present tense and a participle ("kritisiert", "verurteilt") is a participle where its
    clause ends, since there a main clause holds its participle, never its finite verb."""
    if lang not in LANGUAGES:
        return True
    tokens = _TOKEN.findall(sentence)
    for index, token in enumerate(tokens):
        if not token[:1].islower():
            continue
        tags = _tags(token)
        if not tags & _FINITE:
            continue
        last = index + 1 == len(tokens) or tokens[index + 1] in _CLAUSE_END
        if last and _PARTICIPLE in tags:
            continue
        return True
    return False
