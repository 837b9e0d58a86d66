"""Settings: defaults < briefer.toml < BRIEFER_* (and OPENAI_*) env < command-line flags."""

from __future__ import annotations

import os
import tomllib
from datetime import date as Date
from pathlib import Path
from typing import Any, Mapping

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from .errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SUPPORTED_LANGUAGES = ("en", "de", "fr", "pl", "uk")
EMBEDDED_MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefer"


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

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
    glossary: dict[str, dict[str, str]] = Field(default_factory=dict)  # lang -> {avoid: use}
    # Model budget and time limits.
    context_tokens: int = Field(4096, ge=1024)
    max_output_tokens: int = Field(400, ge=64)
    request_timeout: float = Field(180.0, gt=0)
    article_deadline: float = Field(900.0, gt=0)
    http_retries: int = Field(2, ge=0, le=10)
    # The embedded default model: runtime and weights are settings, not constants.
    local_runtime: str = "xllamacpp"  # or "llama-server" (a binary on PATH)
    local_model_file: Path | None = None  # a GGUF file; default: assembled from packages
    local_threads: int = Field(0, ge=0)  # 0: all cores
    local_start_timeout: float = Field(300.0, gt=0)
    cache_dir: Path = Field(default_factory=_default_cache_dir)
    prompts_dir: Path = PROJECT_ROOT / "prompts"

    @field_validator("languages", mode="before")
    @classmethod
    def _split_languages(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        unknown = [lang for lang in value if lang not in SUPPORTED_LANGUAGES]
        if unknown:
            raise ValueError(
                f"unsupported language {', '.join(unknown)}; choose from {', '.join(SUPPORTED_LANGUAGES)}"
            )
        if not value:
            raise ValueError("no language given")
        return tuple(dict.fromkeys(value))

    @property
    def uses_embedded_model(self) -> bool:
        return not self.base_url

    @property
    def model_name(self) -> str:
        return self.model or EMBEDDED_MODEL_NAME


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


def _from_file(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file {path} not found (--config)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path}: {exc}") from None
    return dict(data.get("settings", {}))


def load_settings(
    flags: Mapping[str, Any] | None = None,
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Merge every source of settings; a bad value names its key and where it came from."""
    environ = os.environ if environ is None else environ
    if config_file is None and Path("briefer.toml").is_file():
        config_file = Path("briefer.toml")
    layers = [
        (f"config file {config_file}", _from_file(config_file)),
        ("environment", _from_env(environ)),
        ("command line", {k: v for k, v in (flags or {}).items() if v is not None}),
    ]
    merged: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for where, layer in layers:
        merged.update(layer)
        origin.update({key: where for key in layer})
    try:
        return Settings(**merged)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = str(error["loc"][0]) if error["loc"] else "?"
        where = origin.get(key, "settings")
        raise ConfigError(f"setting '{key}' from {where}: {error['msg']}") from None
