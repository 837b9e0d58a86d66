"""Settings: defaults < briefer.toml < BRIEFER_* (and OPENAI_*) env < command-line flags."""

from __future__ import annotations

import os
import re
import tomllib
from datetime import date as Date
from datetime import time as Time
from pathlib import Path
from typing import Any, Literal, Mapping

import yaml
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator, model_validator

from briefer.core.briefing_file import DEFAULT_DESK
from briefer.core.errors import ConfigError, UsageError
from briefer.core.files import default_cache_dir
from briefer.core.models import CHECKS, DEFAULT_SEVERITY
from briefer.lang import languages
from briefer.settings.delivery_settings import Deliver

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SUPPORTED_LANGUAGES = languages.SUPPORTED
EMBEDDED_MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
REASKABLE = ("reply", *CHECKS)  # "reply": the reply could not be read as an item at all
# The embedded model's re-asks, measured on its recordings (bench/reasks.py, README "Re-asks"):
# a re-ask fixed a language refusal 4 times in 18, but structure, vocabulary and numbers
# refusals 2 times in 45 (both alongside a language refusal), and a second re-ask fixed
# nothing (0 of 16). A configured endpoint keeps re-asking every check twice until measured.
EMBEDDED_REASKS = {
    "max_reasks": 1,
    "reask_checks": tuple(c for c in REASKABLE if c not in ("structure", "vocabulary", "numbers")),
}


def default_prompts_dir() -> Path:
    """The prompt files shipped with the package (briefer.prompt_files, the repository's prompts/)."""
    from importlib.resources import files

    return Path(str(files("briefer.prompt_files")))


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    desk: str = DEFAULT_DESK  # names the desk in feeds, pages and its folder in out_dir
    title: str = "Daily briefing"
    sources: tuple[str, ...] = ()  # a desk's files, folders, URLs and feeds
    max_items: int | None = Field(None, ge=1)  # brief the top this many stories; the rest are "ranked out"
    priority: tuple[str, ...] = ()  # terms that rank a story higher (a region, a beat, a name)
    repeats: Literal["list", "skip"] = "list"  # a story seen before with nothing new: listed compactly, or left out
    memory_days: int = Field(90, ge=7)  # the story memory keeps this many days: older stories are new again
    feed_days: int = Field(7, ge=1, le=366)  # days the stable out/feed.<lang>.atom holds
    # The edition readers get: a flagged item published with a short mark, or held for an
    # editor (`briefer review`; kept in the desk report, out of the edition until approved);
    # hold_all holds every item, for desks that review everything; review_deadline ("06:30",
    # the machine's local time on the day): the run sends nothing while an item waits, and
    # `briefer send --due` sends what was approved then, without waiting for the rest. None:
    # the run sends the rest at once, and `send --due` the approved items (as a correction)
    # once every held item is decided.
    # The AI line per language: true (the default wording), false (none), or a table
    # {lang = "wording"} ("" turns one language's line off).
    flagged: Literal["publish", "hold"] = "publish"
    hold_all: bool = False
    review_deadline: Time | None = None
    # `briefer review` behind a proxy that signs editors in: the header it names them in
    # ("X-Forwarded-User"); a request without it is refused, and the decision is theirs.
    review_user_header: str | None = Field(None, pattern=r"^[A-Za-z0-9-]+$")
    disclosure: bool | dict[str, str] = True
    # Cost: a budget in tokens ("200000") or money ("0.50 USD"), and prices per model
    # in that currency per million tokens: {model = {input = 0.15, output = 0.60}}.
    budget: str | None = None
    prices: dict[str, dict[str, float]] = Field(default_factory=dict)
    price_currency: str = "USD"  # the currency of `prices`; a money budget must be in it
    languages: tuple[str, ...] = ("en", "de", "fr", "pl", "uk")
    out_dir: Path = Path("out")
    date: Date | None = None
    # The model endpoint. No base_url means: start the embedded local model.
    base_url: str | None = None
    api_key: SecretStr | None = None
    model: str | None = None
    # Briefing shape.
    words_per_item: int = Field(60, ge=10, le=400)
    max_bullets: int = Field(3, ge=1, le=10)
    max_reasks: int = Field(2, ge=0, le=5)
    # The brief prompt, id@version: a newer version is tried beside this one (`briefer check`)
    # before it becomes the default.
    brief_prompt: str = Field("brief@2", pattern=r"^brief(@[0-9]+)?$")
    # The checks whose refusal is worth a re-ask: an item refused only by others is not asked
    # again. "reply" is an unusable reply (bad JSON, no shape).
    reask_checks: tuple[str, ...] = REASKABLE  # the embedded model's default: EMBEDDED_REASKS
    glossary: dict[str, dict[str, str]] = Field(default_factory=dict)  # lang -> {avoid: use}
    # What a failed check does: "refuse" (not published) or "flag" (published, marked).
    severity: dict[str, str] = Field(default_factory=dict)
    # Model budget and time limits.
    context_tokens: int = Field(4096, ge=1024)
    max_output_tokens: int = Field(400, ge=64)
    request_timeout: float = Field(180.0, gt=0)
    article_deadline: float = Field(900.0, gt=0)
    stall_timeout: float = Field(120.0, gt=0)  # the embedded model: no token for this long is a fault
    http_retries: int = Field(2, ge=0, le=10)
    # The endpoint is down (the run stops) when this many articles in a row fail on it, or
    # this share of the last breaker_window articles; a lone failure only sets its article aside.
    breaker_failures: int = Field(8, ge=1)
    breaker_window: int = Field(20, ge=2)
    breaker_rate: float = Field(0.6, gt=0, le=1)
    concurrency: int = Field(4, ge=1, le=256)  # model calls in flight at once (the embedded model serves 1)
    requests_per_minute: int = Field(0, ge=0)  # client-side rate limits; 0: none (headers still count)
    tokens_per_minute: int = Field(0, ge=0)
    reply_cache: bool = True  # a rerun with the same inputs asks the model nothing
    reply_cache_days: int = Field(30, ge=1)  # replies unused this long are deleted at the start of a run
    reply_cache_mb: int = Field(500, ge=1)  # then the least recently used, until the cache fits
    # Fetching URLs and feeds.
    fetch_allow: tuple[str, ...] = ()  # hosts or CIDRs the internal-address guard lets through
    fetch_max_bytes: int = Field(5_000_000, ge=1000)
    max_source_bytes: int = Field(5_000_000, ge=1000)  # a local file or stdin larger than this is no article
    fetch_timeout: float = Field(20.0, gt=0)
    feed_max_entries: int = Field(20, ge=1)
    # The embedded default model: runtime and weights are settings, not constants.
    local_runtime: str = "xllamacpp"  # or "llama-server" (a binary on PATH)
    local_model_file: Path | None = None  # a GGUF file; default: assembled from packages
    local_threads: int = Field(0, ge=0)  # 0: all cores
    local_start_timeout: float = Field(300.0, gt=0)
    cache_dir: Path = Field(default_factory=default_cache_dir)
    prompts_dir: Path = Field(default_factory=lambda: default_prompts_dir())
    deliver: Deliver | None = None  # [desks.<name>.deliver]: mail and chat (see Deliver)

    @field_validator("languages", mode="before")
    @classmethod
    def _split_languages(cls, value: Any) -> Any:
        return languages.supported_list(value)

    @field_validator("severity")
    @classmethod
    def _check_severity(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(value) - set(CHECKS))
        if unknown:
            raise ValueError(f"severity names unknown checks {', '.join(unknown)}; choose from {', '.join(CHECKS)}")
        wrong = sorted(check for check, level in value.items() if level not in ("refuse", "flag"))
        if wrong:
            raise ValueError(f'severity of {", ".join(wrong)} must be "refuse" or "flag"')
        return {**DEFAULT_SEVERITY, **value}

    @field_validator("desk")
    @classmethod
    def _check_desk(cls, value: str) -> str:
        if not re.fullmatch(r"[\w-]{1,64}", value) or value == "latest" or re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            raise ValueError(
                f"desk name '{value}' names a folder: use letters, digits, - and _ (not 'latest' or a date)"
            )
        return value

    @model_validator(mode="before")
    @classmethod
    def _embedded_reasks(cls, values: Any) -> Any:
        """The embedded model re-asks only where its re-asks were measured to help, unless set."""
        if isinstance(values, dict) and not values.get("base_url"):
            return {**EMBEDDED_REASKS, **values}
        return values

    @field_validator("reask_checks")
    @classmethod
    def _check_reask_checks(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = sorted(set(value) - set(REASKABLE))
        if unknown:
            raise ValueError(
                f"reask_checks names unknown checks {', '.join(unknown)}; choose from {', '.join(REASKABLE)}"
            )
        return value

    @field_validator("fetch_allow", "priority", "reask_checks", mode="before")
    @classmethod
    def _split_allow(cls, value: Any) -> Any:
        return [part.strip() for part in value.split(",") if part.strip()] if isinstance(value, str) else value

    @field_validator("budget")
    @classmethod
    def _check_budget(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"\s*\d+(\.\d+)?\s*([A-Za-z]{3}|tokens)?\s*", str(value)):
            raise ValueError("budget is a number of tokens ('200000') or an amount with a currency ('0.50 USD')")
        if value is not None and re.fullmatch(r"\s*\d*\.\d+\s*", str(value)):
            raise ValueError(
                f"'{value.strip()}' would be {value.strip()} tokens; for money write '{value.strip()} USD' "
                f"(the currency of 'prices')"
            )
        return value

    @field_validator("prices")
    @classmethod
    def _check_prices(cls, value: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
        for model, price in value.items():
            missing = [part for part in ("input", "output") if part not in price]
            if missing:
                raise ValueError(f"prices for '{model}' lack {' and '.join(missing)} (per million tokens)")
        return value

    @property
    def budget_limit(self) -> tuple[str, float] | None:
        """('tokens', n) or ('money', amount), from the budget setting."""
        if self.budget is None:
            return None
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)?\s*", self.budget)
        if match is None:  # the field's validator admits no other shape
            raise ConfigError(f"budget '{self.budget}' is not a number of tokens or an amount of money")
        amount, unit = float(match.group(1)), (match.group(2) or "tokens").lower()
        return ("tokens", amount) if unit == "tokens" else ("money", amount)

    @property
    def desk_dir(self) -> Path:
        """Where this desk's days, feeds and latest/ live: the output folder itself, or a
        folder of its own in it for a named desk, so that several desks share one out folder."""
        return self.out_dir if self.desk == DEFAULT_DESK else self.out_dir / self.desk

    @property
    def uses_embedded_model(self) -> bool:
        return not self.base_url

    @property
    def model_name(self) -> str:
        return self.model or EMBEDDED_MODEL_NAME


def load_yaml(text: str, where: str) -> Any:
    """YAML for prompt front matter and fixture expectations; an error names the file and line."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise ConfigError(f"{where}{line}: invalid YAML ({getattr(exc, 'problem', exc)})") from None


_FLAGS = {"languages": "--lang", "out_dir": "--out", "words_per_item": "--words"}  # where they differ from the key
_ENV_ALIASES = {"OPENAI_BASE_URL": "base_url", "OPENAI_API_KEY": "api_key"}


def _from_env(environ: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, key in _ENV_ALIASES.items():
        if environ.get(name):
            values[key] = environ[name]
    for name, value in environ.items():
        if name.startswith("BRIEFER_") and value != "":
            key = name.removeprefix("BRIEFER_").lower()
            if key in Settings.model_fields:
                values[key] = value
    return values


def _from_file(path: Path | None, desk: str | None) -> tuple[dict[str, Any], str]:
    """The [settings] table, overlaid by [desks.<desk>] when a desk is asked for."""
    if path is None:
        if desk:
            raise ConfigError(f"--desk {desk} needs a briefer.toml (or --config) with [desks.{desk}]")
        return {}, ""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} not found (--config)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path}: {exc}") from None
    values = dict(data.get("settings", {}))
    if desk:
        desks = data.get("desks", {})
        if desk not in desks:
            raise ConfigError(f"config file {path} has no [desks.{desk}]; desks: {', '.join(desks) or 'none'}")
        values.update(desks[desk], desk=desk)
    return values, text


def _line_of(key: str, text: str) -> str:
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return f" line {number}"
    return ""


_MESSAGES = {  # pydantic's error types, said in briefer's words
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_parsing": "must be a number",
    "bool_parsing": "must be true or false",
    "string_type": "must be text",
    "dict_type": "must be a table",
    "extra_forbidden": "is not a setting briefer knows",
    "date_from_datetime_parsing": "must be a date, YYYY-MM-DD",
    "date_parsing": "must be a date, YYYY-MM-DD",
    "time_parsing": "must be a time of day, HH:MM",
    "time_type": "must be a time of day, HH:MM",
    "literal_error": "must be one of {expected}",
    "missing": "is required",
    "too_short": "must not be empty",
    "model_type": "must be a table",
}
_BOUNDS = {
    "greater_than_equal": ("at least", "ge"),
    "less_than_equal": ("at most", "le"),
    "greater_than": ("more than", "gt"),
    "less_than": ("less than", "lt"),
}


def _in_our_words(error: Mapping[str, Any]) -> str:
    kind, context = error.get("type", ""), error.get("ctx") or {}
    if kind in _BOUNDS:
        words, key = _BOUNDS[kind]
        return f"must be {words} {context.get(key)}"
    if kind == "literal_error":
        return f"must be {context.get('expected')}"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return _MESSAGES.get(kind, str(error["msg"])).format(**{k: v for k, v in context.items()})


def load_settings(
    flags: Mapping[str, Any] | None = None,
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    desk: str | None = None,
) -> Settings:
    """Merge every source of settings; a bad value names its key and where it came from."""
    environ = os.environ if environ is None else environ
    if config_file is None and Path("briefer.toml").is_file():
        config_file = Path("briefer.toml")
    file_values, file_text = _from_file(config_file, desk)
    where = f"config file {config_file}"
    if desk:  # a bad [settings] value is named even where the desk overrides it
        _validated([(where, _from_file(config_file, None)[0])], file_text)
    return _validated(
        [
            (where, file_values),
            ("environment", _from_env(environ)),
            ("command line", {k: v for k, v in (flags or {}).items() if v is not None}),
        ],
        file_text,
    )


def _validated(layers: list[tuple[str, Mapping[str, Any]]], file_text: str) -> Settings:
    merged: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for where, layer in layers:
        merged.update(layer)
        origin.update({key: where for key in layer})
    try:
        settings = Settings(**merged)
    except ValidationError as exc:
        error = exc.errors()[0]
        path = [str(part) for part in error["loc"]] or ["?"]  # a nested one in full: deliver.email.port
        key = path[0]
        where = origin.get(key, "settings")
        if where.startswith("config file"):
            where += _line_of(key, file_text)
        message = _in_our_words(error)
        if where == "command line":  # a mistyped flag is a usage error (2), not a setting to fix (78)
            raise UsageError(f"{_FLAGS.get(key, '--' + key.replace('_', '-'))}: {message}") from None
        raise ConfigError(f"setting '{'.'.join(path)}' from {where}: {message}") from None
    _deliverable(settings, origin.get("deliver", "settings"), file_text)
    return settings


def _deliverable(settings: Settings, where: str, file_text: str) -> None:
    """A webhook or mail list for a language the desk does not brief would never get a
    message, silently: refused at load, by file and line."""
    deliver = settings.deliver
    if deliver is None:
        return
    tables = [("webhooks", index, hook.languages) for index, hook in enumerate(deliver.webhooks)]
    if deliver.email:
        tables += [("email.lists", index, group.languages) for index, group in enumerate(deliver.email.lists)]
    for table, index, langs in tables:
        unknown = [lang for lang in langs if lang not in settings.languages]
        if unknown:
            line = _line_in_table(file_text, table, index, "languages") if where.startswith("config file") else ""
            raise ConfigError(
                f"setting 'deliver.{table}.{index}.languages' from {where}{line}: {', '.join(unknown)} "
                f"{'is not a language' if len(unknown) == 1 else 'are not languages'} of the desk "
                f"({', '.join(settings.languages)}); it would never get a message"
            )


def _line_in_table(text: str, table: str, index: int, key: str) -> str:
    """' line N' of `key` in the index-th [[...deliver.<table>]] of the file, or ''."""
    seen, inside = -1, False
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*(\[\[?)\s*([^\]]+?)\s*\]", line)
        if header:
            ours = header[2].endswith(f"deliver.{table}")
            seen += ours and header[1] == "[["
            inside = ours and seen == index
        elif inside and re.match(rf"\s*{re.escape(key)}\s*=", line):
            return f" line {number}"
    return ""
