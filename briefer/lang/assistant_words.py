"""What an assistant says and a news item does not, in every supported language: the phrases
of an obeyed injection, an assistant's wording (as you asked, Sure!), words to its readers,
the topic words an item about AI may take from its source, the prompt's own markers, and
first- and second-person words."""

from __future__ import annotations

import re

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
# Topics an item about AI may take from its source: an assistant's words in every language,
# each counted only when the source names that topic in none of its forms. "AI" in an English
# source is "künstliche Intelligenz" in a correct German item. (phrases that are an assistant's
# words, the source's other forms of the topic: lowercase phrases, then capitalised abbreviations)
TOPICS = (
    (
        (
            "inteligencia artificial",
            "intelligence artificielle",
            "intelligenza artificiale",
            "künstliche intelligenz",
            "sztuczna inteligencja",
            "штучний інтелект",
        ),
        ("artificial intelligence", "AI", "KI", "IA", "SI", "ШІ"),
    ),
    (
        (
            "language model",
            "model językowy",
            "modello linguistico",
            "modelo de lenguaje",
            "modèle de langage",
            "sprachmodell",
            "мовна модель",
        ),
        ("LLM",),
    ),
    (("anweisungen", "consignes", "instructions"), ()),
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
