"""Jinja2's one home. Prompts: plain text for a model, rendered sandboxed and unescaped.
Pages and feeds: briefer/outputs/templates/ (package data, so an installed briefer has them),
every value escaped by the template engine, never by hand."""

from __future__ import annotations

import functools
import re
from typing import Any, Iterator

import jinja2
import markupsafe
from jinja2.sandbox import SandboxedEnvironment

from briefer.core.errors import ConfigError

# A prompt is text for a model, not markup: nothing escaped. A missing value is an error,
# never blank text. Sandboxed: a prompt file is data and may call no Python beyond its values.
_PROMPTS = SandboxedEnvironment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False, autoescape=False)

# What XML 1.0 cannot hold at all, escaped or not: C0 controls but tab and line ends,
# surrogates, U+FFFE and U+FFFF. One such character makes a feed unreadable to every reader.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(value: Any) -> Any:
    """A value as a page or feed may hold it: text without what XML forbids (dropped: no
    escape exists for it); anything else as it is."""
    if isinstance(value, markupsafe.Markup):  # already escaped markup (rendered markdown) stays markup
        return markupsafe.Markup(_NOT_XML.sub("", value))
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


# Every template here is HTML or XML; any other is escaped too (default=True) rather than trusted.
# finalize: every value put into a page or feed loses what XML forbids, whatever a check let through.
_PAGES = jinja2.Environment(
    loader=jinja2.PackageLoader("briefer.outputs", "templates"),
    autoescape=jinja2.select_autoescape(enabled_extensions=("html", "xml"), default=True),
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    finalize=xml_safe,
)


@functools.lru_cache(maxsize=256)
def _prompt_template(source: str) -> jinja2.Template:
    return _PROMPTS.from_string(source)


def render_prompt(source: str, where: str, **values: Any) -> str:
    """`source` (a section of a prompt file) with `values`; `where` names the prompt in errors."""
    try:
        return _prompt_template(source).render(**values)
    except (jinja2.UndefinedError, jinja2.exceptions.SecurityError) as exc:
        raise ConfigError(f"{where}: {exc.message}") from None


def render_page(name: str, **values: Any) -> Iterator[str]:
    """briefer/outputs/templates/<name> with `values`, in pieces: a desk page of ten thousand articles
    is written as it is made, never held as one string."""
    return _PAGES.get_template(name).generate(**values)
