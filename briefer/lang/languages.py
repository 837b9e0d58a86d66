"""Every fact about a language that briefer relies on: names, scripts, number and scale
words, the phrases of an obeyed injection, first-person words, translated acronyms, and
the CLDR names of months, days, countries and cities (read from babel by cldr.py).

The brief prompt's locales are checked against SUPPORTED at load (prompts.py)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from briefer.core.once import once
from briefer.lang import cities, cldr, regions, vocabulary

SUPPORTED = ("en", "de", "fr", "pl", "uk", "es", "it")

# English names, for messages: "written in Russian, not Ukrainian".
NAMES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "pl": "Polish",
    "uk": "Ukrainian",
    "es": "Spanish",
    "it": "Italian",
    "ru": "Russian",
    "nl": "Dutch",
    "pt": "Portuguese",
    "cs": "Czech",
    "sk": "Slovak",
    "be": "Belarusian",
    "bg": "Bulgarian",
}
CYRILLIC = frozenset({"uk", "ru", "be", "bg"})
# Each language's name in itself, for the desk page's language switcher.
NATIVE_NAMES = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "pl": "Polski",
    "uk": "Українська",
    "es": "Español",
    "it": "Italiano",
}
# The words of briefer's own pages and briefings, per language.
DECIMAL_COMMA = frozenset({"de", "fr", "pl", "uk", "es", "it"})  # 5,5 is five and a half
# Short capitalised words that open a sentence or a title without being names.
NAME_STOPWORDS = {
    "the",
    "a",
    "an",
    "and",
    "in",
    "on",
    "der",
    "die",
    "das",
    "le",
    "la",
    "les",
    "un",
    "une",
    "w",
    "na",
    "i",
    "z",
    "у",
    "в",
    "на",
    "і",
    "та",
    "el",
    "los",
    "las",
    "il",
    "lo",
    "gli",
}
# Ukrainian and Russian letters in Latin (a simple romanisation, for comparing names).
ROMANISATION = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэё",
        [
            "a",
            "b",
            "v",
            "h",
            "g",
            "d",
            "e",
            "ie",
            "zh",
            "z",
            "y",
            "i",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "iu",
            "ia",
            "y",
            "e",
            "io",
        ],
    )
)


def supported_list(value: object) -> tuple[str, ...]:
    """Language codes from "en, DE" or a list, each supported, in order, once; else ValueError."""
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"languages must be codes like en,de, not {value!r}")
    codes = [str(lang).lower() for lang in value]  # EN is en
    unknown = [lang for lang in codes if lang not in SUPPORTED]
    if unknown:
        raise ValueError(f"unsupported language {', '.join(unknown)}; choose from {', '.join(SUPPORTED)}")
    if not codes:
        raise ValueError("no language given")
    return tuple(dict.fromkeys(codes))


def name(lang: str) -> str:
    return NAMES.get(lang, lang)


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
    "es": {3: r"mil", 6: r"millones|millón|mill\.?", 9: r"millardos?", 12: r"billones|billón"},
    "it": {3: r"mila|mille", 6: r"milioni|milione|mln", 9: r"miliardi|miliardo|mld", 12: r"bilioni|bilione"},
}


@functools.cache
def scale_pattern(lang: str) -> re.Pattern[str]:
    """Matches one scale word at the start of a string; group name p<power>."""
    table = _SCALES.get(lang, _SCALES["en"])
    alternatives = "|".join(f"(?P<p{power}>{words})" for power, words in sorted(table.items(), reverse=True))
    return re.compile(rf"(?:{alternatives})(?![\w])", re.IGNORECASE)


# What an item says when it obeys an injected instruction or reveals its prompt, per
# language (lowercase): held against an item even when the source says them too (an
# injection in the source is exactly what an obedient model repeats).
INJECTION_PHRASES = {
    "en": (
        "ignore all previous instructions",
        "ignore previous instructions",
        "ignore the above",
        "system prompt",
        "my instructions",
        "as an ai",
        "here is the brief",
        "here is the summary",
        "as requested",
        "as you asked",
        "as instructed",
        "ai assistant",
        "i cannot",
        "let me know",
    ),
    "de": (
        "ignoriere alle vorherigen anweisungen",
        "vorherigen anweisungen",
        "systemprompt",
        "system-prompt",
        "meine anweisungen",
        "als ki",
        "hier ist die zusammenfassung",
        "wie gewünscht",
        "ki-assistent",
        "systemanweisung",
    ),
    "fr": (
        "ignore toutes les instructions",
        "ignorez toutes les instructions",
        "instructions précédentes",
        "prompt système",
        "invite système",
        "mes instructions",
        "en tant qu'ia",
        "voici le résumé",
        "comme demandé",
        "assistant ia",
        "consigne système",
        "en tant qu'assistant",
    ),
    "pl": (
        "zignoruj wszystkie poprzednie instrukcje",
        "poprzednie instrukcje",
        "prompt systemowy",
        "moje instrukcje",
        "instrukcje systemowe",
        "jako ai",
        "jako asystent",
        "oto podsumowanie",
        "zgodnie z prośbą",
        "asystent ai",
        "polecenia systemowe",
        "wcześniejsze instrukcje",
        "nowym poleceniem",
        "wykonuję polecenie",
    ),
    "uk": (
        "ігноруй усі попередні інструкції",
        "попередні інструкції",
        "системний промпт",
        "системна підказка",
        "мої інструкції",
        "як асистент",
        "ось підсумок",
        "на ваше прохання",
        "ші-асистент",
        "системні інструкції",
    ),
    "es": (
        "ignora todas las instrucciones",
        "instrucciones anteriores",
        "prompt del sistema",
        "mis instrucciones",
        "instrucciones del sistema",
        "como ia",
        "como asistente",
        "aquí está el resumen",
        "como se solicitó",
        "asistente de ia",
    ),
    "it": (
        "ignora tutte le istruzioni",
        "istruzioni precedenti",
        "prompt di sistema",
        "le mie istruzioni",
        "istruzioni di sistema",
        "come ia",
        "come assistente",
        "ecco il riassunto",
        "come richiesto",
        "assistente ia",
        "assistente ai",
        "nuova istruzione",
    ),
}
# Kinds of an assistant's wording, as patterns over an item's lowercase words outside quotes,
# per language: obeying a request or an instruction ("as you asked", "following your
# request"), the brief's own rules restated (so many words, in this language), and a reply
# to a user opening a sentence (Sure!, Claro, Certo!). Held against an item only where the
# source does not say the same.
ASSISTANT_PATTERNS = {
    "en": (
        r"\b(?:per|following|as per|according to|in line with) (?:your|my|the user'?s?) (?:request|instructions?|prompt|rules)\b",
        r"\bas (?:you )?(?:asked|requested|instructed)\b",
        r"\b\d+ words\b",
        r"\bin english\b",
        r"(?:^|[.!?] )(?:sure|of course|certainly|absolutely|gladly)\s*[!,]",
    ),
    "de": (
        r"\b(?:gemäß|laut|entsprechend|nach) (?:ihrer|deiner|ihren|deinen|meiner|meinen) (?:anweisung|bitte|vorgabe|anfrage|auftrag|wunsch)\w*",
        r"\bwie (?:gewünscht|gebeten|verlangt|angewiesen)\b",
        r"\b(?:vorgabe|vorgaben|anweisung|anweisungen|regeln)\s*: ",
        r"\b\d+ wörter\w*",
        r"\bauf deutsch\b",
        r"(?:^|[.!?] )(?:gerne|gern|natürlich|selbstverständlich|klar|sehr gern)\s*[!,]",
    ),
    "fr": (
        r"\b(?:conformément à|selon|suivant|comme) (?:votre|ta|vos|tes|mes|ma) (?:demande|consigne|instruction|requête|règle)s?\b",
        r"\bcomme (?:vous l'avez |tu l'as )?demandé\b",
        r"\b(?:consigne|instruction|règle)s? (?:reçues?|du système|système)\b",
        r"\b(?:consignes?|instructions?|règles)\s*: ",
        r"\b\d+ mots\b",
        r"\ben français\b",
        r"(?:^|[.!?] )(?:bien sûr|avec plaisir|volontiers|certainement|absolument)\s*[!,]",
    ),
    "pl": (
        r"\bzgodnie z (?:\w+ )?(?:prośb|poleceni|instrukcj|wytyczn)\w*",
        r"\bna (?:twoją|pana|pani|państwa|waszą) prośbę\b",
        r"\b(?:instrukcj|wytyczn|polecen|reguł)\w* (?:systemow|otrzyman)\w*",
        r"\b(?:instrukcja|instrukcje|wytyczne|polecenie|reguły|zasady)\s*: ",
        r"\b\d+ słów\b",
        r"\bpo polsku\b",
        r"(?:^|[.!?] )(?:oczywiście|jasne|chętnie|z przyjemnością|pewnie)\s*[!,]",
    ),
    "uk": (
        r"(?:відповідно до|згідно з|згідно із|на) (?:вашого|твого|вашим|твоїм|вашої|твоєї|вашу|твою|ваше|твоє) (?:прохання|інструкці|вказівк|завданн)\w*",
        r"(?:інструкці|вказівк|правил)\w* (?:системн|отриман)\w*",
        r"(?:інструкція|інструкції|вказівки|правила)\s*: ",
        r"\b\d+ слів\b",
        r"(?:^|\s)українською(?:\s|,|$)",
        r"(?:^|[.!?] )(?:звісно|звичайно|авжеж|із задоволенням|охоче)\s*[!,]",
    ),
    "es": (
        r"\b(?:según|siguiendo|conforme a|de acuerdo con) (?:su|tu|sus|tus|mis|mi) (?:\w+ )?(?:petici[oó]n|instrucci[oó]n|instrucciones|indicaci[oó]n|indicaciones|solicitud|normas)\b",
        r"\bcomo (?:me |se me |usted |tú )?(?:pidió|pediste|solicitó|solicitaste|indicó|indicaste|ordenó|has pedido|ha pedido)\b",
        r"\b(?:instrucciones|normas|reglas)(?: del sistema| recibidas)?\s*: ",
        r"\b\d+ palabras\b",
        r"\ben español\b",
        r"(?:^|[.!?¡] ?)¡?(?:claro|por supuesto|desde luego|con gusto|encantad[oa])\s*[!,]",
    ),
    "it": (
        r"\b(?:secondo|seguendo|come da|in base a) (?:la tua|le tue|la sua|le sue|le mie|la mia|tua|tue) (?:richiest|istruzion|indicazion|regol)\w*",
        r"\bcome (?:mi |ti )?(?:hai|ha|avete) (?:chiesto|richiesto|indicato)\b",
        r"\b(?:istruzion|regol|indicazion)\w* (?:del sistema|di sistema|ricevut\w*)\b",
        r"\b(?:istruzioni|regole|indicazioni)\s*: ",
        r"\b\d+ parole\b",
        r"\bin italiano\b",
        r"(?:^|[.!?] )(?:certo|certamente|volentieri|con piacere)\s*[!,]",
    ),
}
# The item speaking of its own readers (an advertisement, a call to subscribe): counted only
# when the source has no word of readers in any language.
READER_WORDS = re.compile(
    r"\b(?:readers?|leser\w*|lecteurs?|lectrices?|czytelni\w*|читач\w*|lectores|lettori|lettrici|newsletter\w*)\b"
)
# Words an item about AI may take from its source: they count only when the source lacks them.
TOPIC_PHRASES = (
    "anweisungen",
    "consignes",
    "instructions",
    "inteligencia artificial",
    "intelligence artificielle",
    "intelligenza artificiale",
    "künstliche intelligenz",
    "language model",
    "model językowy",
    "modello linguistico",
    "modelo de lenguaje",
    "modèle de langage",
    "sprachmodell",
    "sztuczna inteligencja",
    "мовна модель",
    "штучний інтелект",
)
# Words of the prompt's own making that no news item contains (any language).
PROMPT_MARKERS = ("<source", "</source", "json:", "```", "headline_key", "bullets_key")

# A news item never speaks in the first or second person outside a quotation: an assistant does
# (where the verb carries the person, its forms of the verbs an assistant uses: puedo, dodaję).
SPEAKER_WORDS = {
    "en": {"i", "i'm", "i've", "i'll", "me", "my", "myself", "you", "your"},
    "de": {"ich", "mich", "mir", "mein", "meine", "meinen", "meiner", "du", "dich", "dir", "dein", "deine"}
    | set("möchtest kannst willst empfehle".split()),
    "fr": {"je", "j'ai", "j'ignore", "moi", "mon", "mes", "tu", "te", "vous", "votre", "vos"},
    "pl": {"ja", "mnie", "mój", "moje", "moja", "moich", "jestem", "mogę", "ty", "ciebie", "tobie", "twój", "życzysz"}
    | set("chcesz możesz jesteś dodaję pomijam polecam zachęcam polecamy zachęcamy piszę".split()),
    "uk": {"я", "мене", "мені", "мій", "мої", "моя", "моїх", "ти", "тебе", "тобі", "твій"}
    | set("хочете можу додаю рекомендую раджу радимо рекомендуємо закликаю".split()),
    "es": {"yo", "mis", "conmigo", "te", "tú", "tu", "tus", "contigo"}
    | set(
        "puedo puedes quieres quiero deseas tienes pediste recomiendo aconsejo recomendamos aconsejamos añado".split()
    ),
    "it": {"io", "mio", "mia", "miei", "mie", "ti", "tu", "tuo", "tua", "posso"}
    | set("puoi vuoi aggiungo consigliamo raccomando".split()),
}
# Ordinal words (second to fifth; English ones exact: "secondary" is no ordinal) a source or an item may write for a figure; stems, so
# that every case and gender counts (zweit-, drug-, другий).
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
# "w wieku 57", "у віці 57"): a regex of the words just before it.
AGE_BEFORE = {
    "en": r"aged|age of|at",
    "de": r"alter von|mit",
    "fr": r"âgée?s? de|à",
    "pl": r"wieku",
    "uk": r"віці",
    "es": r"edad de|a los",
    "it": r"età di|a",
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
ORDINAL_STEMS = {
    "en": {"second": 2, "third": 3, "fourth": 4, "fifth": 5},
    "de": {"zweit": 2, "dritt": 3, "viert": 4, "fünft": 5},
    "fr": {"deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5},
    "pl": {"drugi": 2, "drugie": 2, "drugą": 2, "trzeci": 3, "czwart": 4, "piąt": 5},
    "uk": {"друг": 2, "трет": 3, "четверт": 4, "п'ят": 5, "п’ят": 5},
    "es": {"segund": 2, "tercer": 3, "cuart": 4, "quint": 5},
    "it": {"terz": 3, "quart": 4, "quint": 5},  # not "second-": "secondo" is also "according to"
}


# Institutions each press names in its own words, one concept per row: acronyms first
# (upper case), then full names (lower case). An item's acronym is known when any form of
# its concept stands in the source.
INSTITUTIONS = (
    (
        "EU",
        "UE",
        "ЄС",
        "european union",
        "europäische union",
        "union européenne",
        "unia europejska",
        "європейський союз",
        "unión europea",
        "unione europea",
    ),
    (
        "UN",
        "ONU",
        "ООН",
        "ONZ",
        "UNO",
        "united nations",
        "vereinte nationen",
        "nations unies",
        "narody zjednoczone",
        "організація об'єднаних націй",
        "naciones unidas",
        "nazioni unite",
    ),
    ("NATO", "OTAN", "НАТО", "north atlantic"),
    (
        "GDP",
        "BIP",
        "PIB",
        "PKB",
        "ВВП",
        "PIL",
        "gross domestic product",
        "bruttoinlandsprodukt",
        "produit intérieur brut",
        "produkt krajowy brutto",
        "валовий внутрішній продукт",
        "producto interior bruto",
        "prodotto interno lordo",
    ),
    (
        "ECB",
        "EZB",
        "BCE",
        "EBC",
        "ЄЦБ",
        "european central bank",
        "europäische zentralbank",
        "banque centrale européenne",
        "europejski bank centralny",
        "європейський центральний банк",
        "banco central europeo",
        "banca centrale europea",
    ),
    (
        "EIB",
        "BEI",
        "EBI",
        "ЄІБ",
        "european investment bank",
        "europäische investitionsbank",
        "banque européenne d'investissement",
        "europejski bank inwestycyjny",
        "європейський інвестиційний банк",
        "banco europeo de inversiones",
        "banca europea per gli investimenti",
    ),
    (
        "IMF",
        "IWF",
        "FMI",
        "MFW",
        "МВФ",
        "international monetary fund",
        "internationaler währungsfonds",
        "fonds monétaire international",
        "międzynarodowy fundusz walutowy",
        "міжнародний валютний фонд",
        "fondo monetario internacional",
        "fondo monetario internazionale",
    ),
    (
        "EBRD",
        "BERD",
        "EBOR",
        "EBOIR",
        "EBWE",
        "BERS",
        "ЄБРР",
        "european bank for reconstruction",
        "europäische bank für wiederaufbau",
        "banque européenne pour la reconstruction",
        "europejski bank odbudowy",
        "європейський банк реконструкції",
        "banco europeo para la reconstrucción",
        "banca europea per la ricostruzione",
    ),
    ("WHO", "OMS", "ВООЗ", "world health organization"),
    ("OECD", "OCDE", "ОЕСР"),
    (
        "CJEU",
        "ECJ",
        "EUGH",
        "CJUE",
        "TSUE",
        "TJUE",
        "CGUE",
        "court of justice of the european union",
        "europäischer gerichtshof",
        "cour de justice de l'union européenne",
        "trybunał sprawiedliwości",
        "суд європейського союзу",
        "tribunal de justicia de la unión europea",
        "corte di giustizia",
    ),
    ("ECHR", "EGMR", "CEDH", "ETPC", "ЄСПЛ", "TEDH", "CEDU", "european court of human rights"),
    (
        "US",
        "USA",
        "США",
        "EE",
        "UU",
        "EEUU",
        "ЗША",
        "united states",
        "vereinigte staaten",
        "états-unis",
        "stany zjednoczone",
        "сполучені штати",
        "estados unidos",
        "stati uniti",
        "american",
        "amerykańsk",
        "américain",
        "amerikanisch",
        "американськ",
        "estadounidense",
        "statunitense",
    ),
    ("UK", "GB", "ВБ", "united kingdom", "britain", "british"),
    ("VAT", "MWST", "TVA", "ПДВ", "IVA", "value added tax", "mehrwertsteuer"),
    (
        "pentagon",
        "pentágono",
        "pentagono",
        "пентагон",
        "defense secretary",
        "defence secretary",
        "secretary of defense",
        "department of defense",
        "us-verteidigungsminister",
    ),
    (
        "supreme court",
        "oberster gerichtshof",
        "bundesgerichtshof",
        "cour suprême",
        "cour de cassation",
        "sąd najwyższy",
        "верховний суд",
        "tribunal supremo",
        "supremo",
        "corte suprema",
        "corte di cassazione",
    ),
    (
        "constitutional court",
        "constitutional tribunal",
        "bundesverfassungsgericht",
        "conseil constitutionnel",
        "trybunał konstytucyjny",
        "конституційний суд",
        "tribunal constitucional",
        "corte costituzionale",
    ),
    (
        "IBRD",
        "world bank",
        "weltbank",
        "banque mondiale",
        "bank światowy",
        "світовий банк",
        "banco mundial",
        "banca mondiale",
    ),
    (
        "FED",
        "federal reserve",
        "réserve fédérale",
        "rezerwa federalna",
        "федеральна резервна",
        "reserva federal",
        "riserva federale",
    ),
)
INSTITUTION_FORMS = tuple(tuple(form for form in row if form.islower()) for row in INSTITUTIONS)
INSTITUTION_WORDS = {form: index for index, row in enumerate(INSTITUTION_FORMS) for form in row if " " not in form}
ACRONYM_CONCEPTS = {form.upper(): index for index, row in enumerate(INSTITUTIONS) for form in row if not form.islower()}
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
        "bps",
        "pkt",
        "п.п",
        "в.п",
    }
)
# The country a source's language stands for: a Spanish article need not say it is in Spain.
HOME_COUNTRY = {
    "en": ("GB", "US", "IE"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CH"),
    "pl": ("PL",),
    "uk": ("UA",),
    "es": ("ES",),
    "it": ("IT",),
}


# ---- CLDR: months, days, countries, cities, language and currency names (cldr.py) ----


@once
def _cldr() -> dict:
    return cldr.tables(SUPPORTED)


@functools.cache
def calendar_words(lang: str) -> frozenset[str]:
    """Month and weekday names, every form and case CLDR has, lowercase."""
    return frozenset(_cldr()["calendar"].get(lang, ()))


@functools.cache
def year_words(lang: str) -> frozenset[str]:
    """The language's word for years in every plural form CLDR has (anni, років, lata)."""
    return frozenset(_cldr()["years"].get(lang, ()))


@once
def place_concepts() -> dict[str, frozenset[str]]:
    """Country, city and region concepts, each with its names in every supported language,
    lowercase: 'T:DE' -> {'germany', 'deutschland', 'allemagne', 'niemcy', 'german',
    'niemiecki', ...}: a country's main language's name is its adjective in pl and uk;
    'R:IT-NA' -> {'napoli', 'naples', 'neapel', 'neapol', 'неаполь'}. A region or city is
    not its country: naming Italy names neither Naples nor Campania."""
    tables: dict[str, set[str]] = {}
    for table in (_cldr()["places"], regions.tables(SUPPORTED)):
        for key, forms in table.items():
            tables.setdefault(key, set()).update(forms)
    return {key: frozenset(forms) for key, forms in tables.items()}


@functools.cache
def city_names() -> dict[str, list[str]]:
    """Each city's names in many languages, lowercase, by its GeoNames id (Wrocław, Breslau,
    Breslavia, Вроцлав): one city's names, whatever sound rule parts them."""
    return cities.tables()


@functools.cache
def cities_of(country: str) -> frozenset[str]:
    """The city concepts of a country concept, by CLDR's time zones ('T:FR' -> {'C:Europe/Paris'}):
    its capital among them, which a brief may write for the country's government (Paris, Berlin)."""
    return frozenset(_cldr()["cities"].get(country, ()))


@functools.cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes (USD, PLN, UAH): units after a figure, not names."""
    return frozenset(_cldr()["codes"])


@functools.cache
def currency_words(lang: str) -> frozenset[str]:
    """Currency names in every plural form CLDR has (eslotis, złotych, гривень), lowercase."""
    return frozenset(_cldr()["currencies"].get(lang, ()))


_CURRENCY_SIGNS = {
    "€": "EUR",
    "$": "USD",
    "£": "GBP",
    "₴": "UAH",
    "zł": "PLN",
    "zl": "PLN",
    "грн": "UAH",
    "eur": "EUR",
    "usd": "USD",
    "gbp": "GBP",
    "pln": "PLN",
    "uah": "UAH",
    "chf": "CHF",
}


def currency_of(word: str, lang: str) -> str | None:
    """The currency a word or sign after (or before) a figure names: євро, Euro, zł, € -> EUR."""
    lowered = word.lower().rstrip(".")
    return _CURRENCY_SIGNS.get(lowered) or _cldr()["currency_names"].get(lang, {}).get(lowered)


@functools.cache
def currency_names(code: str) -> frozenset[str]:
    """A currency's names in every supported language, lowercase, in CLDR's plural forms
    (UAH: hryvnia, grivnie, hrywien, гривень), words that name no other currency."""
    return frozenset(
        word for lang in SUPPORTED for word, named in _cldr()["currency_names"].get(lang, {}).items() if named == code
    )


@functools.cache
def language_words(lang: str) -> frozenset[str]:
    """Names of languages in `lang`, which in Polish and Ukrainian are also the adjectives
    (niemiecki, німецька) and in English the demonyms (German, Polish)."""
    return frozenset(_cldr()["languages"].get(lang, ()))


def prepare() -> Path:
    """Every supported language's word list, and the CLDR and region tables, in the cache now
    (setup), not at a run's first check."""
    for lang in SUPPORTED:
        vocabulary.vocabulary(lang)
    place_concepts()
    return vocabulary.prepared_folder()
