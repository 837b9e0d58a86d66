"""Text primitives the checks and dedupe share: words, quotations, figures with their
scale, numbers written as words and in Roman numerals (names are in `names`)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from briefer.lang import figure_words, languages, numerals

# A combining mark stays inside its word: Turkish İnşaat lowered is i + a combining dot + nşaat.
_WORD_RE = re.compile(r"\w[\w\u0300-\u036f]*(?:[-'’]\w[\w\u0300-\u036f]*)*")
# A figure as written in any supported language: 3200, 3,200, 3.200, 3 200, 5,5, 5.5. What
# may follow it glued ("€100bn", "2nd", "T10") is judged after the match.
# A time of day with a colon ("23:00", "6:30") is one figure, hours and minutes, as "23.00"
# is where the source writes it so; its minutes are no figure of their own.
_FIGURE_RE = re.compile(
    r"(?<![\w.,])(?:\d{1,2}:\d{2}(?![\d:])|\d{1,3}(?:[ \u00a0\u202f.,']\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\d])"
)
# A road by its class letter and number, written apart as German and Polish papers do (A 61,
# B 327, S 8): an item writes it together (A61).
# A letter after the word for a group or class is no road (Gruppe A 3 Punkte).
ROAD = re.compile(
    r"(?<![\w.,])(?<!(?:uppe|roup|rupa|rupo|uppo|asse|Type|type) )"
    r"([ABDEKLMNS])[ \u00a0](\d{1,4})(?![\d.,]\d)\b"
)
_ROAD_TOGETHER = re.compile(r"(?<![\w.,])([ABDEKLMNS])(\d{1,4})\b")
# A letter that is a word of its own, which opens a sentence capitalised: "A 128 km/h donde el
# límite era 70" is Spanish "at 128 km/h", no road A128.
_LETTER_WORDS = {"es": "A", "it": "AE", "fr": "A"}
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")


def roads(value: str, lang: str = "") -> set[str]:
    """The roads a text names, each written together (A61), however the text writes it."""
    apart = [m.groups() for m in ROAD.finditer(value) if not _letter_word(value, m.start(), lang)]
    return {letter + number for letter, number in (*apart, *_ROAD_TOGETHER.findall(value))}


def _letter_word(text: str, at: int, lang: str) -> bool:
    """The letter at `at` opens a sentence and is a word of the language (Spanish "A")."""
    return text[at] in _LETTER_WORDS.get(lang, "") and _SENTENCE_OPENS.search(text, 0, at) is not None


# What follows a figure written as an ordinal (23rd, 23e, 23ª, 23-го); a degree sign may too.
_ORDINAL_ENDINGS = r"st|nd|rd|th|e|er|re|ème|º|ª|-?[гйїаяе]|-?(?:го|му|ту|ти)"
_ORDINAL_RE = re.compile(rf"(?:{_ORDINAL_ENDINGS}|°)(?![\w])", re.IGNORECASE)
_ORDINAL_FIGURE_RE = re.compile(rf"(?<![\d.,])\d+\.?(?:{_ORDINAL_ENDINGS})(?![\w])", re.IGNORECASE)
_QUOTED_RE = re.compile(r"[\"“”„«»‚‘]\s*([^\"“”„«»]+?)\s*[\"“”«»]")


# An article or preposition elided onto the word after it (l'OCDE, d'Europe, dell'Inps).
ELIDED = re.compile(r"^(?:[ldsnjcmt]|qu|dell|all|dall|nell|sull)['’]", re.IGNORECASE)


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def clip(value: str, limit: int = 80) -> str:
    """A passage short enough to quote in a one-line message."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


# The seconds' mark of a time written with marks (3'12", 2h21'09", 1'07''): no quotation mark.
_SECONDS_MARK = re.compile(r"(?<=\d['’′]\d\d)(?:''|’’|[\"”″])")


def _without_seconds_marks(text: str) -> str:
    """The text with each seconds' mark blanked, at the same length: positions still hold."""
    return _SECONDS_MARK.sub(lambda m: " " * len(m.group()), text) if "'" in text or "’" in text else text


# A title in single quotes, as the British press writes it ('La última vendimia'): opened
# after no letter and closed before none, so no apostrophe (don't, l'Office, players') opens one.
_SINGLE_QUOTED_RE = re.compile(r"(?<![\w'‘’])['‘]([^'‘’\n]+?)['’](?![\w])")


def unquoted(text: str, single: bool = False) -> str:
    """The text without what stands inside quotation marks; with `single`, inside single
    quotes too (a title's words are the title's language, not the item's)."""
    text = _QUOTED_RE.sub(" ", _without_seconds_marks(text))
    return _SINGLE_QUOTED_RE.sub(" ", text) if single else text


def quotations(text: str) -> list[str]:
    return _QUOTED_RE.findall(_without_seconds_marks(text))


def quotations_after(text: str) -> list[tuple[str, str]]:
    """Each quotation with the text before its opening mark (what names it, or who says it)."""
    return [(match.group(1), text[: match.start()]) for match in _QUOTED_RE.finditer(_without_seconds_marks(text))]


# ---- figures ----

_ADDRESSES = re.compile(
    r"(?:https?://|www\.)\S+"  # a web address: its digits are an id
    r"|\(\s*\d+\s+[^\W\d_]+\s*\)"  # a count in brackets: "(12 items)", "(3 photos)"
    # a thing's number: "Поїзд № 43", "Nr. 7", "No. 10", "n° 5", "nº 12", "n. 3", "nr 8", "núm. 4"
    r"|(?<!\w)(?:№|nos?\.|nr\.?|n[°º]|n\.|núm\.)[ \u00a0]?\d+"
    # a law's articles: "gli articoli 3, 36 e 38", "Art. 5", "§ 12", "статті 39"
    r"|(?<!\w)(?:art\.|artt\.|articles?|articol[oi]|artículos?|artikel[n]?|artyku\w+|статт\w+|§§?)"
    r"[ \u00a0]?\d+(?:[ \u00a0]*(?:,|e|et|and|und|i|y|і|та)[ \u00a0]*\d+)*",
    re.IGNORECASE,
)


def without_addresses(text: str) -> str:
    """The text without web addresses, counts in brackets and things' numbers: digits that
    are no story's figures."""
    return _ADDRESSES.sub(" ", text)


def normalise_number(raw: str, decimal_comma: bool = False, decimal_point: bool = False) -> str:
    """One canonical spelling per value: '3 200' = '3,200' = '3.200' = '3200'; '5,5' = '5.5'.
    With decimal_comma (a scale word follows, in a language that writes 1,5), '1,187' is 1.187;
    with decimal_point (a scale word follows, in one that writes 1.5), '2.772' is 2.772."""
    if ":" in raw:  # a time of day: 23:00 is 23.00
        return format(Decimal(raw.replace(":", ".")).normalize(), "f")
    text = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("'", " ")
    grouped = re.fullmatch(r"(\d{1,3})((?:[ .,]\d{3})+)([.,]\d+)?", text)
    decimal = (decimal_comma and re.fullmatch(r"\d{1,3},\d{3}", text)) or (
        decimal_point and re.fullmatch(r"\d{1,3}\.\d{3}", text)
    )
    if grouped and not decimal:
        separators = set(grouped.group(2)[::4])  # the character before each 3-digit group
        fraction = grouped.group(3)
        if len(separators) == 1 and not (fraction and fraction[0] in separators):
            digits = grouped.group(1) + re.sub(r"\D", "", grouped.group(2))
            text = digits + ("." + fraction[1:] if fraction else "")
    text = text.replace(" ", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return raw
    return format(value.normalize(), "f")


@dataclass(frozen=True)
class Figure:
    raw: str  # as written, scale word included
    value: Decimal  # the figure itself: 1.2 of "1,2 Mrd."
    power: int  # the scale word's power of ten: 9 for "Mrd.", 0 for none
    currency: str = ""  # the currency written with it (EUR for "€150m", "150 млн євро"), if any

    @functools.cached_property  # computed once: consistency compares every figure with every other
    def scaled(self) -> Decimal:
        return self.value.scaleb(self.power)

    @functools.cached_property
    def tolerance(self) -> Decimal:
        """Half a unit of the last digit written: "1.2 bn" stands for 1.15 to 1.25 bn."""
        exponent = self.value.as_tuple().exponent
        if not isinstance(exponent, int):  # NaN or infinity: no figure is written so
            return Decimal(0)
        return Decimal(5).scaleb(exponent - 1 + self.power) if self.power else Decimal(0)

    def matches(self, other: Figure) -> bool:
        """The same value, to the precision either of them is written with."""
        return abs(self.scaled - other.scaled) <= max(self.tolerance, other.tolerance)


_FRENCH_HOURS = re.compile(r"(?<![\d.,:])(\d{1,2})[ \u00a0]?h[ \u00a0]?(\d{2})(?!\d|[ \u00a0]?min)")


def figures(text: str, lang: str) -> list[Figure]:
    """Every figure in the text with the scale words after it (150 млн, €100bn, 100 Mrd.,
    1.200 millones, 5 mil millones). Codes such as T10 or 5G are not figures. A bare figure
    joined to a scaled one ("von 210 auf 150 Mio.", "50 millions au lieu de 35") shares its scale."""
    found: list[tuple[int, int, Figure]] = []
    if lang == "fr":  # "18 h 25", "23 h 47", "2h30": one time, as 18:25 (of day) or 23 h 47 min (of a trip)
        text = _FRENCH_HOURS.sub(r"\1:\2", text)
    scale = figure_words.scale_pattern(lang)
    timed = [d.span for d in durations(text) if d.parts > 1]  # "2hr 21min 09sec" is one time, not 2, 21 and 9
    for match in _FIGURE_RE.finditer(text):
        if timed and any(start <= match.start() < end for start, end in timed):
            continue
        road = ROAD.fullmatch(text, max(0, match.start() - 2), match.end())
        if road and not _letter_word(text, road.start(), lang):
            continue  # a road's number (A 61, B 327) is its name, not a figure
        end, power, glued = match.end(), 0, True  # positions, not slices: a long article has many figures
        while True:
            gap = end + (text[end : end + 1] in _SPACES or text[end : end + 1] == "-")  # "60-Mrd.-Euro-Loch"
            scaled = scale.match(text, gap)
            if not scaled or (gap > end and len(scaled.group()) == 1):  # "150 m" is metres, "€150m" millions
                break
            power += int((scaled.lastgroup or "p0")[1:])
            end, glued = scaled.end(), False
        if glued and text[end : end + 1].isalpha() and not _ORDINAL_RE.match(text, end) and not _glued_unit(text, end):
            continue
        decimal_comma = power > 0 and lang in figure_words.DECIMAL_COMMA
        decimal_point = power > 0 and lang not in figure_words.DECIMAL_COMMA  # "€2.772bn": 2.772 billion
        value = Decimal(normalise_number(match.group(), decimal_comma, decimal_point))
        found.append(
            (
                match.start(),
                end,
                Figure(
                    raw=text[match.start() : end].strip(),
                    value=value,
                    power=power,
                    currency=_currency(text, match.start(), end, lang),
                ),
            )
        )
    return _scales_shared(text, found)


def implied_scales(value: str, lang: str) -> list[Figure]:
    """The bare figures a sentence of amounts at one scale leaves at that scale, as an editor
    reads them: "42 milioni: 27 milioni dal fondo, gli altri 15 da un prestito" gives 15
    million, "ne ha persi 84 milioni, conta di risparmiarne circa 31 all'anno" 31 million.
    Not a figure that counts years ("Nowicki, 23 anni, arrivato per 2,5 milioni": an age), a
    year, a percentage, a time of day or an amount written out in full ("30 tys. zł grzywny i
    1 150 400 zł": no thousands of thousands)."""
    found: list[Figure] = []
    for sentence in sentences(value):
        figures_ = figures(sentence, lang)
        powers = {f.power for f in figures_ if f.power}
        if len(powers) != 1:
            continue
        power, currency = powers.pop(), max((f.currency for f in figures_), default="")
        percent = set(percentages(sentence, lang))
        counting = _counting(sentence, lang)
        found += [
            Figure(f.raw, f.value, power, currency)
            for f in figures_
            if not f.power
            and f.value < 1000
            and not _year_like(f)
            and f.value not in percent
            and ":" not in f.raw
            and f.raw not in counting
        ]
    return found


@functools.cache
def _ages_re(lang: str) -> re.Pattern[str] | None:
    years = sorted(map(re.escape, languages.year_words(lang)), key=len, reverse=True)
    return re.compile(rf"(?<![\w.,])(\d+)[\s\u00a0-]*(?:{'|'.join(years)})\w*", re.IGNORECASE) if years else None


def _counting(sentence: str, lang: str) -> set[str]:
    """The figures that count years (an age, a span: "23 anni", "31 Jahre alt"): never an amount."""
    pattern = _ages_re(lang)
    return {match.group(1) for match in pattern.finditer(sentence)} if pattern else set()


_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _glued_unit(text: str, end: int) -> bool:
    """A unit written against its figure ("95mph", "153km/h", "60mm"): a figure, not a code like 5G."""
    letters = _LETTERS_RE.match(text, end)
    return letters is not None and letters.group().lower() in figure_words.UNITS


def _scales_shared(text: str, found: list[tuple[int, int, Figure]]) -> list[Figure]:
    figures_ = [figure for _, _, figure in found]
    for i in range(len(found) - 1):
        (a_start, end, a), (start, after, b) = found[i], found[i + 1]
        if not _JOINED.fullmatch(text, end, start) or (a.power == 0) == (b.power == 0):
            continue
        if max(a.value, b.value) > 10 * min(a.value, b.value):  # "od 300 do 3 tys.": 300 to 3,000, not 300,000
            continue
        numbered = _NUMBERED.search(text, max(0, a_start - 6), a_start)
        if a.power == 0 and not _year_like(a) and not numbered:  # "210 to 150 million": the scale comes after both
            figures_[i] = Figure(a.raw, a.value, b.power, a.currency or b.currency)
        elif b.power == 0 and not _year_like(b) and not text[after : after + 2].strip()[:1].isalpha():
            figures_[i + 1] = Figure(b.raw, b.value, a.power, b.currency or a.currency)  # "50 million instead of 35."
    return figures_


_JOINED = re.compile(
    r"[\s\u00a0]*(?:[€$£₴][\s\u00a0]?)?(?:"
    + "|".join(map(re.escape, figure_words.FIGURE_JOINERS))
    + r")[\s\u00a0]*(?:[€$£₴][\s\u00a0]?)?",
    re.IGNORECASE,
)


# A figure after a number sign is an id, no amount: "Grundschule Nr. 2 und 9,8 Mio." is school
# number 2, not 2 million.
_NUMBERED = re.compile(r"(?:\b(?:nr\.?|núm\.?|no\.|n\.)|№|n°|nº)[ \u00a0]*$", re.IGNORECASE)


def _year_like(figure: Figure) -> bool:
    return figure.value == figure.value.to_integral() and 1900 <= figure.value <= 2100


_SPACES = (" ", "\u00a0", "\u202f")
_CURRENCY_AFTER = re.compile(r"\.?[ \u00a0\u202f-]?(?:(?:de|di|of|d['’])[ \u00a0]?)?([^\W\d_]+|[€$£₴])", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"([€$£₴]|\b[A-Z]{3})[ \u00a0]?$")


def _currency(text: str, start: int, end: int, lang: str) -> str:
    """The currency beside a figure: a sign or code before it (€150m, UAH 7.8bn), a word after it."""
    sign = _CURRENCY_BEFORE.search(text[max(0, start - 5) : start])
    code = languages.currency_of(sign.group(1), lang) if sign else None
    if code:
        return code
    word = _CURRENCY_AFTER.match(text, end)
    return (languages.currency_of(word.group(1), lang) or "") if word else ""


@functools.cache
def _measure_re() -> re.Pattern[str]:
    units = "|".join(
        sorted((re.escape(u).replace("°", "°\\s?") for u in figure_words.MEASURE_UNITS), key=len, reverse=True)
    )
    number = r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
    return re.compile(rf"(?<![\w.,])({number})[\s\u00a0\u202f]?({units})(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class Measure:
    value: Decimal  # as written
    unit: str  # as MEASURE_UNITS spells it
    dimension: str
    base: float  # in the dimension's base unit (km/h, km, mm, °C)


def measures(text: str) -> list[Measure]:
    """The figures of a text written with a unit of measure an editor converts (70mph, 113 km/h)."""
    found = []
    for match in _measure_re().finditer(text):
        unit = re.sub(r"\s", "", match.group(2).lower())
        dimension, factor, offset = figure_words.MEASURE_UNITS[unit]
        value = Decimal(normalise_number(match.group(1)))
        found.append(Measure(value, unit, dimension, (float(value) + offset) * factor))
    return found


@functools.cache
def _percent_re(lang: str) -> re.Pattern[str]:
    words_ = figure_words.PERCENT_WORDS.get(lang, figure_words.PERCENT_WORDS["en"])
    joiners = "|".join(map(re.escape, figure_words.FIGURE_JOINERS))
    number = r"\d+(?:[.,]\d+)?"
    return re.compile(
        rf"(?<![\w.,])({number})(?:%?\s*(?:{joiners})\s*({number}))?[\s\u00a0\u202f]?(?:%|(?:{words_})(?![\w]))",
        re.IGNORECASE,
    )


@functools.cache
def _fraction_res(lang: str) -> tuple[tuple[int, re.Pattern[str]], ...]:
    return tuple(
        (denominator, re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE))
        for denominator, words in figure_words.FRACTION_WORDS.get(lang, {}).items()
    )


def fractions(text: str, lang: str) -> list[Decimal]:
    """The shares a text writes in words ("a third", "la moitié", "третину"): 1/3, 1/2, 1/4."""
    return [Decimal(1) / denominator for denominator, pattern in _fraction_res(lang) if pattern.search(text)]


def percentages(text: str, lang: str) -> list[Decimal]:
    """The percentages of a text: "30%", "12,4 proc.", "6.2 per cent", "thirty-five per
    cent", and both figures of a range that writes the sign once ("von 8,0 auf 6,5 Prozent",
    "30 to 50 per cent")."""
    found = []
    for match in _percent_re(lang).finditer(text):
        first, second = match.groups()
        if second is None:
            found.append(Decimal(first.replace(",", ".")))
            continue
        value = Decimal(first.replace(",", "."))
        year = value == value.to_integral() and 1900 <= value <= 2100  # "July 2025 and 2.7%"
        if not year and not _an_age_before(text[: match.start()], lang):  # "over 80 and 57% were women"
            found.append(value)
        found.append(Decimal(second.replace(",", ".")))
    return found + _spelled_percentages(text, lang)


def _an_age_before(before: str, lang: str) -> bool:
    """The words just before a figure make it an age ("over 80", "w wieku 57")."""
    words_ = figure_words.AGE_BEFORE.get(lang)
    return bool(words_) and re.search(rf"(?<!\w)(?:{words_})[ \u00a0]*$", before, re.IGNORECASE) is not None


@functools.cache
def _spelled_percent_re(lang: str) -> re.Pattern[str]:
    words_ = figure_words.PERCENT_WORDS.get(lang, figure_words.PERCENT_WORDS["en"])
    return re.compile(rf"(?<![\w-])([^\W\d_]+(?:-[^\W\d_]+)*)[\s\u00a0]+(?:{words_})(?![\w])", re.IGNORECASE)


def _spelled_percentages(text: str, lang: str) -> list[Decimal]:
    """The percentages a text writes in words ("Thirty-five per cent of the homes")."""
    found = []
    for match in _spelled_percent_re(lang).finditer(text):
        value = numerals.value_of(match.group(1).lower(), lang)
        if value is not None:
            found.append(Decimal(value))
    return found


def sentences(text: str) -> list[str]:
    """The text cut after each full stop, question or exclamation mark or line break that
    ends a sentence (not a decimal point: "84.5", "12,4"; not an ordinal's dot before a
    lower-case word: "vom 58. auf den 31. Platz")."""
    return [part for part in _SENTENCE_END.split(text) if part.strip()]


_SENTENCE_END = re.compile(r"(?<=[.!?;])(?<!\d\.)\s+|(?<=\d\.)\s+(?![a-zß-ÿąćęłńóśźżа-яіїєґ])|\n+")


_ROMAN_RE = re.compile(
    r"\b(?=[MDCLXVI]{2,8}(?:e|er|ème|\.)?\b)(M{0,3})(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})(?:e|er|ème|\.)?\b"
)
_ROMAN_DIGITS = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
# One letter is a Roman numeral only beside the word for century ("X w.", "siglo X", "Xe siècle"):
# elsewhere it is as often an initial or a letter.
_CENTURY = r"w\.|wiek\w*|siècles?|secol[oi]|sec\.|Jh\.|Jahrhundert\w*|ст\.|століт\w*|centur\w+|siglos?"
_LONE_ROMAN_RE = re.compile(
    rf"\b([IVX])(?:e|ème|ᵉ)?\.?[ \u00a0]+(?:{_CENTURY})(?!\w)|(?<!\w)(?:{_CENTURY})[ \u00a0]+([IVX])\b"
)


def roman_numerals(text: str) -> set[Decimal]:
    """Values written in Roman numerals (XIII wieku, XIIIe siècle): a source's figures too."""
    values = set()
    for match in _ROMAN_RE.finditer(text):
        digits = "".join(match.groups())
        value = sum(
            -_ROMAN_DIGITS[a] if _ROMAN_DIGITS[a] < _ROMAN_DIGITS[b] else _ROMAN_DIGITS[a]
            for a, b in zip(digits, digits[1:] + "I")
        )
        if digits and value > 0:
            values.add(Decimal(value))
    for match in _LONE_ROMAN_RE.finditer(text):
        values.add(Decimal(_ROMAN_DIGITS[match.group(1) or match.group(2)]))
    return values


# ---- durations ----

# The units a race or stage time is written with, in every supported language, by the
# seconds each stands for: "2hr 21min 09sec", "2 h 21 min 09 s", "1 хв 27 с",
# "1 minuto y 27 segundos", "4 ore 51'23\"". Minutes and seconds as marks: 1'07", 3'12''.
_DURATION_UNITS = (
    (1, r"''|’’|[″\"”]"),  # before the minutes' mark: 3'12'' is 3 min 12 s
    (3600, r"h|hr|hrs|hours?|std\.?|stunden?|heures?|godz\.?|godzin[aey]?|год\.?|годин[аиу]?|horas?|or[ae]"),
    (60, r"min\.?|mins|minut(?:e[ns]?|[aoiy]|os)?|хв\.?|хвилин[аиу]?|[′'’]"),
    (1, r"s|sec\.?|secs|seconds?|sek\.?|sekund[aey]?|secondes?|segundos?|seg\.?|second[oi]|с|сек\.?|секунд[аиу]?"),
)
_DURATION_STEP = re.compile(
    r"(?<![\d.,:])(\d{1,3})[ \u00a0]?(?:"
    + "|".join(rf"(?P<u{n}_{seconds}>{units})" for n, (seconds, units) in enumerate(_DURATION_UNITS))
    + r")(?![^\W\d_])",
    re.IGNORECASE,
)
_DURATION_JOINER = re.compile(r"[ \u00a0]*(?:(?:,|and|und|et|i|і|й|y|e)[ \u00a0]+)?", re.IGNORECASE)
_CLOCK = re.compile(r"(?<![\w.,:])(\d{1,2}):(\d{2}):(\d{2})(?![\d:])")


@dataclass(frozen=True)
class Duration:
    raw: str
    seconds: int
    parts: int  # how many units it is written with: "1min 27sec" 2, "18 seconds" 1
    span: tuple[int, int]


def durations(value: str) -> list[Duration]:
    """The times a text writes as one quantity, in seconds, however written: "2:21:09",
    "2hr 21min 09sec", "2h21'09\"", "2 h 21 min 09 s", "1 minuto y 27 segundos", "1'07\"".
    A unit's number stands for its seconds, not for a figure of its own; the units of one
    duration go down ("1'07\" e 3'12\"" are two)."""
    found = [
        Duration(m.group(), int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3)), 3, m.span())
        for m in _CLOCK.finditer(value)
    ]
    chain: list[tuple[int, int, int]] = []  # (start, end, seconds of its unit) of the duration being read
    total = 0
    for step in _DURATION_STEP.finditer(value):
        unit = int((step.lastgroup or "u0_1").split("_")[1])
        joined = chain and _DURATION_JOINER.fullmatch(value, chain[-1][1], step.start()) and unit < chain[-1][2]
        if chain and not joined:
            found.append(_duration(value, chain, total))
            chain, total = [], 0
        chain.append((step.start(), step.end(), unit))
        total += int(step.group(1)) * unit
    if chain:
        found.append(_duration(value, chain, total))
    return sorted(found, key=lambda d: d.span)


def _duration(value: str, chain: list[tuple[int, int, int]], total: int) -> Duration:
    start, end = chain[0][0], chain[-1][1]
    return Duration(value[start:end], total, len(chain), (start, end))


def clock_seconds(raw: str) -> tuple[int, int]:
    """What a figure "1:07" may stand for as a duration: 1 min 07 s, or 1 h 07 min."""
    first, second = map(int, raw.split(":"))
    return first * 60 + second, first * 3600 + second * 60


def numbers_in(text: str, lang: str = "en") -> set[str]:
    """The figures' values as plain numbers, scale applied: '€1.2bn' -> '1200000000'."""
    return {format(figure.scaled.normalize(), "f") for figure in figures(text, lang)}


def number_words(value: str, lang: str, smallest: int = 2) -> list[tuple[str, Decimal]]:
    """Numbers written as words, in any case, and ordinals (`numerals` has the language's
    table): "pięciu", "четверо", "ten-man", "zweiten". An item's "one" is not judged (from
    `smallest`): it is also "a" in most languages."""
    timed = _without_durations(unquoted(value))  # "18 segundos": a unit of time, not "second"
    return [(word, number) for word, number in numerals.spelled(_outside_names(timed), lang) if number >= smallest]


def _outside_names(value: str) -> list[str]:
    """The words of a text but a capitalised number word inside a name of several capitalised
    words, not at a sentence's start ("alle Tre Cime di Lavaredo", "Drei Zinnen"): a name's
    word, no figure. A number word that opens a sentence ("Tres heridos") still counts. And
    none right after digits, where it is the figure's unit."""
    kept: list[str] = []
    for sentence in re.split(r"(?<=[.!?;:…])\s+|\s[–—-]\s|\n+", value):  # "Bilanz: Drei Tote" opens a clause
        tokens = words(sentence)
        for i, token in enumerate(tokens):
            capitalised = i > 0 and token[:1].isupper()
            beside = (i + 1 < len(tokens) and tokens[i + 1][:1].isupper()) or (i > 1 and tokens[i - 1][:1].isupper())
            if i > 0 and tokens[i - 1].isdigit():
                continue  # a figure's unit that is also a number word: "19,4 centesimi" (hundredths)
            if not (capitalised and beside):
                kept.append(token)
    return kept


def _without_durations(value: str) -> str:
    for duration in reversed(durations(value)):
        start, end = duration.span
        value = value[:start] + " " + value[end:]
    return value


def counted(value: str, lang: str) -> set[Decimal]:
    """The counts a text gives without a numeral: "una doppietta" is two, "a hat-trick" three,
    "une quarantaine" about forty."""
    lowered = " ".join(words(value.lower()))
    tables = (figure_words.COUNT_WORDS.get(lang, {}), figure_words.ABOUT_WORDS.get(lang, {}))
    return {
        Decimal(count)
        for table in tables
        for count, forms in table.items()
        if any(re.search(rf"(?<!\w){re.escape(form)}", lowered) for form in forms)
    }


def without_ordinals(value: str) -> str:
    """The text without figures written as ordinals ("la 23ª edizione", "23rd", "23e")."""
    return _ORDINAL_FIGURE_RE.sub(" ", value)


def implied_figures(value: str, lang: str) -> set[Decimal]:
    """The years, days and hours a text names without writing them: the year before its years
    where it speaks of last year, the day before a night it names by the day it runs into, the
    24 hours of a word for a whole day (doba)."""
    implied: set[Decimal] = set()
    lowered = value.lower()
    last_year = figure_words.LAST_YEAR.get(lang)
    if last_year and re.search(rf"(?<!\w)(?:{last_year})(?!\w)", lowered.replace("’", "'")):
        implied |= {figure.value - 1 for figure in figures(value, lang) if figure.power == 0 and _year_like(figure)}
    night = figure_words.NIGHT_ONTO.get(lang)
    if night:
        implied |= {Decimal(int(day) - 1) for day in re.findall(rf"(?<!\w)(?:{night})[ \u00a0]+(\d{{1,2}})\b", lowered)}
    whole_day = figure_words.WHOLE_DAY.get(lang)
    if whole_day and re.search(rf"(?<!\w)(?:{whole_day})(?!\w)", lowered):
        implied.add(Decimal(24))
    year_of_life = figure_words.YEAR_OF_LIFE.get(lang)
    if year_of_life:
        implied |= {Decimal(int(year) - 1) for year in re.findall(year_of_life, lowered)}
    return implied | _terms_in_years(lowered, lang)


def _terms_in_years(lowered: str, lang: str) -> set[Decimal]:
    """A term of years and months as a decimal of years, where the months are quarters of one
    ("drei Jahren und sechs Monaten": 3.5; "rok i osiem miesięcy" has none)."""
    years, months = languages.year_words(lang), languages.month_words(lang)
    if not years or not months:
        return set()
    pattern = _term_pattern(lang, tuple(sorted(years)), tuple(sorted(months)))
    found = set()
    for first, second in pattern.findall(lowered):
        whole, part = _count(first, lang), _count(second, lang)
        if whole is not None and part is not None and 0 < part < 12 and part % 3 == 0:
            found.add(whole + part / Decimal(12))
    return found


@functools.cache
def _term_pattern(lang: str, years: tuple[str, ...], months: tuple[str, ...]) -> re.Pattern[str]:
    def alternatives(words: tuple[str, ...]) -> str:
        return "|".join(sorted(map(re.escape, words), key=len, reverse=True))

    return re.compile(
        rf"(?<!\w)(\w+)\s+(?:{alternatives(years)})\w*\s+(?:{figure_words.TERM_JOINERS})\s+(\w+)\s+"
        rf"(?:{alternatives(months)})\w*"
    )


def _count(word: str, lang: str) -> Decimal | None:
    """A whole count written in digits or as one number word (sechs, sześć)."""
    if word.isdigit():
        return Decimal(word)
    spelled = number_words(word, lang)
    return spelled[0][1] if spelled else None


# A time of day on the twelve-hour clock, as English writes it ("4.20pm", "9 p.m.", "11am").
_TWELVE_HOUR = re.compile(r"\b(1[0-2]|0?[1-9])(?:[.:]([0-5]\d))?\s?([ap])\.?m\.?(?!\w)", re.IGNORECASE)


def day_times(value: str) -> frozenset[Decimal]:
    """Its twelve-hour times as the twenty-four-hour clock writes them (16.20 for 4.20pm, 21
    for 9pm): a brief in another language gives the time as its readers' clocks do."""
    found = set()
    for hour, minutes, half in _TWELVE_HOUR.findall(value):
        hours = int(hour) % 12 + (12 if half.lower() == "p" else 0)
        found.add(Decimal(f"{hours}.{minutes or '00'}"))
    return frozenset(found)


_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
# A time of day by the word for o'clock, as each language writes it ("18 Uhr", "6pm", "à 18 h",
# "godz. 18", "о 18 годині", "a las 18", "alle 18"): the hour is no fact of the story.
_HOUR = {
    "de": r"\b\d{1,2}(?:[.:]\d{2})?\s*Uhr\b",
    "en": r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)(?!\w)",
    "fr": r"\b\d{1,2}\s?h\s?\d{2}\b|\b(?:à|vers|dès|jusqu'à|avant|après)\s+\d{1,2}\s?h\b",
    # "godz. 18", and the hours of a rule: "w godzinach od 22 do 6"
    "pl": r"\bgodz(?:\.|ina|iny|inie)\s*\d{1,2}(?:[.:]\d{2})?\b"
    r"|\bgodzinach\s+(?:od\s+)?\d{1,2}(?:[.:]\d{2})?(?:\s+do\s+\d{1,2}(?:[.:]\d{2})?)?\b",
    "uk": r"\b[оз]\s+\d{1,2}(?:[.:]\d{2})?(?:-й)?\s+годин",
    "es": r"\ba\s+las\s+\d{1,2}(?:[.:]\d{2})?(?:\s+horas)?\b",
    "it": r"\balle\s+(?:ore\s+)?\d{1,2}(?:[.:]\d{2})?\b",
}
_HOUR_RE = {lang: re.compile(pattern, re.IGNORECASE) for lang, pattern in _HOUR.items()}
# Two days of one month ("14 і 15 березня", "14. und 15. März", "14-15 March", "du 14 au 15 mars"):
# the first day is a date too. A joining word is short in every language (and, und, et, y, i, та).
_DAY_PAIR = r"(?:3[01]|[12]\d|0?[1-9])\.?(?:\s*[-–]\s*|\s+\w{1,4}\s+)"


@functools.cache
def _dates(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(a day before its month: 14 March, 14. März, 14 de marzo; a day after it: March 14th)."""
    words = sorted((re.escape(w) for w in languages.calendar_words(lang) if len(w) >= 3), key=len, reverse=True)
    if not words:
        return None
    months = "|".join(words)
    return (
        re.compile(rf"\b(?:{_DAY_PAIR})?\d{{1,2}}\.?\s*(?:de\s+)?(?=(?:{months})\b)", re.IGNORECASE),
        re.compile(
            rf"\b((?:{months})\.?)\s+\d{{1,2}}(?:st|nd|rd|th)?(?:(?:\s*[-–]\s*|\s+\w{{1,4}}\s+)\d{{1,2}}(?:st|nd|rd|th)?)?"
            rf"\b(?![.,]?\d)",
            re.IGNORECASE,
        ),
    )


def without_dates(value: str, lang: str) -> str:
    """The text without its times of day and its dates' day numbers ("11. März", "19 березня",
    "March 19th", "14 de marzo"): figures a story key or a lead must not take for facts."""
    value = _TIME.sub(" ", value)
    if lang in _HOUR_RE:
        value = _HOUR_RE[lang].sub(" ", value)
    patterns = _dates(lang)
    if patterns is None:
        return value
    before, after = patterns
    return after.sub(r"\1", before.sub(" ", value))
