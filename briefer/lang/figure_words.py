"""The words around a figure in every supported language: numbers written as words (one to
twelve), counts without a numeral (a brace, twice), scale words (Mio., мільйон), the decimal
comma, percent words, units of measure, the words of an age, fractions, what joins a range's
ends or two figures, ordinal stems and endings, and the units that follow a figure."""

from __future__ import annotations

import functools
import re

DECIMAL_COMMA = frozenset({"de", "fr", "pl", "uk", "es", "it"})  # 5,5 is five and a half


# Spelled-out numbers a source may use where a briefing writes digits (1 to 12). Spanish
# "once" and Italian "due" are English words: a number word counts only in its own language.
NUMBER_WORDS = {
    "en": "one two three four five six seven eight nine ten eleven twelve",
    "de": "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
    "fr": "un deux trois quatre cinq six sept huit neuf dix onze douze",
    "pl": "jeden dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć jedenaście dwanaście",
    "uk": "один два три чотири п'ять шість сім вісім дев'ять десять одинадцять дванадцять",
    "es": "uno dos tres cuatro cinco seis siete ocho nueve diez once doce",
    "it": "uno due tre quattro cinque sei sette otto nove dieci undici dodici",
}

# Words that carry a count without a numeral (a brace of goals, twice, a hat-trick): a
# source's "doppietta" is the "two goals" of a brief in any language. Lowercase forms, by
# value; a declined form is matched by its start (Doppelpacks, дублем).
COUNT_WORDS: dict[str, dict[int, tuple[str, ...]]] = {
    "en": {2: ("twice", "brace"), 3: ("hat-trick", "hattrick", "treble", "thrice")},
    "de": {2: ("zweimal", "doppelpack"), 3: ("dreimal", "dreierpack", "hattrick", "hat-trick")},
    "fr": {2: ("doublé", "deux fois"), 3: ("triplé", "trois fois", "coup du chapeau")},
    "pl": {2: ("dwukrotnie", "dublet", "dubl", "dwa razy"), 3: ("trzykrotnie", "hat-trick", "hattrick", "trzy razy")},
    "uk": {2: ("двічі", "дубль", "дубл"), 3: ("тричі", "хет-трик")},
    "es": {2: ("doblete", "dos veces"), 3: ("triplete", "hat-trick", "tres veces")},
    "it": {2: ("doppietta", "due volte"), 3: ("tripletta", "tre volte", "hat-trick")},
}
# Nouns of an approximate count ("une quarantaine de centres": about forty), by value: a
# brief writes the figure ("around 40 centres"). Lowercase forms, matched by their start.
ABOUT_WORDS: dict[str, dict[int, tuple[str, ...]]] = {
    "en": {12: ("dozen",)},
    "de": {12: ("dutzend",)},
    "fr": {
        10: ("dizaine",),
        12: ("douzaine",),
        15: ("quinzaine",),
        20: ("vingtaine",),
        30: ("trentaine",),
        40: ("quarantaine",),
        50: ("cinquantaine",),
        100: ("centaine",),
    },
    "pl": {12: ("tuzin",)},
    "uk": {10: ("десяток", "десятка"), 12: ("дюжин",), 100: ("сотн",)},
    "es": {10: ("decena",), 12: ("docena",), 20: ("veintena",), 30: ("treintena",), 100: ("centenar",)},
    "it": {
        10: ("decina",),
        12: ("dozzina",),
        15: ("quindicina",),
        20: ("ventina",),
        30: ("trentina",),
        40: ("quarantina",),
        50: ("cinquantina",),
        100: ("centinaio", "centinaia"),
    },
}


# Scale words after a figure, as a regex per power of ten. "billion" is 10^9 in English and
# 10^12 in French; Spanish "mil millones" multiplies both words.
_SCALES = {
    "en": {3: r"thousand|k", 6: r"millions?|mn|m", 9: r"billions?|bn|b", 12: r"trillions?|tn"},
    "de": {
        3: r"tausend|tsd\.?",
        6: r"millionen|million|mio\.?",
        9: r"milliarden|milliarde|mrd\.?",
        12: r"billionen|billion|bio\.?",
    },
    "fr": {3: r"mille", 6: r"millions?|m€?", 9: r"milliards?|mds?|md€?", 12: r"billions?"},
    "pl": {
        3: r"tysiące|tysięcy|tysiąca|tysiąc|tys\.?",
        6: r"milionów|miliona|miliony|milion|mln",
        9: r"miliardów|miliarda|miliardy|miliard|mld",
        12: r"bilionów|biliona|biliony|bilion|bln",
    },
    "uk": {
        3: r"тисяч[аі]?|тис\.?",
        6: r"мільйон(?:а|ів)?|млн",
        9: r"мільярд(?:а|ів)?|млрд",
        12: r"трильйон(?:а|ів)?|трлн",
    },
    # a cubic hectometre is a million cubic metres: the Spanish press counts reservoirs in them
    "es": {
        3: r"mil",
        6: r"millones|millón|mill\.?|hectómetros cúbicos|hm3|hm³",
        9: r"millardos?",
        12: r"billones|billón",
    },
    "it": {3: r"mila|mille", 6: r"milioni|milione|mln", 9: r"miliardi|miliardo|mld", 12: r"bilioni|bilione"},
}


@functools.cache
def scale_pattern(lang: str) -> re.Pattern[str]:
    """Matches one scale word at the start of a string; group name p<power>."""
    table = _SCALES.get(lang, _SCALES["en"])
    alternatives = "|".join(f"(?P<p{power}>{words})" for power, words in sorted(table.items(), reverse=True))
    return re.compile(rf"(?:{alternatives})(?![\w])", re.IGNORECASE)


# Units of measure an editor converts (mph in the source, km/h in the brief), by how they
# are written in any supported language: (dimension, factor to the dimension's base unit,
# offset). Temperatures: base °C.
MEASURE_UNITS = {
    "km/h": ("speed", 1.0, 0.0),
    "км/год": ("speed", 1.0, 0.0),
    "kmh": ("speed", 1.0, 0.0),
    "kph": ("speed", 1.0, 0.0),
    "mph": ("speed", 1.609344, 0.0),
    "km": ("distance", 1.0, 0.0),
    "км": ("distance", 1.0, 0.0),
    "miles": ("distance", 1.609344, 0.0),
    "mile": ("distance", 1.609344, 0.0),
    "milles": ("distance", 1.609344, 0.0),
    "millas": ("distance", 1.609344, 0.0),
    "miglia": ("distance", 1.609344, 0.0),
    "meilen": ("distance", 1.609344, 0.0),
    "миль": ("distance", 1.609344, 0.0),
    "mm": ("depth", 1.0, 0.0),
    "мм": ("depth", 1.0, 0.0),
    "cm": ("depth", 10.0, 0.0),
    "см": ("depth", 10.0, 0.0),
    "inches": ("depth", 25.4, 0.0),
    "inch": ("depth", 25.4, 0.0),
    "pouces": ("depth", 25.4, 0.0),
    "pulgadas": ("depth", 25.4, 0.0),
    "pollici": ("depth", 25.4, 0.0),
    "zoll": ("depth", 25.4, 0.0),
    "cali": ("depth", 25.4, 0.0),
    "°c": ("temperature", 1.0, 0.0),
    "°f": ("temperature", 5 / 9, -32.0),
}

# What makes a figure a percentage, after it, per language (a regex; "%" in all of them).
PERCENT_WORDS = {
    "en": r"per ?cent|percent",
    "de": r"prozent",
    "fr": r"pour ?cent",
    "pl": r"proc\.?|procent\w*",
    "uk": r"відсот\w*",
    "es": r"por ?ciento",
    "it": r"per ?cento",
}

# How a figure is written as someone's age, beside the word for years (year_words, from
# CLDR): the adjective of age glued to it or hyphenated ("34-year-old", "34-jährige",
# "34-letni", "34-річний", "trentaquattrenne"/"34enne").
AGE_ADJECTIVES = {
    "en": r"year",
    "de": r"jähr",
    "fr": r"an",
    "pl": r"let|lat|rocz",
    "uk": r"річн|літн|рок",
    "es": r"año",
    "it": r"enne|ann",
}

# What stands before a figure that is someone's age ("aged 34", "dies at 87", "mit 87",
# "w wieku 57", "у віці 57", an age group without the word for years: "mayores de 80",
# "over 80" in Italian; a person "of 41": "a man of 41 and his daughter", "un uomo di 41 e
# sua figlia di 9"): a regex of the words just before it.
AGE_BEFORE = {
    "en": r"aged|age of|at|over|under|older than|younger than|(?:man|woman|boy|girl|son|daughter|mother|father) of",
    "de": r"alter von|mit",
    "fr": r"âgée?s? de|à",
    "pl": r"wieku",
    "uk": r"віці",
    "es": r"edad de|a los|mayores de|menores de|(?:hombre|mujer|niñ[oa]|joven|hij[oa]|madre|padre) de",
    "it": r"età di|a|over|under|(?:uomo|donna|ragazz[oa]|bambin[oa]|figli[oa]|madre|padre) di",
}

# The words for a place in an order that a cardinal follows ("auf Platz vier", "Rang 4",
# "al posto 3"): a regex per language; the figure after them is a rank, as an ordinal is.
RANK_BEFORE = {
    "en": r"place|position|number",
    "de": r"platz|rang|position",
    "fr": r"place|rang|position",
    "pl": r"miejsce|miejscu|pozycj[aię]",
    "uk": r"місце|місці|позиці[яїю]",
    "es": r"puesto|posición|plaza|lugar",
    "it": r"posto|posizione",
}

# Fractions a headline writes for a share ("a third of the funds", "ein Drittel", "jedną
# trzecią"), by denominator: a regex of the words, declined; the bare ordinal ("il terzo
# giorno", "trzecia runda") is a rank, so the Romance and Polish ones need their article.
FRACTION_WORDS = {
    "en": {2: r"half", 3: r"(?:a|one|two) thirds?", 4: r"(?:a|one|three) quarters?"},
    "de": {2: r"hälfte", 3: r"drittel\w*", 4: r"viertel\w*"},
    "fr": {2: r"moitié", 3: r"(?:un|deux) tiers", 4: r"(?:un|trois) quarts?"},
    "pl": {2: r"połow\w*", 3: r"(?:jedn\w+|dwie|dwóch) trzeci\w*", 4: r"ćwierć|ćwiartk\w*"},
    "uk": {2: r"половин\w*", 3: r"третин\w*", 4: r"чверт\w*"},
    "es": {2: r"mitad", 3: r"(?:un|dos) tercios?", 4: r"(?:un|tres) cuartos?"},
    "it": {2: r"metà", 3: r"(?:un|due) terz[oi]", 4: r"(?:un|tre) quart[oi]"},
}

# Where a source speaks of "last year", the year before each year it names is one of its
# figures ("у жовтні минулого року" in a 2025 article is October 2024): a regex, declined.
LAST_YEAR = {
    "en": r"last year|a year (?:earlier|ago|before)|(?:the )?previous year",
    "de": r"vorjahr\w*|(?:vergangen|letzt|vorig)\w* jahr\w*",
    "fr": r"l'an (?:dernier|passé)|l'année (?:dernière|passée|précédente)|un an plus tôt",
    "pl": r"(?:ubiegł|zeszł|poprzedni)\w* rok\w*|rok wcześniej",
    "uk": r"(?:минул|попередн)\w* рок\w*|торік|роком раніше",
    "es": r"(?:el )?año (?:pasado|anterior)|un año antes",
    "it": r"(?:l')?anno (?:scorso|precedente|prima)|un anno fa",
}

# A night named by the day it runs into ("в ніч на 14 листопада", "w nocy na 14 listopada"):
# the day before is the source's too (la nuit du 13 au 14 novembre). A regex before the day.
NIGHT_ONTO = {
    "pl": r"noc\w* na",
    "uk": r"ніч\w* на",
}

# A word for a whole day of 24 hours ("w ciągu doby", "за добу"): its 24 hours are the
# source's figure too ("96 mm in 24 hours"). A regex, declined.
WHOLE_DAY = {
    "pl": r"dob(?:a|y|ę|ie|ą)",
    "uk": r"доб(?:а|и|у|і|ою)",
}
# The year of life someone was in, as an obituary writes it ("w 91. roku życia", "на 87-му
# році життя", "im 91. Lebensjahr", "in her 91st year"): their age is one less. A regex of
# the lowered text, the ordinal's figure its group.
YEAR_OF_LIFE = {
    "pl": r"w\s+(\d{1,3})\.\s+roku\s+życia",
    "uk": r"на\s+(\d{1,3})-(?:му|м)\s+році\s+життя",
    "de": r"im\s+(\d{1,3})\.\s+lebensjahr",
    "fr": r"dans\s+sa\s+(\d{1,3})e\s+année",
    "en": r"in\s+(?:his|her|their)\s+(\d{1,3})(?:st|nd|rd|th)\s+year",
}
# What joins a term's years and months ("drei Jahren und sechs Monaten", "cztery lata i sześć
# miesięcy"): a regex.
TERM_JOINERS = r"and|und|et|i|y|e|і|й|та"

# What joins the two ends of a range, with the article it may take ("dalle 21 alle 6",
# "de 23 a 6", "von 8 bis 21 Uhr", "od 8 do 21", "з 8 до 21"): a regex. Not a dash: it joins
# a score's two sides too (25-21, 3–1), which no sentence need hold as a range.
RANGE_JOINERS = r"to|till|until|bis|à|au|jusqu'à|a|a las|hasta|hasta las|alle|al|ai|fino alle|do|до|по"

# What joins two figures of one scale, in every language: a range, an alternative, a change,
# a replacement ("von 210 auf 150 Mio.", "50 millions au lieu de 35"). Longest first.
FIGURE_JOINERS = (
    "en lugar de",
    "au lieu de",
    "instead of",
    "invece di",
    "anstatt",
    "zamiast",
    "замість",
    "statt",
    "albo",
    "oder",
    "bis",
    "auf",
    "und",
    "lub",
    "або",
    "and",
    "to",
    "or",
    "ou",
    "et",
    "do",
    "до",
    "та",
    "-",
    "–",
    "—",
    "à",
    "a",
    "o",
    "y",
    "e",
    "i",
    "і",
)

# What may follow an ordinal's stem: the adjective's endings only, so that "piątku" (Friday)
# and "п’ятниці" are no "fifth" and "Viertel" no "fourth".
ORDINAL_ENDINGS = {
    "de": r"(?:e|er|es|en|em)?",
    "fr": r"s?",
    "es": r"(?:o|a|os|as)?",
    "it": r"(?:o|a|i|e)?",
    "pl": r"(?:y|a|e|ą|ego|ej|emu|ym|ych|ymi|i|iego|iej|iemu|im|ich|imi|m|ch|mi)?",
    "uk": r"(?:ий|ій|а|я|е|є|ого|ього|ому|ьому|им|ім|их|іх|ими|іми|у|ю|і)?",
}
# Ordinal words (second to fifth; English ones exact: "secondary" is no ordinal) a source or an item may write for a figure; stems, so
# that every case and gender counts (zweit-, drug-, другий).
ORDINAL_STEMS = {
    "en": {"second": 2, "third": 3, "fourth": 4, "fifth": 5},
    "de": {"zweit": 2, "dritt": 3, "viert": 4, "fünft": 5},
    "fr": {"deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5},
    "pl": {"drugi": 2, "drugie": 2, "drugą": 2, "trzeci": 3, "czwart": 4, "piąt": 5},
    "uk": {"друг": 2, "трет": 3, "четверт": 4, "п'ят": 5, "п’ят": 5},
    "es": {"segund": 2, "tercer": 3, "cuart": 4, "quint": 5},
    "it": {"terz": 3, "quart": 4, "quint": 5},  # not "second-": "secondo" is also "according to"
}
# Units written after figures: not names.
UNITS = frozenset(
    {
        "gw",
        "mw",
        "kw",
        "gwh",
        "mwh",
        "kwh",
        "twh",
        "km",
        "kg",
        "mm",
        "cm",
        "mph",
        "kmh",
        "kph",
        "hpa",
        "c",  # "9C to 14C": British papers write degrees Celsius glued, without the degree sign
        "гвт",
        "мвт",
        "квт",
        "км",
        "кг",
        "ha",
        "pp",
        "p",  # pence: "3.5p a share"
        "pc",  # per cent in British papers: "7.4pc"
        "s",  # a decade: "the 2030s"
        "bps",
        "pkt",
        "п.п",
        "в.п",
    }
)
# Units and scales named after a person (44 degrees Celsius, 15 Elo points, 9 on the Beaufort
# scale): a brief names the unit its readers know where the source writes only "degrees" or
# "rating points"; the numbers check holds the figure.
NAMED_UNITS = frozenset({"celsius", "fahrenheit", "kelvin", "elo", "richter", "mercalli", "beaufort"})
