"""Versioned prompt files: prompts/<id>/v<N>.md with YAML front matter and Jinja2 sections.

A released file never changes: prompts/prompts.lock pins each file's sha256, and
loading a prompt whose hash differs from its pin is a configuration error.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefer.core.errors import ConfigError
from briefer.core.files import write_atomic
from briefer.core.models import PromptRef
from briefer.core.templating import render_prompt
from briefer.lang import languages
from briefer.settings.config import load_yaml

LOCK_NAME = "prompts.lock"
_FILE_RE = re.compile(r"^v(\d+)\.md$")
_SECTION_RE = re.compile(r"^### (\w+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Prompt:
    id: str
    version: int
    sha256: str
    path: Path
    inputs: tuple[str, ...]
    output: str
    params: dict[str, Any]
    notes: str
    locales: dict[str, dict[str, str]]
    sections: dict[str, str] = field(repr=False)

    @property
    def ref(self) -> PromptRef:
        return PromptRef(id=self.id, version=self.version, sha256=self.sha256)

    def render(self, section: str, **values: Any) -> str:
        """Render one section; a missing or undeclared input is an error, never blank text.
        Besides its inputs a section sees `locales`, the file's own per-language table."""
        undeclared = set(values) - set(self.inputs)
        if undeclared:
            raise ConfigError(f"prompt {self.ref} does not declare inputs {sorted(undeclared)}")
        if section not in self.sections:
            raise ConfigError(f"prompt {self.ref} has no '### {section}' section")
        return render_prompt(self.sections[section], f"prompt {self.ref}", locales=self.locales, **values).strip()

    def locale(self, lang: str) -> dict[str, str]:
        if lang not in self.locales:
            raise ConfigError(f"prompt {self.ref} has no instruction for language '{lang}'")
        return self.locales[lang]


def _parse(path: Path, raw: bytes) -> Prompt:
    text = raw.decode("utf-8")
    parts = text.split("---\n", 2)
    if len(parts) != 3 or parts[0].strip():
        raise ConfigError(f"prompt file {path}: must start with '---' front matter")
    meta = load_yaml(parts[1], f"prompt file {path}") or {}
    body = parts[2]
    names = _SECTION_RE.findall(body)
    chunks = _SECTION_RE.split(body)[1:]
    sections = {name: chunks[i * 2 + 1] for i, name in enumerate(names)}
    named = _FILE_RE.match(path.name)
    if named is None:
        raise ConfigError(f"prompt file {path}: name it v<N>.md")
    expected_version = int(named.group(1))
    for key in ("id", "version", "inputs", "output"):
        if key not in meta:
            raise ConfigError(f"prompt file {path}: front matter lacks '{key}'")
    if meta["id"] != path.parent.name or meta["version"] != expected_version:
        raise ConfigError(f"prompt file {path}: id/version in front matter do not match its path")
    unknown = sorted(set(meta.get("locales") or {}) - set(languages.SUPPORTED))
    if unknown:
        raise ConfigError(
            f"prompt file {path}: locales {', '.join(unknown)} are not languages briefer knows "
            f"(briefer/languages.py: {', '.join(languages.SUPPORTED)})"
        )
    return Prompt(
        id=meta["id"],
        version=meta["version"],
        sha256=hashlib.sha256(raw).hexdigest(),
        path=path,
        inputs=tuple(meta["inputs"]),
        output=meta["output"],
        params=dict(meta.get("params") or {}),
        notes=str(meta.get("notes", "")).strip(),
        locales=dict(meta.get("locales") or {}),
        sections=sections,
    )


def read_lock(prompts_dir: Path) -> dict[str, str]:
    path = prompts_dir / LOCK_NAME
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def all_prompts(prompts_dir: Path) -> list[Prompt]:
    prompts = []
    for path in sorted(prompts_dir.glob("*/v*.md")):
        if _FILE_RE.match(path.name):
            prompts.append(_parse(path, path.read_bytes()))
    return sorted(prompts, key=lambda p: (p.id, p.version))


def _check_pinned(prompt: Prompt, lock: dict[str, str]) -> None:
    pinned = lock.get(str(prompt.ref))
    if pinned is None:
        raise ConfigError(f"prompt {prompt.ref} is not in {LOCK_NAME}; run 'briefer prompts lock' to release it")
    if pinned != prompt.sha256:
        raise ConfigError(
            f"prompt {prompt.ref} changed after release (sha256 {prompt.sha256[:12]} != pinned "
            f"{pinned[:12]}); released prompts are never edited: add v{prompt.version + 1}.md instead"
        )


def load_prompt(prompts_dir: Path, spec: str) -> Prompt:
    """Load 'id' (latest version) or 'id@N', checked against the lock."""
    prompt_id, _, version = spec.partition("@")
    candidates = [p for p in all_prompts(prompts_dir) if p.id == prompt_id]
    if version:
        candidates = [p for p in candidates if str(p.version) == version]
    if not candidates:
        raise ConfigError(f"no prompt '{spec}' in {prompts_dir}")
    prompt = candidates[-1]
    _check_pinned(prompt, read_lock(prompts_dir))
    return prompt


def lock_prompts(prompts_dir: Path) -> list[str]:
    """Pin every prompt file not yet pinned; refuse if a pinned one changed. Returns new pins."""
    lock = read_lock(prompts_dir)
    added = []
    for prompt in all_prompts(prompts_dir):
        if str(prompt.ref) in lock:
            _check_pinned(prompt, lock)
        else:
            lock[str(prompt.ref)] = prompt.sha256
            added.append(str(prompt.ref))
    write_atomic(prompts_dir / LOCK_NAME, json.dumps(lock, indent=2, sort_keys=True) + "\n")
    return added
