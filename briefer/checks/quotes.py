"""The quotes check: an item's quotations are the source's words (a title the source quotes
may be translated), and the source's quotations stand in quotation marks."""

from __future__ import annotations

from briefer.checks.source import QUOTE_RUN, Source, is_title, passed
from briefer.core.models import CheckResult, Item
from briefer.lang import names, text


def check_quotes(item: Item, source: Source) -> CheckResult:
    """Words in quotation marks (three or more; two in another language than the source's)
    must be the source's own words: a quote is verbatim or it is not a quote. A translation is reported without quotation marks; but a
    title the source quotes (a foundation's, an exhibition's) is translated in its marks."""
    for part in (item.headline, *item.bullets):
        for quote, before in text.quotations_after(part):
            tokens = [t.lower() for t in text.words(quote)]
            # two words are a quotation too where the source's own words cannot be, in another
            # language; unless they are a name (capitalised: «Астон Вілла», «12 Жовтня»)
            shortest = 2 if item.lang != source.lang and quote[:1].islower() else 3
            if (
                len(tokens) < shortest
                or " ".join(tokens) in source.flat
                or _translated_title(quote, before, item, source)
            ):
                continue
            return CheckResult(check="quotes", passed=False, message=f'quote not in the source: "{text.clip(quote)}"')
        # a headline may tell as news what the title has someone say ("aprirà il 20 dicembre")
        copied = _unmarked_quote(part, source, skip=source.title_quoted if part == item.headline else ())
        if copied:
            return CheckResult(
                check="quotes", passed=False, message=f'the source\'s quotation without quotation marks: "{copied}"'
            )
    return passed("quotes")


def _unmarked_quote(part: str, source: Source, skip: tuple[str, ...] = ()) -> str:
    """A run of a source quotation's words in the item's own voice: a person's words passed
    off as the brief's (a quote is in quotation marks and attributed, or reported). The
    quotations in `skip` may be so told."""
    tokens = text.words(text.unquoted(part).lower())
    for start in range(len(tokens) - QUOTE_RUN + 1):
        run = " ".join(tokens[start : start + QUOTE_RUN])
        if any(run in quote for quote in source.quoted) and not any(run in quote for quote in skip):
            return text.clip(" ".join(tokens[start:]))
    return ""


def _translated_title(quote: str, before: str, item: Item, source: Source) -> bool:
    """In another language, a title of the source translated: a title of about as many
    words, or a name the source writes without marks, its capitals the source's in this
    language's spelling (the deputies of «Права і справедливості», the source's Prawa i
    Sprawiedliwości: a party's name, no one's words)."""
    if item.lang == source.lang or not is_title(quote, before):
        return False
    count = len(text.words(quote))
    return any(abs(count - known) <= 2 for known in source.titles) or _a_name_of_the_source(quote, source)


def _a_name_of_the_source(quote: str, source: Source) -> bool:
    """Two words or more besides short joining ones, each a capital of the source in any
    spelling or case (a name's later words may be lower case: «Права і справедливості»):
    a name, not a sentence."""
    content = [word for word in text.words(quote) if len(word) > 3]
    return len(content) >= 2 and all(
        any(names.same_name(word, known, True) for known in source.capitalised) for word in content
    )
